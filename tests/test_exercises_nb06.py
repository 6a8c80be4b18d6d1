"""Notebook 06's exercises in-process, beyond the solutions, wrong answers and stubs
(tests/test_exercise_answers.py): right answers written another way pass, and the learner's own
gradient check reports without ever raising."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from helpers.exercises import nb06
from helpers.exercises.editions import SOLUTIONS, WRONG_ANSWERS, blocks

NOTEBOOK = "06_gradient_checking"
DEFINES = {  # what each exercise's cell defines
    "numerical_gradient": "my_numerical_gradient",
    "relative_error": "my_relative_error",
    "backward_propagation": "my_backward_propagation",
    "one_output": "blind_spot",
    "missing_one_over_m": "error_without_one_over_m",
}


def defined(code: str, name: str):
    namespace = {"np": np}
    exec(code, namespace)  # noqa: S102 (our own solution and wrong-answer files)
    return namespace[DEFINES[name]]


def solution(name: str):
    code = next(c for n, _, c in blocks(SOLUTIONS / f"{NOTEBOOK}.py") if n == name)
    return defined(code, name)


WRONG = blocks(WRONG_ANSWERS / f"{NOTEBOOK}.py")


def test_every_exercise_has_at_least_two_wrong_answers():
    names = [n for n, _, _ in WRONG]
    assert all(names.count(name) >= 2 for name in DEFINES)


# --- right answers written otherwise -----------------------------------------------------------


def with_copies(f, x, epsilon=1e-6):
    """Two copies per entry, the course's assignment style."""
    grad = np.zeros(np.shape(x))
    for index in np.ndindex(grad.shape):
        plus, minus = np.array(x, dtype=float), np.array(x, dtype=float)
        plus[index] += epsilon
        minus[index] -= epsilon
        grad[index] = (f(plus) - f(minus)) / (2 * epsilon)
    return grad


def in_place_and_back(f, x, epsilon=1e-6):
    """Nudges the caller's x with += and -= and puts it back: round-off may leave an ulp."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        x[index] += epsilon
        f_plus = f(x)
        x[index] -= 2 * epsilon
        f_minus = f(x)
        x[index] += epsilon
        grad[index] = (f_plus - f_minus) / (2 * epsilon)
    return grad


@pytest.mark.parametrize("fn", [with_copies, in_place_and_back])
def test_other_right_numerical_gradients_pass(fn):
    assert nb06.numerical_gradient.check(fn).passed


def test_a_relative_error_with_sqrt_of_sums_passes():
    def mine(a, n):
        sizes = np.sqrt(np.sum(a**2)) + np.sqrt(np.sum(n**2))
        return 0.0 if sizes == 0 else np.sqrt(np.sum((a - n) ** 2)) / sizes

    assert nb06.relative_error.check(mine).passed


def test_two_zero_gradients_are_part_of_the_task():
    """The spec says 0 when both are 0: the formula alone (0/0 = nan) is named, not passed."""
    problems = nb06.relative_error._problems()
    assert any(not np.any(a) and not np.any(n) for a, n in (p.args for p in problems))
    text = str(
        nb06.relative_error.check(
            lambda a, n: np.linalg.norm(a - n) / (np.linalg.norm(a) + np.linalg.norm(n))
        )
    )
    assert "two zero gradients give 0/0" in text


def test_a_numerical_gradient_that_ignores_its_epsilon_is_named():
    def fixed_step(f, x, epsilon=1e-6):
        return with_copies(f, x, 1e-6)

    result = nb06.numerical_gradient.check(fixed_step)
    assert result.mistakes == {"epsilon_ignored"}, str(result)


def test_the_forward_difference_shows_the_learner_s_line_not_a_right_one():
    code = next(c for n, m, c in WRONG if m == "forward_difference")
    text = str(nb06.numerical_gradient.check(defined(code, "numerical_gradient")))
    assert "you probably wrote: grad[index] = (f(x_plus) - f(x)) / epsilon" in text
    assert "x[index] = saved" not in text


def test_the_mistakes_change_lines_of_the_helpers_functions():
    """The references are helpers.gradcheck's functions: their formulas are written once."""
    from helpers import gradcheck

    assert nb06.numerical_gradient.reference is gradcheck.numerical_gradient
    assert nb06.relative_error.reference is gradcheck.relative_error
    assert nb06.backward_propagation.hints  # the formulas come back as hints, in levels


# --- the learner's own gradient check ----------------------------------------------------------


def stub(*args):
    raise NotImplementedError


def tools(**changes):
    chosen = {name: solution(name) for name in ("backward_propagation", "numerical_gradient")}
    chosen["relative_error"] = solution("relative_error")
    chosen.update(changes)
    return chosen["backward_propagation"], chosen["numerical_gradient"], chosen["relative_error"]


def test_your_gradient_check_with_right_tools_calls_every_gradient_right():
    text = str(nb06.your_gradient_check(*tools()))
    assert text.count("  right") == 4 and "may be off" not in text, text
    assert "n_y=2" in text


def test_your_gradient_check_as_shipped_says_not_finished():
    text = str(nb06.your_gradient_check(stub, stub, stub))
    assert text.startswith("Not finished yet") and "NotImplementedError" in text


def test_your_gradient_check_finds_a_wrong_backward_pass():
    wrong = next(c for n, m, c in WRONG if m == "other_activation_g_prime")
    text = str(
        nb06.your_gradient_check(
            *tools(backward_propagation=defined(wrong, "backward_propagation"))
        )
    )
    assert "dW1  relative error" in text and "WRONG" in text and "dW2  relative error" in text


def test_your_gradient_check_warns_about_wrong_tools_and_never_raises():
    absolute = next(c for n, m, c in WRONG if m == "absolute_error")
    text = str(nb06.your_gradient_check(*tools(relative_error=defined(absolute, "relative_error"))))
    assert "your relative_error did not pass its own check" in " ".join(text.split())
    no_norm = next(c for n, m, c in WRONG if m == "no_norm")
    text = str(nb06.your_gradient_check(*tools(relative_error=defined(no_norm, "relative_error"))))
    assert "not one number" in text
    for junk in (None, 3, lambda *args: 1 / 0, lambda *args: "text"):
        for position in range(3):
            arguments = list(tools())
            arguments[position] = junk
            assert isinstance(str(nb06.your_gradient_check(*arguments)), str)


def test_your_gradient_check_never_cuts_a_message_and_keeps_to_the_cell_width():
    wrong = next(c for n, m, c in WRONG if m == "square_of_difference")
    backward = defined(wrong.replace("W2.T @ dZ2", "W2 @ dZ2"), "backward_propagation")
    text = str(nb06.your_gradient_check(*tools(backward_propagation=backward)))
    assert "ValueError" in text and "see the checker" not in text, text
    assert all(len(line) <= 92 for line in text.splitlines()), text
    assert "gufunc signature" in " ".join(text.split()), text  # the whole message, not cut


def test_a_prediction_of_one_is_told_it_is_right_to_one_digit():
    text = " ".join(str(nb06.missing_one_over_m.reveal(1)).split())
    assert "Right to one digit" in text and "0.995" in text
    assert nb06.missing_one_over_m.reveal("399/401").passed


def test_the_predictions_answers_are_the_notebook_s_numbers():
    assert nb06.missing_one_over_m.answer == pytest.approx((400 - 1) / (400 + 1), rel=1e-3)
    assert nb06.one_output.answer in nb06.one_output.choices
    assert Path(SOLUTIONS / f"{NOTEBOOK}.py").exists()
