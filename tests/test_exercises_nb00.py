"""Notebook 00's exercises in-process (fast; tests/test_exercises.py runs the notebook itself):
the solutions pass, each wrong answer is named, a stub is "not finished", the references agree with
the course's functions, and the predictions' answers are what the network really gives."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from helpers import compute_cost, forward_propagation, initialize_parameters, load_planar_dataset
from helpers import sigmoid as course_sigmoid
from helpers.exercises import nb00
from helpers.exercises.core import Exercise
from helpers.exercises.editions import SOLUTIONS, WRONG_ANSWERS, blocks
from helpers.network import losses_from_Z2

NOTEBOOK = nb00.NOTEBOOK
EXERCISES = (nb00.forward, nb00.losses)


def answer(code: str):
    """What a block of a solutions or wrong-answers file defines (a function or a prediction),
    run with what the notebook has imported by then (``np``, ``sigmoid``)."""
    given = {"np": np, "sigmoid": course_sigmoid}
    namespace = dict(given)
    exec(code, namespace)  # noqa: S102 (the course's own files)
    defined = [value for name, value in namespace.items() if name not in (*given, "__builtins__")]
    assert len(defined) == 1, code
    return defined[0]


def judge(name: str, code: str):
    exercise = getattr(nb00, name)
    given = answer(code)
    return exercise, (
        exercise.check(given) if isinstance(exercise, Exercise) else exercise.reveal(given)
    )


SOLVED = [(name, code) for name, _, code in blocks(SOLUTIONS / f"{NOTEBOOK}.py")]
WRONG = [(name, mistake, code) for name, mistake, code in blocks(WRONG_ANSWERS / f"{NOTEBOOK}.py")]


@pytest.mark.parametrize("name, code", SOLVED, ids=[name for name, _ in SOLVED])
def test_the_solution_passes(name, code):
    _, result = judge(name, code)
    assert result.finished and result.passed, str(result)


@pytest.mark.parametrize(
    "name, mistake, code", WRONG, ids=[f"{name}-{mistake}" for name, mistake, _ in WRONG]
)
def test_each_wrong_answer_is_named(name, mistake, code):
    exercise, result = judge(name, code)
    assert result.finished and not result.passed, str(result)
    if isinstance(exercise, Exercise):
        assert result.mistakes == {mistake}, str(result)
        title = next(m.title for m in exercise.mistakes if m.name == mistake)
        assert title in " ".join(str(result).split())
    else:
        assert str(result).startswith("Not quite")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_a_stub_is_not_finished(exercise):
    def stub(*args):
        raise NotImplementedError

    result = exercise.check(stub)
    assert not result.finished and str(result).startswith("Not finished yet")


def test_every_exercise_has_a_solution_and_two_wrong_answers():
    for exercise in (*EXERCISES, nb00.Z1_shape, nb00.J_at_start):
        assert exercise.name in dict(SOLVED)
        assert sum(name == exercise.name for name, _, _ in WRONG) >= 2


def test_the_forward_reference_is_the_course_forward_propagation():
    """The reference is helpers.network.forward_unchecked (run with tanh), not formulas again."""
    for problem in nb00.forward.problems():
        X, W1, b1, W2, b2 = problem.args
        A2, cache = forward_propagation(X, {"W1": W1, "b1": b1, "W2": W2, "b2": b2}, "tanh")
        expected = (cache["Z1"], cache["A1"], cache["Z2"], A2)
        for got, want in zip(nb00.forward.reference(*problem.args), expected, strict=True):
            np.testing.assert_array_equal(got, want)


def test_the_losses_reference_agrees_with_the_cross_entropy_and_the_z_form():
    for problem in nb00.losses.problems():
        A2, Y = problem.args
        cross_entropy = -(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
        np.testing.assert_allclose(nb00.losses.reference(A2, Y), cross_entropy, rtol=1e-14)
        Z2 = np.log(A2 / (1 - A2))  # sigma(Z2) = A2
        np.testing.assert_allclose(nb00.losses.reference(A2, Y), losses_from_Z2(Z2, Y), rtol=1e-9)
        assert np.mean(nb00.losses.reference(A2, Y)) * A2.shape[0] == pytest.approx(
            compute_cost(A2, Y), rel=1e-14
        )


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_the_mistakes_differ_from_the_reference_and_from_each_other(exercise):
    """Each mistake changes some output on some problem, and no two mistakes give the same
    outputs on every problem (else the check could not tell which one the learner made)."""

    def signature(outcome) -> object:
        if outcome.error is not None:
            return "raised"
        values = outcome.value if isinstance(outcome.value, tuple) else (outcome.value,)
        return tuple((np.shape(v), tuple(np.round(np.ravel(v), 10))) for v in values)

    def results(outcomes) -> str:
        return str([signature(o) for o in outcomes])

    gallery = exercise._gallery("singles")
    reference = results([exercise._run(exercise.reference, p, False) for p in exercise.problems()])
    seen = {name: results(outcomes) for name, (_, outcomes) in gallery.items()}
    for name, found in seen.items():
        assert found != reference, f"{name} changes nothing"
    for (a, sa), (b, sb) in itertools.combinations(seen.items(), 2):
        assert sa != sb, f"{a} and {b} cannot be told apart"


def test_an_unknown_mistake_is_placed_in_the_learner_s_own_line():
    """The reference unpacks ``parameters``, the learner's function does not: the report points at
    the Z2 line only, once (core's ``_where`` drops lines ``show`` maps to "" and repeats)."""

    def forward(X, W1, b1, W2, b2):
        Z1 = W1 @ X + b1
        A1 = np.tanh(Z1)
        Z2 = W2 @ A1 - b2
        return Z1, A1, Z2, course_sigmoid(Z2)

    text = str(nb00.forward.check(forward))
    assert "so the mistake is in a line that only Z2 and A2 depend on:\n" in text
    assert text.endswith("\n       Z2 = W2 @ A1 + b2")
    assert "parameters" not in text


def test_np_dot_is_the_same_product_as_the_matmul_operator():
    def forward(X, W1, b1, W2, b2):
        Z1 = np.dot(W1, X) + b1
        A1 = np.tanh(Z1)
        Z2 = np.dot(W2, A1) + b2
        return Z1, A1, Z2, 1 / (1 + np.exp(-Z2))

    assert nb00.forward.check(forward).passed


def flower_at_initialisation():
    X, Y = load_planar_dataset()
    A2, cache = forward_propagation(X, initialize_parameters(X.shape[0], 4, 1, seed=2))
    return X, Y, A2, cache


def test_the_shape_prediction_is_the_shape_of_Z1_on_the_flower():
    _, _, _, cache = flower_at_initialisation()
    assert nb00.Z1_shape.reveal(cache["Z1"].shape).passed
    assert nb00.Z1_shape.answer in nb00.Z1_shape.choices
    for wrong in nb00.Z1_shape.wrong:
        assert wrong in nb00.Z1_shape.choices
        assert not nb00.Z1_shape.reveal(wrong).passed


def test_the_cost_prediction_is_the_cost_at_initialisation_and_log_2():
    _, Y, A2, _ = flower_at_initialisation()
    assert nb00.J_at_start.reveal(compute_cost(A2, Y)).passed
    assert nb00.J_at_start.reveal(np.log(2)).passed
    for wrong in nb00.J_at_start.wrong:
        assert str(nb00.J_at_start.reveal(wrong)).startswith("Not quite")
