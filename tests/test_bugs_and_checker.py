"""The gallery of classic bugs (helpers.bugs) and notebook 06's exercise checker (helpers.checker).

The gallery writes only its mistakes: each bug is the reference backward pass with lines changed.
The checker must name every gallery mistake (alone or two at once), the mistakes learners make in
their own spelling, pass right solutions however they are written, and never raise, whatever junk
the learner's function does or returns.
"""

from __future__ import annotations

import itertools
import sys

import numpy as np
import pytest

from helpers import ACTIVATIONS, backward_propagation, forward_propagation, gradient_check
from helpers.bugs import BUGS, G_PRIME, LINES, combine
from helpers.checker import NETWORKS, backward_exercise, check_backward
from helpers.exercises.core import CODE_LABELS, WIDTH
from helpers.gradcheck import WRONG
from helpers.mistakes import reference_lines, with_lines
from helpers.network import GRADIENTS, backward_unchecked

from .conftest import random_network

SQUARE = (3, 3, 3, 3)  # n_x = n_h = n_y = m: every shape mistake runs, only the values can show it
A_FORMULA = ("sigmoid", "tanh")  # the activations whose g' the course writes through a


def network(n_x, n_h, n_y, m, activation="tanh", seed=0):
    parameters, X, Y = random_network(n_x, n_h, n_y, m, seed=seed)
    _, cache = forward_propagation(X, parameters, activation)
    return parameters, cache, X, Y


# --- the gallery ---------------------------------------------------------------------------------


def test_every_right_line_of_the_gallery_stands_once_in_the_reference():
    lines = reference_lines(backward_unchecked)
    for bug in BUGS.values():
        for activation in A_FORMULA:
            if bug.applies(activation):
                for right in bug.replacements(activation):
                    assert lines.count(right) == 1, (bug.name, right)


def test_no_change_is_the_reference():
    parameters, cache, X, Y = network(*SQUARE)
    g1 = ACTIVATIONS["tanh"]
    same = with_lines(backward_unchecked, {})(parameters, cache, X, Y, g1)
    reference = backward_unchecked(parameters, cache, X, Y, g1)
    for key in GRADIENTS:
        np.testing.assert_array_equal(same[key], reference[key])


@pytest.mark.parametrize("activation", A_FORMULA)
@pytest.mark.parametrize("name", list(BUGS))
def test_each_bug_breaks_exactly_the_gradients_that_depend_on_its_lines(name, activation):
    """On the all-square network every bug runs; the gradients it changes are bug.breaks().
    (m = X.shape[0] needs n_x != m to show.)"""
    bug = BUGS[name]
    if not bug.applies(activation):
        pytest.skip(f"{name} is about another activation's formula")
    shape = (3, 3, 3, 5) if name == "wrong_m" else SQUARE
    parameters, cache, X, Y = network(*shape, activation=activation)
    grads = bug(parameters, cache, X, Y, activation)
    reference = backward_propagation(parameters, cache, X, Y, activation)
    # an untouched gradient comes out of the same operations in the same order: equal to the bit
    changed = {key for key in GRADIENTS if not np.array_equal(grads[key], reference[key])}
    assert changed == set(bug.breaks(activation))
    for key in bug.breaks(activation):
        wrong, right = bug.fixes(key, activation)
        assert wrong and right and wrong != right


@pytest.mark.parametrize("name", list(BUGS))
def test_each_bug_is_caught_by_the_gradient_check(name):
    """On the all-square network, the check refuses the shapes or finds a relative error > WRONG."""
    parameters, _, X, Y = network(*((3, 3, 3, 5) if name == "wrong_m" else SQUARE))
    try:
        result = gradient_check(parameters, X, Y, backward=BUGS[name])
    except ValueError as error:  # relative_error refuses to compare different shapes
        assert "cannot compare a gradient of shape" in str(error)
    else:
        assert result.overall > WRONG, str(result)


def test_transpose_and_elementwise_bugs_raise_on_the_course_shape():
    """With n_x=2, n_h=4, n_y=1 NumPy itself refuses them: shape errors catch these before any
    gradient check."""
    parameters, cache, X, Y = network(2, 4, 1, 7)
    for name in ("missing_transpose_W2", "missing_transpose_in_dW", "elementwise_in_dW"):
        with pytest.raises(ValueError):
            BUGS[name](parameters, cache, X, Y)
    # W2.T * dZ2 == W2.T @ dZ2 when n_y = 1
    grads = BUGS["elementwise_in_dA1"](parameters, cache, X, Y)
    reference = backward_propagation(parameters, cache, X, Y)
    for key in GRADIENTS:
        np.testing.assert_allclose(grads[key], reference[key], rtol=1e-14)  # round-off only


def test_combine_refuses_two_mistakes_on_the_same_line():
    assert combine(BUGS["missing_g_prime"], BUGS["missing_one_over_m"]) is not None
    assert combine(BUGS["g_instead_of_g_prime"], BUGS["sign_of_g_prime"]) is None  # both g1_prime
    assert combine(BUGS["square_of_difference"], BUGS["missing_g_prime"], activation="relu") is None
    both = combine(BUGS["missing_g_prime"], BUGS["missing_keepdims"])
    assert dict(both.lines) == {
        LINES["dZ1"]: "dZ1 = dA1",
        LINES["db1"]: "db1 = (1 / m) * np.sum(dZ1, axis=1)",
        LINES["db2"]: "db2 = (1 / m) * np.sum(dZ2, axis=1)",
    }
    assert set(both.breaks()) == {"dW1", "db1", "db2"}


def test_a_g_prime_bug_is_shown_in_the_activation_s_own_spelling():
    bug = BUGS["a_formula_fed_Z1"]
    assert bug.fixes("dW1", "tanh") == ("g1_prime = 1 - Z1**2", "g1_prime = 1 - A1**2")
    assert bug.fixes("dW1", "sigmoid") == ("g1_prime = Z1 * (1 - Z1)", "g1_prime = A1 * (1 - A1)")
    assert not bug.applies("relu") and G_PRIME == "g1_prime = g1.g_prime(Z1, A1)"


# --- the checker names the mistakes ------------------------------------------------------------


@pytest.mark.parametrize("activation", A_FORMULA)
@pytest.mark.parametrize("name", list(BUGS))
def test_checker_names_each_gallery_mistake(name, activation):
    bug = BUGS[name]
    if not bug.applies(activation):
        pytest.skip(f"{name} is about another activation's formula")
    result = check_backward(lambda *args: bug(*args[:4], activation), activation=activation)
    text = str(result)
    assert result.finished and not result.passed
    assert result.mistakes == {name}, text
    wrong, _ = bug.fixes(bug.breaks(activation)[0], activation)
    assert f"the known mistake: {bug.title}" in text and wrong.splitlines()[0] in text
    for key in GRADIENTS:  # the gradients the bug breaks are called wrong, the others right
        assert result.verdicts[key].right == (key not in bug.breaks(activation)), text


def test_checker_names_two_mistakes_made_at_once():
    """Every pair of gallery mistakes (on different lines) is named, except the pairs that give
    the right gradients or the same gradients as one mistake alone."""
    cancel = {
        frozenset({"missing_one_over_m", "one_over_m_twice"}),  # 1/m moved from dW, db into dZ2
    }
    problems = backward_exercise()._problems()

    def outcomes(bug):
        found = []
        for problem in problems:
            try:
                found.append(bug(*problem.args))
            except ValueError:  # NumPy refuses the shapes
                found.append(None)
        return found

    def same(first, second):
        return all(
            (x is None) == (y is None)
            and (x is None or all(np.array_equal(x[k], y[k]) for k in GRADIENTS))
            for x, y in zip(first, second, strict=True)
        )

    for a, b in itertools.combinations(BUGS.values(), 2):
        both = combine(a, b)
        if both is None:
            continue
        result = check_backward(both)
        if frozenset({a.name, b.name}) in cancel:
            assert not result.mistakes or result.passed, str(result)
        elif same(outcomes(both), outcomes(a)) or same(outcomes(both), outcomes(b)):
            # on the networks where it runs, one mistake hides the other (wrong_m needs n_x != m)
            assert result.mistakes & {a.name, b.name}, f"{both.name}:\n{result}"
        else:
            assert {a.name, b.name} <= result.mistakes, f"{both.name}:\n{result}"


def solution_with_np_dot(parameters, cache, X, Y):
    """A right solution as the course writes it: np.dot, np.power, four arguments (tanh)."""
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dW2 = 1 / m * np.dot(dZ2, cache["A1"].T)
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - np.power(np.tanh(cache["Z1"]), 2))
    return {
        "dW1": np.dot(dZ1, X.T) / m,
        "db1": dZ1.mean(axis=1, keepdims=True),
        "dW2": dW2,
        "db2": db2,
    }


@pytest.mark.parametrize("fn", [backward_propagation, solution_with_np_dot])
def test_checker_passes_right_solutions(fn):
    result = check_backward(fn)
    assert result.finished and result.passed and not result.mistakes
    assert str(result).startswith(
        "Correct: dW1, db1, dW2 and db2 agree with the reference on all 5 networks"
    )


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
def test_checker_passes_the_reference_for_every_activation(activation):
    assert check_backward(backward_propagation, activation=activation).passed


def test_checker_networks_include_square_and_several_output_cases():
    assert any(n.n_x == n.n_h for n in NETWORKS)
    assert any(n.n_x == n.n_h == n.n_y == n.m for n in NETWORKS)
    assert any(n.n_y == 1 for n in NETWORKS) and any(n.n_y > 1 for n in NETWORKS)
    assert all(n.m > 1 for n in NETWORKS)  # with m = 1, a missing 1/m would be invisible
    assert any(n.n_x != n.m for n in NETWORKS)  # m = X.shape[0] is wrong somewhere


# --- learners' own code: the mistakes seen when learners' code was tried -----------------------


def learner(dZ1_line=None, m_rows=False):
    """A learner's backward pass in the course's spelling, with one line of their own."""

    def my_backward_propagation(parameters, cache, X, Y):
        m = X.shape[0] if m_rows else X.shape[1]
        W2, A1, Z1, A2 = parameters["W2"], cache["A1"], cache["Z1"], cache["A2"]
        dZ2 = A2 - Y
        dW2 = (1 / m) * np.dot(dZ2, A1.T)
        db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
        dZ1 = dZ1_line(W2, dZ2, A1, Z1) if dZ1_line else np.dot(W2.T, dZ2) * (1 - A1**2)
        dW1 = (1 / m) * np.dot(dZ1, X.T)
        db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
        return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}

    return my_backward_propagation


@pytest.mark.parametrize(
    "fn, name, says",
    [
        (
            learner(lambda W2, dZ2, A1, Z1: np.dot(W2.T, dZ2) * A1 * (1 - A1)),
            "other_activation_g_prime",
            "you probably wrote: g1_prime = A1 * (1 - A1)",
        ),
        (learner(m_rows=True), "wrong_m", "you probably wrote: m = X.shape[0]"),
        (
            learner(lambda W2, dZ2, A1, Z1: np.dot(W2.T, dZ2) * (1 - A1) ** 2),
            "square_of_difference",
            "you probably wrote: g1_prime = (1 - A1)**2",
        ),
        (
            learner(lambda W2, dZ2, A1, Z1: np.dot(W2.T, dZ2) * (A1**2 - 1)),
            "sign_of_g_prime",
            "you probably wrote: g1_prime = A1**2 - 1",
        ),
    ],
)
def test_checker_names_the_mistakes_learners_make(fn, name, says):
    result = check_backward(fn)
    assert result.mistakes == {name}, str(result)
    assert says in str(result)


def test_a_sign_error_in_g_prime_is_placed_on_layer_1():
    """dW2 and db2 are right, so the diagnosis must not send the learner to dZ2 = A2 - Y."""
    text = str(check_backward(learner(lambda W2, dZ2, A1, Z1: -(W2.T @ dZ2) * (1 - A1**2))))
    assert "wrong sign in g'" in text and "dZ2 = Y - A2" not in text


def test_an_unknown_mistake_is_localised_to_the_lines_it_can_be_in():
    text = " ".join(
        str(check_backward(learner(lambda W2, dZ2, A1, Z1: (W2.T @ dZ2) * (1 - A1**3)))).split()
    )
    assert (
        "dW2 and db2 are right, so the mistake is in a line that only dW1 and db1 depend on: "
        "the line of dA1, g1_prime or dZ1" in text
    )
    assert "1 - A1**2" not in text and "W2.T @ dZ2" not in text  # the right lines are not given


# --- unfinished and junk learner code: a diagnosis, never an exception -------------------------


def stub(parameters, cache, X, Y, activation="tanh"):
    raise NotImplementedError


def forgets_return(parameters, cache, X, Y, activation="tanh"):
    dZ2 = cache["A2"] - Y  # noqa: F841


@pytest.mark.parametrize(
    "fn, says",
    [
        (stub, "raises NotImplementedError"),
        (forgets_return, "returns None"),
        (None, "got NoneType"),
        (backward_propagation(*network(2, 4, 1, 7)), "got dict"),  # called instead of passed
    ],
)
def test_unfinished_work_is_reported_as_not_finished(fn, says):
    result = check_backward(fn)
    assert not result.finished and not result.passed
    assert str(result).startswith("Not finished yet") and says in str(result)


def reference_with(change):
    """A learner function: the reference's gradients, then what ``change(grads, cache, Y)`` does."""

    def fn(parameters, cache, X, Y, activation="tanh"):
        return change(backward_propagation(parameters, cache, X, Y, activation), cache, Y)

    return fn


def typo(parameters, cache, X, Y, activation="tanh"):
    dZ2 = cache["A2"] - Y  # noqa: F841
    return dz2  # noqa: F821


def recurses(*args):
    return recurses(*args)


def endless(parameters, cache, X, Y, activation="tanh"):
    while True:
        pass


JUNK = {
    "a list of the four arrays": (
        reference_with(lambda g, c, Y: list(g.values())),
        "returned a list of length 4",
        "expected a dict with keys 'dW1', 'db1', 'dW2', 'db2'",
    ),
    "a NameError inside": (
        typo,
        "NameError: name 'dz2' is not defined",
        "in the line:  return dz2",
    ),
    "sys.exit inside": (lambda *args: sys.exit(1), "SystemExit", ""),
    "endless recursion": (recurses, "RecursionError", "in the line:  return recurses(*args)"),
    "an endless loop": (endless, "did not finish in time", ""),
    "lists instead of arrays": (
        reference_with(lambda g, c, Y: {k: v.tolist() for k, v in g.items()}),
        "dW1  WRONG: a list, expected a NumPy array",
        "",
    ),
    "None and strings as gradients": (
        reference_with(lambda g, c, Y: {**g, "dW1": None, "db2": "0"}),
        "dW1  WRONG: a NoneType",
        "db2  WRONG: a str",
    ),
    "NaN in a gradient": (
        reference_with(lambda g, c, Y: {**g, "dW2": g["dW2"] * np.nan}),
        "dW2  WRONG: contains NaN or inf",
        "",
    ),
    "a transposed gradient": (  # the gallery's swapped factors, made in layer 1
        reference_with(lambda g, c, Y: {**g, "dW1": g["dW1"].T}),
        "dW1  WRONG: shape (2, 4), expected (4, 2) like W1",
        "you probably wrote: dW1 = (1 / m) * X @ dZ1.T",
    ),
    "a single number for db2": (
        reference_with(lambda g, c, Y: {**g, "db2": float(np.mean(c["A2"] - Y))}),
        "db2  WRONG: shape (), expected (1, 1)",
        "a single number",
    ),
    "the keys in lower case": (
        reference_with(lambda g, c, Y: {k.lower(): v for k, v in g.items()}),
        "found 'dw1' (the keys are case-sensitive)",
        "",
    ),
    "the wrong sign everywhere": (
        reference_with(lambda g, c, Y: {k: -v for k, v in g.items()}),
        "wrong sign in dZ2",
        "",
    ),
    "a constant factor": (
        reference_with(lambda g, c, Y: {**g, "dW2": 2 * g["dW2"]}),
        "2 times the right result",
        "",
    ),
    "noise": (
        reference_with(lambda g, c, Y: {**g, "db1": g["db1"] + 0.1}),
        "matches none of the known mistakes",
        "",
    ),
    "a warning and inf": (
        reference_with(lambda g, c, Y: {**g, "db1": np.log(g["db1"] * 0)}),
        "db1  WRONG: contains NaN or inf",
        "",
    ),
    "huge arrays of the wrong shape": (
        reference_with(lambda g, c, Y: {**g, "dW1": np.ones((50, 60))}),
        "shape (50, 60), expected (4, 2)",
        "",
    ),
    "an integer array": (
        reference_with(lambda g, c, Y: {**g, "db2": np.zeros_like(g["db2"], dtype=int)}),
        "db2  WRONG (relative error",
        "",
    ),
    "a string": (reference_with(lambda g, c, Y: "dW1"), "returned a str", ""),
}


@pytest.mark.parametrize("case", list(JUNK))
def test_junk_gets_a_diagnosis_not_an_exception(case):
    """Under pytest every warning is an error, so this also proves the checker lets no warning
    out."""
    fn, says, also = JUNK[case]
    result = check_backward(fn)
    text = str(result)
    assert result.finished and not result.passed

    def flat(words):  # prose may be wrapped
        return " ".join(words.split())

    assert text.startswith("Wrong:") and flat(says) in flat(text) and flat(also) in flat(text), text


def test_changes_to_the_inputs_are_noted_and_do_not_leak_between_networks():
    def subtracts_in_place(parameters, cache, X, Y, activation="tanh"):
        dZ2 = cache["A2"]
        dZ2 -= Y  # also changes cache["A2"]
        cache["A2"] = cache["A2"] + Y
        return backward_propagation(parameters, cache, X, Y)

    result = check_backward(subtracts_in_place)
    assert result.passed  # each network gets fresh copies, so the gradients are still right
    assert "Note: subtracts_in_place changed cache['A2'] in place" in str(result)

    def replaces_and_deletes(parameters, cache, X, Y, activation="tanh"):
        grads = backward_propagation(parameters, cache, X, Y)
        cache["A1"], parameters["W1"] = "junk", [[1]]
        del cache["Z2"]
        return grads

    assert "changed cache['A1'], cache['Z2'], parameters['W1']" in str(
        check_backward(replaces_and_deletes)
    )


def test_an_unknown_activation_is_reported():
    result = check_backward(backward_propagation, activation="swish")
    assert not result.finished and "unknown activation 'swish'" in str(result)


@pytest.mark.parametrize(
    "fn, names",
    [
        (stub, []),
        (backward_propagation, []),
        (BUGS["a_formula_fed_Z1"], ["a_formula_fed_Z1"]),
        (BUGS["g_prime_of_A1"], ["g_prime_of_A1"]),
        (
            combine(BUGS["missing_g_prime"], BUGS["missing_keepdims"]),
            ["missing_g_prime", "missing_keepdims"],
        ),
    ],
)
def test_the_diagnosis_fits_a_notebook_output(fn, names):
    """Prose is wrapped at WIDTH (a cell's output shows about 95 characters), code never is."""
    text = str(check_backward(fn))
    for line in text.splitlines():
        code = line.lstrip().startswith(CODE_LABELS) or line.startswith(" " * 20)
        assert len(line) <= WIDTH or code, line
    for name in names:  # the wrapped descriptions lose no word
        assert " ".join(BUGS[name].description.split()) in " ".join(text.split())
