"""Notebook 05's exercises: softplus'(z) written through a, the derivatives of ELU and SiLU (two
activations the notebook has not shown), and four predictions (which activation passes the most
gradient when |z| is large, what the scale of W1 and b1 does to ReLU's switched-off entries, the
factor a deep tanh network's backward signal is multiplied by per layer at the course's weight
scale, and at which scale the sigmoid saturates the entries tanh saturates at scale 1).

softplus' through ``a`` is not in the registry (:mod:`helpers.activations` writes softplus' in
``z``, ``sigmoid(Z)``); ELU and SiLU are not in the registry at all. Their formulas stand here,
``g`` beside ``g'``, one line each, and the known mistakes are the ``g'`` line changed, written
the way a learner writes it.

Every function takes a NumPy array of any shape and works entry by entry: ``a`` holds outputs of
softplus (positive numbers), ``z`` pre-activations; ELU's ``alpha`` is a positive number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from ..activations import sigmoid, softplus
from .core import CheckResult, Exercise, Mistake, Prediction, Problem

NOTEBOOK = "05_activations"

# ---------------------------------------------------------------- softplus' through a


def softplus_through_a(a):
    """softplus'(z) = sigma(z), written through ``a = softplus(z) = log(1 + e^z)``: since
    ``e^a = 1 + e^z``, ``sigma(z) = e^z / (1 + e^z) = (e^a - 1) / e^a``."""
    return 1 - np.exp(-a)


# ---------------------------------------------------------------- ELU and SiLU, g beside g'


def elu(z, alpha):
    """ELU: ``z`` for ``z > 0``, ``alpha (e^z - 1)`` otherwise (``alpha > 0``)."""
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0)))  # expm1(z) = e^z - 1, exactly


def elu_derivative(z, alpha):
    """ELU's derivative: 1 for ``z > 0``, ``alpha e^z`` for ``z < 0`` (none at 0 unless
    ``alpha = 1``)."""
    return np.where(z > 0, 1.0, alpha * np.exp(z))


def silu(z):
    """SiLU (swish with beta = 1): ``z sigma(z)``."""
    return z * sigmoid(z)


def silu_derivative(z):
    """SiLU's derivative, by the product rule: ``sigma(z) + z sigma'(z)``, factored."""
    return sigmoid(z) * (1 + z * (1 - sigmoid(z)))


SOFTPLUS_LINE = "return 1 - np.exp(-a)"
ELU_LINE = "return np.where(z > 0, 1.0, alpha * np.exp(z))"
SILU_LINE = "return sigmoid(z) * (1 + z * (1 - sigmoid(z)))"

# ---------------------------------------------------------------- the problems


def _z_values() -> tuple[np.ndarray, np.ndarray]:
    """Pre-activations on both sides of 0 (0 itself left out: ELU has a corner there), shapes
    (8,) and (2, 3)."""
    return (
        np.array([-6.0, -2.5, -1.0, -0.3, 0.2, 0.9, 2.4, 5.0]),
        np.array([[-4.0, -1.3, -0.05], [0.05, 1.7, 3.5]]),
    )


def _softplus_outputs() -> list[Problem]:
    """``(a,)``: outputs of softplus, from about 0.0025 (z = -6) to about 5 (z = 5)."""
    row, block = _z_values()
    return [
        Problem("eight outputs a = softplus(z), shape (8,)", (softplus(row),)),
        Problem("outputs of shape (2, 3)", (softplus(block),)),
    ]


def _elu_problems() -> list[Problem]:
    """``(z, alpha)`` with ``alpha = 1`` (the usual choice), 0.5 and 2 (where a forgotten alpha
    shows)."""
    row, block = _z_values()
    return [
        Problem("alpha = 1, eight z of both signs", (row, 1.0)),
        Problem("alpha = 0.5, eight z of both signs", (row, 0.5)),
        Problem("alpha = 2, z of shape (2, 3)", (block, 2.0)),
    ]


def _silu_problems() -> list[Problem]:
    row, block = _z_values()
    return [
        Problem("eight z of both signs, shape (8,)", (row,)),
        Problem("z of shape (2, 3)", (block,)),
    ]


# ---------------------------------------------------------------- softplus'

softplus_prime = Exercise(
    name="softplus_prime",
    title="softplus'(z) written through a = softplus(z)",
    reference=softplus_through_a,
    problems=_softplus_outputs,
    outputs=("softplus'",),
    notebook=NOTEBOOK,
    argument_names=("a",),
    hints=(
        "First softplus'(z): the chain rule, with log u for u = 1 + e^z, has slope u' / u.",
        "You should have e^z / (1 + e^z), a function you know from section 2. To write it "
        "through a: a = log(1 + e^z), so e^a = 1 + e^z.",
        "In e^z / (1 + e^z) put e^a in place of 1 + e^z, and e^a - 1 in place of e^z; then "
        "divide out.",
    ),
    mistakes=(
        Mistake(
            "sigmoid_of_a",
            "the sigmoid of a instead of the sigmoid of z",
            "softplus'(z) is sigma(z), the sigmoid of the input z; sigma(a) takes the output "
            "a = log(1 + e^z) instead: write e^z through a",
            {SOFTPLUS_LINE: "return sigmoid(a)"},
        ),
        Mistake(
            "one_over_u_forgotten",
            "the chain rule's 1 / u forgotten: e^z",
            "the slope of log u is u' / u: e^z is only u', and it still has to be divided by "
            "u = 1 + e^z",
            {SOFTPLUS_LINE: "return np.exp(a) - 1"},
        ),
        Mistake(
            "one_minus_forgotten",
            "e^(-a) = 1 - sigma(z): the other side",
            "e^(-a) = 1 / (1 + e^z) = 1 - sigma(z), the sigmoid of -z: the slope is 1 minus it",
            {SOFTPLUS_LINE: "return np.exp(-a)"},
        ),
        Mistake(
            "sigmoid_derivative",
            "the sigmoid's derivative a(1 - a)",
            "a(1 - a) is the sigmoid's slope written through the sigmoid's own output; softplus' "
            "is the sigmoid itself, sigma(z), and softplus's a is log(1 + e^z)",
            {SOFTPLUS_LINE: "return a * (1 - a)"},
        ),
    ),
)

# ---------------------------------------------------------------- ELU

elu_prime = Exercise(
    name="elu_prime",
    title="ELU's derivative, on both sides of 0",
    reference=elu_derivative,
    problems=_elu_problems,
    outputs=("ELU'",),
    notebook=NOTEBOOK,
    argument_names=("z", "alpha"),
    hints=(
        "Differentiate each branch of ELU on its own, z for z > 0 and alpha (e^z - 1) for "
        "z <= 0. np.where(condition, value if true, value if false) picks per entry.",
        "The slope of z is 1. Multiply out the other branch, alpha e^z - alpha, and "
        "differentiate term by term (a constant has slope 0).",
    ),
    mistakes=(
        Mistake(
            "elu_itself",
            "ELU itself instead of its slope",
            "z and alpha (e^z - 1) are ELU's values on the two sides of 0, not its slopes: "
            "differentiate both branches",
            {ELU_LINE: "return np.where(z > 0, z, alpha * (np.exp(z) - 1))"},
        ),
        Mistake(
            "negative_branch_is_g",
            "the z < 0 branch is ELU itself, not its slope",
            "alpha (e^z - 1) is ELU's value for z < 0, not its slope: differentiate it "
            "(the constant -1 has slope 0)",
            {ELU_LINE: "return np.where(z > 0, 1.0, alpha * (np.exp(z) - 1))"},
        ),
        Mistake(
            "minus_one_kept",
            "the constant -1 kept",
            "alpha (e^z - 1) = alpha e^z - alpha: the constant -alpha has slope 0, so nothing "
            "is subtracted from alpha e^z",
            {ELU_LINE: "return np.where(z > 0, 1.0, alpha * np.exp(z) - 1)"},
        ),
        Mistake(
            "positive_branch_is_z",
            "the z > 0 branch is z, not 1",
            "for z > 0 ELU is z itself: z is its value there, not its slope",
            {ELU_LINE: "return np.where(z > 0, z, alpha * np.exp(z))"},
        ),
        Mistake(
            "branches_swapped",
            "the branches swapped",
            "each branch's slope belongs to its own side of 0: check which side the condition of "
            "np.where selects",
            {ELU_LINE: "return np.where(z < 0, 1.0, alpha * np.exp(z))"},
        ),
        Mistake(
            "alpha_forgotten",
            "alpha forgotten",
            "alpha multiplies the whole z < 0 branch, so it multiplies that branch's slope too",
            {ELU_LINE: "return np.where(z > 0, 1.0, np.exp(z))"},
        ),
    ),
)

# ---------------------------------------------------------------- SiLU

silu_prime = Exercise(
    name="silu_prime",
    title="SiLU's derivative, d/dz z sigma(z)",
    reference=silu_derivative,
    problems=_silu_problems,
    outputs=("SiLU'",),
    notebook=NOTEBOOK,
    argument_names=("z",),
    hints=(
        "z sigma(z) is a product of two functions of z: the product rule, (u v)' = u' v + u v'.",
        "Take u = z and v = sigma(z). u' = 1, and v' is the sigmoid's slope (section 2), which "
        "you may write through sigma(z).",
        "Put u' = 1, v = sigma(z), u = z and v' = sigma(z)(1 - sigma(z)) into u' v + u v' "
        "(factoring out sigma(z) is optional: either form passes).",
    ),
    mistakes=(
        Mistake(
            "sigma_prime_only",
            "the product rule forgotten: sigma'(z)",
            "sigma'(z) is the slope of sigma alone; SiLU is z times sigma(z), a product: "
            "the product rule has two terms",
            {SILU_LINE: "return sigmoid(z) * (1 - sigmoid(z))"},
        ),
        Mistake(
            "first_term_only",
            "only the first term of the product rule",
            "sigma(z) is one term of the product rule, (d/dz z) sigma(z); the other term, "
            "with the slope of sigma, is missing",
            {SILU_LINE: "return sigmoid(z)"},
        ),
        Mistake(
            "second_term_only",
            "only the second term of the product rule",
            "z sigma'(z) is one term of the product rule, z (d/dz sigma(z)); the other term, "
            "with the slope of z, is missing",
            {SILU_LINE: "return z * sigmoid(z) * (1 - sigmoid(z))"},
        ),
        Mistake(
            "z_forgotten",
            "the factor z of the second term forgotten",
            "the second term of the product rule is u v' = z sigma'(z): sigma'(z) alone leaves "
            "out u = z",
            {SILU_LINE: "return sigmoid(z) + sigmoid(z) * (1 - sigmoid(z))"},
        ),
        Mistake(
            "sign_of_sigma_prime",
            "a sign slip in sigma'",
            "sigma'(z) = sigma(z)(1 - sigma(z)) is positive, so z sigma'(z) is added with the "
            "sign of z",
            {SILU_LINE: "return sigmoid(z) - z * sigmoid(z) * (1 - sigmoid(z))"},
        ),
        Mistake(
            "a_one_minus_a",
            "the sigmoid's a(1 - a) with SiLU's a",
            "a(1 - a) is the sigmoid's derivative through its own output; "
            "SiLU's a = z sigma(z) has another derivative",
            {SILU_LINE: "return silu(z) * (1 - silu(z))"},
        ),
    ),
)

# ---------------------------------------------------------------- predictions


def _words(text: str) -> str:
    """``text`` without case, spaces or quotes (as :class:`Prediction` compares strings)."""
    return re.sub(r"[\s'\"]", "", text).lower()


@dataclass(frozen=True)
class WordPrediction(Prediction):
    """A :class:`Prediction` whose answers may also be written in other words: ``aliases`` maps
    each other spelling (``"stays"``) to the choice it means (``"stays the same"``)."""

    aliases: Mapping[str, str] = field(default_factory=dict)

    def reveal(self, prediction: object) -> CheckResult:
        if isinstance(prediction, str):
            meant = {_words(alias): choice for alias, choice in self.aliases.items()}
            prediction = meant.get(_words(prediction), prediction)
        return super().reveal(prediction)


LARGE_Z = 10  # largest_share: |z| of this order, as in the trained network

largest_share = Prediction(
    name="largest_share",
    question=(
        f"Where |z| is of the order of {LARGE_Z} (as after training), which of sigmoid, tanh "
        "and ReLU has the largest g' on average over the entries of Z1, so passes the most "
        "of dA1?"
    ),
    answer="relu",
    choices=("sigmoid", "tanh", "relu", "about the same"),
    why=(
        f"At |z| of the order of {LARGE_Z} the sigmoid and tanh are on their flat parts, where g' "
        "is almost 0. ReLU has no flat part on its positive side: g' = 1 for every z > 0, "
        "however large, so it passes dA1 wherever the unit is on."
    ),
    wrong={
        "sigmoid": "The sigmoid passes at most 1/4 of dA1 anywhere, and at large |z| almost "
        "nothing.",
        "tanh": "tanh passes the most near 0, where tanh'(0) = 1; at |z| of the order of "
        f"{LARGE_Z}, tanh' = 1 - a^2 is almost 0, because a is almost +1 or -1.",
        "about the same": "Far from 0 the sigmoid and tanh are flat on both sides; ReLU is flat "
        "only on its negative side.",
    },
    notebook=NOTEBOOK,
)

relu_switched_off = WordPrediction(
    name="relu_switched_off",
    question=(
        "With ReLU, as the scale s of W1 and b1 goes from 0.01 to 10, what happens to the share "
        "of entries of g'(Z1) that are 0 (units switched off)?"
    ),
    answer="stays the same",
    choices=("grows", "stays the same", "shrinks"),
    aliases={
        "grow": "grows",
        "stays": "stays the same",
        "stay": "stays the same",
        "the same": "stays the same",
        "same": "stays the same",
        "stay the same": "stays the same",
        "shrink": "shrinks",
    },
    why=(
        "Scaling W1 and b1 by s > 0 multiplies Z1 = W1 X + b1 by s: every z keeps its sign. "
        "ReLU's g' reads only the sign (1 for z > 0, 0 otherwise), so the very same entries are "
        "off at every scale. The sigmoid and tanh read the size of z, and saturate as s grows."
    ),
    wrong={
        "grows": "That is what the sigmoid and tanh do (their g' falls as |z| grows); ReLU's g' "
        "is 1 for every z > 0, however large.",
        "shrinks": "A larger scale makes every |z| larger but turns no negative z positive.",
    },
    notebook=NOTEBOOK,
)

DEEP_UNITS, DEEP_SCALE = 50, 0.01  # per_layer_factor: tanh layers of 50 units, weights 0.01 N(0, 1)
FACTOR = DEEP_SCALE * np.sqrt(DEEP_UNITS)

per_layer_factor = Prediction(
    name="per_layer_factor",
    question=(
        f"Hidden tanh layers of {DEEP_UNITS} units, weights {DEEP_SCALE} N(0, 1): by about what "
        "factor is the size of dZ[l] multiplied from one layer down to the next?"
    ),
    answer=float(round(FACTOR, 2)),
    tolerance=0.15,  # 0.07, 0.071 (= 0.01 sqrt(50)) and the measured 0.073 are all right
    why=(
        f"Two factors. g': every z is near 0, where tanh' = 1. W^T: each entry of "
        f"W[l+1]^T dZ[l+1] adds {DEEP_UNITS} terms W_ik dZ_ij with weights of size {DEEP_SCALE} "
        f"and random signs. Independent terms of random sign: their variances add, so the "
        f"variance of the sum is {DEEP_UNITS} times one term's, and its typical size "
        f"sqrt({DEEP_UNITS}) times: {DEEP_SCALE} x sqrt({DEEP_UNITS}) = {FACTOR:.3f}. "
        f"Per layer {FACTOR:.3f} x 1: the signal shrinks although g' passes everything."
    ),
    wrong={
        1: "tanh' is about 1 here, true, but g' is only one of the two factors: dZ[l] = "
        "(W[l+1]^T dZ[l+1]) * g'(Z[l]), and W[l+1]^T has small entries.",
        0.25: "1/4 is the sigmoid's largest g'; these are tanh layers, with tanh'(0) = 1. "
        "The shrinking comes from W^T.",
        0.01: f"{DEEP_SCALE} is the size of one weight; an entry of W^T dZ adds {DEEP_UNITS} "
        "such terms.",
        0.5: f"{DEEP_UNITS} x {DEEP_SCALE} = 0.5 would be right if the {DEEP_UNITS} terms had one "
        "sign; with random signs they partly cancel.",
    },
    notebook=NOTEBOOK,
)

same_saturation = Prediction(
    name="same_saturation",
    question=(
        "tanh at scale 1 saturates some share of the entries of g'(Z1). At which scale does "
        "the sigmoid saturate exactly the same entries?"
    ),
    answer=2,
    why=(
        "tanh z = 2 sigma(2z) - 1, so tanh'(z) = 4 sigma'(2z): tanh' at z is the same share of "
        "its largest value (1) as sigma' at 2z is of its largest (1/4). The sigmoid saturates "
        "beyond |z| = 4.36, twice tanh's 2.18. And Z1 = s (W1 X + b1) is proportional to s: at "
        "scale 2 every z is twice its value at scale 1, so the sigmoid at scale 2 saturates "
        "exactly the entries tanh saturates at scale 1."
    ),
    wrong={
        1: "Both thresholds are 5 % of the activation's largest g', but the sigmoid reaches "
        "its threshold at |z| = 4.36, tanh at 2.18: at the same scale the sigmoid saturates "
        "fewer entries.",
        4: "The sigmoid's largest g' is 1/4 of tanh's, but the threshold is relative (5 % of "
        "each one's largest); what counts is where it is reached: 4.36 against 2.18.",
        0.5: "The sigmoid needs larger |z| than tanh to saturate (4.36 against 2.18), so its "
        "Z1 must be larger, not smaller.",
    },
    notebook=NOTEBOOK,
)
