"""Notebook 02's exercises, in-process and fast (tests/test_exercises.py runs them in the notebook).

Beyond the solutions, wrong answers and stubs (tests/test_exercise_answers.py): every known mistake
is wrong on the problems and told apart from the others; the references are the derivatives they
claim to be (finite differences, independent of the reference network); the predictions' answers are
what the graph's network gives."""

from __future__ import annotations

import builtins
import math

import nbformat
import numpy as np

from helpers import backward_propagation, forward_propagation, sigmoid
from helpers.exercises import nb02
from helpers.exercises.core import Exercise, Prediction, relative_error
from helpers.exercises.editions import NOTEBOOKS, SOLUTIONS, WRONG_ANSWERS, blocks
from helpers.gradcheck import GOOD, numerical_gradient
from helpers.widgets.graph import GraphExplorer, example_network

from .cell_names import bound_and_read

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


def test_every_exercise_has_a_solution_and_every_mistake_a_wrong_answer():
    assert {name for name, _, _ in SOLVED} == set(EXERCISES)
    for name, exercise in CHECKED.items():
        named = {mistake for block, mistake, _ in WRONG if block == name}
        assert named == {m.name for m in exercise.mistakes}, name
    for name in set(EXERCISES) - set(CHECKED):
        assert sum(block == name for block, _, _ in WRONG) >= 2, name


def test_the_checks_show_the_learner_s_expression():
    """ "you probably wrote" shows the one expression the learner returns, in the learner's names
    (numbers for dL_dz1), never a name the learner has not met (g1_prime, da1, dZ2 = ...); and
    never the right line."""
    code = next(code for name, mistake, code in WRONG if mistake == "w1_for_w2")
    text = str(nb02.dL_dz1.check(answer("dL_dz1", code)))
    assert "you probably wrote: return (a2 - y) * w1 * a1 * (1 - a1)" in text, text
    assert "W2" not in text and "g1_prime" not in text and "right line" not in text, text
    for name in ("dL_dz1", "dZ1_of"):
        exercise = CHECKED[name]
        for mistake in exercise.mistakes:
            for wrong in mistake.lines.values():
                shown = exercise.show(wrong)
                assert shown.startswith("return ") and "g1_prime" not in shown, shown
                assert "dA1" not in shown and "dz2" not in shown, shown
    assert nb02.in_scalar_names("dZ1 = dA1 * g1_prime * X") == (
        "return (a2 - y) * w2 * a1 * (1 - a1) * x"
    )
    assert nb02.in_layer_names("dA1 = W2 @ dZ2") == "return W2 @ dZ2 * A1 * (1 - A1)"
    assert nb02.in_layer_names("dZ1 = dA1 @ g1_prime") == "return W2.T @ dZ2 @ (A1 * (1 - A1))"
    assert nb02.in_layer_names("m = X.shape[1]") == ""


def test_a_mistake_that_also_raises_is_named_before_the_error():
    """A missing transpose raises on the networks where W2 @ dZ2 has no shape: the check names
    the mistake and says so in one line, without NumPy's message."""
    for name, mistake in (("dZ1_of", "missing_transpose_W2"), ("da1_by_sums", "rows_for_columns")):
        code = next(code for n, m, code in WRONG if (n, m) == (name, mistake))
        result = CHECKED[name].check(answer(name, code))
        text = str(result)
        assert result.mistakes == {mistake}, text
        assert "gufunc" not in text and "index" not in text and "in the line" not in text, text
        assert text.splitlines()[1].startswith("  ") and "as this mistake does" in text, text


def test_a_function_that_raises_on_one_array_is_not_called_right():
    """An element loop with math.log runs on the flat arrays only: the check says it raised, and
    that the values are right only where it ran."""

    def df_dt(t):
        return np.array([x**x * (1 + math.log(x)) for x in t])

    result = nb02.df_dt.check(df_dt)
    assert result.finished and not result.passed
    assert "raised an error on 1 of the 3" in str(result)
    assert str(result).splitlines()[-1].endswith("on the other 2 arrays of t"), str(result)


def test_the_one_unit_examples_are_labelled_with_all_six_arguments():
    for problem in nb02.dL_dz1._problems():
        assert [part.split("=")[0] for part in problem.label.split(", ")] == [
            "x",
            "y",
            "w1",
            "b1",
            "w2",
            "b2",
        ]


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
        numeric = numerical_gradient(lambda s: float(np.sum(s**s)), t)
        assert relative_error(nb02.df_dt.reference(t), numeric) < GOOD
    for problem in nb02.da1_by_sums._problems():
        W2, dz2 = problem.args
        # L as a function of a1, with dz2 = dL/dz2 held: the first-order change of L is
        # sum(dz2 * change of z2), and z2 = W2 a1 + b2
        a1 = np.full((W2.shape[1], 1), 0.5)
        numeric = numerical_gradient(lambda a, W2=W2, dz2=dz2: float(np.sum(dz2 * (W2 @ a))), a1)
        assert relative_error(nb02.da1_by_sums.reference(W2, dz2), numeric) < GOOD
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
    a1_zero = explorer.artists.grad[f"a1_{zero[0]}"].get_text() == "0.000"
    assert [f"({unit}, {'yes' if a1_zero else 'no'})" for unit in zero] == [
        nb02.relu_zero_unit.answer
    ]
    assert "-0.780" in str(nb02.relu_zero_unit.reveal((zero[0], "no")))
    assert str(nb02.relu_zero_unit.reveal([zero[0], "No"])).startswith("Right")
    assert "Not answered yet" in str(nb02.relu_zero_unit.reveal(1))  # a pair is asked for


# names a notebook cell may bind again: loop variables, each bound and used within its own cell
LOOP_VARIABLES = {"name", "value", "error", "k", "i"}


def test_no_cell_of_the_notebook_depends_on_being_run_once():
    """Every name a cell takes from another cell is bound in exactly one cell, so re-running any
    cell later gives what it gave the first time; and a name means one thing: no two cells bind
    the same name (loop variables aside)."""
    notebook = nbformat.read(NOTEBOOKS / f"{nb02.NOTEBOOK}.ipynb", as_version=4)
    cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    binders: dict[str, list[int]] = {}
    needs: dict[str, set[int]] = {}
    for index, source in enumerate(cells):
        bound, read_first, in_functions = bound_and_read(source)
        for name in bound:
            binders.setdefault(name, []).append(index)
        for name in read_first | in_functions:
            needs.setdefault(name, set()).add(index)
    for name, readers in needs.items():
        if name in dir(builtins) and name not in binders:
            continue
        assert len(binders.get(name, [])) == 1, (name, binders.get(name), sorted(readers))
    twice = {name: cells_ for name, cells_ in binders.items() if len(cells_) > 1}
    assert set(twice) <= LOOP_VARIABLES, twice
