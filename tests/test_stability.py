"""Extreme inputs give finite values and no warnings (the test run turns every warning into an
error)."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import ACTIVATIONS, backward_propagation, compute_cost, forward_propagation, sigmoid

EXTREMES = np.array([[-1000.0, -40.0, -1.0, 0.0, 1.0, 40.0, 1000.0]])


def test_sigmoid_is_stable_and_exact_at_the_extremes():
    A = sigmoid(EXTREMES)
    assert np.all(np.isfinite(A))
    assert A[0, 0] == 0.0 and A[0, -1] == 1.0 and A[0, 3] == 0.5
    np.testing.assert_allclose(sigmoid(-EXTREMES), 1 - A, atol=1e-16)  # symmetric


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_every_activation_and_derivative_is_finite_at_the_extremes(name):
    activation = ACTIVATIONS[name]
    A = activation.g(EXTREMES)
    assert np.all(np.isfinite(A)) and np.all(np.isfinite(activation.g_prime(EXTREMES, A)))


@pytest.mark.parametrize("A2", [[[0.0, 1.0]], [[1.0, 0.0]], [[0.0, 0.0]], [[1.0, 1.0]]])
def test_cost_is_finite_when_outputs_reach_zero_or_one(A2):
    cost = compute_cost(np.array(A2), np.array([[1, 0]]))
    assert np.isfinite(cost) and 0 <= cost < 35  # each loss is capped near -log(1e-15) = 34.54


def test_saturated_network_gives_finite_cost_and_gradients():
    X = np.array([[1000.0, -1000.0, 0.0]])
    parameters = {
        "W1": np.array([[1.0], [-1.0]]),
        "b1": np.zeros((2, 1)),
        "W2": np.array([[1000.0, 1000.0]]),
        "b2": np.zeros((1, 1)),
    }
    Y = np.array([[0, 1, 1]])
    for name in ACTIVATIONS:
        A2, cache = forward_propagation(X, parameters, name)
        assert np.isfinite(compute_cost(A2, Y))
        grads = backward_propagation(parameters, cache, X, Y, name)
        assert all(np.all(np.isfinite(g)) for g in grads.values())
