"""The shape explorer: every array of the forward (and backward) pass with its shape, at any sizes.

Shapes are read off arrays the reference really computes, not typed in: for the chosen
``n_x, n_h, n_y, m`` the explorer runs :func:`helpers.forward_propagation` (and
:func:`helpers.backward_propagation`) on random data and lines up each product so that the inner
dimensions, which must be equal, sit next to each other.

In the backward pass each product also meets an *impostor*: the same operands put together the wrong
way (a transpose forgotten or misplaced, ``@`` where ``*`` was meant). Usually its shape is wrong
and the shape test catches it; when two sizes are equal it fits, and only a gradient check (finite
differences, :mod:`helpers.gradcheck`) tells it from the right formula, so the explorer runs one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from ..activations import get_activation
from ..gradcheck import GOOD, network_numerical_gradients, relative_error
from ..network import backward_propagation, forward_propagation, initialize_parameters
from .base import Explorer

Shape = tuple[int, int]


@dataclass(frozen=True)
class Impostor:
    """A wrong formula ``left @ right`` for a step, and what the shape test and gradient check say.

    ``shape`` is the shape of its result (``None`` when the inner dimensions differ, so there is no
    product); ``error`` is the relative error, against finite differences, of the gradient
    ``gradient`` it leads to (``None`` unless the shape fits).
    """

    formula: str
    left_shape: Shape
    right_shape: Shape
    shape: Shape | None
    gradient: str
    error: float | None

    def caught_by_shapes(self, expected: Shape) -> bool:
        return self.shape != expected

    def verdict(self, expected: Shape) -> str:
        """One line: which test catches the impostor at these sizes."""
        if self.shape is None:
            return f"{self.left_shape} @ {self.right_shape}: no product, the shapes catch it"
        if self.shape != expected:
            return f"gives {self.shape}, not {expected}: the shapes catch it"
        if self.error is not None and self.error < GOOD:
            return f"gives {self.shape} and, at these sizes, the same numbers (harmless here)"
        return (
            f"gives {self.shape}: fits! only the gradient check catches it "
            f"({self.gradient} relative error {self.error:.1e})"
        )


@dataclass
class Step:
    """One line of the table: ``result = left <op> right``, with the operands' shapes."""

    formula: str
    result: str
    result_shape: Shape
    left: str
    left_shape: Shape
    op: str  # "@" (matrix product, inner dimensions meet), "*" (elementwise), "+", "-", "g", "sum"
    right: str = ""
    right_shape: Shape | None = None
    impostor: Impostor | None = None


def _impostor(
    formula: str,
    left: np.ndarray,
    right: np.ndarray,
    expected: Shape,
    to_gradient: Callable[[np.ndarray], np.ndarray],
    gradient: str,
    numeric: dict[str, np.ndarray],
) -> Impostor:
    """Try ``left @ right`` as ``formula``; if its shape is ``expected``, gradient-check it."""
    if left.shape[1] != right.shape[0]:
        return Impostor(formula, left.shape, right.shape, None, gradient, None)
    result = left @ right
    error = (
        relative_error(to_gradient(result), numeric[gradient]) if result.shape == expected else None
    )
    return Impostor(formula, left.shape, right.shape, result.shape, gradient, error)


def network_steps(
    n_x: int, n_h: int, n_y: int, m: int, backward: bool = True, seed: int = 0
) -> list[Step]:
    """The forward (and backward) steps of an ``n_x -> n_h -> n_y`` network on ``m`` examples.

    In the backward pass each product carries an :class:`Impostor`.

    Weights are of order 1 (``scale=1``), so the gradients stand well above the finite-difference
    noise.
    """
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((n_y, m)) > 0.5).astype(float)
    p = initialize_parameters(n_x, n_h, n_y, seed=seed, scale=1.0)
    _, c = forward_propagation(X, p)
    steps = [
        Step("Z1 = W1 @ X + b1", "Z1", c["Z1"].shape, "W1", p["W1"].shape, "@", "X", X.shape),
        Step("A1 = g1(Z1)", "A1", c["A1"].shape, "Z1", c["Z1"].shape, "g"),
        Step(
            "Z2 = W2 @ A1 + b2", "Z2", c["Z2"].shape, "W2", p["W2"].shape, "@", "A1", c["A1"].shape
        ),
        Step("A2 = sigmoid(Z2)", "A2", c["A2"].shape, "Z2", c["Z2"].shape, "g"),
    ]
    if not backward:
        return steps
    g = backward_propagation(p, c, X, Y)
    numeric = network_numerical_gradients(p, X, Y)
    g1_prime = get_activation("tanh").g_prime(c["Z1"], c["A1"])  # tanh, the reference's default g1
    dZ2 = c["A2"] - Y
    dA1 = p["W2"].T @ dZ2
    dZ1 = dA1 * g1_prime

    def wrong(formula, left, right, expected, to_gradient, gradient):
        return _impostor(formula, left, right, expected, to_gradient, gradient, numeric)

    def dW1_of(dZ1_wrong):
        return dZ1_wrong @ X.T / m

    steps += [
        Step("dZ2 = A2 - Y", "dZ2", dZ2.shape, "A2", c["A2"].shape, "-", "Y", Y.shape),
        Step(
            "dW2 = (1/m) dZ2 @ A1.T",
            "dW2",
            g["dW2"].shape,
            "dZ2",
            dZ2.shape,
            "@",
            "A1.T",
            c["A1"].T.shape,
            wrong("dW2 = (1/m) A1 @ dZ2.T", c["A1"], dZ2.T, g["dW2"].shape, lambda r: r / m, "dW2"),
        ),
        Step(
            "db2 = (1/m) sum(dZ2, axis=1, keepdims=True)",
            "db2",
            g["db2"].shape,
            "dZ2",
            dZ2.shape,
            "sum",
        ),
        Step(
            "dA1 = W2.T @ dZ2",
            "dA1",
            dA1.shape,
            "W2.T",
            p["W2"].T.shape,
            "@",
            "dZ2",
            dZ2.shape,
            wrong("dA1 = W2 @ dZ2", p["W2"], dZ2, dA1.shape, lambda r: dW1_of(r * g1_prime), "dW1"),
        ),
        Step(
            "dZ1 = dA1 * g1'(Z1)",
            "dZ1",
            dZ1.shape,
            "dA1",
            dA1.shape,
            "*",
            "g1'(Z1)",
            c["Z1"].shape,
            wrong("dZ1 = dA1 @ g1'(Z1)", dA1, g1_prime, dZ1.shape, dW1_of, "dW1"),
        ),
        Step(
            "dW1 = (1/m) dZ1 @ X.T",
            "dW1",
            g["dW1"].shape,
            "dZ1",
            dZ1.shape,
            "@",
            "X.T",
            X.T.shape,
            wrong("dW1 = (1/m) X @ dZ1.T", X, dZ1.T, g["dW1"].shape, lambda r: r / m, "dW1"),
        ),
        Step(
            "db1 = (1/m) sum(dZ1, axis=1, keepdims=True)",
            "db1",
            g["db1"].shape,
            "dZ1",
            dZ1.shape,
            "sum",
        ),
    ]
    return steps


INNER = "color:#c05621;font-weight:bold;background:#feebc8;padding:0 2px"  # dimensions that meet
FITS = "color:#c53030;font-weight:bold"  # an impostor the shapes cannot catch
WRONG = "color:#718096"  # an impostor the shapes (or equal numbers) dispose of
CELL = "padding:1px 6px;white-space:nowrap"
STEP = "border-top:1px solid #e2e8f0"  # the line that opens each step
# A note that wraps at the width the other rows give the table instead of widening it.
NOTE = "width:0;min-width:100%;white-space:normal"


def _shape_html(shape: Shape, highlight: int | None) -> str:
    parts = [
        f"<span style='{INNER}'>{n}</span>" if i == highlight else str(n)
        for i, n in enumerate(shape)
    ]
    return "(" + ", ".join(parts) + ")"


def _impostor_row(s: Step) -> str:
    """A row under the step: its wrong formula, and which test catches it.

    Red when only the gradient check can; the text wraps instead of widening the table.
    """
    fits = not s.impostor.caught_by_shapes(s.result_shape) and s.impostor.error >= GOOD
    style = f"padding:0 6px 3px;font-size:12px;{FITS if fits else WRONG}"
    return (
        f"<tr><td></td><td colspan='4' style='{style}'><div style='{NOTE}'>"
        f"wrong: <code style='white-space:nowrap'>{s.impostor.formula}</code> "
        f"{s.impostor.verdict(s.result_shape)}</div></td></tr>"
    )


def _operands_cells(s: Step) -> list[str]:
    """Left operand, operator, right operand: a product's inner dimensions highlighted."""
    product = s.op == "@"
    left = f"{s.left} {_shape_html(s.left_shape, 1 if product else None)}"
    if s.right_shape is None:
        op, right = "", {"g": "<i>elementwise</i>", "sum": "<i>summed over the m columns</i>"}[s.op]
    else:
        op, right = s.op, f"{s.right} {_shape_html(s.right_shape, 0 if product else None)}"
    return [left, f"<b>{op}</b>", right]


def steps_html(steps: list[Step]) -> str:
    """The steps as an HTML table, narrow enough for a notebook cell at the largest sizes.

    Each step is a row with its formula, then a row with its operands, which meet at the operator
    (a product's inner dimensions highlighted), and its result; under a step that has an
    impostor, a row says which test catches it.
    """
    rows = []
    for s in steps:
        rows.append(
            f"<tr style='{STEP}'><td colspan='5' style='{CELL};padding-top:3px'>"
            f"<code>{s.formula}</code></td></tr>"
        )
        cells = ["", *_operands_cells(s), f"&rarr; <b>{s.result}</b> {s.result_shape}"]
        aligns = ["left", "right", "center", "left", "left"]
        rows.append(
            "<tr>"
            + "".join(f"<td style='{CELL};text-align:{a}'>{c}</td>" for c, a in zip(cells, aligns))
            + "</tr>"
        )
        if s.impostor is not None:
            rows.append(_impostor_row(s))
    head = (
        f"<tr><th colspan='4' style='{CELL};text-align:left'>step, and its operands</th>"
        f"<th style='{CELL};text-align:left'>result</th></tr>"
    )
    return (
        "<div style='overflow-x:auto'><table style='font-family:monospace;font-size:13px;"
        f"line-height:1.35;border-collapse:collapse'>{head}" + "".join(rows) + "</table></div>"
    )


def steps_text(steps: list[Step]) -> str:
    """The steps as plain text, one per line (and one more under each step that has an impostor)."""
    lines = []
    for s in steps:
        operands = f"{s.left} {s.left_shape}"
        if s.right_shape:
            operands += f" {s.op} {s.right} {s.right_shape}"
        lines.append(f"{s.formula:<44} {operands:<36} -> {s.result} {s.result_shape}")
        if s.impostor is not None:
            verdict = s.impostor.verdict(s.result_shape)
            lines.append(f"    wrong: {s.impostor.formula:<32} {verdict}")
    return "\n".join(lines)


class ShapeExplorer(Explorer):
    """Sliders for ``n_x, n_h, n_y, m``; a table of every step's shapes that follows them.

    With ``backward=True`` the table also runs the backward pass and, for each of its products, an
    impostor (see :class:`Impostor`).
    """

    def __init__(self, backward: bool = True, n_x: int = 2, n_h: int = 4, n_y: int = 1, m: int = 5):
        self.backward = backward
        self.sliders = {
            # four in a row fit a notebook cell (about 760 px) with room for each slider's track
            name: widgets.IntSlider(
                value=value,
                min=1,
                max=maximum,
                description=name,
                continuous_update=True,
                layout=widgets.Layout(width="180px"),
                style={"description_width": "30px"},
            )
            for name, value, maximum in (
                ("n_x", n_x, 6),
                ("n_h", n_h, 8),
                ("n_y", n_y, 4),
                ("m", m, 10),
            )
        }
        self.table = widgets.HTML()
        hint = (
            "make two sizes equal (n_y = n_h, n_x = n_h or m = n_h) and watch a wrong formula "
            "slip past the shapes"
            if backward
            else "change a size and follow it through the products"
        )
        super().__init__("Shape explorer", hint, list(self.sliders.values()), [self.table])
        for slider in self.sliders.values():
            slider.observe(self._redraw, names="value")
        self._redraw()

    def sizes(self) -> dict[str, int]:
        return {name: slider.value for name, slider in self.sliders.items()}

    def impostors_that_fit(self) -> list[Impostor]:
        """The impostors that fit the current sizes: only a gradient check catches them."""
        return [
            s.impostor
            for s in self.steps
            if s.impostor is not None and not s.impostor.caught_by_shapes(s.result_shape)
        ]

    def _redraw(self, change=None) -> None:
        self.steps = network_steps(**self.sizes(), backward=self.backward)
        self.table.value = steps_html(self.steps)

    def describe(self) -> str:
        return steps_text(self.steps)

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs)
        # the table itself where widgets cannot run (GitHub, nbconvert HTML)
        data["text/html"] = self.table.value
        return data
