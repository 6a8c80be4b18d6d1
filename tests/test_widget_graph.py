"""Headless test of notebook 02's computational graph: its numbers are the reference's, for every
activation, and every number drawn is the reference's or the finite differences'."""

from __future__ import annotations

import re

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
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
from helpers.network import dL_dA2
from helpers.widgets.base import number
from helpers.widgets.graph import (
    FIGSIZE,
    HIDDEN_ACTIVATIONS,
    MARGINS,
    GraphExplorer,
    draw_graph,
    example_network,
    graph_values,
)

# centred differences (eps = 1e-6) in float64 agree to ~1e-9 with a correct gradient
GRADIENT_CHECK = 1e-7
DRAWN = 5e-4 + 1e-12  # the graph prints 3 decimals


def shown(text) -> float:
    """The number a text of the graph shows (``"\u00d71.200"`` on an edge means "times 1.200",
    ``"\u00d7(-0.700)"`` "times -0.700")."""
    return float(text.get_text().lstrip("\u00d7").strip("()"))


def loss(parameters, X, Y, activation):
    """The loss of the one example in ``X``, computed by the reference (m = 1: J = L)."""
    A2, _ = forward_propagation(X, parameters, activation)
    return compute_cost(A2, Y)


@pytest.mark.parametrize("activation", HIDDEN_ACTIVATIONS)
def test_values_are_the_reference_s_intermediates(activation):
    parameters, X, Y = example_network()
    values = graph_values(parameters, X, Y, activation)
    A2, cache = forward_propagation(X, parameters, activation)
    grads = backward_propagation(parameters, cache, X, Y, activation, intermediates=True)
    np.testing.assert_array_equal(values.Z1, cache["Z1"])
    np.testing.assert_array_equal(values.A1, cache["A1"])
    np.testing.assert_array_equal(values.g_prime, grads["g1_prime"])
    np.testing.assert_array_equal(values.dA1, grads["dA1"])
    np.testing.assert_array_equal(values.dZ1, grads["dZ1"])
    np.testing.assert_array_equal(values.dZ1, grads["db1"])  # one example: db1 = dZ1
    assert values.a2 == A2[0, 0] and values.dz2 == grads["dZ2"][0, 0]
    assert values.L == compute_cost(A2, Y)
    assert values.da2 == dL_dA2(A2, Y)[0, 0]
    assert values.sigma_prime == ACTIVATIONS["sigmoid"].g_prime(cache["Z2"], A2)[0, 0]


@pytest.mark.parametrize("activation", HIDDEN_ACTIVATIONS)
def test_every_drawn_number_is_the_reference_s_or_the_finite_differences(activation):
    """Every number on the graph, read back from the figure's texts, against the reference's
    ``cache`` and ``grads`` (one example: ``db1`` is ``dZ1``, ``db2`` is ``dZ2``) and finite
    differences of the loss in ``A1`` and ``A2``; then, on every edge, at full precision, the rule
    of the red numbers: gradient at the tail = gradient at the head x local derivative."""
    parameters, X, Y = example_network()
    values = graph_values(parameters, X, Y, activation)
    drawn = draw_graph(Figure().add_subplot(), values)
    A2, cache = forward_propagation(X, parameters, activation)
    grads = backward_propagation(parameters, cache, X, Y, activation)
    W2, b2 = parameters["W2"], parameters["b2"]
    numeric_dA1 = numerical_gradient(lambda A1: compute_cost(sigmoid(W2 @ A1 + b2), Y), cache["A1"])
    numeric_da2 = numerical_gradient(lambda a2: compute_cost(a2, Y), A2)
    assert relative_error(values.dA1, numeric_dA1) < GRADIENT_CHECK
    assert relative_error(np.array([[values.da2]]), numeric_da2) < GRADIENT_CHECK
    expected = {f"x_{i}": (X[i - 1, 0], None) for i in (1, 2)}
    for k in (1, 2, 3):  # units are numbered from 1: unit k is row k - 1
        expected[f"z1_{k}"] = (cache["Z1"][k - 1, 0], grads["db1"][k - 1, 0])
        expected[f"a1_{k}"] = (cache["A1"][k - 1, 0], numeric_dA1[k - 1, 0])
    expected["z2"] = (cache["Z2"][0, 0], grads["db2"][0, 0])
    expected["a2"] = (A2[0, 0], numeric_da2[0, 0])
    expected["L"] = (loss(parameters, X, Y, activation), 1.0)
    assert set(drawn.value) == set(expected) == set(values.nodes())
    for node, (value, gradient) in expected.items():
        assert abs(shown(drawn.value[node]) - value) <= DRAWN, node
        if gradient is None:
            assert node not in drawn.grad
        else:
            assert abs(shown(drawn.grad[node]) - gradient) <= DRAWN, node
    gradients = {node: gradient for node, (_, gradient) in values.nodes().items()}
    assert len(values.edges()) == 3 + 3 + 2
    for (tail, head), local in values.edges().items():
        assert abs(shown(drawn.local[tail, head]) - local) <= DRAWN, (tail, head)
        assert gradients[tail] == pytest.approx(gradients[head] * local, rel=1e-12), (tail, head)


def test_units_are_numbered_from_1_on_the_drawn_graph():
    parameters, X, Y = example_network()
    drawn = draw_graph(Figure().add_subplot(), graph_values(parameters, X, Y, "tanh"))
    titles = {text.get_text() for text in drawn.value["z1_1"].axes.texts}
    assert {"$x_1$", "$x_2$", "$z^{[1]}_1$", "$a^{[1]}_3$", "$z^{[2]}$", r"$\mathcal{L}$"} <= titles
    assert not any("_0" in title for title in titles)
    assert drawn.grad["z1_1"].get_text() == "-0.199"  # unit 1 is Z1[0, 0]
    assert drawn.local["a1_3", "z2"].get_text() == "\u00d70.900"  # W2[0, 2]
    assert drawn.local["a1_2", "z2"].get_text() == "\u00d7(-0.700)"  # a negative in parentheses


def test_the_legend_says_where_the_backward_pass_starts_and_what_the_grey_edges_are():
    parameters, X, Y = example_network()
    ax = Figure().add_subplot()
    draw_graph(ax, graph_values(parameters, X, Y, "tanh"))
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert any(r"\partial\mathcal{L}/\partial\mathcal{L} = 1" in label for label in labels)
    assert any("next node" in label and "this node" in label for label in labels)
    assert any("input" in label and "not differentiated" in label for label in labels)


def test_choosing_an_activation_updates_the_graph_and_the_table():
    explorer = GraphExplorer()
    assert explorer.dropdown.description == "activation"
    assert set(explorer.dropdown.options) <= set(ACTIVATIONS)
    tanh_png = explorer.live.png
    explorer.dropdown.value = "relu"
    # the very frame drawn when the widget was built
    assert explorer.live.png is explorer.pngs["relu"]
    assert explorer.artists.local["z1_1", "a1_1"].get_text() == "\u00d70.000"  # relu'(-1.4) = 0
    assert explorer.artists.grad["z1_1"].get_text() == "0.000"
    # the gradient reaches a1_1, not z1_1
    assert explorer.artists.grad["a1_1"].get_text() == "-0.780"
    assert explorer.artists.grad["z1_2"].get_text() == "0.455"
    assert explorer.artists.grad["a1_2"].get_text() == "0.455"
    assert "relu hidden layer" in explorer.artists.title.get_text()
    assert explorer.live.png == explorer.pngs["relu"] != tanh_png
    assert explorer.live.image.value == explorer.live.png
    table = explorer.table.value
    assert "<b>0.000</b>" in table and "<b>-0.585</b>" in table
    # an aligned table: one header per column, 3 units x 6 columns of cells, units 1, 2, 3
    assert table.count("<th ") == 6 and table.count("<td ") == 3 * 6
    assert [int(unit) for unit in re.findall(r"<tr><td[^>]*>(\d+)</td>", table)] == [1, 2, 3]
    lines = explorer.describe().splitlines()
    assert lines[0] == "activation = relu, x = [1.000, 2.000]"
    assert lines[1] == (
        "forward: Z1 = [-1.400, 1.900, 0.900], A1 = [0.000, 1.900, 0.900], z2 = -0.620, "
        "a2 = 0.350, L = 1.050"
    )
    assert lines[2] == (
        "factors on the edges: dL/da2 = -2.859 (a2 to L), sigma'(z2) = 0.227 (z2 to a2), "
        "W2 = [1.200, -0.700, 0.900] (a1 to z2), g1_prime (z1 to a1)"
    )
    assert lines[3] == "backward from dL/dL = 1: dL/da2 = -2.859, dZ2 = A2 - Y = -0.650"
    assert lines[4] == "g1_prime = (Z1 > 0).astype(Z1.dtype) = [0.000, 1.000, 1.000]"
    assert lines[5] == "dA1 = W2.T @ dZ2                     = [-0.780, 0.455, -0.585]"
    assert lines[6].startswith("dZ1 = dA1 * g1_prime                 = [0.000, 0.455, -0.585]")
    explorer.dropdown.value = "tanh"
    assert explorer.live.png == tanh_png and explorer.artists.grad["z1_1"].get_text() == "-0.199"
    assert explorer.describe().splitlines()[4] == "g1_prime = 1 - A1**2 = [0.216, 0.086, 0.487]"


@pytest.mark.parametrize("activation", HIDDEN_ACTIVATIONS)
def test_the_alt_states_the_rule_and_follows_it_along_unit_1(activation):
    """The text alternative says how a gradient is made and follows the rule along hidden unit 1's
    two edges, with the numbers drawn there: z2's gradient times W2[0, 0] is a1's, times
    g'(z1) is z1's."""
    explorer = GraphExplorer(activation)
    drawn, alt = explorer.artists, explorer.alt()

    def said(text) -> str:  # a drawn number as the alt says it, with a minus sign
        return text.get_text().lstrip("\u00d7").strip("()").replace("-", "\u2212")

    chain = (
        f"for hidden unit 1, z2's {said(drawn.grad['z2'])} times "
        f"{said(drawn.local['a1_1', 'z2'])} gives {said(drawn.grad['a1_1'])} at a1, times "
        f"{said(drawn.local['z1_1', 'a1_1'])} gives {said(drawn.grad['z1_1'])} at z1."
    )
    assert alt.endswith(chain)
    assert "next node's gradient times the factor on the edge" in alt
    assert "summed over the edges leaving the node" in alt
    assert f"a {activation.replace('_', ' ')} network with 3 hidden units" in alt
    assert len(alt.split()) <= 70 and "_" not in alt and not re.search(r"-\d| - |->|\u00d7", alt)
    # every number of the graph is in the text beside the picture
    for value in (explorer.current.a2, explorer.current.L, explorer.current.sigma_prime):
        assert number(value) in explorer.describe()


def _segment_hits_box(start, end, box, pad: float = 1.0) -> bool:
    """Whether the straight segment from ``start`` to ``end`` (pixels) passes through ``box``
    (pixels), grown by ``pad`` on every side: 400 points along it, each within a pixel."""
    points = np.linspace(start, end, 400)
    inside = (
        (points[:, 0] > box.x0 - pad)
        & (points[:, 0] < box.x1 + pad)
        & (points[:, 1] > box.y0 - pad)
        & (points[:, 1] < box.y1 + pad)
    )
    return bool(inside.any())


@pytest.mark.parametrize("activation", HIDDEN_ACTIVATIONS)
def test_no_edge_label_hides_an_arrow_or_a_node(activation):
    """At the size notebook 02 draws the graph and the explorer shows it (``FIGSIZE``, 100 dpi),
    every edge's label sits beside its arrow: it covers no arrow, no node and no other label.
    (The labels used to sit on their arrows, in a white box: ``×(-4.278)`` hid all of a2 -> L.)"""
    parameters, X, Y = example_network()
    figure = Figure(figsize=FIGSIZE, dpi=100)
    figure.subplots_adjust(**MARGINS)
    ax = figure.add_subplot()
    drawn = draw_graph(ax, graph_values(parameters, X, Y, activation))
    renderer = FigureCanvasAgg(figure).get_renderer()
    labels = {edge: text.get_window_extent(renderer) for edge, text in drawn.local.items()}
    nodes = [patch.get_window_extent(renderer) for patch in ax.patches]
    assert len(nodes) == 2 + 3 + 3 + 3 and len(drawn.arrows) == 2 * 3 + 3 + 3 + 2
    for edge, box in labels.items():
        for arrow in drawn.arrows.values():
            start, end = ax.transData.transform([arrow.xyann, arrow.xy])
            assert not _segment_hits_box(start, end, box), (edge, arrow.xyann)
        assert not any(box.overlaps(node) for node in nodes), edge
        assert not any(box.overlaps(other) for e, other in labels.items() if e != edge), edge


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


def test_the_title_and_the_legend_fit_in_the_fixed_margins():
    """No constrained layout (it measured every text at each draw): the fixed margins must leave
    room for the title above the nodes and the legend below them, inside the figure."""
    explorer = GraphExplorer()
    figure, ax = explorer.live.figure, explorer.live.figure.axes[0]
    assert figure.get_layout_engine() is None
    renderer = explorer.live.canvas.get_renderer()
    inside, nodes = figure.bbox, ax.get_window_extent(renderer)
    title = ax.title.get_window_extent(renderer)
    legend = ax.get_legend().get_window_extent(renderer)
    for extent in (title, legend):
        assert inside.x0 <= extent.x0 and extent.x1 <= inside.x1
        assert inside.y0 <= extent.y0 and extent.y1 <= inside.y1
    assert title.y0 >= nodes.y1 - 1 and legend.y1 <= nodes.y0 + 1
