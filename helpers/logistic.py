"""Logistic regression, the network without a hidden layer: the baseline the two-layer network
must beat.

Shapes: ``X (n_x, m)``, ``Y (1, m)``, ``w (n_x, 1)``, ``b`` a float, ``A = sigma(w^T X + b)`` of
shape ``(1, m)``. Gradients: ``dZ = A - Y``, ``dw = (1/m) X dZ^T``, ``db = (1/m) sum(dZ)``.
"""

from __future__ import annotations

import numpy as np

from .activations import sigmoid
from .network import cost_unchecked
from .validation import ShapeError, check_examples, check_logistic_model


def logistic_regression(
    X: np.ndarray, Y: np.ndarray, num_iterations: int = 2000, learning_rate: float = 0.5
) -> tuple[dict[str, np.ndarray | float], list[float]]:
    """Train ``w``, ``b`` from zeros by gradient descent; return ``({"w": w, "b": b}, costs)``."""
    X, Y = check_examples(X, Y)
    if Y.shape[0] != 1:
        raise ShapeError(
            f"Y has shape {Y.shape} but logistic regression has one output; "
            f"expected (1, {Y.shape[1]})"
        )
    m = X.shape[1]
    w, b = np.zeros((X.shape[0], 1)), 0.0
    costs = []
    for _ in range(num_iterations):
        A = sigmoid(w.T @ X + b)
        costs.append(cost_unchecked(A, Y))
        dZ = A - Y
        w = w - learning_rate * (1 / m) * (X @ dZ.T)
        b = b - learning_rate * (1 / m) * float(np.sum(dZ))
    return {"w": w, "b": b}, costs


def predict_logistic(model: dict[str, np.ndarray | float], X: np.ndarray) -> np.ndarray:
    """Boolean predictions ``sigma(w^T X + b) > 0.5``, shape ``(1, m)``."""
    w, b, X = check_logistic_model(model, X)
    return sigmoid(w.T @ X + b) > 0.5


def best_line(
    X: np.ndarray, Y: np.ndarray, directions: int = 360
) -> tuple[dict[str, np.ndarray | float], float]:
    """The straight line with the fewest errors on ``X (2, m)``, ``Y (1, m)``, by brute force:
    ``(model, accuracy)``, the model in :func:`predict_logistic`'s form,
    ``{"w": u (2, 1), "b": -c}``.

    For each of ``directions`` unit vectors ``u`` at equal angles around the circle, the examples
    are sorted by their projection ``u . x``, and every threshold ``c`` is tried that falls between
    two distinct projections (or below or above them all), predicting 1 where ``u . x > c``. The
    first best pair (direction, threshold) is kept, so the result is deterministic; the
    projections are computed entry by entry (no BLAS), so the counts are the same on every CPU.
    Logistic regression minimises the cross-entropy instead, and may find a line with more errors.
    """
    X, Y = check_examples(X, Y)
    if X.shape[0] != 2 or Y.shape[0] != 1:
        raise ShapeError(f"best_line needs X of shape (2, m) and Y of shape (1, m); got {X.shape}")
    m = X.shape[1]
    angles = 2 * np.pi * np.arange(directions) / directions
    u = np.stack([np.cos(angles), np.sin(angles)])  # (2, directions)
    projections = u[0][:, None] * X[0] + u[1][:, None] * X[1]  # (directions, m)
    order = np.argsort(projections, axis=1, kind="stable")
    sorted_projections = np.take_along_axis(projections, order, axis=1)
    ones = Y[0][order] == 1
    # threshold at position t = 0..m: the first t examples (in projection order) predicted 0
    start = np.zeros((directions, 1), dtype=int)
    zeros_below = np.concatenate([start, np.cumsum(~ones, axis=1)], axis=1)
    ones_above = ones.sum(axis=1, keepdims=True) - np.concatenate(
        [start, np.cumsum(ones, axis=1)], axis=1
    )
    correct = zeros_below + ones_above  # (directions, m + 1)
    between_distinct = np.ones_like(correct, dtype=bool)
    between_distinct[:, 1:-1] = sorted_projections[:, 1:] > sorted_projections[:, :-1]
    correct = np.where(between_distinct, correct, -1)
    d, t = np.unravel_index(np.argmax(correct), correct.shape)
    p = sorted_projections[d]
    c = p[0] - 1.0 if t == 0 else p[-1] + 1.0 if t == m else (p[t - 1] + p[t]) / 2
    return {"w": u[:, [d]], "b": -float(c)}, float(correct[d, t]) / m
