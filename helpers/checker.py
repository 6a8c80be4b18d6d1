"""The exercise of notebook 06: run a learner's ``backward_propagation``, say what is wrong.

:func:`check_backward` is an :class:`~helpers.exercises.core.Exercise` whose reference is
:func:`helpers.network.backward_unchecked` and whose known mistakes are the gallery of
:mod:`helpers.bugs` (one mistake, then two at once). It calls the learner's function on several
small networks (the course's shape, square ones where a missing transpose cannot hide behind a
shape error, and ones with several outputs), compares each gradient with the reference and, for a
wrong one, names the mistake and the line the learner probably wrote, or else the lines the
mistake must be in. It never raises::

    result = check_backward(my_backward_propagation)
    print(result)               # the diagnosis in words
    result.finished, result.passed, result.mistakes
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .activations import Activation, get_activation
from .bugs import BUGS, shown
from .exercises.core import CheckResult, Exercise, Mistake, Problem
from .network import GRADIENTS, backward_unchecked, forward_unchecked


@dataclass(frozen=True)
class Network:
    """A test network's sizes: ``X (n_x, m)``, ``W1 (n_h, n_x)``, ``W2 (n_y, n_h)``,
    ``Y (n_y, m)``."""

    n_x: int
    n_h: int
    n_y: int
    m: int

    def __str__(self) -> str:
        return f"n_x={self.n_x}, n_h={self.n_h}, n_y={self.n_y}, m={self.m}"


NETWORKS = (
    Network(2, 4, 1, 7),  # the course's shape
    Network(3, 3, 1, 5),  # W1 square
    Network(3, 3, 3, 3),  # every matrix square: shape mistakes run, only the values show them
    Network(4, 2, 2, 6),  # W2 square, several outputs
    Network(5, 3, 2, 9),  # nothing square, several outputs
)


def network_problem(network: Network, seed: int, activation: str) -> Problem:
    """``(parameters, cache, X, Y)`` with weights ~ N(0, 1), so g' varies over the examples."""
    rng = np.random.default_rng(seed)
    n_x, n_h, n_y, m = network.n_x, network.n_h, network.n_y, network.m
    parameters = {
        "W1": rng.standard_normal((n_h, n_x)),
        "b1": rng.standard_normal((n_h, 1)),
        "W2": rng.standard_normal((n_y, n_h)),
        "b2": rng.standard_normal((n_y, 1)),
    }
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((n_y, m)) > 0.5).astype(float)
    _, cache = forward_unchecked(X, parameters, get_activation(activation))
    return Problem(str(network), (parameters, cache, X, Y), {"m": m, "n_y": n_y})


def _with_activation(activation: str) -> Callable[[Callable, Problem], object]:
    """Call a backward function as ``fn(parameters, cache, X, Y, activation)``, or with four
    arguments (the course's signature) if it takes four and the activation is the default tanh."""

    def call(function: Callable, problem: Problem) -> object:
        try:
            inspect.signature(function).bind(*problem.args, activation)
        except TypeError:
            if activation == "tanh":
                return function(*problem.args)
        except ValueError:  # no signature (some builtins): just call it
            pass
        return function(*problem.args, activation)

    return call


def backward_hints(g1: Activation) -> tuple[str, ...]:
    """Hints in levels for the backward pass with hidden activation ``g1``: the order of the lines,
    then where each was derived and its shape, then the lines most often wrong and why. No hint
    gives a line of code (that is ``.solution()``)."""
    through = {"a": "A1 = g(Z1), already in the cache", "z": "Z1", "z, a": "Z1 and A1"}[g1.uses]
    return (
        "Go backwards from the output, one line per quantity, each using only the cache, the "
        "parameters, X, Y and the lines above it: dZ2; then dW2 and db2 from it; then dA1, "
        "dZ1, and dW1 and db1 from dZ1. m is the number of examples.",
        "Where each line was derived, and the shape it must have. dZ2 (n_y, m): notebook 01's "
        "dL/dz, one column per example, no 1/m. dW2 (n_y, n_h) and db2 (n_y, 1): notebook 04, "
        "the mean over the examples of each example's gradient, so a product that sums over "
        "the m columns, or a sum over axis 1 that keeps the column, times 1/m. dA1 (n_h, m): "
        "notebook 03, hidden unit k collects dZ2 of every output i through W2[i, k]; which "
        "matrix maps (n_y, m) to (n_h, m)? dZ1 (n_h, m): notebook 02, dA1 times g1'(Z1) entry by "
        f"entry; notebook 05 writes {g1.name}' through {through}. dW1 (n_h, n_x) and db1 (n_h, "
        "1): as dW2 and db2, one layer down, with X where A1 was.",
        "The lines most often wrong, and why. m is the number of columns of X (X.shape[0] is "
        "n_x). dA1 needs the transpose of W2, which is (n_y, n_h), and a matrix product: each "
        "hidden unit sums over the outputs. In dZ1 the factor is g1' at Z1, not g1 itself: for "
        f"{g1.name}, derive g' and write it through {through}"
        + (" (a formula written through a must be fed A1, not Z1). " if g1.uses == "a" else ". ")
        + "Each db keeps its column shape (n, 1): keepdims=True.",
    )


@functools.cache
def backward_exercise(activation: str = "tanh", seed: int = 0) -> Exercise:
    """The exercise of writing ``backward_propagation`` for a hidden ``activation``."""
    g1 = get_activation(activation)

    def wrap(source: Callable) -> Callable:
        def backward(parameters, cache, X, Y, activation=g1.name):
            return source(parameters, cache, X, Y, g1)

        return backward

    mistakes = [
        Mistake(bug.name, bug.title, bug.description, bug.replacements(g1))
        for bug in BUGS.values()
        if bug.applies(g1)
    ]
    return Exercise(
        name="backward_propagation",
        title="the backward pass of the two-layer network",
        reference=wrap(backward_unchecked),
        problems=lambda: [
            network_problem(network, seed + i, g1.name) for i, network in enumerate(NETWORKS)
        ],
        outputs=GRADIENTS,
        notebook="06_gradient_checking",
        hints=backward_hints(g1),
        mistakes=mistakes,
        returns="dict",
        pairs=True,
        source=backward_unchecked,
        wrap=wrap,
        call=_with_activation(g1.name),
        like={key: key[1:] for key in GRADIENTS},
        show=lambda line: shown(line, g1),
        argument_names=("parameters", "cache", "X", "Y"),
        problem_word="networks",
    )


def check_backward(fn: object, activation: str = "tanh", seed: int = 0) -> CheckResult:
    """Run ``fn(parameters, cache, X, Y, activation)`` on the test networks and diagnose it.

    Never raises. ``fn`` should return ``{"dW1": ..., "db1": ..., "dW2": ..., "db2": ...}``, each
    with its parameter's shape. A function of four arguments ``(parameters, cache, X, Y)`` is
    accepted for the default tanh.
    """
    try:
        name = get_activation(activation).name
    except ValueError as error:
        return CheckResult(False, False, f"Cannot check: {error}.")
    return backward_exercise(name, seed).check(fn)
