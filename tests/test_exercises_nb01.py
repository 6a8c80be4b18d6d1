"""Notebook 01's exercises, in-process and fast (tests/test_exercises.py runs them in the notebook).

Beyond the solutions, wrong answers and stubs (tests/test_exercise_answers.py): every known mistake
is wrong on the problems and told apart from the others; the references are the formulas they claim
to be (finite differences and the loss written out here, independent of helpers); the loss through z
is checked where a = sigma(z) rounds to 1; the predictions' answers are what the notebook and the
tangent explorer show, and the explorer's header does not give them away."""

from __future__ import annotations

import numpy as np

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


def loss(a, y):
    """The cross-entropy, written out here."""
    return -(y * np.log(a) + (1 - y) * np.log(1 - a))


def test_every_exercise_has_a_solution_and_every_mistake_a_wrong_answer():
    assert {name for name, _, _ in SOLVED} == set(EXERCISES)
    for name, exercise in CHECKED.items():
        named = {mistake for block, mistake, _ in WRONG if block == name}
        assert named == {m.name for m in exercise.mistakes}, name
    for name in set(EXERCISES) - set(CHECKED):
        assert sum(block == name for block, _, _ in WRONG) >= 2, name


def test_the_references_are_the_formulas():
    """Each reference against finite differences of the losses and of the sigmoid written out
    here, at outputs a = sigma(z) for both labels; the loss through z against the loss through a
    where both can be computed."""
    z = np.linspace(-4, 4, 9)
    a = 1 / (1 + np.exp(-z))

    def squared_error(a, y):
        return (a - y) ** 2 / 2

    for y in (0.0, 1.0):
        labels = np.full_like(a, y)
        dL_da = numerical_gradient(lambda a_, y=y: np.sum(loss(a_, y)), a)
        dL_SE_dz = numerical_gradient(
            lambda z_, y=y: np.sum(squared_error(1 / (1 + np.exp(-z_)), y)), z
        )
        assert relative_error(nb01.dL_da.reference(a, labels), dL_da) < GOOD
        assert relative_error(nb01.dL_SE_dz.reference(a, labels), dL_SE_dz) < GOOD
        np.testing.assert_allclose(nb01.loss_in_z.reference(z, labels), loss(a, y), rtol=1e-12)
    sigma_prime = numerical_gradient(lambda z_: np.sum(1 / (1 + np.exp(-z_))), z)
    assert relative_error(nb01.sigma_prime.reference(a), sigma_prime) < GOOD


def test_the_loss_in_z_is_checked_where_a_rounds_to_1_and_where_it_does_not():
    """The loss through a fails on one problem only (z = 40, where sigma(z) == 1.0), so the
    others can name the mistake; the loss through z is right there, to the last digit: at
    z = +-40 it is 40 or log(1 + e^-40) = 4.2e-18 (the relative error is measured on the whole
    array, so an absolute 4e-18 is far below GOOD)."""
    problems = nb01.loss_in_z._problems()
    assert float(sigmoid(np.array(nb01.FAR_Z))) == 1.0
    rounds = [bool(np.any(sigmoid(p.args[0]) == 1.0)) for p in problems]
    assert any(rounds) and not all(rounds)
    for problem in problems:
        z, y = problem.args
        assert {0.0, 1.0} >= set(np.unique(y))
        expected = np.where(z > 0, z + np.log1p(np.exp(-np.abs(z))), np.log1p(np.exp(z))) - y * z
        np.testing.assert_allclose(nb01.loss_in_z.reference(z, y), expected, rtol=1e-15)


def test_the_learner_sees_the_lines_in_the_notebooks_names():
    assert nb01.in_learner_names("dZ2 = (A2 - Y) * A2 * (1 - A2)") == "return (a - y) * a * (1 - a)"
    assert nb01.in_learner_names("return A * (1 - A)") == "return a * (1 - a)"
    assert nb01.in_learner_names("return -(Y / A2 - (1 - Y) / (1 - A2))") == (
        "return -(y / a - (1 - y) / (1 - a))"
    )
    assert nb01.in_learner_names("return np.log(1 + np.exp(Z2)) + Y * Z2") == (
        "return np.log(1 + np.exp(z)) + y * z"
    )


def test_bigger_gradient_answer_is_the_cross_entropy_by_far():
    a = float(sigmoid(np.array(nb01.WRONG_SIDE_Z)))
    cross_entropy, squared_error = abs(a - 1), abs((a - 1) * a * (1 - a))
    assert cross_entropy > 100 * squared_error  # "far": the reveal says 405 times
    revealed = str(nb01.bigger_gradient.reveal("cross-entropy"))
    assert "405 times smaller" in " ".join(revealed.split())
    # asked before the exercise dL_SE_dz: the reveal does not give its formula
    assert "a (1 - a)" not in revealed and "a(1 - a)" not in revealed


def test_the_tangent_prediction_is_what_the_explorer_shows():
    explorer = TangentExplorer(z=nb01.TANGENT_Z, y=0)
    header = explorer.children[0].value  # the explorer's hint sends the learner to that point
    assert f"set y to 0 and drag z to {nb01.TANGENT_Z:g}" in header
    for answer_words in ("stays near", "vanish", "flatten", "+1", "-1", "grey"):
        assert answer_words not in header  # the instruction only, not what the learner will see
    assert str(nb01.tangent_slope.reveal(explorer.slope)).startswith("Right")  # 0.9933 ~ 1
    assert str(nb01.tangent_slope.reveal(explorer.a_minus_y)).startswith("Right")
    assert abs(explorer.squared_error_slope - 0.007) < 1e-3  # the choice "0.007" is its value
