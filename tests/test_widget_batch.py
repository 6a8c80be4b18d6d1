"""The batch explorer, headless: set m, the example, the weight, where the 1/m goes; check the
callback's gradients."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import backward_propagation, forward_propagation
from helpers.bugs import BUGS
from helpers.widgets.batch import LEARNING_RATE, WEIGHTS, BatchExplorer, math_name

# mean of m numbers vs the same sum done by a matrix product: a few roundings of values of order 1
EXACT = 1e-12


@pytest.fixture(scope="module")
def shared():
    return BatchExplorer()


@pytest.fixture
def explorer(shared):
    """The module's explorer, with the 1/m back in its place after each test."""
    yield shared
    shared.one_over_m.value = "once"


def gradient(explorer: BatchExplorer, columns: slice, backward=backward_propagation):
    """``backward``'s gradients on ``explorer.X[:, columns]`` (default: the reference), computed
    here, not by the widget."""
    X, Y = explorer.X[:, columns], explorer.Y[:, columns]
    _, cache = forward_propagation(X, explorer.parameters)
    return backward(explorer.parameters, cache, X, Y)


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
    inside = [points.get_offsets() for points in explorer.inside]  # class 0, class 1
    assert [len(offsets) for offsets in inside] == [
        int(np.sum(explorer.Y[0, :m] == label)) for label in (0, 1)
    ]
    assert {j for offsets in inside for j in offsets[:, 0]} == set(range(1, m + 1))
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
    assert explorer.label.get_text().startswith(f"w = {weight} = $")
    np.testing.assert_allclose(
        explorer.sum_curve.get_ydata(), np.cumsum(explorer.per_example[weight]), rtol=EXACT
    )


def test_example_picker_shows_that_examples_gradient(explorer):
    explorer.weight.value = "W1[0,0]"
    explorer.m_slider.value = 10
    explorer.example.value = 5  # example j = 5 is column 4, drawn at x = 5
    expected = gradient(explorer, slice(4, 5))["dW1"][0, 0]
    assert explorer.picked_value == pytest.approx(expected, rel=EXACT, abs=EXACT)
    assert tuple(explorer.picked.get_data()[0]) == (5,)
    assert tuple(explorer.picked.get_data()[1]) == (explorer.picked_value,)
    assert f"example j = 5 (y = {int(explorer.Y[0, 4])}): dL(5)/dw = {expected:.4f}" in (
        explorer.describe()
    )


def test_example_picker_stays_inside_the_batch(explorer):
    explorer.m_slider.value = 10
    explorer.example.value = 10
    explorer.m_slider.value = 3
    assert explorer.example.max == 3 and explorer.example.value == 3
    assert explorer.describe().startswith("m = 3,")


def test_a_change_only_redraws_the_changing_artists(explorer, monkeypatch):
    """Fixed axis limits: moving m never draws the whole figure again (the browser bench measures
    the latency)."""
    full_draws = []
    monkeypatch.setattr(explorer.live.canvas, "draw", lambda *args: full_draws.append(args))
    for m in range(1, 11):
        explorer.m_slider.value = m
    assert full_draws == []


# where the 1/m goes -> the bug of the gallery the widget must run, and dw as a multiple of the mean
VARIANTS = {
    "missing": ("missing_one_over_m", lambda m: m),
    "twice": ("one_over_m_twice", lambda m: 1 / m),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("m", [1, 5, 12])
def test_a_misplaced_1_over_m_moves_the_diamond_off_the_mean(explorer, variant, m):
    bug, factor = VARIANTS[variant]
    explorer.weight.value = "W1[3,0]"
    explorer.m_slider.value = m
    explorer.one_over_m.value = variant
    expected = gradient(explorer, slice(0, m), BUGS[bug])["dW1"][3, 0]
    assert explorer.vectorised == pytest.approx(expected, rel=EXACT, abs=EXACT)
    # the loop's mean does not move; dw is m times it (missing) or 1/m of it (twice)
    right = gradient(explorer, slice(0, m))["dW1"][3, 0]
    assert explorer.mean == pytest.approx(right, rel=EXACT, abs=EXACT)
    assert explorer.vectorised == pytest.approx(factor(m) * explorer.mean, rel=EXACT, abs=EXACT)
    if variant == "missing":
        assert explorer.vectorised == pytest.approx(explorer.total, rel=EXACT, abs=EXACT)
    assert explorer.vector_mark.get_ydata()[0] == explorer.vectorised  # inside the axis here
    assert explorer.m_mark.get_ydata()[0] == explorer.vectorised
    np.testing.assert_array_equal(
        explorer.vector_curve.get_ydata(), explorer.vectorised_by_m[variant]["W1[3,0]"]
    )
    # the step the learner would take, and the right one
    assert f"{-LEARNING_RATE * explorer.vectorised:.4f}" in explorer.numbers.value
    assert f"{-LEARNING_RATE * right:.4f}" in explorer.numbers.value
    assert f"1/m {variant}" in explorer.describe()
    # the text shown without a kernel gives both steps too
    assert f"-alpha * (backward pass) = {-LEARNING_RATE * explorer.vectorised:.4f}" in (
        explorer.describe()
    )
    assert f"-alpha * dJ/dw = {-LEARNING_RATE * right:.4f}" in explorer.describe()
    if m == 1:  # one example: no 1/m to miss or to double
        assert explorer.vectorised == pytest.approx(explorer.mean, rel=EXACT, abs=EXACT)


def test_back_to_once_the_diamond_returns_to_the_mean(explorer):
    explorer.m_slider.value = 9
    explorer.one_over_m.value = "missing"
    explorer.one_over_m.value = "once"
    assert explorer.vectorised == pytest.approx(explorer.mean, rel=EXACT, abs=EXACT)
    assert explorer.vector_mark.get_ydata()[0] == explorer.vectorised


def test_a_diamond_beyond_the_axis_shows_as_an_arrow_with_its_value(explorer):
    explorer.weight.value = "W1[0,0]"
    explorer.m_slider.value = 30
    explorer.one_over_m.value = "missing"
    low, high = explorer.ax.get_ylim()
    assert explorer.vectorised < low  # the sum of 30 gradients is off the per-example scale
    assert explorer.vector_mark.get_marker() == "v"
    assert low < explorer.vector_mark.get_ydata()[0] < high
    assert f"backward pass: {explorer.vectorised:.2f}" in explorer.off_scale.get_text()
    explorer.one_over_m.value = "once"
    assert explorer.vector_mark.get_marker() == "D" and explorer.off_scale.get_text() == ""


def test_switching_the_1_over_m_only_redraws_the_changing_artists(explorer, monkeypatch):
    full_draws = []
    monkeypatch.setattr(explorer.live.canvas, "draw", lambda *args: full_draws.append(args))
    for variant in ("missing", "twice", "once"):
        explorer.one_over_m.value = variant
    assert full_draws == []


@pytest.mark.parametrize(
    "weight, name",
    [("W1[0,0]", "W[1]_11"), ("W1[3,0]", "W[1]_41"), ("b1[0,0]", "b[1]_1"), ("W2[0,0]", "W[2]_11")],
)
def test_parameters_are_named_as_in_code_and_as_in_the_formulas(explorer, weight, name):
    """Code counts from 0, the formulas from 1: both names are shown, side by side."""
    assert math_name(weight) == name
    assert (f"{weight} = {name}", weight) in explorer.weight.options
    explorer.weight.value = weight
    assert f"w = {weight} = {name}" in explorer.describe()


def test_each_panel_has_its_own_legend_and_the_diamond_hides_no_dot(explorer):
    """The diamond stands left of example 1, on the end of the mean line, at every m: it used to
    stand at m + 1.3, over the hollow dot of example m + 1."""
    left = [t.get_text() for t in explorer.ax.get_legend().get_texts()]
    right = [t.get_text() for t in explorer.ax_m.get_legend().get_texts()]
    assert "current m" in right and "current m" not in left
    assert "picked example" in left and "picked example" not in right
    figure = explorer.live.figure
    for m in (1, 5, explorer.max_m):
        explorer.m_slider.value = m
        diamond_x = explorer.vector_mark.get_xdata()[0]
        assert explorer.ax.get_xlim()[0] + 0.5 <= diamond_x <= 1 - 1.5  # inside, 1.5 from j = 1
        assert explorer.mean_line.get_xdata()[0] == diamond_x  # the line starts at the diamond
        # in pixels: half the diamond (a square of side 9 points turned on its corner, 9 sqrt 2
        # across, its edge 1.8 wide) and half the largest dot (50 points squared: 7 across) fit
        # between them
        (x_diamond, _), (x_first, _) = explorer.ax.transData.transform([(diamond_x, 0), (1, 0)])
        assert x_first - x_diamond > ((9 * 2**0.5 + 1.8) / 2 + 7 / 2) * figure.dpi / 72
    assert explorer.ax_m.get_xlim()[1] - explorer.max_m >= 1
    assert explorer.label is explorer.ax.title  # the parameter's name heads the panel


def said(value: float, digits: int) -> str:
    """A number as the text alternative says it (minus sign U+2212)."""
    return f"{round(value, digits) + 0.0:.{digits}f}".replace("-", "\u2212")


@pytest.mark.parametrize("m", [1, 5, 10])
def test_up_to_ten_examples_the_alt_lists_the_batch_s_values(explorer, m):
    """So that the mean can be checked by ear: each of the m values, rounded, then the mean."""
    explorer.weight.value = "W1[0,0]"
    explorer.m_slider.value = m
    alt = explorer.alt()
    values = [said(v, 2) for v in explorer.per_example["W1[0,0]"][:m]]
    listed = values[0] if m == 1 else ", ".join(values[:-1]) + " and " + values[-1]
    examples = "example 1" if m == 1 else f"examples 1 to {m}"
    assert f"Left, {examples} of the batch: {listed}, example j = " in alt
    assert alt.startswith(
        f"The backward pass on the whole batch (1/m once), a diamond at "
        f"{said(explorer.vectorised, 4)}, sits on the mean line of the {m} per-example gradient"
    )
    assert len(alt.split()) <= 80 and "_" not in alt


def test_above_ten_examples_the_alt_gives_the_picked_one(explorer):
    explorer.m_slider.value = 11
    explorer.example.value = 4
    alt = explorer.alt()
    assert "examples 1 to" not in alt
    assert f"example j = 4 ringed in red at {said(explorer.picked_value, 2)}." in alt


def test_the_alt_says_what_the_misplaced_1_over_m_makes_of_the_mean(explorer):
    explorer.weight.value = "W1[0,0]"
    explorer.m_slider.value = 5
    mean = said(explorer.mean, 4)
    explorer.one_over_m.value = "missing"
    assert (
        f"is the sum of the 5 per-example gradients of w = W1[0,0], 5 times their mean, {mean}"
        in (explorer.alt())
    )
    assert "the backward pass follows the sum (dashed)" in explorer.alt()
    explorer.one_over_m.value = "twice"
    assert f"{mean} (the line), divided by 5." in explorer.alt()
    assert "follows the mean divided by m" in explorer.alt()
