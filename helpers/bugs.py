"""A gallery of the classic backprop bugs: each is the reference backward pass with ONE change.

The formulas are written once, in :func:`backward_with`; its keyword switches default to the
reference (``backward_with(...)`` with no switch gives the same gradients as
:func:`helpers.backward_propagation`) and each switch turns on one classic mistake::

    reference line                       switch                  the mistake
    dZ2 = A2 - Y                         dZ2_over_m=True         dZ2 = (A2 - Y) / m (1/m twice)
    dA1 = W2.T @ dZ2                     transpose_W2=False      dA1 = W2 @ dZ2
                                         dA1_product="*"         dA1 = W2.T * dZ2
    dZ1 = dA1 * g'(Z1)                   g_prime="missing", ...  see G_PRIME_VARIANTS
    dW  = (1/m) dZ @ A_prev.T            one_over_m=False        dW = dZ @ A_prev.T
                                         transpose_A_prev=False  dW = (1/m) dZ @ A_prev
                                         dW_product="*"          dW = (1/m) dZ * A_prev.T
    db  = (1/m) sum(dZ, axis=1,          keepdims=False          db = (1/m) sum(dZ, axis=1)
                    keepdims=True)       sum_axis=0              db = (1/m) sum(dZ, axis=0,
                                                                                keepdims=True)

``BUGS`` maps a name to a :class:`Bug`: call it like ``backward_propagation(parameters, cache, X,
Y, activation)``; ``bug.description`` says the mistake in words and ``bug.fixes["dW1"]`` gives the
line a learner writes (for the course's tanh hidden layer) that breaks ``dW1``, and the right line.
Switches combine: ``combine(bug_a, bug_b)`` is a backward pass with both mistakes (the checker uses
it to name two mistakes made at once).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from .activations import Activation, get_activation

Array = np.ndarray

# What multiplies dA1 in dZ1 = dA1 * (...), given the activation g1, Z1 and A1 (both (n_h, m)).
# The last two are the mix-ups of Z and A learners actually write; where g' reads only z and
# g'(a) = g'(z) (ReLU) they are no bug.
G_PRIME_VARIANTS: dict[str, Callable[[Activation, Array, Array], Array]] = {
    "g'(Z1)": lambda g1, Z1, A1: g1.g_prime(Z1, A1),  # right
    "missing": lambda g1, Z1, A1: np.ones_like(Z1),  # dZ1 = dA1
    "g(Z1)": lambda g1, Z1, A1: A1,  # g instead of g'
    # g' evaluated at A1 instead of Z1:
    # tanh_prime(A1) = 1 - tanh(A1)**2, sigmoid(A1) * (1 - sigmoid(A1))
    "g'(A1)": lambda g1, Z1, A1: g1.g_prime(A1, g1.g(A1)),
    # the formula written through a, fed Z1: 1 - Z1**2 (tanh), Z1 * (1 - Z1) (sigmoid)
    "a-formula(Z1)": lambda g1, Z1, A1: g1.g_prime(Z1, Z1),
}


def backward_with(
    parameters: Mapping[str, Array],
    cache: Mapping[str, Array],
    X: Array,
    Y: Array,
    activation: str | Activation = "tanh",
    *,
    dZ2_over_m: bool = False,
    transpose_W2: bool = True,
    dA1_product: str = "@",
    g_prime: str = "g'(Z1)",
    one_over_m: bool = True,
    transpose_A_prev: bool = True,
    dW_product: str = "@",
    sum_axis: int = 1,
    keepdims: bool = True,
) -> dict[str, Array]:
    """The backward pass with the chosen switches: ``{dW1, db1, dW2, db2}``.

    Their shapes are what the switches make them. ``X (n_x, m)``, ``Y (n_y, m)``, ``cache`` from
    :func:`helpers.forward_propagation`. Unchecked, like a learner's code: a switch that breaks the
    shapes makes NumPy raise, as it would for the learner.
    """
    g1 = get_activation(activation)
    m = X.shape[1]
    W2 = parameters["W2"]
    Z1, A1, A2 = cache["Z1"], cache["A1"], cache["A2"]
    scale = 1 / m if one_over_m else 1.0

    def product(left: Array, right: Array, operator: str) -> Array:
        return left @ right if operator == "@" else left * right

    def dW(dZ: Array, A_prev: Array) -> Array:
        return scale * product(dZ, A_prev.T if transpose_A_prev else A_prev, dW_product)

    def db(dZ: Array) -> Array:
        return scale * np.sum(dZ, axis=sum_axis, keepdims=keepdims)

    dZ2 = (A2 - Y) / m if dZ2_over_m else A2 - Y
    dA1 = product(W2.T if transpose_W2 else W2, dZ2, dA1_product)
    dZ1 = dA1 * G_PRIME_VARIANTS[g_prime](g1, Z1, A1)
    return {"dW1": dW(dZ1, X), "db1": db(dZ1), "dW2": dW(dZ2, A1), "db2": db(dZ2)}


Fixes = Mapping[str, tuple[str, str]]  # gradient key -> (the line a learner writes, the right line)


@dataclass(frozen=True)
class Bug:
    """One classic mistake: ``backward_with(**switches)``, callable like ``backward_propagation``.

    ``fixes[key]`` is ``(wrong, right)``: the line(s) behind the wrong gradient ``key``, as a
    learner writes them for the course's tanh hidden layer, and the right ones.
    """

    name: str
    title: str  # a few words, e.g. "missing g'"
    description: str  # the mistake in one line
    fixes: Fixes
    switches: Mapping[str, object] = field(default_factory=dict)

    def __call__(
        self, parameters, cache, X, Y, activation: str | Activation = "tanh"
    ) -> dict[str, Array]:
        return backward_with(parameters, cache, X, Y, activation, **self.switches)

    @property
    def wrong(self) -> str:
        """The wrong line for the first gradient it breaks (e.g. for a table of the gallery)."""
        return next(iter(self.fixes.values()))[0]

    @property
    def right(self) -> str:
        return next(iter(self.fixes.values()))[1]


def _in_dW(wrong: str, right: str) -> Fixes:
    """The lines of ``dW1`` and ``dW2`` from templates.

    The templates use ``{l}`` (the layer) and ``{prev}`` (``X`` or ``A1``).
    """
    return {
        f"dW{l}": (wrong.format(l=l, prev=prev), right.format(l=l, prev=prev))
        for l, prev in ((1, "X"), (2, "A1"))
    }


def _in_db(wrong: str, right: str) -> Fixes:
    return {f"db{l}": (wrong.format(l=l), right.format(l=l)) for l in (1, 2)}


def _in_layer_1(wrong: str, right: str) -> Fixes:
    """A mistake in dA1 or dZ1: it breaks dW1 and db1 through dZ1."""
    return {"dW1": (wrong, right), "db1": (wrong, right)}


_DZ1 = "dZ1 = W2.T @ dZ2 * (1 - A1**2)"
_BUG_LIST = (
    Bug(
        "missing_transpose_W2",
        "missing transpose of W2",
        "dA1 uses W2 where W2.T belongs "
        "(W2 is (n_y, n_h); only W2.T maps dZ2 (n_y, m) to (n_h, m))",
        _in_layer_1("dA1 = W2 @ dZ2", "dA1 = W2.T @ dZ2"),
        {"transpose_W2": False},
    ),
    Bug(
        "missing_transpose_in_dW",
        "missing transpose in dW",
        "dW multiplies dZ by A_prev instead of A_prev.T (X.T in dW1, A1.T in dW2)",
        _in_dW("dW{l} = (1/m) * dZ{l} @ {prev}", "dW{l} = (1/m) * dZ{l} @ {prev}.T"),
        {"transpose_A_prev": False},
    ),
    Bug(
        "elementwise_in_dW",
        "* instead of @ in dW",
        "dW uses the elementwise product * where the matrix product @ "
        "(a sum over the m examples) belongs",
        _in_dW("dW{l} = (1/m) * dZ{l} * {prev}.T", "dW{l} = (1/m) * dZ{l} @ {prev}.T"),
        {"dW_product": "*"},
    ),
    Bug(
        "elementwise_in_dA1",
        "* instead of @ in dA1",
        "dA1 uses * where @ belongs; with one output (n_y = 1) the two agree, "
        "so only n_y > 1 shows it",
        _in_layer_1("dA1 = W2.T * dZ2", "dA1 = W2.T @ dZ2"),
        {"dA1_product": "*"},
    ),
    Bug(
        "missing_g_prime",
        "missing g'",
        "dZ1 leaves out the factor g'(Z1): "
        "the gradient goes through the activation as if it were linear",
        _in_layer_1("dZ1 = W2.T @ dZ2", _DZ1),
        {"g_prime": "missing"},
    ),
    Bug(
        "g_instead_of_g_prime",
        "g instead of g'",
        "dZ1 multiplies by g(Z1) = A1 instead of g'(Z1)",
        _in_layer_1("dZ1 = W2.T @ dZ2 * A1", _DZ1),
        {"g_prime": "g(Z1)"},
    ),
    Bug(
        "a_formula_fed_Z1",
        "g' written through a, fed Z1",
        "the formula of g' in terms of a (1 - a^2 for tanh, a(1 - a) for sigmoid) "
        "is applied to Z1 instead of A1",
        _in_layer_1("dZ1 = W2.T @ dZ2 * (1 - Z1**2)", _DZ1),
        {"g_prime": "a-formula(Z1)"},
    ),
    Bug(
        "g_prime_of_A1",
        "g' evaluated at A1",
        "g' is evaluated at A1 instead of Z1 "
        "(1 - tanh(A1)^2, or sigmoid(A1)(1 - sigmoid(A1))): g is applied twice",
        _in_layer_1(
            "dZ1 = W2.T @ dZ2 * (1 - np.tanh(A1)**2)", "dZ1 = W2.T @ dZ2 * (1 - np.tanh(Z1)**2)"
        ),
        {"g_prime": "g'(A1)"},
    ),
    Bug(
        "missing_one_over_m",
        "1/m missing",
        "dW and db add up the m examples' gradients without dividing by m: m times too large",
        {
            **_in_dW("dW{l} = dZ{l} @ {prev}.T", "dW{l} = (1/m) * dZ{l} @ {prev}.T"),
            **_in_db(
                "db{l} = np.sum(dZ{l}, axis=1, keepdims=True)",
                "db{l} = (1/m) * np.sum(dZ{l}, axis=1, keepdims=True)",
            ),
        },
        {"one_over_m": False},
    ),
    Bug(
        "one_over_m_twice",
        "1/m applied twice",
        "1/m is put into dZ2 and again into dW and db: m times too small",
        dict.fromkeys(("dW1", "db1", "dW2", "db2"), ("dZ2 = (A2 - Y) / m", "dZ2 = A2 - Y")),
        {"dZ2_over_m": True},
    ),
    Bug(
        "missing_keepdims",
        "keepdims missing",
        "db sums without keepdims=True: shape (n,) instead of the column (n, 1)",
        _in_db(
            "db{l} = (1/m) * np.sum(dZ{l}, axis=1)",
            "db{l} = (1/m) * np.sum(dZ{l}, axis=1, keepdims=True)",
        ),
        {"keepdims": False},
    ),
    Bug(
        "wrong_sum_axis",
        "wrong sum axis",
        "db sums over the units (axis=0) instead of over the examples (axis=1): shape (1, m)",
        _in_db(
            "db{l} = (1/m) * np.sum(dZ{l}, axis=0, keepdims=True)",
            "db{l} = (1/m) * np.sum(dZ{l}, axis=1, keepdims=True)",
        ),
        {"sum_axis": 0},
    ),
)

BUGS: Mapping[str, Bug] = MappingProxyType({bug.name: bug for bug in _BUG_LIST})


def combine(*bugs: Bug) -> Bug | None:
    """One backward pass with all the ``bugs``' mistakes at once.

    ``None`` if two of them set the same switch.
    """
    switches: dict[str, object] = {}
    for bug in bugs:
        if set(switches) & set(bug.switches):
            return None
        switches.update(bug.switches)
    fixes = {}
    for key in ("dW1", "db1", "dW2", "db2"):
        lines = [bug.fixes[key] for bug in bugs if key in bug.fixes]
        if lines:
            fixes[key] = (
                "\n".join(wrong for wrong, _ in lines),
                "\n".join(right for _, right in lines),
            )
    return Bug(
        name="+".join(bug.name for bug in bugs),
        title=" and ".join(bug.title for bug in bugs),
        description="\n".join(bug.description for bug in bugs),
        fixes=MappingProxyType(fixes),
        switches=MappingProxyType(switches),
    )
