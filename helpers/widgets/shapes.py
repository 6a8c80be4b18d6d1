"""The shape explorer: every array of the forward (and backward) pass with its shape, at any sizes.

Shapes are read off arrays the reference really computes, not typed in: for the chosen
``n_x, n_h, n_y, m`` the explorer runs :func:`helpers.forward_propagation` and
:func:`helpers.backward_propagation` (``intermediates=True``) on random data and lines up each
product so that the inner dimensions, which must be equal, sit next to each other. The backward
steps are the lines of the reference, :func:`helpers.network.backward_unchecked`, as it writes them
(the ``g1_prime`` line spelled out for the hidden activation).

In the backward pass each product also meets an *impostor*: a mistake of the gallery
(:data:`helpers.bugs.BUGS`) made in that one line, the same operands put together the wrong way (a
transpose forgotten, the factors swapped, ``@`` where ``*`` was meant), run through the mistaken
backward pass. Usually NumPy refuses the product or its shape is wrong, and the shape test catches
it; when two sizes are equal it fits, and only a gradient check (finite differences,
:mod:`helpers.gradcheck`) tells it from the right formula, so the explorer runs one.
"""

from __future__ import annotations

import ast
import html
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from ..activations import Activation, get_activation
from ..bugs import BUGS, LINES, Bug, shown
from ..gradcheck import GOOD, network_numerical_gradients, relative_error
from ..network import (
    GRADIENTS,
    INTERMEDIATES,
    backward_propagation,
    forward_propagation,
    initialize_parameters,
)
from ..palette import COLORS
from .base import Explorer

Shape = tuple[int, int]

# The backward steps, in the reference's order: the lines that assign a gradient or an intermediate.
BACKWARD = tuple(name for name in LINES if name in GRADIENTS or name in INTERMEDIATES)
# The gallery's mistake that stands in for each product of the backward pass, made in that line.
IMPOSTORS = {
    "dW2": "swapped_factors_in_dW",
    "dA1": "missing_transpose_W2",
    "dZ1": "matmul_in_dZ1",
    "dW1": "swapped_factors_in_dW",
}
OPERATORS = {ast.MatMult: "@", ast.Mult: "*", ast.Sub: "-", ast.Add: "+"}


@dataclass(frozen=True)
class Impostor:
    """A wrong line ``formula`` for a step, and what the shape test and gradient check say.

    ``left_shape @ right_shape`` are its product's operands; ``shape`` is the shape of its result
    (``None`` when NumPy refuses the product); ``error`` is the relative error, against finite
    differences, of the gradient ``gradient`` it leads to (``None`` unless the shape fits).
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
    bias: str = ""  # a bias added to every column of the product (``biases=True``)
    bias_shape: Shape | None = None


def _operation(line: str) -> tuple[ast.expr, str, ast.expr | None]:
    """``(left, operator, right)`` of a backward line, read from its code: the two factors next to
    ``@`` (a ``(1 / m) *`` in front aside), the argument of ``np.sum`` (operator ``"sum"``), or the
    two operands of ``-`` or ``*``."""
    value = ast.parse(line).body[0].value
    products = [
        n for n in ast.walk(value) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult)
    ]
    if products:
        left, right = products[0].left, products[0].right
        if isinstance(left, ast.BinOp) and isinstance(left.op, ast.Mult):
            left = left.right  # ((1 / m) * dZ2) @ A1.T: the factor next to @ is dZ2
        return left, "@", right
    if isinstance(value, ast.BinOp) and isinstance(value.right, ast.Call):
        value = value.right  # (1 / m) * np.sum(...)
    if isinstance(value, ast.Call):
        return value.args[0], "sum", None
    return value.left, OPERATORS[type(value.op)], value.right


def _array(node: ast.expr, arrays: dict[str, np.ndarray]) -> np.ndarray:
    """The array an operand names, ``name`` or ``name.T``, from ``arrays``."""
    if isinstance(node, ast.Attribute) and node.attr == "T":
        return _array(node.value, arrays).T
    return arrays[node.id]


def _impostor(
    bug: Bug,
    step: str,
    g1: Activation,
    arguments: tuple,
    arrays: dict[str, np.ndarray],
    numeric: dict[str, np.ndarray],
) -> Impostor:
    """``bug`` made in the line of ``step`` alone, run; if its shape is the step's, gradient-checked
    (``arguments`` are ``(parameters, cache, X, Y)``, ``arrays`` the reference's values)."""
    one_line = bug.in_line(step, g1)
    (formula,) = one_line.lines.values()
    left, _, right = _operation(formula)
    left_shape, right_shape = _array(left, arrays).shape, _array(right, arrays).shape
    gradient = one_line.breaks(g1)[0]  # the first gradient the wrong line leads to
    try:
        grads = one_line(*arguments, g1, intermediates=True)
    except ValueError:  # NumPy refuses the product
        return Impostor(formula, left_shape, right_shape, None, gradient, None)
    shape = grads[step].shape
    fits = shape == arrays[step].shape
    error = relative_error(grads[gradient], numeric[gradient]) if fits else None
    return Impostor(formula, left_shape, right_shape, shape, gradient, error)


def network_steps(
    n_x: int,
    n_h: int,
    n_y: int,
    m: int,
    backward: bool = True,
    seed: int = 0,
    activation: str | Activation = "tanh",
    biases: bool = False,
) -> list[Step]:
    """The forward (and backward) steps of an ``n_x -> n_h -> n_y`` network on ``m`` examples,
    hidden ``activation``; with ``biases``, the forward products also show the bias that is added
    to each of their columns (``+ b1 (n_h, 1)``).

    The backward steps are the reference's lines, each with the shapes of the arrays the reference
    computed (:func:`helpers.backward_propagation` with ``intermediates=True``); each product
    carries an :class:`Impostor`. Weights are of order 1 (``scale=1``), so the gradients stand well
    above the finite-difference noise.
    """
    g1 = get_activation(activation)
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((n_y, m)) > 0.5).astype(float)
    p = initialize_parameters(n_x, n_h, n_y, seed=seed, scale=1.0)
    _, c = forward_propagation(X, p, g1)
    steps = [
        Step("Z1 = W1 @ X + b1", "Z1", c["Z1"].shape, "W1", p["W1"].shape, "@", "X", X.shape),
        Step("A1 = g1(Z1)", "A1", c["A1"].shape, "Z1", c["Z1"].shape, "g"),
        Step(
            "Z2 = W2 @ A1 + b2", "Z2", c["Z2"].shape, "W2", p["W2"].shape, "@", "A1", c["A1"].shape
        ),
        Step("A2 = sigmoid(Z2)", "A2", c["A2"].shape, "Z2", c["Z2"].shape, "g"),
    ]
    if biases:
        for step, bias in ((steps[0], "b1"), (steps[2], "b2")):
            step.bias, step.bias_shape = bias, p[bias].shape
    if not backward:
        return steps
    grads = backward_propagation(p, c, X, Y, g1, intermediates=True)
    arrays = {**p, **c, **grads, "X": X, "Y": Y}
    numeric = network_numerical_gradients(p, X, Y, g1)
    for name in BACKWARD:
        result_shape = arrays[name].shape
        if name == "g1_prime":  # g1'(Z1), elementwise, through A1 or Z1 as the activation writes it
            operand = "A1" if g1.uses == "a" else "Z1"
            formula = shown(LINES[name], g1)
            steps.append(Step(formula, name, result_shape, operand, arrays[operand].shape, "g"))
            continue
        left, op, right = _operation(LINES[name])
        impostor = (
            _impostor(BUGS[IMPOSTORS[name]], name, g1, (p, c, X, Y), arrays, numeric)
            if name in IMPOSTORS
            else None
        )
        steps.append(
            Step(
                LINES[name],
                name,
                result_shape,
                ast.unparse(left),
                _array(left, arrays).shape,
                op,
                "" if right is None else ast.unparse(right),
                None if right is None else _array(right, arrays).shape,
                impostor,
            )
        )
    return steps


# dimensions that meet: bold, on a light orange ground
INNER = f"color:{COLORS['red']};font-weight:bold;background:{COLORS['light orange']};padding:0 2px"
FITS = f"color:{COLORS['red']};font-weight:bold"  # an impostor the shapes cannot catch
WRONG = "color:#666666"  # an impostor the shapes (or equal numbers) dispose of
CELL = "padding:1px 6px;white-space:nowrap"
STEP = "border-top:1px solid #dddddd"  # the line that opens each step
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
        f"wrong: <code style='white-space:nowrap'>{html.escape(s.impostor.formula)}</code> "
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
    if s.bias:
        right += f" <b>+</b> {s.bias} {s.bias_shape}"
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
            f"<code>{html.escape(s.formula)}</code></td></tr>"
        )
        cells = ["", *_operands_cells(s), f"&rarr; <b>{s.result}</b> {s.result_shape}"]
        aligns = ["left", "right", "center", "left", "left"]
        rows.append(
            "<tr>"
            + "".join(
                f"<td style='{CELL};text-align:{a}'>{c}</td>"
                for c, a in zip(cells, aligns, strict=True)
            )
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
    """The steps as plain text, one per line (and one more under each step that has an impostor).

    The formulas fill a column at least 44 characters wide (as wide as the longest one).
    """
    width = max(44, *(len(s.formula) for s in steps))
    lines = []
    for s in steps:
        operands = f"{s.left} {s.left_shape}"
        if s.right_shape:
            operands += f" {s.op} {s.right} {s.right_shape}"
        if s.bias:
            operands += f" + {s.bias} {s.bias_shape}"
        lines.append(f"{s.formula:<{width}} {operands:<36} -> {s.result} {s.result_shape}")
        if s.impostor is not None:
            verdict = s.impostor.verdict(s.result_shape)
            lines.append(f"    wrong: {s.impostor.formula:<{width - 12}} {verdict}")
    return "\n".join(lines)


class ShapeExplorer(Explorer):
    """Sliders for ``n_x, n_h, n_y, m``; a table of every step's shapes that follows them.

    With ``backward=True`` the table also runs the backward pass and, for each of its products, an
    impostor (see :class:`Impostor`); ``activation`` is the hidden layer's. With ``biases=True``
    the forward products show the bias added to each of their columns.
    """

    def __init__(
        self,
        backward: bool = True,
        n_x: int = 2,
        n_h: int = 4,
        n_y: int = 1,
        m: int = 5,
        activation: str | Activation = "tanh",
        biases: bool = False,
    ):
        self.backward = backward
        self.biases = biases
        self.activation = get_activation(activation)
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
            "predict first: at the sizes you set, which wrong lines will fit? Then set them and "
            "see which test catches each one"
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
        self.steps = network_steps(
            **self.sizes(), backward=self.backward, activation=self.activation, biases=self.biases
        )
        self.table.value = steps_html(self.steps)

    def alt(self) -> str:
        sizes = ", ".join(f"{name} = {value}" for name, value in self.sizes().items())
        passes = "forward and backward pass" if self.backward else "forward pass"
        return f"Every step of the {passes} at {sizes}, with the shape of each array"

    def describe(self) -> str:
        return steps_text(self.steps)

    def _fallback_html(self, alt: str, text: str) -> str:
        """The table itself where widgets cannot run (its plain text is :meth:`describe`)."""
        return self.table.value
