"""Headless test of notebook 05's activation explorer: the dropdown and the slider redraw g, g', the
histogram of g'(Z1) and the dW1 bars with numbers recomputed here independently."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import (
    ACTIVATIONS,
    backward_propagation,
    forward_propagation,
    load_planar_dataset,
    sigmoid,
)
from helpers.widgets.activations import (
    BINS,
    SCALES,
    SLIDER_SCALES,
    Z_GRID,
    ActivationExplorer,
    largest_g_prime,
    scaled_network,
    snapshot,
)


@pytest.fixture(scope="module")
def explorer():
    return ActivationExplorer()


def test_the_dropdown_lists_every_activation(explorer):
    assert explorer.dropdown.description == "activation"
    assert list(explorer.dropdown.options) == list(ACTIVATIONS)
    assert [value for _, value in explorer.slider.options] == list(SLIDER_SCALES)
    assert set(SCALES) < set(SLIDER_SCALES)  # section 10's scales, and more
    assert explorer.slider.description == "scale of W1, b1"


def test_the_header_asks_without_answering(explorer):
    """The explorer's line says what to try, not what the prediction cell's answer is."""
    header = explorer.children[0].value
    assert header.startswith("<b>Activation explorer</b>") and "predict first" in header
    assert "scale 2" not in header and "same entries" not in header


def test_the_sigmoid_at_scale_2_saturates_what_tanh_saturates_at_scale_1(explorer):
    explorer.slider.value = 1.0
    explorer.dropdown.value = "tanh"
    tanh = explorer.current.saturated
    explorer.slider.value = 2.0
    explorer.dropdown.value = "sigmoid"
    assert explorer.current.saturated == tanh and f"{100 * tanh:.1f}%" in explorer.table.value


def test_choosing_relu_redraws_every_panel_with_its_numbers(explorer):
    explorer.slider.value = 1.0
    explorer.dropdown.value = "tanh"
    before = explorer.live.png
    explorer.dropdown.value = "relu"
    np.testing.assert_array_equal(explorer.g_line.get_ydata(), np.maximum(Z_GRID, 0))
    np.testing.assert_array_equal(explorer.g_prime_line.get_ydata(), (Z_GRID > 0).astype(float))
    assert explorer.name_text.get_text() == "relu"
    assert explorer.live.png != before and explorer.live.image.value == explorer.live.png

    # the same network, computed here: relu's g'(Z1) is 1 where Z1 > 0 and 0 elsewhere
    X, Y = load_planar_dataset()
    parameters = scaled_network(2, 4, 1.0)
    A2, cache = forward_propagation(X, parameters, "relu")
    on = cache["Z1"] > 0
    histogram = explorer.stairs.get_data().values
    assert histogram[0] == pytest.approx(np.mean(~on), abs=1e-15)  # exact counts / 1600
    assert histogram[-1] == pytest.approx(np.mean(on), abs=1e-15)
    assert histogram[1:-1].sum() == 0

    dZ1 = (parameters["W2"].T @ (A2 - Y)) * on
    norm_dW1 = np.linalg.norm(dZ1 @ X.T / X.shape[1])
    assert norm_dW1 == pytest.approx(
        np.linalg.norm(backward_propagation(parameters, cache, X, Y, "relu")["dW1"]), rel=1e-12
    )  # two orders of the same sums: round-off only
    relu_bar = explorer.bars.get_segments()[list(ACTIVATIONS).index("relu")]
    assert relu_bar[1][1] == pytest.approx(norm_dW1, rel=1e-12)
    assert f"<b>{norm_dW1:.3g}</b>" in explorer.table.value
    dA1 = parameters["W2"].T @ (A2 - Y)
    assert explorer.describe() == (
        f"relu, scale 1: mean g'(Z1) = {np.mean(on):.3f}, "
        f"{100 * np.mean(~on):.1f}% of g'(Z1) saturated, "
        f"mean |dZ1| = {np.abs(dZ1).mean():.3g} (mean |dA1| = {np.abs(dA1).mean():.3g}), "
        f"||dW1|| = {norm_dW1:.3g}"
    )


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_a_snapshot_s_numbers_are_the_reference_s_intermediates(activation):
    X, Y = load_planar_dataset()
    parameters = scaled_network(2, 4, 3.0)
    _, cache = forward_propagation(X, parameters, activation)
    grads = backward_propagation(parameters, cache, X, Y, activation, intermediates=True)
    s = snapshot(X, Y, activation, 3.0)
    assert s.mean_g_prime == float(grads["g1_prime"].mean())
    assert s.mean_abs_dA1 == float(np.abs(grads["dA1"]).mean())
    assert s.mean_abs_dZ1 == float(np.abs(grads["dZ1"]).mean())
    assert s.norm_dW1 == float(np.linalg.norm(grads["dW1"]))


def test_the_scale_slider_shows_tanh_saturating(explorer):
    explorer.dropdown.value = "tanh"
    explorer.slider.value = 0.01
    small = explorer.current
    assert small.mean_g_prime > 0.999 and small.saturated == 0  # |Z1| < 0.1: tanh is nearly linear
    assert explorer.stairs.get_data().values[-1] == 1.0  # every g'(Z1) in the last bin [0.95, 1]
    explorer.slider.value = 10.0
    large = explorer.current
    assert large.saturated > 0.8 and large.mean_g_prime < 0.1
    assert large.norm_dW1 < small.norm_dW1
    low, high = large.z1_band
    band = explorer.bands[0]
    assert (
        band.get_x() == low and band.get_width() == high - low
    )  # the very numbers the callback set
    heights = [segment[1][1] for segment in explorer.bars.get_segments()]
    assert heights == [explorer.snapshots[(name, 10.0)].norm_dW1 for name in ACTIVATIONS]
    colours = explorer.bars.get_colors()
    chosen = list(ACTIVATIONS).index("tanh")
    assert all((colours[i] != colours[chosen]).any() for i in range(len(heights)) if i != chosen)


def test_every_histogram_is_a_distribution_over_the_bins(explorer):
    assert len(BINS) - 1 == len(explorer.stairs.get_data().values)
    for snap in explorer.snapshots.values():
        # every g' of the registry lies in [0, 1], so the shares add up to 1 (up to the round-off
        # of 20 additions)
        assert snap.g_prime_hist.sum() == pytest.approx(1.0, abs=1e-12)


def test_a_change_only_redraws_the_changing_artists(explorer, monkeypatch):
    """A change restores the cached background instead of drawing the whole figure again (~10x
    slower).

    Checked by counting full draws, not by timing (the browser bench measures the latency).
    """
    full_draws = []
    monkeypatch.setattr(explorer.live.canvas, "draw", lambda *args: full_draws.append(args))
    pngs = []
    for name in ["sigmoid", "relu", "softplus", "leaky_relu", "tanh"]:
        explorer.dropdown.value = name
        pngs.append(explorer.live.png)
    assert full_draws == [] and len(set(pngs)) == 5


def test_static_fallback_has_the_picture_and_the_numbers():
    explorer = ActivationExplorer(activation="sigmoid", scale=0.01)
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/plain"] == "Activation explorer (interactive: run the notebook to use it)"
    fallback = explorer.fallback()
    assert 'src="data:image/png;base64,iVBOR' in fallback["text/html"]  # the PNG signature
    picture, summary = fallback["text/plain"].splitlines()
    assert picture.startswith(
        "Activation explorer: For sigmoid, W1 and b1 at scale 0.01: g'(z) is a bell with peak "
        "0.25 at z = 0"
    )
    assert summary.startswith("sigmoid, scale 0.01: mean g'(Z1) = 0.250, 0.0% of g'(Z1) saturated")


def _overlap(a, b) -> bool:
    """Whether two display-space boxes share any area (boxes that only touch do not)."""
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.y1, b.y1) > max(a.y0, b.y0)


def test_no_text_or_legend_overlaps_another_or_the_data(explorer):
    """The figure's titles, axis labels, tick labels and legends never cover one another, and the
    legends of the histogram and of the bars stay clear of the bars at every activation and
    scale."""
    renderer = explorer.live.canvas.get_renderer()
    boxes = []
    for ax in explorer.live.figure.axes:
        texts = [ax.title, ax._left_title, ax.xaxis.label, ax.yaxis.label]  # centred, left
        for axis in (ax.xaxis, ax.yaxis):  # the tick labels drawn: those inside the view
            low, high = sorted(axis.get_view_interval())
            texts += [
                tick.label1
                for tick in axis.get_major_ticks()
                if low - 1e-9 <= tick.get_loc() <= high + 1e-9
            ]
        boxes += [t.get_window_extent(renderer) for t in texts if t.get_visible() and t.get_text()]
        if ax.get_legend() is not None:  # the panel of g has none (see the test below)
            boxes.append(ax.get_legend().get_window_extent(renderer))
        else:
            boxes.append(explorer.name_text.get_window_extent(renderer))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not _overlap(a, b), (a, b)

    ax_hist, ax_bars = explorer.live.figure.axes[2:]
    hist_legend = ax_hist.get_legend().get_window_extent(renderer)
    bars_legend = ax_bars.get_legend().get_window_extent(renderer)
    half_bar = explorer.bars.get_linewidth()[0] / 72 * explorer.live.figure.dpi / 2  # points -> px
    for (name, scale), snap in explorer.snapshots.items():
        for left, right, share in zip(BINS[:-1], BINS[1:], snap.g_prime_hist, strict=True):
            (x0, y0), (x1, y1) = ax_hist.transData.transform([(left, 0), (right, share)])
            bar = type(hist_legend).from_extents(x0, y0, x1, y1)
            assert share == 0 or not _overlap(bar, hist_legend), (name, scale, left)
        for i, other in enumerate(ACTIVATIONS):
            height = explorer.snapshots[(other, scale)].norm_dW1
            (x, y0), (_, y1) = ax_bars.transData.transform([(i, 0), (i, height)])
            bar = type(bars_legend).from_extents(x - half_bar, y0, x + half_bar, y1)
            assert not _overlap(bar, bars_legend), (other, scale)


def test_saturated_is_below_5_percent_of_each_activation_s_largest_g_prime(explorer):
    """Sigmoid's g' never exceeds 1/4, so its entries count as saturated below 0.0125, the
    others' below 0.05; the histogram's shaded strip follows the activation."""
    assert [largest_g_prime(name) for name in ("sigmoid", "tanh", "relu", "softplus")] == [
        0.25,
        1.0,
        1.0,
        1.0,
    ]
    X, _ = load_planar_dataset()
    parameters = scaled_network(2, 4, 3.0)
    A1 = sigmoid(parameters["W1"] @ X + parameters["b1"])
    explorer.slider.value = 3.0
    for name, threshold, g_prime in (
        ("sigmoid", 0.0125, A1 * (1 - A1)),
        ("tanh", 0.05, 1 - np.tanh(parameters["W1"] @ X + parameters["b1"]) ** 2),
    ):
        explorer.dropdown.value = name
        assert explorer.current.saturated == np.mean(g_prime < threshold)
        assert explorer.saturated_span.get_width() == pytest.approx(threshold, rel=1e-15)


def test_the_name_and_the_legend_of_the_top_panels_sit_above_the_axes():
    """The activation's name (over g) and the legend of g' and of the band (over g') stand above
    their axes, right of the titles: inside, they sat on the band's left edge (at z = -3.45 for
    scale 1), which moves with the scale, or on some activation's curve."""
    explorer = ActivationExplorer(activation="leaky_relu")  # the longest name
    figure = explorer.live.figure
    renderer = explorer.live.canvas.get_renderer()
    ax_g, ax_gp = figure.axes[:2]
    assert ax_g.get_legend() is None  # the band's legend over g' holds for both
    labels = [text.get_text() for text in ax_gp.get_legend().get_texts()]
    assert labels == ["g'(z)", "90% of Z1"]
    for ax, box in (
        (ax_g, explorer.name_text.get_window_extent(renderer)),
        (ax_gp, ax_gp.get_legend().get_window_extent(renderer)),
    ):
        axes = ax.get_window_extent(renderer)
        # the title stands left (matplotlib keeps it apart from the centred one)
        title = ax._left_title.get_window_extent(renderer)
        assert box.y0 >= axes.y1 and box.y1 <= figure.bbox.y1
        assert box.x1 <= axes.x1 + 1 and title.x1 < box.x0


def said(value: float, digits: int) -> str:
    """A number as the text alternative says it (minus sign U+2212)."""
    return f"{round(value, digits) + 0.0:.{digits}f}".replace("-", "\u2212")


def test_the_alt_gives_the_shape_of_g_prime_and_of_the_histogram(explorer):
    """tanh at scale 1: g' a bell, peak 1 at 0; the histogram's two tallest bars are the ends,
    recomputed here from g'(Z1) = 1 - tanh(Z1)^2; ReLU: a step, every entry at 0 or 1."""
    explorer.slider.value = 1.0
    explorer.dropdown.value = "tanh"
    X, _ = load_planar_dataset()
    parameters = scaled_network(2, 4, 1.0)
    Z1 = parameters["W1"] @ X + parameters["b1"]
    g_prime = 1 - np.tanh(Z1) ** 2
    shares = np.histogram(g_prime, bins=BINS)[0] / g_prime.size
    assert np.argsort(-shares)[:2].tolist() == [0, 19]  # below 0.05, then from 0.95 to 1
    low, high = np.percentile(Z1, [5, 95])
    alt = explorer.alt()
    assert alt.startswith(
        "For tanh, W1 and b1 at scale 1: g'(z) is a bell with peak 1 at z = 0, and 90% of Z1 "
        f"lies from {said(low, 2)} to {said(high, 2)} (shaded). The histogram of g'(Z1) spreads "
        f"from 0 to 1: {100 * shares[0]:.0f}% below 0.05 (saturated), {100 * shares[19]:.0f}% "
        f"from 0.95 to 1, no other bar above {np.ceil(100 * shares[1:19].max()):.0f}%. ||dW1||: "
    )
    assert f"tanh {explorer.current.norm_dW1:.3f} (dark)" in alt
    assert len(alt.split()) <= 70 and "_" not in alt
    explorer.dropdown.value = "relu"
    assert "g'(z) is a step from 0 to 1 at z = 0" in explorer.alt()
    assert "25% from 0.95 to 1, none elsewhere." in explorer.alt()
    explorer.dropdown.value = "sigmoid"
    assert "g'(z) is a bell with peak 0.25 at z = 0" in explorer.alt()
    assert f"{100 * explorer.current.saturated:.1f}% saturated, below 0.0125" in explorer.alt()
    explorer.dropdown.value = "softplus"
    assert "g'(z) is rising from 0.01 to 0.99" in explorer.alt()  # sigma(-5) = 0.0067
    explorer.slider.value = 10.0
    assert "(shaded, past both ends of the plot)" in explorer.alt()
    explorer.dropdown.value, explorer.slider.value = "tanh", 1.0
