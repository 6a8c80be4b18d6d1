"""Notebook 06's exercises: the learner's own gradient check, then their own backward pass.

* ``numerical_gradient``: centred differences of ``f`` at ``x``, one entry at a time; the reference
  is :func:`helpers.gradcheck.numerical_gradient`. The check also looks at what the learner's
  function leaves in the ``x`` it was handed (it must be the caller's ``x``, unchanged).
* ``relative_error``: ``||analytic - numeric|| / (||analytic|| + ||numeric||)``; the reference is
  :func:`helpers.gradcheck.relative_error`.
* ``backward_propagation``: the backward pass of the tanh network, the checker of
  :mod:`helpers.checker` (its mistakes are the gallery of :mod:`helpers.bugs`).
* :func:`your_gradient_check`: the learner's ``numerical_gradient`` and ``relative_error``,
  applied to the learner's backward pass, on a network with two outputs and weights of order 1.
* Two predictions about the bug gallery: which mistake one output cannot show, and the relative
  error of a missing ``1/m`` for ``m = 400``.
"""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Callable

import numpy as np

from .. import gradcheck
from ..activations import get_activation
from ..checker import Network, backward_exercise, network_problem
from ..mistakes import with_lines
from ..network import cost_from_Z2, forward_unchecked
from .core import (
    WIDTH,
    Exercise,
    Mistake,
    Prediction,
    Problem,
    Report,
    TimeLimit,
    call_with_time_limit,
)

NOTEBOOK = "06_gradient_checking"
TANH = get_activation("tanh")


# ---------------------------------------------------------------- numerical_gradient


def _cost_of(key: str, network: Network, seed: int) -> tuple[Callable, np.ndarray]:
    """``(f, x)``: the cost ``J`` (from ``Z2``) of a tanh network with weights ~ N(0, 1), as a
    function of its parameter ``key`` alone, and that parameter's value (shape of ``key``)."""
    parameters, _, X, Y = network_problem(network, seed, "tanh").args

    def J(value: np.ndarray) -> float:
        _, cache = forward_unchecked(X, {**parameters, key: value}, TANH)
        return cost_from_Z2(cache["Z2"], Y)

    return J, parameters[key]


def _log_sum_exp(x: np.ndarray) -> float:
    """``log(e^x1 + ... + e^xn)``: every entry's slope depends on every other entry."""
    return float(np.log(np.sum(np.exp(x))))


def _numerical_gradient_problems() -> list[Problem]:
    W1_cost, W1 = _cost_of("W1", Network(3, 4, 2, 6), seed=60)
    b1_cost, b1 = _cost_of("b1", Network(2, 3, 1, 5), seed=61)
    return [
        Problem(  # a large step: a function that ignores its epsilon shows here
            "log-sum-exp of x (4,), epsilon = 1e-2",
            (_log_sum_exp, np.array([0.3, -1.2, 0.8, 2.0]), 1e-2),
        ),
        Problem(
            "J of a network with 2 outputs, as a function of W1 (4, 3), epsilon = 1e-4",
            (W1_cost, W1, 1e-4),
        ),
        Problem(
            "J of a network, as a function of b1 (3, 1), epsilon = 1e-6",
            (b1_cost, b1, 1e-6),
        ),
    ]


def _gradient_and_x(function: Callable, problem: Problem) -> tuple[object, np.ndarray]:
    """``(what function(f, x, epsilon) returns, what it left in x)``: x must come back unchanged."""
    f, x, epsilon = problem.args
    x = x.copy()  # the function's own x: whatever it leaves there is the second output
    return function(f, x, epsilon), x


# The reference's lines (helpers.gradcheck.numerical_gradient) that the mistakes change.
_COPY = "x = np.array(x, dtype=float)"
_STEP_UP = "x[index] = saved + epsilon"
_STEP_BACK = "x[index] = saved - epsilon"
_F_PLUS = "f_plus = f(x)"
_F_MINUS = "f_minus = f(x)"
_RESTORE = "x[index] = saved"
_CENTRED = "grad[index] = (f_plus - f_minus) / (2 * epsilon)"
_DIVIDED_BY_EPSILON = "grad[index] = (f_plus - f_minus) / epsilon"
_NOT_RESTORED = "# (nothing puts x[index] back)"


def _changed(lines: dict[str, str]) -> Callable:
    """The course's ``numerical_gradient`` with ``lines`` changed (a mistake written whole, so
    that the check can show the line a learner writes for it rather than the lines it changes)."""
    return with_lines(gradcheck.numerical_gradient, lines)


numerical_gradient = Exercise(
    name="numerical_gradient",
    title="centred differences, one entry at a time",
    reference=gradcheck.numerical_gradient,
    problems=_numerical_gradient_problems,
    outputs=("gradient", "x afterwards"),
    returns="tuple",
    call=_gradient_and_x,
    notebook=NOTEBOOK,
    argument_names=("f", "x", "epsilon"),
    hints=(
        "Nudge one entry at a time: for each index, evaluate f with that entry raised by "
        "epsilon, then lowered by epsilon, every other entry where it was. np.ndindex(x.shape) "
        "gives every index of an array of any shape (a vector, a matrix).",
        "Entry p of the result is (f(x + epsilon e_p) - f(x - epsilon e_p)) / (2 epsilon), where "
        "e_p is 1 in entry p and 0 elsewhere: the two points are 2 epsilon apart. Keep the "
        "entry's value (saved = x[index]) before you change it, and use the epsilon you are "
        "given.",
        "Work on a copy, x = np.array(x, dtype=float), so that the caller's array is never "
        "changed; and after the two evaluations put the entry back, x[index] = saved, before "
        "the next one, or every later entry is measured at a shifted point.",
    ),
    mistakes=(
        Mistake(
            "forward_difference",
            "a forward difference",
            "(f(x + epsilon e_p) - f(x)) / epsilon has an error proportional to epsilon; the "
            "centred difference's is proportional to epsilon^2",
            {_CENTRED: "grad[index] = (f(x_plus) - f(x)) / epsilon"},
            function=_changed({_STEP_BACK: _RESTORE, _CENTRED: _DIVIDED_BY_EPSILON}),
        ),
        Mistake(
            "divided_by_epsilon",
            "divided by epsilon instead of 2 epsilon",
            "x + epsilon e_p and x - epsilon e_p are 2 epsilon apart: the slope divides by "
            "2 epsilon",
            {_CENTRED: _DIVIDED_BY_EPSILON},
        ),
        Mistake(
            "whole_array_nudged",
            "the whole array nudged",
            "x + epsilon adds epsilon to every entry at once: each entry of the result is then "
            "the slope along all entries together, the same number everywhere. Move one entry, "
            "x[index], and hold the others fixed",
            {_CENTRED: "grad[index] = (f(x + epsilon) - f(x - epsilon)) / (2 * epsilon)"},
            function=_changed(
                {
                    _STEP_UP: _RESTORE,
                    _STEP_BACK: _RESTORE,
                    _F_PLUS: "f_plus = f(x + epsilon)",
                    _F_MINUS: "f_minus = f(x - epsilon)",
                }
            ),
        ),
        Mistake(
            "epsilon_ignored",
            "the epsilon argument ignored",
            "the step is written as a number instead of the argument epsilon: the caller's step "
            "is not the one taken (a larger step has a larger error, a smaller one more "
            "round-off)",
            {
                _STEP_UP: "x[index] = saved + 1e-6",
                _STEP_BACK: "x[index] = saved - 1e-6",
                _CENTRED: "grad[index] = (f_plus - f_minus) / (2 * 1e-6)",
            },
        ),
        Mistake(
            "entry_not_restored",
            "the entry not put back",
            "x[index] stays at saved - epsilon, so every later entry is measured at a point "
            "where the earlier ones have moved",
            {_RESTORE: _NOT_RESTORED},
        ),
        Mistake(
            "caller_x_changed",
            "the caller's x changed",
            "without a copy, x is the caller's own array: the entries not put back stay changed "
            "after the call (a network's weights moved by -epsilon)",
            {_COPY: "# (no copy of x)", _RESTORE: _NOT_RESTORED},
        ),
    ),
)


# ---------------------------------------------------------------- relative_error


def _relative_error_problems() -> list[Problem]:
    rng = np.random.default_rng(62)
    g = rng.standard_normal(6)
    G = rng.standard_normal((2, 3))
    tiny = 1e-4 * rng.standard_normal(5)
    return [
        Problem(
            "a right gradient and its measurement, 1e-9 apart", (g, g * (1 + 1e-9 * rng.random(6)))
        ),
        Problem("backprop's gradient twice the measured one", (2 * g, g)),
        Problem("tiny gradients (entries about 1e-4), 1 % apart", (tiny, 1.01 * tiny)),
        Problem("(2, 3) matrices pointing opposite ways", (G, -0.5 * G)),
        Problem("one entry of six off by 0.5", (g, g + 0.5 * (np.arange(6) == 2))),
        Problem("two zero gradients (2, 3): a parameter J does not depend on", (0 * G, 0 * G)),
    ]


# The reference's lines (helpers.gradcheck.relative_error) that the mistakes change.
_BOTH_ZERO = "return 0.0  # both gradients are zero: they agree"
_DENOMINATOR = "denominator = np.linalg.norm(analytic) + np.linalg.norm(numeric)"
_RATIO = "return float(np.linalg.norm(analytic - numeric) / denominator)"
_ENTRYWISE = "denominator = np.abs(analytic) + np.abs(numeric)"

relative_error = Exercise(
    name="relative_error",
    title="the relative error of two gradients",
    reference=gradcheck.relative_error,
    problems=_relative_error_problems,
    outputs=("relative error",),
    notebook=NOTEBOOK,
    argument_names=("analytic", "numeric"),
    hints=(
        "The size of the difference, ||analytic - numeric||, means nothing alone: multiply J by "
        "1000 and it is 1000 times larger, for the same agreement. Divide it by a size of the "
        "gradients themselves.",
        "Divide by both sizes, ||analytic|| + ||numeric||: neither gradient is taken as the "
        "truth, and the triangle inequality keeps the result between 0 (equal) and 1 (one is "
        "0, or they point opposite ways).",
        "||analytic - numeric|| / (||analytic|| + ||numeric||), each norm the square root of the "
        "sum of squared entries over the whole array (np.linalg.norm does that for a vector or "
        "a matrix). When both gradients are 0 this is 0/0: they agree, so return 0.",
    ),
    mistakes=(
        Mistake(
            "absolute_error",
            "the absolute error",
            "||analytic - numeric|| alone changes with the scale of J: tiny gradients always "
            "look right, large ones always wrong",
            {_RATIO: "return np.linalg.norm(analytic - numeric)"},
        ),
        Mistake(
            "numeric_norm_only",
            "divided by ||numeric|| only",
            "dividing by one gradient's size takes it as the truth; the error is no longer "
            "symmetric nor at most 1",
            {_DENOMINATOR: "denominator = np.linalg.norm(numeric)"},
        ),
        Mistake(
            "no_norm",
            "no norm: one error per entry",
            "the formula is applied entry by entry (absolute values for norms): an array, not "
            "one number for the whole gradient",
            {_DENOMINATOR: _ENTRYWISE, _RATIO: "return np.abs(analytic - numeric) / denominator"},
        ),
        Mistake(
            "mean_of_entries",
            "the mean of the entries' relative errors",
            "one relative error per entry, then their mean: a tiny entry that is off counts as "
            "much as a large one, and the thresholds of the course are set for the Euclidean "
            "norm of the whole difference",
            {
                _DENOMINATOR: _ENTRYWISE,
                _RATIO: "return float(np.mean(np.abs(analytic - numeric) / denominator))",
            },
        ),
        Mistake(
            "largest_entry",
            "the largest entry instead of the norm",
            "max|v| is a size too, but the task asks for the Euclidean norm, sqrt of the sum of "
            "squares over all entries (np.linalg.norm), for which the course's thresholds are set",
            {
                _DENOMINATOR: "denominator = np.max(np.abs(analytic)) + np.max(np.abs(numeric))",
                _RATIO: "return float(np.max(np.abs(analytic - numeric)) / denominator)",
            },
        ),
        Mistake(
            "zero_gradients_not_handled",
            "two zero gradients give 0/0",
            "when both gradients are 0 (a parameter J does not depend on), the formula is 0/0 = "
            "nan; they agree, so the relative error is 0",
            {"if not np.any(analytic) and not np.any(numeric):": "# (no case for 0/0)"},
            function=with_lines(gradcheck.relative_error, {_BOTH_ZERO: "pass"}),
        ),
    ),
)


# ---------------------------------------------------------------- backward_propagation

backward_propagation = backward_exercise("tanh")

YOUR_NETWORK = Network(3, 4, 2, 5)  # two outputs, nothing square, weights ~ N(0, 1)


def _call(function: Callable, args: tuple, seconds: float = 2.0) -> tuple[object, str]:
    """``(value, "")`` or ``(None, what went wrong)``: the learner's code never raises here."""
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return call_with_time_limit(function, args, {}, seconds), ""
    except TimeLimit:
        return None, "did not finish in time"
    except (Exception, SystemExit) as error:  # the learner's code may raise anything
        message = str(error).splitlines()[0] if str(error) else ""
        return None, f"raised {type(error).__name__}: {message}".rstrip(": ")


def your_gradient_check(
    my_backward: Callable, my_numerical_gradient: Callable, my_relative_error: Callable
) -> Report:
    """The learner's gradient check of the learner's backward pass: ``my_numerical_gradient`` of
    the cost (computed from ``Z2``) with respect to each parameter, compared with ``my_backward``'s
    gradient by ``my_relative_error``, on ``YOUR_NETWORK``. Never raises."""
    small = network_problem(Network(2, 2, 1, 2), 0, "tanh")
    probes = (  # each tool on a tiny input: is it still the stub?
        (my_numerical_gradient, my_numerical_gradient, (_log_sum_exp, np.zeros(2), 1e-3)),
        (my_relative_error, my_relative_error, (np.ones(2), np.ones(2))),
        (my_backward, backward_propagation.call, (my_backward, small)),
    )
    unfinished = [
        getattr(tool, "__name__", repr(tool))
        for tool, function, args in probes
        if not callable(tool) or "NotImplementedError" in _call(function, args)[1]
    ]
    if unfinished:
        names = ", ".join(unfinished[:-1]) + " and " * (len(unfinished) > 1) + unfinished[-1]
        return Report(
            _fill(f"Not finished yet: write {names} first (a stub raises NotImplementedError).")
        )
    problem = network_problem(YOUR_NETWORK, seed=63, activation="tanh")
    grads, trouble = _call(backward_propagation.call, (my_backward, problem))
    if trouble or not isinstance(grads, dict):
        what = trouble or f"returned a {type(grads).__name__}, not a dict"
        return Report(
            _fill(f"Your backward pass {what}.") + "\n" + _fill("The checker's diagnosis is below.")
        )
    epsilon = gradcheck.DEFAULT_EPSILON
    lines = [
        f"Your gradient check of your backward pass, on a network with {YOUR_NETWORK}\n"
        f"(weights ~ N(0, 1), J computed from Z2, epsilon = {epsilon:.0e}):"
    ]
    for key, value in problem.args[0].items():
        J, _ = _cost_of(key, YOUR_NETWORK, seed=63)
        numeric, trouble = _call(my_numerical_gradient, (J, value.copy(), epsilon))
        error = None
        if not trouble:
            error, trouble = _call(my_relative_error, (grads.get("d" + key), numeric))
        lines.append(_fill(f"d{key:<3} {_your_verdict(error, trouble)}", indent="  "))
    failed = [
        name
        for name, exercise, tool in (
            ("numerical_gradient", numerical_gradient, my_numerical_gradient),
            ("relative_error", relative_error, my_relative_error),
        )
        if not exercise.check(tool).passed
    ]
    if failed:
        its, it = ("its", "it") if len(failed) == 1 else ("their", "them")
        warning = (
            f"(your {' and your '.join(failed)} did not pass {its} own check above, so these "
            f"verdicts may be off: fix {it} first)"
        )
        lines.append(_fill(warning, indent="  "))
    return Report("\n".join(lines))


def _fill(text: str, indent: str = "") -> str:
    """``text`` wrapped to the width of a cell; an indented line continues one space further in."""
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + " " * bool(indent),
        break_long_words=False,
        break_on_hyphens=False,
    )


def _your_verdict(error: object, trouble: str) -> str:
    if trouble:
        return f"your code {trouble}"
    if isinstance(error, np.ndarray) and error.size != 1:
        return f"relative error: an array of shape {error.shape}, not one number"
    try:
        error = float(error)
    except (TypeError, ValueError):
        return f"relative error: a {type(error).__name__}, not a number"
    if not np.isfinite(error):
        return f"relative error {error}"
    word = {"correct": "right", "suspicious": "look closer", "wrong": "WRONG"}
    return f"relative error {error:.1e}  {word[gradcheck.verdict(error)]}"


# ---------------------------------------------------------------- predictions

one_output = Prediction(
    name="one_output",
    question="Which of these mistakes passes the gradient check on the flower network (n_y = 1)?",
    answer="elementwise_in_dA1",
    choices=("missing_transpose_W2", "elementwise_in_dA1", "missing_g_prime", "one_over_m_twice"),
    why=(
        "With one output, W2.T is a column (n_h, 1) and dZ2 a row (1, m): W2.T * dZ2 broadcasts "
        "to their outer product, which is exactly W2.T @ dZ2 (a matrix product whose inner "
        "dimension is 1). The line is wrong all the same: with n_y > 1 it gives other numbers. "
        "A check on one output cannot see it; check on a network with several outputs."
    ),
    wrong={
        "missing_transpose_W2": (
            "On the flower network W2 @ dZ2 is (1, 4) @ (1, 400): NumPy refuses it before any "
            "gradient check (on a network where n_y = n_h it would run)."
        ),
        "missing_g_prime": (
            "At weights of order 1, tanh'(Z1) = 1 - A1**2 is far from 1 for most examples: "
            "leaving it out changes dW1 and db1 a lot."
        ),
        "one_over_m_twice": (
            "Every gradient is m = 400 times too small: they point the right way, but the "
            "relative error divides by their sizes and sees the difference."
        ),
    },
    notebook=NOTEBOOK,
)

missing_one_over_m = Prediction(
    name="missing_one_over_m",
    question="The relative error, to three digits, of a backward pass without 1/m on the flower "
    "data (m = 400)?",
    answer=round(399 / 401, 3),
    tolerance=1e-3,
    why=(
        "Without 1/m every dW and db is the sum over the examples, m times the mean: backprop "
        "gives m G where the measurement gives G. The relative error is ||m G - G|| / (||m G|| "
        "+ ||G||) = (m - 1)/(m + 1) = 399/401 = 0.995: close to 1, whatever G is, and 0 for "
        "m = 1 (never check on a single example). 1/m applied twice gives G/m, and the same "
        "(m - 1)/(m + 1)."
    ),
    wrong={
        1: (
            "Right to one digit, as the check prints it (1.0e+00). To three digits it is just "
            "below 1: a gradient m times too large still points the right way, and the error is "
            "exactly 1 only when one gradient is 0 or they point opposite ways."
        ),
        0.99: "Close: to three digits it is 0.995.",
        399 / 400: (
            "(m - 1)/m divides ||m G - G|| by ||m G|| alone; the relative error divides by both "
            "sizes, ||m G|| + ||G|| = 401 ||G||."
        ),
        400: (
            "400 is how many times too large each gradient is; a relative error divides by both "
            "sizes, so it is never more than 1."
        ),
        399: "||m G - G|| = 399 ||G||, but the denominator is ||m G|| + ||G|| = 401 ||G||.",
    },
    notebook=NOTEBOOK,
)
