"""Every exercise works three ways: as shipped (the stub's check says "Not finished yet"), with the
reference solution filled in (every check passes), and with realistic wrong answers filled in
(every check names the mistake).

The shipped notebooks' outputs are compared by nbval; here the filled editions are executed in a
fresh kernel and each check cell's text is read (helpers.exercises.editions): with the solutions,
and with the first round of wrong answers. Every round of wrong answers, and every solution, is also
run cell by cell in tests/test_exercise_answers.py, strictly and without a kernel.
"""

from __future__ import annotations

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


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_with_wrong_answers_every_check_names_the_mistake(path):
    answers, mistakes = wrong_answers(path, 0)
    notebook = run(path, answers)
    module = exercises_of(path)
    for name, index in tagged(notebook, "check").items():
        text = text_output(notebook.cells[index])
        exercise = getattr(module, name)
        if isinstance(exercise, Prediction):
            assert text.startswith("Not quite"), f"{name}: {text}"
            continue
        title = next(m.title for m in exercise.mistakes if m.name == mistakes[name])
        flat = " ".join(text.split())
        assert text.startswith("Wrong") and title in flat, f"{name} ({mistakes[name]}): {text}"
