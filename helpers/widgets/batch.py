"""The batch explorer: one weight's gradient, example by example, and why ``dW`` is their mean.

For the first ``m`` examples of a fixed shuffle of the flower data, the explorer shows the
per-example gradients ``dL(j)/dw`` of one parameter ``w`` (computed by the reference on each
example alone, where its ``1/m`` is 1), their mean, and the vectorised gradient the reference
computes on the whole batch at once. The two agree for every ``m``: ``dW = (1/m) dZ A_prev^T``
*is* the mean. A second panel shows, as ``m`` grows, the mean settling while the sum without
``1/m`` keeps growing.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..data import load_planar_dataset
from ..network import backward_propagation, forward_propagation, initialize_parameters
from ..plots import CLASS_CMAP, CLASS_COLORS
from .base import Explorer, LiveFigure

WEIGHTS = ("W1[0,0]", "W1[3,0]", "b1[0,0]", "W2[0,0]", "b2[0,0]")  # the parameters one can pick
MEAN_COLOR, SUM_COLOR, VECTOR_COLOR = "#2f855a", "#805ad5", "black"


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
    X: np.ndarray, Y: np.ndarray, parameters: dict[str, np.ndarray], weights=WEIGHTS
):
    """Per-example and vectorised gradients of each weight in ``weights``, each batch ``X[:, :m]``.

    ``X (n_x, M)``, ``Y (1, M)``. Returns ``(per_example, vectorised)``, dicts keyed by weight, each
    an array of shape ``(M,)``: ``per_example[w][j]`` is ``dL(j)/dw`` from the reference run on
    example ``j`` alone; ``vectorised[w][m - 1]`` is ``dw`` from the reference run on the first
    ``m`` examples.
    """

    def gradients(columns: slice) -> dict[str, np.ndarray]:
        _, cache = forward_propagation(X[:, columns], parameters)
        return backward_propagation(parameters, cache, X[:, columns], Y[:, columns])

    M = X.shape[1]
    singles = [gradients(slice(j, j + 1)) for j in range(M)]
    batches = [gradients(slice(0, m)) for m in range(1, M + 1)]
    per_example = {w: np.array([_entry(g, w) for g in singles]) for w in weights}
    vectorised = {w: np.array([_entry(g, w) for g in batches]) for w in weights}
    return per_example, vectorised


class BatchExplorer(Explorer):
    """Sliders for ``m`` and the example, a weight dropdown; per-example gradients, mean, ``dw``."""

    def __init__(self, m: int = 10, max_m: int = 40, weight: str = "W1[0,0]", seed: int = 0):
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
        self.example = widgets.IntSlider(
            value=0, min=0, max=m - 1, description="example", continuous_update=True
        )
        self.weight = widgets.Dropdown(
            options=WEIGHTS,
            value=weight,
            description="weight",
            layout=widgets.Layout(width="200px"),
        )
        self._build_figure()
        self.numbers = widgets.HTML()
        super().__init__(
            "Batch explorer",
            "move m: the dots change, their mean and the vectorised dW stay equal; "
            "the sum without 1/m drifts away",
            [self.m_slider, self.example, self.weight],
            [self.live.image, self.numbers],
            live_figure=self.live,
        )
        self.m_slider.observe(self._on_m, names="value")
        self.example.observe(self._on_example, names="value")
        self.weight.observe(self._on_weight, names="value")
        self._on_weight()

    def _build_figure(self) -> None:
        figure = Figure(figsize=(11, 3.9), dpi=80, layout="constrained")
        self.ax, self.ax_m = figure.subplots(1, 2, width_ratios=(1.5, 1))
        ax, ax_m = self.ax, self.ax_m
        self.inside = ax.scatter([], [], c=[], cmap=CLASS_CMAP, vmin=0, vmax=1, s=36, zorder=3)
        self.outside = ax.scatter([], [], facecolors="none", edgecolors="#a0aec0", s=30, zorder=2)
        (self.picked,) = ax.plot([], [], "o", ms=13, mfc="none", mec="#dd6b20", mew=2, zorder=4)
        (self.mean_line,) = ax.plot([], [], color=MEAN_COLOR, lw=2, zorder=2)
        (self.vector_mark,) = ax.plot(
            [], [], "D", ms=9, mfc="none", mec=VECTOR_COLOR, mew=1.8, zorder=5
        )
        self.label = ax.text(0.02, 0.04, "", transform=ax.transAxes, fontsize=11, fontweight="bold")
        ax.axhline(0, color="#cbd5e0", lw=0.8, zorder=1)
        ax.set(
            xlim=(-1, self.max_m + 1),
            ylim=_limits(self.per_example.values()),
            xlabel="example j",
            ylabel="dL(j)/dw",
            title="per-example gradients of one weight w, and their mean",
        )
        ax.legend(
            handles=[
                Line2D(
                    [], [], ls="", marker="o", color=CLASS_COLORS[0], label="in the batch, y = 0"
                ),
                Line2D(
                    [], [], ls="", marker="o", color=CLASS_COLORS[1], label="in the batch, y = 1"
                ),
                Line2D(
                    [], [], ls="", marker="o", mfc="none", mec="#a0aec0", label="not in the batch"
                ),
                Line2D(
                    [],
                    [],
                    ls="",
                    marker="o",
                    ms=10,
                    mfc="none",
                    mec="#dd6b20",
                    mew=2,
                    label="picked example",
                ),
                Line2D([], [], color=MEAN_COLOR, lw=2, label="mean of the m dots"),
                Line2D(
                    [],
                    [],
                    ls="",
                    marker="D",
                    mfc="none",
                    mec=VECTOR_COLOR,
                    mew=1.8,
                    label="vectorised (reference)",
                ),
            ],
            fontsize=8,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
        )
        ms = np.arange(1, self.max_m + 1)
        (self.mean_curve,) = ax_m.plot(
            ms, ms * 0.0, color=MEAN_COLOR, lw=2, label="dw = (1/m) sum, the mean"
        )
        (self.sum_curve,) = ax_m.plot(
            ms, ms * 0.0, color=SUM_COLOR, lw=2, ls="--", label="sum, no 1/m"
        )
        self.m_line = ax_m.axvline(1, color="#dd6b20", lw=1.5, label="current m")
        (self.m_dots,) = ax_m.plot([], [], "o", color="#dd6b20", ms=6)
        ax_m.axhline(0, color="#cbd5e0", lw=0.8)
        ax_m.set(
            xlim=(0, self.max_m + 1),
            ylim=_limits(np.cumsum(v) for v in self.per_example.values()),
            xlabel="batch size m",
            ylabel="gradient of w",
            title="the mean and the sum, as m grows",
        )
        ax_m.legend(fontsize=8, loc="best")
        # limits cover every weight, so nothing static changes after this first (full) draw
        self.live = LiveFigure(
            figure,
            animated=[
                self.outside,
                self.inside,
                self.mean_line,
                self.picked,
                self.vector_mark,
                self.label,
                self.mean_curve,
                self.sum_curve,
                self.m_line,
                self.m_dots,
            ],
        )

    def _on_weight(self, change=None) -> None:
        w = self.weight.value
        self.mean_curve.set_ydata(self.vectorised_by_m[w])
        self.sum_curve.set_ydata(np.cumsum(self.per_example[w]))
        self.label.set_text(f"w = {w}")
        self._redraw()

    def _on_m(self, change=None) -> None:
        self._moving_m = True  # setting example.max may clamp example.value: redraw once, below
        self.example.max = self.m_slider.value - 1
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
        # the reference on the whole batch at once
        self.vectorised = float(self.vectorised_by_m[w][m - 1])
        self.total = float(np.sum(self.values))
        self.picked_value = float(values[j])
        index = np.arange(self.max_m)
        self.inside.set_offsets(np.column_stack([index[:m], values[:m]]))
        self.inside.set_array(self.Y[0, :m])
        self.outside.set_offsets(np.column_stack([index[m:], values[m:]]).reshape(-1, 2))
        self.picked.set_data([j], [values[j]])
        self.mean_line.set_data([-0.5, m - 0.5], [self.mean, self.mean])
        self.vector_mark.set_data([m + 0.3], [self.vectorised])
        self.m_line.set_xdata([m, m])
        self.m_dots.set_data([m, m], [self.vectorised, self.total])
        self.live.update()
        self.numbers.value = self._numbers_html()

    def _numbers_html(self) -> str:
        m, j, w = self.m_slider.value, self.example.value, self.weight.value
        x, y = self.X[:, j], int(self.Y[0, j])
        rows = [
            (
                f"example {j} alone: x = ({x[0]:.2f}, {x[1]:.2f}), y = {y}",
                f"dL({j})/d{w}",
                self.picked_value,
            ),
            (
                f"mean of the {m} per-example gradients (a loop)",
                f"(1/m) sum_j dL(j)/d{w}",
                self.mean,
            ),
            (f"the reference on all {m} examples at once", f"vectorised d{w}", self.vectorised),
            ("the sum, without 1/m", f"sum_j dL(j)/d{w}", self.total),
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

    def describe(self) -> str:
        m, j, w = self.m_slider.value, self.example.value, self.weight.value
        return (
            f"m = {m}, weight {w}, example {j} (y = {int(self.Y[0, j])}): "
            f"dL({j})/d{w} = {self.picked_value:.4f}\n"
            f"mean of the {m} per-example gradients = {self.mean:.4f}, "
            f"vectorised d{w} = {self.vectorised:.4f}, "
            f"sum without 1/m = {self.total:.4f}"
        )
