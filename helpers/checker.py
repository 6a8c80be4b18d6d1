"""The exercise checker of notebook 06: run a learner's ``backward_propagation``, say what is wrong.

:func:`check_backward` calls the learner's function on several small networks (the course's shape,
square ones where a missing transpose cannot hide behind a shape error, and ones with several
outputs), compares each gradient with the reference :func:`helpers.backward_propagation`, and
matches every wrong gradient against the gallery of classic mistakes in :mod:`helpers.bugs` (one
mistake, then two at once). It never raises: junk (``None``, a list, wrong shapes, an exception
inside the learner's code) gets a diagnosis. The diagnosis is wrapped to fit a notebook's output.

    result = check_backward(my_backward_propagation)
    print(result)               # the diagnosis in words
    result.finished, result.passed, result.mistakes
"""

from __future__ import annotations

import inspect
import itertools
import textwrap
import traceback
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from .activations import Activation, get_activation
from .bugs import BUGS, Bug, combine
from .gradcheck import GOOD, format_error, relative_error
from .network import _backward_propagation, _forward_propagation

KEYS = ("dW1", "db1", "dW2", "db2")
PARAMETER = {"dW1": "W1", "db1": "b1", "dW2": "W2", "db2": "b2"}
WIDTH = 90  # a notebook cell's output shows about 95 characters; longer prose is wrapped
CODE_LABELS = ("you probably wrote:", "the right line is:", "in the line:")  # lines never wrapped


@dataclass(frozen=True)
class Network:
    """A test network's sizes: ``X (n_x, m)``, ``W1 (n_h, n_x)``, ``W2 (n_y, n_h)``, ``Y (n_y, m)``."""

    n_x: int
    n_h: int
    n_y: int
    m: int

    def __str__(self) -> str:
        return f"n_x={self.n_x}, n_h={self.n_h}, n_y={self.n_y}, m={self.m}"


NETWORKS = (
    Network(2, 4, 1, 7),  # the course's shape
    Network(3, 3, 1, 5),  # W1 square
    Network(3, 3, 3, 3),  # every matrix square: shape mistakes run, only the values show them
    Network(4, 2, 2, 6),  # W2 square, several outputs
    Network(5, 3, 2, 9),  # nothing square, several outputs
)


def _problem(network: Network, seed: int, g1: Activation):
    """``(parameters, cache, X, Y)``: weights ~ N(0, 1), so g' varies over the examples.

    No unit is linear.
    """
    rng = np.random.default_rng(seed)
    n_x, n_h, n_y, m = network.n_x, network.n_h, network.n_y, network.m
    parameters = {
        "W1": rng.standard_normal((n_h, n_x)),
        "b1": rng.standard_normal((n_h, 1)),
        "W2": rng.standard_normal((n_y, n_h)),
        "b2": rng.standard_normal((n_y, 1)),
    }
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((n_y, m)) > 0.5).astype(float)
    _, cache = _forward_propagation(X, parameters, g1)
    return parameters, cache, X, Y


@dataclass
class Outcome:
    """What one backward function did on one network: returned ``value`` or raised ``error``."""

    value: object = None
    error: BaseException | None = None
    line: str = ""  # the learner's line that raised, when it can be found
    changed: tuple[str, ...] = ()  # inputs the function modified in place

    def gradient(self, key: str) -> np.ndarray | None:
        """The gradient ``key`` as a finite float array, or ``None`` when there is none."""
        if self.error is not None or not isinstance(self.value, Mapping):
            return None
        value = self.value.get(key)
        if isinstance(value, (np.ndarray, np.generic, float, int)) and not isinstance(value, bool):
            array = np.asarray(value)
            if array.dtype.kind in "biuf" and np.all(np.isfinite(array)):
                return array.astype(float)
        return None


def _caller(fn: Callable, activation: str) -> Callable:
    """Call ``fn`` as ``fn(parameters, cache, X, Y, activation)``.

    Without ``activation`` if ``fn`` takes 4 arguments.
    """
    try:
        signature = inspect.signature(fn)
        signature.bind(None, None, None, None, activation)
    except TypeError:
        try:
            signature.bind(None, None, None, None)
            # the course's signature backward_propagation(parameters, cache, X, Y)
            if activation == "tanh":
                return lambda p, c, X, Y: fn(p, c, X, Y)
        except TypeError:
            pass
    except ValueError:  # no signature (some builtins): just call it
        pass
    return lambda p, c, X, Y: fn(p, c, X, Y, activation)


def _learner_line(fn: Callable, error: BaseException) -> str:
    """The line of ``fn``'s own code where ``error`` was raised (``""`` if not found)."""
    filename = getattr(getattr(fn, "__code__", None), "co_filename", None)
    frames = [
        frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == filename
    ]
    return (frames[-1].line or "").strip() if frames else ""


def _run(fn: Callable, call: Callable, problem) -> Outcome:
    parameters, cache, X, Y = problem
    copies = (
        {k: v.copy() for k, v in parameters.items()},
        {k: v.copy() for k, v in cache.items()},
        X.copy(),
        Y.copy(),
    )
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            outcome = Outcome(value=call(*copies))
        except (Exception, SystemExit) as error:  # the learner's code may raise anything
            outcome = Outcome(error=error, line=_learner_line(fn, error))
    names = (("parameters", parameters), ("cache", cache))
    outcome.changed = tuple(
        f"{name}['{key}']"
        for (name, original), copy in zip(names, copies)
        for key in original
        if not _unchanged(original[key], copy.get(key))
    ) + tuple(
        name
        for name, original, copy in (("X", X, copies[2]), ("Y", Y, copies[3]))
        if not _unchanged(original, copy)
    )
    return outcome


def _unchanged(original: np.ndarray, after: object) -> bool:
    """Whether ``after`` (what the learner's code left in place of ``original``) still equals it."""
    try:
        return bool(np.array_equal(original, after))
    except Exception:  # whatever the learner put there cannot even be compared
        return False


def _agree(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    return a is not None and b is not None and a.shape == b.shape and relative_error(a, b) < GOOD


@dataclass
class GradientVerdict:
    """What is wrong with one gradient (``key``, e.g. ``"dW1"``) over the networks it was run on."""

    key: str
    # "right", "wrong values", "wrong shape", "not finite", "not an array", "missing",
    # or "not computed"
    status: str
    error: float | None = None  # largest relative error where the shapes agree
    network: Network | None = None  # where the worst problem was seen
    detail: str = ""  # e.g. "shape (4,), expected (4, 1)"
    mistakes: tuple[Bug, ...] = ()  # the gallery mistakes whose gradient equals the learner's
    hint: str = ""  # a pattern seen when no gallery mistake matches

    @property
    def right(self) -> bool:
        return self.status == "right"


@dataclass
class CheckResult:
    """The checker's answer: ``str(result)`` is the diagnosis in words.

    ``finished`` is ``False`` for a stub (``NotImplementedError`` or ``None``); ``passed`` is
    ``True`` when every gradient is right on every network; ``mistakes`` names the gallery mistakes
    recognised.
    """

    finished: bool
    passed: bool
    headline: str
    verdicts: dict[str, GradientVerdict] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)

    @property
    def mistakes(self) -> set[str]:
        """Names (keys of :data:`helpers.bugs.BUGS`) of the gallery mistakes the gradients match."""
        return {
            name
            for verdict in self.verdicts.values()
            for bug in verdict.mistakes
            for name in bug.name.split("+")
        }

    def __str__(self) -> str:
        lines = "\n".join([self.headline, *self.details]).splitlines()
        return "\n".join(_wrap(line) for line in lines)

    # a bare `check_backward(fn)` shows the text, not a repr
    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))


def _wrap(line: str) -> str:
    """A line of prose longer than ``WIDTH``, split at spaces and continued at its indent.

    Code stays whole.
    """
    indent = line[: len(line) - len(line.lstrip())]
    if len(line) <= WIDTH or line.lstrip().startswith(CODE_LABELS) or len(indent) >= 20:
        return line  # a line of code (or a code line's continuation, indented 27) is never split
    return textwrap.fill(
        line, WIDTH, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )


def _describe_value(value: object) -> tuple[str, str]:
    """``(status, detail)`` of a learner's gradient that is not a finite float array."""
    if (
        isinstance(value, (np.ndarray, np.generic, float, int))
        and np.asarray(value).dtype.kind in "biuf"
    ):
        return "not finite", "contains NaN or inf"
    return "not an array", f"a {type(value).__name__}, expected a NumPy array"


def _shape_detail(key: str, shape: tuple, expected: tuple) -> str:
    """``"shape (4,), expected (4, 1) like b1: <what the shape suggests>"``."""
    hint = ""
    if shape == ():
        hint = (
            ": a single number; sum over axis=1 with keepdims=True to keep one entry per unit"
            if key[1] == "b"
            else ": a single number"
        )
    elif len(shape) == 1 and shape[0] == expected[0]:
        hint = ": a flat vector; keepdims=True keeps the column shape"
    elif shape == expected[::-1]:
        hint = ": the transpose of the right shape"
    return f"shape {shape}, expected {expected} like {PARAMETER[key]}{hint}"


def _pattern_hint(learner: dict, reference: dict) -> str:
    """A pattern in the learner's wrong gradient (per network) when no gallery mistake matches."""
    pairs = [(learner[n], reference[n]) for n in learner]
    if all(_agree(a.T, r) for a, r in pairs):
        return (
            "it is the transpose of the right gradient: "
            "the factors of a product are in the wrong order"
        )
    if all(a.shape == r.shape and np.vdot(r, r) > 0 for a, r in pairs):
        factors = [float(np.vdot(r, a) / np.vdot(r, r)) for a, r in pairs]
        c = factors[0]
        if all(
            _agree(a, f * r) and abs(f - c) <= 1e-9 * abs(c) for (a, r), f in zip(pairs, factors)
        ):
            if abs(c + 1) < 1e-9:
                return "it has the wrong sign: check dZ2 = A2 - Y (not Y - A2) and every minus sign"
            return (
                f"it is {c:.4g} times the right gradient on every network: a constant factor is off"
            )
    right_where = {n.n_y == 1 for n, (a, r) in zip(learner, pairs) if _agree(a, r)}
    wrong_where = {n.n_y == 1 for n, (a, r) in zip(learner, pairs) if not _agree(a, r)}
    if right_where == {True} and wrong_where == {False}:
        return (
            "right with one output (n_y = 1) but wrong with several: "
            "look for a * where @ belongs, or a sum without axis=1"
        )
    return ""


def _match(key: str, learner: dict, candidates: dict[str, dict]) -> list[str]:
    """Names of the candidate mistakes whose ``key`` gradient equals the learner's on every network."""
    return [
        name
        for name, outcomes in candidates.items()
        if all(_agree(a, outcomes[n].gradient(key)) for n, a in learner.items())
    ]


def _verdict(
    key: str,
    outcomes: dict,
    references: dict,
    galleries: list[Callable[[], dict]],
    names_to_bugs: dict,
) -> GradientVerdict:
    """Judge one gradient over all networks and, when wrong, name the mistake."""
    ran = {n: o for n, o in outcomes.items() if o.error is None and isinstance(o.value, Mapping)}
    if not ran:
        return GradientVerdict(key, "not computed")
    expected = {n: references[n][key] for n in ran}
    problems = []  # (severity, status, network, detail)
    compared, errors = {}, {}
    for network, outcome in ran.items():
        if key not in outcome.value:
            similar = [k for k in outcome.value if isinstance(k, str) and k.lower() == key.lower()]
            detail = (
                f"missing: found {similar[0]!r} (the keys are case-sensitive)"
                if similar
                else "missing"
            )
            problems.append((5, "missing", network, detail))
            continue
        array = outcome.gradient(key)
        if array is None:
            status, detail = _describe_value(outcome.value[key])
            problems.append((4 if status == "not an array" else 3, status, network, detail))
            continue
        compared[network] = array
        if array.shape != expected[network].shape:
            detail = _shape_detail(key, array.shape, expected[network].shape)
            problems.append((2, "wrong shape", network, detail))
        else:
            errors[network] = relative_error(array, expected[network])
            if errors[network] >= GOOD:
                problems.append((1, "wrong values", network, ""))
    worst_error = max(errors.values()) if errors else None
    if not problems:
        return GradientVerdict(key, "right", worst_error)
    severity, status, network, detail = max(problems, key=lambda p: p[0])
    if status == "wrong values":
        network = max(errors, key=errors.get)
    verdict = GradientVerdict(key, status, worst_error, network, detail)
    if compared:
        for gallery in galleries:  # single mistakes first, then pairs
            names = _match(key, compared, gallery())
            if names:
                verdict.mistakes = tuple(names_to_bugs[name] for name in names)
                break
        else:
            verdict.hint = _pattern_hint(compared, {n: expected[n] for n in compared})
    return verdict


def _gallery_outcomes(bugs: dict[str, Bug], problems: dict, activation: str) -> dict[str, dict]:
    return {
        name: {
            n: _run(bug, lambda p, c, X, Y, bug=bug: bug(p, c, X, Y, activation), problem)
            for n, problem in problems.items()
        }
        for name, bug in bugs.items()
    }


def _exception_text(outcome: Outcome) -> str:
    error = outcome.error
    message = str(error).splitlines()[0] if str(error) else ""
    message = message if len(message) <= 140 else message[:137] + "..."
    where = f"\n    in the line:  {outcome.line}" if outcome.line else ""
    return f"{type(error).__name__}: {message}{where}"


def _raise_pattern(outcomes: dict) -> tuple:
    return tuple(type(o.error).__name__ if o.error is not None else None for o in outcomes.values())


def check_backward(fn: object, activation: str = "tanh", seed: int = 0) -> CheckResult:
    """Run ``fn(parameters, cache, X, Y, activation)`` on the test networks and diagnose it.

    Never raises. ``fn`` should return ``{"dW1": ..., "db1": ..., "dW2": ..., "db2": ...}``, each
    with its parameter's shape. A function of four arguments ``(parameters, cache, X, Y)`` is
    accepted for the default tanh.
    """
    try:
        g1 = get_activation(activation)
    except ValueError as error:
        return CheckResult(False, False, f"Cannot check: {error}.")
    if not callable(fn):
        return CheckResult(
            False,
            False,
            (
                f"Not finished yet: check_backward needs your function itself, e.g. "
                f"check_backward(my_backward_propagation) without parentheses after the name; "
                f"got {type(fn).__name__}."
            ),
        )
    problems = {n: _problem(n, seed + i, g1) for i, n in enumerate(NETWORKS)}
    call = _caller(fn, g1.name)
    outcomes = {n: _run(fn, call, problem) for n, problem in problems.items()}
    name = getattr(fn, "__name__", "your function")

    if any(isinstance(o.error, NotImplementedError) for o in outcomes.values()):
        return CheckResult(
            False,
            False,
            f"Not finished yet: {name} raises NotImplementedError (the stub). "
            f"Replace the `raise` with your code.",
        )
    if all(o.error is None and o.value is None for o in outcomes.values()):
        return CheckResult(
            False,
            False,
            f"Not finished yet: {name} returns None. Compute the gradients and "
            f"`return {{'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}}`.",
        )

    references = {n: _backward_propagation(*problem, g1) for n, problem in problems.items()}
    singles = _gallery_outcomes(dict(BUGS), problems, g1.name)
    pairs = {
        bug.name: bug for a, b in itertools.combinations(BUGS.values(), 2) if (bug := combine(a, b))
    }
    names_to_bugs = {**BUGS, **pairs}
    pair_outcomes: dict[str, dict] = {}

    def pairs_gallery() -> dict:  # run the pairs only if some gradient needs them
        if not pair_outcomes:
            pair_outcomes.update(_gallery_outcomes(pairs, problems, g1.name))
        return pair_outcomes

    galleries = [lambda: singles, pairs_gallery]
    verdicts = {key: _verdict(key, outcomes, references, galleries, names_to_bugs) for key in KEYS}
    return _report(name, outcomes, verdicts, singles)


def _report(
    name: str, outcomes: dict, verdicts: dict[str, GradientVerdict], singles: dict
) -> CheckResult:
    raised = {n: o for n, o in outcomes.items() if o.error is not None}
    not_dict = {
        n: o for n, o in outcomes.items() if o.error is None and not isinstance(o.value, Mapping)
    }
    details: list[str] = []
    if raised:
        first_network, first = next(iter(raised.items()))
        details.append(
            f"{name} raised an error on {len(raised)} of {len(outcomes)} networks; "
            f"on {first_network}:"
        )
        details.append(f"    {_exception_text(first)}")
        if isinstance(first.error, ValueError) and (
            "shape" in str(first.error) or "dimension" in str(first.error)
        ):
            details.append(
                "    (a product or a sum whose shapes do not fit: "
                "compare each @, * and .T with the shapes of its operands)"
            )
        pattern = _raise_pattern(outcomes)
        same = [
            bug.title
            for bug_name, bug in BUGS.items()
            if _raise_pattern(singles[bug_name]) == pattern
        ]
        if same and not any(v.mistakes for v in verdicts.values()):
            details.append(
                "    the same networks make these classic mistakes raise the same "
                "error: " + ", ".join(same)
            )
    if not_dict:
        network, outcome = next(iter(not_dict.items()))
        value = outcome.value
        extra = (
            " (if these are dW1, db1, dW2, db2, put them in a dict with those keys)"
            if isinstance(value, (tuple, list)) and len(value) == 4
            else ""
        )
        details.append(
            f"{name} returned a {type(value).__name__} on {network}; "
            f"expected a dict with keys 'dW1', 'db1', 'dW2', 'db2'{extra}."
        )
    # bug name, description or hint -> the first gradient it was given for
    explained: dict[str, str] = {}
    for key, verdict in verdicts.items():
        details += _verdict_lines(verdict, explained)
    changed = sorted({c for o in outcomes.values() for c in o.changed})
    if changed:
        details.append(
            f"Note: {name} changed {', '.join(changed)} in place; work on new arrays "
            f"(dZ2 = A2 - Y, not dZ2 -= Y) "
            f"so the cache and the parameters stay as they were."
        )

    wrong = [key for key, v in verdicts.items() if not v.right and v.status != "not computed"]
    right = [key for key, v in verdicts.items() if v.right]
    if not raised and not not_dict and not wrong:
        largest = max(v.error for v in verdicts.values())
        headline = (
            f"Correct: dW1, db1, dW2 and db2 agree with the reference "
            f"on all {len(outcomes)} networks "
            f"(largest relative error {format_error(largest)})."
        )
        return CheckResult(True, True, headline, verdicts, details)
    if wrong:
        headline = f"Wrong: {_join(wrong)} {'is' if len(wrong) == 1 else 'are'} wrong" + (
            f" ({_join(right)} {'is' if len(right) == 1 else 'are'} right)." if right else "."
        )
    elif raised:
        headline = (
            f"Wrong: {name} raised an error on {len(raised)} of the {len(outcomes)} networks."
        )
    else:
        headline = f"Wrong: {name} does not return the gradients in a dict."
    return CheckResult(True, False, headline, verdicts, details)


def _verdict_lines(verdict: GradientVerdict, explained: dict[str, str]) -> list[str]:
    """The diagnosis of one gradient.

    What ``explained`` says was told for an earlier gradient is not repeated.
    """
    key = verdict.key
    if verdict.status == "not computed":
        return []
    if verdict.right:
        return [f"  {key:<4} right  (largest relative error {format_error(verdict.error)})"]
    where = f"  [on {verdict.network}]" if verdict.network else ""
    if verdict.status == "wrong values":
        lines = [f"  {key:<4} WRONG  relative error {verdict.error:.1e}{where}"]
    else:
        problem, _, note = verdict.detail.partition(": ")
        transposed = "transpose" in note and "transpose" in verdict.hint  # say it once
        lines = [f"  {key:<4} WRONG  {problem}{where}"]
        lines += [f"       {note}"] if note and not transposed else []
    for bug in verdict.mistakes[:2]:
        wrong, right = bug.fixes.get(key, (bug.wrong, bug.right))
        if bug.name in explained:
            lines.append(f"       the same mistake as {explained[bug.name]} ({bug.title})")
            if (wrong, right) == bug.fixes.get(explained[bug.name]):
                continue
        else:
            explained[bug.name] = key
            kind = "two classic mistakes at once" if "+" in bug.name else "the classic mistake"
            lines.append(f"       it matches {kind}: {bug.title}")
            lines += [
                f"       {line}" for line in bug.description.splitlines() if line not in explained
            ]
            explained.update(dict.fromkeys(bug.description.splitlines(), key))
        lines += [_lines("you probably wrote", wrong), _lines("the right line is", right)]
    if verdict.hint in explained:
        lines.append(f"       the same pattern as {explained[verdict.hint]}")
    elif verdict.hint:
        explained[verdict.hint] = key
        lines.append(f"       {verdict.hint}")
    elif not verdict.mistakes and verdict.status == "wrong values":
        lines.append(
            "       it matches none of the classic mistakes: "
            "compare it line by line with the formulas"
        )
    return lines


def _lines(label: str, code: str) -> str:
    first, *rest = code.splitlines()
    return "\n".join(
        [f"       {label + ':':<20}{first}", *(f"       {'':<20}{line}" for line in rest)]
    )


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
