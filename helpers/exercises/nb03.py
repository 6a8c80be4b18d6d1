"""Notebook 03's exercises: ``dL/dW2`` of one example by index loops, the output layer's backward
pass with the examples stored as rows, a Jacobian in numerator layout, and two predictions about
the shape test.

* ``dL_dW2_by_loops(dz2, a1)``: ``dL/dW2[i, k] = dz2_i a1_k``, the ``(n_y, n_h)`` table, written as
  loops; ``dz2 (n_y, 1)`` and ``a1 (n_h, 1)`` are one example. Checked against the reference
  backward pass's ``dW2`` on one example; a right table computed with a matrix product (``@``,
  ``np.outer``) does not pass (:class:`ByLoops`): the exercise is the index formula.
* ``layer2_backward_rows(W2, dZ2_rows, A1_rows)``: ``(dA1_rows (m, n_h), dW2 (n_y, n_h))`` for the
  output layer ``Z2_rows = A1_rows @ W2.T + b2.T`` with one example per **row** (``dZ2_rows
  (m, n_y)``, ``A1_rows (m, n_h)``), as PyTorch's ``nn.Linear`` stores them. The course's formulas
  cannot be copied: ``dA1_rows = dZ2_rows @ W2`` has no transpose, ``dW2 = (1 / m) * dZ2_rows.T @
  A1_rows`` has it on the other factor. Its reference is written here, one line per formula
  (:func:`rows_backward`); the notebook checks it against finite differences and against the
  reference backward pass, transposed.
* ``jacobian_L_a1(jac_L_z2, W2)``: the row ``D_a1 L = D_z2 L W2`` (numerator layout, the Jacobians
  in chain order), ``jac_L_z2 (1, n_y)`` -> ``(1, n_h)``; reference :func:`row_chain`.
* ``shapes_fit``: which of the shape explorer's four wrong lines pass the shape test when
  ``n_x = n_h = n_y = 3, m = 5``; ``explorer_fit``: which pass it at ``n_x = 2, n_h = 4, n_y = 1,
  m = 4`` (the course's network, a batch of 4). Both answered by a set of step names
  (:class:`WhichFit`).
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from ..activations import get_activation
from ..bugs import BUGS, LINES
from ..mistakes import assignments
from ..network import backward_unchecked
from .core import WIDTH, CheckResult, Exercise, Mistake, Prediction, Problem

NOTEBOOK = "03_why_the_transpose"
TANH = get_activation("tanh")


def _fill(text: str) -> str:
    return "\n".join(textwrap.fill(paragraph, WIDTH) for paragraph in text.split("\n"))


def _spelled(table: Mapping[str, str]) -> Callable[[str], str]:
    """``show``: a reference (or wrong) line as the learner's code spells it, from ``table``;
    a line the learner's code has no counterpart of is left as it is."""
    return lambda line: table.get(line, line)


# ---------------------------------------------------------------- exercises done by loops

PRODUCT_CALLS = ("dot", "outer", "matmul", "einsum", "inner", "tensordot", "kron", "vdot")


def matrix_products(function: Callable) -> list[str]:
    """The matrix products in ``function``'s source, in order: ``"@"`` and calls such as
    ``"np.outer"`` (``[]`` when the source cannot be read, e.g. a function made by ``exec``)."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError):
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
            found.append("@")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in PRODUCT_CALLS
        ):
            found.append(ast.unparse(node.func))
    return list(dict.fromkeys(found))


class ByLoops(Exercise):
    """An exercise about an index formula: the learner writes it as loops, entry by entry. A
    right result computed with a matrix product (``@``, ``np.outer``, ...) does not pass, since
    the matrix form could be recalled rather than derived; wrong results are judged as usual."""

    def check(self, function: object) -> CheckResult:
        result = super().check(function)
        products = matrix_products(function) if result.passed else []
        if not products:
            return result
        name = getattr(function, "__name__", self.name)
        used = " and ".join(f"`{p}`" for p in products)
        headline = _fill(
            f"Not by loops yet: {name} gives the right values, but with {used}. This exercise "
            "asks for the index formula, entry by entry: write it with two for-loops and no "
            "matrix product (the matrix form comes after the exercise)."
        )
        return CheckResult(True, False, headline, result.verdicts, [])


# ---------------------------------------------------------------- dL/dW2 of one example


def _dL_dW2_of(backward: Callable) -> Callable:
    """The learner's ``dL_dW2_by_loops(dz2, a1)`` out of a backward pass (the reference's
    signature): its ``dW2`` for one example, ``m = 1``, so ``dW2 = dJ/dW2`` is ``dL/dW2``. The
    cache holds ``A2 = dz2`` and the label is 0, so its ``dZ2 = A2 - Y`` is the given ``dz2``;
    ``W2`` and ``X`` are not read by the ``dW2`` line (zeros stand in)."""

    def dL_dW2_by_loops(dz2, a1):
        n_y, n_h = np.shape(dz2)[0], np.shape(a1)[0]
        cache = {"Z1": a1, "A1": a1, "A2": dz2}  # tanh's g' reads A1; Z1 is not used
        parameters = {"W2": np.zeros((n_y, n_h))}
        steps = backward(parameters, cache, np.zeros((1, 1)), np.zeros((n_y, 1)), TANH)
        return steps["dW2"]

    return dL_dW2_by_loops


def _one_example_problems(seed: int) -> list[Problem]:
    """``dz2 (n_y, 1)``, ``a1 (n_h, 1)`` for ``(n_y, n_h)`` = (3, 4), (3, 3), (2, 5): ``dz2 = a2 -
    y`` with outputs in (0.05, 0.95) and labels 1, 0, 1, ...; ``a1`` a tanh of N(0, 1)."""
    rng = np.random.default_rng(seed)
    problems = []
    for n_y, n_h in ((3, 4), (3, 3), (2, 5)):
        y = np.zeros((n_y, 1))
        y[::2] = 1.0
        dz2 = rng.uniform(0.05, 0.95, (n_y, 1)) - y
        a1 = np.tanh(rng.standard_normal((n_h, 1)))
        square = " (W2 square)" if n_y == n_h else ""
        label = f"n_y = {n_y} outputs, n_h = {n_h} hidden units{square}"
        problems.append(Problem(label, (dz2, a1), {"m": 1, "n_y": n_y}))
    return problems


DW2 = LINES["dW2"]  # dW2 = (1 / m) * dZ2 @ A1.T
SWAPPED = BUGS["swapped_factors_in_dW"].in_line("dW2").lines[DW2]  # dW2 = (1 / m) * A1 @ dZ2.T
SUMMED_OVER_OUTPUTS = "dW2 = (1 / m) * np.ones_like(dZ2) * np.sum(dZ2, axis=0) @ A1.T"
A1_LEFT_OUT = "dW2 = (1 / m) * dZ2 @ np.ones_like(A1).T"
DZ2_LEFT_OUT = "dW2 = (1 / m) * np.ones_like(dZ2) @ A1.T"
OVER_N_Y = "dW2 = (1 / m) * dZ2 @ A1.T / dZ2.shape[0]"
DW2_LOOPS = {  # each line as the learner's loops write it
    DW2: "dW2[i, k] = dz2[i] * a1[k]",
    SWAPPED: "dW2[k, i] = a1[k] * dz2[i]",
    SUMMED_OVER_OUTPUTS: "dW2[i, k] = np.sum(dz2) * a1[k]",
    A1_LEFT_OUT: "dW2[i, k] = dz2[i]",
    DZ2_LEFT_OUT: "dW2[i, k] = a1[k]",
    OVER_N_Y: "dW2[i, k] = dz2[i] * a1[k] / n_y",
}

dL_dW2_by_loops = ByLoops(
    name="dL_dW2_by_loops",
    title="dL/dW2 of one example, entry by entry",
    reference=_dL_dW2_of(backward_unchecked),
    source=backward_unchecked,
    wrap=_dL_dW2_of,
    problems=lambda: _one_example_problems(32),
    outputs=("dL/dW2",),
    notebook=NOTEBOOK,
    argument_names=("dz2", "a1"),
    like={"dL/dW2": "W2"},
    show=_spelled(DW2_LOOPS),
    hints=(
        "Find every place where the weight W2[i, k] appears in the forward pass: in which z2 "
        "does it stand, and multiplied by what?",
        "W2[i, k] appears once, in the term W2[i, k] a1_k of z2_i: one path to L, no sum. "
        "z2_i moves by a1_k per unit of W2[i, k], and L by dz2_i per unit of z2_i.",
        "dW2 = np.zeros((n_y, n_h)), the shape of W2; for i in range(n_y), for k in range(n_h): "
        "dW2[i, k] = dz2[i, 0] * a1[k, 0].",
    ),
    mistakes=(
        Mistake(
            "table_transposed",
            "the table the wrong way round: (n_h, n_y)",
            "entry (i, k) of dL/dW2 belongs where W2[i, k] is, row i (output) and column k "
            "(hidden unit), so the table has the shape of W2, (n_y, n_h)",
            {DW2: SWAPPED},
        ),
        Mistake(
            "summed_over_outputs",
            "a sum over the outputs where there is one path",
            "W2[i, k] reaches L only through z2_i: one path, dz2_i a1_k; the sum over the "
            "outputs belongs to da1, whose a1_k feeds every z2_i",
            {DW2: SUMMED_OVER_OUTPUTS},
        ),
        Mistake(
            "a1_left_out",
            "the factor a1_k left out",
            "z2_i moves by a1_k per unit of W2[i, k] (the input the weight multiplies); a "
            "slope of 1 belongs to the bias b2_i",
            {DW2: A1_LEFT_OUT},
        ),
        Mistake(
            "dz2_left_out",
            "the factor dz2_i left out",
            "a1_k is how much z2_i moves per unit of W2[i, k]; the chain rule goes on to L: "
            "times dz2_i, how much L moves per unit of z2_i",
            {DW2: DZ2_LEFT_OUT},
        ),
        Mistake(
            "divided_by_n_y",
            "divided by n_y, as if L were a mean over the outputs",
            "L adds up the outputs' losses (it is not their mean), and W2[i, k] reaches only "
            "output i's: no factor 1/n_y",
            {DW2: OVER_N_Y},
        ),
    ),
)


# ---------------------------------------------------------------- examples as rows


def rows_backward(W2, dZ2_rows, A1_rows):
    """The output layer's backward pass with one example per row, ``Z2_rows = A1_rows @ W2.T +
    b2.T``: ``W2 (n_y, n_h)``, ``dZ2_rows (m, n_y)``, ``A1_rows (m, n_h)`` -> ``(dA1_rows (m,
    n_h), dW2 (n_y, n_h))``, one formula per line."""
    m = A1_rows.shape[0]
    dA1_rows = dZ2_rows @ W2
    dW2 = (1 / m) * dZ2_rows.T @ A1_rows
    return dA1_rows, dW2


ROW_SIZES = ((3, 4, 5), (3, 3, 5), (2, 4, 4), (3, 3, 3), (1, 4, 6))  # (n_y, n_h, m)


def _rows_problems() -> list[Problem]:
    """Five sizes: nothing square; ``W2`` square (where ``W2.T`` fits too); ``m = n_h``;
    everything square (where every mistake runs); one output. Weights ~ N(0, 1), labels 0 and 1."""
    rng = np.random.default_rng(34)
    problems = []
    for n_y, n_h, m in ROW_SIZES:
        W2 = rng.standard_normal((n_y, n_h))
        Y = (rng.random((n_y, m)) > 0.5).astype(float)
        Y[0, :2] = (0.0, 1.0)  # both labels
        dZ2_rows = (rng.uniform(0.05, 0.95, (n_y, m)) - Y).T
        A1_rows = np.tanh(rng.standard_normal((m, n_h)))
        notes = [
            note for note, square in (("W2 square", n_y == n_h), ("m = n_h", m == n_h)) if square
        ]
        label = f"n_y = {n_y}, n_h = {n_h}, m = {m}" + (f" ({', '.join(notes)})" if notes else "")
        problems.append(Problem(label, (W2, dZ2_rows, A1_rows), {"m": m, "n_y": n_y}))
    return problems


ROWS = {name: line for name, (line, _) in assignments(rows_backward).items()}
DA1_ROWS, DW2_ROWS, M_ROWS = ROWS["dA1_rows"], ROWS["dW2"], ROWS["m"]

layer2_backward_rows = Exercise(
    name="layer2_backward_rows",
    title="the output layer's dA1 and dW2 with the examples as rows",
    reference=rows_backward,
    problems=_rows_problems,
    outputs=("dA1_rows", "dW2"),
    returns="tuple",
    pairs=True,
    notebook=NOTEBOOK,
    argument_names=("W2", "dZ2_rows", "A1_rows"),
    like={"dA1_rows": "A1_rows", "dW2": "W2"},
    hints=(
        "Entry by entry, Z2_rows[j, i] = sum_k A1_rows[j, k] W2[i, k] + b2[i]. Nudge "
        "A1_rows[j, k]: which entries of Z2_rows move, and by how much? Then nudge W2[i, k]: "
        "which entries move?",
        "A1_rows[j, k] stands in Z2_rows[j, i] for every output i (example j only), with slope "
        "W2[i, k]: dA1_rows[j, k] = sum_i dZ2_rows[j, i] W2[i, k]. W2[i, k] stands in "
        "Z2_rows[j, i] for every example j, with slope A1_rows[j, k]: dW2[i, k] = (1/m) sum_j "
        "dZ2_rows[j, i] A1_rows[j, k].",
        "A matrix product sums over its inner index: (M N)[r, c] = sum_s M[r, s] N[s, c]. In the "
        "first sum, i is already the second index of dZ2_rows and the first of W2; in the "
        "second, j is the first index of both factors, and a .T puts it in the middle. The "
        "examples are rows: m = A1_rows.shape[0].",
    ),
    mistakes=(
        Mistake(
            "course_transpose_in_dA",
            "the course's W2.T carried over into dA1_rows",
            "with the examples as rows, dA1_rows[j, k] = sum_i dZ2_rows[j, i] W2[i, k]: the "
            "summed index i is already in the middle of dZ2_rows @ W2; the transpose belongs to "
            "the column layout, W2.T @ dZ2",
            {DA1_ROWS: "dA1_rows = dZ2_rows @ W2.T"},
        ),
        Mistake(
            "course_line_for_dA",
            "the course's column-layout line W2.T @ dZ2 copied",
            "W2.T @ dZ2 is for examples as columns; with rows, example j is row j of "
            "dZ2_rows, and its gradient row j of dA1_rows = dZ2_rows @ W2",
            {DA1_ROWS: "dA1_rows = W2.T @ dZ2_rows"},
        ),
        Mistake(
            "dW_transposed",
            "dW2 the wrong way round: (n_h, n_y)",
            "dW2[i, k] = (1/m) sum_j dZ2_rows[j, i] A1_rows[j, k] has the output index i first, "
            "like W2 (n_y, n_h): the transposed factor is dZ2_rows, dZ2_rows.T @ A1_rows",
            {DW2_ROWS: "dW2 = (1 / m) * A1_rows.T @ dZ2_rows"},
        ),
        Mistake(
            "course_line_for_dW",
            "the course's column-layout line dZ2 @ A1.T copied",
            "dZ2 @ A1.T sums over the examples when they are columns; with rows the example "
            "index j comes first in both factors, so the transpose goes on dZ2_rows",
            {DW2_ROWS: "dW2 = (1 / m) * dZ2_rows @ A1_rows.T"},
        ),
        Mistake(
            "missing_one_over_m",
            "missing 1/m in dW2",
            "dW2 is the gradient of J, the mean of the m losses: the sum over the examples "
            "is divided by m",
            {DW2_ROWS: "dW2 = dZ2_rows.T @ A1_rows"},
        ),
        Mistake(
            "m_from_the_columns",
            "m read from the columns, the course's habit",
            "with the examples as rows, m is the number of rows: A1_rows.shape[0]; "
            "A1_rows.shape[1] is n_h",
            {M_ROWS: "m = A1_rows.shape[1]"},
        ),
    ),
)


# ---------------------------------------------------------------- a Jacobian in chain order


def row_chain(jac_L_z2, W2):
    """The row ``D_a1 L = D_z2 L D_a1 z2`` in numerator layout: ``jac_L_z2 (1, n_y)`` times the
    Jacobian of ``z2 = W2 a1 + b2``, which is ``W2 (n_y, n_h)`` itself -> ``(1, n_h)``."""
    jac_L_a1 = jac_L_z2 @ W2
    return jac_L_a1


JAC = assignments(row_chain)["jac_L_a1"][0]  # jac_L_a1 = jac_L_z2 @ W2


def _row_problems() -> list[Problem]:
    """``jac_L_z2 = dz2^T (1, n_y)`` and ``W2 (n_y, n_h) ~ N(0, 1)``, at the sizes of
    ``dL_dW2_by_loops``'s problems (one with a square ``W2``)."""
    rng = np.random.default_rng(35)
    problems = []
    for problem in _one_example_problems(35):
        dz2, a1 = problem.args
        W2 = rng.standard_normal((dz2.shape[0], a1.shape[0]))
        problems.append(Problem(problem.label, (dz2.T, W2), problem.facts))
    return problems


def _returned(line: str) -> str:
    """``show``: the reference's ``jac_L_a1 = ...`` as the learner's ``return ...``."""
    target, _, value = line.partition(" = ")
    return f"return {value}" if target == "jac_L_a1" else line


jacobian_L_a1 = Exercise(
    name="jacobian_L_a1",
    title="the row D_a1 L in numerator layout",
    reference=row_chain,
    problems=_row_problems,
    outputs=("D_a1 L",),
    notebook=NOTEBOOK,
    argument_names=("jac_L_z2", "W2"),
    show=_returned,
    hints=(
        "Entry (i, k) of the Jacobian D_a1 z2 is dz2_i/da1_k: row = output i, column = hidden "
        "unit k. In z2_i = sum_k W2[i, k] a1_k + b2_i, which term contains a1_k?",
        "dz2_i/da1_k = W2[i, k], so the Jacobian D_a1 z2 is W2 itself (no transpose). The "
        "chain rule adds the paths through the outputs: entry k of D_a1 L is "
        "sum_i (D_z2 L)_i W2[i, k].",
        "A row times a matrix, (v M)_k = sum_i v_i M[i, k]: D_a1 L = jac_L_z2 @ W2, "
        "(1, n_y)(n_y, n_h) = (1, n_h), the Jacobians multiplied in the order of the chain.",
    ),
    mistakes=(
        Mistake(
            "course_transpose",
            "W2.T, the course's transpose, in numerator layout",
            "the Jacobian of z2 = W2 a1 + b2 has entry (i, k) = dz2_i/da1_k = W2[i, k]: it is "
            "W2; the transpose belongs to the column layout, da1 = W2.T @ dz2",
            {JAC: "jac_L_a1 = jac_L_z2 @ W2.T"},
        ),
        Mistake(
            "column_layout",
            "the course's column da1 instead of the row",
            "W2.T @ dz2 is the course's da1, a column (n_h, 1): the denominator layout; in "
            "numerator layout the derivative of L is a row, the Jacobians multiplied in chain "
            "order",
            {JAC: "jac_L_a1 = W2.T @ jac_L_z2.T"},
        ),
    ),
)


# ---------------------------------------------------------------- predictions

# The shape explorer's wrong line for each product of the backward pass (helpers.widgets.shapes)
STEPS = ("dW2", "dA1", "dZ1", "dW1")


def _names(prediction: object, choices: Iterable[str]) -> set[str] | None:
    """The step names in what the learner wrote (a set, list or tuple of names, one name, or
    ``"none"``), spelled as in ``choices`` whatever their case; ``None`` if one is not a step."""
    spelling = {choice.lower(): choice for choice in choices}
    if isinstance(prediction, str):
        prediction = [] if prediction.strip().lower() == "none" else [prediction]
    if not isinstance(prediction, (set, frozenset, list, tuple)) or not all(
        isinstance(name, str) for name in prediction
    ):
        return None
    names = {spelling.get(name.strip().lower()) for name in prediction}
    return None if None in names else names


@dataclass(frozen=True)
class WhichFit(Prediction):
    """A prediction answered by a set of step names, ``{"dW2", "dA1"}`` (``set()`` for none;
    names compared without case): ``answer`` is the set that fits; ``reasons[name]`` says why that
    step's wrong line fits or does not, and is told for each step the learner placed on the
    wrong side."""

    reasons: Mapping[str, str] = field(default_factory=dict)

    def reveal(self, prediction: object) -> CheckResult:
        """Say whether ``prediction`` is the set that fits, and why. Never raises."""
        if prediction is None or prediction is Ellipsis:
            return CheckResult(
                False,
                False,
                "Not answered yet: write your prediction in the cell above (replace the ...), "
                "run it, then run this cell again.",
            )
        names = _names(prediction, self.choices)
        if names is None:
            return CheckResult(
                False,
                False,
                _fill(
                    f"Not answered yet: {prediction!r} is not a set of step names. Write a set "
                    f"of some of {', '.join(map(repr, self.choices))}, e.g. {{'dW2', 'dZ1'}}, "
                    "or set() if none fits."
                ),
            )
        answer = set(self.answer)

        def written(steps: set[str]) -> str:
            return (
                "{" + ", ".join(repr(n) for n in self.choices if n in steps) + "}"
                if steps
                else "set()"
            )

        if names == answer:
            return CheckResult(True, True, _fill(f"Right: {written(answer)}. {self.why}"))
        lines = [f"Not quite: you predicted {written(names)}; the answer is {written(answer)}."]
        lines += [
            f"{name}: {self.reasons[name]}" for name in self.choices if name in names ^ answer
        ]
        lines.append(self.why)
        return CheckResult(True, False, _fill("\n".join(lines)))


shapes_fit = WhichFit(
    name="shapes_fit",
    question="n_x = n_h = n_y = 3, m = 5: which of the four wrong lines pass the shape test?",
    answer=frozenset({"dW2", "dA1", "dW1"}),
    choices=STEPS,
    why=(
        "A wrong line passes the shape test when NumPy computes it and its result has the "
        "shape of the right one. With n_x = n_h = n_y = 3, W1 and W2 are square, so W and W.T, "
        "and a product and its transpose, have the same shape: three of the four fit, and "
        "only their values are wrong. dA1 @ g1_prime needs m = n_h."
    ),
    reasons={
        "dW2": "A1 @ dZ2.T is (3, 5) @ (5, 3) = (3, 3), the shape of W2 (n_y = n_h): it fits.",
        "dA1": "W2 @ dZ2 is (3, 3) @ (3, 5) = (3, 5), the shape of A1 (W2 is square): it fits.",
        "dZ1": "dA1 @ g1_prime is (3, 5) @ (3, 5): the inner sizes 5 and 3 differ, NumPy "
        "refuses the product.",
        "dW1": "X @ dZ1.T is (3, 5) @ (5, 3) = (3, 3), the shape of W1 (n_x = n_h): it fits.",
    },
    notebook=NOTEBOOK,
)

EXPLORER_OPENS = {"n_x": 3, "n_h": 3, "n_y": 3, "m": 5}  # section 5's sizes, answered already
EXPLORER_SIZES = {"n_x": 2, "n_h": 4, "n_y": 1, "m": 4}  # what explorer_fit asks about

explorer_fit = WhichFit(
    name="explorer_fit",
    question="n_x = 2, n_h = 4, n_y = 1, m = 4: which of the four wrong lines pass the shape test?",
    answer=frozenset({"dZ1"}),
    choices=STEPS,
    why=(
        "The only equal sizes are m = n_h = 4: dA1 and g1_prime are both (n_h, m) = (4, 4), "
        "square, so dA1 @ g1_prime exists and has the shape of dZ1. Even the course's network "
        "lets a wrong line through the shape test when the batch has as many examples as there "
        "are hidden units; only the gradient check catches it (the explorer runs one)."
    ),
    reasons={
        "dW2": "A1 @ dZ2.T is (4, 4) @ (4, 1) = (4, 1), the transpose of dW2's (1, 4): the "
        "shapes catch it (it needs n_y = n_h).",
        "dA1": "W2 @ dZ2 is (1, 4) @ (1, 4): no product, W2 is not square (n_y = 1, n_h = 4).",
        "dZ1": "dA1 @ g1_prime is (4, 4) @ (4, 4) = (4, 4), the shape of dZ1: it fits.",
        "dW1": "X @ dZ1.T is (2, 4) @ (4, 4) = (2, 4), the transpose of dW1's (4, 2): the "
        "shapes catch it (it needs n_x = n_h).",
    },
    notebook=NOTEBOOK,
)
