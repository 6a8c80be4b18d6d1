"""Notebook 03's exercises: ``da1`` and ``dL/dW2`` of one example by index loops, both for all
``m`` examples as matrix products, and two predictions about the shape test.

* ``da1_by_loops(W2, dz2)``: ``da1_k = sum_i W2[i, k] dz2_i``, written as two loops; ``W2`` is
  ``(n_y, n_h)``, ``dz2`` and the result are columns, ``(n_y, 1)`` and ``(n_h, 1)``.
* ``dL_dW2_by_loops(dz2, a1)``: ``dL/dW2[i, k] = dz2_i a1_k``, the ``(n_y, n_h)`` table, as loops.
* ``layer2_backward(W2, dZ2, A1)``: ``(dA1, dW2)`` for ``dZ2 (n_y, m)`` and ``A1 (n_h, m)``, with
  ``@`` and ``.T``.
* ``shapes_fit``: which of the shape explorer's four wrong lines pass the shape test when
  ``n_x = n_h = n_y = 3`` (a set of step names); ``explorer_fit``: which one fits at the sizes the
  explorer opens with, ``n_x = 2, n_h = 4, n_y = 1, m = 4``.

The three functions are checked against the reference backward pass,
:func:`helpers.network.backward_unchecked`, where each formula is one line (``dA1 = W2.T @ dZ2``,
``dW2 = (1 / m) * dZ2 @ A1.T``): ``wrap`` feeds it the learner's arrays (``A2 = dZ2`` and ``Y = 0``
make its ``dZ2 = A2 - Y`` the given one, a dummy ``X`` has the ``m`` columns). The mistakes are
those lines changed: the gallery's (:data:`helpers.bugs.BUGS`, made in the one line) where the
gallery has them, a few more that only loops make. ``show`` prints each line as the learner writes
it, as a loop for the loop exercises.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from ..activations import get_activation
from ..bugs import BUGS, LINES, Bug
from ..network import backward_unchecked
from .core import WIDTH, CheckResult, Exercise, Mistake, Prediction, Problem

NOTEBOOK = "03_why_the_transpose"
TANH = get_activation("tanh")


# ---------------------------------------------------------------- the reference, fed

Arrays = dict[str, np.ndarray]


def _layer2(backward: Callable, W2: np.ndarray, dZ2: np.ndarray, A1: np.ndarray) -> Arrays:
    """What ``backward`` (the reference's signature) computes for an output layer with weights
    ``W2 (n_y, n_h)``, chain-rule factors ``dZ2 (n_y, m)`` and inputs ``A1 (n_h, m)``: the cache
    holds ``A2 = dZ2`` and the labels are 0, so its ``dZ2 = A2 - Y`` is the given one; ``X`` is a
    ``(1, m)`` dummy whose columns are the examples."""
    m = np.shape(dZ2)[1]
    cache = {"Z1": A1, "A1": A1, "A2": dZ2}  # tanh's g' reads A1; Z1 is not used
    X, Y = np.zeros((1, m)), np.zeros(np.shape(dZ2))
    return backward({"W2": W2}, cache, X, Y, TANH, intermediates=True)


def _da1_of(backward: Callable) -> Callable:
    """The learner's ``da1_by_loops(W2, dz2)`` out of a backward pass: its ``dA1`` for one
    example (``a1`` is not read; a column of zeros stands in)."""

    def da1_by_loops(W2, dz2):
        return _layer2(backward, W2, dz2, np.zeros((np.shape(W2)[1], 1)))["dA1"]

    return da1_by_loops


def _dL_dW2_of(backward: Callable) -> Callable:
    """The learner's ``dL_dW2_by_loops(dz2, a1)`` out of a backward pass: its ``dW2`` for one
    example (``m = 1``, so ``dW2 = dJ/dW2`` is ``dL/dW2``; ``W2`` is not read)."""

    def dL_dW2_by_loops(dz2, a1):
        W2 = np.zeros((np.shape(dz2)[0], np.shape(a1)[0]))
        return _layer2(backward, W2, dz2, a1)["dW2"]

    return dL_dW2_by_loops


def _matrix_of(backward: Callable) -> Callable:
    """The learner's ``layer2_backward(W2, dZ2, A1) -> (dA1, dW2)`` out of a backward pass."""

    def layer2_backward(W2, dZ2, A1):
        steps = _layer2(backward, W2, dZ2, A1)
        return steps["dA1"], steps["dW2"]

    return layer2_backward


def _from_gallery(bug: Bug, name: str = "", title: str = "", description: str = "") -> Mistake:
    """A gallery bug as an exercise's mistake (its lines; its name, title and description unless
    given)."""
    return Mistake(
        name or bug.name, title or bug.title, description or bug.description, dict(bug.lines)
    )


def _spelled(table: Mapping[str, str]) -> Callable[[str], str]:
    """``show``: a reference (or wrong) line as the learner's code spells it, from ``table``;
    a line the learner's code has no counterpart of is left as it is."""
    return lambda line: table.get(line, line)


# ---------------------------------------------------------------- the problems


def _column_pairs(seed: int, sizes: Iterable[tuple[int, int]]) -> list[tuple]:
    """``(n_y, n_h, W2 (n_y, n_h), dz2 (n_y, 1), a1 (n_h, 1))``: weights ~ N(0, 1), ``dz2 = a2 -
    y`` with outputs in (0.05, 0.95) and labels 0 and 1, ``a1`` a tanh."""
    rng = np.random.default_rng(seed)
    found = []
    for n_y, n_h in sizes:
        W2 = rng.standard_normal((n_y, n_h))
        y = np.zeros((n_y, 1))
        y[::2] = 1.0  # labels 1, 0, 1, ...
        dz2 = rng.uniform(0.05, 0.95, (n_y, 1)) - y
        a1 = np.tanh(rng.standard_normal((n_h, 1)))
        found.append((n_y, n_h, W2, dz2, a1))
    return found


def _label(n_y: int, n_h: int) -> str:
    square = " (W2 square)" if n_y == n_h else ""
    return f"n_y = {n_y} outputs, n_h = {n_h} hidden units{square}"


ONE_EXAMPLE = ((3, 4), (3, 3), (2, 5))  # (n_y, n_h): one square W2, where W2[k, i] runs


def _da1_problems() -> list[Problem]:
    return [
        Problem(_label(n_y, n_h), (W2, dz2), {"m": 1, "n_y": n_y})
        for n_y, n_h, W2, dz2, _ in _column_pairs(31, ONE_EXAMPLE)
    ]


def _dL_dW2_problems() -> list[Problem]:
    return [
        Problem(_label(n_y, n_h), (dz2, a1), {"m": 1, "n_y": n_y})
        for n_y, n_h, _, dz2, a1 in _column_pairs(32, ONE_EXAMPLE)
    ]


# (n_y, n_h, m): nothing square; W2 square; A1 square (m = n_h); everything square (where even
# * in place of @ runs); one output (where * and @ agree)
BATCHES = ((3, 4, 5), (3, 3, 5), (2, 4, 4), (3, 3, 3), (1, 4, 6))


def _batch_problems() -> list[Problem]:
    rng = np.random.default_rng(33)
    problems = []
    for n_y, n_h, m in BATCHES:
        W2 = rng.standard_normal((n_y, n_h))
        Y = (rng.random((n_y, m)) > 0.5).astype(float)
        Y[0, :2] = (0.0, 1.0)  # both labels
        dZ2 = rng.uniform(0.05, 0.95, (n_y, m)) - Y
        A1 = np.tanh(rng.standard_normal((n_h, m)))
        notes = [
            note for note, square in (("W2 square", n_y == n_h), ("A1 square", n_h == m)) if square
        ]
        label = f"n_y = {n_y}, n_h = {n_h}, m = {m}" + (f" ({', '.join(notes)})" if notes else "")
        problems.append(Problem(label, (W2, dZ2, A1), {"m": m, "n_y": n_y}))
    return problems


# ---------------------------------------------------------------- da1 by loops

DA1 = LINES["dA1"]  # dA1 = W2.T @ dZ2
ROWS_FOR_COLUMNS = BUGS["missing_transpose_W2"].lines[DA1]  # dA1 = W2 @ dZ2
FIRST_OUTPUT_ONLY = "dA1 = W2[:1].T @ dZ2[:1]"
LAST_OUTPUT_ONLY = "dA1 = W2[-1:].T @ dZ2[-1:]"
DA1_LOOPS = {
    DA1: "da1[k] += W2[i, k] * dz2[i]",
    ROWS_FOR_COLUMNS: "da1[k] += W2[k, i] * dz2[i]",
    FIRST_OUTPUT_ONLY: "da1[k] = W2[0, k] * dz2[0]",
    LAST_OUTPUT_ONLY: "da1[k] = W2[i, k] * dz2[i]",
}

da1_by_loops = Exercise(
    name="da1_by_loops",
    title="da1 = dL/da1 of one example, by loops over the outputs",
    reference=_da1_of(backward_unchecked),
    source=backward_unchecked,
    wrap=_da1_of,
    problems=_da1_problems,
    outputs=("da1",),
    notebook=NOTEBOOK,
    argument_names=("W2", "dz2"),
    like={"da1": "a1"},
    show=_spelled(DA1_LOOPS),
    hints=(
        "Write z2_i = sum_k W2[i, k] a1_k + b2_i for one output i, and nudge a1_k alone: by how "
        "much does z2_i move? Only one term of the sum contains a1_k.",
        "z2_i moves by W2[i, k] per unit of a1_k, for every output i: a1_k reaches L through "
        "each of the n_y outputs. The chain rule adds the n_y paths: da1_k = sum over i of "
        "dz2_i W2[i, k].",
        "da1 = np.zeros((n_h, 1)); for each hidden unit k (range(n_h)), for each output i "
        "(range(n_y)): da1[k] += W2[i, k] * dz2[i]. The weight from unit k to output i is "
        "W2[i, k]: row = output, column = hidden unit.",
    ),
    mistakes=(
        _from_gallery(
            BUGS["missing_transpose_W2"],
            "rows_for_columns",
            "W2[k, i] for W2[i, k]: a row of W2 where its column belongs",
            "the weight from hidden unit k to output i is W2[i, k] (row: output, column: hidden "
            "unit); summing W2[k, i] walks along row k, which is W2 @ dz2, the missing transpose",
        ),
        Mistake(
            "first_output_only",
            "only the first output, as with one output",
            "with n_y = 1 (notebook 02) da1_k = W2[0, k] dz2; with n_y outputs a1_k reaches L "
            "through every z2_i, and the chain rule adds all n_y paths",
            {DA1: FIRST_OUTPUT_ONLY},
        ),
        Mistake(
            "last_output_only",
            "= where += belongs: only the last output counts",
            "each pass of the loop over i overwrites da1[k]; the paths through the n_y outputs "
            "add up (+=)",
            {DA1: LAST_OUTPUT_ONLY},
        ),
    ),
)


# ---------------------------------------------------------------- dL/dW2 by loops

DW2 = LINES["dW2"]  # dW2 = (1 / m) * dZ2 @ A1.T
SWAPPED = BUGS["swapped_factors_in_dW"].in_line("dW2")
SUMMED_OVER_OUTPUTS = "dW2 = (1 / m) * np.ones_like(dZ2) * np.sum(dZ2, axis=0) @ A1.T"
A1_LEFT_OUT = "dW2 = (1 / m) * dZ2 @ np.ones_like(A1).T"
DW2_LOOPS = {
    DW2: "dW2[i, k] = dz2[i] * a1[k]",
    SWAPPED.lines[DW2]: "dW2[k, i] = a1[k] * dz2[i]",
    SUMMED_OVER_OUTPUTS: "dW2[i, k] = np.sum(dz2) * a1[k]",
    A1_LEFT_OUT: "dW2[i, k] = dz2[i]",
}

dL_dW2_by_loops = Exercise(
    name="dL_dW2_by_loops",
    title="dL/dW2 of one example, entry by entry",
    reference=_dL_dW2_of(backward_unchecked),
    source=backward_unchecked,
    wrap=_dL_dW2_of,
    problems=_dL_dW2_problems,
    outputs=("dL/dW2",),
    notebook=NOTEBOOK,
    argument_names=("dz2", "a1"),
    like={"dL/dW2": "W2"},
    show=_spelled(DW2_LOOPS),
    hints=(
        "Find every place where the weight W2[i, k] appears in the forward pass: in which z2 "
        "does it stand, and multiplied by what?",
        "W2[i, k] appears once, in the term W2[i, k] a1_k of z2_i: one path to L, no sum. "
        "z2_i moves by a1_k per unit of W2[i, k], so dL/dW2[i, k] = dz2_i a1_k.",
        "dW2 = np.zeros((n_y, n_h)), the shape of W2; for i in range(n_y), for k in range(n_h): "
        "dW2[i, k] = dz2[i, 0] * a1[k, 0].",
    ),
    mistakes=(
        _from_gallery(
            SWAPPED,
            "table_transposed",
            "the table the wrong way round: (n_h, n_y)",
            "entry (i, k) of dL/dW2 belongs where W2[i, k] is, row i (output) and column k "
            "(hidden unit), so the table has the shape of W2, (n_y, n_h)",
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
    ),
)


# ---------------------------------------------------------------- the matrix form

layer2_backward = Exercise(
    name="layer2_backward",
    title="dA1 and dW2 for m examples, as matrix products",
    reference=_matrix_of(backward_unchecked),
    source=backward_unchecked,
    wrap=_matrix_of,
    problems=_batch_problems,
    outputs=("dA1", "dW2"),
    returns="tuple",
    pairs=True,
    notebook=NOTEBOOK,
    argument_names=("W2", "dZ2", "A1"),
    like={"dA1": "A1", "dW2": "W2"},
    show=_spelled({LINES["m"]: "m = dZ2.shape[1]"}),
    problem_word="layers",
    hints=(
        "A matrix product sums over its inner index: (M N)[r, c] = sum_s M[r, s] N[s, c]. "
        "In da1_k = sum_i W2[i, k] dz2_i the summed index i is the FIRST index of W2; in "
        "sum_j dZ2[i, j] A1[k, j] it is the SECOND index of A1.",
        "Put the summed index in the middle: W2[i, k] = W2.T[k, i], so da1_k = "
        "sum_i W2.T[k, i] dz2_i; A1[k, j] = A1.T[j, k]. Each column j of dZ2 is one example.",
        "dA1 = W2.T @ dZ2, shape (n_h, m); dW2 = (1 / m) * dZ2 @ A1.T, shape (n_y, n_h): the "
        "mean over the m examples of their outer products dz2 a1^T (m = dZ2.shape[1]).",
    ),
    mistakes=(
        _from_gallery(BUGS["missing_transpose_W2"]),
        _from_gallery(BUGS["elementwise_in_dA1"]),
        _from_gallery(BUGS["swapped_factors_in_dW"].in_line("dW2")),
        _from_gallery(BUGS["missing_transpose_in_dW"].in_line("dW2")),
        _from_gallery(BUGS["elementwise_in_dW"].in_line("dW2")),
        _from_gallery(BUGS["missing_one_over_m"].in_line("dW2")),
    ),
)


# ---------------------------------------------------------------- predictions

# The shape explorer's wrong line for each product of the backward pass (helpers.widgets.shapes)
STEPS = ("dW2", "dA1", "dZ1", "dW1")


def _names(prediction: object) -> set[str] | None:
    """A set of step names from what the learner wrote: a set, list or tuple of names, one name,
    or ``"none"``; ``None`` if it is none of these."""
    if isinstance(prediction, str):
        return set() if prediction.strip().lower() == "none" else {prediction.strip()}
    if isinstance(prediction, (set, frozenset, list, tuple)) and all(
        isinstance(name, str) for name in prediction
    ):
        return {name.strip() for name in prediction}
    return None


def _fill(text: str) -> str:
    return "\n".join(textwrap.fill(paragraph, WIDTH) for paragraph in text.split("\n"))


@dataclass(frozen=True)
class WhichFit(Prediction):
    """A prediction answered by a set of step names, ``{"dW2", "dA1"}`` (``set()`` for none):
    ``answer`` is the set that fits; ``reasons[name]`` says why that step's wrong line fits or
    does not, and is told for each step the learner placed on the wrong side."""

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
        names = _names(prediction)
        if names is None or not names <= set(self.choices):
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
        shown = "{" + ", ".join(repr(n) for n in self.choices if n in answer) + "}"
        if names == answer:
            return CheckResult(True, True, _fill(f"Right: {shown}. {self.why}"))
        mine = "{" + ", ".join(repr(n) for n in self.choices if n in names) + "}"
        lines = [f"Not quite: you predicted {mine if names else 'set()'}; the answer is {shown}."]
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

EXPLORER_SIZES = {"n_x": 2, "n_h": 4, "n_y": 1, "m": 4}

explorer_fit = Prediction(
    name="explorer_fit",
    question="n_x = 2, n_h = 4, n_y = 1, m = 4: which of the four wrong lines fits?",
    answer="dZ1",
    choices=(*STEPS, "none"),
    why=(
        "dZ1 = dA1 @ g1_prime: dA1 and g1_prime are (n_h, m) = (4, 4), square because the "
        "batch has as many examples as there are hidden units, so the matrix product exists "
        "and has the shape of dZ1. Only the gradient check catches it (the explorer runs one)."
    ),
    wrong={
        "dW2": "A1 @ dZ2.T is (4, 4) @ (4, 1) = (4, 1), the transpose of dW2's (1, 4): "
        "the shapes catch it. It needs n_y = n_h.",
        "dA1": "W2 @ dZ2 is (1, 4) @ (1, 4): no product, because W2 is not square (n_y = 1, "
        "n_h = 4).",
        "dW1": "X @ dZ1.T is (2, 4) @ (4, 4) = (2, 4), the transpose of dW1's (4, 2): it "
        "needs n_x = n_h.",
        "none": "m = n_h = 4 makes dA1 and g1_prime square: one wrong line fits.",
    },
    notebook=NOTEBOOK,
)
