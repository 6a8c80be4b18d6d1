"""The shape explorer: every array of the forward (and backward) pass with its shape, for sizes you choose.

Shapes are read off arrays the reference really computes, not typed in: for the chosen
``n_x, n_h, n_y, m`` the explorer runs :func:`helpers.forward_propagation` (and
:func:`helpers.backward_propagation`) on random data and lines up each product so that the inner
dimensions, which must be equal, sit next to each other.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from ..network import backward_propagation, forward_propagation, initialize_parameters
from .base import Explorer


@dataclass
class Step:
    """One line of the table: ``result = left <op> right``, with the operands' shapes."""

    formula: str
    result: str
    result_shape: tuple[int, int]
    left: str
    left_shape: tuple[int, int]
    op: str  # "@" (matrix product, inner dimensions meet), "*" (elementwise), "+", "-", "g", "sum"
    right: str = ""
    right_shape: tuple[int, int] | None = None


def network_steps(n_x: int, n_h: int, n_y: int, m: int, backward: bool = True, seed: int = 0) -> list[Step]:
    """The forward (and backward) steps of an ``n_x -> n_h -> n_y`` network on ``m`` examples."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((n_y, m)) > 0.5).astype(float)
    p = initialize_parameters(n_x, n_h, n_y, seed=seed)
    _, c = forward_propagation(X, p)
    steps = [
        Step("Z1 = W1 @ X + b1", "Z1", c["Z1"].shape, "W1", p["W1"].shape, "@", "X", X.shape),
        Step("A1 = g1(Z1)", "A1", c["A1"].shape, "Z1", c["Z1"].shape, "g"),
        Step("Z2 = W2 @ A1 + b2", "Z2", c["Z2"].shape, "W2", p["W2"].shape, "@", "A1", c["A1"].shape),
        Step("A2 = sigmoid(Z2)", "A2", c["A2"].shape, "Z2", c["Z2"].shape, "g"),
    ]
    if backward:
        g = backward_propagation(p, c, X, Y)
        dZ2 = c["A2"] - Y
        dA1 = p["W2"].T @ dZ2
        dZ1 = dA1 * (1 - c["A1"] ** 2)  # tanh, the reference's default g1
        steps += [
            Step("dZ2 = A2 - Y", "dZ2", dZ2.shape, "A2", c["A2"].shape, "-", "Y", Y.shape),
            Step("dW2 = (1/m) dZ2 @ A1.T", "dW2", g["dW2"].shape, "dZ2", dZ2.shape, "@", "A1.T", c["A1"].T.shape),
            Step("db2 = (1/m) sum(dZ2, axis=1, keepdims=True)", "db2", g["db2"].shape, "dZ2", dZ2.shape, "sum"),
            Step("dA1 = W2.T @ dZ2", "dA1", dA1.shape, "W2.T", p["W2"].T.shape, "@", "dZ2", dZ2.shape),
            Step("dZ1 = dA1 * g1'(Z1)", "dZ1", dZ1.shape, "dA1", dA1.shape, "*", "g1'(Z1)", c["Z1"].shape),
            Step("dW1 = (1/m) dZ1 @ X.T", "dW1", g["dW1"].shape, "dZ1", dZ1.shape, "@", "X.T", X.T.shape),
            Step("db1 = (1/m) sum(dZ1, axis=1, keepdims=True)", "db1", g["db1"].shape, "dZ1", dZ1.shape, "sum"),
        ]
    return steps


INNER = "color:#c05621;font-weight:bold"  # the dimensions that must meet in a matrix product


def _shape_html(shape: tuple[int, int], highlight: int | None) -> str:
    parts = [f"<span style='{INNER}'>{n}</span>" if i == highlight else str(n) for i, n in enumerate(shape)]
    return "(" + ", ".join(parts) + ")"


def steps_html(steps: list[Step]) -> str:
    """The steps as an HTML table; in each product the meeting (inner) dimensions are highlighted."""
    rows = []
    for s in steps:
        product = s.op == "@"
        left = f"{s.left} {_shape_html(s.left_shape, 1 if product else None)}"
        if s.right_shape is None:
            middle = {"g": "elementwise", "sum": "summed over the m columns"}[s.op]
            operation = f"{left} &nbsp;<i>{middle}</i>"
        else:
            operation = f"{left} &nbsp;<b>{s.op}</b>&nbsp; {s.right} {_shape_html(s.right_shape, 0 if product else None)}"
        rows.append(f"<tr><td><code>{s.formula}</code></td><td>{operation}</td>"
                    f"<td>&rarr; <b>{s.result}</b> {s.result_shape}</td></tr>")
    return ("<table style='font-family:monospace;font-size:13px'>"
            "<tr><th>step</th><th>operands and their shapes</th><th>result</th></tr>" + "".join(rows) + "</table>")


def steps_text(steps: list[Step]) -> str:
    """The steps as plain text, one per line."""
    lines = []
    for s in steps:
        operands = f"{s.left} {s.left_shape}" + (f" {s.op} {s.right} {s.right_shape}" if s.right_shape else "")
        lines.append(f"{s.formula:<44} {operands:<36} -> {s.result} {s.result_shape}")
    return "\n".join(lines)


class ShapeExplorer(Explorer):
    """Sliders for ``n_x, n_h, n_y, m``; a table of every step's shapes that follows them."""

    def __init__(self, backward: bool = True, n_x: int = 2, n_h: int = 4, n_y: int = 1, m: int = 5):
        self.backward = backward
        self.sliders = {
            name: widgets.IntSlider(value=value, min=1, max=maximum, description=name,
                                    continuous_update=True, layout=widgets.Layout(width="220px"))
            for name, value, maximum in (("n_x", n_x, 6), ("n_h", n_h, 8), ("n_y", n_y, 3), ("m", m, 10))
        }
        self.table = widgets.HTML()
        hint = ("make two sizes equal (say n_x = n_h) and notice the shapes alone no longer tell W from W.T"
                if backward else "change a size and follow it through the products")
        super().__init__("Shape explorer", hint, list(self.sliders.values()), [self.table])
        for slider in self.sliders.values():
            slider.observe(self._redraw, names="value")
        self._redraw()

    def sizes(self) -> dict[str, int]:
        return {name: slider.value for name, slider in self.sliders.items()}

    def _redraw(self, change=None) -> None:
        self.steps = network_steps(**self.sizes(), backward=self.backward)
        self.table.value = steps_html(self.steps)

    def describe(self) -> str:
        return steps_text(self.steps)
