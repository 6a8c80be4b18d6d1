"""Headless test of notebook 02's computational graph: its numbers are the reference's, for every activation."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import (
    ACTIVATIONS,
    ShapeError,
    backward_propagation,
    compute_cost,
    forward_propagation,
    sigmoid,
)
from helpers.gradcheck import numerical_gradient, relative_error
from helpers.widgets.graph import (
    HIDDEN_ACTIVATIONS,
    GraphExplorer,
    draw_graph,
    example_network,
    graph_values,
)

GRADIENT_CHECK = (
    1e-7  # centred differences (eps = 1e-6) in float64 agree to ~1e-9 with a correct gradient
)
DRAWN = 5e-4 + 1e-12  # the graph prints 3 decimals


def shown(text) -> float:
    return float(text.get_text().lstrip("\u00d7"))


@pytest.mark.parametrize("activation", HIDDEN_ACTIVATIONS)
def test_values_are_the_reference_and_the_finite_differences(activation):
    parameters, X, Y = example_network()
    values = graph_values(parameters, X, Y, activation)
    A2, cache = forward_propagation(X, parameters, activation)
    grads = backward_propagation(parameters, cache, X, Y, activation)
    np.testing.assert_array_equal(values.Z1, cache["Z1"])
    np.testing.assert_array_equal(values.A1, cache["A1"])
    np.testing.assert_array_equal(values.dZ1, grads["db1"])  # one example: db1 = dZ1
    assert (
        values.a2 == A2[0, 0]
        and values.dz2 == grads["db2"][0, 0]
        and values.L == compute_cost(A2, Y)
    )
    W2, b2 = parameters["W2"], parameters["b2"]
    numeric_dA1 = numerical_gradient(lambda A1: compute_cost(sigmoid(W2 @ A1 + b2), Y), cache["A1"])
    assert relative_error(values.dA1, numeric_dA1) < GRADIENT_CHECK
    numeric_da2 = numerical_gradient(lambda A2_: compute_cost(A2_, Y), A2)
    assert relative_error(np.array([[values.da2]]), numeric_da2) < GRADIENT_CHECK
    np.testing.assert_allclose(values.dZ1, values.dA1 * values.g_prime, rtol=1e-12, atol=0)


def test_every_drawn_number_is_a_value_and_the_edges_multiply():
    parameters, X, Y = example_network()
    values = graph_values(parameters, X, Y, "tanh")
    artists = draw_graph(Figure().add_subplot(), values)
    nodes = values.nodes()
    assert set(artists.value) == set(nodes) and len(nodes) == 2 + 3 + 3 + 3
    for node, (value, gradient) in nodes.items():
        assert abs(shown(artists.value[node]) - value) <= DRAWN
        if gradient is not None:
            assert abs(shown(artists.grad[node]) - gradient) <= DRAWN
    for (tail, head), local in values.edges().items():
        assert abs(shown(artists.local[tail, head]) - local) <= DRAWN
        assert nodes[tail][1] == pytest.approx(nodes[head][1] * local, rel=1e-12)
    assert (
        artists.grad["z1_0"].get_text() == "-0.199"
        and artists.local["a1_2", "z2"].get_text() == "\u00d70.900"
    )


def test_choosing_an_activation_updates_the_graph_and_the_table():
    explorer = GraphExplorer()
    assert explorer.dropdown.description == "activation"
    assert set(explorer.dropdown.options) <= set(ACTIVATIONS)
    tanh_png = explorer.live.png
    explorer.dropdown.value = "relu"
    assert (
        explorer.live.png is explorer.pngs["relu"]
    )  # the very frame drawn when the widget was built
    assert explorer.artists.local["z1_0", "a1_0"].get_text() == "\u00d70.000"  # relu'(-1.4) = 0
    assert explorer.artists.grad["z1_0"].get_text() == "0.000"
    assert (
        explorer.artists.grad["a1_0"].get_text() == "-0.780"
    )  # the gradient reaches a1_0, not z1_0
    assert (
        explorer.artists.grad["z1_1"].get_text()
        == explorer.artists.grad["a1_1"].get_text()
        == "0.455"
    )
    assert "relu hidden layer" in explorer.artists.title.get_text()
    assert (
        explorer.live.png == explorer.pngs["relu"] != tanh_png
        and explorer.live.image.value == explorer.live.png
    )
    assert "<b>0.000</b>" in explorer.table.value and "<b>-0.585</b>" in explorer.table.value
    # an aligned table: one header per column, 3 units x 6 columns of cells
    assert explorer.table.value.count("<th ") == 6 and explorer.table.value.count("<td ") == 3 * 6
    lines = explorer.describe().splitlines()
    assert lines[0] == "activation = relu, dZ2 = a2 - y = -0.650"
    assert lines[1] == "g'(Z1)             = [0.000, 1.000, 1.000]"
    assert lines[3].startswith("dZ1 = dA1 * g'(Z1) = [0.000, 0.455, -0.585]")
    explorer.dropdown.value = "tanh"
    assert explorer.live.png == tanh_png and explorer.artists.grad["z1_0"].get_text() == "-0.199"


def test_precomputed_finite_difference_checks_pass():
    checks = GraphExplorer().checks
    assert list(checks) == list(HIDDEN_ACTIVATIONS)
    for activation, (numeric, error) in checks.items():
        assert numeric.shape == (3, 1) and error < GRADIENT_CHECK, activation


def test_graph_needs_one_example_and_one_output():
    parameters, X, Y = example_network()
    with pytest.raises(ShapeError, match=r"X has shape \(2, 2\) but the graph shows one example"):
        graph_values(parameters, np.hstack([X, X]), np.hstack([Y, Y]))
    two_outputs = {**parameters, "W2": np.vstack([parameters["W2"]] * 2), "b2": np.zeros((2, 1))}
    with pytest.raises(
        ShapeError, match=r"W2 has shape \(2, 3\) but the graph has one output unit"
    ):
        graph_values(two_outputs, X, np.ones((2, 1)))
