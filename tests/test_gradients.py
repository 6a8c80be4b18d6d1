"""Every derivative in helpers against an independent computation: finite differences and
autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from helpers import ACTIVATIONS, backward_propagation, forward_propagation, gradient_check
from helpers.gradcheck import numerical_gradient, relative_error

from .autograd_reference import AUTOGRAD_ACTIVATIONS, cross_entropy_from_logits
from .conftest import random_network

KINKED = {
    "relu",
    "leaky_relu",
}  # not differentiable at 0: finite differences must stay off the kink

shapes = st.tuples(st.integers(1, 6), st.integers(1, 8))


@st.composite
def pre_activations(draw, kinked: bool):
    """Arrays ``Z`` with entries in [-4, 4] (at least 1e-3 from 0 for the kinked activations)."""
    shape = draw(shapes)
    low = 1e-3 if kinked else 0.0
    magnitudes = draw(arrays(np.float64, shape, elements=st.floats(low, 4.0)))
    signs = draw(arrays(np.bool_, shape))
    return np.where(signs, magnitudes, -magnitudes)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
@given(data=st.data())
def test_activation_derivative_matches_finite_differences(name, data):
    """g'(Z) against (g(Z + h) - g(Z - h)) / 2h, elementwise.

    h = 1e-5: truncation ~h^2 |g'''| / 6 ~ 2e-11 and round-off ~1e-16 / h = 1e-11, both far below
    1e-7 of the |g'| >= 1.3e-3 that [-4, 4] guarantees (tanh'(4)).
    """
    activation = ACTIVATIONS[name]
    Z = data.draw(pre_activations(kinked=name in KINKED))
    h = 1e-5
    numeric = (activation.g(Z + h) - activation.g(Z - h)) / (2 * h)
    analytic = activation.g_prime(Z, activation.g(Z))
    assert analytic.shape == Z.shape
    assert relative_error(analytic, numeric) <= 1e-7


network_shapes = st.tuples(
    st.integers(1, 4), st.integers(1, 5), st.integers(1, 3), st.integers(1, 6)
)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
@given(shape=network_shapes, seed=st.integers(0, 2**16))
def test_backprop_matches_finite_differences(name, shape, seed):
    """Whole-network gradients of J against centred differences (eps = 1e-6), relative error <=
    1e-7."""
    parameters, X, Y = random_network(*shape, seed=seed)
    if name in KINKED:
        _, cache = forward_propagation(X, parameters, name)
        assume(np.min(np.abs(cache["Z1"])) >= 1e-3)  # a step of 1e-6 must not cross the kink
    result = gradient_check(parameters, X, Y, activation=name)
    assert result.overall <= 1e-7, str(result)


def autograd_cost(parameters, X, Y, g):
    Z1 = anp.dot(parameters["W1"], X) + parameters["b1"]
    Z2 = anp.dot(parameters["W2"], g(Z1)) + parameters["b2"]
    return cross_entropy_from_logits(Z2, Y)


def test_autograd_covers_every_activation():
    assert set(AUTOGRAD_ACTIVATIONS) == set(ACTIVATIONS)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
@given(shape=network_shapes, seed=st.integers(0, 2**16))
def test_backprop_matches_autograd(name, shape, seed):
    """Reverse-mode autodiff (autograd) and our backward pass agree to 1e-10 (float64 round-off:
    ~1e-15)."""
    parameters, X, Y = random_network(*shape, seed=seed)
    _, cache = forward_propagation(X, parameters, name)
    ours = backward_propagation(parameters, cache, X, Y, name)
    theirs = grad(autograd_cost)(parameters, X, Y, AUTOGRAD_ACTIVATIONS[name])
    for key in parameters:
        assert relative_error(ours["d" + key], theirs[key]) <= 1e-10, key


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_vectorised_gradients_are_the_mean_of_per_example_gradients(name):
    parameters, X, Y = random_network(3, 5, 2, 9, seed=1)
    _, cache = forward_propagation(X, parameters, name)
    batch = backward_propagation(parameters, cache, X, Y, name)
    per_example = []
    for i in range(X.shape[1]):
        x, y = X[:, i : i + 1], Y[:, i : i + 1]
        _, cache_i = forward_propagation(x, parameters, name)
        per_example.append(backward_propagation(parameters, cache_i, x, y, name))
    for key, value in batch.items():
        mean = np.mean([g[key] for g in per_example], axis=0)
        np.testing.assert_allclose(value, mean, rtol=1e-12, atol=1e-15)


def test_numerical_gradient_of_a_known_function_and_leaves_input_alone():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = x.copy()
    numeric = numerical_gradient(lambda v: float(np.sum(v**3)), x)
    np.testing.assert_allclose(numeric, 3 * x**2, rtol=1e-8)
    np.testing.assert_array_equal(x, before)


def test_gradient_check_catches_a_missing_g_prime(small_network):
    """A backward pass without g' (a classic bug) must fail the check; the reference must pass
    it."""
    parameters, X, Y = small_network

    def without_g_prime(parameters, cache, X, Y, activation):
        grads = backward_propagation(parameters, cache, X, Y, activation)
        m = X.shape[1]
        dZ1 = parameters["W2"].T @ (cache["A2"] - Y)
        grads["dW1"] = dZ1 @ X.T / m
        return grads

    assert gradient_check(parameters, X, Y).passed
    bad = gradient_check(parameters, X, Y, backward=without_g_prime)
    assert not bad.passed and bad.errors["dW1"] > 1e-3 and bad.errors["dW2"] < 1e-7
    assert "dW1: relative error" in str(bad) and "wrong" in str(bad)
