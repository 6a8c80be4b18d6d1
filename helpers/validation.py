"""Input checks for the reference networks, kept apart from the formulas.

Each public function of :mod:`helpers.network`, :mod:`helpers.deep` and :mod:`helpers.logistic`
calls one ``check_*`` function here and then the formulas. An error names the array the caller
passed, its shape and what was expected, e.g.
``W1 has shape (4, 3) but X has 2 rows (features); expected W1 of shape (4, 2)``; it never names an
array the caller did not pass.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

Array = np.ndarray
Parameters = dict[str, Array]  # W1, b1, W2, b2 (or W1, b1, ..., WL, bL)
Cache = dict[str, Array]  # Z1, A1, Z2, A2
LinearCache = tuple[Array, Array, Array]  # (A_prev, W, b), as the course's Week 4 lays it out
LayerCache = tuple[LinearCache, Array]  # ((A_prev, W, b), Z)

TWO_LAYER_KEYS = ("W1", "b1", "W2", "b2")
CACHE_KEYS = ("Z1", "A1", "Z2", "A2")


class ShapeError(ValueError):
    """An array has a shape that does not fit the network."""


class MissingKeyError(KeyError):
    """A dictionary (parameters, cache, grads) lacks a key the formulas need."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0])


# ---------------------------------------------------------------- single arrays


def count(n: int, thing: str) -> str:
    """``"1 row"``, ``"4 rows"``: a number and a noun that agrees with it."""
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def check_array(name: str, value: object) -> Array:
    """``value`` as a 2-D float array; ``TypeError``/``ShapeError``/``ValueError`` otherwise.

    Accepts bool, int and float arrays; rejects NaN and inf.
    """
    if not isinstance(value, np.ndarray):
        raise TypeError(f"{name} must be a NumPy array, got {type(value).__name__}")
    if value.ndim != 2:
        raise ShapeError(
            f"{name} has shape {value.shape} but must be 2-D (rows x columns)"
            + (f"; for a column use {name}.reshape(-1, 1)" if value.ndim == 1 else "")
        )
    if value.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold numbers, got dtype {value.dtype}")
    array = value.astype(np.float64) if value.dtype.kind in "biu" else value
    if not np.all(np.isfinite(array)):
        bad = np.argwhere(~np.isfinite(array))[0]
        raise ValueError(
            f"{name} contains NaN or inf (first at {name}[{bad[0]}, {bad[1]}] = "
            f"{array[tuple(bad)]})"
        )
    return array


def check_labels(Y: object, m: int | None = None, of: str = "X") -> Array:
    """Labels ``Y (n_y, m)`` with values 0/1 (bool, int or float), as a float array.

    ``m``, when given, is the number of columns of the array called ``of`` that ``Y`` must match.
    """
    Y = check_array("Y", Y)
    if m is not None and Y.shape[1] != m:
        raise ShapeError(
            f"Y has shape {Y.shape} but {of} has {count(m, 'column')} (examples); "
            f"expected (n_y, {m})"
        )
    bad = (Y != 0) & (Y != 1)
    if np.any(bad):
        where = np.argwhere(bad)[0]
        raise ValueError(
            f"Y must hold labels 0 or 1, but Y[{where[0]}, {where[1]}] = {Y[tuple(where)]}"
        )
    return Y


def check_same_shape(name: str, value: object, shape: tuple[int, ...], reason: str) -> Array:
    """``value`` checked by :func:`check_array` and required to have ``shape``.

    ``reason`` says why, e.g. ``"W1 has shape (4, 2)"``.
    """
    array = check_array(name, value)
    if array.shape != shape:
        raise ShapeError(f"{name} has shape {array.shape} but {reason}; expected {shape}")
    return array


def require_keys(name: str, mapping: object, keys: Sequence[str]) -> None:
    """Raise ``MissingKeyError`` unless ``mapping`` is a dict holding every key in ``keys``."""
    if not isinstance(mapping, Mapping):
        raise TypeError(
            f"{name} must be a dict with keys {', '.join(keys)}, got {type(mapping).__name__}"
        )
    missing = [key for key in keys if key not in mapping]
    if missing:
        raise MissingKeyError(
            f"{name} is missing key {', '.join(repr(k) for k in missing)}; "
            f"expected keys {', '.join(keys)}"
        )


# ---------------------------------------------------------------- the two-layer network


def check_parameters(parameters: object, n_x: int | None = None) -> Parameters:
    """``W1 (n_h, n_x)``, ``b1 (n_h, 1)``, ``W2 (n_y, n_h)``, ``b2 (n_y, 1)``, as floats.

    ``n_x``, when given, is the number of rows of ``X`` the parameters must fit.
    """
    require_keys("parameters", parameters, TWO_LAYER_KEYS)
    checked = {key: check_array(key, parameters[key]) for key in TWO_LAYER_KEYS}
    W1, b1, W2, b2 = (checked[key] for key in TWO_LAYER_KEYS)
    n_h, n_y = W1.shape[0], W2.shape[0]
    if n_x is not None and W1.shape[1] != n_x:
        raise ShapeError(
            f"W1 has shape {W1.shape} but X has {count(n_x, 'row')} (features); "
            f"expected W1 of shape ({n_h}, {n_x})"
        )
    if b1.shape != (n_h, 1):
        raise ShapeError(
            f"b1 has shape {b1.shape} but W1 has {count(n_h, 'row')}; "
            f"expected b1 of shape ({n_h}, 1)"
        )
    if W2.shape[1] != n_h:
        raise ShapeError(
            f"W2 has shape {W2.shape} but W1 has {count(n_h, 'row')} (hidden units); "
            f"expected W2 of shape ({n_y}, {n_h})"
        )
    if b2.shape != (n_y, 1):
        raise ShapeError(
            f"b2 has shape {b2.shape} but W2 has {count(n_y, 'row')}; "
            f"expected b2 of shape ({n_y}, 1)"
        )
    return checked


def check_examples(X: object, Y: object) -> tuple[Array, Array]:
    """Inputs ``X (n_x, m)`` and labels ``Y (n_y, m)`` with the same number of examples."""
    X = check_array("X", X)
    return X, check_labels(Y, m=X.shape[1])


def check_layer_sizes(X: object, Y: object) -> tuple[Array, Array]:
    """Arrays ``X (n_x, m)`` and ``Y (n_y, m)`` with the same number of columns (any values)."""
    X, Y = check_array("X", X), check_array("Y", Y)
    if Y.shape[1] != X.shape[1]:
        raise ShapeError(
            f"Y has shape {Y.shape} but X has {count(X.shape[1], 'column')} (examples)"
        )
    return X, Y


def check_forward(X: object, parameters: object) -> tuple[Array, Parameters]:
    """What ``forward_propagation(X, parameters)`` needs: parameters that fit ``X (n_x, m)``."""
    X = check_array("X", X)
    return X, check_parameters(parameters, n_x=X.shape[0])


def check_cost(A2: object, Y: object) -> tuple[Array, Array]:
    """What ``compute_cost(A2, Y)`` needs: probabilities ``A2`` and labels ``Y`` of one shape."""
    A2 = check_array("A2", A2)
    if np.any((A2 < 0) | (A2 > 1)):
        raise ValueError(
            f"A2 must hold probabilities in [0, 1], got values from {A2.min()} to {A2.max()}"
        )
    Y = check_labels(Y, m=A2.shape[1], of="A2")
    if Y.shape != A2.shape:
        raise ShapeError(f"Y has shape {Y.shape} but A2 has shape {A2.shape}")
    return A2, Y


def check_backward(
    parameters: object, cache: object, X: object, Y: object
) -> tuple[Parameters, Cache, Array, Array]:
    """What ``backward_propagation(parameters, cache, X, Y)`` needs.

    ``cache`` holds ``Z1, A1 (n_h, m)`` and ``Z2, A2 (n_y, m)`` for the ``m`` columns of ``X``.
    """
    X, parameters = check_forward(X, parameters)
    m = X.shape[1]
    n_h, n_y = parameters["W1"].shape[0], parameters["W2"].shape[0]
    require_keys("cache", cache, CACHE_KEYS)
    sizes = {"Z1": (n_h, "W1"), "A1": (n_h, "W1"), "Z2": (n_y, "W2"), "A2": (n_y, "W2")}
    checked_cache = {
        key: check_same_shape(
            f"cache['{key}']",
            cache[key],
            (n, m),
            f"{W} has {count(n, 'row')} and X has {count(m, 'column')}",
        )
        for key, (n, W) in sizes.items()
    }
    Y = check_labels(Y, m=m)
    if Y.shape[0] != n_y:
        raise ShapeError(
            f"Y has shape {Y.shape} but W2 has {count(n_y, 'row')} (outputs); expected ({n_y}, {m})"
        )
    return parameters, checked_cache, X, Y


def check_update(parameters: Parameters, grads: object) -> dict[str, Array]:
    """Gradients ``grads["dW1"]`` ... with the shapes of the (checked) ``parameters``."""
    require_keys("grads", grads, tuple("d" + key for key in parameters))
    return {
        "d" + key: check_same_shape(
            "d" + key, grads["d" + key], value.shape, f"{key} has shape {value.shape}"
        )
        for key, value in parameters.items()
    }


# ---------------------------------------------------------------- the L-layer network


def number_of_layers(parameters: object) -> int:
    """``L``: the number of weight matrices ``W1, W2, ...`` in ``parameters`` (numbered from 1)."""
    if not isinstance(parameters, Mapping):
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


def check_deep_parameters(parameters: object, n_x: int | None = None) -> Parameters:
    """``W[l] (n_l, n_{l-1})`` and ``b[l] (n_l, 1)`` that chain for ``l = 1 .. L``, as floats.

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
            rows = count(n_prev, "row") + (" (features)" if l == 1 else " (units)")
            raise ShapeError(
                f"W{l} has shape {W.shape} but {prev_name} has {rows}; "
                f"expected W{l} of shape ({W.shape[0]}, {n_prev})"
            )
        checked[f"W{l}"] = W
        checked[f"b{l}"] = check_same_shape(
            f"b{l}", parameters[f"b{l}"], (W.shape[0], 1), f"W{l} has {count(W.shape[0], 'row')}"
        )
        n_prev, prev_name = W.shape[0], f"W{l}"
    return checked


def check_layer(
    A_prev: object, W: object, b: object, A_name: str = "A_prev", where: str = ""
) -> LinearCache:
    """``A_prev (n_{l-1}, m)``, ``W (n_l, n_{l-1})``, ``b (n_l, 1)`` that fit one another.

    ``where``, for arrays the caller passed inside a cache, says which (``"caches[2][0]"``).
    """
    inside = f" (in {where})" if where else ""
    A_name, W_name, b_name = A_name + inside, "W" + inside, "b" + inside
    A_prev = check_array(A_name, A_prev)
    W = check_array(W_name, W)
    if W.shape[1] != A_prev.shape[0]:
        raise ShapeError(
            f"{W_name} has shape {W.shape} but {A_name} has {count(A_prev.shape[0], 'row')}; "
            f"expected W of shape ({W.shape[0]}, {A_prev.shape[0]})"
        )
    b = check_same_shape(b_name, b, (W.shape[0], 1), f"W has {count(W.shape[0], 'row')}")
    return A_prev, W, b


def _require_tuple(where: str, cache: object, length: int, layout: str, maker: str) -> None:
    if not isinstance(cache, (tuple, list)) or len(cache) != length:
        length_text = f" of length {len(cache)}" if isinstance(cache, (tuple, list)) else ""
        got = type(cache).__name__ + length_text
        raise TypeError(f"{where} must be the tuple {layout} that {maker} returns, got {got}")


def check_linear_cache(cache: object, where: str = "cache") -> LinearCache:
    """A linear cache ``(A_prev, W, b)`` as :func:`helpers.deep.linear_forward` returns it."""
    _require_tuple(where, cache, 3, "(A_prev, W, b)", "linear_forward")
    return check_layer(*cache, where=where)


def check_layer_cache(cache: object, where: str = "cache") -> LayerCache:
    """A layer cache ``((A_prev, W, b), Z)`` as ``linear_activation_forward`` returns it."""
    _require_tuple(where, cache, 2, "((A_prev, W, b), Z)", "linear_activation_forward")
    A_prev, W, b = check_linear_cache(cache[0], f"{where}[0]")
    Z = check_same_shape(
        f"Z (in {where}[1])",
        cache[1],
        (W.shape[0], A_prev.shape[1]),
        f"W has {count(W.shape[0], 'row')} and A_prev has {count(A_prev.shape[1], 'column')}",
    )
    return (A_prev, W, b), Z


def check_linear_backward(dZ: object, cache: object) -> tuple[Array, LinearCache]:
    """What ``linear_backward(dZ, cache)`` needs: ``dZ (n_l, m)`` that fits the cache."""
    A_prev, W, b = check_linear_cache(cache)
    dZ = check_same_shape(
        "dZ",
        dZ,
        (W.shape[0], A_prev.shape[1]),
        f"W has {count(W.shape[0], 'row')} and A_prev has {count(A_prev.shape[1], 'column')}",
    )
    return dZ, (A_prev, W, b)


def check_linear_activation_backward(dA: object, cache: object) -> tuple[Array, LayerCache]:
    """What ``linear_activation_backward(dA, cache, ...)`` needs: ``dA`` shaped like ``Z``."""
    cache = check_layer_cache(cache)
    Z = cache[1]
    return check_same_shape("dA", dA, Z.shape, f"Z in the cache has shape {Z.shape}"), cache


def check_L_model_backward(
    AL: object, Y: object, caches: object
) -> tuple[Array, Array, list[LayerCache]]:
    """What ``L_model_backward(AL, Y, caches)`` needs: caches that chain, ending in ``AL``."""
    AL = check_array("AL", AL)
    if np.any((AL == 0) | (AL == 1)):
        i, j = np.argwhere((AL == 0) | (AL == 1))[0]
        raise ValueError(
            f"AL[{i}, {j}] = {AL[i, j]}: dAL = -(Y / AL - (1 - Y) / (1 - AL)) is undefined "
            "where the output is exactly 0 or 1 (the sigmoid saturated; |ZL| > 36)"
        )
    Y = check_labels(Y, m=AL.shape[1], of="AL")
    if Y.shape != AL.shape:
        raise ShapeError(f"Y has shape {Y.shape} but AL has shape {AL.shape}")
    if not isinstance(caches, (list, tuple)) or len(caches) == 0:
        raise TypeError(
            "caches must be the non-empty list of layer caches that L_model_forward returns"
        )
    checked = [check_layer_cache(cache, f"caches[{i}]") for i, cache in enumerate(caches)]
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
            f"caches[{len(checked) - 1}] has Z of shape {checked[-1][1].shape} "
            f"but AL has shape {AL.shape}"
        )
    return AL, Y, checked


# ---------------------------------------------------------------- logistic regression


def check_logistic_model(model: object, X: object) -> tuple[Array, float, Array]:
    """``(w, b, X)``: a model ``{"w": (n_x, 1), "b": number}`` that fits ``X (n_x, m)``."""
    X = check_array("X", X)
    require_keys("model", model, ("w", "b"))
    w = check_same_shape(
        "w", model["w"], (X.shape[0], 1), f"X has {count(X.shape[0], 'row')} (features)"
    )
    b = model["b"]
    if not isinstance(b, (int, float, np.integer, np.floating)) or not np.isfinite(b):
        raise TypeError(f"b must be a finite number, got {b!r}")
    return w, float(b), X
