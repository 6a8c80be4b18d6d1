"""Notebook 00's exercises in-process, beyond what every notebook's get (the solutions, wrong
answers and stubs: tests/test_exercise_answers.py): the references agree with the course's
functions, and the predictions' answers are what the network really gives."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from helpers import (
    compute_cost,
    dataset_names,
    forward_propagation,
    initialize_parameters,
    load_dataset,
    load_planar_dataset,
)
from helpers import sigmoid as course_sigmoid
from helpers.exercises import nb00
from helpers.logistic import best_line
from helpers.network import losses_from_Z2

NOTEBOOK = nb00.NOTEBOOK
EXERCISES = (nb00.forward, nb00.losses)


def answer(code: str):
    """What a block of a solutions or wrong-answers file defines (a function or a prediction),
    run with what the notebook has imported by then (``np``, ``sigmoid``)."""
    given = {"np": np, "sigmoid": course_sigmoid}
    namespace = dict(given)
    exec(code, namespace)  # noqa: S102 (the course's own files)
    defined = [value for name, value in namespace.items() if name not in (*given, "__builtins__")]
    assert len(defined) == 1, code
    return defined[0]


def test_the_forward_reference_is_the_course_forward_propagation():
    """The reference is helpers.network.forward_unchecked (run with tanh), not formulas again."""
    for problem in nb00.forward.problems():
        X, W1, b1, W2, b2 = problem.args
        A2, cache = forward_propagation(X, {"W1": W1, "b1": b1, "W2": W2, "b2": b2}, "tanh")
        expected = (cache["Z1"], cache["A1"], cache["Z2"], A2)
        for got, want in zip(nb00.forward.reference(*problem.args), expected, strict=True):
            np.testing.assert_array_equal(got, want)


def test_the_losses_reference_agrees_with_the_cross_entropy_and_the_z_form():
    for problem in nb00.losses.problems():
        A2, Y = problem.args
        cross_entropy = -(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
        np.testing.assert_allclose(nb00.losses.reference(A2, Y), cross_entropy, rtol=1e-14)
        Z2 = np.log(A2 / (1 - A2))  # sigma(Z2) = A2
        np.testing.assert_allclose(nb00.losses.reference(A2, Y), losses_from_Z2(Z2, Y), rtol=1e-9)
        assert np.mean(nb00.losses.reference(A2, Y)) * A2.shape[0] == pytest.approx(
            compute_cost(A2, Y), rel=1e-14
        )


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_the_mistakes_differ_from_the_reference_and_from_each_other(exercise):
    """Each mistake changes some output on some problem, and no two mistakes give the same
    outputs on every problem (else the check could not tell which one the learner made)."""

    def signature(outcome) -> object:
        if outcome.error is not None:
            return "raised"
        values = outcome.value if isinstance(outcome.value, tuple) else (outcome.value,)
        return tuple((np.shape(v), tuple(np.round(np.ravel(v), 10))) for v in values)

    def results(outcomes) -> str:
        return str([signature(o) for o in outcomes])

    gallery = exercise._gallery("singles")
    reference = results([exercise._run(exercise.reference, p, False) for p in exercise.problems()])
    seen = {name: results(outcomes) for name, (_, outcomes) in gallery.items()}
    for name, found in seen.items():
        assert found != reference, f"{name} changes nothing"
    for (a, sa), (b, sb) in itertools.combinations(seen.items(), 2):
        assert sa != sb, f"{a} and {b} cannot be told apart"


def test_an_unknown_mistake_is_placed_in_the_learner_s_own_line():
    """The reference unpacks ``parameters``, the learner's function does not: the report points at
    the Z2 line only, once (core's ``_where`` drops lines ``show`` maps to "" and repeats)."""

    def forward(X, W1, b1, W2, b2):
        Z1 = W1 @ X + b1
        A1 = np.tanh(Z1)
        Z2 = W2 @ A1 - b2
        return Z1, A1, Z2, course_sigmoid(Z2)

    text = " ".join(str(nb00.forward.check(forward)).split())
    assert text.endswith(
        "so the mistake is in a line that only Z2 and A2 depend on: the line of Z2"
    )
    assert "parameters" not in text and "W2 @ A1 + b2" not in text  # the right line is not given


def test_np_dot_is_the_same_product_as_the_matmul_operator():
    def forward(X, W1, b1, W2, b2):
        Z1 = np.dot(W1, X) + b1
        A1 = np.tanh(Z1)
        Z2 = np.dot(W2, A1) + b2
        return Z1, A1, Z2, 1 / (1 + np.exp(-Z2))

    assert nb00.forward.check(forward).passed


def flower_at_initialisation():
    X, Y = load_planar_dataset()
    A2, cache = forward_propagation(X, initialize_parameters(X.shape[0], 4, 1, seed=2))
    return X, Y, A2, cache


def test_the_shape_prediction_is_the_shape_of_Z1_on_the_flower():
    _, _, _, cache = flower_at_initialisation()
    assert nb00.Z1_shape.reveal(cache["Z1"].shape).passed
    assert nb00.Z1_shape.reveal([4, 400]).passed  # a list is a shape too
    for wrong in nb00.Z1_shape.wrong:
        assert not nb00.Z1_shape.reveal(wrong).passed


@pytest.mark.parametrize("shape", [(400, 2), (2, 4), (4, 4), "(n_h, m)", 1600])
def test_any_other_shape_is_not_quite_and_no_list_of_answers_is_shown(shape):
    """Not a multiple choice: a shape off the list gets "Not quite" and the explanation, never a
    list of the answers with the right one in it."""
    text = str(nb00.Z1_shape.reveal(shape))
    assert text.startswith("Not quite") and "is not one of the answers" not in text


def test_the_cost_prediction_is_the_cost_at_initialisation_and_log_2():
    _, Y, A2, _ = flower_at_initialisation()
    assert nb00.J_at_start.reveal(compute_cost(A2, Y)).passed
    for right in (np.log(2), "log 2", "ln(2)", 0.69, 0.7, 0.71):
        assert nb00.J_at_start.reveal(right).passed, right
    for wrong in nb00.J_at_start.wrong:
        assert str(nb00.J_at_start.reveal(wrong)).startswith("Not quite")
    assert "Mind the sign" in str(nb00.J_at_start.reveal(-0.693))
    assert "write a number" in str(nb00.J_at_start.reveal("a half"))


def test_the_stated_tolerance_of_the_cost_prediction():
    """The notebook says: within 3 % of the value."""
    assert nb00.J_at_start.tolerance == 0.03
    assert nb00.J_at_start.reveal(np.log(2) * 1.029).passed
    assert not nb00.J_at_start.reveal(np.log(2) * 1.031).passed


def test_no_straight_line_separates_any_of_the_data_sets():
    """The answer of ``separable`` and the numbers its explanation quotes: moons comes closest,
    with one point in eight on the wrong side."""
    accuracies = {name: best_line(*load_dataset(name))[1] for name in dataset_names()}
    assert sum(accuracy == 1 for accuracy in accuracies.values()) == nb00.separable.answer
    assert max(accuracies, key=accuracies.get) == "moons" and accuracies["moons"] == 7 / 8
    assert "one point in eight" in nb00.separable.why
    assert str(nb00.separable.reveal("none")).startswith("Not answered yet")  # asks for a number


def test_the_arrays_that_change_with_m_are_those_the_network_gives():
    parameters = initialize_parameters(2, 4, 1)
    shapes = []
    for m in (5, 7):
        X, Y = np.zeros((2, m)), np.zeros((1, m))
        _, cache = forward_propagation(X, parameters)
        arrays = {"X": X, "Y": Y, **parameters, **cache}
        shapes.append({name: array.shape for name, array in arrays.items()})
    assert set(shapes[0]) == set(nb00.ARRAYS)
    changes = {name for name in nb00.ARRAYS if shapes[0][name] != shapes[1][name]}
    assert changes == set(nb00.changes_with_m.answer)
    assert set(nb00.changes_with_m.reasons) == set(nb00.ARRAYS)


@pytest.mark.parametrize(
    "answer",
    [
        {"X", "Y", "Z1", "A1", "Z2", "A2"},
        ["a2", "z2", "a1", "z1", "y", "x"],
        "X, Y, Z1, A1, Z2, A2",
        ("Z1", "A1", "Z2", "A2", "X", "Y"),
    ],
)
def test_the_names_may_come_in_any_order_case_and_container(answer):
    assert nb00.changes_with_m.reveal(answer).passed


def test_a_wrong_set_of_names_is_told_name_by_name():
    text = " ".join(str(nb00.changes_with_m.reveal({"X", "Y", "Z1", "A1", "b1"})).split())
    assert text.startswith("Not quite")
    assert "Z2 does change" in text and "A2 does change" in text and "b1 does not" in text
    assert str(nb00.changes_with_m.reveal({"X", "dZ1"})).startswith("Not answered yet")
    assert str(nb00.changes_with_m.reveal(6)).startswith("Not answered yet")


# --- the forward check names what learners write ----------------------------------------------


def forward_with(Z1_line: str, Z2_line: str, returned: str = "Z1, A1, Z2, A2"):
    """A learner's ``forward`` with its Z1 and Z2 lines (and its return) as given."""
    namespace = {"np": np, "sigmoid": course_sigmoid}
    code = (
        "def forward(X, W1, b1, W2, b2):\n"
        f"    {Z1_line}\n    A1 = np.tanh(Z1)\n    {Z2_line}\n    A2 = sigmoid(Z2)\n"
        f"    return {returned}\n"
    )
    exec(code, namespace)  # noqa: S102 (a test's own code)
    return namespace["forward"]


def test_elementwise_products_in_both_layers_are_named_as_two_mistakes():
    result = nb00.forward.check(forward_with("Z1 = W1 * X + b1", "Z2 = W2 * A1 + b2"))
    assert result.mistakes == {"elementwise_W1", "elementwise_W2"}, str(result)
    assert "* where @ belongs" in str(result)


def test_results_in_the_wrong_order_are_named():
    text = str(nb00.forward.check(forward_with(nb00.Z1_LINE, nb00.Z2_LINE, "A2, Z1, A1, Z2")))
    assert "the results are in the wrong order; return Z1, A1, Z2, A2" in text


def test_a_pair_like_forward_propagation_s_is_a_tuple_of_length_2():
    text = str(nb00.forward.check(forward_with(nb00.Z1_LINE, nb00.Z2_LINE, "A2, (Z1, A1, Z2)")))
    assert "returned a tuple of length 2" in text and "expected a tuple (Z1, A1, Z2, A2)" in text


# --- the losses check: both spellings, uint8 labels, an if on an array ---------------------------


def test_a_mistake_in_the_cross_entropy_spelling_is_shown_in_that_spelling():
    def losses(A2, Y):
        return -(Y * np.log(1 - A2) + (1 - Y) * np.log(A2))

    result = nb00.losses.check(losses)
    text = str(result)
    assert result.mistakes == {"labels_swapped"}
    assert "or, as one formula: -(Y * np.log(1 - A2) + (1 - Y) * np.log(A2))" in text
    assert "np.where(Y == 1, A2, 1 - A2)" not in text  # the right line is never shown


def test_the_uint8_labels_of_the_course_s_assignments_pass_the_right_answers():
    problem = nb00.losses.problems()[-1]
    assert problem.args[1].dtype == np.uint8

    def cross_entropy(A2, Y):
        return -(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))

    assert nb00.losses.check(cross_entropy).passed


def test_an_if_on_an_array_gets_advice():
    def losses(A2, Y):
        if Y == 1:
            return -np.log(A2)
        return -np.log(1 - A2)

    text = str(nb00.losses.check(losses))
    assert "truth value of an array" in text and text.count("asks one yes/no question") == 1
    assert "np.where" in text
