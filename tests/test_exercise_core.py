"""The exercise system (helpers.exercises.core) on a toy exercise: what a check says for right,
wrong, unfinished and junk answers, that it never raises, never changes the learner's arrays, stops
endless code, and how hints, solutions and predictions behave."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.exercises.core import (
    Exercise,
    Mistake,
    Prediction,
    Problem,
    read_solution,
    solution_blocks,
)


def scaled_sum(W, x):
    m = x.shape[1]
    total = W @ x
    return (1 / m) * np.sum(total, axis=1, keepdims=True)


def problems():
    rng = np.random.default_rng(0)
    return [
        Problem(
            f"W {n}x{k}, x {k}x{m}",
            (rng.standard_normal((n, k)), rng.standard_normal((k, m))),
            {"m": m},
        )
        for n, k, m in ((2, 3, 4), (3, 3, 5), (1, 4, 2))
    ]


EXERCISE = Exercise(
    name="scaled_sum",
    title="a toy",
    reference=scaled_sum,
    problems=problems,
    outputs=("s",),
    notebook="00_the_network",
    hints=("first hint", "second hint"),
    argument_names=("W", "x"),
    mistakes=(
        Mistake(
            "no_mean",
            "1/m missing",
            "the sum is not divided by m",
            {
                "return (1 / m) * np.sum(total, axis=1, keepdims=True)": (
                    "return np.sum(total, axis=1, keepdims=True)"
                )
            },
        ),
        Mistake(
            "transposed",
            "W transposed",
            "W.T where W belongs",
            {"total = W @ x": "total = W.T @ x"},
        ),
    ),
)


def test_the_reference_is_correct_and_exact():
    result = EXERCISE.check(scaled_sum)
    assert result.finished and result.passed
    assert str(result) == "Correct: s agrees with the reference on all 3 problems.\n  s    exact"


def test_a_right_answer_up_to_round_off_is_close():
    result = EXERCISE.check(lambda W, x: scaled_sum(W, x) * (1 + 1e-13))
    assert result.passed and "s    close (max diff" in str(result)


def test_a_known_mistake_is_named_with_the_line():
    text = str(EXERCISE.check(lambda W, x: np.sum(W @ x, axis=1, keepdims=True)))
    assert text.startswith("Wrong: s is wrong.")
    assert "it matches the known mistake: 1/m missing" in text
    assert "you probably wrote: return np.sum(total, axis=1, keepdims=True)" in text


def test_an_unknown_mistake_gets_a_pattern():
    text = str(EXERCISE.check(lambda W, x: -scaled_sum(W, x)))
    assert "wrong sign" in text
    text = str(EXERCISE.check(lambda W, x: 3 * scaled_sum(W, x)))
    assert "3 times the right result" in text


@pytest.mark.parametrize(
    "answer, says",
    [
        (None, "Not finished yet: the check needs your function itself"),
        (..., "Not finished yet"),
        (42, "got int"),
    ],
)
def test_no_function_is_not_finished(answer, says):
    result = EXERCISE.check(answer)
    assert not result.finished and says in " ".join(str(result).split())


def stub(W, x):
    raise NotImplementedError


def returns_nothing(W, x):
    W @ x


def ellipsis(W, x): ...  # the learner left the stub's ...


@pytest.mark.parametrize("fn", [stub, returns_nothing, ellipsis])
def test_a_stub_is_not_finished(fn):
    result = EXERCISE.check(fn)
    assert not result.finished and not result.passed
    assert str(result).startswith("Not finished yet")


def endless(W, x):
    while True:
        pass


@pytest.mark.parametrize(
    "fn, says",
    [
        (lambda W, x: [1, 2], "s WRONG: a list, expected a NumPy array"),
        (lambda W, x: W @ x, "WRONG: shape (2, 4), expected (2, 1)"),
        (lambda W, x: 1 / 0, "ZeroDivisionError"),
        (lambda W, x: np.full((2, 1), np.nan), "contains NaN or inf"),
        (endless, "did not finish in time"),
        (lambda W, x: "s", "a str"),
    ],
)
def test_junk_gets_a_diagnosis_and_never_an_exception(fn, says):
    result = EXERCISE.check(fn)
    assert result.finished and not result.passed
    assert says in " ".join(str(result).split()), str(result)


def test_an_endless_loop_is_stopped_once_not_once_per_problem():
    import time

    start = time.monotonic()
    EXERCISE.check(endless)
    assert time.monotonic() - start < 2 * EXERCISE.time_limit


def test_the_inputs_are_copies_and_changes_are_reported():
    seen = []

    def changes_its_inputs(W, x):
        seen.append(x)
        x *= 2
        return scaled_sum(W, x / 2)

    result = EXERCISE.check(changes_its_inputs)
    assert result.passed and "Note: changes_its_inputs changed x in place" in str(result)
    originals = [p.args[1] for p in EXERCISE._problems()]
    assert all(s is not o for s, o in zip(seen, originals, strict=True))
    np.testing.assert_array_equal(EXERCISE._problems()[0].args[1], problems()[0].args[1])


def test_hints_come_in_levels(capsys):
    EXERCISE.hint()
    EXERCISE.hint(2)
    EXERCISE.hint(9)
    out = capsys.readouterr().out
    assert "Hint 1 of 2 (hint(2) for the next): first hint" in out
    assert out.count("Hint 2 of 2 (the last hint; .solution() prints the solution)") == 2


def test_solutions_are_read_from_their_file(tmp_path, monkeypatch):
    path = tmp_path / "00_the_network.py"
    path.write_text(
        '"""doc"""\n\n# %% scaled_sum\ndef scaled_sum(W, x):\n    return 1\n\n# %% other\nx = 2\n'
    )
    assert solution_blocks(path) == {
        "scaled_sum": "def scaled_sum(W, x):\n    return 1",
        "other": "x = 2",
    }
    monkeypatch.setattr("helpers.exercises.core.SOLUTIONS", tmp_path)
    assert read_solution("00_the_network", "scaled_sum").startswith("def scaled_sum")
    assert "No solution found for missing" in read_solution("00_the_network", "missing")


PREDICTION = Prediction(
    name="shape",
    question="the shape of dA1",
    answer="(n_h, m)",
    why="dA1 has the shape of A1.",
    notebook="00_the_network",
    choices=("(n_h, m)", "(n_y, m)", "(m, n_h)"),
    wrong={"(n_y, m)": "That is the shape of dZ2."},
)


@pytest.mark.parametrize(
    "answer, starts, says",
    [
        (..., "Not answered yet", "replace the ..."),
        (None, "Not answered yet", ""),
        ("(N_H,m)", "Right: '(n_h, m)'.", "dA1 has the shape of A1."),
        ("(n_y, m)", "Not quite: you predicted '(n_y, m)'", "That is the shape of dZ2."),
        ("(m, n_h)", "Not quite", "dA1 has the shape of A1."),
        ("(4, 5)", "Not answered yet: '(4, 5)' is not one of the answers", "(n_h, m)"),
    ],
)
def test_a_prediction_is_revealed_only_once_made(answer, starts, says):
    result = PREDICTION.reveal(answer)
    text = str(result)
    assert text.startswith(starts) and says in text
    assert result.finished == (not starts.startswith("Not answered"))
    if starts.startswith("Not answered"):
        assert "dA1 has the shape of A1" not in text  # the answer is not given away


def test_a_numeric_prediction_is_compared_within_its_tolerance():
    p = Prediction("ratio", "q", 2 / 3, "because", "00_the_network", tolerance=0.02)
    assert p.reveal(0.67).passed and p.reveal("0.666").passed and not p.reveal(0.5).passed


def test_a_named_mistake_never_prints_the_right_line():
    """The solution only when asked for: the check names the mistake and the learner's line."""
    text = str(EXERCISE.check(lambda W, x: np.sum(W @ x, axis=1, keepdims=True)))
    assert "you probably wrote" in text and "(1 / m)" not in text and "right line" not in text


def test_results_in_the_wrong_order_are_named():
    pair = Exercise(
        name="pair",
        title="two results",
        reference=lambda W, x: (W @ x, x.sum()),
        problems=problems,
        outputs=("Wx", "total"),
        notebook="00_the_network",
        returns="tuple",
    )
    text = str(pair.check(lambda W, x: (x.sum(), W @ x)))
    assert "it is total: the results are in the wrong order; return Wx, total" in text


def test_zeros_get_their_own_pattern():
    text = str(EXERCISE.check(lambda W, x: np.zeros((W.shape[0], 1))))
    assert "it is zero everywhere" in text


@pytest.mark.parametrize("answer", ["2/3", "0.667", 2 / 3, "(1 - 1/3)"])
def test_a_number_may_be_written_as_an_expression(answer):
    p = Prediction("ratio", "q", 2 / 3, "because", "00_the_network", tolerance=0.01)
    assert p.reveal(answer).passed


def test_a_word_for_a_number_is_not_taken_as_an_answer():
    p = Prediction("ratio", "q", 2 / 3, "because", "00_the_network")
    result = p.reveal("two thirds")
    assert not result.finished and "write a number" in str(result)


def test_a_shape_may_be_a_list_or_a_tuple():
    p = Prediction("shape", "q", "(4, 400)", "because", "00_the_network")
    assert p.reveal([4, 400]).passed and p.reveal((4, 400)).passed and p.reveal("(4,400)").passed
