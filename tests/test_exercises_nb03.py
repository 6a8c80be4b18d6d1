"""Notebook 03's exercises in-process (fast; tests/test_exercises.py runs the notebook itself):
beyond the solutions, wrong answers and stubs (tests/test_exercise_answers.py), a loop exercise does
not accept a matrix product, the references are the reference backward pass's own lines (or,
for the examples stored as rows, that backward pass transposed), and the predictions' answers
are what NumPy and the shape explorer do."""

from __future__ import annotations

import ast

import nbformat
import numpy as np
import pytest

from helpers.bugs import LINES
from helpers.exercises import nb03
from helpers.exercises.editions import NOTEBOOKS, WRONG_ANSWERS, blocks
from helpers.network import backward_propagation, forward_propagation
from helpers.widgets.shapes import IMPOSTORS, ShapeExplorer, network_steps

from .conftest import random_network

NOTEBOOK = nb03.NOTEBOOK
EXERCISES = (nb03.dL_dW2_by_loops, nb03.layer2_backward_rows, nb03.jacobian_L_a1)
PREDICTIONS = (nb03.shapes_fit, nb03.explorer_fit)


def answer(code: str):
    """What a block of a solutions or wrong-answers file defines (a function or a prediction)."""
    namespace = {"np": np}
    exec(code, namespace)  # noqa: S102 (the course's own files)
    defined = [value for name, value in namespace.items() if name not in ("np", "__builtins__")]
    assert len(defined) == 1, code
    return defined[0]


WRONG = [(name, mistake, code) for name, mistake, code in blocks(WRONG_ANSWERS / f"{NOTEBOOK}.py")]


def test_every_exercise_has_two_wrong_answers_and_every_mistake_changes_its_result():
    for exercise in EXERCISES + PREDICTIONS:
        assert sum(name == exercise.name for name, _, _ in WRONG) >= 2, exercise.name
    for exercise in EXERCISES:
        references = exercise._reference_results()
        for mistake in exercise.mistakes:
            outcomes = exercise._gallery("singles")[mistake.name][1]  # compiles the changed lines
            differs = []
            for outcome, reference in zip(outcomes, references, strict=True):
                results = exercise._results(outcome)  # None when the mistaken code raised
                differs += [
                    results is None
                    or np.shape(results[key]) != expected.shape
                    or not np.allclose(results[key], expected)
                    for key, expected in reference.items()
                ]
            assert any(differs), f"{exercise.name}: {mistake.name} changes nothing"


def test_a_learner_s_line_is_shown_as_the_learner_writes_it():
    """The loop exercise prints loop lines, not the reference's matrix lines; the Jacobian
    exercise prints the line the learner returns."""
    wrong = answer(next(code for _, m, code in WRONG if m == "table_transposed"))
    text = str(nb03.dL_dW2_by_loops.check(wrong))
    assert "you probably wrote: dW2[k, i] = a1[k] * dz2[i]" in text
    assert "A1" not in text and "@" not in text
    wrong = answer(next(code for _, m, code in WRONG if m == "column_layout"))
    assert "you probably wrote: return W2.T @ jac_L_z2.T" in str(nb03.jacobian_L_a1.check(wrong))


def outer_product(dz2, a1):
    return np.outer(dz2, a1)


def matrix_product(dz2, a1):
    dW2 = dz2 @ a1.T  # the right table, without loops
    return dW2


def loops_with_a_comment(dz2, a1):
    # dz2 @ a1.T would be the matrix form; the loops are the exercise
    table = np.zeros((dz2.shape[0], a1.shape[0]))
    for i in range(dz2.shape[0]):
        for k in range(a1.shape[0]):
            table[i, k] = dz2[i, 0] * a1[k, 0]
    return table


def test_the_loop_exercise_does_not_accept_a_matrix_product():
    for function, used in ((outer_product, "np.outer"), (matrix_product, "@")):
        result = nb03.dL_dW2_by_loops.check(function)
        assert result.finished and not result.passed, str(result)
        assert str(result).startswith("Not by loops yet") and f"`{used}`" in str(result)
        assert result.verdicts["dL/dW2"].right  # the values are right, only the method is not
    assert nb03.dL_dW2_by_loops.check(loops_with_a_comment).passed  # a comment is not code
    assert nb03.matrix_products(loops_with_a_comment) == []
    # a wrong table made with a matrix product is judged like any wrong table
    wrong = nb03.dL_dW2_by_loops.check(lambda dz2, a1: a1 @ dz2.T)
    assert str(wrong).startswith("Wrong") and wrong.mistakes == {"table_transposed"}


@pytest.mark.parametrize("prediction", PREDICTIONS, ids=lambda p: p.name)
def test_a_prediction_left_as_shipped_is_not_answered(prediction):
    assert str(prediction.reveal(...)).startswith("Not answered yet")
    assert str(prediction.reveal(42)).startswith("Not answered yet")
    assert str(prediction.reveal({"dW3"})).startswith("Not answered yet")


@pytest.mark.parametrize("prediction", PREDICTIONS, ids=lambda p: p.name)
def test_a_set_prediction_ignores_case_and_takes_lists_and_single_names(prediction):
    answer_ = sorted(prediction.answer)
    assert prediction.reveal([name.lower() for name in answer_]).passed
    assert prediction.reveal(tuple(name.upper() for name in answer_)).passed
    if len(answer_) == 1:
        assert prediction.reveal(answer_[0].lower()).passed
    assert not prediction.reveal("none").passed and not prediction.reveal(set()).passed


def test_the_dW2_reference_is_the_reference_backward_pass():
    """dW2 of helpers.network.backward_propagation on one example, through the exercise's wrap."""
    parameters, X, Y = random_network(2, 4, 3, 1, seed=3)
    _, cache = forward_propagation(X, parameters)
    steps = backward_propagation(parameters, cache, X, Y, intermediates=True)
    np.testing.assert_array_equal(
        nb03.dL_dW2_by_loops.reference(steps["dZ2"], cache["A1"]), steps["dW2"]
    )
    assert nb03.DW2 == LINES["dW2"]


def test_the_rows_reference_is_the_reference_backward_pass_transposed():
    """With the examples as rows, dA1 is the reference's dA1 transposed and dW2 is its dW2."""
    parameters, X, Y = random_network(2, 4, 3, 5, seed=4)
    _, cache = forward_propagation(X, parameters)
    steps = backward_propagation(parameters, cache, X, Y, intermediates=True)
    dA1_rows, dW2 = nb03.rows_backward(parameters["W2"], steps["dZ2"].T, cache["A1"].T)
    np.testing.assert_allclose(dA1_rows, steps["dA1"].T, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(dW2, steps["dW2"], rtol=1e-13, atol=1e-15)


def test_the_jacobian_reference_is_the_transposed_column():
    """(D_z2 L W2)^T = W2^T dz2, the reference's dA1 of one example."""
    parameters, X, Y = random_network(2, 4, 3, 1, seed=5)
    _, cache = forward_propagation(X, parameters)
    steps = backward_propagation(parameters, cache, X, Y, intermediates=True)
    row = nb03.row_chain(steps["dZ2"].T, parameters["W2"])
    np.testing.assert_allclose(row.T, steps["dA1"], rtol=1e-13, atol=1e-15)


def fitting(**sizes) -> set[str]:
    steps = network_steps(**sizes)
    return {
        s.result for s in steps if s.impostor and not s.impostor.caught_by_shapes(s.result_shape)
    }


def test_the_predictions_answers_are_what_the_explorer_computes_at_their_sizes():
    assert fitting(n_x=3, n_h=3, n_y=3, m=5) == set(nb03.shapes_fit.answer)
    assert fitting(**nb03.EXPLORER_SIZES) == set(nb03.explorer_fit.answer)
    for prediction in PREDICTIONS:
        assert set(prediction.choices) == set(IMPOSTORS) == set(prediction.reasons)


def test_the_explorer_opens_where_it_does_not_give_explorer_fit_away():
    """The stored explorer (opened at section 5's sizes, whose answer the learner has seen) shows
    wrong lines that fit, but not the sizes of the explorer_fit prediction."""
    assert nb03.EXPLORER_OPENS != nb03.EXPLORER_SIZES
    assert fitting(**nb03.EXPLORER_OPENS) == set(nb03.shapes_fit.answer)
    explorer = ShapeExplorer(backward=True, **nb03.EXPLORER_OPENS)
    header = explorer.children[0].value  # the title and the line saying what to try
    assert "fits!" in explorer.describe() and "m = n_h" not in header


def test_the_notebook_s_explorer_opens_at_explorer_opens():
    notebook = nbformat.read(NOTEBOOKS / f"{NOTEBOOK}.ipynb", as_version=4)
    (source,) = [c.source for c in notebook.cells if c.source.startswith("ShapeExplorer(")]
    call = ast.parse(source).body[0].value
    sizes = {k.arg: ast.literal_eval(k.value) for k in call.keywords if k.arg != "backward"}
    assert sizes == nb03.EXPLORER_OPENS
