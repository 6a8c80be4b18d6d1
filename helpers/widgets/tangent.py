"""Notebook 01's tangent explorer: the loss of one example as a function of ``z``, its tangent at
``z``, and the slope.

For an output unit ``a = sigma(z)`` with label ``y``, notebook 01 derives the slope of the loss:

* cross-entropy ``L = -(y log a + (1 - y) log(1 - a))``: ``dL/dz = a - y``;
* squared error ``L = (a - y)**2 / 2``: ``dL/dz = (a - y) a (1 - a)``.

The explorer draws the cross-entropy ``L(z)`` with its tangent at the chosen ``z``, measures the
tangent's slope by a centred finite difference and prints it beside ``a - y``. Its second plot shows
both slopes for every ``z``: the squared error's vanishes where the output saturates on the wrong
side (shaded), ``a - y`` does not. The styles are those of notebook 01's figure of both losses
(:func:`helpers.palette.line_style`): cross-entropy the first curve (blue, solid), squared error the
second (orange, dashed); the tangent is red and dash-dotted, the wrong side grey.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from ..activations import sigmoid
from ..gradcheck import numerical_gradient
from ..network import losses_from_Z2
from ..palette import COLORS, line_style
from ..plots import FIGURE_DPI
from .base import MINUS, Explorer, LiveFigure, number, spoken

Z_RANGE = (-8.0, 8.0)
TANGENT_HALF_WIDTH = 3.0  # the tangent is drawn over [z - 3, z + 3]
LOSS = line_style(0)  # the cross-entropy, as in notebook 01's figure of both losses
SQUARED_ERROR = line_style(1)  # the squared error
# red and dash-dotted: visible even where the tangent lies on the (straight) curve
TANGENT = {"color": COLORS["red"], "linestyle": "-."}
WRONG_SIDE_COLOR = "0.92"
DPI = FIGURE_DPI  # the live picture is also the static fallback's
FONT = {"legend": 10}  # points; the rest is matplotlib's 10 (ticks, labels) and 12 (titles)


def cross_entropy_slope(z: np.ndarray, y: int) -> np.ndarray:
    """``dL/dz = a - y`` for the cross-entropy, ``a = sigma(z)``; shape of ``z``."""
    return sigmoid(z) - y


def squared_error_dL_dz(a: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``dL/dz = (a - y) a (1 - a)`` of the squared error ``L = (a - y)**2 / 2`` at
    ``a = sigma(z)``, entry by entry: ``a`` any shape, ``y`` (0 or 1) of the same shape or a number.
    Notebook 01's exercise ``dL_SE_dz`` is checked against this line."""
    return (a - y) * a * (1 - a)


class TangentExplorer(Explorer):
    """A slider for ``z`` and a toggle for the label ``y``; the cross-entropy ``L(z)`` with its
    tangent at ``z`` (left) and the slopes of the cross-entropy and of the squared error for every
    ``z`` (right).

    After each change, ``z``, ``y``, ``a = sigma(z)``, ``L``, ``slope`` (the tangent's, measured by
    finite differences), ``a_minus_y`` and ``squared_error_slope`` hold the numbers shown. Every
    change redraws only the changing artists (the axis limits are the same for both labels).
    """

    def __init__(self, z: float = -2.0, y: int = 1):
        self.z_slider = widgets.FloatSlider(
            value=z,
            min=Z_RANGE[0],
            max=Z_RANGE[1],
            step=0.1,
            description="z",
            readout_format=".1f",
            continuous_update=True,
        )
        self.y_toggle = widgets.ToggleButtons(
            options=[0, 1],
            value=y,
            description="label y",
            tooltips=["y = 0", "y = 1"],
            style={"button_width": "40px"},
        )
        self._build_figure()
        self._curve_words: dict[int, dict[str, str]] = {}  # label y -> its curves in words
        self.readout = widgets.HTML()
        super().__init__(
            "Tangent explorer",
            "set y to 0 and drag z to 5, the point of your prediction, and read the slope of the "
            "tangent; then drag z across the whole range for both labels and compare the two "
            "slopes on the right",
            [self.z_slider, self.y_toggle],
            [self.live.image, self.readout],
            live_figure=self.live,
        )
        self.z_slider.observe(self._move, names="value")
        self.y_toggle.observe(self._relabel, names="value")
        self._relabel()

    def _build_figure(self) -> None:
        figure = Figure(figsize=(9.6, 4.0), dpi=DPI)  # fixed margins: a constrained layout
        figure.subplots_adjust(left=0.06, right=0.99, bottom=0.13, top=0.92, wspace=0.2)
        self.ax_loss, self.ax_slope = figure.subplots(1, 2)  # costs ~0.3 s to draw
        self.zs = np.linspace(*Z_RANGE, 321)
        self.wrong_side = {}  # label y -> the shaded spans of its wrong side (left: y = 1)
        for ax in (self.ax_loss, self.ax_slope):
            ax.set_xlim(*Z_RANGE)
            ax.set_xlabel("$z$   ($a = \\sigma(z) > 1/2$ right of the dotted line)")
            ax.axhline(0.0, color="0.6", linewidth=0.8)
            ax.axvline(0.0, color="0.6", linewidth=0.8, linestyle=":")
            for y, span in ((1, (Z_RANGE[0], 0.0)), (0, (0.0, Z_RANGE[1]))):
                shade = ax.axvspan(*span, color=WRONG_SIDE_COLOR, label="wrong side for this y")
                self.wrong_side.setdefault(y, []).append(shade)
        self.ax_loss.set_ylim(-0.4, 8.4)  # L(z) <= log(1 + e^8) = 8.0003 on [-8, 8]
        self.ax_slope.set_ylim(-1.1, 1.1)  # both slopes lie in [-1, 1]
        self.ax_loss.set_ylabel(r"$\mathcal{L}$")
        self.ax_slope.set_ylabel(r"$d\mathcal{L}/dz$")
        self.ax_loss.set_title("cross-entropy of one example, and its tangent at z")
        self.ax_slope.set_title("slope of the loss at every z")
        zeros = np.zeros_like(self.zs)
        (self.curve,) = self.ax_loss.plot(
            self.zs, zeros, **LOSS, linewidth=2, label=r"cross-entropy $\mathcal{L}(z)$"
        )
        (self.tangent,) = self.ax_loss.plot([], [], **TANGENT, linewidth=3, label="tangent at $z$")
        (self.point,) = self.ax_loss.plot(
            [], [], "o", color="black", markersize=6, label=r"$(z, \mathcal{L}(z))$"
        )
        (self.slope_curve,) = self.ax_slope.plot(
            self.zs, zeros, **LOSS, linewidth=2, label="cross-entropy: $a - y$"
        )
        (self.se_curve,) = self.ax_slope.plot(
            self.zs,
            zeros,
            **SQUARED_ERROR,
            linewidth=1.8,
            label="squared error: $(a - y)\\,a(1 - a)$",
        )
        (self.slope_point,) = self.ax_slope.plot(
            [], [], "o", color=TANGENT["color"], markersize=7, label="slope of the tangent"
        )
        (self.se_point,) = self.ax_slope.plot(
            [],
            [],
            "s",
            color=SQUARED_ERROR["color"],
            markeredgecolor="black",
            markersize=6,
            label="squared error's slope at z",
        )
        shade_loss, shade_slope = self.wrong_side[1]  # one legend entry for the shading
        self.ax_loss.legend(
            handles=[self.curve, self.tangent, self.point, shade_loss],
            loc="upper center",
            fontsize=FONT["legend"],
        )
        self.ax_slope.legend(
            handles=[self.slope_curve, self.se_curve, self.slope_point, self.se_point, shade_slope],
            loc="upper left",
            fontsize=FONT["legend"],
        )
        self.live = LiveFigure(
            figure,
            animated=[
                self.curve,
                self.tangent,
                self.point,
                self.slope_curve,
                self.se_curve,
                self.slope_point,
                self.se_point,
            ],
        )

    def _relabel(self, change=None) -> None:
        """The label ``y`` changed: new curves, and the other side shaded (a static change: the
        background of each label is drawn once, then restored)."""
        y = int(self.y_toggle.value)
        for label, shades in self.wrong_side.items():
            for shade in shades:
                shade.set_visible(label == y)
        self.curve.set_ydata(losses_from_Z2(self.zs, y))
        self.slope_curve.set_ydata(cross_entropy_slope(self.zs, y))
        self.se_curve.set_ydata(squared_error_dL_dz(sigmoid(self.zs), y))
        if y not in self._curve_words:
            self._curve_words[y] = self._describe_curves()
        self._move(full=True)

    def _describe_curves(self) -> dict[str, str]:
        """The drawn curves of the current label in words, for :meth:`alt`: how the loss and
        ``a - y`` go from one end of ``z`` to the other, and where the squared error's slope is
        largest in size (read off the curves as drawn)."""

        def course(values: np.ndarray) -> str:
            direction = "rising" if values[-1] > values[0] else "falling"
            return f"{direction} from {spoken(values[0], 1, trim=True)} to " + spoken(
                values[-1], 1, trim=True
            )

        se = self.se_curve.get_ydata()
        largest = int(np.argmax(np.abs(se)))
        return {
            "loss": course(self.curve.get_ydata()),
            "a_minus_y": course(self.slope_curve.get_ydata()),
            "se_extreme": f"{'dips' if se[largest] < 0 else 'rises'} only to "
            f"{spoken(se[largest], 2)}, at z = {spoken(self.zs[largest], 1)}",
        }

    def _move(self, change=None, full: bool = False) -> None:
        """``z`` changed: measure the slope, move the point and the tangent, print the numbers."""
        self.z, self.y = float(self.z_slider.value), int(self.y_toggle.value)
        z = np.array([self.z])
        self.a = float(sigmoid(z)[0])
        self.L = float(losses_from_Z2(z, self.y)[0])
        self.slope = float(
            numerical_gradient(lambda z_: float(losses_from_Z2(z_, self.y)[0]), z)[0]
        )
        self.a_minus_y = float(cross_entropy_slope(z, self.y)[0])
        self.squared_error_slope = float(squared_error_dL_dz(sigmoid(z), self.y)[0])
        ends = np.array([self.z - TANGENT_HALF_WIDTH, self.z + TANGENT_HALF_WIDTH])
        self.tangent.set_data(ends, self.L + self.slope * (ends - self.z))
        self.point.set_data(z, [self.L])
        self.slope_point.set_data(z, [self.slope])
        self.se_point.set_data(z, [self.squared_error_slope])
        self.live.update(full=full, key=self.y if full else None)
        self.readout.value = self._readout_html()

    def _readout_html(self) -> str:
        """The numbers in two aligned blocks: the point (left), the slopes (right)."""
        grey = "color:#666"
        rows = [
            (
                "z",
                number(self.z, 1),
                "slope of the tangent (finite difference)",
                f"<b>{number(self.slope, 4)}</b>",
                "",
            ),
            (
                "a = &sigma;(z)",
                number(self.a, 4),
                "a - y",
                f"<b>{number(self.a_minus_y, 4)}</b>",
                "",
            ),
            (
                "y",
                str(self.y),
                "squared error's slope (a - y) a (1 - a)",
                number(self.squared_error_slope, 4),
                grey,
            ),
            ("L", number(self.L, 4), self.side(), "", grey),
        ]
        cell = "padding:1px 8px;line-height:1.4"
        right = f"{cell};text-align:right"
        body = "".join(
            f"<tr><td style='{cell}'>{name}</td><td style='{right}'>{value}</td>"
            f"<td style='{cell};padding-left:32px;{style}'>{label}</td>"
            f"<td style='{right};{style}'>{slope}</td></tr>"
            for name, value, label, slope, style in rows
        )
        return (
            "<table style='font-family:monospace;font-size:13px;border-collapse:collapse'>"
            f"{body}</table>"
        )

    def side(self) -> str:
        """Whether ``a`` is on the right or the wrong side of 1/2 for the label ``y``."""
        if self.a == 0.5:
            return "undecided: a = 1/2"
        if (self.a > 0.5) == (self.y == 1):
            return "right side"
        return "wrong side: a is on the other side of 1/2"

    def alt(self) -> str:
        words = self._curve_words[self.y]
        return (
            f"The tangent's slope, {spoken(self.slope, 4)} (a red circle, right), lies exactly on "
            f"the a {MINUS} y curve, {words['a_minus_y']} over z from {spoken(Z_RANGE[0], 0)} to "
            f"{spoken(Z_RANGE[1], 0)}; the tangent touches the cross-entropy for y = {self.y} "
            f"(left, {words['loss']}) at z = {spoken(self.z, 1)}. The squared error's slope "
            f"(dashed) is near 0 at both ends and {words['se_extreme']}; here it is "
            f"{spoken(self.squared_error_slope, 4)} (a square)."
        )

    def describe(self) -> str:
        return (
            f"z = {number(self.z, 1)}, y = {self.y}: a = {number(self.a, 4)}, "
            f"L = {number(self.L, 4)}\n"
            f"slope of the tangent = {number(self.slope, 4)}, "
            f"a - y = {number(self.a_minus_y, 4)}, "
            f"squared error's slope = {number(self.squared_error_slope, 4)}\n"
            f"shaded: the wrong side for y = {self.y}, {'z < 0' if self.y == 1 else 'z > 0'}"
        )
