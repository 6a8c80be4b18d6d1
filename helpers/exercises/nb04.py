"""Notebook 04's exercises: three functions and four predictions about where the 1/m goes.

* ``dJ_dZ2(A2, Y)``: the gradient of the cost with respect to ``Z2``, both ``(n_y, m)``: the
  reference's ``dZ2`` (:func:`helpers.network.backward_unchecked`) divided by ``m``.
* ``dW_from_dJ_dZ(dJ_dZ, A_prev)``: ``dJ/dW`` of one layer from its true ``dJ/dZ (n, m)`` and its
  input ``A_prev (n_prev, m)``; the result is ``(n, n_prev)``, no 1/m (it is inside ``dJ/dZ``).
* ``db_from_dZ(dZ)``: ``db = dJ/db`` of one layer from the course's ``dZ (n, m)`` (no 1/m in it);
  the result is the column ``(n, 1)``.
* Predictions: what gradient descent does with the 1/m missing (``missing_descent``), the gradient
  check's relative error with 1/m applied twice (``twice_error``), the shape of ``b1 - 1.2 * db1``
  for a flat ``db1`` (``broadcast_shape``), and on which side of 0 the batch explorer's dots of the
  examples with ``y = 1`` lie for ``b2`` (``b2_dots``).

``dW`` and ``db`` are checked against :func:`helpers.deep.linear_backward_unchecked`, where each is
one line (``dW = (1 / m) * dZ @ A_prev.T``, ``db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)``):
``dW_from_dJ_dZ`` feeds it ``dZ = m * dJ_dZ`` (the course's ``dZ``), so its line computes
``dJ_dZ @ A_prev.T``. The mistakes are those lines changed; ``show`` prints a changed line as the
learner writes it, in ``dJ_dZ``.
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
        "Nudge one entry of Z2, output unit i of example j (Z2[i - 1, j - 1] in code, which "
        "counts from 0). Which of the m losses in J = (1/m) sum_j L(j) does it move?",
        "Only L(j) moves, and notebook 01 gives its slope in z: dL/dz = a - y. In J that loss "
        "carries the weight 1/m.",
        "So every entry is (a - y) / m, with a and y the same entry of A2 and Y; m counts the "
        "examples, the columns of Y (Y.shape[1]).",
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
            "divided_by_size",
            "divided by Y.size = n_y m",
            "J adds up the outputs of each example and averages the examples: divide by the "
            "number of examples, m = Y.shape[1], not by the number of entries Y.size",
            {"m = Y.shape[1]": "m = Y.size"},
        ),
        Mistake(
            "sign_flipped",
            "wrong sign",
            "the slope of the loss is a - y (01): y - a points uphill",
            {RIGHT_LINE: "return (Y - A2) / m"},
        ),
        Mistake(
            "sigma_prime_again",
            "sigma' applied again",
            "a - y is already dL/da times sigma'(z) = a(1 - a): notebook 01's product simplified; "
            "multiplying by A2 * (1 - A2) counts sigma' twice",
            {RIGHT_LINE: "return (A2 - Y) * A2 * (1 - A2) / m"},
        ),
        Mistake(
            "slope_in_A2",
            "the slope in A2, not in Z2",
            "-y/a + (1 - y)/(1 - a) is dL/da, notebook 01's first step; times da/dz = a(1 - a) "
            "it becomes dL/dz = a - y",
            {RIGHT_LINE: "return (-Y / A2 + (1 - Y) / (1 - A2)) / m"},
        ),
        Mistake(
            "averaged_over_examples",
            "averaged over the examples: one number per output",
            "np.mean(..., axis=1) leaves one entry per output; the gradient has one entry per "
            "entry of Z2, one column per example: each keeps its own a - y, weighted 1/m",
            {RIGHT_LINE: "return np.mean(A2 - Y, axis=1, keepdims=True)"},
        ),
        Mistake(
            "averaged_to_one_number",
            "averaged into one number",
            "np.mean over the whole array gives one number; the gradient has one entry per "
            "entry of Z2",
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
    """The learner's ``dW_from_dJ_dZ(dJ_dZ, A_prev)`` out of a ``linear_backward(dZ, cache)``: it
    is handed the course's ``dZ = m dJ/dZ``, ``m`` the columns of ``A_prev``."""

    def dW_from_dJ_dZ(dJ_dZ, A_prev):
        m = np.shape(A_prev)[1]
        return _linear_backward_on(linear_backward, m * np.asarray(dJ_dZ), A_prev)[1]

    return dW_from_dJ_dZ


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
    """``(dJ_dZ, A_prev)``: the true ``dJ/dZ`` is the course's ``dZ`` divided by ``m``."""
    return [
        Problem(f"dJ_dZ {dZ.shape}, A_prev {A_prev.shape}", (dZ / facts["m"], A_prev), facts)
        for dZ, A_prev, facts in _layers()
    ]


def _db_problems() -> list[Problem]:
    return [Problem(f"dZ {dZ.shape}", (dZ,), facts) for dZ, _, facts in _layers()]


# a line of linear_backward (in the course's dZ = m dJ_dZ) -> as the learner writes it in dJ_dZ
SUMS = "np.sum({}, axis=1, keepdims=True) @ np.sum(A_prev, axis=1, keepdims=True).T"
MEANS = "np.mean({}, axis=1, keepdims=True) @ np.mean(A_prev, axis=1, keepdims=True).T"
IN_DJ_DZ = {
    "dW = (1 / m) * dZ @ A_prev.T / m": "dW = (1 / m) * dJ_dZ @ A_prev.T",
    "dW = (1 / m) * A_prev @ dZ.T": "dW = A_prev @ dJ_dZ.T",
    "dW = (1 / m) * dZ * A_prev.T": "dW = dJ_dZ * A_prev.T",
    f"dW = (1 / m) * {SUMS.format('dZ')}": f"dW = {SUMS.format('dJ_dZ')}",
    f"dW = (1 / m) * {MEANS.format('dZ')}": f"dW = {MEANS.format('dJ_dZ')}",
}


def _dW_mistake(name: str, title: str, description: str, wrong: str) -> Mistake:
    """A mistake in the ``dW`` line, given by the learner's line in ``dJ_dZ`` (``IN_DJ_DZ``)."""
    (line,) = (mine for mine, theirs in IN_DJ_DZ.items() if theirs == wrong)
    return Mistake(name, title, description, {DW_LINE: line})


dW_from_dJ_dZ = Exercise(
    name="dW_from_dJ_dZ",
    title="dJ/dW of one layer, from its dJ/dZ and A_prev",
    reference=_dW_of(linear_backward_unchecked),
    source=linear_backward_unchecked,
    wrap=_dW_of,
    problems=_dW_problems,
    outputs=("dJ/dW",),
    notebook=NOTEBOOK,
    argument_names=("dJ_dZ", "A_prev"),
    like={"dJ/dW": "W"},
    show=lambda line: IN_DJ_DZ.get(line, line),
    problem_word="layers",
    hints=(
        "Take the output layer: z2_i(j) = sum_k W2_ik a1_k(j) + b2_i for each example j. In "
        "which entries of Z2 does the weight W2_ik stand? Notebook 02: when a nudge reaches J "
        "along several paths, the effects add up.",
        "W2_ik stands in z2_i(j) of every example j, with slope a1_k(j); J's slope in that "
        "entry is dJ/dZ2_ij. So dJ/dW2_ik = sum over j of dJ/dZ2_ij a1_k(j): in code "
        "dJ_dZ[i - 1, j - 1] * A_prev[k - 1, j - 1], added up over j.",
        "A sum over j of M[i, j] N[k, j] is the matrix product M @ N.T, whose inner index is j: "
        "dJ_dZ @ A_prev.T, the shape of W. No 1/m: it is inside dJ_dZ already.",
    ),
    mistakes=(
        _dW_mistake(
            "one_over_m_again",
            "a 1/m where none belongs",
            "dJ_dZ already carries the 1/m of J (section 2); the course's (1/m) dZ A_prev^T "
            "divides its dZ, which is m dJ/dZ",
            "dW = (1 / m) * dJ_dZ @ A_prev.T",
        ),
        _dW_mistake(
            "product_reversed",
            "the product the wrong way round",
            "A_prev dJ_dZ^T is the transpose, shape (n_prev, n): row i of W belongs to unit i "
            "of this layer, so dJ_dZ comes first",
            "dW = A_prev @ dJ_dZ.T",
        ),
        _dW_mistake(
            "product_of_sums",
            "a product of sums, not a sum of products",
            "the sum over the examples pairs each example's dJ/dz with its own a_prev; summing "
            "each factor over the examples first pairs every example with every other",
            f"dW = {SUMS.format('dJ_dZ')}",
        ),
        _dW_mistake(
            "product_of_means",
            "a product of means, not a sum of products",
            "the mean of the products of two factors is not the product of their means: each "
            "example's dJ/dz must meet its own a_prev",
            f"dW = {MEANS.format('dJ_dZ')}",
        ),
        _dW_mistake(
            "elementwise",
            "* instead of @",
            "the elementwise product * does not add up over the examples; the matrix product @ "
            "does",
            "dW = dJ_dZ * A_prev.T",
        ),
    ),
)


db_from_dZ = Exercise(
    name="db_from_dZ",
    title="db = dJ/db of one layer, from the course's dZ",
    reference=_db_of(linear_backward_unchecked),
    source=linear_backward_unchecked,
    wrap=_db_of,
    problems=_db_problems,
    outputs=("db",),
    notebook=NOTEBOOK,
    argument_names=("dZ",),
    like={"db": "b"},
    problem_word="layers",
    hints=(
        "b is added to every column, z(j) = W a_prev(j) + b: z(j) moves one for one with b "
        "(dz(j)/db = 1 for each unit), so dL(j)/db = dz(j), column j of dZ.",
        "db = dJ/db is the mean of those m columns, since J is the mean of the losses; the "
        "columns are axis 1 of dZ. The course's dZ has no 1/m: it goes here.",
        "np.sum(dZ, axis=1) adds up each row but returns a flat (n,) array; keepdims=True keeps "
        "the column (n, 1), the shape of b.",
    ),
    mistakes=(
        Mistake(
            "missing_keepdims",
            "keepdims missing",
            "np.sum(..., axis=1) returns a flat (n,) array; keepdims=True keeps the column (n, 1)",
            {DB_LINE: "db = (1 / m) * np.sum(dZ, axis=1)"},
        ),
        Mistake(
            "row_not_column",
            "the right numbers, as a row",
            "you averaged the right entries but returned a row (1, n); b is a column (n, 1), "
            "one bias per unit: sum along axis=1 with keepdims=True, no transpose",
            {DB_LINE: "db = (1 / m) * np.sum(dZ, axis=1, keepdims=True).T"},
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
            "m_counts_the_units",
            "m = dZ.shape[0] or len(dZ): that counts the units",
            "dZ.shape[0] (and len(dZ), the length of the first axis) is the number of units n, "
            "the rows; the examples are the columns, m = dZ.shape[1]",
            {M_LINE: "m = dZ.shape[0]"},
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

missing_descent = Prediction(
    name="missing_descent",
    question="gradient descent with alpha = 1.2 on 400 examples, 1/m missing: what does J do?",
    answer="rises",
    why=(
        "Without 1/m every gradient is the sum over the 400 examples, 400 times the mean, and "
        "every step 400 times the step of the mean: as if alpha were 480. J is curved: its slope "
        "changes along the way, and a step that long jumps past the bottom of the valley to a "
        "higher point on the other side, where the slope is steeper and the next step longer. "
        "The cells below measure how curved J is and where the limit lies."
    ),
    notebook=NOTEBOOK,
    choices=("falls faster", "falls the same", "rises", "barely moves"),
    wrong={
        "falls faster": (
            "A longer step helps only while the slope stays about the same along it; a step 400 "
            "times too long goes far past the point where J stops falling."
        ),
        "falls the same": (
            "The gradient points the right way, but it is 400 times as long, and so is the step "
            "-alpha dW."
        ),
        "barely moves": (
            "That is 1/m applied twice: steps 400 times too short. Missing, they are 400 times "
            "too long."
        ),
    },
)

twice_error = Prediction(
    name="twice_error",
    question="the gradient check's relative error for m = 5 when 1/m is applied twice",
    answer=0.667,
    why=(
        "The extra 1/m in dZ2 scales dZ2, dZ1 and so every gradient by 1/m: the check compares "
        "G/m with the right G. ||G/m - G|| / (||G/m|| + ||G||) = (1 - 1/m)/(1 + 1/m) = "
        "(m - 1)/(m + 1), 4/6 = 0.667 for m = 5, whatever G is."
    ),
    notebook=NOTEBOOK,
    wrong={
        0.8: "0.8 = 1 - 1/m is ||G/m - G|| / ||G||; the relative error divides by ||G/m|| + ||G||.",
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

b2_dots = Prediction(
    name="b2_dots",
    question="for w = b2[0,0], on which side of 0 are the dots of the examples with y = 1?",
    answer="below 0",
    why=(
        "Each dot is dL(j)/db2 = dz2(j) = a2(j) - y(j): b2 moves z2 one for one (section 3) and "
        "dL/dz = a - y (01). With y = 1 that is a2 - 1, negative, because a sigmoid's output "
        "stays below 1; with y = 0 it is a2, positive. Their mean, db2, weighs the two classes "
        "against each other."
    ),
    notebook=NOTEBOOK,
    choices=("above 0", "below 0", "both sides"),
    wrong={
        "above 0": (
            "The dots above 0 are those of y = 0, where dL/db2 = a2 - 0 > 0; with y = 1 it is "
            "a2 - 1."
        ),
        "both sides": (
            "For y = 1 every dot is a2 - 1, and a sigmoid's a2 is strictly between 0 and 1, so "
            "a2 - 1 is negative whatever the example."
        ),
    },
)
