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
    logistic_regression,
    nn_model,
    predict,
    predict_logistic,
    update_parameters,
)
from helpers.deep import (
    L_model_backward,
    L_model_forward,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
)
from helpers.deep import update_parameters as deep_update_parameters

from .conftest import random_network


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
        match=r"W2 has shape \(1, 3\) but W1 has 4 rows \(hidden units\); "
        r"expected W2 of shape \(1, 4\)",
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
    message = (
        r"unknown activation 'swish'; "
        r"known activations are 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'softplus'"
    )
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
        match=r"cache\['Z1'\] has shape \(4, 5\) but W1 has 4 rows and X has 3 columns; "
        r"expected \(4, 3\)",
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


# --- every message, whole: each names only arrays (and keys) the caller passed --------------------
# One case per raise of helpers/validation.py (and of logistic_regression), called through the
# course's functions, on a 3 -> 4 -> 1 network with 5 examples and a 3 -> 4 -> 2 -> 1 deep one.

P, X5, Y5 = random_network(3, 4, 1, 5)
_, CACHE = forward_propagation(X5, P)
GRADS = backward_propagation(P, CACHE, X5, Y5)
DEEP = initialize_parameters_deep([3, 4, 2, 1])
AL, CACHES = L_model_forward(X5, DEEP)
DEEP_GRADS = {"d" + key: value for key, value in DEEP.items()}
MODEL = {"w": np.zeros((3, 1)), "b": 0.0}
LINEAR = CACHES[0][0]  # (A_prev, W, b) of layer 1: X5 (3, 5), W1 (4, 3), b1 (4, 1)


def without(mapping, key):
    return {k: v for k, v in mapping.items() if k != key}


MESSAGES = {
    # single arrays: check_array, check_labels, require_keys
    "a 3-D array": (
        lambda: forward_propagation(np.zeros((3, 5, 1)), P),
        ShapeError,
        "X has shape (3, 5, 1) but must be 2-D (rows x columns)",
    ),
    "strings": (
        lambda: forward_propagation(np.array([["a"]]), P),
        TypeError,
        "X must hold numbers, got dtype <U1",
    ),
    "parameters as a list": (
        lambda: forward_propagation(X5, [P["W1"]]),
        TypeError,
        "parameters must be a dict with keys W1, b1, W2, b2, got list",
    ),
    # the two-layer network: check_parameters, check_cost, check_backward, check_update
    "b2 that does not fit W2": (
        lambda: forward_propagation(X5, {**P, "b2": np.zeros((2, 1))}),
        ShapeError,
        "b2 has shape (2, 1) but W2 has 1 row; expected b2 of shape (1, 1)",
    ),
    "compute_cost: labels of the wrong length": (
        lambda: compute_cost(np.full((1, 3), 0.5), np.array([[1, 0]])),
        ShapeError,
        "Y has shape (1, 2) but A2 has 3 columns (examples); expected (n_y, 3)",
    ),
    "compute_cost: labels with more rows": (
        lambda: compute_cost(np.full((1, 3), 0.5), np.ones((2, 3))),
        ShapeError,
        "Y has shape (2, 3) but A2 has shape (1, 3)",
    ),
    "backward_propagation: labels with more rows than outputs": (
        lambda: backward_propagation(P, CACHE, X5, np.ones((2, 5))),
        ShapeError,
        "Y has shape (2, 5) but W2 has 1 row (outputs); expected (1, 5)",
    ),
    "update_parameters: a gradient of the wrong shape": (
        lambda: update_parameters(P, {**GRADS, "db2": np.zeros((2, 1))}),
        ShapeError,
        "db2 has shape (2, 1) but b2 has shape (1, 1); expected (1, 1)",
    ),
    # the L-layer network: number_of_layers, check_deep_parameters
    "deep parameters as a list": (
        lambda: L_model_forward(X5, [DEEP["W1"]]),
        TypeError,
        "parameters must be a dict with keys W1, b1, ..., WL, bL, got list",
    ),
    "deep parameters without W1": (
        lambda: L_model_forward(X5, without(DEEP, "W1")),
        MissingKeyError,
        "parameters is missing key 'W1'; expected keys W1, b1, ..., WL, bL",
    ),
    "deep parameters without b2": (
        lambda: L_model_forward(X5, without(DEEP, "b2")),
        MissingKeyError,
        "parameters is missing key 'b2'; expected keys W1, b1, ..., W3, b3",
    ),
    "W1 that does not fit X": (
        lambda: L_model_forward(X5[:2], DEEP),
        ShapeError,
        "W1 has shape (4, 3) but X has 2 rows (features); expected W1 of shape (4, 2)",
    ),
    "W2 that does not fit W1": (
        lambda: L_model_forward(X5, {**DEEP, "W2": DEEP["W2"][:, :3]}),
        ShapeError,
        "W2 has shape (2, 3) but W1 has 4 rows (units); expected W2 of shape (2, 4)",
    ),
    "b2 that does not fit the deep W2": (
        lambda: L_model_forward(X5, {**DEEP, "b2": DEEP["b2"].T}),
        ShapeError,
        "b2 has shape (1, 2) but W2 has 2 rows; expected (2, 1)",
    ),
    "deep update_parameters: a gradient of the wrong shape": (
        lambda: deep_update_parameters(DEEP, {**DEEP_GRADS, "dW2": DEEP["W2"].T}, 0.1),
        ShapeError,
        "dW2 has shape (4, 2) but W2 has shape (2, 4); expected (2, 4)",
    ),
    "deep update_parameters: missing gradients": (
        lambda: deep_update_parameters(DEEP, {"dW1": DEEP["W1"]}, 0.1),
        MissingKeyError,
        "grads is missing key 'db1', 'dW2', 'db2', 'dW3', 'db3'; "
        "expected keys dW1, db1, dW2, db2, dW3, db3",
    ),
    # one layer: check_layer (forward), the caches, check_linear_backward, ...
    "linear_forward: W that does not fit A": (
        lambda: linear_forward(X5[:2], DEEP["W1"], DEEP["b1"]),
        ShapeError,
        "W has shape (4, 3) but A has 2 rows; expected W of shape (4, 2)",
    ),
    "linear_activation_forward: b that does not fit W": (
        lambda: linear_activation_forward(X5, DEEP["W1"], DEEP["b1"][:2], "relu"),
        ShapeError,
        "b has shape (2, 1) but W has 4 rows; expected (4, 1)",
    ),
    "linear_backward: dZ that does not fit the cache": (
        lambda: linear_backward(np.zeros((3, 5)), LINEAR),
        ShapeError,
        "dZ has shape (3, 5) but W has 4 rows and A_prev has 5 columns; expected (4, 5)",
    ),
    "linear_backward: an array for the cache": (
        lambda: linear_backward(np.zeros((4, 5)), X5),
        TypeError,
        "cache must be the tuple (A_prev, W, b) that linear_forward returns, got ndarray",
    ),
    "linear_backward: a cache of two arrays": (
        lambda: linear_backward(np.zeros((4, 5)), [X5, DEEP["W1"]]),
        TypeError,
        "cache must be the tuple (A_prev, W, b) that linear_forward returns, got list of length 2",
    ),
    "linear_backward: a cache whose W does not fit its A_prev": (
        lambda: linear_backward(np.zeros((4, 5)), (X5[:2], DEEP["W1"], DEEP["b1"])),
        ShapeError,
        "W (in cache) has shape (4, 3) but A_prev (in cache) has 2 rows; "
        "expected W of shape (4, 2)",
    ),
    "linear_activation_backward: dA that does not fit Z": (
        lambda: linear_activation_backward(np.zeros((3, 5)), CACHES[0], "relu"),
        ShapeError,
        "dA has shape (3, 5) but Z in the cache has shape (4, 5); expected (4, 5)",
    ),
    "linear_activation_backward: a cache whose Z does not fit": (
        lambda: linear_activation_backward(np.zeros((4, 5)), (LINEAR, np.zeros((4, 4))), "relu"),
        ShapeError,
        "Z (in cache[1]) has shape (4, 4) but W has 4 rows and A_prev has 5 columns; "
        "expected (4, 5)",
    ),
    "linear_activation_backward: a linear cache": (
        lambda: linear_activation_backward(np.zeros((4, 5)), LINEAR, "relu"),
        TypeError,
        "cache must be the tuple ((A_prev, W, b), Z) that linear_activation_forward returns, "
        "got tuple of length 3",
    ),
    # the L-layer backward pass: check_L_model_backward
    "L_model_backward: labels of the wrong length": (
        lambda: L_model_backward(AL, Y5[:, :4], CACHES),
        ShapeError,
        "Y has shape (1, 4) but AL has 5 columns (examples); expected (n_y, 5)",
    ),
    "L_model_backward: an output of exactly 1": (
        lambda: L_model_backward(np.ones_like(AL), Y5, CACHES),
        ValueError,
        "AL[0, 0] = 1.0: dAL = -(Y / AL - (1 - Y) / (1 - AL)) is undefined where the output is "
        "exactly 0 or 1 (the sigmoid saturated; |ZL| > 36)",
    ),
    "L_model_backward: no caches": (
        lambda: L_model_backward(AL, Y5, []),
        TypeError,
        "caches must be the non-empty list of layer caches that L_model_forward returns",
    ),
    "L_model_backward: caches that do not chain": (
        lambda: L_model_backward(AL, Y5, [CACHES[0], CACHES[2]]),
        ShapeError,
        "caches[1] has A_prev of shape (2, 5) but caches[0] has Z of shape (4, 5); expected (4, 5)",
    ),
    "L_model_backward: caches that do not end in AL": (
        lambda: L_model_backward(AL, Y5, CACHES[:2]),
        ShapeError,
        "caches[1] has Z of shape (2, 5) but AL has shape (1, 5)",
    ),
    "L_model_backward: a layer cache that is not a pair": (
        lambda: L_model_backward(AL, Y5, [CACHES[0], LINEAR, CACHES[2]]),
        TypeError,
        "caches[1] must be the tuple ((A_prev, W, b), Z) that linear_activation_forward returns, "
        "got tuple of length 3",
    ),
    # logistic regression: check_logistic_model, and its one output
    "logistic_regression: labels with two rows": (
        lambda: logistic_regression(X5, np.ones((2, 5)), num_iterations=1),
        ShapeError,
        "Y has shape (2, 5) but logistic regression has one output; expected (1, 5)",
    ),
    "logistic_regression: labels of the wrong length": (
        lambda: logistic_regression(X5, Y5[:, :4], num_iterations=1),
        ShapeError,
        "Y has shape (1, 4) but X has 5 columns (examples); expected (n_y, 5)",
    ),
    "predict_logistic: w that does not fit X": (
        lambda: predict_logistic(MODEL, X5[:2]),
        ShapeError,
        "w has shape (3, 1) but X has 2 rows (features); expected (2, 1)",
    ),
    "predict_logistic: b that is not a number": (
        lambda: predict_logistic({**MODEL, "b": np.nan}, X5),
        TypeError,
        "b must be a finite number, got nan",
    ),
    "predict_logistic: a model without b": (
        lambda: predict_logistic({"w": MODEL["w"]}, X5),
        MissingKeyError,
        "model is missing key 'b'; expected keys w, b",
    ),
    "predict_logistic: a model that is not a dict": (
        lambda: predict_logistic([MODEL["w"]], X5),
        TypeError,
        "model must be a dict with keys w, b, got list",
    ),
    "initialize_parameters_deep: one layer size": (
        lambda: initialize_parameters_deep([3]),
        ValueError,
        "layer_dims must list at least two positive integers [n_x, ..., n_L], got [3]",
    ),
}


@pytest.mark.parametrize("case", list(MESSAGES))
def test_each_message_names_what_the_caller_passed(case):
    call, kind, message = MESSAGES[case]
    with pytest.raises(kind) as error:
        call()
    assert str(error.value) == message
