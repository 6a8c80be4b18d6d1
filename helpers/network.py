"""The two-layer reference network, in the course's notation and with its function names.

Shapes (one example per column)::

    X  (n_x, m)    W1 (n_h, n_x)   b1 (n_h, 1)   Z1, A1 (n_h, m)
    Y  (n_y, m)    W2 (n_y, n_h)   b2 (n_y, 1)   Z2, A2 (n_y, m)

Forward:  Z1 = W1 X + b1,  A1 = g1(Z1),  Z2 = W2 A1 + b2,  A2 = sigma(Z2)
Cost:     J = -(1/m) sum(Y log A2 + (1 - Y) log(1 - A2))
Backward: dZ2 = A2 - Y                      dW2 = (1/m) dZ2 A1^T   db2 = (1/m) sum_columns dZ2
          dZ1 = (W2^T dZ2) * g1'(Z1)        dW1 = (1/m) dZ1 X^T    db1 = (1/m) sum_columns dZ1

``dZ``/``dA`` hold one column of chain-rule factors per example (no 1/m); ``dW``/``db`` are
gradients of the cost ``J``, the mean of the losses (hence 1/m).

Products are written ``np.dot(W1, X)`` as in the course's assignments (for the small arrays of the
course it is also faster than ``W1 @ X``; the two agree for 2-D arrays).

Each public function checks its inputs (see :mod:`helpers.validation`) and then runs the formulas
in a private twin (``_forward_propagation`` ...), which ``nn_model`` calls directly so that a
training run checks its inputs once, not once per iteration.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .activations import Activation, get_activation, sigmoid
from .validation import (
    ShapeError,
    check_array,
    check_labels,
    check_parameters,
    check_same_shape,
    require_keys,
)

Parameters = dict[str, np.ndarray]
EPSILON = 1e-15  # A2 is clipped to [EPSILON, 1 - EPSILON] in the cost, so the cost stays finite
# Backprop forms dA1 and g1'(Z1) for a block of hidden units at a time, about BLOCK numbers each, so
# that they stay in the processor's cache until they are multiplied: one pass over memory instead of
# four for a large layer. The course's sizes (m = 400) fit in one block.
BLOCK = 1 << 16


def layer_sizes(X: np.ndarray, Y: np.ndarray, n_h: int = 4) -> tuple[int, int, int]:
    """``(n_x, n_h, n_y)``: rows of ``X (n_x, m)``, the hidden size, rows of ``Y (n_y, m)``."""
    X = check_array("X", X)
    Y = check_array("Y", Y)
    if Y.shape[1] != X.shape[1]:
        raise ShapeError(f"Y has shape {Y.shape} but X has {X.shape[1]} columns (examples)")
    return X.shape[0], n_h, Y.shape[0]


def initialize_parameters(
    n_x: int, n_h: int, n_y: int, seed: int | None = 2, scale: float = 0.01
) -> Parameters:
    """Small random weights, zero biases: ``W1 (n_h, n_x)``, ``b1 (n_h, 1)``, ``W2 (n_y, n_h)``, ``b2 (n_y, 1)``.

    Draws ``W1`` then ``W2`` from NumPy's legacy generator seeded with ``seed``, as the course does
    with ``np.random.seed(seed)``, so ``seed=2`` reproduces the course's published values.
    """
    for name, size in (("n_x", n_x), ("n_h", n_h), ("n_y", n_y)):
        if not isinstance(size, (int, np.integer)) or size < 1:
            raise ValueError(f"{name} must be a positive integer, got {size!r}")
    rng = np.random.RandomState(seed)
    W1 = rng.randn(n_h, n_x) * scale
    b1 = np.zeros((n_h, 1))
    W2 = rng.randn(n_y, n_h) * scale
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def _forward_propagation(X: np.ndarray, parameters: Parameters, g1: Activation):
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = np.dot(W1, X)
    Z1 += b1  # Z1 = W1 X + b1, without a second (n_h, m) temporary
    A1 = g1.g(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def forward_propagation(
    X: np.ndarray, parameters: Parameters, activation: str | Activation = "tanh"
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """``(A2, cache)``: the output ``A2 (n_y, m)`` and ``cache = {Z1, A1, Z2, A2}`` for backprop."""
    X = check_array("X", X)
    parameters = check_parameters(parameters, n_x=X.shape[0])
    return _forward_propagation(X, parameters, get_activation(activation))


def _compute_cost(A2: np.ndarray, Y: np.ndarray) -> float:
    m = Y.shape[1]
    A2 = np.minimum(np.maximum(A2, EPSILON), 1 - EPSILON)  # clip to [EPSILON, 1 - EPSILON]
    logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
    return -float(logprobs.sum()) / m


def losses_from_Z2(Z2: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """The loss of each entry, ``L = -(y log a + (1 - y) log(1 - a))`` with ``a = sigma(z)``, computed as
    ``log(1 + e^z) - y z``: the same function, without ``log 0`` where ``a`` rounds to 0 or 1. Shape of ``Z2``."""
    return np.logaddexp(0.0, Z2) - Y * Z2


def cost_from_Z2(Z2: np.ndarray, Y: np.ndarray) -> float:
    """The same cost computed from ``Z2`` (unchecked): ``L = log(1 + e^z) - y z``, exact even where ``A2`` rounds to 0 or 1.

    ``log(1 - A2)`` loses digits when ``A2`` is near 1 (``1 - A2`` cancels); finite differences of the cost
    magnify that loss by ``1 / epsilon``, so gradient checking uses this form.
    """
    return float(losses_from_Z2(Z2, Y).sum()) / Y.shape[1]


def compute_cost(A2: np.ndarray, Y: np.ndarray) -> float:
    """Cross-entropy cost ``J = -(1/m) sum(Y log A2 + (1-Y) log(1-A2))`` of ``A2`` and ``Y`` ``(n_y, m)``.

    Finite even where ``A2`` is exactly 0 or 1: ``A2`` is clipped to ``[1e-15, 1 - 1e-15]``, which caps
    one example's loss at ``-log(1e-15) ~ 34.5``.
    """
    A2 = check_array("A2", A2)
    if np.any((A2 < 0) | (A2 > 1)):
        raise ValueError(
            f"A2 must hold probabilities in [0, 1], got values from {A2.min()} to {A2.max()}"
        )
    Y = check_labels(Y, m=A2.shape[1])
    if Y.shape != A2.shape:
        raise ShapeError(f"Y has shape {Y.shape} but A2 has shape {A2.shape}")
    return _compute_cost(A2, Y)


def _backward_propagation(
    parameters: Parameters, cache, X: np.ndarray, Y: np.ndarray, g1: Activation
):
    m = X.shape[1]
    W2 = parameters["W2"]
    Z1, A1, A2 = cache["Z1"], cache["A1"], cache["A2"]

    dZ2 = A2 - Y  # dL/dZ2, one column per example
    dW2 = (1 / m) * np.dot(dZ2, A1.T)
    db2 = (1 / m) * dZ2.sum(axis=1, keepdims=True)
    dZ1 = np.empty_like(A1)
    step = max(1, BLOCK // m)
    for k in range(0, A1.shape[0], step):  # a block of hidden units at a time (see BLOCK)
        rows = slice(k, k + step)
        dA1 = np.dot(W2.T[rows], dZ2)  # dL/dA1 of these units
        # dZ1 = dA1 * g1'(Z1), elementwise: unit k of example i only feeds through its own g
        np.multiply(dA1, g1.g_prime(Z1[rows], A1[rows]), out=dZ1[rows])
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * dZ1.sum(axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def backward_propagation(
    parameters: Parameters,
    cache: dict[str, np.ndarray],
    X: np.ndarray,
    Y: np.ndarray,
    activation: str | Activation = "tanh",
) -> dict[str, np.ndarray]:
    """Gradients of the cost: ``{dW1, db1, dW2, db2}``, each with the shape of its parameter.

    ``cache`` is the one :func:`forward_propagation` returned (``Z1, A1 (n_h, m)``, ``Z2, A2 (n_y, m)``);
    ``g1'`` is computed from it, through ``A1`` where the course does (tanh, sigmoid).
    """
    X = check_array("X", X)
    m = X.shape[1]
    parameters = check_parameters(parameters, n_x=X.shape[0])
    n_h, n_y = parameters["W1"].shape[0], parameters["W2"].shape[0]
    require_keys("cache", cache, ("Z1", "A1", "Z2", "A2"))
    cache = {
        key: check_same_shape(
            f"cache['{key}']", cache[key], (n, m), f"W{key[1]} has {n} rows and X has {m} columns"
        )
        for key, n in (("Z1", n_h), ("A1", n_h), ("Z2", n_y), ("A2", n_y))
    }
    Y = check_labels(Y, m=m)
    if Y.shape[0] != n_y:
        raise ShapeError(
            f"Y has shape {Y.shape} but W2 has {n_y} rows (outputs); expected ({n_y}, {m})"
        )
    return _backward_propagation(parameters, cache, X, Y, get_activation(activation))


def _update_parameters(parameters: Parameters, grads, learning_rate: float) -> Parameters:
    # every parameter, whatever the number of layers (helpers.deep uses it too)
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


def update_parameters(
    parameters: Parameters, grads: dict[str, np.ndarray], learning_rate: float = 1.2
) -> Parameters:
    """One step of gradient descent, ``W := W - learning_rate * dW`` for every parameter; returns a new dict."""
    parameters = check_parameters(parameters)
    require_keys("grads", grads, ("dW1", "db1", "dW2", "db2"))
    for key, value in parameters.items():
        check_same_shape("d" + key, grads["d" + key], value.shape, f"{key} has shape {value.shape}")
    return _update_parameters(parameters, grads, learning_rate)


Callback = Callable[[int, Parameters, float], "bool | None"]


def nn_model(
    X: np.ndarray,
    Y: np.ndarray,
    n_h: int = 4,
    num_iterations: int = 10000,
    learning_rate: float = 1.2,
    activation: str | Activation = "tanh",
    print_cost: bool = False,
    seed: int | None = 2,
    callback: Callback | None = None,
    callback_every: int = 100,
) -> tuple[Parameters, list[float]]:
    """Train the network by full-batch gradient descent; return ``(parameters, costs)``.

    ``costs[i]`` is the cost before update ``i``. ``print_cost`` prints it every 1000 iterations, as the
    course does. ``callback(i, parameters, cost)``, if given, is called every ``callback_every``
    iterations and after the last one; returning ``False`` stops the training early.
    """
    X = check_array("X", X)
    Y = check_labels(Y, m=X.shape[1])
    n_x, n_h, n_y = layer_sizes(X, Y, n_h)
    g1 = get_activation(activation)
    parameters = initialize_parameters(n_x, n_h, n_y, seed=seed)
    costs: list[float] = []
    for i in range(num_iterations):
        A2, cache = _forward_propagation(X, parameters, g1)
        cost = _compute_cost(A2, Y)
        costs.append(cost)
        grads = _backward_propagation(parameters, cache, X, Y, g1)
        parameters = _update_parameters(parameters, grads, learning_rate)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
        last = i == num_iterations - 1
        if callback is not None and ((i + 1) % callback_every == 0 or last):
            if callback(i + 1, parameters, cost) is False:
                break
    return parameters, costs


def predict(
    parameters: Parameters, X: np.ndarray, activation: str | Activation = "tanh"
) -> np.ndarray:
    """Boolean predictions ``A2 > 0.5``, shape ``(n_y, m)``."""
    A2, _ = forward_propagation(X, parameters, activation)
    return A2 > 0.5
