"""The two-layer reference network, in the course's notation and with its function names.

Shapes (one example per column)::

    X  (n_x, m)    W1 (n_h, n_x)   b1 (n_h, 1)   Z1, A1 (n_h, m)
    Y  (n_y, m)    W2 (n_y, n_h)   b2 (n_y, 1)   Z2, A2 (n_y, m)

The formulas are written once, one per line, spelled as the notebooks spell them: the forward
pass in :func:`forward_unchecked`, the cost in :func:`cost_unchecked`, the backward pass in
:func:`backward_unchecked`. Matrix products are written ``W1 @ X`` (the course's ``np.dot(W1, X)``
is the same product for 2-D arrays). ``dZ``/``dA`` hold one column of chain-rule factors per
example (no 1/m); ``dW``/``db`` are gradients of the cost ``J``, the mean of the losses (hence 1/m).

The course's functions (``forward_propagation``, ``compute_cost``, ``backward_propagation``,
``update_parameters``) check their inputs with :mod:`helpers.validation`, then run those formulas.
The ``*_unchecked`` functions skip the checks: use them in a loop whose inputs were checked once
(``nn_model``, the gradient check, the exercise checker, the benchmarks).

``backward_propagation(..., intermediates=True)`` also returns what the backward pass computes on
the way, ``dZ2, dA1, g1_prime`` (that is ``g1'(Z1)``) ``, dZ1``: the one source of these numbers for
the widgets, the bug gallery and the checker.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .activations import Activation, get_activation, sigmoid
from .validation import (
    Array,
    Cache,
    Parameters,
    check_backward,
    check_cost,
    check_examples,
    check_forward,
    check_layer_sizes,
    check_parameters,
    check_update,
)

EPSILON = 1e-15  # A2 is clipped to [EPSILON, 1 - EPSILON] in the cost, so the cost stays finite
GRADIENTS = ("dW1", "db1", "dW2", "db2")
INTERMEDIATES = ("dZ2", "dA1", "g1_prime", "dZ1")  # what intermediates=True adds


def layer_sizes(X: Array, Y: Array, n_h: int = 4) -> tuple[int, int, int]:
    """``(n_x, n_h, n_y)``: rows of ``X (n_x, m)``, the hidden size, rows of ``Y (n_y, m)``."""
    X, Y = check_layer_sizes(X, Y)
    return X.shape[0], n_h, Y.shape[0]


def initialize_parameters(
    n_x: int, n_h: int, n_y: int, seed: int | None = 2, scale: float = 0.01
) -> Parameters:
    """Small random weights, zero biases: ``W1 (n_h, n_x)``, ``b1 (n_h, 1)``, ``W2 (n_y, n_h)``,
    ``b2 (n_y, 1)``.

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


# ---------------------------------------------------------------- forward pass and cost


def forward_unchecked(X: Array, parameters: Parameters, g1: Activation) -> tuple[Array, Cache]:
    """The forward pass without input checks: ``(A2 (n_y, m), cache = {Z1, A1, Z2, A2})``."""
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = W1 @ X + b1
    A1 = g1.g(Z1)
    Z2 = W2 @ A1 + b2
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def forward_propagation(
    X: Array, parameters: Parameters, activation: str | Activation = "tanh"
) -> tuple[Array, Cache]:
    """``(A2, cache)``: the output ``A2 (n_y, m)`` and ``cache = {Z1, A1, Z2, A2}`` for backprop."""
    X, parameters = check_forward(X, parameters)
    return forward_unchecked(X, parameters, get_activation(activation))


def cost_unchecked(A2: Array, Y: Array) -> float:
    """The cost without input checks (``A2`` clipped as in :func:`compute_cost`)."""
    m = Y.shape[1]
    A2 = np.clip(A2, EPSILON, 1 - EPSILON)
    logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
    return -float(np.sum(logprobs)) / m


def compute_cost(A2: Array, Y: Array) -> float:
    """Cross-entropy cost ``J = -(1/m) sum(Y log A2 + (1-Y) log(1-A2))`` of ``A2``, ``Y (n_y, m)``.

    Finite even where ``A2`` is exactly 0 or 1: ``A2`` is clipped to ``[1e-15, 1 - 1e-15]``, which
    caps one example's loss at ``-log(1e-15) ~ 34.5``.
    """
    return cost_unchecked(*check_cost(A2, Y))


def losses_from_Z2(Z2: Array, Y: Array) -> Array:
    """The loss of each entry, ``L = -(y log a + (1 - y) log(1 - a))`` with ``a = sigma(z)``,
    computed as ``log(1 + e^z) - y z``: the same function, without ``log 0`` where ``a`` rounds to
    0 or 1. Shape of ``Z2`` (unchecked)."""
    return np.logaddexp(0.0, Z2) - Y * Z2


def cost_from_Z2(Z2: Array, Y: Array) -> float:
    """The cost computed from ``Z2`` (unchecked), exact even where ``A2`` rounds to 0 or 1.

    ``log(1 - A2)`` loses digits when ``A2`` is near 1 (``1 - A2`` cancels); finite differences of
    the cost magnify that loss by ``1 / epsilon``, so gradient checking uses this form.
    """
    return float(np.sum(losses_from_Z2(Z2, Y))) / Y.shape[1]


def dL_dA2(A2: Array, Y: Array) -> Array:
    """``dL/da = -y/a + (1 - y)/(1 - a)`` for each entry (unchecked; notebook 01's first step).

    The two-layer backward pass never forms it: its ``dZ2 = A2 - Y`` is already this times
    ``sigma'(Z2) = A2 (1 - A2)``. The computational graph of notebook 02 and the L-layer backward
    pass of :mod:`helpers.deep` (which starts from ``dAL``) use it.
    """
    return -(Y / A2 - (1 - Y) / (1 - A2))


# ---------------------------------------------------------------- backward pass


def backward_unchecked(
    parameters: Parameters,
    cache: Cache,
    X: Array,
    Y: Array,
    g1: Activation,
    intermediates: bool = False,
) -> dict[str, Array]:
    """The backward pass without input checks (see :func:`backward_propagation`)."""
    m = X.shape[1]
    W2, Z1, A1, A2 = parameters["W2"], cache["Z1"], cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * dZ2 @ A1.T
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = W2.T @ dZ2
    g1_prime = g1.g_prime(Z1, A1)
    dZ1 = dA1 * g1_prime
    dW1 = (1 / m) * dZ1 @ X.T
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    if intermediates:
        grads.update(dZ2=dZ2, dA1=dA1, g1_prime=g1_prime, dZ1=dZ1)
    return grads


def backward_propagation(
    parameters: Parameters,
    cache: Cache,
    X: Array,
    Y: Array,
    activation: str | Activation = "tanh",
    *,
    intermediates: bool = False,
) -> dict[str, Array]:
    """Gradients of the cost, ``{dW1, db1, dW2, db2}``, each with the shape of its parameter::

        dZ2 = A2 - Y                  (n_y, m)     dW2 = (1/m) dZ2 A1^T    db2 = (1/m) sum dZ2
        dA1 = W2^T dZ2                (n_h, m)
        dZ1 = dA1 * g1'(Z1)           (n_h, m)     dW1 = (1/m) dZ1 X^T     db1 = (1/m) sum dZ1

    (sums over the columns, the examples). ``cache`` is what :func:`forward_propagation` returned;
    ``g1'`` is computed from it, through ``A1`` where the course does (tanh, sigmoid). With
    ``intermediates=True`` the dict also holds ``dZ2, dA1, g1_prime, dZ1`` (``g1_prime`` is
    ``g1'(Z1)``), each ``(n_y, m)`` or ``(n_h, m)``.
    """
    parameters, cache, X, Y = check_backward(parameters, cache, X, Y)
    return backward_unchecked(parameters, cache, X, Y, get_activation(activation), intermediates)


# ---------------------------------------------------------------- training


def update_unchecked(
    parameters: Parameters, grads: dict[str, Array], learning_rate: float
) -> Parameters:
    """One step of gradient descent for every parameter, any number of layers (unchecked)."""
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


def update_parameters(
    parameters: Parameters, grads: dict[str, Array], learning_rate: float = 1.2
) -> Parameters:
    """One step of gradient descent, ``W := W - learning_rate * dW`` for every parameter.

    Returns a new dict; ``parameters`` is left alone.
    """
    parameters = check_parameters(parameters)
    return update_unchecked(parameters, check_update(parameters, grads), learning_rate)


Callback = Callable[[int, Parameters, float], "bool | None"]


def nn_model(
    X: Array,
    Y: Array,
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

    ``costs[i]`` is the cost before update ``i``. ``print_cost`` prints it every 1000 iterations,
    as the course does. ``callback(i, parameters, cost)``, if given, is called every
    ``callback_every`` iterations and after the last one; returning ``False`` stops the training.
    The inputs are checked once, then the loop runs the unchecked formulas.
    """
    X, Y = check_examples(X, Y)
    n_x, n_h, n_y = layer_sizes(X, Y, n_h)
    g1 = get_activation(activation)
    parameters = initialize_parameters(n_x, n_h, n_y, seed=seed)
    costs: list[float] = []
    for i in range(num_iterations):
        A2, cache = forward_unchecked(X, parameters, g1)
        cost = cost_unchecked(A2, Y)
        costs.append(cost)
        grads = backward_unchecked(parameters, cache, X, Y, g1)
        parameters = update_unchecked(parameters, grads, learning_rate)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
        last = i == num_iterations - 1
        if callback is not None and ((i + 1) % callback_every == 0 or last):
            if callback(i + 1, parameters, cost) is False:
                break
    return parameters, costs


def predict(parameters: Parameters, X: Array, activation: str | Activation = "tanh") -> Array:
    """Boolean predictions ``A2 > 0.5``, shape ``(n_y, m)``."""
    A2, _ = forward_propagation(X, parameters, activation)
    return A2 > 0.5
