"""Notebook 02's exercises: dL/dz1 of one sigmoid hidden unit, a derivative along two paths, da1 of
one example by sums over the outputs, the hidden layer's dZ1 in vector form, and two predictions
(the shape of dA1; what ReLU switches off in the graph).

* ``dL_dz1``: the learner's ``dL_dz1(x, y, w1, b1, w2, b2)`` for numbers (one example, one
  sigmoid hidden unit, one output). The reference is the backward pass of
  :func:`helpers.network.backward_unchecked` on that 1-1-1 network with the sigmoid hidden
  activation; the mistakes are its lines changed, printed as the one expression the learner
  returns (``(a2 - y) * w1 * a1 * (1 - a1)``), see :func:`learners_expression`.
* ``df_dt``: the learner's ``df_dt(t)`` for ``f(t) = t^t = p(u, v)`` with ``p(u, v) = u^v``,
  ``u = v = t``: the multivariable chain rule on two paths (the power rule along one, the
  exponential rule along the other). Not a formula of the network: its reference is written here,
  one line.
* ``da1_by_sums``: the learner's ``da1_by_sums(W2, dz2)``, ``W2 (n_y, n_h)``, ``dz2 (n_y, 1)`` ->
  ``da1 (n_h, 1)`` of one example, by loops over the hidden units and the outputs; checked against
  the reference's line ``dA1 = W2.T @ dZ2``, the mistakes printed as the loop line.
* ``dZ1_of``: the learner's ``dZ1_of(W2, dZ2, A1)``, ``W2 (n_y, n_h)``, ``dZ2 (n_y, m)``,
  ``A1 (n_h, m)`` (a sigmoid layer's outputs) -> ``dZ1 (n_h, m)``: the lines ``dA1 = W2.T @ dZ2``,
  ``g1_prime = g1.g_prime(Z1, A1)``, ``dZ1 = dA1 * g1_prime`` of the reference; the mistakes are
  mostly the bug gallery's (:data:`helpers.bugs.BUGS`).
* ``dA1_shape``: the shape of ``dA1`` for ``n_h = 3``, ``n_y = 2``, ``m = 4``.
* ``relu_zero_unit``: with ReLU in the graph's network, which hidden unit's ``dz1`` is 0, and
  whether its ``da1`` is 0 too (a pair).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping

import numpy as np

from ..activations import get_activation
from ..bugs import BUGS, LINES, shown
from ..network import backward_unchecked, forward_unchecked
from .core import CheckResult, Exercise, Mistake, Prediction, Problem, Verdict

NOTEBOOK = "02_chain_rule_dZ1"
SIGMOID = get_activation("sigmoid")
RELU = get_activation("relu")

# the reference reads W2 from the parameters in this line; "w1 in place of w2" reads W1 there
READ_W2 = LINES["W2"]  # W2, Z1, A1, A2 = parameters["W2"], cache["Z1"], ...
READ_W1 = READ_W2.replace('parameters["W2"]', 'parameters["W1"]')
DZ2, DA1, DZ1 = LINES["dZ2"], LINES["dA1"], LINES["dZ1"]


def _gallery(name: str, title: str, description: str) -> Mistake:
    """The bug gallery's mistake ``name`` for a sigmoid hidden layer, told in this notebook's
    words."""
    return Mistake(name, title, description, BUGS[name].replacements(SIGMOID))


class _Exercise(Exercise):
    """An exercise whose check, when the learner's code raised on some problems, says so plainly:
    a result right on the others is "close ... on the other 2 arrays of t"; a known mistake that
    raises on the same problems (``W2 @ dZ2`` where the shapes do not fit) is named first, and
    NumPy's message is replaced by one line after the mistake's name."""

    def _report(self, name: str, outcomes: list, verdicts: dict[str, Verdict]) -> CheckResult:
        result = super()._report(name, outcomes, verdicts)
        raised = {i for i, outcome in enumerate(outcomes) if outcome.error is not None}
        if raised and all(verdict.right for verdict in verdicts.values()):
            # right where it ran: say where, so "close" does not read as "all is well"
            where = f" on the other {len(outcomes) - len(raised)} {self.problem_word}"
            details = [
                line + where if line.lstrip().split(" ")[0] in verdicts else line
                for line in result.details
            ]
            return CheckResult(result.finished, result.passed, result.headline, verdicts, details)
        named = {m.name for verdict in verdicts.values() for m in verdict.mistakes}
        if not raised or len(named) != 1 or "+" in next(iter(named)):
            return result
        _, runs = self._gallery("singles")[next(iter(named))]
        if raised != {i for i, run in enumerate(runs) if run.error is not None}:
            return result
        opening = 3 if result.details[2:3] and result.details[2].startswith("    (a ") else 2
        errors = sorted({type(outcomes[i].error).__name__ for i in raised})
        note = (
            f"       on the other {len(raised)} {self.problem_word} it raised "
            f"{' and '.join(errors)}, as this mistake does: its shapes do not fit there"
        )
        details = [*result.details[opening:], note]
        return CheckResult(result.finished, result.passed, result.headline, verdicts, details)


# ---------------------------------------------------------------- the learner's expression


class _Inline(ast.NodeTransformer):
    """Replace each name of ``definitions`` by its (inlined) expression."""

    def __init__(self, definitions: Mapping[str, str]):
        self.definitions = definitions

    def visit_Name(self, node: ast.Name) -> ast.AST:
        value = self.definitions.get(node.id)
        if value is None or value == node.id:
            return node
        return self.visit(ast.parse(value, mode="eval").body)


class _Flatten(ast.NodeTransformer):
    """``a * (b * c)`` -> ``a * b * c``, as one writes a product of factors."""

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        right = node.right
        if (
            isinstance(node.op, ast.Mult)
            and isinstance(right, ast.BinOp)
            and isinstance(right.op, ast.Mult)
        ):
            left = ast.BinOp(node.left, ast.Mult(), right.left)
            return self.visit(ast.BinOp(left, ast.Mult(), right.right))
        return node


# dZ1 as the learner's code computes it, one definition per reference line (code names)
LAYER = {
    "dZ2": "dZ2",
    "W2": "W2",
    "dA1": "W2.T @ dZ2",
    "g1_prime": "A1 * (1 - A1)",
    "dZ1": "dA1 * g1_prime",
}
# the same for numbers (one unit): the scalar product dz2 * w2 in place of W2.T @ dZ2
SCALAR = {**LAYER, "dZ2": "A2 - Y", "dA1": "dZ2 * W2"}
SCALAR_RIGHT_SIDES = {"W2.T @ dZ2": "dZ2 * W2"}
SCALAR_NAMES = re.compile(r"\b(A2|A1|Z1|W2|W1|X|Y)\b")


def learners_expression(line: str, definitions: Mapping[str, str]) -> str:
    """``return <expression>``: the function's result as the learner writes it in one expression
    when ``line`` (a reference line or a mistake's) stands in place of its namesake and every other
    line is right; ``""`` for a line the learner's function has no counterpart of."""
    if line in (READ_W2, READ_W1):
        name, right_side = "W2", "W2" if line == READ_W2 else "W1"
    else:
        name, _, right_side = line.partition(" = ")
        right_side = shown(line, SIGMOID).partition(" = ")[2]
    if name not in definitions:
        return ""
    if definitions is SCALAR:
        right_side = SCALAR_RIGHT_SIDES.get(right_side, right_side)
    inline = _Inline({**definitions, name: right_side})
    tree = _Flatten().visit(inline.visit(ast.parse(inline.definitions["dZ1"], mode="eval")))
    expression = ast.unparse(tree)
    if definitions is SCALAR:
        expression = SCALAR_NAMES.sub(lambda found: found.group().lower(), expression)
    return f"return {expression}"


# ---------------------------------------------------------------- dL/dz1 of one hidden unit


def in_scalar_names(line: str) -> str:
    """A line of the reference as the expression the learner's ``dL_dz1`` returns:
    ``dA1 = W2.T @ dZ2`` -> ``return (a2 - y) * w2 * a1 * (1 - a1)``."""
    return learners_expression(line, SCALAR)


def _one_unit(backward: Callable) -> Callable:
    """The learner's ``dL_dz1(x, y, w1, b1, w2, b2)`` (numbers) out of a backward pass with the
    signature of :func:`helpers.network.backward_unchecked`: its ``dZ1`` on the 1-1-1 network with
    a sigmoid hidden unit, as a number."""

    def dL_dz1(x, y, w1, b1, w2, b2):
        parameters = {
            key: np.array([[value]], dtype=float)
            for key, value in zip(("W1", "b1", "W2", "b2"), (w1, b1, w2, b2), strict=True)
        }
        X, Y = np.array([[x]], dtype=float), np.array([[y]], dtype=float)
        _, cache = forward_unchecked(X, parameters, SIGMOID)
        return backward(parameters, cache, X, Y, SIGMOID, intermediates=True)["dZ1"][0, 0]

    return dL_dz1


def _one_unit_problems() -> list[Problem]:
    """``(x, y, w1, b1, w2, b2)``, numbers: both labels, weights of order 1, ``w1 != w2`` (and
    neither is 1), one negative ``w2``, inputs other than 1, hidden units on both sides of 0."""
    examples = (
        (0.5, 1.0, 0.8, -0.2, 1.5, 0.1),
        (-1.0, 0.0, 1.3, 0.4, -0.9, 0.3),
        (2.0, 1.0, -0.6, 0.5, 2.0, -1.0),
        (1.5, 0.0, 0.7, -1.2, 1.1, 0.2),
    )
    names = ("x", "y", "w1", "b1", "w2", "b2")
    return [
        Problem(
            ", ".join(f"{name}={value:g}" for name, value in zip(names, example, strict=True)),
            example,
        )
        for example in examples
    ]


dL_dz1 = _Exercise(
    name="dL_dz1",
    title="dL/dz1 of one sigmoid hidden unit, along the chain",
    reference=_one_unit(backward_unchecked),
    source=backward_unchecked,
    wrap=_one_unit,
    problems=_one_unit_problems,
    outputs=("dL/dz1",),
    notebook=NOTEBOOK,
    argument_names=("x", "y", "w1", "b1", "w2", "b2"),
    show=in_scalar_names,
    problem_word="examples",
    hints=(
        "One factor per arrow from z1 to L: dL/dz1 = dL/da2 * da2/dz2 * dz2/da1 * da1/dz1. "
        "Notebook 01 has the first two together: dL/dz2 = a2 - y.",
        "z2 = w2 * a1 + b2 is a straight line in a1: its slope dz2/da1 is w2. And "
        "a1 = sigmoid(z1), so da1/dz1 = sigma'(z1), which notebook 01 wrote through the output: "
        "a1 * (1 - a1).",
        "Multiply the three factors: (a2 - y), w2 and the sigmoid's slope at z1.",
    ),
    mistakes=(
        Mistake(
            "sign_of_dZ2",
            "wrong sign: y - a2",
            "dL/dz2 = a2 - y (notebook 01); y - a2 is its negative, so every factor after it "
            "points the wrong way",
            BUGS["sign_of_dZ2"].lines,
        ),
        Mistake(
            "w1_for_w2",
            "w1 in place of w2",
            "dz2/da1 is the slope of z2 = w2 a1 + b2 in a1: w2. w1 is the slope of the first "
            "arrow, z1 = w1 x + b1, which is not on the path from z1 to L",
            {READ_W2: READ_W1},
        ),
        Mistake(
            "missing_w2",
            "the factor w2 left out",
            "the path from z1 to L passes through z2 = w2 a1 + b2: its slope dz2/da1 = w2 is one "
            "of the factors",
            {DA1: "dA1 = dZ2"},
        ),
        _gallery(
            "missing_g_prime",
            "the factor g'(z1) left out",
            "the path starts with a1 = sigmoid(z1): its slope da1/dz1 = a1 (1 - a1) is the last "
            "factor",
        ),
        _gallery(
            "other_activation_g_prime",
            "tanh's derivative for the sigmoid's",
            "1 - a1^2 is tanh'(z1) written through a1; this hidden unit is a sigmoid, whose "
            "slope is a1 (1 - a1)",
        ),
        _gallery(
            "g_instead_of_g_prime",
            "g instead of g'",
            "a1 = sigmoid(z1) is the value of the hidden unit, not its slope a1 (1 - a1)",
        ),
        _gallery(
            "g_prime_of_A1",
            "sigma' evaluated at a1",
            "sigmoid(a1) (1 - sigmoid(a1)) applies the sigmoid twice: a1 is already sigmoid(z1), "
            "so sigma'(z1) = a1 (1 - a1)",
        ),
        _gallery(
            "a_formula_fed_Z1",
            "a (1 - a) fed z1",
            "sigma'(z1) = a1 (1 - a1) is written through the OUTPUT a1; z1 (1 - z1) puts the "
            "input in its place",
        ),
        Mistake(
            "dL_da2_for_dL_dz2",
            "dL/da2 in place of dL/dz2",
            "-y/a2 + (1 - y)/(1 - a2) is dL/da2; the chain goes on through a2 = sigmoid(z2), "
            "and with that factor a2 (1 - a2) it becomes dL/dz2 = a2 - y (notebook 01)",
            {DZ2: "dZ2 = -Y / A2 + (1 - Y) / (1 - A2)"},
        ),
        Mistake(
            "output_slope_twice",
            "the output's slope a2 (1 - a2) twice",
            "a2 - y is already dL/dz2, the product dL/da2 * da2/dz2 (notebook 01): it contains "
            "the output's slope a2 (1 - a2); multiplying by it again counts that arrow twice",
            {DZ2: "dZ2 = (A2 - Y) * A2 * (1 - A2)"},
        ),
        Mistake(
            "extra_x",
            "an extra factor x",
            "x is the slope of z1 = w1 x + b1 in w1: it turns dL/dz1 into dL/dw1. The path from "
            "z1 to L starts at z1, after that arrow",
            {DZ1: "dZ1 = dA1 * g1_prime * X"},
        ),
        Mistake(
            "dL_dw2",
            "dL/dw2 in place of dL/dz1",
            "(a2 - y) a1 is the slope of L in w2 (z2 = w2 a1 + b2 moves by a1 per unit of w2); "
            "z1 reaches L through a1 and z2, one factor per arrow: a2 - y, w2, a1 (1 - a1)",
            {DZ1: "dZ1 = dZ2 * A1"},
        ),
    ),
)


# ---------------------------------------------------------------- two paths: f(t) = t^t

TWO_PATHS = "return t * t ** (t - 1) + t**t * np.log(t)"


def _df_dt(t):
    # path t -> u -> f: dp/du du/dt = v u^(v - 1) * 1; path t -> v -> f: dp/dv dv/dt = u^v log u
    return t * t ** (t - 1) + t**t * np.log(t)


def _t_values() -> list[Problem]:
    """``(t,)``, positive: six values from 0.2 to 3 (``log t`` of both signs), an array of shape
    (2, 3), and three values near 1 / e, where ``df/dt`` changes sign."""
    return [
        Problem("six values of t from 0.2 to 3", (np.linspace(0.2, 3.0, 6),)),
        Problem("t of shape (2, 3)", (np.array([[0.3, 1.1, 1.9], [0.7, 2.4, 3.5]]),)),
        Problem("t = 0.3, 0.37, 0.45", (np.array([0.3, 0.37, 0.45]),)),
    ]


df_dt = _Exercise(
    name="df_dt",
    title="df/dt for f = t^t = p(u, v), p = u^v, u = v = t: two paths",
    reference=_df_dt,
    problems=_t_values,
    outputs=("df/dt",),
    notebook=NOTEBOOK,
    argument_names=("t",),
    problem_word="arrays of t",
    hints=(
        "With v held fixed, p = u^v is a power of u: the power rule gives dp/du. With u held "
        "fixed, p = u^v is an exponential in v: (a^v)' = a^v log a gives dp/dv.",
        "Path 1, t -> u -> f: u moves by du/dt = 1 per unit of t, and p by dp/du per unit of u. "
        "Path 2, t -> v -> f: the same with v. The nudge of t travels both paths at once.",
        "For a small nudge the effects of the two paths add up: df/dt = dp/du du/dt + "
        "dp/dv dv/dt, each evaluated at u = v = t.",
    ),
    mistakes=(
        Mistake(
            "path_through_u_only",
            "the power rule alone (the path through u)",
            "t * t^(t - 1) = t^t treats the exponent as a constant: that is the path t -> u -> f "
            "alone. The exponent is t too: the path t -> v -> f adds t^t log t",
            {TWO_PATHS: "return t * t ** (t - 1)"},
        ),
        Mistake(
            "path_through_v_only",
            "the exponential rule alone (the path through v)",
            "t^t log t treats the base as a constant: that is the path t -> v -> f alone. The "
            "base is t too: the path t -> u -> f adds t * t^(t - 1) = t^t",
            {TWO_PATHS: "return t**t * np.log(t)"},
        ),
        Mistake(
            "paths_multiplied",
            "the two paths multiplied",
            "along ONE path the slopes multiply; the effects of DIFFERENT paths add up (for a "
            "small nudge each path moves f by its own amount)",
            {TWO_PATHS: "return t * t ** (t - 1) * t**t * np.log(t)"},
        ),
        Mistake(
            "log_base_10",
            "log10 for the natural log",
            "(a^v)' = a^v ln a holds for the natural log, np.log; np.log10 is log to base 10",
            {TWO_PATHS: "return t * t ** (t - 1) + t**t * np.log10(t)"},
        ),
    ),
)


# ---------------------------------------------------------------- da1 of one example, by sums

# the reference's line, and the mistakes' lines, as the learner's loops write them
ROWS_FOR_COLUMNS = BUGS["missing_transpose_W2"].lines[DA1]  # dA1 = W2 @ dZ2
FIRST_OUTPUT_ONLY = "dA1 = W2[:1].T @ dZ2[:1]"
LAST_OUTPUT_ONLY = "dA1 = W2[-1:].T @ dZ2[-1:]"
PATHS_MULTIPLIED = "dA1 = np.prod(W2.T * dZ2.T, axis=1, keepdims=True)"
LOOP_LINES = {
    DA1: "da1[k, 0] += W2[i, k] * dz2[i, 0]",
    ROWS_FOR_COLUMNS: "da1[k, 0] += W2[k, i] * dz2[i, 0]",
    FIRST_OUTPUT_ONLY: "da1[k, 0] = W2[0, k] * dz2[0, 0]",
    LAST_OUTPUT_ONLY: "da1[k, 0] = W2[i, k] * dz2[i, 0]",
    PATHS_MULTIPLIED: "da1[k, 0] *= W2[i, k] * dz2[i, 0]",
}


class _NoInputs:
    """``X`` for a backward pass whose ``dW1`` is not wanted: it has ``m`` columns, and
    ``dZ1 @ X.T`` is ``None`` whatever the shape of ``dZ1`` (a mistake may give ``dZ1`` the wrong
    number of columns; the check must still see that ``dZ1``)."""

    __array_ufunc__ = None  # NumPy leaves ``array @ X.T`` to __rmatmul__

    def __init__(self, m: int):
        self.shape = (1, m)

    @property
    def T(self) -> _NoInputs:
        return self

    def __rmatmul__(self, other: object) -> None:
        return None


def _output_layer(backward: Callable, W2, dZ2, A1) -> dict[str, np.ndarray]:
    """What ``backward`` (the reference's signature) computes for an output layer with weights
    ``W2 (n_y, n_h)``, chain-rule factors ``dZ2 (n_y, m)`` and a sigmoid hidden layer's outputs
    ``A1 (n_h, m)``: the cache holds ``A2 = dZ2`` and the labels are 0, so its ``dZ2 = A2 - Y`` is
    the given one; ``Z1`` is the sigmoid's input that gives ``A1``; ``X`` is read only for ``m``
    (and ``dW1``, not wanted)."""
    m = np.shape(dZ2)[1]
    cache = {"Z1": np.log(A1 / (1 - A1)), "A1": A1, "A2": dZ2}
    Y = np.zeros_like(dZ2)
    return backward({"W2": W2}, cache, _NoInputs(m), Y, SIGMOID, intermediates=True)


def _da1_of(backward: Callable) -> Callable:
    """The learner's ``da1_by_sums(W2, dz2)`` out of a backward pass: its ``dA1`` for one example
    (``A1`` is not read for it; a column of one halves stands in)."""

    def da1_by_sums(W2, dz2):
        return _output_layer(backward, W2, dz2, np.full((np.shape(W2)[1], 1), 0.5))["dA1"]

    return da1_by_sums


def _two_output_problems() -> list[Problem]:
    """``(W2 (2, n_h), dz2 (2, 1))`` for one example with labels 1 and 0, weights of order 1:
    ``n_h = 3`` (the notebook's), 2 (a square ``W2``, where ``W2[k, i]`` runs) and 4."""
    rng = np.random.default_rng(5)
    problems = []
    for n_h in (3, 2, 4):
        W2 = rng.standard_normal((2, n_h))
        dz2 = rng.uniform(0.05, 0.95, (2, 1)) - np.array([[1.0], [0.0]])
        square = " (W2 square)" if n_h == 2 else ""
        problems.append(Problem(f"n_y = 2, n_h = {n_h}{square}", (W2, dz2), {"m": 1, "n_y": 2}))
    return problems


da1_by_sums = _Exercise(
    name="da1_by_sums",
    title="da1 of one example, a sum over the outputs, by loops",
    reference=_da1_of(backward_unchecked),
    source=backward_unchecked,
    wrap=_da1_of,
    problems=_two_output_problems,
    outputs=("da1",),
    notebook=NOTEBOOK,
    argument_names=("W2", "dz2"),
    like={"da1": "a1"},
    show=lambda line: LOOP_LINES.get(line, ""),
    problem_word="networks",
    hints=(
        "How many paths lead from a1_k to L? Section 3 says what to do with the effects of "
        "several paths.",
        "One path per output i: a1_k -> z2_i -> L. z2_i = sum over k of W2[i, k] a1_k + b2_i "
        "moves by W2[i, k] per unit of a1_k (only term k contains a1_k), and L moves by dz2_i "
        "per unit of z2_i.",
        "The n_y paths add up: da1_k = sum over i of W2[i, k] dz2_i. In code: start from "
        "np.zeros((n_h, 1)); for each hidden unit k, for each output i, add path i's product "
        "to da1[k, 0]. The weight from unit k to output i is W2[i, k] (row: output).",
    ),
    mistakes=(
        Mistake(
            "rows_for_columns",
            "W2[k, i] for W2[i, k]",
            "the weight from hidden unit k to output i is W2[i, k] (row: output, column: hidden "
            "unit). W2[k, i] walks along row k of W2: here it runs only where W2 is square, and "
            "there it reads other weights",
            {DA1: ROWS_FOR_COLUMNS},
        ),
        Mistake(
            "first_output_only",
            "only the first output's path",
            "with one output (section 4) da1_k = W2[0, k] dz2_1; with n_y outputs a1_k reaches "
            "L through every z2_i, and the chain rule adds all n_y paths",
            {DA1: FIRST_OUTPUT_ONLY},
        ),
        Mistake(
            "last_output_only",
            "= where += belongs: only the last output counts",
            "each pass of the loop over i overwrites da1[k, 0]; the paths through the n_y "
            "outputs add up (+=)",
            {DA1: LAST_OUTPUT_ONLY},
        ),
        Mistake(
            "paths_multiplied",
            "the paths multiplied",
            "along ONE path the slopes multiply (W2[i, k] times dz2_i); the effects of different "
            "paths add up (section 3)",
            {DA1: PATHS_MULTIPLIED},
        ),
    ),
)


# ---------------------------------------------------------------- dZ1 of a sigmoid layer


def in_layer_names(line: str) -> str:
    """A reference line as the expression the learner's ``dZ1_of`` returns:
    ``dA1 = W2 @ dZ2`` -> ``return W2 @ dZ2 * A1 * (1 - A1)``."""
    return learners_expression(line, LAYER)


def _hidden_layer(backward: Callable) -> Callable:
    """The learner's ``dZ1_of(W2, dZ2, A1)`` out of a backward pass with the signature of
    :func:`helpers.network.backward_unchecked`, run with the sigmoid hidden activation."""

    def dZ1_of(W2, dZ2, A1):
        return _output_layer(backward, W2, dZ2, A1)["dZ1"]

    return dZ1_of


def _sigmoid_networks() -> list[Problem]:
    """``(W2 (n_y, n_h), dZ2 (n_y, m), A1 (n_h, m))`` from a forward and backward pass of random
    sigmoid networks, weights of order 1, labels 0 and 1: ``n_y = 2`` (the sum over outputs
    matters), ``n_y = 1`` (one term per sum), and ``n_h = n_y = m``, where the shapes cannot tell
    ``W2`` from ``W2.T`` nor ``*`` from ``@``."""
    rng = np.random.default_rng(2)
    problems = []
    for n_x, n_h, n_y, m in ((2, 3, 2, 4), (3, 4, 1, 5), (2, 3, 3, 3)):
        parameters = {
            "W1": rng.standard_normal((n_h, n_x)),
            "b1": rng.standard_normal((n_h, 1)),
            "W2": rng.standard_normal((n_y, n_h)),
            "b2": rng.standard_normal((n_y, 1)),
        }
        X = rng.standard_normal((n_x, m))
        Y = (rng.random((n_y, m)) > 0.5).astype(float)
        Y[0, :2] = (0.0, 1.0)  # both labels in every network
        _, cache = forward_unchecked(X, parameters, SIGMOID)
        dZ2 = backward_unchecked(parameters, cache, X, Y, SIGMOID, intermediates=True)["dZ2"]
        problems.append(
            Problem(
                f"n_h = {n_h}, n_y = {n_y}, m = {m}",
                (parameters["W2"], dZ2, cache["A1"]),
                {"m": m, "n_y": n_y},
            )
        )
    return problems


dZ1_of = _Exercise(
    name="dZ1_of",
    title="dZ1 of a sigmoid hidden layer with n_y outputs, in vector form",
    reference=_hidden_layer(backward_unchecked),
    source=backward_unchecked,
    wrap=_hidden_layer,
    problems=_sigmoid_networks,
    outputs=("dZ1",),
    notebook=NOTEBOOK,
    argument_names=("W2", "dZ2", "A1"),
    like={"dZ1": "Z1"},
    show=in_layer_names,
    problem_word="networks",
    hints=(
        "Your loops computed da1_k = sum over i of W2[i, k] dz2_i. Entry k of a matrix times a "
        "column, M v, is row k of M times v: sum over i of M[k, i] v_i. Which matrix has "
        "W2[i, k] in its row k, column i?",
        "A matrix product treats each column of dZ2 (each example) on its own, so one product "
        "does every example. After dA1, one arrow per unit, a1_k = sigmoid(z1_k): each unit's "
        "da1_k times its own slope, entry by entry (*), written through A1 as in notebook 01.",
        "dA1 = W2.T @ dZ2 does all the sums for every example; then multiply it, entry by "
        "entry, by the sigmoid's slope A1 (1 - A1).",
    ),
    mistakes=(
        _gallery(
            "missing_transpose_W2",
            "missing transpose of W2",
            "hidden unit k collects W2[i, k] dz2_i over the outputs i: column k of W2, which is "
            "row k of W2.T. W2 @ dZ2 sums along the rows of W2 instead",
        ),
        _gallery(
            "elementwise_in_dA1",
            "* instead of @ in dA1",
            "the sum over the outputs is a matrix product; W2.T * dZ2 agrees with it only when "
            "there is one output (n_y = 1)",
        ),
        Mistake(
            "first_output_only",
            "only the first output's path",
            "W2[:1].T @ dZ2[:1] keeps the path through output 1; hidden unit k feeds every "
            "output, and the chain rule adds all n_y paths: W2.T @ dZ2",
            {DA1: FIRST_OUTPUT_ONLY},
        ),
        _gallery(
            "missing_g_prime",
            "missing g'",
            "dA1 is dL/dA1; the chain goes on through A1 = sigmoid(Z1): "
            "times g'(Z1) = A1 * (1 - A1)",
        ),
        _gallery(
            "matmul_in_dZ1",
            "@ instead of * in dZ1",
            "unit k's da1_k is multiplied by unit k's own slope g'(z1_k): entry by entry, *",
        ),
        Mistake(
            "outer_product_in_dZ1",
            "dA1 @ g'(Z1).T instead of dA1 * g'(Z1)",
            "dA1 @ (A1 * (1 - A1)).T multiplies every unit's da1 by every unit's slope and sums "
            "over the examples: an (n_h, n_h) table. Unit k's da1_k meets only its own slope, "
            "entry by entry: *",
            {DZ1: "dZ1 = dA1 @ g1_prime.T"},
        ),
        Mistake(
            "precedence_in_g_prime",
            "A1 * 1 - A1 for A1 * (1 - A1)",
            "* binds before -: dA1 * A1 * 1 - A1 is (dA1 * A1) - A1. The slope is A1 (1 - A1): "
            "write the parentheses",
            {DZ1: "dZ1 = dA1 * A1 * 1 - A1"},
        ),
        _gallery(
            "g_instead_of_g_prime",
            "g instead of g'",
            "A1 = sigmoid(Z1) is the layer's output, not its slope A1 * (1 - A1)",
        ),
        _gallery(
            "other_activation_g_prime",
            "tanh's derivative for the sigmoid's",
            "1 - A1**2 is tanh' written through A1; this layer is a sigmoid: A1 * (1 - A1)",
        ),
        _gallery(
            "g_prime_of_A1",
            "sigma' evaluated at A1",
            "A1 is already sigmoid(Z1): sigmoid(A1) * (1 - sigmoid(A1)) applies it twice",
        ),
        _gallery(
            "sign_of_g_prime",
            "wrong sign in g'",
            "the sigmoid is increasing, so its slope A1 * (1 - A1) is positive; "
            "A1 * (A1 - 1) is its negative",
        ),
        Mistake(
            "one_over_m_in_dZ1",
            "a 1/m in dZ1",
            "dZ has no 1/m: each column is one example's own dL/dz1. The 1/m belongs to dW and "
            "db, the gradients of the cost J, the mean over the examples (notebook 04)",
            {DZ1: "dZ1 = dA1 * g1_prime / A1.shape[1]"},
        ),
    ),
)


# ---------------------------------------------------------------- predictions

dA1_shape = Prediction(
    name="dA1_shape",
    question="the shape of dA1 for n_x = 2, n_h = 3, n_y = 2 and m = 4 examples",
    answer="(3, 4)",
    why=(
        "dA1 holds one number for each entry of A1 (3, 4): entry (k, j) is dL/da1_k of example "
        "j, how example j's loss changes when its hidden unit k is nudged. A gradient in the "
        "course has the shape of its variable (notebook 00), one column per example."
    ),
    notebook=NOTEBOOK,
    wrong={
        "(2, 4)": "That is dZ2: one row per OUTPUT. dA1 belongs to the hidden layer: one row per "
        "hidden unit.",
        "(3, 2)": "That is W2.T, one of the factors that compute dA1, not dA1 itself: its 2 "
        "columns (the outputs) are summed over.",
        "(2, 3)": "That is W2's shape (n_y, n_h), the weights; dA1 is about the hidden units' "
        "values, one column per example.",
        "(1, 3)": "A row is what the rule 'the derivative of a scalar with respect to a column "
        "is a row' gives for one example (notebook 03 compares it with the course's rule), and "
        "there are 4 examples.",
        "(4, 3)": "The examples are columns in the course, as in A1 (3, 4).",
        "(3, 1)": "That is da1 of one example; the 4 examples give 4 columns.",
    },
)


def _graph_network() -> tuple[np.ndarray, np.ndarray]:
    """``(Z1 (3, 1), dA1 (3, 1))`` of the graph's network (:func:`helpers.widgets.graph.
    example_network`) with ReLU, from the reference."""
    from ..widgets.graph import example_network  # the graph's own network

    parameters, X, Y = example_network()
    _, cache = forward_unchecked(X, parameters, RELU)
    dA1 = backward_unchecked(parameters, cache, X, Y, RELU, intermediates=True)["dA1"]
    return cache["Z1"], dA1


_Z1, _DA1 = _graph_network()
_OFF = int(np.argmin(_Z1[:, 0])) + 1  # the unit with z1 < 0 (units counted from 1)
_UNITS = (1, 2, 3, "none")


def _relu_wrong(unit: int | str, also_zero: str) -> str:
    """Why the pair ``(unit, also_zero)`` is not the answer."""
    if unit == "none":
        return "ReLU's slope is 0 wherever z < 0, and one unit of this example has z1 < 0."
    if unit != _OFF:
        return (
            f"z1_{unit} = {_Z1[unit - 1, 0]:.1f} > 0, where ReLU's slope is 1: "
            f"dz1_{unit} = da1_{unit}, not 0."
        )
    return (
        f"Unit {_OFF} is right, but its red number at a1_{_OFF} is not 0: da1_{_OFF} = "
        f"W2_1{_OFF} dz2 is computed above the activation, before its slope enters."
    )


relu_zero_unit = Prediction(
    name="relu_zero_unit",
    question=(
        "with ReLU in the graph's network, which hidden unit's dz1 (red at z1_k) becomes 0, "
        "and is the red number at its a1_k 0 too?"
    ),
    answer=f"({_OFF}, no)",
    why=(
        f"z1_{_OFF} = {_Z1[_OFF - 1, 0]:.1f} < 0, where ReLU is flat: g'(z1_{_OFF}) = 0, so "
        f"dz1_{_OFF} = da1_{_OFF} * 0 = 0. The red number at a1_{_OFF} is not 0 "
        f"(da1_{_OFF} = {_DA1[_OFF - 1, 0]:.3f}): the gradient reaches the unit's output and "
        "stops at its flat slope. The other units have z1 > 0, where ReLU's slope is 1: it "
        "passes their da1 through unchanged."
    ),
    notebook=NOTEBOOK,
    # a pair, compared as text: (1, "no"), [1, 'no'] and "(1, no)" are the same answer
    choices=tuple(f"({unit}, {also})" for unit in _UNITS for also in ("yes", "no")),
    wrong={
        f"({unit}, {also})": _relu_wrong(unit, also)
        for unit in _UNITS
        for also in ("yes", "no")
        if (unit, also) != (_OFF, "no")
    },
)
