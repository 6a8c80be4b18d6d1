"""Notebook 04's exercises in-process (fast; tests/test_exercises.py runs the notebook itself):
beyond the solutions, wrong answers and stubs (tests/test_exercise_answers.py), what the checks
and predictions say matches the formulas they stand for."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import (
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    load_planar_dataset,
    numerical_gradient,
    relative_error,
    update_parameters,
)
from helpers.bugs import BUGS
from helpers.deep import linear_backward
from helpers.exercises import nb04
from helpers.exercises.core import Prediction

NOTEBOOK = nb04.NOTEBOOK


def test_a_loop_over_examples_passes_like_the_matrix_product():
    def dW_from_dJ_dZ(dJ_dZ, A_prev):
        return sum(np.outer(dJ_dZ[:, j], A_prev[:, j]) for j in range(A_prev.shape[1]))

    assert nb04.dW_from_dJ_dZ.check(dW_from_dJ_dZ).passed


def test_the_mean_with_keepdims_passes_for_db():
    assert nb04.db_from_dZ.check(lambda dZ: np.mean(dZ, axis=1, keepdims=True)).passed


def test_dW_and_db_are_checked_against_the_reference_linear_backward():
    """The references are helpers.deep's linear_backward, not formulas written again: dW from the
    true dJ/dZ is linear_backward's dW of the course's dZ = m dJ/dZ."""
    rng = np.random.default_rng(0)
    dZ, A_prev = rng.standard_normal((3, 5)), rng.standard_normal((4, 5))
    _, dW, db = linear_backward(dZ, (A_prev, rng.standard_normal((3, 4)), np.zeros((3, 1))))
    np.testing.assert_allclose(nb04.dW_from_dJ_dZ.reference(dZ / 5, A_prev), dW, rtol=1e-15)
    np.testing.assert_allclose(nb04.dW_from_dJ_dZ.reference(dZ / 5, A_prev), (dZ / 5) @ A_prev.T)
    np.testing.assert_array_equal(nb04.db_from_dZ.reference(dZ), db)


def test_dJ_dZ2_is_the_reference_dZ2_over_m_and_finite_differences_agree():
    rng = np.random.default_rng(1)
    Z2, Y = rng.standard_normal((2, 6)), (rng.random((2, 6)) > 0.5).astype(float)
    A2 = 1 / (1 + np.exp(-Z2))

    def J(Z):
        A = 1 / (1 + np.exp(-Z))
        return -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / Y.shape[1]

    numeric = numerical_gradient(J, Z2)
    assert relative_error(nb04.dJ_dZ2.reference(A2, Y), numeric) < 1e-7


def test_every_mistake_changes_a_line_of_its_reference_and_the_result_somewhere():
    for exercise in (nb04.dJ_dZ2, nb04.dW_from_dJ_dZ, nb04.db_from_dZ):
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


def test_every_dW_mistake_is_shown_as_the_learner_writes_it_in_dJ_dZ():
    """The wrong lines change linear_backward's dW line (in the course's dZ); the check shows them
    in the learner's dJ_dZ."""
    for mistake in nb04.dW_from_dJ_dZ.mistakes:
        (wrong,) = mistake.lines.values()
        assert "dJ_dZ" in nb04.dW_from_dJ_dZ.show(wrong), mistake.name


@pytest.mark.parametrize("m", [1, 2, 5, 400])
def test_the_twice_error_is_m_minus_1_over_m_plus_1(m):
    """The relative error of G/m against G, whatever G, is the prediction's formula; G m (the 1/m
    missing) gives the same."""
    G = np.random.default_rng(m).standard_normal(7)
    for wrong in (G / m, m * G):
        error = np.linalg.norm(wrong - G) / (np.linalg.norm(wrong) + np.linalg.norm(G))
        assert error == pytest.approx((m - 1) / (m + 1), abs=1e-15)
    if m == 5:
        assert nb04.twice_error.reveal(error).passed


@pytest.mark.parametrize("written", ["2/3", "4 / 6", "(5 - 1) / (5 + 1)", 0.6667])
def test_the_twice_error_accepts_the_number_however_it_is_written(written):
    assert nb04.twice_error.reveal(written).passed


def test_a_word_for_the_twice_error_asks_for_a_number():
    result = nb04.twice_error.reveal("two thirds")
    assert not result.finished and "write a number" in str(result)


def test_the_broadcast_prediction_is_what_numpy_does():
    b1, db1 = np.zeros((4, 1)), np.ones(4)
    assert str((b1 - 1.2 * db1).shape) == nb04.broadcast_shape.answer
    assert isinstance(nb04.broadcast_shape, Prediction)


def test_the_b2_dots_of_label_1_are_below_0():
    """dL(j)/db2 = a2(j) - y(j): below 0 for every example labelled 1, whatever the weights."""
    explorer_parameters = initialize_parameters(2, 4, 1, seed=2, scale=1.0)
    X, Y = load_planar_dataset()
    A2, cache = forward_propagation(X, explorer_parameters)
    for j in range(0, 400, 37):
        x, y = X[:, j : j + 1], Y[:, j : j + 1]
        _, cache_j = forward_propagation(x, explorer_parameters)
        db2 = backward_propagation(explorer_parameters, cache_j, x, y)["db2"][0, 0]
        assert (db2 < 0) == (y[0, 0] == 1)
    assert nb04.b2_dots.answer == "below 0" and nb04.b2_dots.reveal("below 0").passed


def test_the_missing_descent_prediction_is_what_gradient_descent_does():
    """200 steps with alpha = 1.2 on the 400 flower examples, the 1/m missing: the cost rises at
    the first step and stays far above its start."""
    X, Y = load_planar_dataset()
    params = initialize_parameters(2, 4, 1)
    costs = []
    for _ in range(20):
        A2, cache = forward_propagation(X, params)
        costs.append(compute_cost(A2, Y))
        params = update_parameters(params, BUGS["missing_one_over_m"](params, cache, X, Y), 1.2)
    assert costs[1] > costs[0] and min(costs[2:]) > 2
    assert nb04.missing_descent.answer == "rises"
