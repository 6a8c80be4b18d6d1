"""Every solution and every wrong answer of every notebook, checked in this process (fast;
tests/test_exercises.py runs the whole notebooks with the solutions).

A block is run as the notebook runs it: after the notebook's import cell (the one that imports its
exercises as ``ex``), then the block, then the exercise's check cell, whose last line gives the
check's result. The functions the exercise module defines (e.g. ``silu``, which notebook 05 takes
from it for its learners) are there too.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import itertools
import types
from pathlib import Path

import nbformat
import numpy as np
import pytest

from helpers.exercises.core import Exercise, Prediction, relative_error
from helpers.exercises.editions import NOTEBOOKS, SOLUTIONS, WRONG_ANSWERS, blocks, tagged

PATHS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def notebook_parts(path: Path) -> tuple[str, dict[str, str]]:
    """``(import cell, {exercise name: check cell})`` of a notebook."""
    notebook = nbformat.read(path, as_version=4)
    imports = next(
        c.source for c in notebook.cells if "import nb" in c.source and " as ex" in c.source
    )
    checks = {name: notebook.cells[i].source for name, i in tagged(notebook, "check").items()}
    return imports, checks


PARTS = {path.stem: notebook_parts(path) for path in PATHS}


def run(stem: str, name: str, code: str):
    """``(exercise, result)``: the block ``code`` filled in, then exercise ``name``'s check."""
    imports, checks = PARTS[stem]
    module = importlib.import_module(f"helpers.exercises.nb{stem[:2]}")
    namespace = {
        key: value
        for key, value in vars(module).items()
        if isinstance(value, types.FunctionType) and not key.startswith("_")
    }
    with contextlib.redirect_stdout(io.StringIO()):
        exec(imports, namespace)  # noqa: S102 (the course's own notebook)
        exec(code, namespace)  # noqa: S102
        *body, last = checks[name].strip().splitlines()
        exec("\n".join(body), namespace)  # noqa: S102
        result = eval(last, namespace)  # noqa: S307
    return getattr(namespace["ex"], name), result


SOLVED = [
    (p.stem, name, code) for p in PATHS for name, _, code in blocks(SOLUTIONS / f"{p.stem}.py")
]
WRONG = [
    (p.stem, name, mistake, code)
    for p in PATHS
    for name, mistake, code in blocks(WRONG_ANSWERS / f"{p.stem}.py")
]


@pytest.mark.parametrize("stem, name, code", SOLVED, ids=[f"{s[:2]}-{n}" for s, n, _ in SOLVED])
def test_every_solution_passes(stem, name, code):
    _, result = run(stem, name, code)
    assert result.finished and result.passed, str(result)


@pytest.mark.parametrize(
    "stem, name, mistake, code", WRONG, ids=[f"{s[:2]}-{n}-{m}" for s, n, m, _ in WRONG]
)
def test_every_wrong_answer_is_named(stem, name, mistake, code):
    exercise, result = run(stem, name, code)
    text = " ".join(str(result).split())
    assert result.finished and not result.passed, text
    if isinstance(exercise, Prediction):
        assert text.startswith("Not quite"), text
    else:
        assert isinstance(exercise, Exercise)
        title = next(m.title for m in exercise.mistakes if m.name == mistake)
        assert result.mistakes == {mistake} and title in text, text
        assert "right line" not in text  # the solution only when asked for


@pytest.mark.parametrize("stem", PARTS)
def test_every_stub_says_not_finished_yet(stem):
    notebook = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    for name, index in tagged(notebook, "exercise").items():
        _, result = run(stem, name, notebook.cells[index].source)
        assert not result.finished, f"{name}: {result}"
        assert str(result).startswith(("Not finished yet", "Not answered yet")), str(result)


# Notebooks whose exercises return arrays for the same arguments: there every mistake must be far
# from the right answer and from every other mistake, so that no near miss is named wrongly.
DISTINCT = ("01", "02", "05")
NON_FINITE = 1e6  # stands for NaN and inf when results are compared (far from every value here)
EXERCISES = [
    (nn, name)
    for nn in DISTINCT
    for name, item in vars(importlib.import_module(f"helpers.exercises.nb{nn}")).items()
    if isinstance(item, Exercise)
]


@pytest.mark.parametrize("nn, name", EXERCISES, ids=[f"{nn}-{name}" for nn, name in EXERCISES])
def test_each_mistake_is_far_from_the_answer_and_from_every_other(nn, name):
    """On the problems where both run (a mistake may have no shape on some networks), each mistake
    differs from the right answer, and from every other mistake, by a relative error above 1e-2
    (far above GOOD) or by its shape."""
    exercise = getattr(importlib.import_module(f"helpers.exercises.nb{nn}"), name)
    problems = exercise._problems()

    def values(function) -> list:
        found = []
        for problem in problems:
            try:
                with np.errstate(all="ignore"):
                    value = np.asarray(function(*problem.args), dtype=float)
                found.append(np.where(np.isfinite(value), value, NON_FINITE))
            except ValueError:  # shapes that do not fit: a product the mistake cannot form
                found.append(None)
        return found

    def far(a: list, b: list) -> bool:
        pairs = [(x, y) for x, y in zip(a, b, strict=True) if x is not None and y is not None]
        shapes = any(x.shape != y.shape for x, y in pairs)
        return shapes or any(relative_error(x, y) > 1e-2 for x, y in pairs)

    right = values(exercise.reference)
    wrong = {m.name: values(exercise._mistaken(m)) for m in exercise.mistakes}
    for mistake, found in wrong.items():
        assert far(found, right), mistake
    for (a, found_a), (b, found_b) in itertools.combinations(wrong.items(), 2):
        assert far(found_a, found_b), (a, b)
