"""What the code of a notebook cell binds and reads: the names the exercise tests follow from cell
to cell (a cell must not depend on another's leftovers, nor on what the learner writes)."""

from __future__ import annotations

import ast


def outermost_functions_first(statement: ast.AST) -> list[ast.AST]:
    """The nodes of ``statement``, without those inside a function or lambda but the function
    itself (its body is read whole, nested functions included)."""
    found, stack = [], [statement]
    while stack:
        node = stack.pop()
        found.append(node)
        if not isinstance(node, (ast.FunctionDef, ast.Lambda)):
            stack.extend(ast.iter_child_nodes(node))
    return found


def bound_and_read(source: str) -> tuple[set[str], set[str], set[str]]:
    """``(bound, read before bound, read inside functions)``: the names a cell binds at top level,
    those it reads at top level without binding them first, and the global names its functions and
    lambdas read (at call time, perhaps after a later cell has run)."""
    bound: set[str] = set()
    read_first: set[str] = set()
    in_functions: set[str] = set()
    for statement in ast.parse(source).body:
        inside: set[int] = set()  # Name nodes of function bodies and comprehension variables
        for node in outermost_functions_first(statement):
            if isinstance(node, (ast.FunctionDef, ast.Lambda)):
                arguments = node.args
                own = {a.arg for a in (*arguments.posonlyargs, *arguments.args)}
                own |= {a.arg for a in arguments.kwonlyargs}
                body = [node.body] if isinstance(node, ast.Lambda) else node.body
                nodes = [n for part in body for n in ast.walk(part)]
                names = [n for n in nodes if isinstance(n, ast.Name)]
                own |= {n.id for n in names if not isinstance(n.ctx, ast.Load)}
                own |= {  # the arguments of the functions and lambdas it holds
                    a.arg for n in nodes if isinstance(n, ast.arguments) for a in n.args
                }
                in_functions |= {n.id for n in names if n.id not in own}
                inside |= {id(n) for n in names}
            elif isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                targets = [n for g in node.generators for n in ast.walk(g.target)]
                own = {n.id for n in targets if isinstance(n, ast.Name)}
                inside |= {id(n) for n in ast.walk(node) if isinstance(n, ast.Name) and n.id in own}
        names = [n for n in ast.walk(statement) if isinstance(n, ast.Name) and id(n) not in inside]
        if isinstance(statement, ast.For):  # the loop variables are bound before the body runs
            bound |= {n.id for n in ast.walk(statement.target) if isinstance(n, ast.Name)}
        read_first |= {n.id for n in names if isinstance(n.ctx, ast.Load)} - bound
        bound |= {n.id for n in names if not isinstance(n.ctx, ast.Load)}
        if isinstance(statement, ast.FunctionDef):
            bound.add(statement.name)
        elif isinstance(statement, (ast.Import, ast.ImportFrom)):
            bound |= {(alias.asname or alias.name).split(".")[0] for alias in statement.names}
    return bound, read_first, in_functions
