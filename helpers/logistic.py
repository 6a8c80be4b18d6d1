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
