"""Mistakes written as the lines they change in a reference function, so that the right formulas
are written once.

A mistake is a mapping ``{right line: wrong line}``: the right line as it stands in the reference's
source (say ``dA1 = W2.T @ dZ2`` in :func:`helpers.network.backward_unchecked`), the wrong one as a
learner writes it (``dA1 = W2 @ dZ2``). :func:`with_lines` compiles the reference with those lines
replaced, so every other line of the mistaken function is the reference's own. :func:`feeding`
reads the reference's assignments to say which lines a result depends on, which places a mistake
("only dW1 and db1 are wrong: the mistake is in a line that only they depend on").
"""

from __future__ import annotations

import ast
import functools
import inspect
import textwrap
from collections.abc import Callable, Mapping


def _source(function: Callable) -> str:
    return textwrap.dedent(inspect.getsource(function))


def reference_lines(function: Callable) -> list[str]:
    """The stripped lines of ``function``'s source."""
    return [line.strip() for line in _source(function).splitlines()]


def with_lines(function: Callable, replacements: Mapping[str, str]) -> Callable:
    """``function`` compiled again with each line ``right`` of its source replaced by ``wrong``.

    Every ``right`` must stand exactly once in the source (stripped of indentation); the wrong line
    keeps the right one's indentation. Compiled once per set of replacements (cached).
    """
    return _compiled(function, tuple(sorted(replacements.items())))


@functools.cache
def _compiled(function: Callable, replacements: tuple[tuple[str, str], ...]) -> Callable:
    lines = _source(function).splitlines()
    for right, wrong in replacements:
        found = [i for i, line in enumerate(lines) if line.strip() == right]
        if len(found) != 1:
            raise ValueError(
                f"the line {right!r} stands {len(found)} times in {function.__qualname__}; "
                "a mistake must replace a line that stands exactly once"
            )
        line = lines[found[0]]
        lines[found[0]] = line[: len(line) - len(line.lstrip())] + wrong
    namespace = dict(function.__globals__)
    name = f"<{function.__qualname__} with {len(replacements)} line(s) changed>"
    exec(compile("\n".join(lines), name, "exec"), namespace)  # noqa: S102 (our own source)
    mistaken = namespace[function.__name__]
    mistaken.__qualname__ = function.__qualname__
    return mistaken


def assignments(function: Callable) -> dict[str, tuple[str, set[str]]]:
    """``{name: (line, names it reads)}`` for each name ``function`` assigns (the last assignment
    when a name is assigned twice), read from its source; the line is stripped."""
    source = _source(function)
    lines = source.splitlines()
    found: dict[str, tuple[str, set[str]]] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            written = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            read = {
                n.id
                for n in ast.walk(node.value)
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
            }
            for name in written:
                found[name] = (lines[node.lineno - 1].strip(), read)
    return found


def feeding(function: Callable, name: str) -> set[str]:
    """The names whose assignments ``name`` depends on in ``function``, ``name`` included."""
    table = assignments(function)
    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current in seen or current not in table:
            continue
        seen.add(current)
        todo.extend(table[current][1])
    return seen
