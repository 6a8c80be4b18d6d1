"""Notebook 08's exercises in-process (fast; tests/test_exercises.py runs the notebook itself):
beyond the solutions, wrong answers and stubs (tests/test_exercise_answers.py), every known
mistake shows on the problems, and the references the checks compare with agree with autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad, make_vjp

from helpers import relative_error
from helpers.deep import initialize_parameters_deep, linear_activation_backward
from helpers.exercises import nb08
from helpers.exercises.editions import SOLUTIONS, WRONG_ANSWERS, blocks
from helpers.mistakes import with_lines

from .autograd_reference import AUTOGRAD_ACTIVATIONS, cross_entropy_from_logits

NOTEBOOK = nb08.NOTEBOOK
EXERCISES = ["linear_backward", "L_model_backward", "matmul_backward"]
ROUND_OFF = 1e-13  # float64 round-off, summed in another order


def answer(code: str):
    """What a block of a solutions or wrong-answers file defines (a function or a prediction)."""
    given = {"np": np, "linear_activation_backward": linear_activation_backward}
    namespace = dict(given)
    exec(code, namespace)  # noqa: S102 (the course's own files)
    defined = [value for name, value in namespace.items() if name not in (*given, "__builtins__")]
    assert len(defined) == 1, code
    return defined[0]


SOLVED = [(name, code) for name, _, code in blocks(SOLUTIONS / f"{NOTEBOOK}.py")]
WRONG = [(name, mistake, code) for name, mistake, code in blocks(WRONG_ANSWERS / f"{NOTEBOOK}.py")]


@pytest.mark.parametrize("name", EXERCISES)
def test_every_known_mistake_shows_on_the_problems(name):
    """A mistake that gives the right results on every problem could never be named."""
    exercise = getattr(nb08, name)
    for mistake in exercise.mistakes:
        mistaken = exercise.wrap(with_lines(exercise.source or exercise.reference, mistake.lines))
        assert not exercise.check(mistaken).passed, mistake.name


def test_L_model_backward_written_by_hand_in_numpy_passes():
    def L_model_backward(AL, Y, caches):
        grads, L = {}, len(caches)
        dA = -(Y / AL - (1 - Y) / (1 - AL))
        for l in range(L, 0, -1):
            (A_prev, W, _), Z = caches[l - 1]
            dZ = dA * AL * (1 - AL) if l == L else dA * (Z > 0)
            m = A_prev.shape[1]
            grads[f"dW{l}"] = dZ @ A_prev.T / m
            grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m
            grads[f"dA{l - 1}"] = dA = W.T @ dZ
        return grads

    assert nb08.L_model_backward.check(L_model_backward).passed


def test_L_model_backward_forgetting_dA_prev_by_hand_is_named():
    def L_model_backward(AL, Y, caches):
        grads, L = {}, len(caches)
        dAL = -(Y / AL - (1 - Y) / (1 - AL))
        for l in range(L, 0, -1):
            (A_prev, W, _), Z = caches[l - 1]
            dZ = dAL * AL * (1 - AL) if l == L else dAL * (Z > 0)
            m = A_prev.shape[1]
            grads[f"dW{l}"] = dZ @ A_prev.T / m
            grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m
            grads[f"dA{l - 1}"] = W.T @ dZ
        return grads

    assert "dA_not_handed_down" in nb08.L_model_backward.check(L_model_backward).mistakes


def test_L_model_backward_runs_on_networks_of_2_3_and_4_layers():
    """An output a smaller network has not (dW4 of L = 3) is judged on the others only."""
    depths = {len(problem.args[2]) for problem in nb08.L_model_backward._problems()}
    assert depths == {2, 3, 4}
    result = nb08.L_model_backward.check(answer(dict(SOLVED)["L_model_backward"]))
    assert result.passed and "on all 4 networks" in str(result), str(result)


def test_L_model_backward_with_a_fixed_L_is_told_how_many_layers_the_network_has():
    code = dict(SOLVED)["L_model_backward"].replace("L = len(caches)", "L = 3")
    result = nb08.L_model_backward.check(answer(code))
    text = " ".join(str(result).split())
    assert not result.passed and "this network has L = 2 layers" in text, str(result)


@pytest.mark.parametrize(
    "line, wrong",
    [
        ("dA = dA_prev", "pass"),  # dA not handed down
        ("range(L, 0, -1)", "range(1, L + 1)"),  # layers in forward order
    ],
)
def test_L_model_backward_handing_the_wrong_dA_is_told_what_dA_a_step_needs(line, wrong):
    code = dict(SOLVED)["L_model_backward"].replace(line, wrong)
    result = nb08.L_model_backward.check(answer(code))
    text = " ".join(str(result).split())
    assert not result.passed and "the dA handed to layer l's step must be" in text, str(result)
    assert "compare each @" not in text  # not the generic note about products


def test_a_mistake_that_changes_every_output_is_told_once():
    code = next(code for name, mistake, code in WRONG if mistake == "started_from_dZ")
    text = str(nb08.L_model_backward.check(answer(code)))
    assert text.count("it matches the known mistake") == 1 and "the same mistake as" not in text
    assert "db4, dA3, dW3, db3, dA2, dW2, db2, dA1, dW1, db1 and dA0 are wrong by the same " in (
        text
    )


# ---------------------------------------------------------------- the references vs autograd


def problems(name: str) -> list:
    exercise = getattr(nb08, name)
    return [pytest.param(p, id=p.label) for p in exercise._problems()]


@pytest.mark.parametrize("problem", problems("linear_backward"))
def test_linear_backwards_reference_is_autograds_vjp(problem):
    dZ, (A_prev, W, b) = problem.args
    m = A_prev.shape[1]
    dA_prev, dW, db = nb08.linear_backward.reference(*problem.args)
    V = dZ / m  # dJ/dZ: the course's dZ is per example
    vjp_A, _ = make_vjp(lambda A_: anp.dot(W, A_) + b)(A_prev)
    vjp_W, _ = make_vjp(lambda W_: anp.dot(W_, A_prev) + b)(W)
    vjp_b, _ = make_vjp(lambda b_: anp.dot(W, A_prev) + b_)(b)
    assert relative_error(dA_prev / m, vjp_A(V)) <= ROUND_OFF
    assert relative_error(dW, vjp_W(V)) <= ROUND_OFF
    assert relative_error(db, vjp_b(V)) <= ROUND_OFF


@pytest.mark.parametrize("problem", problems("L_model_backward"))
def test_L_model_backwards_reference_is_autograds_gradient(problem):
    """1e-12: the reference starts from dAL and multiplies by AL(1 - AL), which costs a few
    digits more than autograd's cost from Z."""
    AL, Y, caches = problem.args
    X, L = caches[0][0][0], len(caches)
    parameters = {}
    for l, ((_, W, b), _) in enumerate(caches, start=1):
        parameters[f"W{l}"], parameters[f"b{l}"] = W, b

    def cost(parameters):
        A = X
        for l in range(1, L + 1):
            Z = anp.dot(parameters[f"W{l}"], A) + parameters[f"b{l}"]
            A = AUTOGRAD_ACTIVATIONS["relu"](Z)
        return cross_entropy_from_logits(Z, Y)

    theirs = grad(cost)(parameters)
    ours = nb08.L_model_backward.reference(AL, Y, caches)
    for key in parameters:
        assert relative_error(ours["d" + key], theirs[key]) <= 1e-12, key


@pytest.mark.parametrize("problem", problems("matmul_backward"))
def test_matmul_backwards_reference_is_autograds_vjp(problem):
    G, A, B = problem.args
    grad_A, grad_B = nb08.matmul_backward.reference(G, A, B)
    assert relative_error(grad_A, make_vjp(lambda A_: anp.dot(A_, B))(A)[0](G)) <= ROUND_OFF
    assert relative_error(grad_B, make_vjp(lambda B_: anp.dot(A, B_))(B)[0](G)) <= ROUND_OFF


def test_the_predictions_answers_are_the_notebooks_counts():
    parameters = initialize_parameters_deep([4] * 8 + [1], seed=1, scale=None)  # section 4's
    P = sum(value.size for value in parameters.values())
    assert nb08.fd_passes.answer == 2 * P
    assert nb08.backprop_cost.answer == 3
