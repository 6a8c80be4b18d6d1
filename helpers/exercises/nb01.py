"""Notebook 01's exercises: dL/da, sigma'(z) through a, dL/dz = a - y, and two predictions.

Each formula the learner derives is already written once in the reference, and is checked
against it there: ``dL/da`` is :func:`helpers.network.dL_dA2`, ``sigma'(z) = a (1 - a)`` is the
sigmoid's ``g'`` in :mod:`helpers.activations`, ``dL/dz = a - y`` is the line ``dZ2 = A2 - Y`` of
:func:`helpers.network.backward_unchecked`. The known mistakes are those lines changed; the check
prints them in the learner's names (``a``, ``y``), not the reference's (``A2``, ``Y``).

The learner's functions take NumPy arrays of any shape, entry by entry: ``a`` (outputs in (0, 1))
and ``y`` (labels 0 or 1, the shape of ``a``).
"""

from __future__ import annotations

import re

import numpy as np

from ..activations import ACTIVATIONS, sigmoid
from ..bugs import BUGS
from ..network import backward_unchecked, dL_dA2
from .core import Exercise, Mistake, Prediction, Problem

NOTEBOOK = "01_logistic_dz"
TANH = ACTIVATIONS["tanh"]
SIGMOID_PRIME = ACTIVATIONS["sigmoid"].g_prime  # A * (1 - A)


def in_learner_names(line: str) -> str:
    """A reference line as the learner writes it: ``A2``/``A`` -> ``a``, ``Y`` -> ``y``, and the
    backward pass's ``dZ2 = ...`` -> ``return ...``."""
    line = re.sub(r"^dZ2 = ", "return ", line, flags=re.MULTILINE)
    return re.sub(r"\b(A2|A|Y)\b", lambda name: name.group().lower()[0], line)


# ---------------------------------------------------------------- the problems


def _a_values() -> np.ndarray:
    """Six outputs from confidently "0" to confidently "1", shape (6,)."""
    return np.array([0.02, 0.1, 0.35, 0.5, 0.8, 0.97])


def _outputs_and_labels(shape: tuple[int, ...] = (6,)) -> list[Problem]:
    """``(a, y)`` with ``y = 1``, ``y = 0``, and mixed labels in arrays of shape (2, 3); the single
    rows have ``shape`` ((6,), or (1, 6) like ``A2`` for one output unit)."""
    a = _a_values().reshape(shape)
    mixed = np.array([[0.3, 0.6, 0.9], [0.05, 0.5, 0.7]])
    return [
        Problem("y = 1 at six outputs a", (a, np.ones_like(a))),
        Problem("y = 0 at six outputs a", (a, np.zeros_like(a))),
        Problem(
            "mixed labels, arrays of shape (2, 3)", (mixed, np.array([[1.0, 0, 1], [0, 1, 1]]))
        ),
    ]


def _outputs() -> list[Problem]:
    """``(a,)``: the six outputs, and outputs in an array of shape (2, 3)."""
    return [
        Problem("six outputs a, shape (6,)", (_a_values(),)),
        Problem("outputs of shape (2, 3)", (np.array([[0.3, 0.6, 0.9], [0.05, 0.5, 0.7]]),)),
    ]


# ---------------------------------------------------------------- dL/da

dL_da = Exercise(
    name="dL_da",
    title="dL/da of the cross-entropy, for y = 0 and y = 1",
    reference=dL_dA2,  # dL_dA2(A2, Y): the learner's dL_da(a, y), the same order
    problems=_outputs_and_labels,
    outputs=("dL/da",),
    notebook=NOTEBOOK,
    argument_names=("a", "y"),
    show=in_learner_names,
    hints=(
        "Differentiate -(y log a + (1 - y) log(1 - a)) term by term, holding y fixed. "
        "Then try y = 1 and y = 0 in your result: one term is left each time.",
        "d/da log a = 1/a, and d/da log(1 - a) = -1/(1 - a): the chain rule, inner derivative -1.",
    ),
    mistakes=(
        Mistake(
            "sign_flipped",
            "the overall minus sign dropped",
            "the loss is MINUS the log-likelihood: its derivative keeps that minus sign",
            {"return -(Y / A2 - (1 - Y) / (1 - A2))": "return Y / A2 - (1 - Y) / (1 - A2)"},
        ),
        Mistake(
            "inner_derivative_forgotten",
            "the inner derivative of log(1 - a) forgotten",
            "d/da log(1 - a) = -1/(1 - a): the chain rule's inner derivative d(1 - a)/da = -1",
            {"return -(Y / A2 - (1 - Y) / (1 - A2))": "return -(Y / A2 + (1 - Y) / (1 - A2))"},
        ),
        Mistake(
            "label_0_term_dropped",
            "the y = 0 term left out",
            "-y/a is the y = 1 term alone; the y = 0 term, -log(1 - a), adds (1 - y)/(1 - a)",
            {"return -(Y / A2 - (1 - Y) / (1 - A2))": "return -Y / A2"},
        ),
    ),
)

# ---------------------------------------------------------------- sigma'(z) through a


def _through_a(g_prime):
    """``sigma_prime(a)`` from an activation's ``g'(Z, A)`` written through ``A`` alone."""
    return lambda a: g_prime(None, a)


sigma_prime = Exercise(
    name="sigma_prime",
    title="sigma'(z) written through a = sigma(z)",
    reference=_through_a(SIGMOID_PRIME),
    problems=_outputs,
    outputs=("sigma'",),
    notebook=NOTEBOOK,
    source=SIGMOID_PRIME,
    wrap=_through_a,
    argument_names=("a",),
    show=in_learner_names,
    hints=(
        "Write sigma(z) = (1 + e^-z)^(-1) and use the chain rule: the outer function is u^(-1), "
        "the inner one u = 1 + e^-z.",
        "You should have e^-z / (1 + e^-z)^2. Split it into 1/(1 + e^-z) times "
        "e^-z/(1 + e^-z): the first factor is a.",
        "e^-z/(1 + e^-z) = ((1 + e^-z) - 1)/(1 + e^-z) = 1 - a.",
    ),
    mistakes=(
        Mistake(
            "tanh_derivative",
            "tanh's derivative",
            "1 - a^2 is tanh'(z) written through a = tanh(z); the sigmoid's is a(1 - a)",
            {"return A * (1 - A)": "return 1 - A**2"},
        ),
        Mistake(
            "sign_of_sigma_prime",
            "wrong sign in sigma'",
            "sigma is increasing, so sigma'(z) > 0: a(a - 1) is its negative",
            {"return A * (1 - A)": "return A * (A - 1)"},
        ),
        Mistake(
            "a_squared",
            "a^2 (1 - a) for a (1 - a)",
            "e^-z/(1 + e^-z)^2 = a (1 - a): one factor a, not two",
            {"return A * (1 - A)": "return A**2 * (1 - A)"},
        ),
        Mistake(
            "sigmoid_applied_twice",
            "sigma applied to a",
            "a is already sigma(z): sigma(a) (1 - sigma(a)) applies the sigmoid twice",
            {"return A * (1 - A)": "return sigmoid(A) * (1 - sigmoid(A))"},
        ),
    ),
)

# ---------------------------------------------------------------- dL/dz = a - y


def _as_dZ2(backward):
    """``dL_dz(a, y)`` from a backward pass: its ``dZ2`` for outputs ``A2 = a`` (shape
    ``(n_y, m)``), on a network with one hidden unit whose other arrays are zeros."""

    def dL_dz(a, y):
        n_y, m = a.shape
        zeros = np.zeros((1, m))
        parameters, cache = {"W2": np.zeros((n_y, 1))}, {"Z1": zeros, "A1": zeros, "A2": a}
        return backward(parameters, cache, zeros, y, TANH, intermediates=True)["dZ2"]

    return dL_dz


DZ2 = "dZ2 = A2 - Y"  # the first line of the backward pass

dL_dz = Exercise(
    name="dL_dz",
    title="dL/dz, the product of the two factors, simplified",
    reference=_as_dZ2(backward_unchecked),
    problems=lambda: _outputs_and_labels(shape=(1, 6)),
    outputs=("dL/dz",),
    notebook=NOTEBOOK,
    source=backward_unchecked,
    wrap=_as_dZ2,
    argument_names=("a", "y"),
    show=in_learner_names,
    hints=(
        "Multiply dL/da = -y/a + (1 - y)/(1 - a) by da/dz = a(1 - a), one fraction at a time.",
        "-y/a * a(1 - a) = -y(1 - a) and (1 - y)/(1 - a) * a(1 - a) = (1 - y) a. "
        "Expand both and add: two terms cancel.",
    ),
    mistakes=(
        Mistake(
            "sign_of_dZ2",
            "wrong sign: y - a",
            "y - a is minus dL/dz: a gradient step would push a away from y",
            BUGS["sign_of_dZ2"].lines,  # the bug gallery's dZ2 = Y - A2
        ),
        Mistake(
            "squared_error_slope",
            "the squared error's dL/dz",
            "(a - y) a (1 - a) is the squared error's; the cross-entropy's dL/da cancels a (1 - a)",
            {DZ2: "dZ2 = (A2 - Y) * A2 * (1 - A2)"},
        ),
        Mistake(
            "inner_derivative_in_product",
            "step 1's inner derivative forgotten in the product",
            "the first factor has + where - belongs: d/da log(1 - a) = -1/(1 - a)",
            {DZ2: "dZ2 = -(Y / A2 + (1 - Y) / (1 - A2)) * A2 * (1 - A2)"},
        ),
        Mistake(
            "expansion_sign_slip",
            "a sign slip expanding -y(1 - a)",
            "-y(1 - a) = -y + ya, not -y - ya: the two ya terms cancel instead of adding up",
            {DZ2: "dZ2 = A2 - Y - 2 * A2 * Y"},
        ),
        Mistake(
            "da_dz_left_out",
            "the factor da/dz left out",
            "-y/a + (1 - y)/(1 - a) is dL/da; the chain rule multiplies it by da/dz = a(1 - a)",
            {DZ2: "dZ2 = -Y / A2 + (1 - Y) / (1 - A2)"},
        ),
    ),
)

# ---------------------------------------------------------------- predictions

WRONG_SIDE_Z = -6.0  # bigger_gradient: y = 1 and z = -6, a confidently wrong output
_A_WRONG = float(sigmoid(np.array(WRONG_SIDE_Z)))
_CE, _SE = 1 - _A_WRONG, (1 - _A_WRONG) * _A_WRONG * (1 - _A_WRONG)  # |dL/dz| of each loss

bigger_gradient = Prediction(
    name="bigger_gradient",
    question=f"At z = {WRONG_SIDE_Z:g} with y = 1, which loss has the larger slope |dL/dz|?",
    answer="cross-entropy",
    choices=("cross-entropy", "squared error", "about the same"),
    why=(
        f"At z = {WRONG_SIDE_Z:g}, a = sigma({WRONG_SIDE_Z:g}) = {_A_WRONG:.5f}: the "
        f"cross-entropy's slope is a - y = {-_CE:.4f}, the squared error's (a - y) a (1 - a) = "
        f"{-_SE:.6f}, {_CE / _SE:.0f} times smaller. The factor a (1 - a), the sigmoid's "
        "slope, is tiny where the sigmoid is flat; "
        "in the cross-entropy dL/da = -1/a cancels it, in the squared error nothing does."
    ),
    wrong={
        "squared error": "The squared error's dL/da = a - y is not larger than the "
        "cross-entropy's -1/a here, and it is still to be multiplied by sigma'(z) = a (1 - a).",
        "about the same": f"Both have the factor a - y = {-_CE:.4f} in common; the squared "
        "error has one more factor, a (1 - a), and that one is far from 1.",
    },
    notebook=NOTEBOOK,
)

TANGENT_Z = 5.0  # tangent_slope: y = 0 and z = 5, confidently wrong the other way
_A_TANGENT = float(sigmoid(np.array(TANGENT_Z)))

tangent_slope = Prediction(
    name="tangent_slope",
    question=(
        f"With y = 0 and z = {TANGENT_Z:g}, what is the slope of the tangent to the "
        "cross-entropy, roughly?"
    ),
    answer=1,
    choices=(1, -1, 0, 0.007),
    why=(
        f"The slope is a - y = a = sigma({TANGENT_Z:g}) = {_A_TANGENT:.4f}: about +1. Positive, "
        "because for y = 0 a larger z makes a, and the loss, larger. On the wrong side the "
        "cross-entropy keeps a slope of size about 1, for y = 0 as for y = 1; the squared error's "
        f"(a - y) a (1 - a) = {_A_TANGENT**2 * (1 - _A_TANGENT):.4f} is the one that flattens."
    ),
    wrong={
        -1: "Mind the sign: for y = 0, a larger z pushes a further from 0 and the loss up, so "
        "the slope is positive. (-1 is the slope far to the left with y = 1.)",
        0: "The cross-entropy does not flatten on the wrong side: a - y stays near +1 or -1 "
        "there. It flattens on the right side, where a is close to y.",
        0.007: "That is about the squared error's slope, (a - y) a (1 - a), not the "
        "cross-entropy's.",
    },
    notebook=NOTEBOOK,
)
