"""An independent implementation for the tests: activations written in autograd.numpy, not taken
from helpers."""

from __future__ import annotations

import autograd.numpy as anp

AUTOGRAD_ACTIVATIONS = {
    "sigmoid": lambda z: 0.5 * (anp.tanh(z / 2) + 1),
    "tanh": anp.tanh,
    "relu": lambda z: anp.maximum(z, 0.0),
    "leaky_relu": lambda z: anp.where(z > 0, z, 0.01 * z),
    "softplus": lambda z: anp.log1p(anp.exp(z)),
}


def cross_entropy_from_logits(Z, Y):
    """J = (1/m) sum of L over outputs and examples, with L = -(y log a + (1-y) log(1-a)) written as
    log(1 + e^z) - y z: the same function, without the cancellation in 1 - a that would cost
    autograd digits."""
    return anp.sum(anp.logaddexp(0.0, Z) - Y * Z) / Y.shape[1]
