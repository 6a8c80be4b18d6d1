"""Notebook 02's exercises: dL/dz1 of one sigmoid hidden unit, a derivative along two paths, the
hidden layer's dZ1 in vector form, and two predictions (the shape of dA1; which unit's dz1 ReLU
switches off).

* ``dL_dz1``: the learner's ``dL_dz1(x, y, w1, b1, w2, b2)`` for numbers (one example, one
  sigmoid hidden unit, one output). The reference is the backward pass of
  :func:`helpers.network.backward_unchecked` on that 1-1-1 network with the sigmoid hidden
  activation; the mistakes are its lines changed, printed in the learner's scalar names
  (``dz2 = a2 - y``, ``da1 = w2 * dz2``, ...).
* ``df_dt``: the learner's ``df_dt(t)`` for ``f(t) = u v`` with ``u = t^2``, ``v = sin t``: the
  multivariable chain rule on two paths. Not a formula of the network, so its reference is written
  here, one line per step.
* ``dZ1_of``: the learner's ``dZ1_of(W2, dZ2, A1)``, ``W2 (n_y, n_h)``, ``dZ2 (n_y, m)``,
  ``A1 (n_h, m)`` (a sigmoid layer's outputs) -> ``dZ1 (n_h, m)``: the lines ``dA1 = W2.T @ dZ2``,
  ``g1_prime = g1.g_prime(Z1, A1)``, ``dZ1 = dA1 * g1_prime`` of the reference; the mistakes are
  the bug gallery's (:data:`helpers.bugs.BUGS`).
* ``dA1_shape``: the shape of ``dA1`` for ``n_h = 3``, ``n_y = 2``, ``m = 4``.
* ``relu_zero_unit``: which hidden unit of the graph's network has ``dz1 = 0`` with ReLU.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from ..activations import get_activation
from ..bugs import BUGS, LINES, shown
from ..network import backward_unchecked, forward_unchecked
from .core import Exercise, Mistake, Prediction, Problem

NOTEBOOK = "02_chain_rule_dZ1"
SIGMOID = get_activation("sigmoid")
RELU = get_activation("relu")

# the reference reads W2 from the parameters in this line; "w1 in place of w2" reads W1 there
READ_W2 = LINES["W2"]  # W2, Z1, A1, A2 = parameters["W2"], cache["Z1"], ...
READ_W1 = READ_W2.replace('parameters["W2"]', 'parameters["W1"]')


def _gallery(name: str, title: str, description: str) -> Mistake:
    """The bug gallery's mistake ``name`` for a sigmoid hidden layer, told in this notebook's
    words."""
    return Mistake(name, title, description, BUGS[name].replacements(SIGMOID))


# ---------------------------------------------------------------- dL/dz1 of one hidden unit


def in_scalar_names(line: str) -> str:
    """A line of the reference as the learner writes it for numbers: ``dZ2 = A2 - Y`` ->
    ``dz2 = a2 - y``, ``dA1 = W2.T @ dZ2`` -> ``da1 = w2 * dz2``, ``g1_prime`` spelled out for the
    sigmoid; the line that reads ``W2`` (or ``W1``, the mistake) becomes the ``da1`` line."""
    if line in (READ_W2, READ_W1):
        return f"da1 = {'w2' if line == READ_W2 else 'w1'} * dz2"
    line = shown(line, SIGMOID).replace("W2.T @ ", "w2 * ")
    return re.sub(r"\b(dZ2|dA1|dZ1|A2|A1|Z1|W2|Y)\b", lambda name: name.group().lower(), line)


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
    neither is 1), one negative ``w2``, hidden units on both sides of 0."""
    examples = (
        (0.5, 1.0, 0.8, -0.2, 1.5, 0.1),
        (-1.0, 0.0, 1.3, 0.4, -0.9, 0.3),
        (2.0, 1.0, -0.6, 0.5, 2.0, -1.0),
        (1.5, 0.0, 0.7, -1.2, 1.1, 0.2),
    )
    return [
        Problem(f"x = {x:g}, y = {y:g}, w1 = {w1:g}, w2 = {w2:g}", (x, y, w1, b1, w2, b2))
        for x, y, w1, b1, w2, b2 in examples
    ]


dL_dz1 = Exercise(
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
        "Multiply the three factors: (a2 - y) * w2 * a1 * (1 - a1).",
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
            {LINES["dA1"]: "dA1 = dZ2"},
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
            {LINES["dZ2"]: "dZ2 = -Y / A2 + (1 - Y) / (1 - A2)"},
        ),
    ),
)


# ---------------------------------------------------------------- two paths: f(t) = u(t) v(t)


def _df_dt(t):
    u, v = t**2, np.sin(t)
    du_dt, dv_dt = 2 * t, np.cos(t)
    dp_du, dp_dv = v, u
    return dp_du * du_dt + dp_dv * dv_dt


TWO_PATHS = "return dp_du * du_dt + dp_dv * dv_dt"


def _t_values() -> list[Problem]:
    """``(t,)``: seven values from -2 to 3 (0 and sign changes of sin and cos among them), an
    array of shape (2, 3), and three values beyond 2 pi."""
    return [
        Problem("seven values of t from -2 to 3", (np.linspace(-2.0, 3.0, 7),)),
        Problem("t of shape (2, 3)", (np.array([[0.3, 1.1, 1.9], [-0.7, 2.4, 4.0]]),)),
        Problem("t = 5, 6, 7", (np.array([5.0, 6.0, 7.0]),)),
    ]


df_dt = Exercise(
    name="df_dt",
    title="df/dt for f = u v, u = t^2, v = sin t: two paths",
    reference=_df_dt,
    problems=_t_values,
    outputs=("df/dt",),
    notebook=NOTEBOOK,
    argument_names=("t",),
    problem_word="arrays of t",
    hints=(
        "Path 1, t -> u -> f: u moves by du/dt = 2t per unit of t, and with v held fixed p = u v "
        "moves by dp/du = v per unit of u. Path 2, t -> v -> f: the same with v and u swapped.",
        "Each path contributes the product of its slopes; the nudge of t travels both paths at "
        "once, and for small nudges their effects add up.",
    ),
    mistakes=(
        Mistake(
            "path_through_u_only",
            "one path only (through u)",
            "t also reaches f through v = sin t: that path adds dp/dv * dv/dt = t^2 cos t",
            {TWO_PATHS: "return dp_du * du_dt"},
        ),
        Mistake(
            "path_through_v_only",
            "one path only (through v)",
            "t also reaches f through u = t^2: that path adds dp/du * du/dt = 2t sin t",
            {TWO_PATHS: "return dp_dv * dv_dt"},
        ),
        Mistake(
            "derivatives_multiplied",
            "the derivatives of u and v multiplied",
            "(u v)' is not u' v': the effects of the two paths add, each being a slope of one "
            "factor times the other factor",
            {TWO_PATHS: "return du_dt * dv_dt"},
        ),
        Mistake(
            "partials_swapped",
            "the partial derivatives swapped",
            "with v held fixed, p = u v changes by v per unit of u: dp/du = v, not u",
            {"dp_du, dp_dv = v, u": "dp_du, dp_dv = u, v"},
        ),
    ),
)


# ---------------------------------------------------------------- dZ1 of a sigmoid layer

NOT_THE_LEARNERS = {LINES[name] for name in ("m", "W2", "dZ2", "dW2", "db2", "dW1", "db1")}


def in_layer_names(line: str) -> str:
    """A reference line as the learner's ``dZ1_of`` writes it: ``g1_prime`` spelled out for the
    sigmoid; ``""`` for the lines the learner has no counterpart of (``dZ2`` is an argument)."""
    return "" if line in NOT_THE_LEARNERS else shown(line, SIGMOID)


def _hidden_layer(backward: Callable) -> Callable:
    """The learner's ``dZ1_of(W2, dZ2, A1)`` out of a backward pass with the signature of
    :func:`helpers.network.backward_unchecked`, run with the sigmoid hidden activation.

    The backward pass starts from ``dZ2 = A2 - Y``: it is handed ``A2 = dZ2`` and ``Y = 0``, so it
    starts from the given ``dZ2`` exactly; ``Z1`` is the sigmoid's input that gives ``A1``, and
    ``X`` (read only for ``m`` and ``dW1``) is a row of zeros."""

    def dZ1_of(W2, dZ2, A1):
        m = np.shape(dZ2)[1]
        cache = {"Z1": np.log(A1 / (1 - A1)), "A1": A1, "A2": dZ2}
        Y = np.zeros_like(dZ2)
        return backward({"W2": W2}, cache, np.zeros((1, m)), Y, SIGMOID, intermediates=True)["dZ1"]

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


dZ1_of = Exercise(
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
        "One example first. A nudge of z1_k reaches L through a1_k and then through EVERY output "
        "z2_i, with dz2_i/da1_k = W2[i, k]: add the n_y paths (section 3). So "
        "da1_k = sum over i of W2[i, k] dz2_i, and dz1_k = da1_k * g'(z1_k).",
        "The sum over i runs down column k of W2. A matrix times a column sums along rows: "
        "(M v)_k = sum_i M[k, i] v_i. Which matrix has column k of W2 as its row k?",
        "dA1 = W2.T @ dZ2 does all the sums, for every example (column) at once. Then each "
        "unit's own slope, entry by entry: the sigmoid's g' is A1 * (1 - A1), and * multiplies "
        "entry by entry.",
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
    ),
)


# ---------------------------------------------------------------- predictions

dA1_shape = Prediction(
    name="dA1_shape",
    question="the shape of dA1 for n_x = 2, n_h = 3, n_y = 2 and m = 4 examples",
    answer="(3, 4)",
    why=(
        "dA1 holds one number for each entry of A1 (3, 4): entry (k, j) is dL/da1_k of example "
        "j, how the loss changes when hidden unit k of example j is nudged. A gradient in the "
        "course has the shape of its variable, one column per example."
    ),
    notebook=NOTEBOOK,
    choices=("(3, 4)", "(2, 4)", "(3, 2)", "(1, 3)", "(4, 3)", "(3, 1)"),
    wrong={
        "(2, 4)": "That is dZ2: one row per OUTPUT. dA1 belongs to the hidden layer: one row per "
        "hidden unit.",
        "(3, 2)": "That is W2.T, one of the factors that compute dA1, not dA1 itself: its 2 "
        "columns (the outputs) are summed over.",
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

relu_zero_unit = Prediction(
    name="relu_zero_unit",
    question="with ReLU in the graph's network, which hidden unit's dz1 (red at z1_k) becomes 0?",
    answer=_OFF,
    why=(
        f"z1_{_OFF} = {_Z1[_OFF - 1, 0]:.1f} < 0, where ReLU is flat: g'(z1_{_OFF}) = 0, so "
        f"dz1_{_OFF} = da1_{_OFF} * 0 = 0. The red number at a1_{_OFF} is not 0 "
        f"(da1_{_OFF} = {_DA1[_OFF - 1, 0]:.3f}): the gradient reaches the unit's output and "
        "stops at its flat slope. The other units have z1 > 0, where ReLU's slope is 1: it "
        "passes their da1 through unchanged."
    ),
    notebook=NOTEBOOK,
    choices=(1, 2, 3, "none"),
    wrong={
        **{
            k: f"z1_{k} = {_Z1[k - 1, 0]:.1f} > 0, where ReLU's slope is 1: dz1_{k} = da1_{k}, "
            "not 0."
            for k in (1, 2, 3)
            if k != _OFF
        },
        "none": "ReLU's slope is 0 wherever z < 0, and one unit of this example has z1 < 0.",
    },
)
