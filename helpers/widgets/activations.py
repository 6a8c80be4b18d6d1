"""The activation explorer of notebook 05: what the hidden activation does to ``g'(Z1)``, ``dZ1``
and ``dW1``.

One network on the flower data: ``W1, b1`` are one fixed ``N(0, 1)`` draw times a *scale* ``s``
(the slider), ``W2, b2`` are fixed ``N(0, 1)`` weights. ``Z1 = s (W1 X + b1)`` does not depend on
the activation, so every activation sees the same ``Z1``; what changes is ``g'(Z1)`` and, through
``dZ1 = dA1 * g'(Z1)``, the size of ``dW1 = (1/m) dZ1 X^T``.

An entry of ``g'(Z1)`` counts as *saturated* when it is below ``SATURATED`` (5 %) of that
activation's largest ``g'`` (sigmoid: 1/4, the others: 1); for ReLU that means switched off.

Everything is computed when the explorer is built (5 activations x 8 scales, one forward and
backward pass each); a change of the dropdown or the slider only sets the data of existing artists.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..activations import ACTIVATIONS, get_activation
from ..data import load_planar_dataset
from ..network import backward_propagation, cost_from_Z2, forward_propagation
from ..palette import COLORS
from ..plots import FIGURE_DPI
from .base import Explorer, LiveFigure, spoken

# 0.01: the course's weight scale; ~10: the size of a trained tanh network's Z1
SCALES = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
# the explorer's slider: the same, and 2 (where the sigmoid saturates what tanh does at 1)
SLIDER_SCALES = (0.01, 0.03, 0.1, 0.3, 1.0, 2.0, 3.0, 10.0)
SATURATED = 0.05  # g'(z) below this share of g's largest value: saturated (ReLU: switched off)
WIDE = np.linspace(-40.0, 40.0, 8001)  # z = 0 on the grid; softplus' = sigma(40) = 1 in float64
# histogram bins of g'(Z1); every g' of the registry lies in [0, 1]
BINS = np.linspace(0.0, 1.0, 21)
Z_GRID = np.linspace(-5.0, 5.0, 401)
CHOSEN, OTHER = COLORS["dark blue"], "#bbbbbb"  # bar colours: the chosen activation, the others
G_COLOR, G_PRIME_COLOR = COLORS["blue"], COLORS["red"]  # g and g', each alone in its panel
BAND_COLOR = "#999999"  # where 90% of Z1 lies
SATURATED_COLOR = COLORS["orange"]  # the range of g' counted as saturated, light (alpha 0.35)
DPI = FIGURE_DPI  # the live picture is also the static fallback's
FONT = {"legend": 10, "ticks": 10, "label": 10}  # points; titles 12 (matplotlib's)


@functools.cache
def largest_g_prime(activation: str) -> float:
    """The largest value of the activation's ``g'`` (its supremum for softplus), read on a wide
    grid of ``z``: 0.25 for sigmoid, 1 for tanh and the ReLU family."""
    g1 = get_activation(activation)
    return float(np.max(g1.g_prime(WIDE, g1.g(WIDE))))


def scaled_network(n_x: int, n_h: int, scale: float, seed: int = 0) -> dict[str, np.ndarray]:
    """``W1 (n_h, n_x)``, ``b1 (n_h, 1)`` ~ ``scale * N(0, 1)``; ``W2 (1, n_h)``, ``b2 (1, 1)`` ~
    ``N(0, 1)``.

    The same ``seed`` gives the same draw at every scale: ``Z1 = scale (W1 X + b1)`` keeps the sign
    of every entry, and only its size changes.
    """
    rng = np.random.default_rng(seed)
    W1, b1 = rng.standard_normal((n_h, n_x)), rng.standard_normal((n_h, 1))
    W2, b2 = rng.standard_normal((1, n_h)), rng.standard_normal((1, 1))
    return {"W1": scale * W1, "b1": scale * b1, "W2": W2, "b2": b2}


@dataclass(frozen=True)
class Snapshot:
    """What one activation does at one scale: ``g'(Z1)`` and the sizes of ``dA1``, ``dZ1``,
    ``dW1``."""

    activation: str
    scale: float
    g_prime_hist: np.ndarray  # fraction of the n_h * m entries of g'(Z1) in each bin of BINS
    g_prime_range: tuple[float, float]  # the smallest and the largest entry of g'(Z1)
    mean_g_prime: float
    saturated: float  # fraction of entries with g'(Z1) < SATURATED * the largest g'
    z1_band: tuple[float, float]  # 5th and 95th percentiles of Z1
    mean_abs_dA1: float
    mean_abs_dZ1: float
    norm_dW1: float
    cost: float


def snapshot(
    X: np.ndarray, Y: np.ndarray, activation: str, scale: float, n_h: int = 4, seed: int = 0
) -> Snapshot:
    """Run the network of :func:`scaled_network` forward and backward on ``X (n_x, m)``,
    ``Y (1, m)``: ``g'(Z1)``, ``dA1``, ``dZ1`` and ``dW1`` are the reference's
    (:func:`helpers.backward_propagation` with ``intermediates=True``)."""
    g1 = get_activation(activation)
    parameters = scaled_network(X.shape[0], n_h, scale, seed)
    _, cache = forward_propagation(X, parameters, g1)
    backward = backward_propagation(parameters, cache, X, Y, g1, intermediates=True)
    Z1, g_prime, dA1, dZ1 = cache["Z1"], backward["g1_prime"], backward["dA1"], backward["dZ1"]
    counts, _ = np.histogram(g_prime, bins=BINS)
    low, high = np.percentile(Z1, [5, 95])
    return Snapshot(
        activation,
        scale,
        counts / g_prime.size,
        (float(g_prime.min()), float(g_prime.max())),
        float(g_prime.mean()),
        float(np.mean(g_prime < SATURATED * largest_g_prime(g1))),
        (float(low), float(high)),
        float(np.abs(dA1).mean()),
        float(np.abs(dZ1).mean()),
        float(np.linalg.norm(backward["dW1"])),
        cost_from_Z2(cache["Z2"], Y),
    )


def spoken_name(activation: str) -> str:
    """An activation's name as it is said: ``"leaky relu"`` for ``"leaky_relu"``."""
    return activation.replace("_", " ")


def shape(g_prime: np.ndarray) -> str:
    """The shape of ``g_prime``, the curve of g' on ``Z_GRID``, in words: ``"a bell with peak 1
    at z = 0"`` (tanh), ``"a step from 0 to 1 at z = 0"`` (ReLU), ``"rising from 0.01 to 0.99"``
    (softplus)."""
    peak = int(np.argmax(g_prime))
    ends = [spoken(value, 2, trim=True) for value in (g_prime[0], g_prime[-1])]
    jumps = np.abs(np.diff(g_prime))
    if jumps.max() > g_prime[peak] / 2:
        where = (Z_GRID[np.argmax(jumps)] + Z_GRID[np.argmax(jumps) + 1]) / 2
        return f"a step from {ends[0]} to {ends[1]} at z = {spoken(where, 1, trim=True)}"
    if max(g_prime[0], g_prime[-1]) < g_prime[peak] / 10:
        return (
            f"a bell with peak {spoken(g_prime[peak], 2, trim=True)} at "
            f"z = {spoken(Z_GRID[peak], 1, trim=True)}"
        )
    direction = "rising" if g_prime[-1] > g_prime[0] else "falling"
    return f"{direction} from {ends[0]} to {ends[1]}"


class ActivationExplorer(Explorer):
    """A dropdown ``activation`` and a slider for the scale of ``W1, b1`` (``SLIDER_SCALES``); four
    panels that follow them.

    Panels: ``g(z)`` and ``g'(z)`` (with the band where 90% of ``Z1`` lies), the histogram of
    ``g'(Z1)`` over all units and examples, and ``||dW1||`` for every activation at the current
    scale.
    """

    def __init__(
        self,
        activation: str = "tanh",
        scale: float = 1.0,
        n_h: int = 4,
        seed: int = 0,
        X: np.ndarray | None = None,
        Y: np.ndarray | None = None,
    ):
        if X is None or Y is None:
            X, Y = load_planar_dataset()
        self.names = list(ACTIVATIONS)
        self.snapshots = {
            (name, s): snapshot(X, Y, name, s, n_h, seed)
            for name in self.names
            for s in SLIDER_SCALES
        }
        self.largest = {name: largest_g_prime(name) for name in self.names}
        self.curves = {
            name: (g1.g(Z_GRID), g1.g_prime(Z_GRID, g1.g(Z_GRID)))
            for name, g1 in ACTIVATIONS.items()
        }
        self.g_prime_shapes = {name: shape(g_prime) for name, (_, g_prime) in self.curves.items()}
        self._alts: dict[tuple[str, float], str] = {}  # (activation, scale) -> alt()

        self.dropdown = widgets.Dropdown(
            options=self.names, value=activation, description="activation"
        )
        self.slider = widgets.SelectionSlider(
            options=[(f"{s:g}", s) for s in SLIDER_SCALES],
            value=scale,
            description="scale of W1, b1",
            style={"description_width": "initial"},
            continuous_update=True,
        )
        self._build_figure(n_h, X.shape[1])
        self.table = widgets.HTML()
        super().__init__(
            "Activation explorer",
            "predict first (the cell above), then read the share of saturated entries in the "
            "table: tanh at scale 1, then the sigmoid at the scale you predicted. Then slide "
            "each activation from 0.01 to 10 and watch which ones saturate",
            [self.dropdown, self.slider],
            [self.live.image, self.table],
            live_figure=self.live,
        )
        self.dropdown.observe(self._redraw, names="value")
        self.slider.observe(self._redraw, names="value")
        self._redraw()

    def _build_figure(self, n_h: int, m: int) -> None:
        # fixed margins: a constrained layout costs ~0.3 s to draw
        figure = Figure(figsize=(9.6, 6.4), dpi=DPI)
        (ax_g, ax_gp), (ax_hist, ax_bars) = figure.subplots(2, 2)
        figure.subplots_adjust(
            left=0.08, right=0.98, bottom=0.08, top=0.95, hspace=0.38, wspace=0.2
        )
        (self.g_line,) = ax_g.plot(Z_GRID, Z_GRID, color=G_COLOR, lw=2, label="g(z)")
        (self.g_prime_line,) = ax_gp.plot(Z_GRID, Z_GRID, color=G_PRIME_COLOR, lw=2, label="g'(z)")
        self.bands = [
            ax.axvspan(-1, 1, color=BAND_COLOR, alpha=0.25, label="90% of Z1")
            for ax in (ax_g, ax_gp)
        ]
        ax_g.set(xlim=(Z_GRID[0], Z_GRID[-1]), ylim=(-1.2, 5.2), xlabel="z", ylabel="g(z)")
        ax_gp.set(xlim=(Z_GRID[0], Z_GRID[-1]), ylim=(-0.05, 1.1), xlabel="z", ylabel="g'(z)")
        ax_g.set_title("the activation g", loc="left")
        ax_gp.set_title("its derivative g'", loc="left")
        # above the axes, right of the titles: inside, the name and the legend stood on the
        # band's edge (which moves with the scale) or on some activation's curve. The band's
        # legend, in the panel of g', holds for both panels.
        self.name_text = ax_g.text(
            1.0,
            1.02,
            "",
            transform=ax_g.transAxes,
            ha="right",
            va="bottom",
            fontsize=13,
            weight="bold",
        )
        for ax in (ax_g, ax_gp):
            ax.axhline(0, color="black", linewidth=0.5)
        ax_gp.legend(
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            ncol=2,
            frameon=False,
            borderaxespad=0.1,
            fontsize=FONT["legend"],
        )
        # shares lie in [0, 1]; the space above 1 keeps the legend off the bars
        top = 1.45
        self.stairs = ax_hist.stairs(
            np.zeros(len(BINS) - 1),
            BINS,
            fill=True,
            color=G_PRIME_COLOR,
            alpha=0.8,
            zorder=2,
            label="share of the entries of g'(Z1)",
        )
        self.saturated_span = ax_hist.axvspan(  # the full height: a range of g', not a share
            0,
            SATURATED,
            color=SATURATED_COLOR,
            alpha=0.35,
            zorder=1,
            label=f"g' < {SATURATED:.0%} of its largest value: saturated",
        )
        ax_hist.set(
            xlim=(0, 1),
            ylim=(0, top),
            yticks=np.linspace(0, 1, 6),
            xlabel="g'(Z1)",
            title="g'(Z1) on the flower data",
        )
        ax_hist.set_ylabel(f"share of the {n_h} x {m} entries", fontsize=FONT["label"])
        ax_hist.legend(loc="upper center", fontsize=FONT["legend"])
        largest = max(s.norm_dW1 for s in self.snapshots.values())
        x = np.arange(len(self.names))
        # one LineCollection of thick vertical lines: one artist to redraw instead of one per bar
        self.bars = ax_bars.vlines(x, 0, np.zeros(len(x)), linewidth=40, color=OTHER)
        ax_bars.legend(
            handles=[
                Patch(color=CHOSEN, label="the chosen activation"),
                Patch(color=OTHER, label="the others"),
            ],
            loc="upper center",
            ncol=2,
            fontsize=FONT["legend"],
        )
        # the space above the tallest bar keeps the legend off the bars
        ax_bars.set(
            xlim=(-0.6, len(x) - 0.4),
            ylim=(0, 1.3 * largest),
            xticks=x,
            ylabel="||dW1||",
            title="size of dW1 (same network, same data)",
        )
        ax_bars.set_xticklabels(
            [name.replace("_", " ") for name in self.names], fontsize=FONT["ticks"]
        )
        self.live = LiveFigure(
            figure,
            animated=[
                self.g_line,
                self.g_prime_line,
                *self.bands,
                self.name_text,
                self.saturated_span,  # under the histogram's first bar
                self.stairs,
                self.bars,
            ],
        )

    @property
    def current(self) -> Snapshot:
        return self.snapshots[(self.dropdown.value, self.slider.value)]

    def _redraw(self, change=None) -> None:
        name, scale, snap = self.dropdown.value, self.slider.value, self.current
        g, g_prime = self.curves[name]
        self.g_line.set_ydata(g)
        self.g_prime_line.set_ydata(g_prime)
        low, high = snap.z1_band
        for band in self.bands:
            band.set_x(low)
            band.set_width(high - low)
        self.name_text.set_text(name)
        self.stairs.set_data(values=snap.g_prime_hist)
        self.saturated_span.set_width(SATURATED * self.largest[name])
        heights = [self.snapshots[(other, scale)].norm_dW1 for other in self.names]
        self.bars.set_segments([[(i, 0), (i, h)] for i, h in enumerate(heights)])
        self.bars.set_color([CHOSEN if other == name else OTHER for other in self.names])
        self.live.update()
        self.table.value = self._html(snap)

    def _html(self, s: Snapshot) -> str:
        rows = [
            ("activation, scale of W1 and b1", f"{s.activation}, {s.scale:g}"),
            ("90% of the Z1 values lie in", f"[{s.z1_band[0]:.2f}, {s.z1_band[1]:.2f}]"),
            ("mean g'(Z1)", f"{s.mean_g_prime:.3f}"),
            (
                f"saturated entries: g'(Z1) < {SATURATED:.0%} of its largest value",
                f"{100 * s.saturated:.1f}%",
            ),
            ("mean |dA1| (what reaches the hidden layer)", f"{s.mean_abs_dA1:.3g}"),
            ("mean |dZ1| = mean |dA1 * g'(Z1)|", f"{s.mean_abs_dZ1:.3g}"),
            ("||dW1||", f"{s.norm_dW1:.3g}"),
            ("cost J", f"{s.cost:.3f}"),
        ]
        cell = "padding:1px 10px;line-height:1.3"
        cells = "".join(
            f"<tr><td style='{cell}'>{label}</td>"
            f"<td style='{cell};text-align:right'><b>{value}</b></td></tr>"
            for label, value in rows
        )
        return f"<table style='font-size:13px;border-collapse:collapse'>{cells}</table>"

    def alt(self) -> str:
        """The g' curve and where Z1 lies on it, then the histogram's shape, then the bars; each
        state's text is made once (``self._alts``)."""
        key = (self.dropdown.value, self.slider.value)
        if key not in self._alts:
            s = self.current
            low, high = s.z1_band
            past = ""
            if low < Z_GRID[0] and high > Z_GRID[-1]:
                past = ", past both ends of the plot"
            elif low < Z_GRID[0] or high > Z_GRID[-1]:
                past = ", past one end of the plot"
            bars = ", ".join(
                f"{spoken_name(name)} {spoken(self.snapshots[(name, s.scale)].norm_dW1, 3)}"
                + (" (dark)" if name == s.activation else "")
                for name in self.names
            )
            self._alts[key] = (
                f"For {spoken_name(s.activation)}, W1 and b1 at scale {s.scale:g}: g'(z) is "
                f"{self.g_prime_shapes[s.activation]}, and 90% of Z1 lies from "
                f"{spoken(low, 2)} to {spoken(high, 2)} (shaded{past}). The histogram of g'(Z1) "
                f"{self._histogram_words(s)}. ||dW1||: {bars}."
            )
        return self._alts[key]

    def _histogram_words(self, s: Snapshot) -> str:
        """The shape of the histogram of ``s``: its range, its two tallest bars, the rest, and
        the saturated share (unless a bar named is the saturated strip)."""
        low, high = (spoken(value, 2, trim=True) for value in s.g_prime_range)
        spread = f"is {low} throughout" if low == high else f"spreads from {low} to {high}"
        shares = s.g_prime_hist
        tallest = [int(i) for i in np.argsort(-shares, kind="stable")[:2] if shares[i] > 0]
        threshold = SATURATED * self.largest[s.activation]

        def bar(i: int) -> str:
            where = f"below {BINS[1]:g}" if i == 0 else f"from {BINS[i]:g} to {BINS[i + 1]:g}"
            return where + (" (saturated)" if i == 0 and BINS[1] == threshold else "")

        if shares[tallest[0]] == 1.0:
            return f"{spread}, all of it {bar(tallest[0])}"
        named = [f"{100 * shares[i]:.0f}% {bar(i)}" for i in tallest]
        rest = np.delete(shares, tallest).max()
        named.append(
            "none elsewhere" if rest == 0 else f"no other bar above {math.ceil(100 * rest)}%"
        )
        words = f"{spread}: " + ", ".join(named)
        if 0 not in tallest or BINS[1] != threshold:  # else a bar named is the saturated one
            saturated = f"{100 * s.saturated:.1f}%" if s.saturated else "none"
            words += f"; {saturated} saturated, below {threshold:g}"
        return words

    def describe(self) -> str:
        s = self.current
        return (
            f"{s.activation}, scale {s.scale:g}: mean g'(Z1) = {s.mean_g_prime:.3f}, "
            f"{100 * s.saturated:.1f}% of g'(Z1) saturated, "
            f"mean |dZ1| = {s.mean_abs_dZ1:.3g} "
            f"(mean |dA1| = {s.mean_abs_dA1:.3g}), ||dW1|| = {s.norm_dW1:.3g}"
        )
