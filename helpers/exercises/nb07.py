"""Notebook 07's exercises: one step of gradient descent (``update_parameters``), the training
loop (``nn_model``) and ``predict``; and four predictions: how the error of the first-order change
shrinks with the learning rate, logistic regression's accuracy on the flower, xor with one ReLU
unit, and learning rate 10.

The references are the course's own functions: :func:`helpers.network.update_unchecked` (the
update, one line), :func:`helpers.network.nn_model` (the loop, one call per line) and
:func:`helpers.network.predict`. The mistakes change their lines, or are built from them (a loop
that starts again at every iteration is one iteration, repeated).

The learner's loop calls the learner's own ``update_parameters``; the check runs it with the
course's in that name (:func:`_train`), so that a slip in the update is named once, by its own
check, and the loop can be checked before the update is finished. It also watches the learner's
calls of ``initialize_parameters``, so that a loop started from other initial weights (another
seed, weights of one's own) is told so (:class:`_TrainingLoop`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import numpy as np

from .. import network
from ..mistakes import with_lines
from .core import CheckResult, Exercise, Mistake, Prediction, Problem, Verdict

NOTEBOOK = "07_training"


def _network(n_x: int, n_h: int, n_y: int, seed: int) -> dict[str, np.ndarray]:
    """Weights and biases of order 1 (mistakes of a small factor show), shapes as in the course."""
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.standard_normal((n_h, n_x)),
        "b1": rng.standard_normal((n_h, 1)),
        "W2": rng.standard_normal((n_y, n_h)),
        "b2": rng.standard_normal((n_y, 1)),
    }


def _gradients(parameters: Mapping[str, np.ndarray], seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {"d" + key: rng.standard_normal(value.shape) for key, value in parameters.items()}


def _examples(n_x: int, n_y: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``X (n_x, m)`` and labels ``Y (n_y, m)`` of 0s and 1s, both classes present in each row."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_x, m))
    Y = (rng.standard_normal((n_y, n_x)) @ X > 0).astype(float)
    return X, Y


# ---------------------------------------------------------------- update_parameters


def _update_problems() -> list[Problem]:
    problems = []
    for (n_x, n_h, n_y), learning_rate, seed in (((3, 4, 2), 0.5, 0), ((2, 5, 1), 1.2, 1)):
        parameters = _network(n_x, n_h, n_y, seed)
        problems.append(
            Problem(
                f"a {n_x} -> {n_h} -> {n_y} network, learning rate {learning_rate}",
                (parameters, _gradients(parameters, seed + 10), learning_rate),
            )
        )
    return problems


def _ascent(parameters, grads, learning_rate):
    return network.update_unchecked(parameters, grads, -learning_rate)


def _no_learning_rate(parameters, grads, learning_rate):
    return network.update_unchecked(parameters, grads, 1.0)


def _biases_kept(parameters, grads, learning_rate):
    updated = network.update_unchecked(parameters, grads, learning_rate)
    return {**updated, "b1": parameters["b1"], "b2": parameters["b2"]}


update_parameters = Exercise(
    name="update_parameters",
    title="one step of gradient descent",
    reference=network.update_unchecked,
    problems=_update_problems,
    outputs=("W1", "b1", "W2", "b2"),
    returns="dict",
    notebook=NOTEBOOK,
    argument_names=("parameters", "grads", "learning_rate"),
    hints=(
        "To first order, a step Δθ changes J by dθ · Δθ (the sum over every entry p of "
        "dθ_p Δθ_p). With Δθ = s dθ the change is s ||dθ||², and ||dθ||² > 0. Which sign of s, "
        "+α or -α, makes the change negative?",
        "s = -learning_rate: W1 becomes W1 - learning_rate * dW1, and the same for b1, W2, b2 "
        "(grads['dW1'] is the gradient of parameters['W1']). Return a new dict.",
    ),
    mistakes=(
        Mistake(
            "gradient_ascent",
            "+ instead of - (gradient ascent)",
            "W + learning_rate * dW climbs the cost: dW points where J grows, the step goes "
            "the other way",
            function=_ascent,
        ),
        Mistake(
            "learning_rate_forgotten",
            "the learning rate left out",
            "W - dW takes a step of the gradient's own length: the learning rate sets the "
            "length of the step",
            function=_no_learning_rate,
        ),
        Mistake(
            "biases_kept",
            "the biases not updated",
            "b1 and b2 are parameters too: each takes the same step as W1 and W2, with its own "
            "gradient",
            function=_biases_kept,
        ),
    ),
)


first_order_error = Prediction(
    name="first_order_error",
    question="ratio - 1 at learning rate 0.01, knowing it is 0.0074 at 0.1",
    answer=0.00074,
    why=(
        "J(θ - α dθ) = J(θ) - α||dθ||² + O(α²): divide the decrease by α||dθ||² and what is "
        "left besides 1 is O(α²) / α = O(α). Ten times smaller α, ten times smaller error: "
        "0.0074 / 10 = 0.00074."
    ),
    notebook=NOTEBOOK,
    tolerance=0.15,
    wrong={
        0.0074: "That is the error at 0.1 again: the error does not stay, it shrinks with α.",
        0.000074: "That is a hundred times smaller, an error of order α²; but the remainder "
        "O(α²) is divided by α||dθ||², which leaves an error of order α.",
        0: "The ratio tends to 1 as α -> 0, but at a finite α the O(α²) term is still there.",
    },
)


# ---------------------------------------------------------------- nn_model


_NONE = object()  # a name that was not defined
# one entry per run of the learner's loop: did it start from the course's initial weights?
_STARTS: list[bool] = []


def _swapped(names: dict, name: str, value: object) -> object:
    """Put ``value`` in ``names[name]``; return what was there (``_NONE`` if nothing)."""
    own = names.get(name, _NONE)
    names[name] = value
    return own


def _restored(names: dict, name: str, own: object) -> None:
    if own is _NONE:
        names.pop(name, None)
    else:
        names[name] = own


def _train(function: Callable, problem: Problem) -> object:
    """Run a training loop ``function(X, Y, n_h, num_iterations, learning_rate)`` and return its
    ``(parameters, costs)`` as one dict ``{W1, b1, W2, b2, costs}`` (what it returned, if not that).

    While it runs, the name ``update_parameters`` in the learner's module (the notebook) is the
    course's update, whatever the learner's own does (or if it is not defined yet), and
    ``initialize_parameters`` is the course's, watched: whether the loop started from the
    course's initial weights goes to ``_STARTS``. The learner's names are put back afterwards.
    """
    names = getattr(function, "__globals__", None)
    learners = isinstance(names, dict) and not str(names.get("__name__")).startswith("helpers")
    if not learners:
        result = function(*problem.args)
    else:
        X, Y, n_h = problem.args[:3]
        starts: list[dict] = []

        def initialize_parameters(*args, **kwargs):
            starts.append(network.initialize_parameters(*args, **kwargs))
            return starts[-1]

        own_update = _swapped(names, "update_parameters", network.update_parameters)
        own_start = _swapped(names, "initialize_parameters", initialize_parameters)
        try:
            result = function(*problem.args)
        finally:
            _restored(names, "update_parameters", own_update)
            _restored(names, "initialize_parameters", own_start)
        course = network.initialize_parameters(np.shape(X)[0], n_h, np.shape(Y)[0])
        _STARTS.append(
            bool(starts)
            and starts[0].keys() == course.keys()
            and all(np.array_equal(starts[0][key], course[key]) for key in course)
        )
    if not (isinstance(result, tuple) and len(result) == 2 and isinstance(result[0], Mapping)):
        return result
    parameters, costs = result
    try:
        costs = np.asarray(costs, dtype=float)
    except (TypeError, ValueError):  # not numbers: the report says what it got
        pass
    return {**parameters, "costs": costs}


def _training_problems() -> list[Problem]:
    problems = []
    for n_x, n_h, n_y, m, iterations, learning_rate, seed in (
        (2, 3, 1, 24, 30, 1.2, 0),
        (3, 5, 2, 16, 20, 0.5, 1),
    ):
        X, Y = _examples(n_x, n_y, m, seed)
        problems.append(
            Problem(
                f"{m} examples, {n_x} -> {n_h} -> {n_y}, {iterations} iterations at learning "
                f"rate {learning_rate}",
                (X, Y, n_h, iterations, learning_rate),
            )
        )
    return problems


def _reinitialised(X, Y, n_h, num_iterations, learning_rate):
    """initialize_parameters inside the loop: every iteration is the first one again."""
    parameters, costs = network.nn_model(X, Y, n_h, 1, learning_rate)
    return parameters, costs * num_iterations


def _cost_kept_once(X, Y, n_h, num_iterations, learning_rate):
    """costs.append(cost) after the loop: only the last cost is kept."""
    parameters, costs = network.nn_model(X, Y, n_h, num_iterations, learning_rate)
    return parameters, costs[-1:]


def _one_update_later(X, Y, n_h, num_iterations, learning_rate):
    """The parameters after ``num_iterations`` updates, and the cost after each of 0, ...,
    ``num_iterations`` updates (the course's run, one iteration longer)."""
    parameters, _ = network.nn_model(X, Y, n_h, num_iterations, learning_rate)
    _, costs = network.nn_model(X, Y, n_h, num_iterations + 1, learning_rate)
    return parameters, costs


def _cost_after_update(X, Y, n_h, num_iterations, learning_rate):
    """The cost computed after the update: costs[t] is the cost after t + 1 updates."""
    parameters, costs = _one_update_later(X, Y, n_h, num_iterations, learning_rate)
    return parameters, costs[1:]


def _extra_final_cost(X, Y, n_h, num_iterations, learning_rate):
    """One more cost after the loop: num_iterations + 1 costs."""
    return _one_update_later(X, Y, n_h, num_iterations, learning_rate)


def _costs_sampled(X, Y, n_h, num_iterations, learning_rate):
    """costs.append(cost) only every 100 iterations, as the course prints them."""
    parameters, costs = network.nn_model(X, Y, n_h, num_iterations, learning_rate)
    return parameters, costs[::100]


FORWARD = "A2, cache = forward_unchecked(X, parameters, g1)"
# the forward pass of the initial weights only: what a forward pass before the loop computes
_forward_before_loop = with_lines(
    network.nn_model, {FORWARD: "A2, cache = (A2, cache) if i else " + FORWARD.split(" = ")[1]}
)


def _never(*args):
    """Stands for a mistake that no fixed function reproduces (told by :class:`_TrainingLoop`)."""
    return None


_SPELLING = {  # the reference's unchecked calls, as the learner writes them
    "forward_unchecked(X, parameters, g1)": "forward_propagation(X, parameters)",
    "cost_unchecked(A2, Y)": "compute_cost(A2, Y)",
    "backward_unchecked(parameters, cache, X, Y, g1)": (
        "backward_propagation(parameters, cache, X, Y)"
    ),
    "update_unchecked(": "update_parameters(",
    ", seed=seed)": ")",
}


def _as_learner_writes(line: str) -> str:
    for ours, theirs in _SPELLING.items():
        line = line.replace(ours, theirs)
    return line


UPDATE = "parameters = update_unchecked(parameters, grads, learning_rate)"

OTHER_START = Mistake(
    "initial_weights_differ",
    "other initial weights",
    "your loop started from other weights than the course's (another seed, or weights drawn "
    "by hand), and the check trains from the course's: call initialize_parameters(n_x, n_h, "
    "n_y) once before the loop, without a seed (its seed is fixed inside it)",
    function=_never,
)


class _TrainingLoop(Exercise):
    """The loop's :class:`Exercise`: when no known mistake explains what is wrong and the loop did
    not start from the course's initial weights (its ``initialize_parameters`` calls, seen by
    :func:`_train`, and its first cost say so), it tells that."""

    def _check(self, function: object) -> CheckResult:
        _STARTS.clear()
        return super()._check(function)

    def _first_costs_differ(self, outcomes: list) -> bool:
        """Whether the loop's first cost, the cost of its initial weights, differs from the
        course's on some problem (or cannot be read)."""
        for outcome, reference in zip(outcomes, self._reference_results(), strict=True):
            results = self._results(outcome) or {}
            costs = np.asarray(results.get("costs", ()), dtype=object).ravel()
            try:
                if not costs.size or abs(float(costs[0]) - reference["costs"][0]) > 1e-12:
                    return True
            except (TypeError, ValueError):
                return True
        return False

    def _report(self, name: str, outcomes: list, verdicts: dict[str, Verdict]) -> CheckResult:
        wrong = [v for v in verdicts.values() if not v.right and v.status != "not computed"]
        if (
            wrong
            and not any(v.mistakes for v in wrong)
            and _STARTS
            and not all(_STARTS)
            and self._first_costs_differ(outcomes)
        ):
            for verdict in wrong:
                verdict.mistakes, verdict.hint = (OTHER_START,), ""
        return super()._report(name, outcomes, verdicts)


nn_model = _TrainingLoop(
    name="nn_model",
    title="the training loop",
    reference=network.nn_model,
    problems=_training_problems,
    outputs=("W1", "b1", "W2", "b2", "costs"),
    returns="dict",
    call=_train,
    show=_as_learner_writes,
    notebook=NOTEBOOK,
    argument_names=("X", "Y", "n_h", "num_iterations", "learning_rate"),
    problem_word="training runs",
    hints=(
        "Before the loop: n_x and n_y are the numbers of rows of X and Y; parameters = "
        "initialize_parameters(n_x, n_h, n_y); costs = []. Inside the loop, four lines: the "
        "forward pass, the cost (appended to costs), the backward pass (from the forward pass's "
        "cache), the update.",
        "A2, cache = forward_propagation(X, parameters); cost = compute_cost(A2, Y), appended "
        "to costs; grads = backward_propagation(parameters, cache, X, Y); then the update, "
        "assigned back to parameters. After the loop: return parameters, costs.",
    ),
    mistakes=(
        Mistake(
            "update_not_assigned",
            "the update not assigned back",
            "update_parameters returns a new dict and leaves its argument alone: without "
            "parameters = ..., every iteration computes the same gradients at the same weights",
            {UPDATE: "update_parameters(parameters, grads, learning_rate)"},
        ),
        Mistake(
            "learning_rate_not_passed",
            "the learning rate not passed to update_parameters",
            "update_parameters(parameters, grads) takes its default learning rate, 1.2, "
            "whatever nn_model was given",
            {UPDATE: "parameters = update_parameters(parameters, grads)"},
        ),
        Mistake(
            "reinitialised_inside_loop",
            "the parameters initialised inside the loop",
            "parameters = initialize_parameters(...) stands inside the for loop: every iteration "
            "starts again from the initial weights, so the cost never moves and the result is "
            "one step from the start; initialise once, before the loop",
            function=_reinitialised,
        ),
        Mistake(
            "cost_appended_after_loop",
            "the cost appended after the loop",
            "costs.append(cost) is not indented under the for: it runs once, after the loop, "
            "and keeps only the last cost",
            function=_cost_kept_once,
        ),
        Mistake(
            "cost_after_update",
            "the cost recorded after the update",
            "your costs[t] is the cost after update t; costs[t] must be the cost before it, "
            "computed from the forward pass that the backward pass uses (costs[0] is the cost "
            "of the initial weights)",
            function=_cost_after_update,
        ),
        Mistake(
            "extra_final_cost",
            "one cost too many (the cost after the loop appended)",
            "costs holds one cost per iteration, the cost before its update: num_iterations "
            "costs, not one more for the final weights",
            function=_extra_final_cost,
        ),
        Mistake(
            "costs_sampled",
            "the cost recorded only every 100 (or 1000) iterations",
            "the course prints the cost every 1000 iterations; costs keeps it at every "
            "iteration, one per update",
            function=_costs_sampled,
        ),
        Mistake(
            "forward_before_loop",
            "the forward pass done once, before the loop",
            "A2, cache = forward_propagation(X, parameters) must be inside the loop: done once, "
            "every backward pass uses the activations of the initial weights, and the cost "
            "never moves",
            function=_forward_before_loop,
        ),
        OTHER_START,
    ),
)


# ---------------------------------------------------------------- predict


def _predict_problems() -> list[Problem]:
    zero = {key: np.zeros_like(value) for key, value in _network(2, 3, 1, 0).items()}
    return [
        Problem(
            "a 2 -> 4 -> 1 network, 9 examples", (_network(2, 4, 1, 2), _examples(2, 1, 9, 2)[0])
        ),
        Problem(
            "a 3 -> 5 -> 2 network (two outputs), 7 examples",
            (_network(3, 5, 2, 3), _examples(3, 1, 7, 3)[0]),
        ),
        Problem(
            "an undecided network (every weight 0, so A2 = 1/2), 4 examples",
            (zero, _examples(2, 1, 4, 4)[0]),
        ),
    ]


class _Predictions(Exercise):
    """``predict``'s :class:`Exercise`: a wrong result is told by how many of its predictions are
    wrong, not by a relative error."""

    def _report(self, name: str, outcomes: list, verdicts: dict[str, Verdict]) -> CheckResult:
        problems, references = self._problems(), self._reference_results()
        self._miscounts = {}
        for key, verdict in verdicts.items():
            if verdict.status == "wrong values":
                index = problems.index(verdict.problem)
                yours = np.asarray(self._results(outcomes[index])[key], dtype=float)
                right = references[index][key]
                self._miscounts[key] = (int(np.sum(yours != right)), right.size)
        return super()._report(name, outcomes, verdicts)

    def _verdict_lines(self, verdict: Verdict, explained: dict[str, str]) -> list[str]:
        lines = super()._verdict_lines(verdict, explained)
        if verdict.output in self._miscounts and lines:
            wrong, size = self._miscounts[verdict.output]
            lines[0] = re.sub(
                r"\(relative error [^)]*\)", f"({wrong} of its {size} predictions wrong)", lines[0]
            )
        return lines


predict = _Predictions(
    name="predict",
    title="predictions from A2",
    reference=network.predict,
    problems=_predict_problems,
    outputs=("predictions",),
    notebook=NOTEBOOK,
    argument_names=("parameters", "X"),
    show=lambda line: line.replace(", activation)", ")").replace("A2, _", "A2, cache"),
    hints=(
        "A2 holds, for each example, the probability that its label is 1 (forward_propagation "
        "returns it first). Predict 1 where that probability is more than one half.",
        "A2, cache = forward_propagation(X, parameters), then return A2 > 0.5: True/False of "
        "shape (n_y, m).",
    ),
    mistakes=(
        Mistake(
            "threshold_zero",
            "A2 > 0 instead of A2 > 0.5",
            "A2 is a probability, always above 0: the threshold 0 belongs to Z2 (A2 > 1/2 "
            "exactly where Z2 > 0)",
            {"return A2 > 0.5": "return A2 > 0"},
        ),
        Mistake(
            "probabilities",
            "the probabilities returned instead of predictions",
            "A2 is the probability of class 1; a prediction is True/False, where it is above 1/2",
            {"return A2 > 0.5": "return A2"},
        ),
        Mistake(
            "classes_swapped",
            "the classes swapped (A2 < 0.5)",
            "True stands for the label 1: it goes where A2, the probability of the label 1, is "
            "above 1/2",
            {"return A2 > 0.5": "return A2 < 0.5"},
        ),
        Mistake(
            "ties_to_one",
            "A2 >= 0.5 instead of A2 > 0.5",
            "where A2 is exactly 1/2 the network is undecided, and the course says 0 (False)",
            {"return A2 > 0.5": "return A2 >= 0.5"},
        ),
    ),
)


# ---------------------------------------------------------------- predictions


logistic_accuracy = Prediction(
    name="logistic_accuracy",
    question="logistic regression's accuracy on the flower (200 examples of each class)",
    answer="below 50 %",
    why=(
        "It scores 47 %: worse than always answering one class (50 %), although a straight "
        "line can score 68.75 % (the next cells find it). Logistic regression does not count "
        "errors: it minimises the cross-entropy, which charges every example by how wrong and "
        "how confident the output is. On the flower every line has whole petals on its wrong "
        "side, far from it; the line that is cheapest in cross-entropy stays unsure everywhere "
        "(outputs between 0.31 and 0.71), and which side of 1/2 an output falls on hardly "
        "changes its cost."
    ),
    notebook=NOTEBOOK,
    choices=("below 50 %", "between 50 % and 60 %", "between 60 % and 80 %", "above 80 %"),
    wrong={
        "between 50 % and 60 %": "Close: it is unsure everywhere, but it lands below one "
        "class's 50 %.",
        "between 60 % and 80 %": "That is where the best straight line lands (68.75 %); "
        "logistic regression does not look for it.",
        "above 80 %": "No straight line gets there on the flower: its petals of one class lie "
        "on both sides of every line.",
    },
)

xor_one_unit = Prediction(
    name="xor_one_unit",
    question="the accuracy on xor with relu and n_h = 1 (learning rate 1.2, 2000 iterations)",
    answer="between 55 % and 71 %",
    why=(
        "With one hidden unit, z2 = W2 g(z1) + b2 depends on x only through z1 = W1 x + b1, "
        "and g is monotone, so the prediction changes at most once along z1: the boundary is a "
        "level line of W1 x + b1, a straight line. No network with one unit beats the best "
        "line, 71.25 % on xor (section 5); this one gets 65.75 %."
    ),
    notebook=NOTEBOOK,
    choices=("near 100 %", "between 55 % and 71 %", "about 50 %"),
    wrong={
        "near 100 %": "That needs a bent boundary, made of several units' lines (n_h = 4 with "
        "tanh gets 98.5 %).",
        "about 50 %": "One line still gets more than chance on xor: the best one scores 71.25 %.",
    },
)

learning_rate_10 = Prediction(
    name="learning_rate_10",
    question="what the cost does at learning rate 10 on the flower (tanh, n_h = 4)",
    answer="jumps up and down",
    why=(
        "A step of 10 dθ is too long: the O(α²) term of section 1 outweighs the first-order "
        "decrease α||dθ||², so some steps overshoot and raise the cost. It jumps above 3 in the "
        "first 25 iterations, then zigzags, rising in about every other step (by a few "
        "hundredths: small beside the early jumps), and ends above the cost reached at "
        "learning rate 1.2."
    ),
    notebook=NOTEBOOK,
    choices=("falls faster", "falls as at 1.2", "jumps up and down", "becomes infinite"),
    wrong={
        "falls faster": "Only while the first-order term dominates, which at learning rate 10 "
        "it does not.",
        "falls as at 1.2": "The step is 8 times longer, and the cost is not a straight slope.",
        "becomes infinite": "It stays below 3.4 (the cell below checks it): a step overshoots, "
        "and the steps after it come back.",
    },
)
