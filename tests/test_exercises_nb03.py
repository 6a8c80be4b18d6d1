"""Notebook 03's exercises in-process (fast; tests/test_exercises.py runs the notebook itself):
the solutions pass, each wrong answer is named, a stub is "not finished", the references are the
reference backward pass's own lines, and the predictions' answers are what NumPy and the shape
explorer do."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.bugs import BUGS, LINES
from helpers.exercises import nb03
from helpers.exercises.core import Exercise, Prediction
from helpers.exercises.editions import SOLUTIONS, WRONG_ANSWERS, blocks
from helpers.network import backward_propagation, forward_propagation
from helpers.widgets.shapes import IMPOSTORS, network_steps

from .conftest import random_network

NOTEBOOK = nb03.NOTEBOOK
EXERCISES = (nb03.da1_by_loops, nb03.dL_dW2_by_loops, nb03.layer2_backward)


def answer(code: str):
    """What a block of a solutions or wrong-answers file defines (a function or a prediction)."""
    namespace = {"np": np}
    exec(code, namespace)  # noqa: S102 (the course's own files)
    defined = [value for name, value in namespace.items() if name not in ("np", "__builtins__")]
    assert len(defined) == 1, code
    return defined[0]


def judge(name: str, code: str):
    exercise = getattr(nb03, name)
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
        title = next(m.title for m in exercise.mistakes if m.name == mistake)
        assert title in " ".join(str(result).split()), str(result)
        assert result.mistakes == {mistake}, str(result)
    else:
        assert str(result).startswith("Not quite")


def test_a_learner_s_line_is_shown_as_the_learner_writes_it():
    """The loop exercises print loop lines, not the reference's matrix lines."""
    wrong = answer(next(code for name, m, code in WRONG if m == "last_output_only"))
    text = str(nb03.da1_by_loops.check(wrong))
    assert "you probably wrote: da1[k] = W2[i, k] * dz2[i]" in text
    assert "W2.T" not in text and "@" not in text
    wrong = answer(next(code for name, m, code in WRONG if m == "table_transposed"))
    assert "dW2[k, i] = a1[k] * dz2[i]" in str(nb03.dL_dW2_by_loops.check(wrong))


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_a_stub_is_not_finished(exercise):
    def stub(*args):
        raise NotImplementedError

    result = exercise.check(stub)
    assert not result.finished and str(result).startswith("Not finished yet")


@pytest.mark.parametrize("prediction", [nb03.shapes_fit, nb03.explorer_fit], ids=str)
def test_a_prediction_left_as_shipped_is_not_answered(prediction):
    assert str(prediction.reveal(...)).startswith("Not answered yet")
    assert str(prediction.reveal(42)).startswith("Not answered yet")


def test_matrix_forms_pass_the_loop_exercises_too():
    """The loops are what the learner is asked for, but a right matrix product is right."""
    assert nb03.da1_by_loops.check(lambda W2, dz2: W2.T @ dz2).passed
    assert nb03.dL_dW2_by_loops.check(lambda dz2, a1: np.outer(dz2, a1)).passed


def test_the_references_are_the_reference_backward_pass():
    """dA1 and dW2 of helpers.network.backward_propagation, fed through the exercises' wraps."""
    parameters, X, Y = random_network(2, 4, 3, 5, seed=3)
    _, cache = forward_propagation(X, parameters)
    steps = backward_propagation(parameters, cache, X, Y, intermediates=True)
    W2, dZ2, A1 = parameters["W2"], steps["dZ2"], cache["A1"]
    dA1, dW2 = nb03.layer2_backward.reference(W2, dZ2, A1)
    np.testing.assert_array_equal(dA1, steps["dA1"])
    np.testing.assert_array_equal(dW2, steps["dW2"])
    # one column alone: the same sum, maybe in another order (BLAS), so equal to round-off
    np.testing.assert_allclose(
        nb03.da1_by_loops.reference(W2, dZ2[:, :1]), dA1[:, :1], rtol=1e-14, atol=1e-16
    )
    _, cache_1 = forward_propagation(X[:, :1], parameters)
    one = backward_propagation(parameters, cache_1, X[:, :1], Y[:, :1], intermediates=True)
    np.testing.assert_array_equal(
        nb03.dL_dW2_by_loops.reference(one["dZ2"], cache_1["A1"]), one["dW2"]
    )


def test_the_matrix_exercise_s_mistakes_are_the_gallery_s_lines():
    gallery = {m.name: m for m in nb03.layer2_backward.mistakes}
    assert gallery["missing_transpose_W2"].lines == dict(BUGS["missing_transpose_W2"].lines)
    for name in ("swapped_factors_in_dW", "missing_transpose_in_dW", "missing_one_over_m"):
        assert gallery[name].lines == dict(BUGS[name].in_line("dW2").lines)
        assert set(gallery[name].lines) == {LINES["dW2"]}


def test_every_mistake_changes_a_line_of_its_reference_and_the_result_somewhere():
    for exercise in EXERCISES:
        references = exercise._reference_results()
        for mistake in exercise.mistakes:
            outcomes = exercise._gallery("singles")[mistake.name][1]  # compiles the changed lines
            differs = []
            for outcome, reference in zip(outcomes, references, strict=True):
                results = exercise._results(outcome)  # None when the mistaken code raised
                differs += [
                    results is None
                    or np.shape(results[key]) != expected.shape
                    or not np.allclose(results[key], expected)
                    for key, expected in reference.items()
                ]
            assert any(differs), f"{exercise.name}: {mistake.name} changes nothing"


def test_the_shapes_fit_answer_is_what_numpy_does_at_three_three_three():
    """The set the prediction expects is the set of the explorer's wrong lines that fit."""
    steps = network_steps(n_x=3, n_h=3, n_y=3, m=5)
    fits = {
        s.result for s in steps if s.impostor and not s.impostor.caught_by_shapes(s.result_shape)
    }
    assert fits == set(nb03.shapes_fit.answer)
    assert set(nb03.shapes_fit.choices) == set(IMPOSTORS) and set(
        nb03.shapes_fit.reasons
    ) == fits | {"dZ1"}
    assert nb03.shapes_fit.reveal(["dW1", "dA1", "dW2"]).passed  # a list is a set too
    assert not nb03.shapes_fit.reveal(set()).passed


def test_the_explorer_fit_answer_is_what_the_explorer_shows_at_its_sizes():
    steps = network_steps(**nb03.EXPLORER_SIZES)
    fits = [
        s.result for s in steps if s.impostor and not s.impostor.caught_by_shapes(s.result_shape)
    ]
    assert fits == [nb03.explorer_fit.answer]
    assert isinstance(nb03.explorer_fit, Prediction)
    assert set(nb03.explorer_fit.wrong) == set(nb03.explorer_fit.choices) - {"dZ1"}
