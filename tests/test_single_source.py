"""The reference is the formulas, written once: every backward quantity the widgets show is the
reference's, and each formula of the notebooks stands as one line in ``helpers/``.

The first tests change a line of the reference (:func:`helpers.network.backward_unchecked`, replaced
in ``helpers.network`` by :func:`helpers.mistakes.with_lines`) and check that the numbers of the
graph, shape and activation widgets follow: a widget that computed a gradient on its own would not.
The last tests read the source of ``helpers/``: each formula of notebooks 02-04 and 08 is one line,
found by its notebook spelling, standing once; no other module writes the backward formulas again.
"""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

import helpers.network
from helpers.bugs import LINES
from helpers.data import load_planar_dataset
from helpers.mistakes import feeding, with_lines
from helpers.network import backward_unchecked
from helpers.widgets.activations import snapshot
from helpers.widgets.graph import example_network, graph_values
from helpers.widgets.shapes import network_steps

HELPERS = Path(helpers.network.__file__).resolve().parent
BACKWARD = ("dZ2", "dW2", "db2", "dA1", "g1_prime", "dZ1", "dW1", "db1")  # the lines, in order


def doubled(name: str) -> str:
    """The reference's line for ``name`` with its right-hand side times 2 (exact in floating
    point), e.g. ``dA1 = 2 * (W2.T @ dZ2)``."""
    _, right = LINES[name].split(" = ", 1)
    return f"{name} = 2 * ({right})"


def changed(monkeypatch, lines: dict[str, str]) -> None:
    """Make ``helpers.network``'s backward pass the reference with ``lines`` changed."""
    monkeypatch.setattr(
        helpers.network, "backward_unchecked", with_lines(backward_unchecked, lines)
    )


def factor(field: str, name: str) -> int:
    """2 if the quantity ``field`` (a line's name) depends on the doubled line ``name``, else 1."""
    return 2 if name in feeding(backward_unchecked, field) else 1


# --- the widgets follow a change of the reference ------------------------------------------------


@pytest.mark.parametrize("activation", ["tanh", "relu"])
@pytest.mark.parametrize("name", ["dZ2", "dA1", "g1_prime", "dZ1"])
def test_the_graph_s_numbers_follow_the_reference(monkeypatch, name, activation):
    parameters, X, Y = example_network()
    before = graph_values(parameters, X, Y, activation)
    changed(monkeypatch, {LINES[name]: doubled(name)})
    after = graph_values(parameters, X, Y, activation)
    for field, line in (("dz2", "dZ2"), ("dA1", "dA1"), ("g_prime", "g1_prime"), ("dZ1", "dZ1")):
        expected = factor(line, name) * np.asarray(getattr(before, field))
        np.testing.assert_allclose(getattr(after, field), expected, rtol=1e-15, err_msg=field)
    # the forward values are not the backward pass's
    np.testing.assert_array_equal(after.A1, before.A1)
    assert (after.a2, after.L, after.da2) == (before.a2, before.L, before.da2)


@pytest.mark.parametrize("name", ["dZ2", "dA1", "g1_prime", "dZ1"])
def test_the_activation_explorer_s_numbers_follow_the_reference(monkeypatch, name):
    X, Y = load_planar_dataset()
    before = snapshot(X, Y, "tanh", 1.0)
    changed(monkeypatch, {LINES[name]: doubled(name)})
    after = snapshot(X, Y, "tanh", 1.0)
    for field, line in (
        ("mean_g_prime", "g1_prime"),
        ("mean_abs_dA1", "dA1"),
        ("mean_abs_dZ1", "dZ1"),
        ("norm_dW1", "dW1"),
    ):
        expected = factor(line, name) * getattr(before, field)
        assert getattr(after, field) == pytest.approx(expected, rel=1e-12), field
    assert after.cost == before.cost and after.z1_band == before.z1_band


# n_x=2, n_h=4, n_y=1, m=5: each change leaves one row where the reference has n_h (or adds a row
# to dZ2), and the rest of the backward pass still runs
FEWER_ROWS = {
    "dA1": ({"dA1 = W2.T @ dZ2": "dA1 = (W2.T @ dZ2)[:1]"}, {"dA1": (1, 5)}),
    "g1_prime": (
        {"g1_prime = g1.g_prime(Z1, A1)": "g1_prime = g1.g_prime(Z1, A1)[:1]"},
        {"g1_prime": (1, 5)},
    ),
    "dZ1": (
        {"dZ1 = dA1 * g1_prime": "dZ1 = (dA1 * g1_prime)[:1]"},
        {"dZ1": (1, 5), "dW1": (1, 2), "db1": (1, 1)},
    ),
    "dZ2": (
        {
            "dZ2 = A2 - Y": "dZ2 = np.vstack([A2 - Y, A2 - Y])",
            "dA1 = W2.T @ dZ2": "dA1 = W2.T @ dZ2[:1]",
        },
        {"dZ2": (2, 5), "dW2": (2, 4), "db2": (2, 1)},
    ),
}


@pytest.mark.parametrize("name", list(FEWER_ROWS))
def test_the_shape_explorer_s_shapes_follow_the_reference(monkeypatch, name):
    sizes = {"n_x": 2, "n_h": 4, "n_y": 1, "m": 5}
    before = {s.result: s.result_shape for s in network_steps(**sizes)}
    lines, shapes = FEWER_ROWS[name]
    changed(monkeypatch, lines)
    steps = network_steps(**sizes)
    after = {s.result: s.result_shape for s in steps}
    assert after == {**before, **shapes}
    # and the operands of the steps that read the changed arrays follow too
    for step in steps:
        if step.left in shapes:
            assert step.left_shape == shapes[step.left], step.formula
        if step.right in shapes:
            assert step.right_shape == shapes[step.right], step.formula


# --- each formula is one line of helpers/, written once ------------------------------------------

# notebook spelling -> the module that holds it (notebooks 02-04: the two-layer network; 01 and 08:
# dL/da; 05: the derivatives of tanh and sigmoid; 08: the L-layer network)
FORMULAS = {
    "Z1 = W1 @ X + b1": "network.py",
    "A1 = g1.g(Z1)": "network.py",
    "Z2 = W2 @ A1 + b2": "network.py",
    "A2 = sigmoid(Z2)": "network.py",
    "logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)": "network.py",
    "m = X.shape[1]": "network.py",
    "dZ2 = A2 - Y": "network.py",
    "dW2 = (1 / m) * dZ2 @ A1.T": "network.py",
    "db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)": "network.py",
    "dA1 = W2.T @ dZ2": "network.py",
    "g1_prime = g1.g_prime(Z1, A1)": "network.py",
    "dZ1 = dA1 * g1_prime": "network.py",
    "dW1 = (1 / m) * dZ1 @ X.T": "network.py",
    "db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)": "network.py",
    "return -(Y / A2 - (1 - Y) / (1 - A2))": "network.py",
    "return 1 - A**2": "activations.py",
    "return A * (1 - A)": "activations.py",
    "Z = W @ A + b": "deep.py",
    "A = g.g(Z)": "deep.py",
    "m = A_prev.shape[1]": "deep.py",
    "dW = (1 / m) * dZ @ A_prev.T": "deep.py",
    "db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)": "deep.py",
    "dA_prev = W.T @ dZ": "deep.py",
    "dZ = dA * g.g_prime(Z, g.g(Z))": "deep.py",
    "dA = dL_dA2(AL, Y)": "deep.py",
}
COMMON = {"m = X.shape[1]"}  # also counts the columns of X where no formula is derived


def modules() -> dict[str, str]:
    """``{path relative to helpers/: source}`` for every module of ``helpers/``."""
    return {str(p.relative_to(HELPERS)): p.read_text() for p in sorted(HELPERS.rglob("*.py"))}


def statements(source: str) -> list[str]:
    """The source of every assignment and return statement on one line (docstrings are not code;
    a comment after the statement is not part of it)."""
    lines = [line.encode() for line in source.splitlines()]  # the offsets count UTF-8 bytes
    return [
        lines[node.lineno - 1][node.col_offset : node.end_col_offset].decode()
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.Return))
        and node.lineno == node.end_lineno
    ]


def test_each_formula_of_the_notebooks_is_one_line_standing_once():
    found: dict[str, list[str]] = {formula: [] for formula in FORMULAS}
    for path, source in modules().items():
        for statement in statements(source):
            if statement in found:
                found[statement].append(path)
    for formula, module in FORMULAS.items():
        where = [path for path in found[formula] if formula not in COMMON or path == module]
        assert where == [module], f"{formula!r} stands in {found[formula]}"


def test_the_backward_pass_is_the_reference_s_lines():
    """The two-layer backward pass is written once, in ``backward_unchecked``, one line each."""
    assert [LINES[name] for name in BACKWARD] == [
        formula for formula in FORMULAS if formula.split(" = ")[0] in BACKWARD
    ]


class _Plain(ast.NodeTransformer):
    """Code as a formula reads: ``cache["A2"]`` -> ``A2``, ``np.dot(a, b)`` -> ``a @ b``."""

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
            return ast.Name(node.slice.value, ast.Load())
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if ast.unparse(node.func) in ("np.dot", "numpy.dot") and len(node.args) == 2:
            return ast.BinOp(node.args[0], ast.MatMult(), node.args[1])
        return node


def right_hand_side(line: str) -> str:
    return ast.unparse(ast.parse(line).body[0].value)


# the right-hand sides of the backward formulas (and the products inside dW), by their module
WRITTEN_IN = {
    "network.py": {right_hand_side(LINES[name]) for name in BACKWARD} | {"dZ2 @ A1.T", "dZ1 @ X.T"},
    "deep.py": {
        right_hand_side(formula)
        for formula in FORMULAS
        if FORMULAS[formula] == "deep.py" and formula.startswith("d")
    }
    | {"dZ @ A_prev.T"},
}


def test_no_other_module_writes_the_backward_formulas_again():
    """No expression of another module is a backward formula, read as a formula (keys of dicts as
    names, ``np.dot`` as ``@``): widgets, exercises and checkers call the reference. The gallery
    writes only its wrong lines, as text."""
    again = []
    for path, source in modules().items():
        tree = ast.fix_missing_locations(_Plain().visit(ast.parse(source)))
        for node in ast.walk(tree):
            if not isinstance(node, ast.expr):
                continue
            code = ast.unparse(node)
            for module, formulas in WRITTEN_IN.items():
                if path != module and code in formulas:
                    again.append(f"{path}:{node.lineno}: {code}")
    assert again == []
