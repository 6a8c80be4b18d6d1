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

As in :mod:`helpers.network`, each public function checks its inputs and then runs a private twin;
``L_model_forward`` and ``L_model_backward`` check once and call the twins.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .activations import Activation, get_activation
from .network import _update_parameters, compute_cost
from .validation import (
    MissingKeyError,
    ShapeError,
    check_array,
    check_labels,
    check_same_shape,
    require_keys,
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

Parameters = dict[str, np.ndarray]
LinearCache = tuple[np.ndarray, np.ndarray, np.ndarray]  # (A_prev, W, b)
LayerCache = tuple[LinearCache, np.ndarray]  # ((A_prev, W, b), Z)
OUTPUT = get_activation("sigmoid")


def initialize_parameters_deep(
    layer_dims: Sequence[int], seed: int | None = 3, scale: float | None = 0.01
) -> Parameters:
    """``W1, b1, ..., WL, bL`` for ``layer_dims = [n_x, n_1, ..., n_L]``: ``W[l] (n_l, n_{l-1})``,
    ``b[l] (n_l, 1)``.

    The weights are drawn layer by layer from NumPy's legacy generator seeded with ``seed`` (the
    course's ``np.random.seed(3)``) and multiplied by ``scale`` (the course's ``* 0.01``); the
    biases are zero. ``scale=None`` divides layer ``l``'s weights by ``sqrt(n_{l-1})`` instead, as
    the course's application notebook does, so that a deep stack's signal is not shrunk 100-fold per
    layer.
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


def number_of_layers(parameters: Parameters) -> int:
    """``L``: the number of weight matrices ``W1, W2, ...`` in ``parameters`` (numbered from 1
    without gaps)."""
    if not isinstance(parameters, dict):
        raise TypeError(
            "parameters must be a dict with keys W1, b1, ..., WL, bL, "
            f"got {type(parameters).__name__}"
        )
    L = 0
    while f"W{L + 1}" in parameters:
        L += 1
    if L == 0:
        raise MissingKeyError("parameters is missing key 'W1'; expected keys W1, b1, ..., WL, bL")
    return L


def check_deep_parameters(parameters: Parameters, n_x: int | None = None) -> Parameters:
    """Check that ``W[l] (n_l, n_{l-1})`` and ``b[l] (n_l, 1)`` chain for ``l = 1 .. L``; return
    them as floats.

    ``n_x``, when given, is the number of rows of ``X`` that ``W1`` must fit.
    """
    L = number_of_layers(parameters)
    checked = {}
    n_prev, prev_name = n_x, "X"
    for l in range(1, L + 1):
        if f"b{l}" not in parameters:
            raise MissingKeyError(
                f"parameters is missing key 'b{l}'; expected keys W1, b1, ..., W{L}, b{L}"
            )
        W = check_array(f"W{l}", parameters[f"W{l}"])
        if n_prev is not None and W.shape[1] != n_prev:
            rows = "rows (features)" if l == 1 else "rows (units)"
            raise ShapeError(
                f"W{l} has shape {W.shape} but {prev_name} has {n_prev} {rows}; "
                f"expected W{l} of shape ({W.shape[0]}, {n_prev})"
            )
        checked[f"W{l}"] = W
        checked[f"b{l}"] = check_same_shape(
            f"b{l}", parameters[f"b{l}"], (W.shape[0], 1), f"W{l} has {W.shape[0]} rows"
        )
        n_prev, prev_name = W.shape[0], f"W{l}"
    return checked


# ---------------------------------------------------------------- forward


def _linear_forward(A: np.ndarray, W: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, LinearCache]:
    return np.dot(W, A) + b, (A, W, b)


def _linear_activation_forward(A_prev, W, b, g: Activation) -> tuple[np.ndarray, LayerCache]:
    Z, linear_cache = _linear_forward(A_prev, W, b)
    return g.g(Z), (linear_cache, Z)


def _check_layer_inputs(
    A_prev, W, b, A_name: str = "A_prev"
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    A_prev = check_array(A_name, A_prev)
    W = check_array("W", W)
    if W.shape[1] != A_prev.shape[0]:
        raise ShapeError(
            f"W has shape {W.shape} but {A_name} has {A_prev.shape[0]} rows; "
            f"expected W of shape ({W.shape[0]}, {A_prev.shape[0]})"
        )
    b = check_same_shape("b", b, (W.shape[0], 1), f"W has {W.shape[0]} rows")
    return A_prev, W, b


def linear_forward(A: np.ndarray, W: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, LinearCache]:
    """``(Z, cache)``: ``Z = W A + b`` ``(n_l, m)`` and ``cache = (A, W, b)``.

    ``A (n_{l-1}, m)`` is the previous layer's output, ``W (n_l, n_{l-1})``, ``b (n_l, 1)``.
    """
    return _linear_forward(*_check_layer_inputs(A, W, b, "A"))


def linear_activation_forward(
    A_prev: np.ndarray, W: np.ndarray, b: np.ndarray, activation: str | Activation
) -> tuple[np.ndarray, LayerCache]:
    """``(A, cache)``: ``A = g(W A_prev + b)`` of shape ``(n_l, m)`` and
    ``cache = ((A_prev, W, b), Z)``."""
    return _linear_activation_forward(
        *_check_layer_inputs(A_prev, W, b), get_activation(activation)
    )


def _L_model_forward(
    X: np.ndarray, parameters: Parameters, g: Activation
) -> tuple[np.ndarray, list[LayerCache]]:
    L = number_of_layers(parameters)
    caches = []
    A = X
    for l in range(1, L + 1):
        A, cache = _linear_activation_forward(
            A, parameters[f"W{l}"], parameters[f"b{l}"], g if l < L else OUTPUT
        )
        caches.append(cache)
    return A, caches


def L_model_forward(
    X: np.ndarray, parameters: Parameters, activation: str | Activation = "relu"
) -> tuple[np.ndarray, list[LayerCache]]:
    """``(AL, caches)``: the output ``AL (1, m)`` of ``L - 1`` hidden layers (``activation``) and a
    sigmoid layer.

    ``caches[l - 1] = ((A[l-1], W[l], b[l]), Z[l])`` for ``l = 1 .. L``.
    """
    X = check_array("X", X)
    parameters = check_deep_parameters(parameters, n_x=X.shape[0])
    return _L_model_forward(X, parameters, get_activation(activation))


# ---------------------------------------------------------------- backward


def _linear_backward(
    dZ: np.ndarray, cache: LinearCache
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    dW = (1 / m) * np.dot(dZ, A_prev.T)
    db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def _linear_activation_backward(dA: np.ndarray, cache: LayerCache, g: Activation):
    linear_cache, Z = cache
    dZ = dA * g.g_prime(Z, g.g(Z))  # elementwise: each unit of each example has its own g'
    return _linear_backward(dZ, linear_cache)


def _require_tuple(where: str, cache: object, length: int, layout: str, maker: str) -> None:
    if not isinstance(cache, (tuple, list)) or len(cache) != length:
        length_text = f" of length {len(cache)}" if isinstance(cache, (tuple, list)) else ""
        got = type(cache).__name__ + length_text
        raise TypeError(f"{where} must be the tuple {layout} that {maker} returns, got {got}")


def _check_linear_cache(cache: object, where: str = "cache") -> LinearCache:
    _require_tuple(where, cache, 3, "(A_prev, W, b)", "linear_forward")
    return _check_layer_inputs(*cache)


def _check_layer_cache(cache: object, where: str = "cache") -> LayerCache:
    _require_tuple(where, cache, 2, "((A_prev, W, b), Z)", "linear_activation_forward")
    A_prev, W, b = _check_linear_cache(cache[0], f"{where}[0]")
    Z = check_same_shape(
        "Z",
        cache[1],
        (W.shape[0], A_prev.shape[1]),
        f"W has {W.shape[0]} rows and A_prev has {A_prev.shape[1]} columns",
    )
    return (A_prev, W, b), Z


def linear_backward(
    dZ: np.ndarray, cache: LinearCache
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(dA_prev, dW, db)`` from ``dZ (n_l, m)`` and ``cache = (A_prev, W, b)``.

    ``dA_prev = W^T dZ`` ``(n_{l-1}, m)``, ``dW = (1/m) dZ A_prev^T`` ``(n_l, n_{l-1})``,
    ``db = (1/m) sum_columns dZ`` ``(n_l, 1)``.
    """
    A_prev, W, b = _check_linear_cache(cache)
    dZ = check_same_shape(
        "dZ",
        dZ,
        (W.shape[0], A_prev.shape[1]),
        f"W has {W.shape[0]} rows and A_prev has {A_prev.shape[1]} columns",
    )
    return _linear_backward(dZ, (A_prev, W, b))


def linear_activation_backward(
    dA: np.ndarray, cache: LayerCache, activation: str | Activation
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(dA_prev, dW, db)`` from ``dA (n_l, m)`` and ``cache = ((A_prev, W, b), Z)``.

    ``dZ = dA * g'(Z)`` (elementwise, ``g`` named by ``activation``), then :func:`linear_backward`.
    """
    cache = _check_layer_cache(cache)
    dA = check_same_shape("dA", dA, cache[1].shape, f"Z in the cache has shape {cache[1].shape}")
    return _linear_activation_backward(dA, cache, get_activation(activation))


def _L_model_backward(AL: np.ndarray, Y: np.ndarray, caches: list[LayerCache], g: Activation):
    L = len(caches)
    grads = {}
    # dL/dAL; times sigma'(ZL) below, it becomes AL - Y
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        activation = OUTPUT if l == L else g
        dA, grads[f"dW{l}"], grads[f"db{l}"] = _linear_activation_backward(
            dA, caches[l - 1], activation
        )
        grads[f"dA{l - 1}"] = dA
    return grads


def L_model_backward(
    AL: np.ndarray,
    Y: np.ndarray,
    caches: Sequence[LayerCache],
    activation: str | Activation = "relu",
) -> dict[str, np.ndarray]:
    """Gradients ``{dA0, ..., dA{L-1}, dW1, ..., dWL, db1, ..., dbL}``, each with its array's shape.

    ``AL (1, m)`` and ``caches`` are what :func:`L_model_forward` returned, ``Y (1, m)`` the labels.
    As the course, it starts from ``dAL = -(Y / AL - (1 - Y) / (1 - AL))`` and lets the sigmoid
    layer's backward step multiply by ``sigma'(ZL)``, which gives ``dZL = AL - Y`` when
    ``AL = sigma(ZL)``; ``AL`` must therefore avoid exactly 0 and 1. ``activation`` is the hidden
    layers' ``g`` (ReLU).
    """
    AL = check_array("AL", AL)
    if np.any((AL == 0) | (AL == 1)):
        i, j = np.argwhere((AL == 0) | (AL == 1))[0]
        raise ValueError(
            f"AL[{i}, {j}] = {AL[i, j]}: dAL = -(Y / AL - (1 - Y) / (1 - AL)) is "
            "undefined where the output is exactly 0 or 1 (the sigmoid saturated; "
            "|ZL| > 36)"
        )
    Y = check_labels(Y, m=AL.shape[1])
    if Y.shape != AL.shape:
        raise ShapeError(f"Y has shape {Y.shape} but AL has shape {AL.shape}")
    if not isinstance(caches, (list, tuple)) or len(caches) == 0:
        raise TypeError(
            "caches must be the non-empty list of layer caches that L_model_forward returns"
        )
    checked = [_check_layer_cache(cache, f"caches[{i}]") for i, cache in enumerate(caches)]
    for i in range(1, len(checked)):
        n_prev = checked[i - 1][1].shape[0]
        if checked[i][0][0].shape != (n_prev, AL.shape[1]):
            raise ShapeError(
                f"caches[{i}] has A_prev of shape {checked[i][0][0].shape} but "
                f"caches[{i - 1}] has Z of shape {checked[i - 1][1].shape}; "
                f"expected ({n_prev}, {AL.shape[1]})"
            )
    if checked[-1][1].shape != AL.shape:
        raise ShapeError(
            f"the last cache has Z of shape {checked[-1][1].shape} but AL has shape {AL.shape}"
        )
    return _L_model_backward(AL, Y, checked, get_activation(activation))


def update_parameters(
    parameters: Parameters, grads: dict[str, np.ndarray], learning_rate: float
) -> Parameters:
    """One step of gradient descent, ``W[l] := W[l] - learning_rate * dW[l]`` (and ``b[l]``) for
    every layer.

    Returns a new dict; ``parameters`` is left alone.
    """
    parameters = check_deep_parameters(parameters)
    require_keys("grads", grads, tuple("d" + key for key in parameters))
    for key, value in parameters.items():
        check_same_shape("d" + key, grads["d" + key], value.shape, f"{key} has shape {value.shape}")
    return _update_parameters(parameters, grads, learning_rate)
