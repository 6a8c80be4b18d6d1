"""Hidden-layer activations, each with its derivative written right next to it.

Every activation is an :class:`Activation` with two functions of arrays of any shape:

* ``g(Z)`` -- the activation itself, ``A = g(Z)``;
* ``g_prime(Z, A)`` -- its derivative ``g'(Z)``, given both ``Z`` and the cached ``A = g(Z)``.

Backprop has both ``Z1`` and ``A1`` in its cache, so ``g_prime`` may use whichever gives the
shorter formula. Where the course writes the derivative through ``A`` (sigmoid ``A(1-A)``,
tanh ``1 - A**2``) so do we; ``uses`` records which of the two a formula needs.

Look an activation up by name with :func:`get_activation`; ``ACTIVATIONS`` lists them all.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Array = np.ndarray


@dataclass(frozen=True)
class Activation:
    """An activation ``g`` and its derivative ``g'`` (elementwise, any shape)."""

    name: str
    g: Callable[[Array], Array]
    g_prime: Callable[[Array, Array], Array]
    uses: str  # which of Z, A the formula for g' needs: "a", "z" or "z, a"

    def __call__(self, Z: Array) -> Array:
        return self.g(Z)

    def g_prime_code(self, A: str = "A", Z: str = "Z") -> str:
        """The formula of ``g'`` as its code spells it, e.g. ``"1 - A1**2"`` for tanh with
        ``A="A1"``: the expression ``g_prime`` returns, read from its source (one source)."""
        source = textwrap.dedent(inspect.getsource(self.g_prime))
        returned = next(n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Return))
        code = ast.get_source_segment(source, returned)
        return re.sub(r"\b[AZ]\b", lambda name: {"A": A, "Z": Z}[name.group()], code)


def sigmoid(Z: Array) -> Array:
    """The logistic function ``1 / (1 + exp(-Z))``, same shape as ``Z``, numerically stable.

    Written naively, ``np.exp(-Z)`` overflows for ``Z < -709`` (a warning, then ``inf``). Here
    ``1 / (1 + e^-z)`` is used for ``z >= 0`` and the same number written ``e^z / (1 + e^z)`` for
    ``z < 0``: the exponential is of ``-|z|``, at most 1, so it never overflows and every digit is
    kept.
    """
    e = np.exp(-np.abs(Z))
    return np.where(Z >= 0, 1 / (1 + e), e / (1 + e))[()]  # [()]: a number stays a number


def _sigmoid_prime(Z: Array, A: Array) -> Array:
    return A * (1 - A)


def _tanh_prime(Z: Array, A: Array) -> Array:
    return 1 - A**2


def relu(Z: Array) -> Array:
    """``max(0, Z)`` elementwise."""
    return np.maximum(Z, 0.0)


def _relu_prime(Z: Array, A: Array) -> Array:
    return (Z > 0).astype(Z.dtype)


LEAKY_SLOPE = 0.01  # slope of leaky ReLU for Z < 0


def leaky_relu(Z: Array) -> Array:
    """``Z`` for ``Z > 0``, ``0.01 Z`` otherwise."""
    return np.where(Z > 0, Z, LEAKY_SLOPE * Z)


def _leaky_relu_prime(Z: Array, A: Array) -> Array:
    return np.where(Z > 0, 1.0, LEAKY_SLOPE)


def softplus(Z: Array) -> Array:
    """``log(1 + exp(Z))``, computed without overflow."""
    return np.logaddexp(0.0, Z)


def _softplus_prime(Z: Array, A: Array) -> Array:
    return sigmoid(Z)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("sigmoid", sigmoid, _sigmoid_prime, "a"),
        Activation("tanh", np.tanh, _tanh_prime, "a"),
        Activation("relu", relu, _relu_prime, "z"),
        Activation("leaky_relu", leaky_relu, _leaky_relu_prime, "z"),
        Activation("softplus", softplus, _softplus_prime, "z"),
    )
}


def get_activation(activation: str | Activation) -> Activation:
    """Return the registered activation called ``activation`` (or ``activation`` itself).

    Raises ``ValueError`` naming the known activations when the name is unknown.
    """
    if isinstance(activation, Activation):
        return activation
    try:
        return ACTIVATIONS[activation]
    except (KeyError, TypeError):
        known = ", ".join(repr(name) for name in ACTIVATIONS)
        raise ValueError(
            f"unknown activation {activation!r}; known activations are {known}"
        ) from None
