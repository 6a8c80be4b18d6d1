"""Notebook 00's exercises: the forward pass, the loss of each example, and four predictions.

* ``separable``: how many of the four data sets a straight line could separate (none).
* ``Z1_shape``: the shape of ``Z1`` for ``n_x = 2``, ``n_h = 4``, ``m = 400``, before it is shown.
* ``forward``: the learner's ``forward(X, W1, b1, W2, b2)`` returns ``(Z1, A1, Z2, A2)`` of the
  tanh network, derived from the one-example equations. The reference is
  :func:`helpers.network.forward_unchecked`, one formula per line; the mistakes are those lines
  changed (two at once are tried too: ``*`` where ``@`` belongs is often made in both products).
* ``losses``: the learner's ``losses(A2, Y)`` returns the loss of each entry, ``(n_y, m)``, minus
  the log of the probability the network gives the true label. The mistakes are shown in two
  spellings, the ``np.where`` one of the reference and the cross-entropy one.
* ``J_at_start``: the cost at initialisation (weights ``0.01 N(0, 1)``), before it is computed.
* ``changes_with_m``: which of the network's ten arrays change shape when ``m`` changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..activations import get_activation
from ..network import forward_unchecked
from .core import CheckResult, Exercise, Mistake, Prediction, Problem, _wrap_text

NOTEBOOK = "00_the_network"
TANH = get_activation("tanh")
OUTPUTS = ("Z1", "A1", "Z2", "A2")
Z1_LINE = "Z1 = W1 @ X + b1"
A1_LINE = "A1 = g1.g(Z1)"
Z2_LINE = "Z2 = W2 @ A1 + b2"
A2_LINE = "A2 = sigmoid(Z2)"
UNPACK_LINE = (
    'W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]'
)


# ---------------------------------------------------------------- the data sets

separable = Prediction(
    name="separable",
    question="how many of the four data sets a straight line could separate",
    answer=0,
    why=(
        "None of them: for every straight line, some points of both colours lie on the same "
        "side. The cell below finds the best line for each data set: even on moons, the "
        "closest, it misclassifies one point in eight. A straight line is all that logistic "
        "regression (a network with no hidden layer) can draw; the hidden layer is what bends "
        "the boundary."
    ),
    notebook=NOTEBOOK,
    wrong={
        1: "Moons looks the closest, but its two halves hook into each other: the tip of each "
        "moon reaches into the other's bay, and no line keeps them apart.",
        2: "Circles and xor cannot be split by one line at all: one class surrounds the other, "
        "or sits in opposite corners. Moons and the flower interleave too.",
        4: "A line splits the plane into two half-planes; the flower's petals, the circles' "
        "ring and xor's corners put each class on both sides of every line.",
    },
)


# ---------------------------------------------------------------- the forward pass


def _as_the_learner_writes(forward_pass: Callable) -> Callable:
    """The learner's ``forward(X, W1, b1, W2, b2) -> (Z1, A1, Z2, A2)`` out of a function with
    the signature of :func:`helpers.network.forward_unchecked`, run with tanh."""

    def forward(X, W1, b1, W2, b2):
        _, cache = forward_pass(X, {"W1": W1, "b1": b1, "W2": W2, "b2": b2}, TANH)
        return tuple(cache[key] for key in OUTPUTS)

    return forward


def _as_the_learner_reads(line: str) -> str:
    """A line of :func:`helpers.network.forward_unchecked` as the learner writes it: tanh by
    name; the unpacking of ``parameters`` is not in the learner's code (they are arguments)."""
    return "" if line == UNPACK_LINE else line.replace("g1.g(Z1)", "np.tanh(Z1)")


def _networks() -> list[Problem]:
    """``(X (n_x, m), W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1))``, every entry
    ~ N(0, 1): weights and biases of order 1, so that sigmoid and tanh, a bias and none, differ.

    In the first two no two of ``n_x, n_h, m`` are equal, so a product the wrong way round has no
    shape; in the last ``n_x = n_h = m`` and ``n_y = 1``, so every product fits (``*`` for ``@``
    too) and only the values tell."""
    rng = np.random.default_rng(0)
    problems = []
    for n_x, n_h, n_y, m in ((3, 4, 2, 5), (2, 4, 1, 6), (3, 3, 1, 3)):
        X = rng.standard_normal((n_x, m))
        W1, b1 = rng.standard_normal((n_h, n_x)), rng.standard_normal((n_h, 1))
        W2, b2 = rng.standard_normal((n_y, n_h)), rng.standard_normal((n_y, 1))
        label = f"n_x = {n_x}, n_h = {n_h}, n_y = {n_y}, m = {m}"
        problems.append(Problem(label, (X, W1, b1, W2, b2), {"m": m, "n_y": n_y}))
    return problems


forward = Exercise(
    name="forward",
    title="the forward pass, all m examples at once",
    reference=_as_the_learner_writes(forward_unchecked),
    source=forward_unchecked,
    wrap=_as_the_learner_writes,
    show=_as_the_learner_reads,
    problems=_networks,
    outputs=OUTPUTS,
    returns="tuple",
    pairs=True,
    notebook=NOTEBOOK,
    argument_names=("X", "W1", "b1", "W2", "b2"),
    problem_word="networks",
    hints=(
        "Column j of Z1 must be z1 of example j, W1 x(j) + b1, where x(j) is column j of X. "
        "Which single product gives W1 times every column of X at once?",
        "Column j of the matrix product W1 @ X is W1 @ X[:, j]. b1 (n_h, 1) is one column: "
        "NumPy adds it to every column of an (n_h, m) array (broadcasting).",
        "Four lines, one per equation: Z1 from W1, X and b1; A1 = np.tanh(Z1); Z2 from W2, A1 "
        "and b2; A2 = sigmoid(Z2). Return Z1, A1, Z2, A2 in that order.",
    ),
    mistakes=(
        Mistake(
            "transposed_W1",
            "W1 transposed",
            "W1 (n_h, n_x) has one column per input, which meets the rows of X in W1 @ X; "
            "W1.T @ X fits only when n_x = n_h",
            {Z1_LINE: "Z1 = W1.T @ X + b1"},
        ),
        Mistake(
            "factors_swapped",
            "the factors of W1 @ X swapped",
            "a matrix product is not commutative: X @ W1 pairs the examples with the hidden "
            "units, and fits only when m = n_h",
            {Z1_LINE: "Z1 = X @ W1 + b1"},
        ),
        Mistake(
            "elementwise_W1",
            "* where @ belongs in W1 @ X",
            "* multiplies entry by entry (and fits only when the shapes happen to broadcast); "
            "W1 x(j) is a matrix product, @ in NumPy (np.dot in the course's assignments)",
            {Z1_LINE: "Z1 = W1 * X + b1"},
        ),
        Mistake(
            "bias_as_row",
            "b1 added as a row",
            "b1 is a column (n_h, 1), one bias per hidden unit, added to every example; as a "
            "row (or flat, (n_h,)) it is added to every unit and fits only when m = n_h",
            {Z1_LINE: "Z1 = W1 @ X + b1.T"},
        ),
        Mistake(
            "b1_missing",
            "b1 missing",
            "each hidden unit adds its bias: z1(j) = W1 x(j) + b1",
            {Z1_LINE: "Z1 = W1 @ X"},
        ),
        Mistake(
            "sigmoid_hidden",
            "sigmoid in the hidden layer",
            "the hidden layer's activation is tanh here; the sigmoid belongs to the output",
            {A1_LINE: "A1 = sigmoid(Z1)"},
        ),
        Mistake(
            "activation_skipped",
            "Z1 where A1 belongs",
            "the output layer reads the hidden layer's activations A1 = tanh(Z1), not Z1",
            {Z2_LINE: "Z2 = W2 @ Z1 + b2"},
        ),
        Mistake(
            "elementwise_W2",
            "* where @ belongs in W2 @ A1",
            "* multiplies entry by entry (and fits only when the shapes happen to broadcast); "
            "W2 a1(j) is a matrix product, @ in NumPy (np.dot in the course's assignments)",
            {Z2_LINE: "Z2 = W2 * A1 + b2"},
        ),
        Mistake(
            "b2_missing",
            "b2 missing",
            "the output unit adds its bias: z2(j) = W2 a1(j) + b2",
            {Z2_LINE: "Z2 = W2 @ A1"},
        ),
        Mistake(
            "tanh_output",
            "tanh at the output",
            "A2 is a probability, in (0, 1): the output unit is a sigmoid",
            {A2_LINE: "A2 = np.tanh(Z2)"},
        ),
    ),
)


# ---------------------------------------------------------------- the loss of each example

P_LINE = "p = np.where(Y == 1, A2, 1 - A2)"
LOSS_LINE = "return -np.log(p)"


def _losses(A2, Y):
    p = np.where(Y == 1, A2, 1 - A2)
    return -np.log(p)


# Each wrong line of the reference's np.where spelling, and the same mistake in the
# cross-entropy spelling: the check shows both (the learner may have written either).
CROSS_ENTROPY_SPELLING = {
    "p = np.where(Y == 1, 1 - A2, A2)": "-(Y * np.log(1 - A2) + (1 - Y) * np.log(A2))",
    "return np.log(p)": "Y * np.log(A2) + (1 - Y) * np.log(1 - A2)",
    "return -np.log10(p)": "-(Y * np.log10(A2) + (1 - Y) * np.log10(1 - A2))",
    "return -np.log2(p)": "-(Y * np.log2(A2) + (1 - Y) * np.log2(1 - A2))",
    "return -np.mean(np.log(p))": "-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))",
}


def _in_both_spellings(line: str) -> str:
    """A wrong line of :func:`_losses` as the learner may have written it: in the ``np.where``
    spelling (``p`` is the probability of the true label) or as the cross-entropy."""
    if line == "p = A2":
        return "return -np.log(A2)"
    if line in CROSS_ENTROPY_SPELLING:
        return (
            f"{line}   (p: the probability of the true label)\n"
            f"or, as one formula: {CROSS_ENTROPY_SPELLING[line]}"
        )
    return line


def _negated_unsigned(A2, Y):
    """The cross-entropy with ``-Y`` in it: right for float labels, wrong for ``uint8`` ones,
    where ``-Y`` is ``256 - Y``."""
    return -Y * np.log(A2) - (1 - Y) * np.log(1 - A2)


def _outputs_and_labels() -> list[Problem]:
    """``(A2, Y)``, each ``(n_y, m)``: outputs in (0, 1) far from 1/2, labels 0 and 1 in every
    problem; in the last the labels are ``uint8``, as the course's assignments load them."""
    rng = np.random.default_rng(1)
    problems = [
        Problem(
            "one output, m = 6",
            (np.array([[0.9, 0.2, 0.5, 0.7, 0.05, 0.99]]), np.array([[1.0, 0, 1, 0, 0, 1]])),
            {"m": 6, "n_y": 1},
        )
    ]
    for n_y, m in ((2, 3), (1, 5)):
        A2 = rng.uniform(0.02, 0.98, (n_y, m))
        Y = (rng.random((n_y, m)) > 0.5).astype(float)
        Y[0, :2] = (0.0, 1.0)  # both labels in every problem
        problems.append(Problem(f"n_y = {n_y}, m = {m}", (A2, Y), {"m": m, "n_y": n_y}))
    problems.append(
        Problem(
            "one output, m = 4, labels of dtype uint8 (as the course's assignments load them)",
            (np.array([[0.8, 0.3, 0.6, 0.1]]), np.array([[1, 0, 0, 1]], dtype=np.uint8)),
            {"m": 4, "n_y": 1},
        )
    )
    return problems


IF_ON_AN_ARRAY = (
    "    (`if Y == 1:` asks one yes/no question, but Y == 1 is an array of answers, one per "
    "entry: choose entry by entry, with np.where, or write one formula that is right for "
    "y = 0 and for y = 1)"
)


@dataclass
class _EntryByEntry(Exercise):
    """An exercise on arrays whose check also says what to do when the learner's code put an
    array in an ``if`` (NumPy's "truth value of an array ... is ambiguous")."""

    def check(self, function: object) -> CheckResult:
        result = super().check(function)
        if "truth value of an array" in str(result) and IF_ON_AN_ARRAY not in result.details:
            result.details.append(IF_ON_AN_ARRAY)
        return result


losses = _EntryByEntry(
    name="losses",
    title="the loss of each example, -log of the probability of its label",
    reference=_losses,
    problems=_outputs_and_labels,
    outputs=("losses",),
    notebook=NOTEBOOK,
    argument_names=("A2", "Y"),
    like={"losses": "A2"},
    show=_in_both_spellings,
    hints=(
        "A2 is the probability the network gives to y = 1. What probability does it give to "
        "y = 0? The true label's probability is one or the other, depending on Y.",
        "The probability of the true label is A2 where Y == 1 and 1 - A2 where Y == 0: "
        "np.where(Y == 1, ..., ...) picks entry by entry.",
        "Then minus its natural logarithm, np.log, entry by entry: one loss per entry, the "
        "shape of A2 (not their mean).",
    ),
    mistakes=(
        Mistake(
            "labels_swapped",
            "the labels swapped",
            "A2 is the probability of y = 1, so a label 1 takes A2 and a label 0 takes 1 - A2",
            {P_LINE: "p = np.where(Y == 1, 1 - A2, A2)"},
        ),
        Mistake(
            "label_ignored",
            "the label ignored",
            "-log A2 is the loss where y = 1; where y = 0 it is -log(1 - A2)",
            {P_LINE: "p = A2"},
        ),
        Mistake(
            "sign_flipped",
            "the minus sign dropped",
            "log p < 0 for a probability p < 1: the loss is minus the log, which is positive and "
            "shrinks to 0 as p grows to 1",
            {LOSS_LINE: "return np.log(p)"},
        ),
        Mistake(
            "log10",
            "log base 10",
            "log is the natural logarithm, np.log; np.log10 is 1/ln(10) = 0.434 times it",
            {LOSS_LINE: "return -np.log10(p)"},
        ),
        Mistake(
            "log2",
            "log base 2",
            "log is the natural logarithm, np.log; np.log2 (bits) is 1/ln(2) = 1.443 times it",
            {LOSS_LINE: "return -np.log2(p)"},
        ),
        Mistake(
            "averaged",
            "averaged into one number",
            "that mean is the cost J; the exercise asks for each example's loss, the shape of A2",
            {LOSS_LINE: "return -np.mean(np.log(p))"},
        ),
        Mistake(
            "negated_unsigned",
            "-Y on unsigned integer labels",
            "with labels of dtype uint8, -Y wraps around: -1 becomes 255, so the loss of a "
            "label 1 comes out as 255 log a, negative and 255 times too large. Put the minus "
            "sign in front of the whole formula (or of the log), not on Y; or make the labels "
            "floats, Y.astype(float)",
            function=_negated_unsigned,
        ),
    ),
)


# ---------------------------------------------------------------- predictions

Z1_shape = Prediction(
    name="Z1_shape",
    question="the shape of Z1 = W1 X + b1 for n_x = 2, n_h = 4, m = 400",
    answer="(4, 400)",
    why=(
        "W1 (4, 2) @ X (2, 400): the inner sizes meet (2 inputs) and the outer ones are left, "
        "one row per hidden unit and one column per example. b1 (4, 1) is added to each of "
        "the 400 columns."
    ),
    notebook=NOTEBOOK,
    wrong={
        "(400, 4)": "The examples are columns in the course: Z1 has one column per example.",
        "(2, 400)": "That is X; W1 maps the 2 inputs to 4 hidden units, so Z1 has 4 rows.",
        "(4, 2)": "That is W1; its columns meet the rows of X and disappear in the product.",
        "(4, 1)": "That is z1 for one example (and b1); the 400 examples give 400 columns.",
        "(1, 400)": "That is Z2 (and A2): one output unit. Z1 has one row per hidden unit.",
    },
)

J_TOLERANCE = 0.03  # relative: 0.672 to 0.714 count as log 2 = 0.693

J_at_start = Prediction(
    name="J_at_start",
    question="the cost J at initialisation, weights 0.01 N(0, 1) and biases 0",
    answer=0.693,
    tolerance=J_TOLERANCE,
    why=(
        "With weights of order 0.01 every z2 is close to 0, so every a2 is close to 1/2: the "
        "network gives each label probability 1/2, each example's loss is -log(1/2) = log 2 "
        "(natural log), whatever its label, and so is their mean J."
    ),
    notebook=NOTEBOOK,
    wrong={
        0.5: "1/2 is the probability the network gives each label; the loss is -log of it.",
        0.0: "A loss of 0 means probability 1 for every true label: a perfect network.",
        -0.693: "Mind the sign: a probability is at most 1, so its log is at most 0 and the "
        "loss, minus the log, is at least 0; so is J, their mean.",
        1.0: "1 is log 2 in base 2 (bits); the course's log is the natural log.",
        0.301: "0.301 is log 2 in base 10; the course's log is the natural log.",
        0.25: "0.25 is the squared error (1/2)^2; the loss here is the cross-entropy.",
    },
)

ARRAYS = ("X", "Y", "W1", "b1", "Z1", "A1", "W2", "b2", "Z2", "A2")


def _names(value: object) -> frozenset[str] | None:
    """The array names in ``value`` (a set, list or tuple of strings, or one string such as
    ``"Z1, A1"``), spelled as in :data:`ARRAYS` whatever their case; ``None`` if it holds anything
    but strings."""
    if isinstance(value, str):
        value = [name for name in re.split(r"[\s,;{}()\[\]'\"]+", value) if name]
    if not isinstance(value, (set, frozenset, list, tuple)) or not all(
        isinstance(name, str) for name in value
    ):
        return None
    spelling = {name.lower(): name for name in ARRAYS}
    return frozenset(spelling.get(name.strip().lower(), name.strip()) for name in value)


@dataclass(frozen=True)
class NamesPrediction(Prediction):
    """A prediction whose answer is a set of array names, given in any order and case; a wrong
    answer is told, name by name, why each name it left out or put in is or is not in the set
    (``reasons``)."""

    names: Sequence[str] = ARRAYS
    reasons: Mapping[str, str] = field(default_factory=dict)

    def reveal(self, prediction: object) -> CheckResult:
        if prediction is None or prediction is Ellipsis:
            return super().reveal(prediction)
        given = _names(prediction)
        if given is None:
            return CheckResult(
                False,
                False,
                _wrap_text(
                    f"Not answered yet: {prediction!r} is not a set of names; write the names "
                    'as strings, e.g. {"X", "W1"}.'
                ),
            )
        unknown = sorted(given - set(self.names))
        if unknown:
            return CheckResult(
                False,
                False,
                _wrap_text(
                    f"Not answered yet: {', '.join(unknown)} "
                    f"{'is not an array' if len(unknown) == 1 else 'are not arrays'} of the "
                    f"network; pick from {', '.join(self.names)}."
                ),
            )
        answer = frozenset(self.answer)
        listed = ", ".join(name for name in self.names if name in answer)
        if given == answer:
            return CheckResult(True, True, _wrap_text(f"Right: {listed}. {self.why}"))
        lines = [f"Not quite: the answer is {listed}."]
        lines += [f"{name} does change: {self.reasons[name]}" for name in sorted(answer - given)]
        lines += [f"{name} does not: {self.reasons[name]}" for name in sorted(given - answer)]
        return CheckResult(True, False, _wrap_text("\n".join([*lines, self.why])))


_EXAMPLES = "one column per example"
_PARAMETER = "a parameter of the network, the same for any number of examples"

changes_with_m = NamesPrediction(
    name="changes_with_m",
    question="which of the ten arrays change shape when the number of examples m changes",
    answer=("X", "Y", "Z1", "A1", "Z2", "A2"),
    why=(
        "The examples are the columns: X, Y and every Z and A have m of them. The weights and "
        "biases are the network itself, the same whatever the number of examples: b1 stays "
        "(n_h, 1) and broadcasting adds it to every column."
    ),
    notebook=NOTEBOOK,
    reasons={
        "X": f"{_EXAMPLES}, (n_x, m)",
        "Y": f"{_EXAMPLES}, (n_y, m)",
        "Z1": f"{_EXAMPLES}, (n_h, m)",
        "A1": f"{_EXAMPLES}, (n_h, m)",
        "Z2": f"{_EXAMPLES}, (n_y, m)",
        "A2": f"{_EXAMPLES}, (n_y, m)",
        "W1": f"{_PARAMETER}, (n_h, n_x)",
        "W2": f"{_PARAMETER}, (n_y, n_h)",
        "b1": f"{_PARAMETER}, (n_h, 1): one column, added to each of the m columns of W1 X",
        "b2": f"{_PARAMETER}, (n_y, 1): one column, added to each of the m columns of W2 A1",
    },
)
