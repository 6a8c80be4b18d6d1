"""The batch explorer, headless: set m, the example, the weight; check the callback's gradients."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import backward_propagation, forward_propagation
from helpers.widgets.batch import WEIGHTS, BatchExplorer

# mean of m numbers vs the same sum done by a matrix product: a few roundings of values of order 1
EXACT = 1e-12


@pytest.fixture(scope="module")
def explorer():
    return BatchExplorer()


def gradient(explorer: BatchExplorer, columns: slice) -> dict[str, np.ndarray]:
    """The reference's gradients on ``explorer.X[:, columns]``, computed here, not by the widget."""
    X, Y = explorer.X[:, columns], explorer.Y[:, columns]
    _, cache = forward_propagation(X, explorer.parameters)
    return backward_propagation(explorer.parameters, cache, X, Y)


@pytest.mark.parametrize("m", [1, 7, 40])
def test_mean_of_per_example_gradients_is_the_vectorised_gradient(explorer, m):
    explorer.weight.value = "W1[0,0]"
    explorer.m_slider.value = m
    per_example = [gradient(explorer, slice(j, j + 1))["dW1"][0, 0] for j in range(m)]
    vectorised = gradient(explorer, slice(0, m))["dW1"][0, 0]
    assert explorer.mean == pytest.approx(np.mean(per_example), rel=EXACT, abs=EXACT)
    assert explorer.vectorised == pytest.approx(vectorised, rel=EXACT, abs=EXACT)
    assert explorer.mean == pytest.approx(explorer.vectorised, rel=EXACT, abs=EXACT)
    # the sum has no 1/m
    assert explorer.total == pytest.approx(m * explorer.vectorised, rel=EXACT, abs=EXACT)
    assert explorer.mean_line.get_ydata()[0] == explorer.mean  # the plotted line is the mean
    assert explorer.vector_mark.get_ydata()[0] == explorer.vectorised
    assert len(explorer.inside.get_offsets()) == m
    assert len(explorer.outside.get_offsets()) == explorer.max_m - m
    assert f"{explorer.vectorised:.4f}" in explorer.numbers.value


@pytest.mark.parametrize("weight", WEIGHTS)
def test_every_weight_and_bias_follows_the_same_rule(explorer, weight):
    explorer.m_slider.value = 12
    explorer.weight.value = weight
    name, index = weight.split("[")
    row, column = (int(i) for i in index.rstrip("]").split(","))
    expected = gradient(explorer, slice(0, 12))["d" + name][row, column]
    assert explorer.vectorised == pytest.approx(expected, rel=EXACT, abs=EXACT)
    assert explorer.mean == pytest.approx(explorer.vectorised, rel=EXACT, abs=EXACT)
    assert explorer.label.get_text() == f"w = {weight}"
    np.testing.assert_allclose(
        explorer.sum_curve.get_ydata(), np.cumsum(explorer.per_example[weight]), rtol=EXACT
    )


def test_example_picker_shows_that_examples_gradient(explorer):
    explorer.weight.value = "W1[0,0]"
    explorer.m_slider.value = 10
    explorer.example.value = 4
    expected = gradient(explorer, slice(4, 5))["dW1"][0, 0]
    assert explorer.picked_value == pytest.approx(expected, rel=EXACT, abs=EXACT)
    assert tuple(explorer.picked.get_data()[1]) == (explorer.picked_value,)
    assert f"dL(4)/dW1[0,0] = {expected:.4f}" in explorer.describe()


def test_example_picker_stays_inside_the_batch(explorer):
    explorer.m_slider.value = 10
    explorer.example.value = 9
    explorer.m_slider.value = 3
    assert explorer.example.max == 2 and explorer.example.value == 2
    assert explorer.describe().startswith("m = 3,")


def test_a_change_only_redraws_the_changing_artists(explorer, monkeypatch):
    """Fixed axis limits: moving m never draws the whole figure again (the browser bench measures the latency)."""
    full_draws = []
    monkeypatch.setattr(explorer.live.canvas, "draw", lambda *args: full_draws.append(args))
    for m in range(1, 11):
        explorer.m_slider.value = m
    assert full_draws == []
