"""Notebook 05's exercises: tanh'(z) through a, the derivatives of ELU and SiLU (two activations
the notebook has not shown), and three predictions (which activation passes the most gradient at
a large weight scale, the factor a deep tanh network's backward signal shrinks by per layer at the
course's initialisation, and what the scale does to ReLU's switched-off entries).

tanh' is the registry's line ``return 1 - A**2`` (:mod:`helpers.activations`), checked there and
printed in the learner's names (``a``). ELU and SiLU are not in the registry: their ``g`` and
``g'`` stand here side by side, one line each, and the known mistakes are the ``g'`` line changed.

Every function takes a NumPy array of any shape and works entry by entry: ``a`` holds outputs of
tanh in (-1, 1), ``z`` pre-activations; ELU's ``alpha`` is a positive number.
"""

from __future__ import annotations

import numpy as np

from ..activations import ACTIVATIONS, sigmoid
from .core import Exercise, Mistake, Prediction, Problem
from .nb01 import _through_a, in_learner_names

NOTEBOOK = "05_activations"
TANH_PRIME = ACTIVATIONS["tanh"].g_prime  # return 1 - A**2

# ---------------------------------------------------------------- ELU and SiLU, g beside g'


def elu(z, alpha):
    """ELU: ``z`` for ``z > 0``, ``alpha (e^z - 1)`` otherwise (``alpha > 0``)."""
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0)))  # expm1(z) = e^z - 1, exactly


def elu_derivative(z, alpha):
    """ELU's derivative: 1 for ``z > 0``, ``alpha e^z`` for ``z < 0`` (none at 0 unless
    ``alpha = 1``)."""
    return np.where(z > 0, 1.0, alpha * np.exp(z))


def silu(z):
    """SiLU (swish): ``z sigma(z)``."""
    return z * sigmoid(z)


def silu_derivative(z):
    """SiLU's derivative, by the product rule: ``sigma(z) + z sigma'(z)``, factored."""
    return sigmoid(z) * (1 + z * (1 - sigmoid(z)))


ELU_LINE = "return np.where(z > 0, 1.0, alpha * np.exp(z))"
SILU_LINE = "return sigmoid(z) * (1 + z * (1 - sigmoid(z)))"

# ---------------------------------------------------------------- the problems


def _tanh_outputs() -> list[Problem]:
    """``(a,)``: outputs of tanh from almost -1 to almost 1, shape (7,), and an array (2, 3)."""
    return [
        Problem(
            "seven outputs a, shape (7,)", (np.array([-0.99, -0.6, -0.2, 0.0, 0.3, 0.75, 0.95]),)
        ),
        Problem("outputs of shape (2, 3)", (np.array([[-0.9, -0.4, 0.1], [0.5, 0.8, 0.98]]),)),
    ]


def _z_values() -> tuple[np.ndarray, np.ndarray]:
    """Pre-activations on both sides of 0 (0 itself left out: ELU has a corner there), shapes
    (8,) and (2, 3)."""
    return (
        np.array([-6.0, -2.5, -1.0, -0.3, 0.2, 0.9, 2.4, 5.0]),
        np.array([[-4.0, -1.3, -0.05], [0.05, 1.7, 3.5]]),
    )


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


# ---------------------------------------------------------------- tanh'(z) through a

tanh_prime = Exercise(
    name="tanh_prime",
    title="tanh'(z) written through a = tanh(z)",
    reference=_through_a(TANH_PRIME),
    problems=_tanh_outputs,
    outputs=("tanh'",),
    notebook=NOTEBOOK,
    source=TANH_PRIME,
    wrap=_through_a,
    argument_names=("a",),
    show=in_learner_names,
    hints=(
        "Write tanh z = sinh z / cosh z and use the quotient rule, with sinh' = cosh and "
        "cosh' = sinh.",
        "You should have (cosh^2 z - sinh^2 z) / cosh^2 z. Split it into two fractions: "
        "the second one is (sinh z / cosh z)^2.",
        "cosh^2 z / cosh^2 z = 1 and (sinh z / cosh z)^2 = tanh^2 z = a^2.",
    ),
    mistakes=(
        Mistake(
            "sigmoid_derivative",
            "the sigmoid's derivative",
            "a(1 - a) is the sigmoid's derivative, written through its own a = sigma(z); "
            "tanh z = sinh z / cosh z has another one",
            {"return 1 - A**2": "return A * (1 - A)"},
        ),
        Mistake(
            "sign_flipped",
            "wrong sign",
            "tanh is increasing, so tanh'(z) > 0; a^2 - 1 is below 0 for every a in (-1, 1)",
            {"return 1 - A**2": "return A**2 - 1"},
        ),
        Mistake(
            "square_forgotten",
            "the square forgotten",
            "(sinh z / cosh z)^2 = a^2: the square stays",
            {"return 1 - A**2": "return 1 - A"},
        ),
        Mistake(
            "tanh_applied_twice",
            "tanh applied to a",
            "a is already tanh(z): 1 - tanh(a)^2 applies tanh twice",
            {"return 1 - A**2": "return 1 - np.tanh(A)**2"},
        ),
        Mistake(
            "square_of_difference",
            "(1 - a)^2: the square on the wrong thing",
            "the quotient rule leaves 1 minus (sinh z / cosh z)^2: the square is on tanh z alone",
            {"return 1 - A**2": "return (1 - A)**2"},
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
        "Differentiate each branch on its own: z for z > 0, alpha (e^z - 1) for z < 0. "
        "np.where(condition, value if true, value if false) picks per entry.",
        "d/dz z = 1; d/dz alpha (e^z - 1) = alpha e^z: the constant -1 drops out, alpha stays.",
    ),
    mistakes=(
        Mistake(
            "negative_branch_is_g",
            "the z < 0 branch is ELU itself, not its slope",
            "alpha (e^z - 1) is ELU's value for z < 0, not its slope: differentiate it "
            "(the constant -1 has slope 0)",
            {ELU_LINE: "return np.where(z > 0, 1.0, alpha * (np.exp(z) - 1))"},
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
        "With u = z and v = sigma(z): u' = 1, and v' = sigma'(z) = sigma(z)(1 - sigma(z)) "
        "(section 2).",
        "sigma(z) + z sigma(z)(1 - sigma(z)); sigma(z) factors out: sigma(z)(1 + z(1 - sigma(z))).",
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
            "sign_of_sigma_prime",
            "a sign slip in sigma'",
            "sigma'(z) = sigma(z)(1 - sigma(z)) is positive, so z sigma'(z) is added with the "
            "sign of z",
            {SILU_LINE: "return sigmoid(z) * (1 - z * (1 - sigmoid(z)))"},
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

LARGE_SCALE = 10  # largest_share: the scale of W1, b1 the question is about

largest_share = Prediction(
    name="largest_share",
    question=(
        f"At scale s = {LARGE_SCALE}, averaged over random networks, which activation passes "
        "the largest share of dA1 through g'?"
    ),
    answer="relu",
    choices=("sigmoid", "tanh", "relu", "about the same"),
    why=(
        f"At s = {LARGE_SCALE} most |z| are far out on the flat parts of sigmoid and tanh, where "
        "g' is almost 0. ReLU has no flat part on its positive side: g' = 1 for every z > 0, "
        "however large, so it passes dA1 wherever the unit is on, about half the entries."
    ),
    wrong={
        "sigmoid": "Sigmoid passes at most 1/4 of dA1 anywhere, and at large |z| almost nothing.",
        "tanh": "tanh passes the most at small scales, where g'(0) = 1; at s = 10 most of its "
        "|z| are far beyond 2.2, where tanh' is below 5 % of its largest value.",
        "about the same": "The scale does not change the sign of z, so ReLU's on entries stay "
        "on, while sigmoid's and tanh's z move out onto their flat parts.",
    },
    notebook=NOTEBOOK,
)

DEEP_UNITS, DEEP_SCALE = 50, 0.01  # per_layer_factor: tanh layers of 50 units, weights 0.01 N(0, 1)
FACTOR = DEEP_SCALE * np.sqrt(DEEP_UNITS)

per_layer_factor = Prediction(
    name="per_layer_factor",
    question=(
        f"Hidden tanh layers of {DEEP_UNITS} units, weights {DEEP_SCALE} N(0, 1): by about what "
        "factor is ||dZ[l]|| multiplied from one layer down to the next?"
    ),
    answer=0.07,
    choices=(1, 0.25, 0.07, 0.01),
    tolerance=0.01,
    why=(
        f"Two factors. g': every z is near 0, where tanh' = 1. W^T: each entry of "
        f"W[l+1]^T dZ[l+1] adds {DEEP_UNITS} terms W_ik dZ_i with weights of size {DEEP_SCALE} "
        f"and random signs; such a sum grows like the square root of the number of terms, so it "
        f"is about {DEEP_SCALE} x sqrt({DEEP_UNITS}) = {FACTOR:.3f} times the size of dZ[l+1]. "
        f"Per layer {FACTOR:.3f} x 1: the signal shrinks although g' passes everything."
    ),
    wrong={
        1: "tanh' is about 1 here, true, but g' is only one of the two factors: dZ[l] = "
        "(W[l+1]^T dZ[l+1]) * g'(Z[l]), and W[l+1]^T has small entries.",
        0.25: "1/4 is the sigmoid's largest g'; these are tanh layers, with tanh'(0) = 1. "
        "The shrinking comes from W^T.",
        0.01: "0.01 is the size of one weight; an entry of W^T dZ adds 50 such terms with "
        "random signs, and a sum of 50 random-sign terms is about sqrt(50) times one.",
    },
    notebook=NOTEBOOK,
)

relu_switched_off = Prediction(
    name="relu_switched_off",
    question=(
        "With ReLU, as the scale of W1 and b1 goes from 0.01 to 10, what happens to the share "
        "of entries of g'(Z1) that are 0 (units switched off)?"
    ),
    answer="stays the same",
    choices=("grows", "stays the same", "shrinks"),
    why=(
        "Scaling W1 and b1 by s > 0 multiplies Z1 = W1 X + b1 by s: every z keeps its sign. "
        "ReLU's g' reads only the sign (1 for z > 0, 0 otherwise), so the same entries are off "
        "at every scale. Sigmoid and tanh read the size of z, and saturate as s grows."
    ),
    wrong={
        "grows": "That is what sigmoid and tanh do (their g' falls as |z| grows); ReLU's g' is 1 "
        "for every z > 0, however large.",
        "shrinks": "A larger scale makes every |z| larger but turns no negative z positive.",
    },
    notebook=NOTEBOOK,
)
