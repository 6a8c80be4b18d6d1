"""Notebook 08's exercises: ``linear_backward`` and ``L_model_backward`` (Backprop-Ninja style,
every output checked against the reference), the backward rule of ``C = U @ V`` in the tiny
reverse-mode engine, and two predictions (the forward passes finite differences make; what one
backprop costs in forward passes).

The references are the course's formulas where they are written once:
:func:`helpers.deep.linear_backward_unchecked`, :func:`helpers.deep.L_model_backward_unchecked`
(with ReLU hidden layers, as the course) and :func:`helpers.autodiff.matmul_backward`; each mistake
is one or two of their lines changed.
"""

from __future__ import annotations

import re

import numpy as np

from ..activations import get_activation
from ..autodiff import matmul_backward as _matmul_backward
from ..deep import L_model_backward_unchecked, L_model_forward_unchecked, linear_backward_unchecked
from ..mistakes import reference_lines
from .core import CheckResult, Exercise, Mistake, Prediction, Problem

NOTEBOOK = "08_deeper_networks"
RELU = get_activation("relu")


# ---------------------------------------------------------------- linear_backward


def _layers() -> list[Problem]:
    """``(dZ (n[l], m), (A_prev (n[l-1], m), W (n[l], n[l-1]), b (n[l], 1)))``: the course's test
    case, a square layer (``W`` and ``W.T`` both fit), an output layer, and ``m = n[l-1]``."""
    course = np.random.RandomState(1)  # the course's test case: np.random.seed(1), then randn
    dZ, A_prev = course.randn(3, 4), course.randn(5, 4)
    W, b = course.randn(3, 5), course.randn(3, 1)
    label = "the course's test case, n[l] = 3, n[l-1] = 5, m = 4"
    problems = [Problem(label, (dZ, (A_prev, W, b)), {"m": 4, "n_y": 3})]
    rng = np.random.default_rng(8)
    for n_l, n_prev, m, label in (
        (4, 4, 6, "a square layer, n[l] = n[l-1] = 4, m = 6"),
        (1, 3, 5, "an output layer, n[l] = 1, n[l-1] = 3, m = 5"),
        (2, 3, 3, "n[l] = 2, n[l-1] = m = 3"),
    ):
        dZ, A_prev = rng.standard_normal((n_l, m)), rng.standard_normal((n_prev, m))
        W, b = rng.standard_normal((n_l, n_prev)), rng.standard_normal((n_l, 1))
        problems.append(Problem(label, (dZ, (A_prev, W, b)), {"m": m, "n_y": n_l}))
    return problems


DW = "dW = (1 / m) * dZ @ A_prev.T"
DB = "db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)"
DA_PREV = "dA_prev = W.T @ dZ"
M = "m = A_prev.shape[1]"

linear_backward = Exercise(
    name="linear_backward",
    title="the backward step of Z = W A_prev + b",
    reference=linear_backward_unchecked,
    problems=_layers,
    outputs=("dA_prev", "dW", "db"),
    returns="tuple",
    pairs=True,
    notebook=NOTEBOOK,
    argument_names=("dZ", "cache"),
    like={"dA_prev": "A_prev", "dW": "W", "db": "b"},
    problem_word="layers",
    hints=(
        "dA_prev: unit k of the layer below, a_k, reaches every unit z_i of this layer through "
        "the weight W[i, k], so its derivative sums over i (notebook 03). dW, db: J is the mean "
        "of the m losses (notebook 04), and dZ holds one column per example, without the 1/m.",
        "Shapes: dA_prev like A_prev (n[l-1], m), dW like W (n[l], n[l-1]), db like b (n[l], 1). "
        "Which product of dZ (n[l], m) with W or A_prev has each shape? m is the number of "
        "columns. Then check one entry against hint 1: in a square layer W and W.T both fit.",
        "dA_prev = W.T @ dZ (no 1/m: a per-example factor, like dZ); dW = (1 / m) * dZ @ "
        "A_prev.T; db = (1 / m) * np.sum(dZ, axis=1, keepdims=True).",
    ),
    mistakes=(
        Mistake(
            "missing_transpose_W",
            "missing transpose of W",
            "a_k reaches z_i through W[i, k]: the sum over i is a product with W.T; "
            "W @ dZ fits only a square layer",
            {DA_PREV: "dA_prev = W @ dZ"},
        ),
        Mistake(
            "row_convention_dA_prev",
            "dZ.T @ W: the transpose of dA_prev",
            "dZ.T @ W is (W.T @ dZ).T, a row per example; the course stacks examples as columns",
            {DA_PREV: "dA_prev = dZ.T @ W"},
        ),
        Mistake(
            "one_over_m_in_dA_prev",
            "1/m in dA_prev",
            "dA_prev, like dZ, holds one example's own derivative per column: the 1/m of the "
            "mean belongs to dW and db only",
            {DA_PREV: "dA_prev = (1 / m) * W.T @ dZ"},
        ),
        Mistake(
            "swapped_factors_dW",
            "swapped factors in dW",
            "A_prev @ dZ.T is (dZ @ A_prev.T).T: the shape of W.T, not of W",
            {DW: "dW = (1 / m) * A_prev @ dZ.T"},
        ),
        Mistake(
            "missing_transpose_A_prev",
            "missing transpose of A_prev",
            "dW[i, k] sums dZ[i, j] A_prev[k, j] over the examples j: the product with A_prev.T",
            {DW: "dW = (1 / m) * dZ @ A_prev"},
        ),
        Mistake(
            "missing_one_over_m_dW",
            "1/m missing in dW",
            "dZ @ A_prev.T sums the m per-example gradients; J is their mean",
            {DW: "dW = dZ @ A_prev.T"},
        ),
        Mistake(
            "missing_one_over_m_db",
            "1/m missing in db",
            "np.sum(dZ, axis=1) sums the m per-example gradients; J is their mean",
            {DB: "db = np.sum(dZ, axis=1, keepdims=True)"},
        ),
        Mistake(
            "missing_keepdims",
            "keepdims missing in db",
            "np.sum(dZ, axis=1) is a flat vector (n[l],); b is a column (n[l], 1)",
            {DB: "db = (1 / m) * np.sum(dZ, axis=1)"},
        ),
        Mistake(
            "db_summed_over_units",
            "db summed over the wrong axis",
            "axis=0 sums the units of each example; db sums over the examples, the columns "
            "(axis=1)",
            {DB: "db = (1 / m) * np.sum(dZ, axis=0, keepdims=True)"},
        ),
        Mistake(
            "db_summed_over_everything",
            "db summed over everything",
            "np.sum(dZ) adds every unit and example into one number; each unit has its own bias",
            {DB: "db = (1 / m) * np.sum(dZ)"},
        ),
        Mistake(
            "m_from_rows",
            "m counts the rows of A_prev",
            "A_prev.shape[0] is n[l-1], the units of the layer below; the examples are the "
            "columns, A_prev.shape[1]",
            {M: "m = A_prev.shape[0]"},
        ),
    ),
)


# ---------------------------------------------------------------- L_model_backward

NETWORKS = (([4, 5, 3, 1], 6), ([3, 4, 1], 5), ([5, 4, 4, 3, 1], 7), ([3, 2, 6, 1], 5))


def _networks() -> list[Problem]:
    """``(AL (1, m), Y (1, m), caches)`` of networks with ``L = 3``, 2, 4 and 3 layers (ReLU
    hidden layers, sigmoid output), weights and biases of order 1, non-square layers, both
    labels: code that assumes ``L = 3`` fails on the second."""
    rng = np.random.default_rng(80)
    problems = []
    for layer_dims, m in NETWORKS:
        parameters = {}
        for l in range(1, len(layer_dims)):
            parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1]))
            parameters[f"b{l}"] = rng.standard_normal((layer_dims[l], 1))
        X = rng.standard_normal((layer_dims[0], m))
        Y = rng.permutation(np.arange(m) % 2).astype(float).reshape(1, m)
        AL, caches = L_model_forward_unchecked(X, parameters, RELU)
        label = f"L = {len(caches)}, layers {layer_dims}, m = {m}"
        problems.append(Problem(label, (AL, Y, caches), {"m": m, "n_y": 1}))
    return problems


def _relu_network(L_model_backward):
    """``L_model_backward(AL, Y, caches, g)`` with the course's ReLU hidden layers: the learner's
    signature."""

    def with_relu(AL, Y, caches):
        return L_model_backward(AL, Y, caches, RELU)

    return with_relu


def _line(start: str) -> str:
    """The reference's line that starts with ``start``, as it stands (comment included)."""
    return next(
        line for line in reference_lines(L_model_backward_unchecked) if line.startswith(start)
    )


def _note(error: BaseException, problem: Problem) -> str:
    """What an error of the learner's ``L_model_backward`` most likely means on ``problem``."""
    L = len(problem.args[2])
    if isinstance(error, IndexError):
        return (
            f"this network has L = {L} layers, caches[0] to caches[{L - 1}]: L is len(caches), "
            "never a fixed number, and layer l's cache is caches[l - 1]"
        )
    if isinstance(error, ValueError) and str(error).startswith("dA has shape"):
        return (
            "the dA handed to layer l's step must be the derivative with respect to that "
            "layer's output A[l], shaped like Z[l]: start at layer L with dA[L], and hand each "
            "step the dA_prev that the step of the layer above returned"
        )
    return ""


START = _line("dA = dL_dA2(AL, Y)")  # dA[L] = dL/dA[L]
ACTIVATION = "dZ = activation_backward_unchecked(dA, Z, OUTPUT if l == L else g)"
STEP = 'dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_backward_unchecked(dZ, linear_cache)'
STORE = 'grads[f"dA{l - 1}"] = dA'
LOOP = "for l in range(L, 0, -1):"
CACHE = "linear_cache, Z = caches[l - 1]"
RELU_EVERYWHERE = "dZ = activation_backward_unchecked(dA, Z, g)"
SIGMOID_EVERYWHERE = "dZ = activation_backward_unchecked(dA, Z, OUTPUT)"
NOT_HANDED_DOWN = STEP.replace("dA, ", "dA_prev, ", 1)
CACHE_L = "linear_cache, Z = caches[l]"
SHOWN = {  # the reference's lines as the learner writes them, with linear_activation_backward
    START: "dA = -(Y / AL - (1 - Y) / (1 - AL))  # dL/dA[L]",
    ACTIVATION: ACTIVATION + "  # sigma' in layer L, relu' below",
    RELU_EVERYWHERE: 'linear_activation_backward(dA, caches[L - 1], "relu")',
    SIGMOID_EVERYWHERE: 'linear_activation_backward(dA, caches[l - 1], "sigmoid")',
    NOT_HANDED_DOWN: "dA_prev, dW, db = linear_activation_backward(dA, ...)",
    CACHE_L: "... = linear_activation_backward(dA, caches[l], activation)",
}
LAYERS = max(len(layer_dims) - 1 for layer_dims, _ in NETWORKS)
KEYS = tuple(key for l in range(LAYERS, 0, -1) for key in (f"dW{l}", f"db{l}", f"dA{l - 1}"))
SAME = re.compile(r"^ {7}the same mistake as (\S+) \(.*\)$")
HEAD = re.compile(r"^  (\S+)\s+WRONG")


def _grouped(details: list[str]) -> list[str]:
    """The report's lines with each output that only repeats an earlier output's mistake folded
    into one line after that output's explanation (twelve outputs, one mistake: told once)."""
    kept: list[str] = []
    same: dict[str, list[str]] = {}
    i = 0
    while i < len(details):
        head = HEAD.match(details[i])
        repeat = SAME.match(details[i + 1]) if head and i + 1 < len(details) else None
        follows = details[i + 2] if i + 2 < len(details) else ""
        if repeat and not follows.startswith(" " * 7):
            same.setdefault(repeat.group(1), []).append(head.group(1))
            i += 2
            continue
        kept.append(details[i])
        i += 1
    for first, others in same.items():
        start = next(k for k, line in enumerate(kept) if re.match(rf"^  {first}\s", line))
        end = start + 1
        while end < len(kept) and kept[end].startswith(" " * 7):
            end += 1
        listed = others[0] if len(others) == 1 else f"{', '.join(others[:-1])} and {others[-1]}"
        verb = "is" if len(others) == 1 else "are"
        kept.insert(end, f"  {listed} {verb} wrong by the same mistake")
    return kept


class _LayersExercise(Exercise):
    """An :class:`Exercise` whose report tells a mistake once for all the outputs it changes."""

    def check(self, function: object) -> CheckResult:
        result = super().check(function)
        result.details = _grouped(result.details)
        return result


L_model_backward = _LayersExercise(
    name="L_model_backward",
    title="the backward pass of an L-layer network",
    reference=_relu_network(L_model_backward_unchecked),
    source=L_model_backward_unchecked,
    wrap=_relu_network,
    problems=_networks,
    outputs=KEYS,
    returns="dict",
    notebook=NOTEBOOK,
    argument_names=("AL", "Y", "caches"),
    like={key: key[1:] for key in KEYS if not key.startswith("dA")},
    show=lambda line: SHOWN.get(line, line),
    problem_word="networks",
    error_note=_note,
    hints=(
        "Go from layer L down to layer 1, whatever L is (L = len(caches)). Each layer's backward "
        "step takes the dA of its own output and returns the dA of its input: the dA the next "
        "step down needs.",
        "Start from dA[L] = dL/dA[L] = -(Y / AL - (1 - Y) / (1 - AL)), notebook 01's dL/da, and "
        'let linear_activation_backward(dA, caches[L - 1], "sigmoid") multiply it by '
        'sigma\'(Z[L]): that gives dZ[L] = A[L] - Y. The layers below are "relu".',
        'Layer l\'s step returns (dA_prev, dW, db): store them as grads[f"dA{l - 1}"], '
        'grads[f"dW{l}"], grads[f"db{l}"], and hand dA_prev to layer l - 1. In Python the '
        "layers L, ..., 1 are range(L, 0, -1), and layer l's cache is caches[l - 1].",
    ),
    mistakes=(
        Mistake(
            "started_from_dZ",
            "started from AL - Y, then multiplied by sigma' again",
            "AL - Y is already dZ[L]; the sigmoid layer's step multiplies its dA by "
            "sigma'(Z[L]) = AL(1 - AL), so it must be handed dA[L] = dL/dA[L]",
            {START: "dA = AL - Y"},
        ),
        Mistake(
            "sign_of_dAL",
            "dA[L] with the wrong sign",
            "dL/da = -(y/a - (1 - y)/(1 - a)): the loss is MINUS the log-likelihood (notebook 01)",
            {START: "dA = Y / AL - (1 - Y) / (1 - AL)"},
        ),
        Mistake(
            "one_over_m_in_dAL",
            "1/m in dA[L]",
            "dA and dZ hold one example's derivative per column; the 1/m enters in dW and db "
            "only (and linear_backward applies it)",
            {START: "dA = -(Y / AL - (1 - Y) / (1 - AL)) / AL.shape[1]"},
        ),
        Mistake(
            "relu_in_output_layer",
            "relu' in the output layer",
            'layer L is the sigmoid layer: its step is linear_activation_backward(..., "sigmoid")',
            {ACTIVATION: RELU_EVERYWHERE},
        ),
        Mistake(
            "sigmoid_in_every_layer",
            "sigma' in the hidden layers",
            'only layer L is a sigmoid; the hidden layers are ReLU: their steps take "relu"',
            {ACTIVATION: SIGMOID_EVERYWHERE},
        ),
        Mistake(
            "dA_not_handed_down",
            "dA not handed down: every layer got dA[L]",
            "each step's dA_prev is the dA of the layer below: pass it on (dA = dA_prev)",
            {STEP: NOT_HANDED_DOWN, STORE: 'grads[f"dA{l - 1}"] = dA_prev'},
        ),
        Mistake(
            "dA_index_off_by_one",
            "dA stored one layer too high",
            "layer l's step returns the derivative with respect to its INPUT, A[l-1]: it is "
            "dA(l-1), not dA(l)",
            {STORE: 'grads[f"dA{l}"] = dA'},
        ),
        Mistake(
            "layers_in_forward_order",
            "the layers visited from 1 up to L",
            "the backward pass starts at the output: layer L first, down to layer 1",
            {LOOP: "for l in range(1, L + 1):"},
        ),
        Mistake(
            "cache_index_off_by_one",
            "caches[l] for layer l",
            "Python counts from 0: layer l's cache is caches[l - 1]",
            {CACHE: CACHE_L},
        ),
    ),
)


# ---------------------------------------------------------------- the backward rule of U @ V


def _products() -> list[Problem]:
    """``(G (n, p), U (n, q), V (q, p))`` for ``C = U @ V``: one square product (every wrong
    formula has the right shape) and three where a wrong one fails or shows in its shape."""
    rng = np.random.default_rng(81)
    problems = []
    for n, q, p in ((3, 3, 3), (2, 3, 4), (4, 2, 2), (2, 2, 5)):
        G, U, V = (rng.standard_normal(shape) for shape in ((n, p), (n, q), (q, p)))
        problems.append(Problem(f"U ({n}, {q}) @ V ({q}, {p})", (G, U, V)))
    return problems


matmul_backward = Exercise(
    name="matmul_backward",
    title="the backward rule of C = U @ V",
    reference=_matmul_backward,
    problems=_products,
    outputs=("grad_U", "grad_V"),
    returns="tuple",
    notebook=NOTEBOOK,
    argument_names=("G", "U", "V"),
    like={"grad_U": "U", "grad_V": "V"},
    problem_word="products",
    hints=(
        "Write one entry: C[i, j] = sum_k U[i, k] V[k, j]. Nudge U[i, k]: which entries of C "
        "move, and at what rate? J changes by G[i, j] per unit of C[i, j].",
        "dJ/dU[i, k] = sum_j G[i, j] V[k, j]: a sum over j, the index G and V share. In a matrix "
        "product the summed index sits between the factors: which transpose puts it there?",
        "Shapes: grad_U like U (n, q), from G (n, p) and V (q, p); grad_V like V (q, p), from "
        "U (n, q) and G (n, p). Only one product of each pair has the right shape; then check "
        "it on one entry, as in hint 2 (in a square product every order fits).",
    ),
    mistakes=(
        Mistake(
            "missing_transpose_V",
            "missing transpose of V",
            "dJ/dU[i, k] = sum_j G[i, j] V[k, j]: the sum runs over V's columns, so G @ V.T",
            {"grad_U = G @ V.T": "grad_U = G @ V"},
        ),
        Mistake(
            "missing_transpose_U",
            "missing transpose of U",
            "dJ/dV[k, j] = sum_i U[i, k] G[i, j]: the sum runs over U's rows, so U.T @ G",
            {"grad_V = U.T @ G": "grad_V = U @ G"},
        ),
        Mistake(
            "wrong_order_U",
            "factors in the wrong order in grad_U",
            "a matrix product does not commute: V.T @ G is not G @ V.T (G comes first: it "
            "carries the row index i of U)",
            {"grad_U = G @ V.T": "grad_U = V.T @ G"},
        ),
        Mistake(
            "wrong_order_V",
            "factors in the wrong order in grad_V",
            "a matrix product does not commute: G @ U.T is not U.T @ G (U.T comes first: it "
            "carries the row index k of V)",
            {"grad_V = U.T @ G": "grad_V = G @ U.T"},
        ),
        Mistake(
            "transposed_grad_U",
            "grad_U transposed",
            "V @ G.T is (G @ V.T).T: the shape of U.T, not of U",
            {"grad_U = G @ V.T": "grad_U = V @ G.T"},
        ),
        Mistake(
            "transposed_grad_V",
            "grad_V transposed",
            "G.T @ U is (U.T @ G).T: the shape of V.T, not of V",
            {"grad_V = U.T @ G": "grad_V = G.T @ U"},
        ),
    ),
)


# ---------------------------------------------------------------- predictions

fd_passes = Prediction(
    name="fd_passes",
    question="forward passes that centred finite differences make for the gradient, P = 145",
    answer=290,
    why=(
        "Centred differences evaluate J twice per parameter entry, with that one entry nudged "
        "by +eps and by -eps and the others held fixed, and each evaluation is a whole forward "
        "pass: 2P = 290 passes for P = 145 parameters. The cells below count them."
    ),
    notebook=NOTEBOOK,
    tolerance=1e-3,  # 290, not 289 or 291: a count
    wrong={
        145: "145 = P would be one pass per parameter; the centred difference needs two, one on "
        "each side of the entry.",
        146: "P + 1 = 146 is one-sided differences: J once at the parameters as they are, then "
        "once per entry nudged by +eps; the centred ones are more accurate and cost two per "
        "entry.",
        3: "About 3 forward passes' worth is backprop's cost, whatever P is: the next question.",
        1: "One pass gives J at one point; a derivative needs J at nearby points too.",
    },
)

backprop_cost = Prediction(
    name="backprop_cost",
    question="multiplications of one backprop (forward + backward pass), in forward passes",
    answer=3,
    why=(
        "The forward pass does one product per layer, W[l] A[l-1]; the backward pass does two of "
        "the same size, dZ[l] A[l-1]^T for dW[l] and W[l]^T dZ[l] for dA[l-1]. Forward plus "
        "backward: 3 forward passes' worth, whatever P is. The cell below counts them from the "
        "shapes."
    ),
    notebook=NOTEBOOK,
    tolerance=1e-3,
    wrong={
        2: "2 is the backward pass alone; backprop needs the forward pass first, to fill the "
        "caches.",
        1: "The backward pass does two products per layer, each the size of the forward one.",
        290: "290 = 2P is what finite differences cost; backprop's cost does not grow with P "
        "when counted in forward passes.",
        145: "P forward passes is what forward mode costs (one JVP per parameter); backprop is "
        "reverse mode.",
    },
)
