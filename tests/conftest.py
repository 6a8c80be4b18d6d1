"""Shared fixtures. Hypothesis runs derandomized, so every run (and CI) tries the same examples."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "course",
    derandomize=True,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("course")


def random_network(n_x: int, n_h: int, n_y: int, m: int, seed: int = 0, scale: float = 1.0):
    """``(parameters, X, Y)``: weights ~ N(0, scale^2), inputs ~ N(0, 1), random 0/1 labels."""
    rng = np.random.default_rng(seed)
    parameters = {
        "W1": scale * rng.standard_normal((n_h, n_x)),
        "b1": scale * rng.standard_normal((n_h, 1)),
        "W2": scale * rng.standard_normal((n_y, n_h)),
        "b2": scale * rng.standard_normal((n_y, 1)),
    }
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((n_y, m)) > 0.5).astype(float)
    return parameters, X, Y


@pytest.fixture
def small_network():
    """A 3 -> 4 -> 1 network on 5 examples."""
    return random_network(3, 4, 1, 5)
