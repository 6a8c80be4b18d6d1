"""The L-layer network of the course's Week 4, with its function names and its cache layout.

Layers ``l = 1 .. L``; ``A[0] = X``; hidden activation ``g`` (ReLU, as the course; any name from
:data:`helpers.activations.ACTIVATIONS`), sigmoid output::

    Z[l] = W[l] A[l-1] + b[l]        W[l] (n_l, n_{l-1})   b[l] (n_l, 1)   Z[l], A[l] (n_l, m)
    A[l] = g(Z[l])  for l < L,       A[L] = sigma(Z[L])    (AL, shape (1, m))

Caches, as the course lays them out: a *linear cache* ``(A_prev, W, b)``, an *activation cache*
``Z``, and for each layer ``cache = ((A_prev, W, b), Z)``; ``L_model_forward`` returns the list of
the ``L`` layer caches.

Backward, layer by layer from ``L`` down to 1 (``dA``/``dZ`` per example, ``dW``/``db`` with 1/m)::

    dZ[l]   = dA[l] * g'(Z[l])
    dW[l]   = (1/m) dZ[l] A[l-1]^T        db[l] = (1/m) sum_columns dZ[l]
    dA[l-1] = W[l]^T dZ[l]

so ``dZ[l] = (W[l+1]^T dZ[l+1]) * g'(Z[l])``: the two-layer ``dZ1`` formula, once per layer.

As in :mod:`helpers.network`, each formula is one line in an ``*_unchecked`` function; the course's
functions check their inputs (:mod:`helpers.validation`) and call it. ``L_model_backward(...,
intermediates=True)`` also returns every ``dZ[l]`` (keys ``dZ1 .. dZL``; the course's grads
already hold ``dA0 .. dA{L-1}``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .activations import Activation, get_activation
from .network import compute_cost, dL_dA2, update_unchecked
from .validation import (
    Array,
    LayerCache,
    LinearCache,
    Parameters,
    check_array,
    check_deep_parameters,
    check_L_model_backward,
    check_layer,
    check_linear_activation_backward,
    check_linear_backward,
    check_update,
    number_of_layers,
)

__all__ = [
    "initialize_parameters_deep",
    "linear_forward",
    "linear_activation_forward",
    "L_model_forward",
    "compute_cost",
    "linear_backward",
    "linear_activation_backward",
    "L_model_backward",
    "update_parameters",
    "number_of_layers",
]

OUTPUT = get_activation("sigmoid")


def initialize_parameters_deep(
    layer_dims: Sequence[int], seed: int | None = 3, scale: float | None = 0.01
) -> Parameters:
    """``W1, b1, ..., WL, bL`` for ``layer_dims = [n_x, n_1, ..., n_L]``: ``W[l] (n_l, n_{l-1})``,
    ``b[l] (n_l, 1)``.

    The weights are drawn layer by layer from NumPy's legacy generator seeded with ``seed`` (the
    course's ``np.random.seed(3)``) and multiplied by ``scale`` (the course's ``* 0.01``); the
    biases are zero. ``scale=None`` divides layer ``l``'s weights by ``sqrt(n_{l-1})`` instead, as
    the course's application notebook does, so that a deep stack's signal is not shrunk 100-fold
    per layer.
    """
    dims = list(layer_dims)
    if len(dims) < 2 or any(not isinstance(n, (int, np.integer)) or n < 1 for n in dims):
        raise ValueError(
            "layer_dims must list at least two positive integers [n_x, ..., n_L], "
            f"got {layer_dims!r}"
        )
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(dims)):
        factor = 1 / np.sqrt(dims[l - 1]) if scale is None else scale
        parameters[f"W{l}"] = rng.randn(dims[l], dims[l - 1]) * factor
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    return parameters


# ---------------------------------------------------------------- forward


def linear_forward_unchecked(A: Array, W: Array, b: Array) -> tuple[Array, LinearCache]:
    """``Z = W A + b`` and its cache, without input checks."""
    Z = W @ A + b
    return Z, (A, W, b)


def linear_activation_forward_unchecked(
    A_prev: Array, W: Array, b: Array, g: Activation
) -> tuple[Array, LayerCache]:
    """``A = g(W A_prev + b)`` and its cache, without input checks."""
    Z, linear_cache = linear_forward_unchecked(A_prev, W, b)
    A = g.g(Z)
    return A, (linear_cache, Z)


def L_model_forward_unchecked(
    X: Array, parameters: Parameters, g: Activation
) -> tuple[Array, list[LayerCache]]:
    """The L-layer forward pass without input checks."""
    L = number_of_layers(parameters)
    caches = []
    A = X
    for l in range(1, L + 1):
        g_l = g if l < L else OUTPUT
        A, cache = linear_activation_forward_unchecked(
            A, parameters[f"W{l}"], parameters[f"b{l}"], g_l
        )
        caches.append(cache)
    return A, caches


def linear_forward(A: Array, W: Array, b: Array) -> tuple[Array, LinearCache]:
    """``(Z, cache)``: ``Z = W A + b`` ``(n_l, m)`` and ``cache = (A, W, b)``.

    ``A (n_{l-1}, m)`` is the previous layer's output, ``W (n_l, n_{l-1})``, ``b (n_l, 1)``.
    """
    return linear_forward_unchecked(*check_layer(A, W, b, "A"))


def linear_activation_forward(
    A_prev: Array, W: Array, b: Array, activation: str | Activation
) -> tuple[Array, LayerCache]:
    """``(A, cache)``: ``A = g(W A_prev + b)`` of shape ``(n_l, m)`` and
    ``cache = ((A_prev, W, b), Z)``."""
    return linear_activation_forward_unchecked(
        *check_layer(A_prev, W, b), get_activation(activation)
    )


def L_model_forward(
    X: Array, parameters: Parameters, activation: str | Activation = "relu"
) -> tuple[Array, list[LayerCache]]:
    """``(AL, caches)``: the output ``AL (1, m)`` of ``L - 1`` hidden layers (``activation``) and
    a sigmoid layer.

    ``caches[l - 1] = ((A[l-1], W[l], b[l]), Z[l])`` for ``l = 1 .. L``.
    """
    X = check_array("X", X)
    parameters = check_deep_parameters(parameters, n_x=X.shape[0])
    return L_model_forward_unchecked(X, parameters, get_activation(activation))


# ---------------------------------------------------------------- backward


def linear_backward_unchecked(dZ: Array, cache: LinearCache) -> tuple[Array, Array, Array]:
    """``(dA_prev, dW, db)`` of one linear step, without input checks."""
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = (1 / m) * dZ @ A_prev.T
    db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


def activation_backward_unchecked(dA: Array, Z: Array, g: Activation) -> Array:
    """``dZ = dA * g'(Z)``, elementwise: each unit of each example has its own ``g'``."""
    dZ = dA * g.g_prime(Z, g.g(Z))
    return dZ


def L_model_backward_unchecked(
    AL: Array, Y: Array, caches: list[LayerCache], g: Activation, intermediates: bool = False
) -> dict[str, Array]:
    """The L-layer backward pass without input checks (see :func:`L_model_backward`)."""
    L = len(caches)
    grads = {}
    dA = dL_dA2(AL, Y)  # dL/dAL; times sigma'(ZL) below, it becomes AL - Y
    for l in range(L, 0, -1):
        linear_cache, Z = caches[l - 1]
        dZ = activation_backward_unchecked(dA, Z, OUTPUT if l == L else g)
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_backward_unchecked(dZ, linear_cache)
        grads[f"dA{l - 1}"] = dA
        if intermediates:
            grads[f"dZ{l}"] = dZ
    return grads


def linear_backward(dZ: Array, cache: LinearCache) -> tuple[Array, Array, Array]:
    """``(dA_prev, dW, db)`` from ``dZ (n_l, m)`` and ``cache = (A_prev, W, b)``.

    ``dA_prev = W^T dZ`` ``(n_{l-1}, m)``, ``dW = (1/m) dZ A_prev^T`` ``(n_l, n_{l-1})``,
    ``db = (1/m) sum_columns dZ`` ``(n_l, 1)``.
    """
    return linear_backward_unchecked(*check_linear_backward(dZ, cache))


def linear_activation_backward(
    dA: Array, cache: LayerCache, activation: str | Activation
) -> tuple[Array, Array, Array]:
    """``(dA_prev, dW, db)`` from ``dA (n_l, m)`` and ``cache = ((A_prev, W, b), Z)``.

    ``dZ = dA * g'(Z)`` (elementwise, ``g`` named by ``activation``), then
    :func:`linear_backward`.
    """
    dA, (linear_cache, Z) = check_linear_activation_backward(dA, cache)
    dZ = activation_backward_unchecked(dA, Z, get_activation(activation))
    return linear_backward_unchecked(dZ, linear_cache)


def L_model_backward(
    AL: Array,
    Y: Array,
    caches: Sequence[LayerCache],
    activation: str | Activation = "relu",
    *,
    intermediates: bool = False,
) -> dict[str, Array]:
    """Gradients ``{dA0, ..., dA{L-1}, dW1, ..., dWL, db1, ..., dbL}``, each with its array's shape.

    ``AL (1, m)`` and ``caches`` are what :func:`L_model_forward` returned, ``Y (1, m)`` the
    labels. As the course, it starts from ``dAL = -(Y / AL - (1 - Y) / (1 - AL))`` and lets the
    sigmoid layer's backward step multiply by ``sigma'(ZL)``, which gives ``dZL = AL - Y`` when
    ``AL = sigma(ZL)``; ``AL`` must therefore avoid exactly 0 and 1. ``activation`` is the hidden
    layers' ``g`` (ReLU). With ``intermediates=True`` the dict also holds ``dZ1, ..., dZL``.
    """
    AL, Y, checked = check_L_model_backward(AL, Y, caches)
    return L_model_backward_unchecked(AL, Y, checked, get_activation(activation), intermediates)


def update_parameters(
    parameters: Parameters, grads: dict[str, Array], learning_rate: float
) -> Parameters:
    """One step of gradient descent, ``W[l] := W[l] - learning_rate * dW[l]`` (and ``b[l]``) for
    every layer.

    Returns a new dict; ``parameters`` is left alone.
    """
    parameters = check_deep_parameters(parameters)
    return update_unchecked(parameters, check_update(parameters, grads), learning_rate)
