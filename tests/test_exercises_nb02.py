"""Notebook 02's exercises, in-process and fast (tests/test_exercises.py runs them in the notebook).

The solutions pass; each wrong answer is named as its block says; every known mistake is wrong on
the problems and told apart from the others; the references are the derivatives they claim to be
(finite differences, independent of the reference network); the predictions' answers are what the
graph's network gives.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from helpers import backward_propagation, forward_propagation, sigmoid
from helpers.exercises import nb02
from helpers.exercises.core import Exercise, Prediction, relative_error
from helpers.exercises.editions import SOLUTIONS, WRONG_ANSWERS, blocks
from helpers.gradcheck import GOOD, numerical_gradient
from helpers.widgets.graph import GraphExplorer, example_network

EXERCISES = {
    name: item for name, item in vars(nb02).items() if isinstance(item, (Exercise, Prediction))
}
CHECKED = {name: item for name, item in EXERCISES.items() if isinstance(item, Exercise)}
SOLVED = blocks(SOLUTIONS / f"{nb02.NOTEBOOK}.py")
WRONG = blocks(WRONG_ANSWERS / f"{nb02.NOTEBOOK}.py")
VARIABLE = {"dA1_shape": "dA1_shape", "relu_zero_unit": "prediction"}  # a prediction's name


def answer(name: str, code: str):
    """What the learner's cell defines: the function ``name``, or the prediction's variable."""
    namespace = {"np": np, "sigmoid": sigmoid}  # the names the notebook's cells have
    exec(code, namespace)  # noqa: S102 (our own solution and wrong-answer files)
    return namespace[VARIABLE.get(name, name)]


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


def test_the_one_unit_check_speaks_in_scalar_names():
    """The check's lines are the learner's (numbers), not the reference's arrays."""
    code = next(code for name, mistake, code in WRONG if mistake == "w1_for_w2")
    text = str(nb02.dL_dz1.check(answer("dL_dz1", code)))
    assert "da1 = w1 * dz2" in text and "W2" not in text, text
    for line in (
        "dZ2 = Y - A2",
        "g1_prime = 1 - A1**2",
        "dZ1 = dA1",
        "g1_prime = sigmoid(A1) * (1 - sigmoid(A1))",
    ):
        shown = nb02.in_scalar_names(line)
        assert shown == shown.lower() or "sigmoid" in shown, shown
    assert nb02.in_scalar_names("dA1 = W2.T @ dZ2") == "da1 = w2 * dz2"
    assert nb02.in_scalar_names("g1_prime = g1.g_prime(Z1, A1)") == "g1_prime = a1 * (1 - a1)"


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
    """On the problems where both run (some mistakes have no shape on some networks), each
    mistake is far from the right answer and from every other mistake somewhere."""
    exercise = CHECKED[name]
    problems = exercise._problems()

    def values(function) -> list:
        found = []
        for problem in problems:
            try:
                found.append(np.asarray(function(*problem.args), dtype=float))
            except ValueError:  # shapes that do not fit: a product the mistake cannot form
                found.append(None)
        return found

    def far(a: list, b: list) -> bool:
        pairs = [(x, y) for x, y in zip(a, b, strict=True) if x is not None and y is not None]
        shapes = any(x.shape != y.shape for x, y in pairs)
        return shapes or any(relative_error(x, y) > 1e-2 for x, y in pairs)

    right = values(exercise.reference)
    wrong = {m.name: values(exercise._mistaken(m)) for m in exercise.mistakes}
    for mistake, found in wrong.items():
        assert far(found, right), mistake  # far above GOOD: no near miss
    for (a, found_a), (b, found_b) in itertools.combinations(wrong.items(), 2):
        assert far(found_a, found_b), (a, b)


def test_the_references_are_the_derivatives():
    """Each reference against finite differences of functions written out here."""

    def sig(z):
        return 1 / (1 + np.exp(-z))

    for problem in nb02.dL_dz1._problems():
        x, y, w1, b1, w2, b2 = problem.args

        def loss_of_z1(z1, y=y, w2=w2, b2=b2):
            a2 = sig(w2 * sig(z1) + b2)
            return float(np.sum(-(y * np.log(a2) + (1 - y) * np.log(1 - a2))))

        numeric = numerical_gradient(loss_of_z1, np.array([w1 * x + b1]))
        assert relative_error(np.array([nb02.dL_dz1.reference(*problem.args)]), numeric) < GOOD
    for problem in nb02.df_dt._problems():
        (t,) = problem.args
        numeric = numerical_gradient(lambda s: float(np.sum(s**2 * np.sin(s))), t)
        assert relative_error(nb02.df_dt.reference(t), numeric) < GOOD
    for problem in nb02.dZ1_of._problems():
        W2, dZ2, A1 = problem.args
        Z1 = np.log(A1 / (1 - A1))
        # L as a function of Z1, with dZ2 = dL/dZ2 held: the first-order change of L is
        # sum(dZ2 * change of Z2), and Z2 = W2 sigmoid(Z1) + b2
        numeric = numerical_gradient(
            lambda Z, W2=W2, dZ2=dZ2: float(np.sum(dZ2 * (W2 @ sig(Z)))), Z1
        )
        assert relative_error(nb02.dZ1_of.reference(W2, dZ2, A1), numeric) < GOOD


def test_the_dZ1_reference_is_the_networks_dZ1():
    parameters, X, Y = example_network()
    for activation in ("sigmoid",):
        A2, cache = forward_propagation(X, parameters, activation)
        grads = backward_propagation(parameters, cache, X, Y, activation, intermediates=True)
        found = nb02.dZ1_of.reference(parameters["W2"], grads["dZ2"], cache["A1"])
        np.testing.assert_allclose(found, grads["dZ1"], rtol=1e-12)


def test_the_shape_prediction_is_the_shape_of_dA1():
    rng = np.random.default_rng(0)
    parameters = {
        "W1": rng.standard_normal((3, 2)),
        "b1": np.zeros((3, 1)),
        "W2": rng.standard_normal((2, 3)),
        "b2": np.zeros((2, 1)),
    }
    X, Y = rng.standard_normal((2, 4)), np.array([[0.0, 1, 1, 0], [1, 0, 1, 0]])
    _, cache = forward_propagation(X, parameters)
    dA1 = backward_propagation(parameters, cache, X, Y, intermediates=True)["dA1"]
    assert str(dA1.shape) == nb02.dA1_shape.answer


def test_the_relu_prediction_is_what_the_explorer_shows():
    explorer = GraphExplorer()
    explorer.dropdown.value = "relu"
    zero = [k for k in (1, 2, 3) if explorer.artists.grad[f"z1_{k}"].get_text() == "0.000"]
    assert zero == [nb02.relu_zero_unit.answer]
    assert explorer.artists.grad[f"a1_{zero[0]}"].get_text() != "0.000"  # the reveal says so
    assert "-0.780" in str(nb02.relu_zero_unit.reveal(zero[0]))
