"""The tiny reverse-mode engine (helpers.autodiff): it reproduces the course's backward passes,
backward_propagation (two layers) and L_model_backward (L layers), to round-off; its rules agree
with autograd; its forward mode gives the same derivatives one direction at a time."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import make_vjp

from helpers import ACTIVATIONS, backward_propagation, forward_propagation, relative_error
from helpers.autodiff import (
    Node,
    activation,
    add,
    cross_entropy,
    gradients,
    matmul,
    matmul_backward,
    network_cost,
    sum_to,
)
from helpers.deep import L_model_backward, L_model_forward, initialize_parameters_deep
from helpers.network import cost_from_Z2

from .conftest import random_network

ROUND_OFF = 1e-13  # the same formulas, summed in another order: a few units of 1e-16 per entry
COURSE_START = 1e-12  # L_model_backward starts from dAL and multiplies by AL(1 - AL): a few more


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
@pytest.mark.parametrize("n_y", [1, 3])
def test_the_engine_reproduces_backward_propagation(name, n_y):
    parameters, X, Y = random_network(3, 5, n_y, 7, seed=n_y)
    _, cache = forward_propagation(X, parameters, name)
    expected = backward_propagation(parameters, cache, X, Y, name)
    ours = gradients(parameters, X, Y, name)
    assert ours.keys() == expected.keys()
    for key, value in expected.items():
        assert ours[key].shape == value.shape
        assert relative_error(ours[key], value) <= ROUND_OFF, key


@pytest.mark.parametrize("name", ["relu", "tanh", "sigmoid"])
def test_the_engine_reproduces_L_model_backward_and_its_dZ_and_dA(name):
    rng = np.random.default_rng(3)
    parameters = initialize_parameters_deep([3, 6, 5, 4, 1], seed=2, scale=1.0)
    X, Y = rng.standard_normal((3, 9)), (rng.random((1, 9)) > 0.5).astype(float)
    AL, caches = L_model_forward(X, parameters, name)
    expected = L_model_backward(AL, Y, caches, name, intermediates=True)
    J, nodes = network_cost(parameters, X, Y, name)
    J.backward()
    m = X.shape[1]
    for key in parameters:
        assert relative_error(nodes[key].grad, expected["d" + key]) <= COURSE_START, key
    for l in range(1, 5):  # the course's dZ, dA are per example: m times dJ/dZ, dJ/dA
        assert relative_error(m * nodes[f"Z{l}"].grad, expected[f"dZ{l}"]) <= COURSE_START
        assert relative_error(m * nodes[f"A{l - 1}"].grad, expected[f"dA{l - 1}"]) <= COURSE_START


def test_the_cost_is_the_course_cost_from_Z():
    parameters, X, Y = random_network(2, 4, 2, 6)
    J, nodes = network_cost(parameters, X, Y, "tanh")
    _, cache = forward_propagation(X, parameters, "tanh")
    assert float(J.value) == cost_from_Z2(cache["Z2"], Y)
    np.testing.assert_array_equal(nodes["A1"].value, cache["A1"])


def test_matmul_backward_is_autograds_vjp():
    rng = np.random.default_rng(0)
    A, B, G = rng.standard_normal((2, 3)), rng.standard_normal((3, 4)), rng.standard_normal((2, 4))
    grad_A, grad_B = matmul_backward(G, A, B)
    vjp_A, _ = make_vjp(lambda A_: anp.dot(A_, B))(A)
    vjp_B, _ = make_vjp(lambda B_: anp.dot(A, B_))(B)
    assert relative_error(grad_A, vjp_A(G)) <= ROUND_OFF
    assert relative_error(grad_B, vjp_B(G)) <= ROUND_OFF


def test_the_bias_gradient_is_summed_over_the_columns():
    rng = np.random.default_rng(1)
    Z, b = Node(rng.standard_normal((3, 5))), Node(rng.standard_normal((3, 1)))
    G = rng.standard_normal((3, 5))
    grad_Z, grad_b = add(Z, b).vjp(G)
    np.testing.assert_array_equal(grad_Z, G)
    np.testing.assert_array_equal(grad_b, np.sum(G, axis=1, keepdims=True))
    np.testing.assert_array_equal(sum_to(G, (1, 5)), np.sum(G, axis=0, keepdims=True))
    np.testing.assert_array_equal(sum_to(G, (3, 5)), G)  # nothing was broadcast


def test_a_node_used_twice_adds_both_gradients():
    parameters, X, Y = random_network(2, 3, 1, 4)
    W1, b1 = Node(parameters["W1"]), Node(parameters["b1"])
    A0 = Node(X)
    W2, b2 = Node(parameters["W2"]), Node(parameters["b2"])
    twice = add(matmul(W1, A0), matmul(W1, A0)) + b1  # Z1 = 2 W1 X + b1
    J = cross_entropy(W2 @ activation(twice, "tanh") + b2, Y)
    J.backward()
    doubled = {**parameters, "W1": 2 * parameters["W1"]}
    expected = gradients(doubled, X, Y, "tanh")["dW1"]  # dJ/d(2 W1) ...
    assert relative_error(W1.grad, 2 * expected) <= ROUND_OFF  # ... times d(2 W1)/dW1 = 2


def test_backward_twice_gives_the_same_gradients():
    parameters, X, Y = random_network(2, 3, 1, 4)
    J, nodes = network_cost(parameters, X, Y, "relu")
    J.backward()
    first = nodes["W1"].grad.copy()
    J.backward()
    np.testing.assert_array_equal(nodes["W1"].grad, first)


def test_each_node_comes_after_its_inputs():
    parameters, X, Y = random_network(2, 3, 1, 4)
    J, _ = network_cost(parameters, X, Y, "tanh")
    order = J.graph()
    position = {id(node): i for i, node in enumerate(order)}
    assert order[-1] is J
    assert all(position[id(p)] < position[id(n)] for n in order for p in n.inputs)


def test_forward_mode_gives_the_directional_derivative():
    parameters, X, Y = random_network(3, 4, 2, 5, seed=4)
    J, nodes = network_cost(parameters, X, Y, "tanh")
    J.backward()
    rng = np.random.default_rng(5)
    direction = {key: rng.standard_normal(value.shape) for key, value in parameters.items()}
    along = J.tangent({nodes[key]: direction[key] for key in parameters})
    expected = sum(np.sum(nodes[key].grad * direction[key]) for key in parameters)
    assert abs(along - expected) <= ROUND_OFF * abs(expected)
    basis = np.zeros_like(parameters["W2"])
    basis[1, 2] = 1.0  # one parameter: one entry of the gradient
    assert abs(J.tangent({nodes["W2"]: basis}) - nodes["W2"].grad[1, 2]) <= 1e-15
