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
from .bugs import BUGS, LINES, shown
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
    """Hints in levels for the backward pass with hidden activation ``g1``; the last two give the
    reference's lines (read from :func:`helpers.network.backward_unchecked`, ``g'`` spelled out)."""
    lines = lambda names: "\n".join(f"    {shown(LINES[n], g1)}" for n in names)  # noqa: E731
    return (
        "Go backwards from the output, one line per quantity: dZ2 (notebook 01), then dW2 and "
        "db2 from it; dA1 (03, why the transpose), dZ1 (02, with g1' of the hidden layer), then "
        "dW1 and db1. Every dW and db is a mean over the examples (04): m counts the columns "
        "of X.",
        "The output layer, from the cache:\n" + lines(("m", "dZ2", "dW2", "db2")),
        f"The hidden layer ({g1.name}):\n" + lines(("dA1", "g1_prime", "dZ1", "dW1", "db1")),
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
