"""Every exercise works three ways: as shipped (the stub's check says "Not finished yet"), with the
reference solution filled in (every check passes), and with realistic wrong answers filled in
(every check names the mistake).

The shipped notebooks' outputs are compared by nbval. Here the solutions' edition is executed in a
fresh kernel and each check cell's text is read (helpers.exercises.editions). Every solution and
every wrong answer is also run as the notebook runs it (its import cell, the block, the check cell)
in tests/test_exercise_answers.py; that no later cell depends on what the learner wrote is checked
here, on the cells' code.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import nbformat
import pytest

from helpers.exercises.core import Exercise, Prediction
from helpers.exercises.editions import (
    NOTEBOOKS,
    WRONG_ANSWERS,
    blocks,
    execute,
    filled,
    solutions,
    tagged,
    text_output,
    wrong_answers,
)

from .cell_names import bound_and_read

PATHS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
AT_LEAST = {"00": 1}  # exercises per notebook: at least 3, except 00
WRONG_ROUNDS = 2  # every exercise has at least this many wrong answers


def exercises_of(path: Path):
    """The notebook's exercise module, ``helpers.exercises.nbNN``."""
    return importlib.import_module(f"helpers.exercises.nb{path.name[:2]}")


def names(path: Path) -> list[str]:
    return list(tagged(nbformat.read(path, as_version=4), "exercise"))


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_each_notebook_has_its_exercises_each_with_a_check_a_solution_and_wrong_answers(path):
    notebook = nbformat.read(path, as_version=4)
    stubs, checks = tagged(notebook, "exercise"), tagged(notebook, "check")
    assert len(stubs) >= AT_LEAST.get(path.name[:2], 3), f"{path.name}: {list(stubs)}"
    module = exercises_of(path)
    answers = solutions(path)
    for name, index in stubs.items():
        assert checks.get(name, -1) > index, f"{name}: no check cell after the stub"
        assert isinstance(getattr(module, name, None), (Exercise, Prediction)), name
        assert name in answers, f"{name}: no solution in solutions/{path.stem}.py"
        rounds = [wrong_answers(path, k)[0] for k in range(WRONG_ROUNDS)]
        assert all(name in round_ for round_ in rounds), f"{name}: fewer than 2 wrong answers"
    for name, mistake, _ in blocks(WRONG_ANSWERS / f"{path.stem}.py"):
        exercise = getattr(module, name)
        if isinstance(exercise, Exercise):
            assert mistake in {m.name for m in exercise.mistakes}, f"{name}: {mistake} unknown"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_as_shipped_every_check_says_not_finished_yet(path):
    notebook = nbformat.read(path, as_version=4)
    for name, index in tagged(notebook, "check").items():
        text = text_output(notebook.cells[index])
        assert text.startswith(("Not finished yet", "Not answered yet")), f"{name}: {text!r}"


def run(path: Path, answers: dict[str, str]) -> nbformat.NotebookNode:
    notebook = execute(filled(nbformat.read(path, as_version=4), answers))
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"cell {index}: {text_output(cell)}"
            assert output.get("name") != "stderr", f"cell {index}: {output.text}"
    return notebook


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_with_the_solutions_every_check_passes(path):
    notebook = run(path, solutions(path))
    for name, index in tagged(notebook, "check").items():
        text = text_output(notebook.cells[index])
        assert text.startswith(("Correct", "Right")), f"{name}: {text}"


def hands_to_ex(code: str) -> bool:
    """Whether the cell only calls the exercise module, e.g. ``ex.your_gradient_check(...)`` of 06,
    which takes the learner's functions and reports on them whatever they do."""
    body = ast.parse(code).body
    return bool(body) and all(
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Call)
        and ast.unparse(stmt.value.func).startswith("ex.")
        for stmt in body
    )


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_no_later_cell_reads_a_name_the_learner_binds(path):
    """Whatever the learner writes in an exercise cell (the stub, the solution or any wrong answer),
    the rest of the notebook runs as shipped: no cell after it, but its check, reads a name the
    exercise cell binds before a later cell binds it again. (The wrong answers are run in the
    notebook's cells by tests/test_exercise_answers.py.)"""
    notebook = nbformat.read(path, as_version=4)
    checks = tagged(notebook, "check")
    answers = [solutions(path)] + [
        {name: code} for name, _, code in blocks(WRONG_ANSWERS / path.name.replace(".ipynb", ".py"))
    ]
    for name, index in tagged(notebook, "exercise").items():
        codes = [notebook.cells[index].source] + [a[name] for a in answers if name in a]
        live = set().union(*(bound_and_read(code)[0] for code in codes))
        for later, cell in enumerate(notebook.cells[index + 1 :], start=index + 1):
            if cell.cell_type != "code" or later == checks[name] or hands_to_ex(cell.source):
                continue
            bound, read_first, in_functions = bound_and_read(cell.source)
            read = (read_first | in_functions) & live
            assert not read, f"{name}: cell {later} reads {sorted(read)}"
            live -= bound
