"""Notebook 05's exercises, in-process and fast (tests/test_exercises.py runs them in the notebook).

Beyond the solutions, wrong answers and stubs (tests/test_exercise_answers.py): every known mistake
is wrong on the problems and told apart from the others; no hint gives the answer away; the
references are the derivatives they claim to be (finite differences of functions written out here);
the predictions accept the answer in other words or digits, and their answers are what the
notebook's trained network, sweep, deep network and explorer measure."""

from __future__ import annotations

import numpy as np

from helpers import (
    ACTIVATIONS,
    backward_propagation,
    forward_propagation,
    load_planar_dataset,
    nn_model,
    sigmoid,
)
from helpers.deep import L_model_backward, L_model_forward, initialize_parameters_deep
from helpers.exercises import nb05
from helpers.exercises.core import Exercise, Prediction, relative_error
from helpers.exercises.editions import SOLUTIONS, WRONG_ANSWERS, blocks
from helpers.gradcheck import GOOD, numerical_gradient
from helpers.widgets.activations import SCALES, SLIDER_SCALES, scaled_network, snapshot

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


def test_every_exercise_has_a_solution_and_every_mistake_a_wrong_answer():
    assert {name for name, _, _ in SOLVED} == set(EXERCISES)
    for name, exercise in CHECKED.items():
        named = {mistake for block, mistake, _ in WRONG if block == name}
        assert named == {m.name for m in exercise.mistakes}, name
    for name in set(EXERCISES) - set(CHECKED):
        assert sum(block == name for block, _, _ in WRONG) >= 2, name


def test_the_last_hint_stops_one_step_short_of_the_answer():
    """No hint states the formula the check wants: that is what .solution() is for."""
    answers = {
        "softplus_prime": ["1 - e^(-a)", "1 - np.exp(-a)", "(e^a - 1) / e^a"],
        "elu_prime": ["alpha e^z for", "alpha * np.exp(z)"],
        "silu_prime": ["sigma(z)(1 + z(1 - sigma(z)))", "sigma(z) + z sigma(z)(1 - sigma(z))"],
    }
    for name, spellings in answers.items():
        hints = " ".join(CHECKED[name].hints)
        assert not any(spelling in hints for spelling in spellings), name


def test_a_wrong_line_is_told_as_a_learner_writes_it():
    text = " ".join(
        str(nb05.silu_prime.check(lambda z: sigmoid(z) + sigmoid(z) * (1 - sigmoid(z)))).split()
    )
    assert "you probably wrote: return sigmoid(z) + sigmoid(z) * (1 - sigmoid(z))" in text
    assert "1 + z * (1 - sigmoid(z))" not in text  # the answer only when asked for


def test_other_words_for_the_same_answer_are_accepted():
    for words in ("stays the same", "stays", "stay", "the same", "Same", "stay the same"):
        assert nb05.relu_switched_off.reveal(words).passed, words
    assert nb05.relu_switched_off.reveal("shrink").finished
    assert not nb05.relu_switched_off.reveal("shrink").passed
    for value in (0.07, 0.071, "0.01 * sqrt(50)", 0.073):
        assert nb05.per_layer_factor.reveal(value).passed, value
    for value in (1, 0.25, 0.01, 0.5, "1/4"):
        result = nb05.per_layer_factor.reveal(value)
        assert result.finished and not result.passed, value
    assert nb05.same_saturation.reveal("2.0").passed and not nb05.same_saturation.reveal(4).passed


def test_the_references_are_the_derivatives():
    """softplus' through a, ELU' and SiLU' against finite differences of the functions written out
    here (0 left out: ELU has a corner there unless alpha = 1)."""
    z = np.concatenate([np.linspace(-5, -0.1, 12), np.linspace(0.1, 5, 12)])

    def total(f):
        return lambda z_: np.sum(f(z_))

    softplus_slope = numerical_gradient(total(lambda z_: np.log(1 + np.exp(z_))), z)
    a = np.log(1 + np.exp(z))
    assert relative_error(nb05.softplus_prime.reference(a), softplus_slope) < GOOD
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


def test_largest_share_is_relu_on_the_trained_network_and_at_the_large_scale():
    """ReLU has the largest mean g' on the trained tanh network's Z1 (the notebook's reveal), and
    passes the largest share of dA1 on every random network at scale 10 (its sweep)."""
    X, Y = load_planar_dataset()
    trained, _ = nn_model(X, Y, n_h=4, num_iterations=3000, learning_rate=1.2)
    Z1 = forward_propagation(X, trained)[1]["Z1"]
    assert np.median(np.abs(Z1)) > nb05.LARGE_Z
    mean_g_prime = {
        name: ACTIVATIONS[name].g_prime(Z1, ACTIVATIONS[name].g(Z1)).mean()
        for name in ("sigmoid", "tanh", "relu")
    }
    assert max(mean_g_prime, key=mean_g_prime.get) == nb05.largest_share.answer
    for seed in range(10):
        shares = {}
        for name in ("sigmoid", "tanh", "relu"):
            parameters = scaled_network(2, 4, float(nb05.LARGE_Z), seed)
            _, cache = forward_propagation(X, parameters, name)
            grads = backward_propagation(parameters, cache, X, Y, name, intermediates=True)
            shares[name] = np.abs(grads["dZ1"]).mean() / np.abs(grads["dA1"]).mean()
        assert max(shares, key=shares.get) == nb05.largest_share.answer, (seed, shares)


def test_the_per_layer_factor_is_the_measured_one():
    """10 tanh layers of 50 units, weights 0.01 N(0, 1), on the notebook's 100 examples: the
    factor per layer, layer 10 down to 1, is within the prediction's tolerance of its answer."""
    X, Y = load_planar_dataset()
    dims = [2] + [nb05.DEEP_UNITS] * 10 + [1]
    parameters = initialize_parameters_deep(dims, seed=3, scale=nb05.DEEP_SCALE)
    AL, caches = L_model_forward(X[:, ::4], parameters, "tanh")
    grads = L_model_backward(AL, Y[:, ::4], caches, "tanh", intermediates=True)
    measured = (np.linalg.norm(grads["dZ1"]) / np.linalg.norm(grads["dZ10"])) ** (1 / 9)
    assert nb05.per_layer_factor.reveal(measured).passed
    assert abs(measured / nb05.FACTOR - 1) < 0.1


def test_relu_s_switched_off_share_is_the_same_at_every_scale_of_the_explorer():
    X, Y = load_planar_dataset()
    off = {snapshot(X, Y, "relu", scale).saturated for scale in SLIDER_SCALES}
    assert len(off) == 1 and nb05.relu_switched_off.answer == "stays the same"
    tanh = [snapshot(X, Y, "tanh", scale).saturated for scale in (SCALES[0], SCALES[-1])]
    assert tanh[0] < tanh[1]  # "grows" is what tanh does


def test_the_sigmoid_saturates_at_scale_2_what_tanh_saturates_at_scale_1():
    X, Y = load_planar_dataset()
    answer = nb05.same_saturation.answer
    assert answer in SLIDER_SCALES  # the learner can slide to it
    tanh, sigmoid_ = snapshot(X, Y, "tanh", 1.0), snapshot(X, Y, "sigmoid", float(answer))
    assert 0.1 < tanh.saturated == sigmoid_.saturated < 0.9
    for wrong in nb05.same_saturation.wrong:
        if wrong in SLIDER_SCALES:
            assert snapshot(X, Y, "sigmoid", float(wrong)).saturated != tanh.saturated
