"""Notebook 04's exercises: dJ/dZ2 against the course's dZ2, dW and db of a layer from its dZ, and
three predictions (the gradient check's error when 1/m is applied twice, the shape of ``b1 - 1.2 *
db1`` when ``db1`` is flat, and where the batch explorer's diamond goes without the 1/m).

``dJ/dZ2`` is the reference's ``dZ2`` (:func:`helpers.network.backward_unchecked`) divided by
``m``. ``dW`` and ``db`` are checked against :func:`helpers.deep.linear_backward_unchecked`, where
each is one line (``dW = (1 / m) * dZ @ A_prev.T``, ``db = (1 / m) * np.sum(dZ, axis=1,
keepdims=True)``); the mistakes are those lines changed.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..activations import get_activation
from ..deep import linear_backward_unchecked
from ..network import backward_unchecked
from .core import Exercise, Mistake, Prediction, Problem

NOTEBOOK = "04_batches_and_1_over_m"
DW_LINE = "dW = (1 / m) * dZ @ A_prev.T"
DB_LINE = "db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)"
M_LINE = "m = A_prev.shape[1]"


# ---------------------------------------------------------------- dJ/dZ2


def _course_dZ2(A2: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """The reference's ``dZ2`` (the first line of :func:`helpers.network.backward_unchecked`) for
    outputs ``A2`` and labels ``Y``, both ``(n_y, m)``; the hidden layer it needs is a dummy of one
    unit, which ``dZ2`` does not read."""
    n_y, m = np.shape(A2)
    hidden = np.zeros((1, m))
    cache = {"Z1": hidden, "A1": hidden, "A2": A2}
    parameters = {"W2": np.zeros((n_y, 1))}
    tanh = get_activation("tanh")
    return backward_unchecked(parameters, cache, hidden, Y, tanh, intermediates=True)["dZ2"]


def _dJ_dZ2(A2, Y):
    m = Y.shape[1]
    dZ2 = _course_dZ2(A2, Y)
    return dZ2 / m


RIGHT_LINE = "return dZ2 / m"
SHOWN = {RIGHT_LINE: "return (A2 - Y) / m"}  # the right line as the learner writes it


def _outputs_and_labels() -> list[Problem]:
    """``(A2, Y)``, each ``(n_y, m)``: outputs in (0, 1), labels 0 and 1, ``n_y`` not ``m``."""
    rng = np.random.default_rng(4)
    problems = []
    for n_y, m in ((1, 5), (2, 7), (3, 4)):
        A2 = rng.uniform(0.05, 0.95, (n_y, m))
        Y = (rng.random((n_y, m)) > 0.5).astype(float)
        Y[0, :2] = (0.0, 1.0)  # both labels in every problem
        problems.append(Problem(f"n_y = {n_y}, m = {m}", (A2, Y), {"m": m, "n_y": n_y}))
    return problems


dJ_dZ2 = Exercise(
    name="dJ_dZ2",
    title="dJ/dZ2, the gradient of the cost with respect to Z2",
    reference=_dJ_dZ2,
    problems=_outputs_and_labels,
    outputs=("dJ/dZ2",),
    notebook=NOTEBOOK,
    argument_names=("A2", "Y"),
    like={"dJ/dZ2": "Z2"},
    show=lambda line: SHOWN.get(line, line),
    hints=(
        "Nudge one entry, Z2[i, j] (output i of example j). Which of the m losses in "
        "J = (1/m) sum_j L(j) does it move?",
        "Only L(j) moves, and notebook 01 gives its slope: dL/dz = a - y. J carries that loss "
        "with the weight 1/m.",
        "So entry (i, j) is (A2[i, j] - Y[i, j]) / m; m counts the examples, the columns of Y.",
    ),
    mistakes=(
        Mistake(
            "missing_one_over_m",
            "1/m missing: that is the course's dZ2",
            "A2 - Y is the gradient of the SUM of the losses; J is their mean, "
            "so every entry carries 1/m",
            {RIGHT_LINE: "return A2 - Y"},
        ),
        Mistake(
            "wrong_m",
            "m counts the outputs",
            "m = Y.shape[0] is the number of outputs n_y (rows); the examples are the columns, "
            "m = Y.shape[1]",
            {"m = Y.shape[1]": "m = Y.shape[0]"},
        ),
        Mistake(
            "sign_flipped",
            "wrong sign",
            "the slope of the loss is a - y (01): y - a points uphill",
            {RIGHT_LINE: "return (Y - A2) / m"},
        ),
        Mistake(
            "averaged_to_one_number",
            "averaged into one number",
            "np.mean over the whole array gives one number; the gradient has one entry per "
            "entry of Z2, shape (n_y, m)",
            {RIGHT_LINE: "return np.mean(A2 - Y)"},
        ),
    ),
)


# ---------------------------------------------------------------- dW and db of one layer


def _linear_backward_on(linear_backward: Callable, dZ, A_prev) -> tuple:
    """``linear_backward(dZ, (A_prev, W, b))`` with zero ``W (n, n_prev)`` and ``b (n, 1)``:
    ``dW`` and ``db`` do not read them."""
    n, n_prev = np.shape(dZ)[0], np.shape(A_prev)[0]
    return linear_backward(dZ, (A_prev, np.zeros((n, n_prev)), np.zeros((n, 1))))


def _dW_of(linear_backward: Callable) -> Callable:
    """The learner's ``dW_from_dZ(dZ, A_prev)`` out of a ``linear_backward(dZ, cache)``."""

    def dW_from_dZ(dZ, A_prev):
        return _linear_backward_on(linear_backward, dZ, A_prev)[1]

    return dW_from_dZ


def _db_of(linear_backward: Callable) -> Callable:
    """The learner's ``db_from_dZ(dZ)`` out of a ``linear_backward(dZ, cache)``."""

    def db_from_dZ(dZ):
        return _linear_backward_on(linear_backward, dZ, np.zeros((1, np.shape(dZ)[1])))[2]

    return db_from_dZ


def _layers() -> list[tuple[np.ndarray, np.ndarray, dict]]:
    """``(dZ (n, m), A_prev (n_prev, m), facts)``: entries of order 1, ``n_prev != m`` except in
    the square layer, where shapes cannot tell ``dZ A_prev^T`` from its transpose."""
    rng = np.random.default_rng(7)
    layers = []
    for n, n_prev, m in ((3, 4, 5), (1, 2, 6), (4, 4, 4)):
        dZ = rng.standard_normal((n, m))
        A_prev = np.tanh(rng.standard_normal((n_prev, m)))
        layers.append((dZ, A_prev, {"m": m, "n_y": n}))
    return layers


def _dW_problems() -> list[Problem]:
    return [
        Problem(f"dZ {dZ.shape}, A_prev {A_prev.shape}", (dZ, A_prev), facts)
        for dZ, A_prev, facts in _layers()
    ]


def _db_problems() -> list[Problem]:
    return [Problem(f"dZ {dZ.shape}", (dZ,), facts) for dZ, _, facts in _layers()]


dW_from_dZ = Exercise(
    name="dW_from_dZ",
    title="dW = dJ/dW of one layer, from dZ and A_prev",
    reference=_dW_of(linear_backward_unchecked),
    source=linear_backward_unchecked,
    wrap=_dW_of,
    problems=_dW_problems,
    outputs=("dW",),
    notebook=NOTEBOOK,
    argument_names=("dZ", "A_prev"),
    like={"dW": "W"},
    hints=(
        "J is the mean of the m losses, so dW is the mean of the m per-example gradients "
        "dL(j)/dW (section 1).",
        "Notebook 03: one example's gradient is an outer product, dL(j)/dW = dz(j) a_prev(j)^T, "
        "in NumPy np.outer(dZ[:, j], A_prev[:, j]), shape (n, n_prev) like W.",
        "A loop adds them up and divides by m; the matrix product dZ @ A_prev.T does the same "
        "sum, because the example index j is its inner index.",
    ),
    mistakes=(
        Mistake(
            "missing_one_over_m",
            "1/m missing: a sum, not a mean",
            "dZ A_prev^T adds up the m examples' gradients; dW = dJ/dW is their mean",
            {DW_LINE: "dW = dZ @ A_prev.T"},
        ),
        Mistake(
            "one_over_m_twice",
            "1/m applied twice",
            "the mean of the per-example gradients already divides by m once",
            {DW_LINE: "dW = (1 / m) * dZ @ A_prev.T / m"},
        ),
        Mistake(
            "product_reversed",
            "the product the wrong way round",
            "A_prev dZ^T is the transpose of dZ A_prev^T, shape (n_prev, n): row k of W belongs "
            "to unit k of this layer, so dz comes first (np.outer(dz, a_prev))",
            {DW_LINE: "dW = (1 / m) * A_prev @ dZ.T"},
        ),
        Mistake(
            "wrong_m",
            "m counts the rows of A_prev",
            "A_prev.shape[0] is the number of units of the previous layer; the examples are the "
            "columns, m = A_prev.shape[1]",
            {M_LINE: "m = A_prev.shape[0]"},
        ),
        Mistake(
            "elementwise",
            "* instead of @",
            "the elementwise product * does not add up over the examples; "
            "the matrix product @ does",
            {DW_LINE: "dW = (1 / m) * dZ * A_prev.T"},
        ),
    ),
)


db_from_dZ = Exercise(
    name="db_from_dZ",
    title="db = dJ/db of one layer, from dZ",
    reference=_db_of(linear_backward_unchecked),
    source=linear_backward_unchecked,
    wrap=_db_of,
    problems=_db_problems,
    outputs=("db",),
    notebook=NOTEBOOK,
    argument_names=("dZ",),
    like={"db": "b"},
    hints=(
        "b is added to every column, z(j) = W a_prev(j) + b, so dz(j)/db is 1 for every "
        "example: dL(j)/db = dz(j), column j of dZ.",
        "db = dJ/db is the mean of those m columns; the columns are axis 1 of dZ.",
        "np.sum(dZ, axis=1) adds up each row but returns a flat (n,) array; "
        "keepdims=True keeps the column (n, 1), the shape of b.",
    ),
    mistakes=(
        Mistake(
            "missing_keepdims",
            "keepdims missing",
            "np.sum(..., axis=1) returns a flat (n,) array; keepdims=True keeps the column (n, 1)",
            {DB_LINE: "db = (1 / m) * np.sum(dZ, axis=1)"},
        ),
        Mistake(
            "wrong_sum_axis",
            "wrong sum axis",
            "axis=0 adds up the units of each example; the examples are the columns, axis=1",
            {DB_LINE: "db = (1 / m) * np.sum(dZ, axis=0, keepdims=True)"},
        ),
        Mistake(
            "wrong_mean_axis",
            "mean over the wrong axis",
            "np.mean(dZ, axis=0) averages the units of each example; the examples are the "
            "columns, axis=1",
            {DB_LINE: "db = np.mean(dZ, axis=0, keepdims=True)"},
        ),
        Mistake(
            "missing_one_over_m",
            "1/m missing: a sum, not a mean",
            "the sum of the columns adds up the m examples' gradients; db = dJ/db is their mean",
            {DB_LINE: "db = np.sum(dZ, axis=1, keepdims=True)"},
        ),
        Mistake(
            "one_over_m_twice",
            "1/m applied twice",
            "np.mean already divides by m",
            {DB_LINE: "db = (1 / m) * np.mean(dZ, axis=1, keepdims=True)"},
        ),
        Mistake(
            "summed_everything",
            "summed over every entry",
            "np.sum(dZ) with no axis adds up all units too and gives one number; "
            "each unit has its own bias",
            {DB_LINE: "db = (1 / m) * np.sum(dZ)"},
        ),
    ),
)


# ---------------------------------------------------------------- predictions

twice_error = Prediction(
    name="twice_error",
    question="the gradient check's relative error for m = 5 when 1/m is applied twice",
    answer=0.667,
    why=(
        "The extra 1/m in dZ2 scales dZ2, dZ1 and so every gradient by 1/m: the check compares "
        "g/m with the right g. ||g - g/m|| / (||g|| + ||g/m||) = (1-1/m)/(1+1/m) = (m-1)/(m+1), "
        "4/6 = 0.667 for m = 5, whatever g is."
    ),
    notebook=NOTEBOOK,
    wrong={
        0.8: "0.8 = 1 - 1/m is ||g - g/m|| / ||g||; the relative error divides by ||g|| + ||g/m||.",
        24 / 26: "24/26 would be a gradient m^2 = 25 times too small; dW and db keep only one "
        "extra 1/m: the one they always had is right.",
        0.2: "1/m = 0.2 is the factor on the gradient, not the relative error.",
        0.0: "An error of 0 is what m = 1 gives: with one example, 1/m = 1 and the bug hides.",
    },
)

broadcast_shape = Prediction(
    name="broadcast_shape",
    question="the shape of b1 - 1.2 * db1 when b1 is (4, 1) and db1 is (4,)",
    answer="(4, 4)",
    why=(
        "NumPy lines shapes up from the right: db1 (4,) counts as a row (1, 4). Against b1's "
        "column (4, 1) both stretch to (4, 4), entry (k, k') = b1[k] - 1.2 db1[k'], without "
        "an error."
    ),
    notebook=NOTEBOOK,
    choices=("(4, 1)", "(4,)", "(1, 4)", "(4, 4)", "error"),
    wrong={
        "(4, 1)": "(4, 1) is what the update needs, and what it gets only when db1 is a column.",
        "error": "NumPy raises only when two sizes differ and neither is 1: here 1 meets 4 twice.",
        "(4,)": "NumPy never drops b1's second axis: the result has as many axes as the larger.",
        "(1, 4)": "b1's 4 rows stay: the column (4, 1) is stretched along the row's 4 columns.",
    },
)

diamond = Prediction(
    name="diamond",
    question="with the 1/m missing, where does the vectorised dw (the diamond) go?",
    answer="sum",
    why=(
        "Without 1/m the vectorised dw is dZ A_prev^T, the sum of the m per-example "
        "gradients: m times their mean, on the purple dashed sum of the right panel."
    ),
    notebook=NOTEBOOK,
    choices=("mean", "sum", "mean / m", "zero"),
    wrong={
        "mean": "The dots and their mean do not move (one example has no 1/m to miss); "
        "the diamond, the backward pass on all m at once, does.",
        "mean / m": "That is 1/m applied twice: switch to 'twice' to see it.",
        "zero": "The diamond shrinks towards zero when 1/m is applied twice, "
        "not when it is missing.",
    },
)
