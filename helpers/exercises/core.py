"""The exercise system: the learner writes a formula, a check says whether it is right and, when it
is not, which mistake it is.

Three kinds of exercise, each a line in a notebook right after the learner's cell:

* :class:`Exercise`: the learner writes a function (``def dL_da(a, y): ...``);
  ``exercise.check(dL_da)`` runs it on several problems (non-square sizes, several outputs where it
  matters, weights of order 1), compares each result with the reference and prints, per quantity,
  ``exact``, ``close (max diff 3.1e-16)`` or ``WRONG (relative error 8.2e-01)``; when a result is
  wrong it names the mistake (the known mistakes are the reference with a line changed, see
  :mod:`helpers.mistakes`) and the line the learner probably wrote, or else the pattern it shows
  (transposed, wrong sign, a constant factor) and the lines it must be in.
* :class:`Prediction`: the learner commits to an answer (a shape, a sign, a number, which
  formula survives) and ``prediction.reveal(answer)`` says whether it was right, and why.
* Hints in levels, ``exercise.hint()``, ``exercise.hint(2)``; the solution only when asked for,
  ``exercise.solution()``, read from ``solutions/<notebook>.py`` (kept apart from the notebooks).

A check never raises and never changes the learner's arrays, whatever it is handed: ``None``, a
list, wrong shapes, code that raises or never ends (stopped after ``time_limit`` seconds). A stub
(``raise NotImplementedError``, ``...``, ``None``) gets ``Not finished yet``.
"""

from __future__ import annotations

import ast
import itertools
import math
import re
import signal
import sys
import textwrap
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..gradcheck import GOOD, relative_error
from ..mistakes import assignments, feeding, with_lines

WIDTH = 92  # a notebook cell shows about 95 characters; longer prose is wrapped
CODE_LABELS = ("you probably wrote:", "in the line:")  # lines of code are never wrapped
SOLUTIONS = Path(__file__).resolve().parents[2] / "solutions"


# ---------------------------------------------------------------- the text a check prints


class Report(str):
    """Text that shows as itself in a notebook (a bare ``check(...)`` prints it, not a repr)."""

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))


def _wrap(line: str) -> str:
    """A line of prose longer than ``WIDTH``, split at spaces and continued at its indent."""
    indent = line[: len(line) - len(line.lstrip())]
    if len(line) <= WIDTH or line.lstrip().startswith(CODE_LABELS) or len(indent) >= 20:
        return line
    return textwrap.fill(
        line, WIDTH, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )


def _join(words: Sequence[str]) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _number(value: float) -> str:
    return f"{value:.1e}"


# ---------------------------------------------------------------- running the learner's code


class TimeLimit(Exception):
    """The learner's function ran longer than the exercise allows (an endless loop?)."""


def call_with_time_limit(function: Callable, args: tuple, kwargs: Mapping, seconds: float):
    """``function(*args, **kwargs)``, stopped with :class:`TimeLimit` after ``seconds``.

    In the main thread of a POSIX process (a notebook's kernel) a timer signal interrupts even
    a NumPy call; elsewhere a trace function checks the clock between lines of Python.
    """
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():

        def stop(signum, frame):
            raise TimeLimit

        previous = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return function(*args, **kwargs)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    deadline = time.monotonic() + seconds

    def tracer(frame, event, arg):
        if time.monotonic() > deadline:
            raise TimeLimit
        return tracer

    previous_trace = sys.gettrace()
    sys.settrace(tracer)
    try:
        return function(*args, **kwargs)
    finally:
        sys.settrace(previous_trace)


def _copy(value):
    """A deep copy of the arrays in ``value`` (dicts, tuples and lists of arrays, or an array)."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, Mapping):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, (tuple, list)):
        return type(value)(_copy(item) for item in value)
    return value


def _same(a, b) -> bool:
    """Whether ``b`` (what the learner's code left in place of ``a``) still equals ``a``."""
    try:
        if isinstance(a, np.ndarray):
            return isinstance(b, np.ndarray) and np.array_equal(a, b)
        if isinstance(a, Mapping):
            return (
                isinstance(b, Mapping)
                and a.keys() == b.keys()
                and all(_same(a[k], b[k]) for k in a)
            )
        if isinstance(a, (tuple, list)):
            return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
        return bool(a == b) or a is b
    except Exception:  # whatever the learner put there cannot even be compared
        return False


def _changed(names: Sequence[str], originals: tuple, copies: tuple) -> tuple[str, ...]:
    """The arguments (or their dict entries) that the learner's code changed in place."""
    found = []
    for name, original, copy in zip(names, originals, copies, strict=True):
        if isinstance(original, Mapping):
            found += [f"{name}['{k}']" for k in original if not _same(original[k], copy.get(k))]
        elif not _same(original, copy):
            found.append(name)
    return tuple(found)


def _learner_line(function: Callable, error: BaseException) -> str:
    """The line of ``function``'s own code where ``error`` was raised (``""`` if not found)."""
    filename = getattr(getattr(function, "__code__", None), "co_filename", None)
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename]
    return (frames[-1].line or "").strip() if frames else ""


# ---------------------------------------------------------------- exercises


@dataclass(frozen=True)
class Problem:
    """One input of an exercise: ``args`` for the function, a ``label`` for the report, and
    ``facts`` the diagnosis may use (``m``, ``n_y``: a result ``m`` times too large, a mistake that
    only shows with several outputs)."""

    label: str
    args: tuple
    facts: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Mistake:
    """A known mistake: the reference with ``lines`` changed (``{right line: wrong line}``), or a
    wrong ``function`` given whole where the exercise has no reference source to change."""

    name: str
    title: str  # a few words, e.g. "missing transpose of W2"
    description: str  # the mistake in one line
    lines: Mapping[str, str] = field(default_factory=dict)
    function: Callable | None = None


@dataclass
class Outcome:
    """What one function did on one problem: returned ``value`` or raised ``error``."""

    value: object = None
    error: BaseException | None = None
    line: str = ""  # the learner's line that raised, when it can be found
    changed: tuple[str, ...] = ()  # arguments the function modified in place


@dataclass
class Verdict:
    """What is right or wrong with one result (``output``, e.g. ``"dW1"``) over all problems."""

    output: str
    # "exact", "close", "wrong values", "wrong shape", "not finite", "not an array", "missing",
    # "not computed"
    status: str
    error: float | None = None  # largest relative error where the shapes agree
    diff: float | None = None  # largest absolute difference where the shapes agree
    problem: Problem | None = None  # where the worst problem was seen
    detail: str = ""
    mistakes: tuple[Mistake, ...] = ()
    hint: str = ""

    @property
    def right(self) -> bool:
        return self.status in ("exact", "close")


@dataclass
class CheckResult:
    """A check's answer: ``str(result)`` is what it says.

    ``finished`` is ``False`` for a stub; ``passed`` when every result is right on every problem;
    ``mistakes`` names the known mistakes recognised.
    """

    finished: bool
    passed: bool
    headline: str
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)

    @property
    def mistakes(self) -> set[str]:
        return {
            name
            for verdict in self.verdicts.values()
            for mistake in verdict.mistakes
            for name in mistake.name.split("+")
        }

    def __str__(self) -> str:
        lines = "\n".join([self.headline, *self.details]).splitlines()
        return "\n".join(_wrap(line) for line in lines)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))


def _finite_array(value) -> np.ndarray | None:
    """``value`` as a finite float array, or ``None``."""
    if isinstance(value, (np.ndarray, np.generic, float, int)) and not isinstance(value, bool):
        array = np.asarray(value)
        if array.dtype.kind in "biuf" and np.all(np.isfinite(array)):
            return array.astype(float)
    return None


def _agree(a: np.ndarray | None, b: np.ndarray | None, tolerance: float = GOOD) -> bool:
    return (
        a is not None and b is not None and a.shape == b.shape and relative_error(a, b) < tolerance
    )


def _describe_value(value: object) -> tuple[str, str]:
    """``(status, detail)`` of a result that is not a finite float array."""
    if (
        isinstance(value, (np.ndarray, np.generic, float, int))
        and np.asarray(value).dtype.kind in "biuf"
    ):
        return "not finite", "contains NaN or inf"
    return "not an array", f"a {type(value).__name__}, expected a NumPy array"


def _shape_detail(shape: tuple, expected: tuple, like: str) -> str:
    """``"shape (4,), expected (4, 1) like b1: <what the shape suggests>"``."""
    hint = ""
    if shape == ():
        hint = ": a single number"
    elif len(shape) == 1 and expected and shape[0] == expected[0]:
        hint = ": a flat vector; keepdims=True keeps the column shape"
    elif shape == expected[::-1]:
        hint = ": the transpose of the right shape"
    like = f" like {like}" if like else ""
    return f"shape {shape}, expected {expected}{like}{hint}"


def _same_function(function: Callable) -> Callable:
    return function


def _call_with_args(function: Callable, problem: Problem) -> object:
    return function(*problem.args)


def _same_line(line: str) -> str:
    return line


@dataclass
class Exercise:
    """A function the learner writes, checked against ``reference`` on ``problems``.

    ``outputs`` names what the function returns: one name for a single array, several for a
    tuple (``returns="tuple"``) or a dict (``returns="dict"``). ``mistakes`` are matched per
    output; with ``pairs=True`` two mistakes at once are tried too. ``source`` is the function
    whose lines the mistakes change (default: ``reference``); ``wrap`` turns such a function into
    one with the learner's signature. ``like`` names, per output, the array whose shape it must
    have (``{"db1": "b1"}``). ``show`` turns a reference line into the way a learner writes it
    (``""`` for a line the learner's code has no counterpart of). ``error_note(error, problem)``
    explains an error the learner's code raised (``""``: the default note). An output that a
    problem's reference does not return (a smaller network) is judged on the other problems.
    """

    name: str
    title: str
    reference: Callable
    problems: Callable[[], Sequence[Problem]]
    outputs: Sequence[str]
    notebook: str
    hints: Sequence[str] = ()
    mistakes: Sequence[Mistake] = ()
    returns: str = "array"  # "array", "tuple" or "dict"
    pairs: bool = False
    source: Callable | None = None
    wrap: Callable[[Callable], Callable] = _same_function
    call: Callable[[Callable, Problem], object] = _call_with_args
    like: Mapping[str, str] = field(default_factory=dict)
    show: Callable[[str], str] = _same_line
    argument_names: Sequence[str] = ()
    problem_word: str = "problems"  # what the report calls the problems ("networks")
    # a note on an error the learner's code raised on a problem ("" for the default note)
    error_note: Callable[[BaseException, Problem], str] | None = None
    time_limit: float = 2.0
    tolerance: float = GOOD
    _cache: dict = field(default_factory=dict, init=False, repr=False)

    # ------------------------------------------------------------ what the learner calls

    def check(self, function: object) -> CheckResult:
        """Run ``function`` on every problem and say what is right and what is wrong. Never
        raises."""
        try:
            return self._check(function)
        except Exception as error:  # a bug of the checker must not look like the learner's
            return CheckResult(
                True,
                False,
                f"The check itself failed ({type(error).__name__}: {error}); "
                "please report it to the course's maintainers.",
            )

    def hint(self, level: int = 1) -> None:
        """Print hint number ``level`` (1 = the gentlest)."""
        print(_hint_text(self.name, self.hints, level))

    def solution(self) -> None:
        """Print the solution, read from ``solutions/<notebook>.py``."""
        print(read_solution(self.notebook, self.name))

    # ------------------------------------------------------------ running

    def _problems(self) -> Sequence[Problem]:
        if "problems" not in self._cache:
            self._cache["problems"] = list(self.problems())
        return self._cache["problems"]

    def _run(self, function: Callable, problem: Problem, learner: bool) -> Outcome:
        copies = _copy(problem.args)
        copied = Problem(problem.label, copies, problem.facts)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            try:
                if learner:
                    value = call_with_time_limit(self.call, (function, copied), {}, self.time_limit)
                else:
                    value = self.call(function, copied)
                outcome = Outcome(value=value)
            except (
                Exception,
                SystemExit,
                TimeLimit,
            ) as error:  # the learner's code may raise anything
                outcome = Outcome(
                    error=error, line=_learner_line(function, error) if learner else ""
                )
        names = self.argument_names or [f"argument {i + 1}" for i in range(len(problem.args))]
        outcome.changed = _changed(names, problem.args, copies)
        return outcome

    def _results(self, outcome: Outcome) -> dict[str, object] | None:
        """The outputs in ``outcome``, by name (``None`` when it raised or has the wrong kind)."""
        if outcome.error is not None:
            return None
        value = outcome.value
        if self.returns == "dict":
            return dict(value) if isinstance(value, Mapping) else None
        if self.returns == "tuple":
            if isinstance(value, (tuple, list)) and len(value) == len(self.outputs):
                return dict(zip(self.outputs, value, strict=True))
            return None
        return {self.outputs[0]: value}

    def _reference_results(self) -> list[dict[str, np.ndarray]]:
        if "reference" not in self._cache:
            self._cache["reference"] = [
                {
                    k: _finite_array(v)
                    for k, v in self._results(self._run(self.reference, p, False)).items()
                }
                for p in self._problems()
            ]
        return self._cache["reference"]

    def _mistaken(self, mistake: Mistake) -> Callable:
        if mistake.function is not None:
            return mistake.function
        return self.wrap(with_lines(self.source or self.reference, mistake.lines))

    def _gallery(self, which: str) -> dict[str, tuple[Mistake, list[Outcome]]]:
        """Every known mistake's outcomes (``which="singles"``), or every pair's."""
        if which not in self._cache:
            if which == "singles":
                mistakes = list(self.mistakes)
            else:
                mistakes = [
                    m for a, b in itertools.combinations(self.mistakes, 2) if (m := _pair(a, b))
                ]
            self._cache[which] = {
                m.name: (m, [self._run(self._mistaken(m), p, False) for p in self._problems()])
                for m in mistakes
            }
        return self._cache[which]

    # ------------------------------------------------------------ judging

    def _check(self, function: object) -> CheckResult:
        if function is None or function is Ellipsis or not callable(function):
            return CheckResult(
                False,
                False,
                "Not finished yet: the check needs your function itself (its name, without "
                f"parentheses after it); got {type(function).__name__}.",
            )
        outcomes: list[Outcome] = []
        for problem in self._problems():
            if outcomes and isinstance(outcomes[-1].error, TimeLimit):  # one wait is enough
                outcomes.append(outcomes[-1])
            else:
                outcomes.append(self._run(function, problem, True))
        name = getattr(function, "__name__", self.name)
        if any(isinstance(o.error, NotImplementedError) for o in outcomes):
            return CheckResult(
                False,
                False,
                f"Not finished yet: {name} raises NotImplementedError (the stub). "
                "Replace the `raise` with your code.",
            )
        if all(o.error is None and (o.value is None or o.value is Ellipsis) for o in outcomes):
            return CheckResult(
                False,
                False,
                f"Not finished yet: {name} returns {outcomes[0].value!r}; "
                "compute the result and `return` it.",
            )
        references = self._reference_results()
        verdicts = {key: self._verdict(key, outcomes, references) for key in self.outputs}
        self._keep_consistent(verdicts, outcomes)
        return self._report(name, outcomes, verdicts)

    def _keep_consistent(self, verdicts: dict[str, Verdict], outcomes: list[Outcome]) -> None:
        """Of the mistakes matched for one output, keep those that also give every other output
        as the learner has it (a sign error in dZ2 would change dW2 too: not if dW2 is right);
        when no single mistake does, look for a pair that does."""
        learner = {
            key: {i: _output(self, o, key) for i, o in enumerate(outcomes)} for key in self.outputs
        }

        def consistent(runs: list[Outcome]) -> bool:
            return all(
                _agree(a, _output(self, runs[i], key), self.tolerance)
                for key, arrays in learner.items()
                for i, a in arrays.items()
                if a is not None
            )

        galleries = ("singles", "pairs") if self.pairs else ("singles",)
        for verdict in verdicts.values():
            if not verdict.mistakes:
                continue
            for which in galleries:
                kept = tuple(
                    m
                    for m, runs in self._gallery(which).values()
                    if consistent(runs) and (m in verdict.mistakes or which == "pairs")
                )
                if kept:
                    verdict.mistakes = kept
                    break

    def _verdict(self, key: str, outcomes: list[Outcome], references: list[dict]) -> Verdict:
        """Judge one output over all problems and, when it is wrong, name the mistake."""
        problems = self._problems()
        ran = {i: r for i, o in enumerate(outcomes) if (r := self._results(o)) is not None}
        if not ran:
            return Verdict(key, "not computed")
        trouble = []  # (severity, status, problem index, detail)
        compared, errors, diffs = {}, {}, {}
        for i, results in ran.items():
            if key not in references[i]:  # this problem has no such result (a smaller network)
                continue
            expected = references[i][key]
            if key not in results:
                similar = [k for k in results if isinstance(k, str) and k.lower() == key.lower()]
                detail = (
                    f"missing: found {similar[0]!r} (the keys are case-sensitive)"
                    if similar
                    else "missing"
                )
                trouble.append((5, "missing", i, detail))
                continue
            array = _finite_array(results[key])
            if array is None:
                status, detail = _describe_value(results[key])
                trouble.append((4 if status == "not an array" else 3, status, i, detail))
                continue
            compared[i] = array
            if array.shape != expected.shape:
                detail = _shape_detail(array.shape, expected.shape, self.like.get(key, ""))
                trouble.append((2, "wrong shape", i, detail))
                continue
            errors[i] = relative_error(array, expected)
            diffs[i] = float(np.max(np.abs(array - expected))) if array.size else 0.0
            if errors[i] >= self.tolerance:
                trouble.append((1, "wrong values", i, ""))
        worst_error = max(errors.values()) if errors else None
        worst_diff = max(diffs.values()) if diffs else None
        if not trouble:
            exact = all(np.array_equal(compared[i], references[i][key]) for i in compared)
            return Verdict(key, "exact" if exact else "close", worst_error, worst_diff)
        _, status, where, detail = max(trouble, key=lambda t: t[0])
        if status == "wrong values":
            where = max(errors, key=errors.get)
        verdict = Verdict(key, status, worst_error, worst_diff, problems[where], detail)
        if compared:
            for which in ("singles", "pairs") if self.pairs else ("singles",):
                matches = [
                    mistake
                    for mistake, mistake_outcomes in self._gallery(which).values()
                    if all(
                        _agree(a, _output(self, mistake_outcomes[i], key), self.tolerance)
                        for i, a in compared.items()
                    )
                ]
                if matches:
                    verdict.mistakes = tuple(matches)
                    break
            else:
                others = [
                    other
                    for other in self.outputs
                    if other != key
                    and all(
                        _agree(a, references[i].get(other), self.tolerance)
                        for i, a in compared.items()
                    )
                ]
                misplaced = (
                    "stored under the wrong key"
                    if self.returns == "dict"
                    else f"the results are in the wrong order; return {', '.join(self.outputs)}"
                )
                verdict.hint = (
                    f"it is {others[0]}: {misplaced}"
                    if others
                    else self._pattern({i: (a, references[i][key]) for i, a in compared.items()})
                )
        return verdict

    def _pattern(self, pairs: dict[int, tuple[np.ndarray, np.ndarray]]) -> str:
        """A pattern in a wrong result (over the problems) when no known mistake matches it."""
        problems = self._problems()
        if all(_agree(a.T, r) for a, r in pairs.values()):
            return (
                "it is the transpose of the right result: check the order of the factors and "
                "every .T"
            )
        if all(a.shape == r.shape and np.vdot(r, r) > 0 for a, r in pairs.values()):
            factors = {i: float(np.vdot(r, a) / np.vdot(r, r)) for i, (a, r) in pairs.items()}
            if all(_agree(a, factors[i] * r) for i, (a, r) in pairs.items()):
                values = list(factors.values())
                if all(abs(f) < 1e-9 for f in values):
                    return "it is zero everywhere: a factor that should not be there is 0?"
                if all(abs(f + 1) < 1e-9 for f in values):
                    return "it has the wrong sign: look for a minus sign that is missing or extra"
                for fact, words in (("m", "m times too large: a 1/m is missing"),):
                    if all(
                        abs(factors[i] - problems[i].facts.get(fact, math.nan)) < 1e-9
                        for i in pairs
                    ):
                        return f"it is {words}"
                if all(
                    abs(factors[i] * problems[i].facts.get("m", math.nan) - 1) < 1e-9 for i in pairs
                ):
                    return (
                        "it is m times too small: a 1/m where none belongs (or 1/m applied twice)"
                    )
                if all(abs(f - values[0]) <= 1e-9 * abs(values[0]) for f in values):
                    return f"it is {values[0]:.4g} times the right result: a constant factor is off"
        right_where = {
            problems[i].facts.get("n_y") == 1 for i, (a, r) in pairs.items() if _agree(a, r)
        }
        wrong_where = {
            problems[i].facts.get("n_y") == 1 for i, (a, r) in pairs.items() if not _agree(a, r)
        }
        if right_where == {True} and wrong_where == {False}:
            return (
                "right with one output (n_y = 1) but wrong with several: "
                "look for a * where @ belongs, or a sum over the wrong axis"
            )
        right_on = [problems[i].label for i, (a, r) in pairs.items() if _agree(a, r)]
        if right_on:
            wrong_on = [problems[i].label for i, (a, r) in pairs.items() if not _agree(a, r)]
            return "\n".join(
                ["what differs between the problems where it is right and where it is wrong?"]
                + [f"  right on: {label}" for label in right_on]
                + [f"  wrong on: {label}" for label in wrong_on]
            )
        return ""

    def _where(self, wrong: Sequence[str], right: Sequence[str]) -> list[str]:
        """The reference lines that every wrong output depends on and no right output does."""
        source = self.source or self.reference
        table = assignments(source)
        suspects = set.intersection(*(feeding(source, key) for key in wrong))
        for key in right:
            suspects -= feeding(source, key)
        order = list(table)
        shown = [self.show(table[n][0]) for n in sorted(suspects & set(table), key=order.index)]
        # Each formula line by the name it computes (its text would give the answer away); lines
        # that unpack several inputs at once are not formulas; "" = a line the learner has not.
        names = [
            line.split(" = ", 1)[0].split(":")[0] if " = " in line else "the returned value"
            for line in shown
            if line and "," not in line.split(" = ", 1)[0]
        ]
        return list(dict.fromkeys(names))

    # ------------------------------------------------------------ the report

    def _report(
        self, name: str, outcomes: list[Outcome], verdicts: dict[str, Verdict]
    ) -> CheckResult:
        problems = self._problems()
        raised = [(p, o) for p, o in zip(problems, outcomes, strict=True) if o.error is not None]
        wrong_kind = [
            (p, o)
            for p, o in zip(problems, outcomes, strict=True)
            if o.error is None and self._results(o) is None
        ]
        details: list[str] = []
        if raised:
            problem, first = raised[0]
            details.append(
                f"{name} raised an error on {len(raised)} of {len(outcomes)} {self.problem_word}; "
                f"on {problem.label}:"
            )
            details.append(f"    {_exception_text(first)}")
            note = self.error_note(first.error, problem) if self.error_note else ""
            if note:
                details.append(f"    ({note})")
            elif isinstance(first.error, ValueError) and re.search(
                "shape|dimension", str(first.error)
            ):
                details.append(
                    "    (a product or a sum whose shapes do not fit: "
                    "compare each @, * and .T with the shapes of its operands)"
                )
        if wrong_kind:
            problem, outcome = wrong_kind[0]
            details.append(
                f"{name} returned {_kind(outcome.value)} on {problem.label}; "
                f"expected {self._expected()}."
            )
        explained: dict[str, str] = {}
        for verdict in verdicts.values():
            details += self._verdict_lines(verdict, explained)
        wrong = [k for k, v in verdicts.items() if not v.right and v.status != "not computed"]
        right = [k for k, v in verdicts.items() if v.right]
        if (
            wrong
            and right
            and not any(verdicts[k].mistakes for k in wrong)
            and len(self.outputs) > 1
        ):
            suspects = self._where(wrong, right)
            if suspects:
                details.append(
                    f"  {_join(right)} {'is' if len(right) == 1 else 'are'} right, so the mistake "
                    f"is in a line that only {_join(wrong)} "
                    f"depend{'s' if len(wrong) == 1 else ''} on: the line of "
                    + " or ".join(
                        [", ".join(suspects[:-1]), suspects[-1]] if len(suspects) > 1 else suspects
                    )
                )
        changed = sorted({c for o in outcomes for c in o.changed})
        if changed:
            details.append(
                f"Note: {name} changed {', '.join(changed)} in place; work on new arrays "
                "(x = x - y, not x -= y), so that the inputs stay as they were."
            )
        if not raised and not wrong_kind and not wrong:
            headline = (
                f"Correct: {_join(self.outputs)} "
                f"{'agrees' if len(self.outputs) == 1 else 'agree'} with the reference on "
                f"all {len(outcomes)} {self.problem_word}."
            )
            return CheckResult(True, True, headline, verdicts, details)
        if wrong:
            headline = f"Wrong: {_join(wrong)} {'is' if len(wrong) == 1 else 'are'} wrong" + (
                f" ({_join(right)} {'is' if len(right) == 1 else 'are'} right)." if right else "."
            )
        elif raised:
            headline = (
                f"Wrong: {name} raised an error on {len(raised)} of the {len(outcomes)} "
                f"{self.problem_word}."
            )
        else:
            kinds = {_kind(o.value) for _, o in wrong_kind}
            headline = (
                f"Wrong: {name} returned {' or '.join(sorted(kinds))}; expected {self._expected()}."
            )
        return CheckResult(True, False, headline, verdicts, details)

    def _expected(self) -> str:
        if self.returns == "dict":
            return "a dict with keys " + ", ".join(f"'{k}'" for k in self.outputs)
        if self.returns == "tuple":
            return f"a tuple ({', '.join(self.outputs)})"
        return "a NumPy array"

    def _verdict_lines(self, verdict: Verdict, explained: dict[str, str]) -> list[str]:
        """The diagnosis of one output; what was told for an earlier output is not repeated."""
        key = verdict.output
        if verdict.status == "not computed":
            return []
        if verdict.status == "exact":
            return [f"  {key:<4} exact"]
        if verdict.status == "close":
            return [f"  {key:<4} close (max diff {_number(verdict.diff)})"]
        where = f"  [on {verdict.problem.label}]" if verdict.problem else ""
        if verdict.status == "wrong values":
            lines = [f"  {key:<4} WRONG (relative error {_number(verdict.error)}){where}"]
        else:
            problem, _, note = verdict.detail.partition(": ")
            lines = [f"  {key:<4} WRONG: {problem}{where}"]
            transposed = "transpose" in note and "transpose" in verdict.hint  # say it once
            lines += [f"       {note}"] if note and not transposed else []
        for mistake in self._attributed(verdict.mistakes[:2], key):
            wrong_line, _ = self._fix(mistake, key)
            if mistake.name in explained:
                lines.append(
                    f"       the same mistake as {explained[mistake.name]} ({mistake.title})"
                )
                continue
            explained[mistake.name] = key
            kind = "two known mistakes at once" if "+" in mistake.name else "the known mistake"
            lines.append(f"       it matches {kind}: {mistake.title}")
            lines += [
                f"       {line}"
                for line in mistake.description.splitlines()
                if line not in explained
            ]
            explained.update(dict.fromkeys(mistake.description.splitlines(), key))
            if wrong_line:
                lines.append(_code("you probably wrote", wrong_line))
        if verdict.hint in explained:
            lines.append(f"       the same pattern as {explained[verdict.hint]}")
        elif verdict.hint:
            explained[verdict.hint] = key
            lines += [f"       {line}" for line in verdict.hint.splitlines()]
        elif not verdict.mistakes and verdict.status == "wrong values":
            lines.append(
                f"       it matches none of the known mistakes; ex.{self.name}.hint() gives a hint"
            )
        return lines

    def _attributed(self, mistakes: Sequence[Mistake], key: str) -> list[Mistake]:
        """``mistakes`` for output ``key``: of two mistakes made at once, only those whose changed
        lines ``key`` depends on (a missing keepdims is not told for dW1)."""
        by_name = {m.name: m for m in self.mistakes}
        found: list[Mistake] = []
        for mistake in mistakes:
            parts = [by_name[n] for n in mistake.name.split("+") if n in by_name]
            feeding_parts = [m for m in parts if self._changed_lines(m, key)]
            if "+" in mistake.name and 0 < len(feeding_parts) < len(parts):
                found += feeding_parts
            else:
                found.append(mistake)
        return list({m.name: m for m in found}.values())

    def _fix(self, mistake: Mistake, key: str) -> tuple[str, str]:
        """``(wrong, right)``: the changed lines that output ``key`` depends on, both as the learner
        writes them (through ``show``)."""
        pairs = self._changed_lines(mistake, key) or [(w, r) for r, w in mistake.lines.items()]
        return "\n".join(self.show(w) for w, _ in pairs), "\n".join(self.show(r) for _, r in pairs)

    def _changed_lines(self, mistake: Mistake, key: str) -> list[tuple[str, str]]:
        """``(wrong, right)`` for each line ``mistake`` changes that output ``key`` depends on."""
        source = self.source or self.reference
        table = assignments(source)
        if key not in table:
            return [(w, r) for r, w in mistake.lines.items()]
        feeds = {table[n][0] for n in feeding(source, key) if n in table}
        return [(w, r) for r, w in mistake.lines.items() if r in feeds]


def _output(exercise: Exercise, outcome: Outcome, key: str) -> np.ndarray | None:
    results = exercise._results(outcome)
    return _finite_array(results.get(key)) if results is not None else None


def _pair(a: Mistake, b: Mistake) -> Mistake | None:
    """Both mistakes at once (``None`` if they change the same line or are given whole)."""
    if a.function is not None or b.function is not None or set(a.lines) & set(b.lines):
        return None
    return Mistake(
        f"{a.name}+{b.name}",
        f"{a.title} and {b.title}",
        f"{a.description}\n{b.description}",
        {**a.lines, **b.lines},
    )


def _kind(value: object) -> str:
    if isinstance(value, (tuple, list)):
        return f"a {type(value).__name__} of length {len(value)}"
    return f"a {type(value).__name__}"


def _exception_text(outcome: Outcome) -> str:
    error = outcome.error
    if isinstance(error, TimeLimit):
        return "it did not finish in time (an endless loop?)"
    message = str(error).splitlines()[0] if str(error) else ""
    message = message if len(message) <= 140 else message[:137] + "..."
    where = f"\n    in the line:  {outcome.line}" if outcome.line else ""
    return f"{type(error).__name__}: {message}{where}"


def _code(label: str, code: str) -> str:
    first, *rest = code.splitlines()
    return "\n".join(
        [f"       {label + ':':<20}{first}", *(f"       {'':<20}{line}" for line in rest)]
    )


# ---------------------------------------------------------------- predictions


@dataclass(frozen=True)
class Prediction:
    """A question the learner answers before the notebook shows the answer.

    ``answer`` is a string (compared without case and spaces) or a number (compared within
    ``tolerance``, relative); ``choices``, when given, are the answers the question accepts;
    ``wrong`` explains particular wrong answers; ``why`` explains the right one.
    """

    name: str
    question: str
    answer: object
    why: str
    notebook: str
    choices: Sequence[object] = ()
    wrong: Mapping[object, str] = field(default_factory=dict)
    tolerance: float = 0.01

    def reveal(self, prediction: object) -> CheckResult:
        """Say whether ``prediction`` was right, and why. Never raises."""
        if prediction is None or prediction is Ellipsis:
            return CheckResult(
                False,
                False,
                "Not answered yet: write your prediction in the cell above "
                "(replace the ...), run it, then run this cell again.",
            )
        known = any(_equal(prediction, c, self.tolerance) for c in (*self.choices, *self.wrong))
        if not isinstance(self.answer, str) and _as_number(prediction) is None and not known:
            return CheckResult(
                False,
                False,
                f"Not answered yet: {prediction!r} does not read as a number; write a number "
                "(such as 0.5, 2/3 or log(2)).",
            )
        if self.choices and not any(_equal(prediction, c, self.tolerance) for c in self.choices):
            choices = ", ".join(map(repr, self.choices))
            return CheckResult(
                False,
                False,
                f"Not answered yet: {prediction!r} is not one of the answers: {choices}.",
            )
        if _equal(prediction, self.answer, self.tolerance):
            return CheckResult(True, True, _wrap_text(f"Right: {self.answer!r}. {self.why}"))
        because = next(
            (
                text
                for value, text in self.wrong.items()
                if _equal(prediction, value, self.tolerance)
            ),
            "",
        )
        text = f"Not quite: you predicted {prediction!r}; the answer is {self.answer!r}. "
        text += (because + " " if because else "") + self.why
        return CheckResult(True, False, _wrap_text(text))

    def solution(self) -> None:
        print(read_solution(self.notebook, self.name))


_FUNCTIONS = {"log": math.log, "ln": math.log, "exp": math.exp, "sqrt": math.sqrt}
_CONSTANTS = {"pi": math.pi, "e": math.e}


def _as_number(value: object) -> float | None:
    """``value`` as a number: a number, or a string such as ``"0.67"``, ``"2/3"``, ``"log 2"``,
    ``"1 - 1/e"`` (arithmetic, log, ln, exp, sqrt, pi, e); ``None`` if it is not one."""
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, str):
        return None
    text = re.sub(r"\b(log|ln|exp|sqrt)\s+([\d.]+)", r"\1(\2)", value.strip())

    def evaluate(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return evaluate(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in _CONSTANTS:
            return _CONSTANTS[node.id]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
            return evaluate(node.operand) * (-1 if isinstance(node.op, ast.USub) else 1)
        operators = {
            ast.Add: float.__add__,
            ast.Sub: float.__sub__,
            ast.Mult: float.__mul__,
            ast.Div: float.__truediv__,
            ast.Pow: float.__pow__,
        }
        if isinstance(node, ast.BinOp) and type(node.op) in operators:
            return operators[type(node.op)](evaluate(node.left), evaluate(node.right))
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCTIONS
            and len(node.args) == 1
        ):
            return _FUNCTIONS[node.func.id](evaluate(node.args[0]))
        raise ValueError("not a number")

    try:
        return float(evaluate(ast.parse(text, mode="eval")))
    except (SyntaxError, ValueError, TypeError, ZeroDivisionError, OverflowError, RecursionError):
        return None


def _text(value: object) -> str:
    """``value`` as text to compare: no spaces, lower case, no quotes; a tuple or list is written
    ``(a,b)`` (so ``[4, 400]`` equals ``"(4, 400)"``)."""
    if isinstance(value, (tuple, list)):
        value = "(" + ",".join(_text(v) for v in value) + ")"
    text = re.sub(r"[\s'\"]", "", str(value)).lower()
    return "(" + text[1:-1] + ")" if text.startswith("[") and text.endswith("]") else text


def _equal(a: object, b: object, tolerance: float) -> bool:
    """Strings (and tuples) compare as text without case, spaces or quotes; a number (or a string
    that reads as one) compares within ``tolerance``, relative."""
    if isinstance(b, (str, tuple, list)):
        return _text(a) == _text(b)
    x, y = _as_number(a), _as_number(b)
    return x is not None and y is not None and abs(x - y) <= tolerance * max(abs(y), 1e-300)


def _wrap_text(text: str) -> str:
    return "\n".join(textwrap.fill(p, WIDTH) for p in text.split("\n"))


# ---------------------------------------------------------------- hints and solutions


def _hint_text(name: str, hints: Sequence[str], level: int) -> Report:
    if not hints:
        return Report(f"{name}: no hints for this one.")
    level = min(max(int(level), 1), len(hints))
    more = (
        f" (hint({level + 1}) for the next)"
        if level < len(hints)
        else (" (the last hint; .solution() prints the solution)")
    )
    return Report(_wrap_text(f"Hint {level} of {len(hints)}{more}: {hints[level - 1]}"))


def solution_blocks(path: Path) -> dict[str, str]:
    """The blocks of a solutions file: ``# %% name`` opens the block of exercise ``name``."""
    blocks: dict[str, list[str]] = {}
    current = None
    for line in path.read_text().splitlines():
        match = re.match(r"^# %% (\S+)\s*$", line)
        if match:
            current = match.group(1)
            blocks[current] = []
        elif current is not None:
            blocks[current].append(line)
    return {name: "\n".join(lines).strip("\n") for name, lines in blocks.items()}


def read_solution(notebook: str, name: str) -> Report:
    """The solution of exercise ``name`` of ``notebook``, from ``solutions/<notebook>.py``."""
    path = SOLUTIONS / f"{notebook}.py"
    try:
        return Report(solution_blocks(path)[name])
    except (OSError, KeyError):
        return Report(f"No solution found for {name} in {path.name}.")
