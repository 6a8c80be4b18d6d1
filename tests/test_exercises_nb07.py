"""Notebook 07's exercises in-process (fast; tests/test_exercises.py runs the notebook itself):
beyond the solutions, wrong answers and stubs (tests/test_exercise_answers.py), the loop's check
does not depend on the learner's own update and tells other initial weights only when they are the
cause; the first-order prediction's answer is what the notebook computes; the best straight line
that the notebook compares with is the best one, and the course's logistic regression
(scikit-learn's) scores the 47 % the notebook quotes."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import helpers
from helpers import (
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    load_dataset,
    load_planar_dataset,
    logistic_regression,
    predict_logistic,
)
from helpers.exercises import nb07
from helpers.exercises.core import Exercise
from helpers.exercises.editions import SOLUTIONS, WRONG_ANSWERS, blocks
from helpers.logistic import best_line

NOTEBOOK = nb07.NOTEBOOK
NOTEBOOK_NAMES = (
    "backward_propagation",
    "compute_cost",
    "forward_propagation",
    "initialize_parameters",
)


def notebook_namespace() -> dict:
    """What the notebook's cells see: its imports, and the learner's stub of update_parameters."""
    namespace = {"__name__": "__main__", "np": np, "helpers": helpers}
    namespace.update({name: getattr(helpers, name) for name in NOTEBOOK_NAMES})
    exec(  # noqa: S102 (the stub, as the notebook ships it)
        "def update_parameters(parameters, grads, learning_rate):\n    raise NotImplementedError",
        namespace,
    )
    return namespace


def judge(name: str, code: str, namespace: dict | None = None):
    namespace = notebook_namespace() if namespace is None else namespace
    exec(code, namespace)  # noqa: S102 (the course's own files)
    exercise = getattr(nb07, name)
    if isinstance(exercise, Exercise):
        return exercise, exercise.check(namespace[name])
    return exercise, exercise.reveal(namespace["prediction"])


SOLVED = [(name, code) for name, _, code in blocks(SOLUTIONS / f"{NOTEBOOK}.py")]
WRONG = [(name, mistake, code) for name, mistake, code in blocks(WRONG_ANSWERS / f"{NOTEBOOK}.py")]


def test_every_mistake_has_a_wrong_answer():
    named = {(name, mistake) for name, mistake, _ in WRONG}
    for name in ("update_parameters", "nn_model", "predict"):
        exercise = getattr(nb07, name)
        assert {(name, m.name) for m in exercise.mistakes} <= named


def test_the_loop_is_checked_with_the_courses_update_and_the_learners_is_put_back():
    namespace = notebook_namespace()
    ascent = next(code for _, mistake, code in WRONG if mistake == "gradient_ascent")
    exec(ascent, namespace)  # noqa: S102 (a wrong update of the learner's)
    own = namespace["update_parameters"]
    loop = dict(SOLVED)["nn_model"]
    _, result = judge("nn_model", loop, namespace)
    assert result.passed, str(result)
    assert namespace["update_parameters"] is own
    del namespace["update_parameters"]  # not defined at all: the loop still runs, and is checked
    _, result = judge("nn_model", loop, namespace)
    assert result.passed and "update_parameters" not in namespace, str(result)


def test_the_learners_initialize_parameters_is_put_back():
    namespace = notebook_namespace()
    own = namespace["initialize_parameters"]
    _, result = judge("nn_model", dict(SOLVED)["nn_model"], namespace)
    assert result.passed and namespace["initialize_parameters"] is own, str(result)


def test_other_initial_weights_are_told_only_when_they_are_the_cause():
    # the course's start, a step half as long: no known mistake, and not the initial weights
    code = dict(SOLVED)["nn_model"].replace("grads, learning_rate)", "grads, learning_rate / 2)")
    _, result = judge("nn_model", code)
    assert not result.passed and not result.mistakes, str(result)
    assert nb07.OTHER_START.title not in str(result)
    # the course's start through another name (helpers.initialize_parameters): its first cost
    # is the course's, so the start is not blamed
    namespace = notebook_namespace()
    _, result = judge(
        "nn_model",
        code.replace("= initialize_parameters(", "= helpers.initialize_parameters("),
        namespace,
    )
    assert not result.mistakes and nb07.OTHER_START.title not in str(result), str(result)
    # another seed as well: no known mistake explains it, and the start is not the course's
    code = code.replace("Y.shape[0])", "Y.shape[0], seed=3)")
    _, result = judge("nn_model", code)
    assert result.mistakes == {"initial_weights_differ"}, str(result)


def test_a_wrong_prediction_is_told_by_how_many_predictions_are_wrong():
    code = "def predict(parameters, X):\n    return forward_propagation(X, parameters)[0] < 0.5"
    namespace = notebook_namespace()
    _, result = judge("predict", code, namespace)
    assert "(9 of its 9 predictions wrong)" in str(result) and "relative error" not in str(result)


def test_the_first_order_answer_is_what_the_notebook_computes():
    # notebook 07, section 1: the decrease of J over alpha ||dθ||² at the flower's start
    X, Y = load_planar_dataset()
    parameters = initialize_parameters(2, 4, 1, seed=2)
    A2, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)
    squared_norm = sum(np.sum(g**2) for g in grads.values())
    errors = {}
    for alpha in (0.1, 0.01):
        after = helpers.update_parameters(parameters, grads, alpha)
        decrease = compute_cost(A2, Y) - compute_cost(forward_propagation(X, after)[0], Y)
        errors[alpha] = decrease / (alpha * squared_norm) - 1
    assert f"{errors[0.1]:.4f}" == "0.0074"  # what the question says
    assert nb07.first_order_error.reveal(errors[0.01]).passed
    assert nb07.first_order_error.reveal(errors[0.1] / 10).passed


def test_the_courses_logistic_regression_scores_47_percent():
    # the course fits logistic regression with scikit-learn's LogisticRegressionCV (L2, C chosen
    # by cross-validation) and reports 47 %; notebook 07 quotes it next to its own 47.0 %
    sklearn = pytest.importorskip("sklearn.linear_model")
    X, Y = load_planar_dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # sklearn's announced default changes
        model = sklearn.LogisticRegressionCV().fit(X.T, Y.ravel())
    assert np.mean(model.predict(X.T) == Y.ravel()) == 0.47


def test_a_loop_that_returns_only_the_parameters_is_told_costs_are_missing():
    code = dict(SOLVED)["nn_model"].replace("return parameters, costs", "return parameters")
    # the course's nn_model returns the parameters alone: the check says what is missing
    _, result = judge("nn_model", code)
    assert not result.passed and "tuple" not in str(result)
    code = dict(SOLVED)["nn_model"].replace("return parameters, costs", "return costs, parameters")
    _, result = judge("nn_model", code)
    assert not result.passed


# ---------------------------------------------------------------- the best straight line


@pytest.mark.parametrize(
    "name, accuracy",
    [("flower", 0.6875), ("moons", 0.875), ("circles", 0.66), ("xor", 0.7125)],
)
def test_best_line_is_the_best_a_ten_times_finer_search_finds(name, accuracy):
    X, Y = load_dataset(name)
    model, found = best_line(X, Y)
    assert found == accuracy  # what notebook 07 prints
    assert np.mean(predict_logistic(model, X) == Y) == found  # the model predicts what it counts
    assert best_line(X, Y, directions=3600)[1] == found  # 0.1 degree apart: nothing better
    logistic, _ = logistic_regression(X, Y)
    assert np.mean(predict_logistic(logistic, X) == Y) <= found


def test_best_line_separates_what_a_line_separates():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 50))
    Y = (X[0] - 0.5 * X[1] > 0.2).astype(float)[None]
    assert best_line(X, Y)[1] == 1.0
    assert best_line(X, 1 - Y)[1] == 1.0  # either class on either side
