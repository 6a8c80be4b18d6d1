"""Notebook 05's exercises, in-process and fast (tests/test_exercises.py runs them in the notebook).

The solutions pass; each wrong answer is named as its block says; every known mistake is wrong on
the problems and told apart from the others; the references are the derivatives they claim to be
(finite differences of functions written out here); the predictions' answers are what the
notebook's sweep, its deep network and its explorer measure.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest

from helpers import backward_propagation, forward_propagation, load_planar_dataset, sigmoid
from helpers.deep import L_model_backward, L_model_forward, initialize_parameters_deep
from helpers.exercises import nb05
from helpers.exercises.core import Exercise, Prediction, relative_error
from helpers.exercises.editions import SOLUTIONS, WRONG_ANSWERS, blocks
from helpers.gradcheck import GOOD, numerical_gradient
from helpers.widgets.activations import SCALES, scaled_network, snapshot

EXERCISES = {
    name: item for name, item in vars(nb05).items() if isinstance(item, (Exercise, Prediction))
}
CHECKED = {name: item for name, item in EXERCISES.items() if isinstance(item, Exercise)}
SOLVED = blocks(SOLUTIONS / f"{nb05.NOTEBOOK}.py")
WRONG = blocks(WRONG_ANSWERS / f"{nb05.NOTEBOOK}.py")


def answer(name: str, code: str):
    """What the learner's cell defines: the function ``name``, or ``prediction``."""
    namespace = {"np": np, "sigmoid": sigmoid, "silu": nb05.silu}  # the notebook's names
    exec(code, namespace)  # noqa: S102 (our own solution and wrong-answer files)
    return namespace["prediction" if isinstance(EXERCISES[name], Prediction) else name]


def judge(name: str, value):
    exercise = EXERCISES[name]
    return exercise.reveal(value) if isinstance(exercise, Prediction) else exercise.check(value)


def test_every_exercise_has_a_solution_and_every_mistake_a_wrong_answer():
    assert {name for name, _, _ in SOLVED} == set(EXERCISES)
    for name, exercise in CHECKED.items():
        named = {mistake for block, mistake, _ in WRONG if block == name}
        assert named == {m.name for m in exercise.mistakes}, name
    for name in set(EXERCISES) - set(CHECKED):
        assert sum(block == name for block, _, _ in WRONG) >= 2, name


@pytest.mark.parametrize("name, code", [(name, code) for name, _, code in SOLVED])
def test_the_solution_passes(name, code):
    result = judge(name, answer(name, code))
    assert result.finished and result.passed, str(result)


@pytest.mark.parametrize("name, mistake, code", WRONG, ids=[f"{n}-{m}" for n, m, _ in WRONG])
def test_each_wrong_answer_is_named(name, mistake, code):
    result = judge(name, answer(name, code))
    text = " ".join(str(result).split())
    assert result.finished and not result.passed, text
    if name in CHECKED:
        title = next(m.title for m in CHECKED[name].mistakes if m.name == mistake)
        assert result.mistakes == {mistake} and title in text, text
        assert "you probably wrote" in text, text
    else:
        assert text.startswith("Not quite"), text


def test_tanh_prime_shows_the_lines_in_the_learner_s_names():
    text = str(nb05.tanh_prime.check(lambda a: a * (1 - a)))
    assert "you probably wrote: return a * (1 - a)" in text and not re.search(r"\bA\b", text)
    assert "1 - a**2" not in text and "1 - a^2" not in text  # the answer only when asked for


@pytest.mark.parametrize("name", CHECKED)
def test_stubs_are_not_finished(name):
    def stub(*args):
        raise NotImplementedError

    assert str(CHECKED[name].check(stub)).startswith("Not finished yet")
    assert not CHECKED[name].check(None).finished


@pytest.mark.parametrize("name", [n for n in EXERCISES if n not in CHECKED])
def test_unanswered_predictions_are_not_finished(name):
    assert str(EXERCISES[name].reveal(...)).startswith("Not answered yet")


@pytest.mark.parametrize("name", CHECKED)
def test_each_mistake_is_wrong_and_differs_from_every_other(name):
    exercise = CHECKED[name]
    problems = exercise._problems()

    def values(function) -> np.ndarray:
        return np.concatenate([np.ravel(function(*p.args)) for p in problems])

    right = values(exercise.reference)
    wrong = {m.name: values(exercise._mistaken(m)) for m in exercise.mistakes}
    for mistake, found in wrong.items():
        assert relative_error(found, right) > 1e-2, mistake  # far above GOOD: no near miss
    for (a, found_a), (b, found_b) in itertools.combinations(wrong.items(), 2):
        assert relative_error(found_a, found_b) > 1e-2, (a, b)


def test_the_references_are_the_derivatives():
    """tanh' through a, ELU' and SiLU' against finite differences of the functions written out
    here (0 left out: ELU has a corner there unless alpha = 1)."""
    z = np.concatenate([np.linspace(-5, -0.1, 12), np.linspace(0.1, 5, 12)])

    def total(f):
        return lambda z_: np.sum(f(z_))

    def tanh(z_):
        return (np.exp(z_) - np.exp(-z_)) / (np.exp(z_) + np.exp(-z_))

    tanh_slope = numerical_gradient(total(tanh), z)
    assert relative_error(nb05.tanh_prime.reference(np.tanh(z)), tanh_slope) < GOOD
    for alpha in (1.0, 0.5, 2.0):
        elu = total(lambda z_, alpha=alpha: np.where(z_ > 0, z_, alpha * (np.exp(z_) - 1)))
        assert relative_error(nb05.elu_derivative(z, alpha), numerical_gradient(elu, z)) < GOOD
        np.testing.assert_array_equal(nb05.elu(z, alpha), np.where(z > 0, z, alpha * np.expm1(z)))
    silu = total(lambda z_: z_ / (1 + np.exp(-z_)))
    assert relative_error(nb05.silu_derivative(z), numerical_gradient(silu, z)) < GOOD


def test_silu_cannot_be_written_through_a():
    """Two inputs with the same SiLU output and slopes of opposite signs (as GELU's in 05)."""
    low, high = -4.0, -1.2785  # SiLU falls on [low, its minimum]; find z1 with silu(z1) = silu(z2)
    z2 = -0.5
    for _ in range(60):
        mid = (low + high) / 2
        low, high = (mid, high) if nb05.silu(mid) > nb05.silu(z2) else (low, mid)
    z1 = (low + high) / 2
    assert abs(nb05.silu(z1) - nb05.silu(z2)) < 1e-12
    assert nb05.silu_derivative(z1) < 0 < nb05.silu_derivative(z2)


def test_largest_share_is_relu_on_every_network_at_the_large_scale():
    X, Y = load_planar_dataset()
    for seed in range(10):
        shares = {}
        for name in ("sigmoid", "tanh", "relu"):
            parameters = scaled_network(2, 4, float(nb05.LARGE_SCALE), seed)
            _, cache = forward_propagation(X, parameters, name)
            grads = backward_propagation(parameters, cache, X, Y, name, intermediates=True)
            shares[name] = np.abs(grads["dZ1"]).mean() / np.abs(grads["dA1"]).mean()
        assert max(shares, key=shares.get) == nb05.largest_share.answer, (seed, shares)


def test_the_per_layer_factor_is_the_closest_choice_to_the_measured_one():
    """10 tanh layers of 50 units, weights 0.01 N(0, 1): the factor per layer, layer 10 down to
    1, is nearest to the answer among the choices."""
    X, Y = load_planar_dataset()
    dims = [2] + [nb05.DEEP_UNITS] * 10 + [1]
    parameters = initialize_parameters_deep(dims, scale=nb05.DEEP_SCALE)
    AL, caches = L_model_forward(X, parameters, "tanh")
    grads = L_model_backward(AL, Y, caches, "tanh", intermediates=True)
    measured = (np.linalg.norm(grads["dZ1"]) / np.linalg.norm(grads["dZ10"])) ** (1 / 9)
    nearest = min(nb05.per_layer_factor.choices, key=lambda c: abs(np.log(c / measured)))
    assert nearest == nb05.per_layer_factor.answer
    assert abs(measured / nb05.FACTOR - 1) < 0.1


def test_relu_s_switched_off_share_is_the_same_at_every_scale_of_the_explorer():
    X, Y = load_planar_dataset()
    off = {snapshot(X, Y, "relu", scale).saturated for scale in SCALES}
    assert len(off) == 1 and nb05.relu_switched_off.answer == "stays the same"
    tanh = [snapshot(X, Y, "tanh", scale).saturated for scale in (SCALES[0], SCALES[-1])]
    assert tanh[0] < tanh[1]  # "grows" is what tanh does
