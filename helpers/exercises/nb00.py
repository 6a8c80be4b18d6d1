"""Notebook 00's exercises: the forward pass, the loss of each example, and two predictions.

* ``forward``: the learner's ``forward(X, W1, b1, W2, b2)`` returns ``(Z1, A1, Z2, A2)`` of the
  tanh network. The reference is :func:`helpers.network.forward_unchecked`, one formula per line;
  the mistakes are those lines changed.
* ``losses``: the learner's ``losses(A2, Y)`` returns the loss of each entry, ``(n_y, m)``,
  written as minus the log of the probability the network gives the true label.
* ``Z1_shape``: the shape of ``Z1`` for ``n_x = 2``, ``n_h = 4``, ``m = 400``, before it is shown.
* ``J_at_start``: the cost at initialisation (weights ``0.01 N(0, 1)``), before it is computed.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..activations import get_activation
from ..network import forward_unchecked
from .core import Exercise, Mistake, Prediction, Problem

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
    shape; in the last ``n_x = n_h = m``, so every product fits and only the values tell."""
    rng = np.random.default_rng(0)
    problems = []
    for n_x, n_h, n_y, m in ((3, 4, 2, 5), (2, 4, 1, 6), (3, 3, 2, 3)):
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
    notebook=NOTEBOOK,
    argument_names=("X", "W1", "b1", "W2", "b2"),
    problem_word="networks",
    hints=(
        "Stack the per-example equations: column j of Z1 is W1 x(j) + b1, and W1 @ X computes "
        "W1 times every column of X at once.",
        "W1 has one row per hidden unit and one column per input, X one row per input: the "
        "inner sizes of W1 @ X meet. b1 (n_h, 1) is added to every column (broadcasting).",
        "Four lines: Z1 from W1, X, b1; A1 = np.tanh(Z1); Z2 from W2, A1, b2; A2 = sigmoid(Z2). "
        "Return Z1, A1, Z2, A2 in that order.",
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
            "tanh_output",
            "tanh at the output",
            "A2 is a probability, in (0, 1): the output unit is a sigmoid",
            {A2_LINE: "A2 = np.tanh(Z2)"},
        ),
        Mistake(
            "activation_skipped",
            "Z1 where A1 belongs",
            "the output layer reads the hidden layer's activations A1 = tanh(Z1), not Z1",
            {Z2_LINE: "Z2 = W2 @ Z1 + b2"},
        ),
        Mistake(
            "b2_missing",
            "b2 missing",
            "the output unit adds its bias: z2(j) = W2 a1(j) + b2",
            {Z2_LINE: "Z2 = W2 @ A1"},
        ),
    ),
)


# ---------------------------------------------------------------- the loss of each example


def _losses(A2, Y):
    p = np.where(Y == 1, A2, 1 - A2)
    return -np.log(p)


def _outputs_and_labels() -> list[Problem]:
    """``(A2, Y)``, each ``(n_y, m)``: outputs in (0, 1) far from 1/2, labels 0 and 1."""
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
    return problems


losses = Exercise(
    name="losses",
    title="the loss of each example, -log of the probability of its label",
    reference=_losses,
    problems=_outputs_and_labels,
    outputs=("losses",),
    notebook=NOTEBOOK,
    argument_names=("A2", "Y"),
    like={"losses": "A2"},
    hints=(
        "A2 is the probability the network gives to y = 1. What probability does it give to y = 0?",
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
            {"p = np.where(Y == 1, A2, 1 - A2)": "p = np.where(Y == 1, 1 - A2, A2)"},
        ),
        Mistake(
            "label_ignored",
            "the label ignored",
            "-log A2 is the loss where y = 1; where y = 0 it is -log(1 - A2)",
            {"p = np.where(Y == 1, A2, 1 - A2)": "p = A2"},
        ),
        Mistake(
            "sign_flipped",
            "the minus sign dropped",
            "log p < 0 for a probability p < 1: the loss is -log p, which is positive and "
            "shrinks to 0 as p grows to 1",
            {"return -np.log(p)": "return np.log(p)"},
        ),
        Mistake(
            "log10",
            "log base 10",
            "log is the natural logarithm, np.log; np.log10 is 1/ln(10) = 0.434 times it",
            {"return -np.log(p)": "return -np.log10(p)"},
        ),
        Mistake(
            "averaged",
            "averaged into one number",
            "that mean is the cost J; the exercise asks for each example's loss, the shape of A2",
            {"return -np.log(p)": "return -np.mean(np.log(p))"},
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
    choices=("(4, 400)", "(400, 4)", "(2, 400)", "(4, 2)", "(4, 1)", "(1, 400)"),
    wrong={
        "(400, 4)": "The examples are columns in the course: Z1 has one column per example.",
        "(2, 400)": "That is X; W1 maps the 2 inputs to 4 hidden units, so Z1 has 4 rows.",
        "(4, 2)": "That is W1; its columns meet the rows of X and disappear in the product.",
        "(4, 1)": "That is z1 for one example (and b1); the 400 examples give 400 columns.",
        "(1, 400)": "That is Z2 (and A2): one output unit. Z1 has one row per hidden unit.",
    },
)

J_at_start = Prediction(
    name="J_at_start",
    question="the cost J at initialisation, weights 0.01 N(0, 1) and biases 0",
    answer=0.693,
    tolerance=0.02,
    why=(
        "With weights of order 0.01 every z2 is close to 0, so every a2 is close to 1/2: the "
        "network gives each label probability 1/2, each example's loss is -log(1/2) = log 2 "
        "(natural log), whatever its label, and so is their mean J."
    ),
    notebook=NOTEBOOK,
    wrong={
        0.5: "1/2 is the probability the network gives each label; the loss is -log of it.",
        0.0: "A loss of 0 means probability 1 for every true label: a perfect network.",
        1.0: "1 is log 2 in base 2 (bits); the course's log is the natural log.",
        0.301: "0.301 is log 2 in base 10; the course's log is the natural log.",
        0.25: "0.25 is the squared error (1/2)^2; the loss here is the cross-entropy.",
    },
)
