"""Bad input gets an error that names the argument, its shape or value, and what was expected."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import (
    MissingKeyError,
    ShapeError,
    backward_propagation,
    compute_cost,
    forward_propagation,
    get_activation,
    initialize_parameters,
    layer_sizes,
    nn_model,
    predict,
    update_parameters,
)


@pytest.fixture
def net(small_network):
    parameters, X, Y = small_network
    _, cache = forward_propagation(X, parameters)
    return parameters, cache, X, Y


def test_x_and_y_with_different_numbers_of_examples(net):
    parameters, cache, X, Y = net
    with pytest.raises(ShapeError, match=r"Y has shape \(1, 4\) but X has 5 columns"):
        layer_sizes(X, Y[:, :4])
    with pytest.raises(
        ShapeError,
        match=r"Y has shape \(1, 4\) but X has 5 columns \(examples\); expected \(n_y, 5\)",
    ):
        nn_model(X, Y[:, :4], num_iterations=1)


def test_parameters_that_do_not_fit_x(net):
    parameters, _, X, _ = net
    with pytest.raises(
        ShapeError,
        match=r"W1 has shape \(4, 3\) but X has 2 rows \(features\); expected W1 of shape \(4, 2\)",
    ):
        forward_propagation(X[:2], parameters)


def test_w2_that_does_not_fit_w1(net):
    parameters, _, X, _ = net
    with pytest.raises(
        ShapeError,
        match=r"W2 has shape \(1, 3\) but W1 has 4 rows \(hidden units\); expected W2 of shape \(1, 4\)",
    ):
        forward_propagation(X, {**parameters, "W2": parameters["W2"][:, :3]})


def test_a_bias_given_as_a_flat_vector(net):
    parameters, _, X, _ = net
    with pytest.raises(
        ShapeError, match=r"b1 has shape \(4,\) but must be 2-D .*b1.reshape\(-1, 1\)"
    ):
        forward_propagation(X, {**parameters, "b1": parameters["b1"].ravel()})
    with pytest.raises(
        ShapeError, match=r"b1 has shape \(1, 4\) but W1 has 4 rows; expected b1 of shape \(4, 1\)"
    ):
        forward_propagation(X, {**parameters, "b1": parameters["b1"].T})


@pytest.mark.parametrize("bad_label", [0.5, 2, -1])
def test_labels_that_are_not_zero_or_one(net, bad_label):
    parameters, cache, X, Y = net
    Y = Y.copy()
    Y[0, 3] = bad_label
    with pytest.raises(
        ValueError, match=rf"Y must hold labels 0 or 1, but Y\[0, 3\] = {float(bad_label)}"
    ):
        backward_propagation(parameters, cache, X, Y)
    with pytest.raises(ValueError, match=r"Y must hold labels 0 or 1"):
        compute_cost(cache["A2"], Y)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_nan_or_inf_in_inputs(net, bad):
    parameters, cache, X, Y = net
    X = X.copy()
    X[1, 2] = bad
    with pytest.raises(ValueError, match=rf"X contains NaN or inf \(first at X\[1, 2\] = {bad}\)"):
        forward_propagation(X, parameters)
    W1 = parameters["W1"].copy()
    W1[0, 0] = bad
    with pytest.raises(ValueError, match=r"W1 contains NaN or inf \(first at W1\[0, 0\]"):
        predict({**parameters, "W1": W1}, X[:, :2])


def test_unknown_activation_lists_the_known_ones(net):
    parameters, cache, X, Y = net
    message = r"unknown activation 'swish'; known activations are 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'softplus'"
    with pytest.raises(ValueError, match=message):
        forward_propagation(X, parameters, activation="swish")
    with pytest.raises(ValueError, match=message):
        backward_propagation(parameters, cache, X, Y, activation="swish")
    with pytest.raises(ValueError, match="unknown activation None"):
        get_activation(None)


@pytest.mark.parametrize(
    "call, name, key",
    [
        (
            lambda p, c, X, Y: forward_propagation(X, {k: v for k, v in p.items() if k != "b2"}),
            "parameters",
            "b2",
        ),
        (
            lambda p, c, X, Y: backward_propagation(
                p, {k: v for k, v in c.items() if k != "A1"}, X, Y
            ),
            "cache",
            "A1",
        ),
        (
            lambda p, c, X, Y: update_parameters(
                p, {"dW1": p["W1"], "db1": p["b1"], "dW2": p["W2"]}
            ),
            "grads",
            "db2",
        ),
    ],
)
def test_missing_dictionary_keys(net, call, name, key):
    with pytest.raises(MissingKeyError) as error:
        call(*net)
    assert str(error.value).startswith(f"{name} is missing key '{key}'; expected keys")
    assert isinstance(error.value, KeyError)


def test_a_cache_from_another_batch(net):
    parameters, cache, X, Y = net
    with pytest.raises(
        ShapeError,
        match=r"cache\['Z1'\] has shape \(4, 5\) but W1 has 4 rows and X has 3 columns; expected \(4, 3\)",
    ):
        backward_propagation(parameters, cache, X[:, :3], Y[:, :3])


def test_gradients_of_the_wrong_shape(net):
    parameters, cache, X, Y = net
    grads = backward_propagation(parameters, cache, X, Y)
    with pytest.raises(
        ShapeError, match=r"dW2 has shape \(4, 1\) but W2 has shape \(1, 4\); expected \(1, 4\)"
    ):
        update_parameters(parameters, {**grads, "dW2": grads["dW2"].T})


def test_lists_instead_of_arrays(net):
    parameters, _, X, _ = net
    with pytest.raises(TypeError, match="X must be a NumPy array, got list"):
        forward_propagation(X.tolist(), parameters)


def test_probabilities_outside_zero_one(net):
    _, cache, _, Y = net
    with pytest.raises(
        ValueError, match=r"A2 must hold probabilities in \[0, 1\], got values from -0.5"
    ):
        compute_cost(np.full_like(cache["A2"], -0.5), Y)


@pytest.mark.parametrize("n_h", [0, -1, 2.5])
def test_non_positive_layer_sizes(n_h):
    with pytest.raises(ValueError, match=rf"n_h must be a positive integer, got {n_h!r}"):
        initialize_parameters(2, n_h, 1)
