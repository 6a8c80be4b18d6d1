"""The L-layer network (helpers.deep): the course's Week 4 published values, gradients against
finite differences and autograd, agreement with the two-layer reference, and errors that name the
array."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad
from hypothesis import assume, given
from hypothesis import strategies as st

from helpers import ACTIVATIONS, ShapeError, backward_propagation, forward_propagation
from helpers.deep import (
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
    update_parameters,
)
from helpers.gradcheck import numerical_gradient, relative_error
from helpers.validation import MissingKeyError

from .autograd_reference import AUTOGRAD_ACTIVATIONS, cross_entropy_from_logits

PRINTED = 5e-9  # the course prints 8 decimals


def close(actual, expected) -> None:
    np.testing.assert_allclose(actual, expected, rtol=0, atol=PRINTED)


# ---------------------------------------------------------------- the course's published values
# Inputs are rebuilt exactly as the course's test cases build them (np.random.seed, then randn in
# order).


def test_initialize_parameters_deep():
    parameters = initialize_parameters_deep([5, 4, 3])
    close(
        parameters["W1"],
        [
            [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
            [-0.00354759, -0.00082741, -0.00627001, -0.00043818, -0.00477218],
            [-0.01313865, 0.00884622, 0.00881318, 0.01709573, 0.00050034],
            [-0.00404677, -0.0054536, -0.01546477, 0.00982367, -0.01101068],
        ],
    )
    close(
        parameters["W2"],
        [
            [-0.01185047, -0.0020565, 0.01486148, 0.00236716],
            [-0.01023785, -0.00712993, 0.00625245, -0.00160513],
            [-0.00768836, -0.00230031, 0.00745056, 0.01976111],
        ],
    )
    assert sorted(parameters) == ["W1", "W2", "b1", "b2"]
    assert parameters["b1"].shape == (4, 1) and parameters["b2"].shape == (3, 1)
    assert not parameters["b1"].any() and not parameters["b2"].any()


def test_initialize_parameters_deep_scaled_by_fan_in():
    """scale=None: W[l] ~ N(0, 1/n_{l-1}); over 200 x 400 draws the std is within 2 % of
    1/sqrt(400)."""
    parameters = initialize_parameters_deep([400, 200, 1], seed=0, scale=None)
    assert np.std(parameters["W1"]) == pytest.approx(1 / np.sqrt(400), rel=0.02)
    assert np.std(parameters["W2"]) == pytest.approx(1 / np.sqrt(200), rel=0.2)  # only 200 draws


def test_linear_forward():
    np.random.seed(1)
    A, W, b = np.random.randn(3, 2), np.random.randn(1, 3), np.random.randn(1, 1)
    Z, cache = linear_forward(A, W, b)
    close(Z, [[3.26295337, -1.23429987]])
    assert all(x is y for x, y in zip(cache, (A, W, b), strict=True))


def test_linear_activation_forward():
    np.random.seed(2)
    A_prev, W, b = np.random.randn(3, 2), np.random.randn(1, 3), np.random.randn(1, 1)
    A, ((cached_A, cached_W, cached_b), Z) = linear_activation_forward(A_prev, W, b, "sigmoid")
    close(A, [[0.96890023, 0.11013289]])
    assert cached_A is A_prev and cached_W is W and cached_b is b
    np.testing.assert_array_equal(Z, W @ A_prev + b)
    close(linear_activation_forward(A_prev, W, b, "relu")[0], [[3.43896131, 0.0]])


def course_L_model_forward_case():
    np.random.seed(6)
    X = np.random.randn(5, 4)
    shapes = [
        ("W1", (4, 5)),
        ("b1", (4, 1)),
        ("W2", (3, 4)),
        ("b2", (3, 1)),
        ("W3", (1, 3)),
        ("b3", (1, 1)),
    ]
    return X, {name: np.random.randn(*shape) for name, shape in shapes}


def test_L_model_forward():
    X, parameters = course_L_model_forward_case()
    AL, caches = L_model_forward(X, parameters)
    close(AL, [[0.03921668, 0.70498921, 0.19734387, 0.04728177]])
    assert len(caches) == 3
    for l, ((A_prev, W, b), Z) in enumerate(caches, start=1):
        assert W is parameters[f"W{l}"] and b is parameters[f"b{l}"]
        np.testing.assert_array_equal(Z, W @ A_prev + b)
    np.testing.assert_array_equal(caches[0][0][0], X)
    np.testing.assert_array_equal(
        caches[1][0][0], np.maximum(caches[0][1], 0)
    )  # ReLU hidden layers


def test_compute_cost_is_the_two_layer_cost():
    Y = np.asarray([[1, 1, 0]])
    AL = np.array([[0.8, 0.9, 0.4]])
    assert compute_cost(AL, Y) == pytest.approx(
        0.2797765635793422, abs=1e-15
    )  # the course's printed cost


def test_linear_backward():
    np.random.seed(1)
    dZ, A, W, b = (
        np.random.randn(3, 4),
        np.random.randn(5, 4),
        np.random.randn(3, 5),
        np.random.randn(3, 1),
    )
    dA_prev, dW, db = linear_backward(dZ, (A, W, b))
    close(
        dA_prev,
        [
            [-1.15171336, 0.06718465, -0.3204696, 2.09812712],
            [0.60345879, -3.72508701, 5.81700741, -3.84326836],
            [-0.4319552, -1.30987417, 1.72354705, 0.05070578],
            [-0.38981415, 0.60811244, -1.25938424, 1.47191593],
            [-2.52214926, 2.67882552, -0.67947465, 1.48119548],
        ],
    )
    close(
        dW,
        [
            [0.07313866, -0.0976715, -0.87585828, 0.73763362, 0.00785716],
            [0.85508818, 0.37530413, -0.59912655, 0.71278189, -0.58931808],
            [0.97913304, -0.24376494, -0.08839671, 0.55151192, -0.10290907],
        ],
    )
    close(db, [[-0.14713786], [-0.11313155], [-0.13209101]])


def course_linear_activation_backward_case():
    np.random.seed(2)
    dA, A, W, b, Z = (np.random.randn(*shape) for shape in [(1, 2), (3, 2), (1, 3), (1, 1), (1, 2)])
    return dA, ((A, W, b), Z)


@pytest.mark.parametrize(
    "activation, expected",
    [
        (
            "sigmoid",
            (
                [[0.11017994, 0.01105339], [0.09466817, 0.00949723], [-0.05743092, -0.00576154]],
                [[0.10266786, 0.09778551, -0.01968084]],
                [[-0.05729622]],
            ),
        ),
        (
            "relu",
            (
                [[0.44090989, 0.0], [0.37883606, 0.0], [-0.2298228, 0.0]],
                [[0.44513824, 0.37371418, -0.10478989]],
                [[-0.20837892]],
            ),
        ),
    ],
)
def test_linear_activation_backward(activation, expected):
    dA, cache = course_linear_activation_backward_case()
    for actual, value in zip(
        linear_activation_backward(dA, cache, activation), expected, strict=True
    ):
        close(actual, value)


def test_L_model_backward():
    """The course's L_model_backward test case: AL and the caches are random arrays, not a real
    forward pass."""
    np.random.seed(3)
    AL, Y = np.random.randn(1, 2), np.array([[1, 0]])
    A1, W1, b1, Z1 = (
        np.random.randn(4, 2),
        np.random.randn(3, 4),
        np.random.randn(3, 1),
        np.random.randn(3, 2),
    )
    A2, W2, b2, Z2 = (
        np.random.randn(3, 2),
        np.random.randn(1, 3),
        np.random.randn(1, 1),
        np.random.randn(1, 2),
    )
    grads = L_model_backward(AL, Y, [((A1, W1, b1), Z1), ((A2, W2, b2), Z2)])
    assert sorted(grads) == ["dA0", "dA1", "dW1", "dW2", "db1", "db2"]
    close(
        grads["dW1"],
        [
            [0.41010002, 0.07807203, 0.13798444, 0.10502167],
            [0.0, 0.0, 0.0, 0.0],
            [0.05283652, 0.01005865, 0.01777766, 0.0135308],
        ],
    )
    close(grads["db1"], [[-0.22007063], [0.0], [-0.02835349]])
    close(
        grads["dA1"],
        [[0.12913162, -0.44014127], [-0.14175655, 0.48317296], [0.01663708, -0.05670698]],
    )


def test_update_parameters():
    np.random.seed(2)
    parameters = {
        "W1": np.random.randn(3, 4),
        "b1": np.random.randn(3, 1),
        "W2": np.random.randn(1, 3),
        "b2": np.random.randn(1, 1),
    }
    np.random.seed(3)
    grads = {
        "dW1": np.random.randn(3, 4),
        "db1": np.random.randn(3, 1),
        "dW2": np.random.randn(1, 3),
        "db2": np.random.randn(1, 1),
    }
    before = {key: value.copy() for key, value in parameters.items()}
    updated = update_parameters(parameters, grads, 0.1)
    close(
        updated["W1"],
        [
            [-0.59562069, -0.09991781, -2.14584584, 1.82662008],
            [-1.76569676, -0.80627147, 0.51115557, -1.18258802],
            [-1.0535704, -0.86128581, 0.68284052, 2.20374577],
        ],
    )
    close(updated["b1"], [[-0.04659241], [-1.28888275], [0.53405496]])
    close(updated["W2"], [[-0.55569196, 0.0354055, 1.32964895]])
    close(updated["b2"], [[-0.84610769]])
    for key, value in before.items():  # the caller's arrays are left alone
        np.testing.assert_array_equal(parameters[key], value)


# ---------------------------------------------------------------- gradients


def random_deep_network(layer_dims, m, seed):
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1]))
        parameters[f"b{l}"] = rng.standard_normal((layer_dims[l], 1))
    X = rng.standard_normal((layer_dims[0], m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    return parameters, X, Y


def deep_autograd_cost(parameters, X, Y, g):
    """The L-layer cost, written independently with autograd's NumPy."""
    L = len(parameters) // 2
    A = X
    for l in range(1, L):
        A = g(anp.dot(parameters[f"W{l}"], A) + parameters[f"b{l}"])
    ZL = anp.dot(parameters[f"W{L}"], A) + parameters[f"b{L}"]
    return cross_entropy_from_logits(ZL, Y)


deep_shapes = st.tuples(
    st.lists(st.integers(1, 5), min_size=1, max_size=4), st.integers(1, 5), st.integers(1, 6)
)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
@given(shape=deep_shapes, seed=st.integers(0, 2**16))
def test_L_model_backward_matches_autograd(name, shape, seed):
    """1e-10: both are exact up to float64 round-off (~1e-15), amplified a little by deep
    products."""
    hidden, n_x, m = shape
    parameters, X, Y = random_deep_network([n_x, *hidden, 1], m, seed)
    AL, caches = L_model_forward(X, parameters, name)
    # dAL = -(Y/AL - (1-Y)/(1-AL)) is undefined where AL is 0 or 1 (an error, tested below)
    assume(not np.any((AL == 0) | (AL == 1)))
    ours = L_model_backward(AL, Y, caches, name)
    theirs = grad(deep_autograd_cost)(parameters, X, Y, AUTOGRAD_ACTIVATIONS[name])
    for key in parameters:
        assert relative_error(ours["d" + key], theirs[key]) <= 1e-10, key


@pytest.mark.parametrize("name", ["relu", "tanh"])
def test_L_model_backward_matches_finite_differences(name):
    """Centred differences, eps = 1e-6; the cost is computed in the exact log(1 + e^z) - y z form
    (no cancellation in 1 - AL), so the difference quotient is good to ~1e-9 and 1e-7 is a safe
    bound."""
    parameters, X, Y = random_deep_network([3, 4, 4, 3, 1], 5, seed=7)
    AL, caches = L_model_forward(X, parameters, name)
    if name == "relu":  # no kink within reach of eps in the hidden layers
        assert min(np.min(np.abs(Z)) for _, Z in caches[:-1]) > 1e-2
    grads = L_model_backward(AL, Y, caches, name)

    def cost(key, value):
        _, caches = L_model_forward(X, {**parameters, key: value}, name)
        ZL = caches[-1][1]
        return float(np.sum(np.logaddexp(0.0, ZL) - Y * ZL) / X.shape[1])

    for key, value in parameters.items():
        numeric = numerical_gradient(lambda v, key=key: cost(key, v), value)
        assert relative_error(grads["d" + key], numeric) <= 1e-7, key


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_two_layers_are_the_reference_network(name):
    """With L = 2 the deep code is the two-layer reference: same A2 and gradients, up to round-off
    (1e-13)."""
    parameters, X, Y = random_deep_network([3, 5, 1], 7, seed=1)
    AL, caches = L_model_forward(X, parameters, name)
    A2, cache = forward_propagation(X, parameters, name)
    np.testing.assert_allclose(AL, A2, rtol=1e-15)
    deep = L_model_backward(AL, Y, caches, name)
    for key, value in backward_propagation(parameters, cache, X, Y, name).items():
        assert relative_error(deep[key], value) <= 1e-13, key


# ---------------------------------------------------------------- errors name the array and the
# shapes


def test_errors_name_the_array_and_the_expected_shape():
    X, parameters = course_L_model_forward_case()
    with pytest.raises(
        ShapeError,
        match=r"W1 has shape \(4, 5\) but X has 6 rows \(features\); expected W1 of shape \(4, 6\)",
    ):
        L_model_forward(np.ones((6, 4)), parameters)
    with pytest.raises(ShapeError, match=r"W2 has shape \(3, 5\) but W1 has 4 rows \(units\)"):
        L_model_forward(X, {**parameters, "W2": np.ones((3, 5))})
    with pytest.raises(
        ShapeError, match=r"b2 has shape \(2, 1\) but W2 has 3 rows; expected \(3, 1\)"
    ):
        L_model_forward(X, {**parameters, "b2": np.ones((2, 1))})
    with pytest.raises(MissingKeyError, match="parameters is missing key 'b3'"):
        L_model_forward(X, {key: value for key, value in parameters.items() if key != "b3"})
    with pytest.raises(ShapeError, match=r"W has shape \(1, 3\) but A_prev has 4 rows"):
        linear_activation_forward(np.ones((4, 2)), np.ones((1, 3)), np.ones((1, 1)), "relu")
    with pytest.raises(
        ShapeError,
        match=r"dZ has shape \(3, 5\) but W has 3 rows and A_prev has 4 columns; expected \(3, 4\)",
    ):
        linear_backward(np.ones((3, 5)), (np.ones((5, 4)), np.ones((3, 5)), np.ones((3, 1))))
    with pytest.raises(TypeError, match=r"cache must be the tuple \(\(A_prev, W, b\), Z\)"):
        linear_activation_backward(
            np.ones((1, 2)), (np.ones((3, 2)), np.ones((1, 3)), np.ones((1, 1))), "relu"
        )
    with pytest.raises(ValueError, match="unknown activation 'softmax'"):
        L_model_forward(X, parameters, "softmax")
    AL, caches = L_model_forward(X, parameters)
    with pytest.raises(
        ShapeError,
        match=r"caches\[2\] has A_prev of shape \(4, 4\) but caches\[1\] has Z of shape \(3, 4\)",
    ):
        L_model_backward(AL, np.ones((1, 4)), [caches[0], caches[1], caches[1]])
    with pytest.raises(ShapeError, match=r"Y has shape \(2, 4\) but AL has shape \(1, 4\)"):
        L_model_backward(AL, np.ones((2, 4)), caches)
    with pytest.raises(
        ValueError,
        match=r"AL\[0, 2\] = 1.0: dAL = .* is undefined where the output is exactly 0 or 1",
    ):
        L_model_backward(np.array([[0.5, 0.2, 1.0, 0.3]]), np.ones((1, 4)), caches)
    with pytest.raises(ValueError, match="layer_dims must list at least two positive integers"):
        initialize_parameters_deep([5])
    with pytest.raises(MissingKeyError, match="grads is missing key 'db2'"):
        update_parameters(
            {
                "W1": np.ones((2, 2)),
                "b1": np.ones((2, 1)),
                "W2": np.ones((1, 2)),
                "b2": np.ones((1, 1)),
            },
            {"dW1": np.ones((2, 2)), "db1": np.ones((2, 1)), "dW2": np.ones((1, 2))},
            0.1,
        )
