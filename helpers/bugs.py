"""A gallery of the classic backprop bugs: each is the reference backward pass with ONE mistake.

A bug is written as the lines it changes in :func:`helpers.network.backward_unchecked`, ``{right
line: wrong line}``; every other line is the reference's own (:mod:`helpers.mistakes` compiles the
mistaken function). The right lines, for the course's tanh hidden layer::

    m = X.shape[1]                                      wrong_m
    dZ2 = A2 - Y                                        one_over_m_twice, sign_of_dZ2
    dW2 = (1 / m) * dZ2 @ A1.T                          missing_transpose_in_dW, elementwise_in_dW,
                                                        swapped_factors_in_dW, missing_one_over_m
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)  missing_one_over_m, missing_keepdims, ...
    dA1 = W2.T @ dZ2                                    missing_transpose_W2, elementwise_in_dA1
    g1_prime = g1.g_prime(Z1, A1)                       g_instead_of_g_prime, ... (the g' bugs)
    dZ1 = dA1 * g1_prime                                missing_g_prime, matmul_in_dZ1
    dW1 = (1 / m) * dZ1 @ X.T                           (as dW2)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)  (as db2)

Some bugs are about one activation's formula (``1 - Z1**2`` for tanh's ``1 - A1**2``); their lines
depend on the hidden activation, and :meth:`Bug.applies` says where they exist. ``BUGS`` maps a name
to a :class:`Bug`: call it like ``backward_propagation(parameters, cache, X, Y, activation)``.
``combine(bug_a, bug_b)`` is a backward pass with both mistakes (the checker uses it to name two
mistakes made at once).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .activations import Activation, get_activation
from .mistakes import assignments, feeding, with_lines
from .network import GRADIENTS, backward_unchecked

Lines = Mapping[str, str]  # right line -> wrong line

# The reference's lines, read from its source (a test checks each stands there once).
LINES = {name: line for name, (line, _) in assignments(backward_unchecked).items()}
G_PRIME = LINES["g1_prime"]  # g1_prime = g1.g_prime(Z1, A1)


def g_prime_line(g1: Activation) -> str:
    """The ``g1_prime`` line as a learner writes it for ``g1``, e.g. ``g1_prime = 1 - A1**2``."""
    return f"g1_prime = {g1.g_prime_code(A='A1', Z='Z1')}"


def shown(line: str, g1: Activation) -> str:
    """A reference line as a learner writes it for ``g1`` (the ``g1_prime`` line spelled out)."""
    return g_prime_line(g1) if line == G_PRIME else line


# Per activation (name -> wrong g1_prime line), for the g' bugs that are about one formula.
A_FORMULA_FED_Z1 = {"tanh": "g1_prime = 1 - Z1**2", "sigmoid": "g1_prime = Z1 * (1 - Z1)"}
G_PRIME_OF_A1 = {
    "tanh": "g1_prime = 1 - np.tanh(A1)**2",
    "sigmoid": "g1_prime = sigmoid(A1) * (1 - sigmoid(A1))",
}
OTHER_ACTIVATION = {"tanh": "g1_prime = A1 * (1 - A1)", "sigmoid": "g1_prime = 1 - A1**2"}
SQUARE_OF_DIFFERENCE = {"tanh": "g1_prime = (1 - A1)**2"}
SIGN_OF_G_PRIME = {"tanh": "g1_prime = A1**2 - 1", "sigmoid": "g1_prime = A1 * (A1 - 1)"}


@dataclass(frozen=True)
class Bug:
    """One classic mistake: the reference backward pass with ``lines`` changed.

    ``lines`` is ``{right line: wrong line}``, or, for a mistake in one activation's formula,
    ``{activation name: wrong g1_prime line}`` (``per_activation=True``).
    """

    name: str
    title: str  # a few words, e.g. "missing g'"
    description: str  # the mistake in one line
    lines: Lines
    per_activation: bool = False

    def applies(self, activation: str | Activation = "tanh") -> bool:
        """Whether this mistake can be made with the hidden ``activation`` (and differs from it)."""
        return not self.per_activation or get_activation(activation).name in self.lines

    def replacements(self, activation: str | Activation = "tanh") -> Lines:
        """``{right line: wrong line}`` for the hidden ``activation``."""
        if not self.per_activation:
            return self.lines
        return {G_PRIME: self.lines[get_activation(activation).name]}

    def __call__(
        self,
        parameters,
        cache,
        X,
        Y,
        activation: str | Activation = "tanh",
        *,
        intermediates: bool = False,
    ):
        """The mistaken backward pass, called as :func:`helpers.network.backward_propagation`
        (unchecked); ``intermediates=True`` adds its ``dZ2, dA1, g1_prime, dZ1``."""
        mistaken = with_lines(backward_unchecked, self.replacements(activation))
        return mistaken(parameters, cache, X, Y, get_activation(activation), intermediates)

    def in_line(self, name: str, activation: str | Activation = "tanh") -> Bug:
        """This mistake made only in the line that assigns ``name`` (e.g. ``"dW2"`` alone of a
        mistake made in both layers): the reference with that one line changed."""
        right = LINES[name]
        return Bug(
            self.name, self.title, self.description, {right: self.replacements(activation)[right]}
        )

    def fixes(self, key: str, activation: str | Activation = "tanh") -> tuple[str, str]:
        """``(wrong, right)``: the changed lines that ``key`` (e.g. ``"dW1"``) depends on, as a
        learner writes them for ``activation``, one per line."""
        g1 = get_activation(activation)
        feeds = {LINES[name] for name in feeding(backward_unchecked, key)}
        pairs = [(w, r) for r, w in self.replacements(g1).items() if r in feeds]
        return "\n".join(w for w, _ in pairs), "\n".join(shown(r, g1) for _, r in pairs)

    def breaks(self, activation: str | Activation = "tanh") -> tuple[str, ...]:
        """The gradients whose lines depend on a changed line."""
        changed = set(self.replacements(activation))
        return tuple(
            key
            for key in GRADIENTS
            if changed & {LINES[n] for n in feeding(backward_unchecked, key)}
        )


def _in_both_layers(right: Callable[[int, str], str], wrong: Callable[[int, str], str]) -> Lines:
    """The same change in layer 1 (``A_prev = X``) and layer 2 (``A_prev = A1``)."""
    return {right(l, prev): wrong(l, prev) for l, prev in ((1, "X"), (2, "A1"))}


_BUG_LIST = (
    Bug(
        "missing_transpose_W2",
        "missing transpose of W2",
        "dA1 uses W2 where W2.T belongs "
        "(W2 is (n_y, n_h); only W2.T maps dZ2 (n_y, m) to (n_h, m))",
        {LINES["dA1"]: "dA1 = W2 @ dZ2"},
    ),
    Bug(
        "missing_transpose_in_dW",
        "missing transpose in dW",
        "dW multiplies dZ by A_prev instead of A_prev.T (X.T in dW1, A1.T in dW2)",
        _in_both_layers(
            lambda l, p: f"dW{l} = (1 / m) * dZ{l} @ {p}.T",
            lambda l, p: f"dW{l} = (1 / m) * dZ{l} @ {p}",
        ),
    ),
    Bug(
        "elementwise_in_dW",
        "* instead of @ in dW",
        "dW uses the elementwise product * where the matrix product @ "
        "(a sum over the m examples) belongs",
        _in_both_layers(
            lambda l, p: f"dW{l} = (1 / m) * dZ{l} @ {p}.T",
            lambda l, p: f"dW{l} = (1 / m) * dZ{l} * {p}.T",
        ),
    ),
    Bug(
        "swapped_factors_in_dW",
        "factors of dW swapped",
        "dW multiplies A_prev by dZ.T instead of dZ by A_prev.T (X @ dZ1.T, A1 @ dZ2.T): "
        "that is the transpose of dW",
        _in_both_layers(
            lambda l, p: f"dW{l} = (1 / m) * dZ{l} @ {p}.T",
            lambda l, p: f"dW{l} = (1 / m) * {p} @ dZ{l}.T",
        ),
    ),
    Bug(
        "elementwise_in_dA1",
        "* instead of @ in dA1",
        "dA1 uses * where @ belongs; with one output (n_y = 1) the two agree, "
        "so only n_y > 1 shows it",
        {LINES["dA1"]: "dA1 = W2.T * dZ2"},
    ),
    Bug(
        "missing_g_prime",
        "missing g'",
        "dZ1 leaves out the factor g'(Z1): "
        "the gradient goes through the activation as if it were linear",
        {LINES["dZ1"]: "dZ1 = dA1"},
    ),
    Bug(
        "matmul_in_dZ1",
        "@ instead of * in dZ1",
        "dZ1 uses the matrix product @ where the elementwise product * belongs "
        "(each unit's dA1 is multiplied by its own g')",
        {LINES["dZ1"]: "dZ1 = dA1 @ g1_prime"},
    ),
    Bug(
        "g_instead_of_g_prime",
        "g instead of g'",
        "dZ1 multiplies by g(Z1) = A1 instead of g'(Z1)",
        {G_PRIME: "g1_prime = A1"},
    ),
    Bug(
        "a_formula_fed_Z1",
        "g' written through a, fed Z1",
        "the formula of g' in terms of a (1 - a^2 for tanh, a(1 - a) for sigmoid) "
        "is applied to Z1 instead of A1",
        A_FORMULA_FED_Z1,
        per_activation=True,
    ),
    Bug(
        "g_prime_of_A1",
        "g' evaluated at A1",
        "g' is evaluated at A1 instead of Z1 "
        "(1 - tanh(A1)^2, or sigmoid(A1)(1 - sigmoid(A1))): g is applied twice",
        G_PRIME_OF_A1,
        per_activation=True,
    ),
    Bug(
        "other_activation_g_prime",
        "another activation's g'",
        "g' is the derivative of the other activation: A1 (1 - A1) is sigmoid's, 1 - A1^2 is "
        "tanh's; use the derivative of the hidden layer's own g",
        OTHER_ACTIVATION,
        per_activation=True,
    ),
    Bug(
        "square_of_difference",
        "(1 - A1)**2 for 1 - A1**2",
        "tanh'(z) = 1 - a^2 squares a alone: (1 - A1)**2 squares the difference",
        SQUARE_OF_DIFFERENCE,
        per_activation=True,
    ),
    Bug(
        "sign_of_g_prime",
        "wrong sign in g'",
        "g'(Z1) has the wrong sign (a^2 - 1 for 1 - a^2): every dZ1 points the wrong way",
        SIGN_OF_G_PRIME,
        per_activation=True,
    ),
    Bug(
        "sign_of_dZ2",
        "wrong sign in dZ2",
        "dZ2 = Y - A2 is minus dL/dZ2: every gradient points uphill",
        {LINES["dZ2"]: "dZ2 = Y - A2"},
    ),
    Bug(
        "wrong_m",
        "m counts the features",
        "m = X.shape[0] is the number of features n_x (rows); the examples are the columns, "
        "m = X.shape[1]",
        {LINES["m"]: "m = X.shape[0]"},
    ),
    Bug(
        "missing_one_over_m",
        "1/m missing",
        "dW and db add up the m examples' gradients without dividing by m: m times too large",
        {
            **_in_both_layers(
                lambda l, p: f"dW{l} = (1 / m) * dZ{l} @ {p}.T",
                lambda l, p: f"dW{l} = dZ{l} @ {p}.T",
            ),
            **_in_both_layers(
                lambda l, p: f"db{l} = (1 / m) * np.sum(dZ{l}, axis=1, keepdims=True)",
                lambda l, p: f"db{l} = np.sum(dZ{l}, axis=1, keepdims=True)",
            ),
        },
    ),
    Bug(
        "one_over_m_twice",
        "1/m applied twice",
        "1/m is put into dZ2 and again into dW and db: m times too small",
        {LINES["dZ2"]: "dZ2 = (A2 - Y) / m"},
    ),
    Bug(
        "missing_keepdims",
        "keepdims missing",
        "db sums without keepdims=True: shape (n,) instead of the column (n, 1)",
        _in_both_layers(
            lambda l, p: f"db{l} = (1 / m) * np.sum(dZ{l}, axis=1, keepdims=True)",
            lambda l, p: f"db{l} = (1 / m) * np.sum(dZ{l}, axis=1)",
        ),
    ),
    Bug(
        "wrong_sum_axis",
        "wrong sum axis",
        "db sums over the units (axis=0) instead of over the examples (axis=1): shape (1, m)",
        _in_both_layers(
            lambda l, p: f"db{l} = (1 / m) * np.sum(dZ{l}, axis=1, keepdims=True)",
            lambda l, p: f"db{l} = (1 / m) * np.sum(dZ{l}, axis=0, keepdims=True)",
        ),
    ),
)

BUGS: Mapping[str, Bug] = MappingProxyType({bug.name: bug for bug in _BUG_LIST})


def combine(*bugs: Bug, activation: str | Activation = "tanh") -> Bug | None:
    """One backward pass with all the ``bugs``' mistakes at once, for the hidden ``activation``.

    ``None`` if two of them change the same line or one does not apply to ``activation``.
    """
    if not all(bug.applies(activation) for bug in bugs):
        return None
    lines: dict[str, str] = {}
    for bug in bugs:
        replacements = bug.replacements(activation)
        if set(lines) & set(replacements):
            return None
        lines.update(replacements)
    return Bug(
        name="+".join(bug.name for bug in bugs),
        title=" and ".join(bug.title for bug in bugs),
        description="\n".join(bug.description for bug in bugs),
        lines=MappingProxyType(lines),
    )
