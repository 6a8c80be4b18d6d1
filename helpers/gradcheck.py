"""Gradient checking: compare an analytic gradient with centred finite differences.

For a scalar function ``J`` of an array ``theta``, each component of the gradient is approximated by

    (J(theta + eps e_i) - J(theta - eps e_i)) / (2 eps)       error O(eps^2)

and the two gradients are compared by their relative error ``||a - n|| / (||a|| + ||n||)``.
In float64, a correct gradient gives about 1e-9 or less; above 1e-7 look closer; above 1e-5 it is
almost surely wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .activations import Activation, get_activation
from .network import backward_propagation, cost_from_Z2, forward_unchecked
from .validation import check_array, check_labels, check_parameters

GOOD = 1e-7  # relative error below which a float64 gradient counts as right
WRONG = 1e-5  # relative error above which it is almost surely wrong
DEFAULT_EPSILON = 1e-6  # step: balances truncation error (eps^2) against round-off (1e-16 / eps)


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: np.ndarray, epsilon: float = DEFAULT_EPSILON
) -> np.ndarray:
    """Centred-difference gradient of the scalar function ``f`` at ``x`` (same shape as ``x``).

    ``f`` is called with a float64 copy of ``x`` perturbed one entry at a time; ``x`` is not
    changed.
    """
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + epsilon
        f_plus = f(x)
        x[index] = saved - epsilon
        f_minus = f(x)
        x[index] = saved
        grad[index] = (f_plus - f_minus) / (2 * epsilon)
    return grad


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> float:
    """``||analytic - numeric|| / (||analytic|| + ||numeric||)``; 0 when both are zero."""
    analytic, numeric = np.asarray(analytic, dtype=float), np.asarray(numeric, dtype=float)
    if analytic.shape != numeric.shape:
        raise ValueError(
            f"cannot compare a gradient of shape {analytic.shape} with one of shape {numeric.shape}"
        )
    if not np.any(analytic) and not np.any(numeric):
        return 0.0  # both gradients are zero: they agree
    denominator = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    return float(np.linalg.norm(analytic - numeric) / denominator)


def format_error(error: float) -> str:
    """A relative error for printing: its value, or the bound it is below when it is rounding noise.

    Below 1e-8 the digits of a relative error are round-off, which differs between machines (and
    would make stored notebook outputs flaky), so it prints as ``< 1e-08`` (or ``< 1e-14``, exact
    up to float64 rounding).
    """
    return next((f"< {bound:.0e}" for bound in (1e-14, 1e-8) if error < bound), f"{error:.1e}")


def verdict(error: float) -> str:
    """A word for a relative error: ``"correct"``, ``"suspicious"`` or ``"wrong"``."""
    return "correct" if error < GOOD else ("suspicious" if error < WRONG else "wrong")


@dataclass
class GradCheckResult:
    """Relative error of each gradient (``errors["dW1"]`` ...) and of all of them together
    (``overall``)."""

    analytic: dict[str, np.ndarray]
    numeric: dict[str, np.ndarray]
    errors: dict[str, float] = field(init=False)
    overall: float = field(init=False)

    def __post_init__(self) -> None:
        self.errors = {
            key: relative_error(self.analytic[key], self.numeric[key]) for key in self.numeric
        }
        stack = lambda grads: np.concatenate([grads[key].ravel() for key in self.numeric])  # noqa: E731
        self.overall = relative_error(stack(self.analytic), stack(self.numeric))

    @property
    def passed(self) -> bool:
        return self.overall < GOOD

    def __str__(self) -> str:
        lines = [
            f"{key:>4}: relative error {format_error(error):>7}  {verdict(error)}"
            for key, error in self.errors.items()
        ]
        lines.append(
            f" all: relative error {format_error(self.overall):>7}  {verdict(self.overall)}"
            f" (correct means < {GOOD:.0e})"
        )
        return "\n".join(lines)


def network_numerical_gradients(
    parameters: dict[str, np.ndarray],
    X: np.ndarray,
    Y: np.ndarray,
    activation: str | Activation = "tanh",
    epsilon: float = DEFAULT_EPSILON,
) -> dict[str, np.ndarray]:
    """Centred-difference gradients of the cost ``J`` with respect to ``W1, b1, W2, b2``, keyed
    ``dW1`` ...

    ``J`` is computed from ``Z2`` (:func:`helpers.network.cost_from_Z2`), which keeps every digit.
    """
    X = check_array("X", X)
    Y = check_labels(Y, m=X.shape[1])
    params = check_parameters(parameters, X.shape[0])
    g1 = get_activation(activation)

    def cost(key: str, value: np.ndarray) -> float:
        _, cache = forward_unchecked(X, {**params, key: value}, g1)
        return cost_from_Z2(cache["Z2"], Y)

    return {
        "d" + key: numerical_gradient(lambda value, key=key: cost(key, value), params[key], epsilon)
        for key in params
    }


def gradient_check(
    parameters: dict[str, np.ndarray],
    X: np.ndarray,
    Y: np.ndarray,
    activation: str | Activation = "tanh",
    backward: Callable | None = None,
    epsilon: float = DEFAULT_EPSILON,
) -> GradCheckResult:
    """Check ``backward(parameters, cache, X, Y, activation)`` (default: the reference) against
    finite differences."""
    backward = backward or backward_propagation
    X = check_array("X", X)
    g1 = get_activation(activation)
    _, cache = forward_unchecked(X, check_parameters(parameters, X.shape[0]), g1)
    analytic = backward(parameters, cache, X, Y, activation)
    numeric = network_numerical_gradients(parameters, X, Y, activation, epsilon)
    return GradCheckResult(analytic=analytic, numeric=numeric)
