"""Notebook 01's exercises, in-process and fast (tests/test_exercises.py runs them in the notebook).

The solutions pass; each wrong answer is named as its block says; every known mistake is wrong on
the problems and told apart from the others; the references are the derivatives they claim to be
(finite differences, independent of helpers); the predictions' answers are what the notebook and
the tangent explorer show.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from helpers import sigmoid
from helpers.exercises import nb01
from helpers.exercises.core import Exercise, Prediction, relative_error
from helpers.exercises.editions import SOLUTIONS, WRONG_ANSWERS, blocks
from helpers.gradcheck import GOOD, numerical_gradient
from helpers.widgets.tangent import TangentExplorer

EXERCISES = {
    name: item for name, item in vars(nb01).items() if isinstance(item, (Exercise, Prediction))
}
CHECKED = {name: item for name, item in EXERCISES.items() if isinstance(item, Exercise)}
SOLVED = blocks(SOLUTIONS / f"{nb01.NOTEBOOK}.py")
WRONG = blocks(WRONG_ANSWERS / f"{nb01.NOTEBOOK}.py")


def answer(name: str, code: str):
    """What the learner's cell defines: the function ``name``, or ``prediction``."""
    namespace = {"np": np, "sigmoid": sigmoid}  # the names the notebook's cells have
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
        assert "you probably wrote" in text and "A2" not in text and "Y" not in text, text
    else:
        assert text.startswith("Not quite"), text


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
    """Each reference against finite differences of the loss and of the sigmoid written out here,
    at outputs a = sigma(z) for both labels."""
    z = np.linspace(-4, 4, 9)
    a = 1 / (1 + np.exp(-z))

    def loss(a, y):
        return -(y * np.log(a) + (1 - y) * np.log(1 - a))

    for y in (0.0, 1.0):
        labels = np.full_like(a, y)
        dL_da = numerical_gradient(lambda a_, y=y: np.sum(loss(a_, y)), a)
        dL_dz = numerical_gradient(lambda z_, y=y: np.sum(loss(1 / (1 + np.exp(-z_)), y)), z)
        assert relative_error(nb01.dL_da.reference(a, labels), dL_da) < GOOD
        dZ2 = nb01.dL_dz.reference(a[None, :], labels[None, :])
        assert dZ2.shape == (1, z.size) and relative_error(dZ2[0], dL_dz) < GOOD
    sigma_prime = numerical_gradient(lambda z_: np.sum(1 / (1 + np.exp(-z_))), z)
    assert relative_error(nb01.sigma_prime.reference(a), sigma_prime) < GOOD


def test_the_learner_sees_the_lines_in_the_notebooks_names():
    assert nb01.in_learner_names("dZ2 = (A2 - Y) * A2 * (1 - A2)") == "return (a - y) * a * (1 - a)"
    assert nb01.in_learner_names("return A * (1 - A)") == "return a * (1 - a)"
    assert nb01.in_learner_names("return -(Y / A2 - (1 - Y) / (1 - A2))") == (
        "return -(y / a - (1 - y) / (1 - a))"
    )


def test_bigger_gradient_answer_is_the_cross_entropy_by_far():
    a = float(sigmoid(np.array(nb01.WRONG_SIDE_Z)))
    cross_entropy, squared_error = abs(a - 1), abs((a - 1) * a * (1 - a))
    assert cross_entropy > 100 * squared_error  # "far": the reveal says 405 times
    assert "405 times smaller" in str(nb01.bigger_gradient.reveal("cross-entropy"))


def test_the_tangent_prediction_is_what_the_explorer_shows():
    explorer = TangentExplorer(z=nb01.TANGENT_Z, y=0)
    header = explorer.children[0].value  # the explorer's hint sends the learner to that point
    assert f"set y to 0 and drag z to {nb01.TANGENT_Z:g}" in header
    assert str(nb01.tangent_slope.reveal(explorer.slope)).startswith("Right")  # 0.9933 ~ 1
    assert str(nb01.tangent_slope.reveal(explorer.a_minus_y)).startswith("Right")
    assert abs(explorer.squared_error_slope - 0.007) < 1e-3  # the choice "0.007" is its value
