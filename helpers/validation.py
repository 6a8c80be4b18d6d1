"""Input checks for the reference network: each error names the array, its shape and what was expected.

The public functions of :mod:`helpers.network` call these once per call; the training loop in
``nn_model`` checks its inputs once and then runs the unchecked formulas.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np


class ShapeError(ValueError):
    """An array has a shape that does not fit the network."""


class MissingKeyError(KeyError):
    """A dictionary (parameters, cache, grads) lacks a key the formulas need."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0])


def check_array(name: str, value: object) -> np.ndarray:
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
            f"{name} contains NaN or inf (first at {name}[{bad[0]}, {bad[1]}] = {array[tuple(bad)]})"
        )
    return array


def check_labels(Y: object, m: int | None = None) -> np.ndarray:
    """Labels ``Y`` of shape ``(n_y, m)`` with values 0/1 (bool, int or float) as a float array."""
    Y = check_array("Y", Y)
    if m is not None and Y.shape[1] != m:
        raise ShapeError(
            f"Y has shape {Y.shape} but X has {m} columns (examples); expected (n_y, {m})"
        )
    bad = (Y != 0) & (Y != 1)
    if np.any(bad):
        where = np.argwhere(bad)[0]
        raise ValueError(
            f"Y must hold labels 0 or 1, but Y[{where[0]}, {where[1]}] = {Y[tuple(where)]}"
        )
    return Y


def require_keys(name: str, mapping: object, keys: tuple[str, ...]) -> None:
    """Raise ``MissingKeyError`` unless ``mapping`` is a dict holding every key in ``keys``."""
    if not isinstance(mapping, Mapping):
        raise TypeError(
            f"{name} must be a dict with keys {', '.join(keys)}, got {type(mapping).__name__}"
        )
    missing = [key for key in keys if key not in mapping]
    if missing:
        raise MissingKeyError(
            f"{name} is missing key {', '.join(repr(k) for k in missing)}; expected keys {', '.join(keys)}"
        )


def check_parameters(parameters: object, n_x: int | None = None) -> dict[str, np.ndarray]:
    """Check ``W1 (n_h, n_x)``, ``b1 (n_h, 1)``, ``W2 (n_y, n_h)``, ``b2 (n_y, 1)``; return them as floats.

    ``n_x``, when given, is the number of rows of ``X`` the parameters must fit.
    """
    require_keys("parameters", parameters, ("W1", "b1", "W2", "b2"))
    checked = {key: check_array(key, parameters[key]) for key in ("W1", "b1", "W2", "b2")}
    W1, b1, W2, b2 = (checked[key] for key in ("W1", "b1", "W2", "b2"))
    n_h = W1.shape[0]
    n_y = W2.shape[0]
    if n_x is not None and W1.shape[1] != n_x:
        raise ShapeError(
            f"W1 has shape {W1.shape} but X has {n_x} rows (features); expected W1 of shape ({n_h}, {n_x})"
        )
    if b1.shape != (n_h, 1):
        raise ShapeError(
            f"b1 has shape {b1.shape} but W1 has {n_h} rows; expected b1 of shape ({n_h}, 1)"
        )
    if W2.shape[1] != n_h:
        raise ShapeError(
            f"W2 has shape {W2.shape} but W1 has {n_h} rows (hidden units); expected W2 of shape ({n_y}, {n_h})"
        )
    if b2.shape != (n_y, 1):
        raise ShapeError(
            f"b2 has shape {b2.shape} but W2 has {n_y} rows; expected b2 of shape ({n_y}, 1)"
        )
    return checked


def check_same_shape(name: str, value: object, shape: tuple[int, ...], reason: str) -> np.ndarray:
    """``value`` checked by :func:`check_array` and required to have ``shape`` (``reason`` says why)."""
    array = check_array(name, value)
    if array.shape != shape:
        raise ShapeError(f"{name} has shape {array.shape} but {reason}; expected {shape}")
    return array
