"""Notebook 01's exercises: dL/da, sigma'(z) through a, the loss written through z, the squared
error's dL/dz, and two predictions.

Each formula the learner derives is written once, in the reference, and checked against it there:
``dL/da`` is :func:`helpers.network.dL_dA2`, ``sigma'(z) = a (1 - a)`` is the sigmoid's ``g'`` in
:mod:`helpers.activations`, the loss through ``z`` is :func:`helpers.network.losses_from_Z2`
(``log(1 + e^z) - y z``), the squared error's ``dL/dz = (a - y) a (1 - a)`` is
:func:`helpers.widgets.tangent.squared_error_dL_dz` (the tangent explorer draws it). The known
mistakes are those lines changed; the check prints them in the learner's names (``a``, ``y``,
``z``), not the reference's (``A2``, ``Y``, ``Z2``).

The learner's functions take NumPy arrays of any shape, entry by entry: ``a`` (outputs in (0, 1)),
``z`` (the output unit's input) and ``y`` (labels 0 or 1, the shape of ``a`` or ``z``).
"""

from __future__ import annotations

import re

import numpy as np

from ..activations import ACTIVATIONS, sigmoid
from ..network import dL_dA2, losses_from_Z2
from ..widgets.tangent import squared_error_dL_dz
from .core import Exercise, Mistake, Prediction, Problem

NOTEBOOK = "01_logistic_dz"
SIGMOID_PRIME = ACTIVATIONS["sigmoid"].g_prime  # A * (1 - A)


def in_learner_names(line: str) -> str:
    """A reference line as the learner writes it: ``A2``/``A`` -> ``a``, ``Y`` -> ``y``,
    ``Z2`` -> ``z``, and a backward pass's ``dZ2 = ...`` -> ``return ...``."""
    line = re.sub(r"^dZ2 = ", "return ", line, flags=re.MULTILINE)
    return re.sub(r"\b(A2|A|Y|Z2)\b", lambda name: name.group().lower()[0], line)


# ---------------------------------------------------------------- the problems


def _a_values() -> np.ndarray:
    """Six outputs from confidently "0" to confidently "1", shape (6,)."""
    return np.array([0.02, 0.1, 0.35, 0.5, 0.8, 0.97])


def _outputs_and_labels() -> list[Problem]:
    """``(a, y)`` with ``y = 1`` and ``y = 0`` at six outputs (shape (6,)), and mixed labels in
    arrays of shape (2, 3)."""
    a = _a_values()
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


FAR_Z = 40.0  # sigma(40) rounds to exactly 1.0 in float64 (it does beyond z ~ 36.8)


def _inputs_and_labels() -> list[Problem]:
    """``(z, y)``: ``y = 1`` and ``y = 0`` at seven moderate ``z`` (shape (7,)), and mixed labels at
    ``z`` up to ``+-40`` in arrays of shape (2, 3), where ``a = sigma(z)`` rounds to 0 or 1."""
    z = np.array([-6.0, -2.0, -0.5, 0.0, 0.7, 3.0, 6.0])
    far = np.array([[-FAR_Z, -1.5, FAR_Z], [FAR_Z, 2.5, -FAR_Z]])
    return [
        Problem("y = 1 at seven z from -6 to 6", (z, np.ones_like(z))),
        Problem("y = 0 at seven z from -6 to 6", (z, np.zeros_like(z))),
        Problem(
            f"mixed labels, z up to +-{FAR_Z:g}, shape (2, 3)",
            (far, np.array([[1.0, 0, 1], [0, 1, 1]])),
        ),
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

# ---------------------------------------------------------------- the loss written through z

LOSS_IN_Z = "return np.logaddexp(0.0, Z2) - Y * Z2"  # log(1 + e^z) - y z, without overflow

loss_in_z = Exercise(
    name="loss_in_z",
    title="the cross-entropy written through z, without a",
    reference=losses_from_Z2,  # losses_from_Z2(Z2, Y): the learner's loss_in_z(z, y)
    problems=_inputs_and_labels,
    outputs=("L",),
    notebook=NOTEBOOK,
    argument_names=("z", "y"),
    show=in_learner_names,
    hints=(
        "Multiply the numerator and the denominator of 1/(1 + e^-z) by e^z: a = e^z/(1 + e^z). "
        "Then 1 - a is a fraction too, and the log of a fraction is a difference of logs.",
        "log a = z - log(1 + e^z) and log(1 - a) = -log(1 + e^z). Put both into "
        "-(y log a + (1 - y) log(1 - a)) and collect the log(1 + e^z) terms: y cancels in front "
        "of them.",
        f"The check tries z = {FAR_Z:g}, where a = sigma(z) rounds to exactly 1.0 in float64 and "
        "log(1 - a) is log 0: your code must not compute a at all. np.log and np.exp of z are "
        "fine.",
    ),
    mistakes=(
        Mistake(
            "through_a",
            "the loss computed through a = sigma(z)",
            f"at z = {FAR_Z:g}, a = sigma(z) rounds to exactly 1.0 and log(1 - a) = log 0: "
            "substitute a = sigma(z) by hand until no a is left",
            {LOSS_IN_Z: "return -(Y * np.log(sigmoid(Z2)) + (1 - Y) * np.log(1 - sigmoid(Z2)))"},
        ),
        Mistake(
            "sign_of_yz",
            "wrong sign of the y z term",
            "log a = z - log(1 + e^z), so -y log a brings -y z",
            {LOSS_IN_Z: "return np.log(1 + np.exp(Z2)) + Y * Z2"},
        ),
        Mistake(
            "z_of_log_1_minus_a_dropped",
            "the z of log(1 - a) left out",
            "1 - a = e^-z/(1 + e^-z), so log(1 - a) = -z - log(1 + e^-z): for y = 0 the loss is "
            "z + log(1 + e^-z), not log(1 + e^-z)",
            {LOSS_IN_Z: "return np.log(1 + np.exp(-Z2))"},
        ),
    ),
)

# ---------------------------------------------------------------- the squared error's dL/dz

SE_SLOPE = "return (a - y) * a * (1 - a)"

dL_SE_dz = Exercise(
    name="dL_SE_dz",
    title="dL/dz of the squared error (a - y)^2 / 2 at a = sigma(z)",
    reference=squared_error_dL_dz,
    problems=_outputs_and_labels,
    outputs=("dL_SE/dz",),
    notebook=NOTEBOOK,
    argument_names=("a", "y"),
    hints=(
        "The same two steps as for the cross-entropy: first d/da of (a - y)^2 / 2, holding y "
        "fixed; then the chain rule, since z reaches the loss only through a = sigma(z).",
        "d/da (a - y)^2 / 2 = a - y, and da/dz = sigma'(z) is what you wrote in step 2.",
    ),
    mistakes=(
        Mistake(
            "da_dz_left_out",
            "the factor da/dz left out",
            "a - y is dL_SE/da; z reaches the loss through a = sigma(z), so the chain rule "
            "multiplies it by da/dz = sigma'(z)",
            {SE_SLOPE: "return a - y"},
        ),
        Mistake(
            "half_forgotten",
            "the 1/2 of the loss forgotten",
            "d/da (a - y)^2 / 2 = a - y: the 2 of the square cancels the 1/2",
            {SE_SLOPE: "return 2 * (a - y) * a * (1 - a)"},
        ),
        Mistake(
            "sign_flipped",
            "wrong sign: y - a",
            "d/da (a - y)^2 / 2 = a - y (written as (y - a)^2 / 2, the inner derivative -1 turns "
            "y - a into a - y): a positive slope where a is above y",
            {SE_SLOPE: "return (y - a) * a * (1 - a)"},
        ),
        Mistake(
            "tanh_derivative",
            "tanh's derivative for da/dz",
            "1 - a^2 is tanh'(z) written through a; the output unit is a sigmoid: a(1 - a)",
            {SE_SLOPE: "return (a - y) * (1 - a**2)"},
        ),
    ),
)

# ---------------------------------------------------------------- predictions

WRONG_SIDE_Z = -6.0  # bigger_gradient: y = 1 and z = -6, a confidently wrong output
_A_WRONG = float(sigmoid(np.array(WRONG_SIDE_Z)))
_CE, _SE = 1 - _A_WRONG, -float(squared_error_dL_dz(_A_WRONG, 1.0))  # |dL/dz| of each loss

bigger_gradient = Prediction(
    name="bigger_gradient",
    question=f"At z = {WRONG_SIDE_Z:g} with y = 1, which loss has the larger slope |dL/dz|?",
    answer="cross-entropy",
    choices=("cross-entropy", "squared error", "about the same"),
    why=(
        f"At z = {WRONG_SIDE_Z:g}, a = sigma({WRONG_SIDE_Z:g}) = {_A_WRONG:.5f}: the "
        f"cross-entropy's slope is a - y = {-_CE:.4f}, the squared error's {-_SE:.6f}, "
        f"{_CE / _SE:.0f} times smaller. The squared error is almost flat there: it depends on z "
        "only through a, and a barely moves when the sigmoid is saturated. The cross-entropy "
        "-log a magnifies those tiny moves of a. Which factor does it, exactly: the next exercise."
    ),
    wrong={
        "squared error": "The squared error (a - y)^2 / 2 never exceeds 1/2, however wrong the "
        "output, while the cross-entropy -log a grows without bound as a goes to 0.",
        "about the same": "Near z = 0 the two slopes are within a factor of 4, but not at "
        f"z = {WRONG_SIDE_Z:g}.",
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
        "cross-entropy keeps a slope of size about 1, for y = 0 as for y = 1; the squared "
        f"error's (a - y) a (1 - a) = {float(squared_error_dL_dz(_A_TANGENT, 0.0)):.4f} is the "
        "one that flattens."
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
