"""Editions of the notebooks: as shipped (the learner's stubs), with the solutions filled in, or
with known wrong answers filled in.

In a notebook, the cell the learner fills in is tagged ``exercise:<name>`` and the cell that checks
it ``check:<name>``. A solutions file (``solutions/<notebook>.py``) and a wrong-answers file
(``tests/wrong_answers/<notebook>.py``) hold one block per answer, opened by a line
``# %% <name>`` (a solution) or ``# %% <name>: <mistake>`` (a wrong answer and the mistake its
check must name). Filling a notebook replaces each tagged cell's code with its block.

``python -m helpers.exercises.editions OUT_DIR`` writes the solutions edition of every notebook,
executed, for instructors (``make solutions``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SOLUTIONS = ROOT / "solutions"
WRONG_ANSWERS = ROOT / "tests" / "wrong_answers"
HEADER = re.compile(r"^# %% (\w+)(?::\s*(\S+))?\s*$")


def blocks(path: Path) -> list[tuple[str, str | None, str]]:
    """``(name, mistake or None, code)`` for each block of a solutions or wrong-answers file."""
    found: list[tuple[str, str | None, list[str]]] = []
    for line in path.read_text().splitlines():
        match = HEADER.match(line)
        if match:
            found.append((match.group(1), match.group(2), []))
        elif found:
            found[-1][2].append(line)
    return [(name, mistake, "\n".join(code).strip("\n")) for name, mistake, code in found]


def tagged(notebook: nbformat.NotebookNode, kind: str) -> dict[str, int]:
    """``{name: cell index}`` of the cells tagged ``<kind>:<name>`` (kind ``exercise`` or
    ``check``)."""
    found = {}
    for index, cell in enumerate(notebook.cells):
        for tag in cell.get("metadata", {}).get("tags", []):
            if tag.startswith(kind + ":"):
                found[tag.split(":", 1)[1]] = index
    return found


def filled(notebook: nbformat.NotebookNode, answers: Mapping[str, str]) -> nbformat.NotebookNode:
    """A copy of ``notebook`` with each ``exercise:<name>`` cell's code replaced by
    ``answers[name]`` (cells without an answer are left as they are) and no stored outputs."""
    copy = nbformat.reads(nbformat.writes(notebook), as_version=4)
    for name, index in tagged(copy, "exercise").items():
        if name in answers:
            copy.cells[index].source = answers[name]
    for cell in copy.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return copy


def solutions(notebook_path: Path) -> dict[str, str]:
    """The solution of each exercise of a notebook, from ``solutions/<notebook>.py``."""
    path = SOLUTIONS / f"{notebook_path.stem}.py"
    return {name: code for name, _, code in blocks(path)} if path.exists() else {}


def wrong_answers(notebook_path: Path, round_: int) -> tuple[dict[str, str], dict[str, str]]:
    """Round ``round_`` (0, 1, ...) of wrong answers: the ``round_``-th wrong answer of each
    exercise, and the mistake each must be named as: ``(answers, mistakes)``."""
    path = WRONG_ANSWERS / f"{notebook_path.stem}.py"
    seen: dict[str, int] = {}
    answers, mistakes = {}, {}
    for name, mistake, code in blocks(path) if path.exists() else []:
        if seen.get(name, 0) == round_:
            answers[name], mistakes[name] = code, mistake or ""
        seen[name] = seen.get(name, 0) + 1
    return answers, mistakes


def execute(notebook: nbformat.NotebookNode, timeout: int = 120) -> nbformat.NotebookNode:
    """Run ``notebook`` top to bottom in a fresh kernel of this Python, in the notebooks' folder."""
    from nbclient import NotebookClient

    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
        allow_errors=True,
    )
    client.execute()
    return notebook


def text_output(cell: nbformat.NotebookNode) -> str:
    """The text a code cell showed: its printed output and the text of its results."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.append(output.data.get("text/plain", ""))
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}")
    return "".join(parts)


def main(out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        notebook = filled(nbformat.read(path, as_version=4), solutions(path))
        nbformat.write(execute(notebook), out / path.name)
        print(f"{out / path.name}: solutions filled in and executed")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/solutions")
