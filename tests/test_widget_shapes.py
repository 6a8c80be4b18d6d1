"""The shape explorer, headless: set its sliders; check the shapes and verdicts it computed."""

from __future__ import annotations

import html
import re

import pytest

from helpers.bugs import BUGS, LINES
from helpers.gradcheck import GOOD, WRONG
from helpers.network import GRADIENTS, INTERMEDIATES
from helpers.widgets.shapes import IMPOSTORS, INNER, NOTE, ShapeExplorer


def set_sizes(explorer: ShapeExplorer, **sizes: int) -> None:
    for name, value in sizes.items():
        explorer.sliders[name].value = value  # fires the callback, as moving the slider does


def shapes(explorer: ShapeExplorer) -> dict[str, tuple[int, int]]:
    return {step.result: step.result_shape for step in explorer.steps}


def impostor(explorer: ShapeExplorer, result: str):
    return next(step.impostor for step in explorer.steps if step.result == result)


def test_forward_only_follows_the_sliders():
    explorer = ShapeExplorer(backward=False)
    set_sizes(explorer, n_x=3, n_h=5, n_y=2, m=7)
    assert shapes(explorer) == {"Z1": (5, 7), "A1": (5, 7), "Z2": (2, 7), "A2": (2, 7)}
    assert "wrong" not in explorer.describe() and "W2 (2, 5) @ A1 (5, 7)" in explorer.describe()


def test_backward_shapes_are_those_of_the_variables():
    explorer = ShapeExplorer(backward=True)
    set_sizes(explorer, n_x=3, n_h=5, n_y=2, m=7)
    assert shapes(explorer) == {
        "Z1": (5, 7),
        "A1": (5, 7),
        "Z2": (2, 7),
        "A2": (2, 7),
        "dZ2": (2, 7),
        "dW2": (2, 5),
        "db2": (2, 1),
        "dA1": (5, 7),
        "g1_prime": (5, 7),
        "dZ1": (5, 7),
        "dW1": (5, 3),
        "db1": (5, 1),
    }
    step = next(s for s in explorer.steps if s.result == "dA1")
    assert step.left_shape[1] == step.right_shape[0] == 2  # the inner dimension n_y meets
    assert "W2.T (5, 2) @ dZ2 (2, 7)" in explorer.describe()


def test_the_steps_are_the_reference_s_lines_and_the_impostors_the_gallery_s():
    """No formula is written in the widget: the backward steps are the lines of the reference
    (g1_prime spelled for the activation), each impostor a gallery mistake made in that line."""
    explorer = ShapeExplorer(backward=True)
    backward = [s for s in explorer.steps if s.result in GRADIENTS + INTERMEDIATES]
    assert [s.result for s in backward] == [
        "dZ2", "dW2", "db2", "dA1", "g1_prime", "dZ1", "dW1", "db1"
    ]  # fmt: skip
    for step in backward:
        expected = "g1_prime = 1 - A1**2" if step.result == "g1_prime" else LINES[step.result]
        assert step.formula == expected
        if step.result in IMPOSTORS:
            bug = BUGS[IMPOSTORS[step.result]]
            assert step.impostor.formula == bug.replacements()[LINES[step.result]]
        else:
            assert step.impostor is None
    # one per product, and the elementwise product of dZ1 (where @ is the classic slip)
    assert set(IMPOSTORS) == {s.result for s in backward if s.op in "@*"}


def test_the_hidden_activation_is_a_parameter():
    explorer = ShapeExplorer(backward=True, activation="relu", n_x=2, n_h=4, n_y=1, m=4)
    step = next(s for s in explorer.steps if s.result == "g1_prime")
    assert step.formula == "g1_prime = (Z1 > 0).astype(Z1.dtype)" and step.left == "Z1"
    assert "<code>g1_prime = (Z1 &gt; 0).astype(Z1.dtype)</code>" in explorer.table.value
    wrong = impostor(explorer, "dZ1")  # m = n_h: dA1 @ g1_prime fits, relu's g' is 0 or 1
    assert wrong in explorer.impostors_that_fit() and wrong.error > WRONG


def test_distinct_sizes_let_the_shapes_catch_every_impostor():
    explorer = ShapeExplorer(backward=True)
    set_sizes(explorer, n_x=2, n_h=4, n_y=1, m=5)
    assert explorer.impostors_that_fit() == []
    assert impostor(explorer, "dA1").shape is None  # (1, 4) @ (1, 5): no product at all
    assert impostor(explorer, "dW1").shape == (2, 4)  # the transpose of dW1's (4, 2)
    assert "fits!" not in explorer.table.value


@pytest.mark.parametrize(
    ("sizes", "result", "formula"),
    [
        ({"n_x": 2, "n_h": 3, "n_y": 3, "m": 5}, "dA1", "dA1 = W2 @ dZ2"),  # W2 square
        ({"n_x": 2, "n_h": 3, "n_y": 3, "m": 5}, "dW2", "dW2 = (1 / m) * A1 @ dZ2.T"),
        ({"n_x": 3, "n_h": 3, "n_y": 1, "m": 5}, "dW1", "dW1 = (1 / m) * X @ dZ1.T"),  # W1 square
        ({"n_x": 2, "n_h": 4, "n_y": 1, "m": 4}, "dZ1", "dZ1 = dA1 @ g1_prime"),  # dA1 square
    ],
)
def test_equal_sizes_let_an_impostor_pass_the_shapes_but_not_the_gradient_check(
    sizes, result, formula
):
    explorer = ShapeExplorer(backward=True)
    set_sizes(explorer, **sizes)
    wrong = impostor(explorer, result)
    assert wrong.formula == formula
    assert wrong in explorer.impostors_that_fit()
    # a wrong gradient: O(1) relative error, far above the 1e-5 "wrong" bound
    assert wrong.error > WRONG
    assert f"{wrong.formula}" in explorer.describe() and "fits!" in explorer.table.value


def test_one_by_one_matrices_make_the_transpose_harmless():
    explorer = ShapeExplorer(backward=True)
    set_sizes(explorer, n_x=2, n_h=1, n_y=1, m=5)
    wrong = impostor(explorer, "dA1")
    assert wrong.shape == (1, 5)
    assert wrong.error < GOOD  # W2 is 1 x 1, so W2 == W2.T: the finite differences agree to ~1e-10
    assert "harmless" in explorer.describe()


def test_html_fallback_is_the_table():
    explorer = ShapeExplorer(backward=True)
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/plain"] == "Shape explorer (interactive: run the notebook to use it)"
    fallback = explorer.fallback()
    assert explorer.table.value in fallback["text/html"] and "<img" not in fallback["text/html"]
    assert fallback["text/plain"].endswith(explorer.describe())


def test_table_fits_a_notebook_cell_at_the_largest_sizes():
    """Each step's formula has a row of its own, above its operands: no row is wide.

    56 monospace characters at 13 px are about 440 px; a notebook cell in a 1200 px window with the
    file browser open is about 760 px wide. The verdicts of the impostors wrap instead of widening
    the table (their box has no width of its own: ``width:0;min-width:100%``).
    """
    explorer = ShapeExplorer(backward=True)
    set_sizes(explorer, n_x=6, n_h=8, n_y=4, m=10)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", explorer.table.value)
    assert len(rows) == 1 + 2 * len(explorer.steps) + 4  # head, formula and operands, 4 impostors
    for row in rows:
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split())
        if text.startswith("wrong:"):
            assert f"<div style='{NOTE}'>" in row
        else:
            assert len(text) <= 56, text
    # and the four sliders fit in one row, so none of them is squeezed to a bare handle
    widths = [int(slider.layout.width.removesuffix("px")) for slider in explorer.sliders.values()]
    assert sum(widths) <= 740
    for step in explorer.steps:  # each product's inner dimensions are highlighted, and they meet
        at = next(i for i, row in enumerate(rows) if f"<code>{step.formula}</code>" in row)
        inner = re.findall(rf"<span style='{INNER}'>(\d+)</span>", rows[at + 1])
        assert inner == ([str(step.left_shape[1])] * 2 if step.op == "@" else [])


def test_the_biases_are_shown_with_the_products_they_are_added_to():
    """With ``biases=True`` each forward product shows its bias, one column whatever m is."""
    explorer = ShapeExplorer(backward=False, biases=True)
    set_sizes(explorer, n_x=6, n_h=8, n_y=4, m=10)
    text = explorer.describe()
    assert "W1 (8, 6) @ X (6, 10) + b1 (8, 1)" in text
    assert "W2 (4, 8) @ A1 (8, 10) + b2 (4, 1)" in text
    assert "<b>+</b> b1 (8, 1)" in explorer.table.value
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", explorer.table.value)
    for row in rows:  # still narrow enough for a notebook cell at the largest sizes
        assert len(" ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split())) <= 56
    set_sizes(explorer, m=3)
    assert "+ b1 (8, 1)" in explorer.describe() and "-> Z1 (8, 3)" in explorer.describe()
    default = ShapeExplorer(backward=False).describe()  # off by default (notebook 03's table)
    assert "@ X (2, 5) + b1" not in default and "@ X (2, 5)" in default
