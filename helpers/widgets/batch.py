"""The batch explorer: one weight's gradient, example by example, and why ``dW`` is their mean.

For the first ``m`` examples of a fixed shuffle of the flower data, the explorer shows the
per-example gradients ``dL(j)/dw`` of one parameter ``w`` (computed by the reference on each
example alone, where its ``1/m`` is 1), their mean, and the entry for ``w`` of a backward pass on
the whole batch at once (the diamond). A dropdown switches that backward pass between the
reference (``1/m`` once: the entry of ``dW``, ``dJ/dw``) and two mistakes of the bug gallery
(:data:`helpers.bugs.BUGS`): ``missing_one_over_m`` (the sum, ``m`` times the mean) and
``one_over_m_twice`` (the mean divided by ``m``). With the reference, the diamond sits on the mean
for every ``m``: ``dW = (1/m) dZ A_prev^T`` *is* the mean. A second panel shows, as ``m`` grows,
the mean settling, the sum growing, and the chosen backward pass following one of them.

Parameters are named as in code, counted from 0 (``W1[0,0]``), and shown with the formulas' name,
counted from 1 (``W[1]_11``); examples are counted from 1, as in the formulas (example ``j`` is
column ``j - 1``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..bugs import BUGS
from ..data import load_planar_dataset
from ..network import backward_propagation, forward_propagation, initialize_parameters
from ..palette import CLASS_COLORS, CLASS_MARKERS, COLORS
from ..plots import FIGURE_DPI, class_style
from .base import Explorer, LiveFigure, spoken

WEIGHTS = ("W1[0,0]", "W1[3,0]", "b1[0,0]", "W2[0,0]", "b2[0,0]")  # the parameters one can pick
# where the 1/m goes: the reference, or a mistake of the bug gallery
BACKWARDS: Mapping[str, Callable] = {
    "once": backward_propagation,
    "missing": BUGS["missing_one_over_m"],
    "twice": BUGS["one_over_m_twice"],
}
ONE_OVER_M_LABELS = (("once (right)", "once"), ("missing", "missing"), ("twice", "twice"))
LEARNING_RATE = 1.2  # the course's alpha: the step on w is -LEARNING_RATE * dw
# the mean (solid) and the sum (dashed) of the per-example gradients, the backward pass on the
# batch, the picked example and the current m
MEAN_COLOR, SUM_COLOR, VECTOR_COLOR, PICK_COLOR = (
    COLORS["blue"],
    COLORS["orange"],
    "black",
    COLORS["red"],
)
OUTSIDE_COLOR, ZERO_COLOR = "0.6", "0.8"  # examples not in the batch; the line y = 0
# what the backward pass on the batch follows as m grows, for each place of the 1/m
FOLLOWS = {"once": "the mean", "missing": "the sum", "twice": "the mean divided by m, near 0"}
LISTED = 10  # the text alternative lists the batch's values up to this m
DIAMOND_X = -0.6  # the backward pass's diamond, left of example 1 (x = 1): it hides no dot
DPI = FIGURE_DPI  # the live picture is also the static fallback's
FONT = {"legend": 10, "label": 12}  # points; ticks and labels 10, titles 12 (matplotlib's)


def math_name(weight: str) -> str:
    """The formulas' name of a parameter named as in code: ``"W1[3,0]"`` -> ``"W[1]_41"``,
    ``"b2[0,0]"`` -> ``"b[2]_1"`` (units counted from 1; a bias has one index)."""
    name, index = weight.split("[")
    row, column = (int(i) + 1 for i in index.rstrip("]").split(","))
    units = f"{row}" if name.startswith("b") else f"{row}{column}"
    return f"{name[0]}[{name[1:]}]_{units}"


def _mathtext(weight: str) -> str:
    """``math_name`` typeset: ``$W^{[1]}_{41}$``."""
    letter, rest = math_name(weight).split("[", 1)
    layer, units = rest.split("]_")
    return f"${letter}^{{[{layer}]}}_{{{units}}}$"


def _limits(arrays, pad: float = 0.08) -> tuple[float, float]:
    """Axis limits that hold every value of ``arrays`` and 0, with a margin of ``pad`` * range."""
    values = np.concatenate([np.ravel(a) for a in arrays] + [[0.0]])
    low, high = values.min(), values.max()
    return low - pad * (high - low), high + pad * (high - low)


def _entry(grads: dict[str, np.ndarray], weight: str) -> float:
    """``grads["dW1"][0, 0]`` for ``weight = "W1[0,0]"``."""
    name, index = weight.split("[")
    row, column = (int(i) for i in index.rstrip("]").split(","))
    return float(grads["d" + name][row, column])


def batch_gradients(
    X: np.ndarray,
    Y: np.ndarray,
    parameters: dict[str, np.ndarray],
    weights=WEIGHTS,
    backwards: Mapping[str, Callable] = BACKWARDS,
):
    """Per-example and vectorised gradients of each weight in ``weights``, each batch ``X[:, :m]``.

    ``X (n_x, M)``, ``Y (1, M)``. Returns ``(per_example, vectorised)``: ``per_example[w]`` is an
    array ``(M,)`` whose entry ``j - 1`` is ``dL(j)/dw`` from the reference run on example ``j``
    (column ``j - 1``) alone;
    ``vectorised[variant][w]`` is an array ``(M,)`` whose entry ``m - 1`` is ``dw`` from
    ``backwards[variant](parameters, cache, X[:, :m], Y[:, :m])`` on the first ``m`` examples.
    """

    def gradients(backward: Callable, columns: slice) -> dict[str, np.ndarray]:
        _, cache = forward_propagation(X[:, columns], parameters)
        return backward(parameters, cache, X[:, columns], Y[:, columns])

    M = X.shape[1]
    singles = [gradients(backward_propagation, slice(j, j + 1)) for j in range(M)]
    per_example = {w: np.array([_entry(g, w) for g in singles]) for w in weights}
    vectorised = {}
    for variant, backward in backwards.items():
        batches = [gradients(backward, slice(0, m)) for m in range(1, M + 1)]
        vectorised[variant] = {w: np.array([_entry(g, w) for g in batches]) for w in weights}
    return per_example, vectorised


class BatchExplorer(Explorer):
    """Sliders for ``m`` and the example, dropdowns for the weight and for where the ``1/m`` goes;
    per-example gradients, their mean and the vectorised ``dw``."""

    def __init__(
        self,
        m: int = 10,
        max_m: int = 40,
        weight: str = "W1[0,0]",
        one_over_m: str = "once",
        seed: int = 0,
    ):
        X, Y = load_planar_dataset()
        # the flower's file is sorted by class: shuffle it
        order = np.random.default_rng(seed).permutation(X.shape[1])[:max_m]
        self.X, self.Y = X[:, order], Y[:, order].astype(float)
        # weights of order 1: gradients of order 1
        self.parameters = initialize_parameters(2, 4, 1, seed=2, scale=1.0)
        self.per_example, self.vectorised_by_m = batch_gradients(self.X, self.Y, self.parameters)
        self.max_m = max_m
        self._moving_m = False

        self.m_slider = widgets.IntSlider(
            value=m, min=1, max=max_m, description="m", continuous_update=True
        )
        # examples are numbered j = 1 .. m, as in the formulas (example j is column j - 1)
        self.example = widgets.IntSlider(
            value=1, min=1, max=m, description="example j", continuous_update=True
        )
        self.weight = widgets.Dropdown(
            options=[(f"{w} = {math_name(w)}", w) for w in WEIGHTS],
            value=weight,
            description="parameter w",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="240px"),
        )
        self.one_over_m = widgets.Dropdown(
            options=ONE_OVER_M_LABELS,
            value=one_over_m,
            description="1/m",
            layout=widgets.Layout(width="200px"),
        )
        self._build_figure()
        self.numbers = widgets.HTML()
        super().__init__(
            "Batch explorer",
            "predict first (the cell above): for w = b2[0,0], on which side of 0 are the dots of "
            "the examples with y = 1? Then pick it, move m, and switch 1/m",
            [self.m_slider, self.example, self.weight, self.one_over_m],
            [self.live.image, self.numbers],
            live_figure=self.live,
        )
        self.m_slider.observe(self._on_m, names="value")
        self.example.observe(self._on_example, names="value")
        self.weight.observe(self._on_curves, names="value")
        self.one_over_m.observe(self._on_curves, names="value")
        self._on_curves()

    def _build_figure(self) -> None:
        figure = Figure(figsize=(10.4, 5.6), dpi=DPI, layout="constrained")
        self.ax, self.ax_m = figure.subplots(1, 2, width_ratios=(1.5, 1))
        ax, ax_m = self.ax, self.ax_m
        # the examples in the batch, class 0 and class 1
        self.inside = tuple(
            ax.scatter([], [], s=50, zorder=3, **class_style(label))
            for label in range(len(CLASS_COLORS))
        )
        self.outside = ax.scatter(
            [], [], facecolors="none", edgecolors=OUTSIDE_COLOR, s=30, zorder=2
        )
        (self.picked,) = ax.plot([], [], "o", color=PICK_COLOR, ms=13, mfc="none", mew=2, zorder=4)
        (self.mean_line,) = ax.plot([], [], color=MEAN_COLOR, lw=2, zorder=2)
        diamond = {"marker": "D", "color": VECTOR_COLOR, "mfc": "white", "mew": 1.8}
        (self.vector_mark,) = ax.plot([], [], ls="", ms=9, zorder=5, **diamond)
        # where the diamond is beyond the axis: its value, next to an arrow at the edge
        self.off_scale = ax.text(
            0, 0, "", fontsize=10, zorder=6, bbox={"fc": "white", "ec": "none", "alpha": 0.85}
        )
        # the parameter's name heads the panel (in the plot it was where the diamond's arrow goes)
        self.label = ax.set_title(self._title(self.weight.value))
        ax.axhline(0, color=ZERO_COLOR, lw=0.8, zorder=1)
        ax.set(
            # the diamond stands left of example 1, where no dot is, on the end of the mean line
            xlim=(DIAMOND_X - 1, self.max_m + 1),
            ylim=_limits(self.per_example.values()),
            xlabel="example j (the first m are the batch)",
        )
        ax.set_ylabel(r"$\partial\mathcal{L}^{(j)} / \partial w$", fontsize=13)
        dot = {"ls": "", "marker": "o"}
        below = {"fontsize": FONT["legend"], "loc": "upper center", "bbox_to_anchor": (0.5, -0.14)}
        classes = [
            Line2D([], [], ls="", marker=marker, color=color, label=f"in the batch, y = {label}")
            for label, (color, marker) in enumerate(zip(CLASS_COLORS, CLASS_MARKERS, strict=True))
        ]
        ax.legend(
            handles=[
                *classes,
                Line2D([], [], **dot, mfc="none", mec=OUTSIDE_COLOR, label="not in the batch"),
                Line2D(
                    [], [], **dot, ms=10, mfc="none", mec=PICK_COLOR, mew=2, label="picked example"
                ),
                Line2D([], [], color=MEAN_COLOR, lw=2, label="mean of the m dots (a loop)"),
                Line2D([], [], ls="", **diamond, label="backward pass on the whole batch"),
            ],
            ncol=2,
            **below,
        )
        ms = np.arange(1, self.max_m + 1)
        (self.mean_curve,) = ax_m.plot(ms, ms * 0.0, color=MEAN_COLOR, lw=2)
        (self.sum_curve,) = ax_m.plot(ms, ms * 0.0, color=SUM_COLOR, lw=2, ls="--")
        # a wide band under the others: the curve it covers is the one the backward pass follows
        (self.vector_curve,) = ax_m.plot(
            ms, ms * 0.0, color=VECTOR_COLOR, lw=6, alpha=0.25, zorder=1.5
        )
        self.m_line = ax_m.axvline(1, color=PICK_COLOR, lw=1.5, ls="-.", zorder=2)
        (self.m_mark,) = ax_m.plot([], [], ls="", ms=7, zorder=4, **diamond)
        ax_m.axhline(0, color=ZERO_COLOR, lw=0.8)
        ax_m.set(
            xlim=(0, self.max_m + 2),
            ylim=_limits(np.cumsum(v) for v in self.per_example.values()),
            xlabel="batch size m",
            ylabel="value for w",
            title="as the batch grows",
        )
        ax_m.legend(
            handles=[
                Line2D([], [], color=MEAN_COLOR, lw=2, label="mean of the m dots"),
                Line2D([], [], color=SUM_COLOR, lw=2, ls="--", label="sum of the m dots"),
                Line2D([], [], color=VECTOR_COLOR, lw=6, alpha=0.25, label="backward pass"),
                Line2D([], [], color=PICK_COLOR, lw=1.5, ls="-.", label="current m"),
            ],
            ncol=1,
            **below,
        )
        # limits cover every weight and every 1/m, so nothing static changes after the first draw
        self.live = LiveFigure(
            figure,
            animated=[
                self.outside,
                *self.inside,
                self.mean_line,
                self.picked,
                self.vector_mark,
                self.off_scale,
                self.label,
                self.mean_curve,
                self.sum_curve,
                self.vector_curve,
                self.m_line,
                self.m_mark,
            ],
        )
        # the constrained layout places the axes once, and there they stay: a layout engine would
        # place them again at every full draw
        figure.get_layout_engine().execute(figure)
        figure.set_layout_engine("none")

    @staticmethod
    def _title(weight: str) -> str:
        return f"w = {weight} = {_mathtext(weight)}: each example's gradient and their mean"

    def _on_curves(self, change=None) -> None:
        w = self.weight.value
        per_example = self.per_example[w]
        ms = np.arange(1, self.max_m + 1)
        self.mean_curve.set_ydata(np.cumsum(per_example) / ms)
        self.sum_curve.set_ydata(np.cumsum(per_example))
        self.vector_curve.set_ydata(self.vectorised_by_m[self.one_over_m.value][w])
        self.label.set_text(self._title(w))
        self._redraw()

    def _on_m(self, change=None) -> None:
        self._moving_m = True  # setting example.max may clamp example.value: redraw once, below
        self.example.max = self.m_slider.value
        self._moving_m = False
        self._redraw()

    def _on_example(self, change=None) -> None:
        if not self._moving_m:
            self._redraw()

    def _redraw(self, change=None) -> None:
        m, j, w = self.m_slider.value, self.example.value, self.weight.value
        values = self.per_example[w]
        self.values = values[:m]
        # the loop's answer: the mean of the per-example gradients
        self.mean = float(np.mean(self.values))
        # the backward pass on the whole batch at once, with the 1/m as chosen
        self.vectorised = float(self.vectorised_by_m[self.one_over_m.value][w][m - 1])
        self.right = float(self.vectorised_by_m["once"][w][m - 1])
        self.total = float(np.sum(self.values))
        self.picked_value = float(values[j - 1])
        index = np.arange(1, self.max_m + 1)  # example j at x = j
        labels = self.Y[0, :m]
        for label, points in enumerate(self.inside):
            chosen = labels == label
            points.set_offsets(np.column_stack([index[:m][chosen], values[:m][chosen]]))
        self.outside.set_offsets(np.column_stack([index[m:], values[m:]]).reshape(-1, 2))
        self.picked.set_data([j], [self.picked_value])
        self.mean_line.set_data([DIAMOND_X, m + 0.5], [self.mean, self.mean])
        self._place_diamond(DIAMOND_X, self.vectorised)
        self.m_line.set_xdata([m, m])
        self.m_mark.set_data([m], [self.vectorised])
        self.live.update()
        self.numbers.value = self._numbers_html()

    def _place_diamond(self, x: float, y: float) -> None:
        """The diamond at ``(x, y)``; beyond the axis, an arrow at its edge and the value."""
        low, high = self.ax.get_ylim()
        if low <= y <= high:
            self.vector_mark.set_data([x], [y])
            self.vector_mark.set_marker("D")
            self.off_scale.set_text("")
            return
        edge, marker, align = (high, "^", "top") if y > high else (low, "v", "bottom")
        span = 0.04 * (high - low)
        self.vector_mark.set_data([x], [edge - span if y > high else edge + span])
        self.vector_mark.set_marker(marker)
        right_half = x > self.max_m / 2  # the text goes on the side with room, inside the axes
        self.off_scale.set_position(
            (x - 0.8 if right_half else x + 0.8, edge - span if y > high else edge + span)
        )
        self.off_scale.set_horizontalalignment("right" if right_half else "left")
        self.off_scale.set_verticalalignment(align)
        self.off_scale.set_text(f"backward pass: {y:.2f}, off the scale")

    def _numbers_html(self) -> str:
        m, j, w = self.m_slider.value, self.example.value, self.weight.value
        x, y = self.X[:, j - 1], int(self.Y[0, j - 1])
        variant = dict((v, k) for k, v in ONE_OVER_M_LABELS)[self.one_over_m.value]
        rows = [
            (
                f"example {j} alone: x = ({x[0]:.2f}, {x[1]:.2f}), y = {y}",
                f"dL({j})/dw",
                self.picked_value,
            ),
            (f"mean of the {m} per-example gradients (a loop)", "(1/m) sum_j dL(j)/dw", self.mean),
            ("their sum, without 1/m", "sum_j dL(j)/dw", self.total),
            (
                f"the backward pass on all {m} examples at once, 1/m {variant}",
                f"its entry for {w}",
                self.vectorised,
            ),
            (
                f"its gradient-descent step on w (alpha = {LEARNING_RATE})",
                "-alpha * (backward pass)",
                -LEARNING_RATE * self.vectorised,
            ),
            ("the right step (1/m once)", "-alpha * dJ/dw", -LEARNING_RATE * self.right),
        ]
        cell = "<td style='padding:1px 8px{}'>{}</td>"
        body = "".join(
            "<tr>"
            + cell.format("", a)
            + cell.format("", f"<code>{b}</code>")
            + cell.format(";text-align:right", f"<code>{v:.4f}</code>")
            + "</tr>"
            for a, b, v in rows
        )
        return f"<table style='font-size:13px;line-height:1.35'>{body}</table>"

    def alt(self) -> str:
        """The diamond against the mean first, then the batch's values (when there are at most
        ``LISTED`` of them, so the mean can be checked by ear), then the panel of growing m."""
        m, j, w = self.m_slider.value, self.example.value, self.weight.value
        variant = self.one_over_m.value
        low, high = self.ax.get_ylim()
        if low <= self.vectorised <= high:
            diamond = f"a diamond at {spoken(self.vectorised, 4)}"
        else:
            diamond = f"off the scale at {spoken(self.vectorised, 2)} (an arrow at the edge)"
        gradients = f"{m} per-example gradient{'s' if m > 1 else ''} of w = {w}"
        if np.isclose(self.vectorised, self.mean, rtol=1e-9, atol=1e-12):
            relation = f"sits on the mean line of the {gradients}"
        elif np.isclose(self.vectorised, self.total, rtol=1e-9, atol=1e-12):
            relation = (
                f"is the sum of the {gradients}, {m} times their mean, {spoken(self.mean, 4)} "
                "(the line)"
            )
        else:  # the mean divided by m
            relation = (
                f"is the mean of the {gradients}, {spoken(self.mean, 4)} (the line), divided by {m}"
            )
        if m <= LISTED:
            values = [spoken(value, 2) for value in self.values]
            listed = ", ".join(values[:-1]) + (" and " if m > 1 else "") + values[-1]
            examples = "example 1" if m == 1 else f"examples 1 to {m}"
            batch = f"Left, {examples} of the batch: {listed}, example j = {j} ringed in red."
        else:
            batch = (
                f"Left, the batch's {m} examples filled, example j = {j} ringed in red at "
                f"{spoken(self.picked_value, 2)}."
            )
        per_example = self.per_example[w]
        mean_end, sum_end = spoken(np.mean(per_example), 2), spoken(np.sum(per_example), 2)
        grows = {
            "once": f"the mean, ending at {mean_end}; the sum (dashed) ends at {sum_end}",
            "missing": f"the sum (dashed), ending at {sum_end}; the mean ends at {mean_end}",
            "twice": "the mean divided by m, near 0, ending at "
            f"{spoken(self.vectorised_by_m[variant][w][-1], 2)}; the mean ends at {mean_end}",
        }[variant]
        return (
            f"The backward pass on the whole batch (1/m {variant}), {diamond}, {relation}. "
            f"{batch} Right, m from 1 to {self.max_m}: the backward pass follows {grows}."
        )

    def describe(self) -> str:
        m, j, w = self.m_slider.value, self.example.value, self.weight.value
        return (
            f"m = {m}, w = {w} = {math_name(w)}, 1/m {self.one_over_m.value}, example j = {j} "
            f"(y = {int(self.Y[0, j - 1])}): dL({j})/dw = {self.picked_value:.4f}\n"
            f"mean of the {m} dots {self.mean:.4f}, their sum {self.total:.4f}, "
            f"the backward pass on the batch {self.vectorised:.4f}\n"
            f"alpha = {LEARNING_RATE}: its step -alpha * (backward pass) = "
            f"{-LEARNING_RATE * self.vectorised:.4f}, "
            f"the right step -alpha * dJ/dw = {-LEARNING_RATE * self.right:.4f}"
        )
