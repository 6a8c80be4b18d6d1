"""Notebook 04's exercises in-process (fast; tests/test_exercises.py runs the notebook itself):
the solutions pass, each wrong answer is named, a stub is "not finished", and what the checks and
predictions say matches the formulas they stand for."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.deep import linear_backward
from helpers.exercises import nb04
from helpers.exercises.core import Exercise, Prediction
from helpers.exercises.editions import SOLUTIONS, WRONG_ANSWERS, blocks

NOTEBOOK = nb04.NOTEBOOK


def answer(code: str):
    """What a block of a solutions or wrong-answers file defines (a function or a prediction)."""
    namespace = {"np": np}
    exec(code, namespace)  # noqa: S102 (the course's own files)
    defined = [value for name, value in namespace.items() if name not in ("np", "__builtins__")]
    assert len(defined) == 1, code
    return defined[0]


def judge(name: str, code: str):
    exercise = getattr(nb04, name)
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


@pytest.mark.parametrize("name", ["dJ_dZ2", "dW_from_dZ", "db_from_dZ"])
def test_a_stub_is_not_finished(name):
    def stub(*args):
        raise NotImplementedError

    result = getattr(nb04, name).check(stub)
    assert not result.finished and str(result).startswith("Not finished yet")


def test_a_loop_over_examples_passes_like_the_matrix_product():
    def dW_from_dZ(dZ, A_prev):
        m = dZ.shape[1]
        return np.mean([np.outer(dZ[:, j], A_prev[:, j]) for j in range(m)], axis=0)

    assert nb04.dW_from_dZ.check(dW_from_dZ).passed


def test_the_mean_with_keepdims_passes_for_db():
    assert nb04.db_from_dZ.check(lambda dZ: np.mean(dZ, axis=1, keepdims=True)).passed


def test_dW_and_db_are_checked_against_the_reference_linear_backward():
    """The references are helpers.deep's linear_backward, not formulas written again."""
    rng = np.random.default_rng(0)
    dZ, A_prev = rng.standard_normal((3, 5)), rng.standard_normal((4, 5))
    _, dW, db = linear_backward(dZ, (A_prev, rng.standard_normal((3, 4)), np.zeros((3, 1))))
    np.testing.assert_array_equal(nb04.dW_from_dZ.reference(dZ, A_prev), dW)
    np.testing.assert_array_equal(nb04.db_from_dZ.reference(dZ), db)


def test_every_mistake_changes_a_line_of_its_reference_and_the_result_somewhere():
    for exercise in (nb04.dJ_dZ2, nb04.dW_from_dZ, nb04.db_from_dZ):
        references = exercise._reference_results()
        for mistake in exercise.mistakes:
            outcomes = exercise._gallery("singles")[mistake.name][1]  # compiles the changed lines
            differs = [
                outcome.error is not None
                or np.shape(outcome.value) != expected.shape
                or not np.allclose(outcome.value, expected)
                for outcome, reference in zip(outcomes, references, strict=True)
                for expected in reference.values()
            ]
            assert any(differs), f"{exercise.name}: {mistake.name} changes nothing"


@pytest.mark.parametrize("m", [1, 2, 5, 400])
def test_the_twice_error_is_m_minus_1_over_m_plus_1(m):
    """The relative error of g/m against g, whatever g, is the prediction's formula."""
    g = np.random.default_rng(m).standard_normal(7)
    error = np.linalg.norm(g / m - g) / (np.linalg.norm(g / m) + np.linalg.norm(g))
    assert error == pytest.approx((m - 1) / (m + 1), abs=1e-15)
    if m == 5:
        assert nb04.twice_error.reveal(error).passed


def test_the_broadcast_prediction_is_what_numpy_does():
    b1, db1 = np.zeros((4, 1)), np.ones(4)
    assert str((b1 - 1.2 * db1).shape) == nb04.broadcast_shape.answer
    assert isinstance(nb04.broadcast_shape, Prediction)
