"""Headless tests of notebook 07's training dashboard: it retrains on every change, draws at once,
a change made mid-run cancels the stale run, drawing never sets the pace of a run, and the learning
rate control comes back to the course's 1.2."""

from __future__ import annotations

import time

import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import ACTIVATIONS, compute_cost, forward_propagation, load_dataset, nn_model, predict
from helpers.plots import grid_over
from helpers.widgets import training
from helpers.widgets.training import (
    BACKGROUNDS_KEPT,
    BAR_COLORS,
    CEILINGS,
    DPI,
    DRAWING_SHARE,
    GRID,
    LEARNING_RATES,
    TrainingDashboard,
)

# "Drawn at once" is checked by structure, not by the clock: the status line, the progress bar and
# the figure are all updated before the change handler returns (setting a control's value runs the
# handler), so the first visible update does not wait for training. How many milliseconds that takes
# in a real browser is measured by bench/bench_widget_latency.py.


def change(control, value) -> float:
    """Set ``control.value`` as the page does; return the moment the change handler had returned."""
    control.value = value
    return time.perf_counter()


def assert_drawn_at_once(run, returned_at: float) -> None:
    # status line, progress bar and figure were all updated before the handler returned
    assert run.first_update_at is not None and run.first_update_at <= returned_at
    assert run.first_draw_at is not None and run.first_draw_at <= returned_at and run.redraws >= 1


def wait_until(condition, timeout: float = 20.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        assert time.perf_counter() < deadline, "timed out"
        time.sleep(0.005)


@pytest.fixture
def dashboard():
    board = TrainingDashboard(
        num_iterations=300, frame_interval=0.0
    )  # frame_interval 0: redraw at every callback
    yield board
    board.close()
    board.wait()


def test_built_with_a_finished_run_it_describes_deterministically():
    board = TrainingDashboard()
    run = board.run
    X, Y = load_dataset("flower")
    parameters, costs = nn_model(
        X, Y, n_h=4, num_iterations=2000, learning_rate=1.2, activation="tanh", seed=2
    )
    assert run.status == "done" and len(board.runs) == 1
    assert run.costs == costs  # the very same computation, so exactly equal
    assert run.final_cost == compute_cost(forward_propagation(X, parameters)[0], Y)  # after 2000
    assert run.accuracy == np.mean(predict(parameters, X) == Y)
    assert board.describe() == (
        "flower, tanh, n_h = 4, learning rate 1.2, 2000 iterations: "
        "cost 0.693 -> 0.254, accuracy 89.8% (logistic regression 47.0%)"
    )
    assert run.redraws == 1  # built before it is shown: only its end is drawn
    assert board._repr_mimebundle_()["text/plain"] == (
        "Training dashboard (interactive: run the notebook to use it)"
    )
    fallback = board.fallback()
    assert 'src="data:image/png;base64,iVBOR' in fallback["text/html"]  # the PNG signature
    assert fallback["text/plain"].splitlines()[1] == board.describe()
    assert board.alt() == (
        "After all 2000 iterations (flower data, tanh, 4 hidden units, learning rate 1.2), the "
        "network's decision regions (left) classify 89.8% of the 400 examples right. Right, the "
        "cost over a log scale of iterations: 0.693 at 1, "
        "0.689 at 10, 0.605 at 100, 0.288 at 1000 and 0.254 at 2000, falling fastest from "
        "iteration 109 to 148 (0.60 to 0.40); dashed, logistic regression's final cost, 0.673."
    )
    # the values it gives are the costs drawn at those iterations (costs[k] at iteration k + 1)
    for iteration, value in ((1, "0.693"), (10, "0.689"), (100, "0.605"), (1000, "0.288")):
        assert f"{run.costs[iteration - 1]:.3f}" == value
    assert (f"{run.costs[108]:.2f}", f"{run.costs[147]:.2f}") == ("0.60", "0.40")
    assert board.progress.value == board.progress.max == 2000
    board.close()


def test_activation_control_is_a_dropdown_of_the_registered_activations(dashboard):
    assert dashboard.activation.description == "activation"
    assert list(dashboard.activation.options) == list(ACTIVATIONS)


def test_setting_a_control_retrains_and_redraws(dashboard):
    png_before = dashboard.live.png
    returned_at = change(dashboard.dataset, "circles")
    assert_drawn_at_once(dashboard.run, returned_at)
    run = dashboard.wait()
    assert (run.dataset, run.status, run.num_iterations) == ("circles", "done", 300)
    X, Y = load_dataset("circles")
    parameters, costs = nn_model(X, Y, n_h=4, num_iterations=300, learning_rate=1.2, seed=2)
    assert run.costs == costs and costs[-1] < costs[0]
    assert run.accuracy == np.mean(predict(parameters, X) == Y)
    assert run.baseline == pytest.approx(0.52)  # logistic regression on circles: about chance
    # what is drawn: the final boundary on the grid, the whole cost curve, the data set's points
    points, extent = grid_over(X, GRID)
    expected = predict(parameters, points).reshape(GRID, GRID)
    np.testing.assert_array_equal(dashboard.regions.get_array(), expected)
    assert tuple(dashboard.regions.get_extent()) == extent
    np.testing.assert_array_equal(dashboard.cost_line.get_ydata(), costs)
    for label, points in enumerate(dashboard.points):  # class 0, then class 1
        np.testing.assert_array_equal(points.get_offsets(), X[:, Y[0] == label].T)
    assert run.redraws >= 2  # iteration 0 at once, then at least the final state
    assert dashboard.live.png != png_before and dashboard.live.image.value == dashboard.live.png
    assert dashboard.status.value.startswith(dashboard.describe())


def test_every_control_starts_a_new_run_drawn_at_once(dashboard):
    for control, value in (
        (dashboard.activation, "relu"),
        (dashboard.n_h, 7),
        (dashboard.learning_rate, 0.5),
        (dashboard.iterations, 200),
        (dashboard.dataset, "xor"),
    ):
        returned_at = change(control, value)
        run = dashboard.run
        assert_drawn_at_once(run, returned_at)
        assert dashboard.wait().status == "done"
    assert (run.activation, run.n_h, run.learning_rate, run.num_iterations, run.dataset) == (
        "relu",
        7,
        0.5,
        200,
        "xor",
    )
    assert len(run.costs) == 200
    assert dashboard.describe().startswith(
        "xor, relu, n_h = 7, learning rate 0.5, 200 iterations: cost 0.693 -> "
    )


def test_a_change_mid_run_cancels_the_stale_run(dashboard):
    dashboard.iterations.value = 20000
    stale = dashboard.run
    wait_until(lambda: stale.redraws >= 3)  # it is training and drawing
    assert stale.status == "training"
    returned_at = change(dashboard.iterations, 400)
    fresh = dashboard.run
    assert_drawn_at_once(fresh, returned_at)
    dashboard.wait()
    assert (
        stale.status == "cancelled" and stale.iteration < 20000
    )  # it stopped at its next callback
    assert fresh.status == "done" and len(fresh.costs) == 400
    assert fresh.redraws >= 2
    np.testing.assert_array_equal(
        dashboard.cost_line.get_ydata(), fresh.costs
    )  # the stale run drew nothing after


def test_a_diverging_run_stops_and_says_why(dashboard):
    dashboard.activation.value = "relu"
    dashboard.learning_rate.options = (*LEARNING_RATES, 1e6)  # beyond the slider's stops
    dashboard.learning_rate.value = 1e6
    run = dashboard.wait()
    assert run.status == "stopped" and run.iteration < 300
    assert "no longer finite" in dashboard.describe()


def test_a_failing_run_shows_its_error(dashboard, monkeypatch):
    def broken_nn_model(*args, **kwargs):
        raise MemoryError("no room for W1")

    monkeypatch.setattr(training, "nn_model", broken_nn_model)
    dashboard.n_h.value = 5
    run = dashboard.wait()
    assert run.status == "failed" and run.error == "MemoryError: no room for W1"
    assert (
        "training failed" in dashboard.status.value and "no room for W1" in dashboard.status.value
    )


def test_the_learning_rate_slider_comes_back_to_the_courses_rate(dashboard):
    # dragging moves the slider from stop to stop: 10, then back to exactly 1.2
    slider = dashboard.learning_rate
    stops = [rate for _, rate in slider.options]
    assert slider.value == 1.2 and slider.label == "1.2" and {1.2, 10.0} <= set(stops)
    assert {2.0, 3.0, 4.0, 5.0, 6.0, 8.0} <= set(stops)  # between: where the jumps start
    slider.index = stops.index(10.0)
    assert dashboard.wait().learning_rate == 10.0 and slider.label == "10"
    slider.index = stops.index(1.2)
    run = dashboard.wait()
    assert run.learning_rate == 1.2 and run.status == "done"
    X, Y = load_dataset("flower")
    assert run.costs == nn_model(X, Y, n_h=4, num_iterations=300, learning_rate=1.2, seed=2)[1]


def test_drawing_never_sets_the_pace_of_a_run(dashboard, monkeypatch):
    # a machine where a frame takes 0.1 s: drawing at every callback (every 10 iterations) would
    # take 200 x 0.1 = 20 s for 2000 iterations; the dashboard draws at most a third of the time
    update, frames = dashboard.live.update, []

    def slow_update(*args, **kwargs):
        time.sleep(0.1)
        frames.append(time.perf_counter())
        return update(*args, **kwargs)

    monkeypatch.setattr(dashboard.live, "update", slow_update)
    started = time.perf_counter()
    dashboard.iterations.value = 2000
    run = dashboard.wait()
    elapsed = time.perf_counter() - started
    assert run.status == "done" and len(run.costs) == 2000
    assert run.redraws * 0.1 <= DRAWING_SHARE * elapsed + 0.2  # + the final frame
    assert all(
        b - a >= 0.1 / DRAWING_SHARE - 0.01 for a, b in zip(frames[1:-2], frames[2:-1], strict=True)
    )


def test_the_boundary_panel_has_tick_labels_that_fit_the_data_set(dashboard):
    for name in ("flower", "moons"):
        dashboard.dataset.value = name
        dashboard.wait()
        low, high = dashboard.ax_boundary.get_xlim()
        ticks = [t for t in dashboard.ax_boundary.get_xticks() if low <= t <= high]
        assert len(ticks) >= 3 and dashboard.ax_boundary.get_xticklabels()
        assert (low, high) == dashboard.grids[name][1][:2]


def test_closing_the_dashboard_stops_its_training():
    board = TrainingDashboard(num_iterations=100)
    board.iterations.value = 20000
    run = board.run
    wait_until(lambda: run.iteration >= 100)
    board.close()
    board.wait()
    assert run.status == "cancelled" and run.iteration < 20000


def test_the_progress_bar_follows_the_iterations_control(dashboard):
    assert dashboard.progress.max == dashboard.progress.value == 300  # the first run, done
    assert dashboard.progress.style.bar_color == BAR_COLORS["done"]
    assert dashboard.counter.value.endswith("300 / 300")
    dashboard.iterations.value = 700
    assert dashboard.progress.max == 700  # at once, before the run ends
    dashboard.wait()
    assert dashboard.progress.value == dashboard.progress.max == 700
    assert dashboard.counter.value.endswith("700 / 700")
    assert dashboard.progress.style.bar_color == BAR_COLORS["done"]


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_the_regions_cover_the_boundary_axes_and_the_legend_sits_below(dashboard, activation):
    """The regions fill the boundary panel; the class legend stands under it, below the x label,
    inside the figure: inside the panel (opaque, top right) it hid a corner of the regions and
    examples of the flower and of xor."""
    dashboard.activation.value = activation
    figure, ax = dashboard.live.figure, dashboard.ax_boundary
    renderer = dashboard.live.canvas.get_renderer()
    for name in ("flower", "moons", "circles", "xor"):
        dashboard.dataset.value = name
        dashboard.wait()
        assert tuple(dashboard.regions.get_extent()) == (*ax.get_xlim(), *ax.get_ylim())
        pixels = np.asarray(dashboard.live.canvas.buffer_rgba())[:, :, :3]
        height = figure.bbox.height
        box = ax.get_window_extent()
        white = (pixels == 255).all(axis=2)
        inside = white[
            int(height - box.y1) + 1 : int(height - box.y0) - 1, int(box.x0) + 1 : int(box.x1) - 1
        ]
        assert not inside.any(), name  # no bare white background shows
    legend = ax.get_legend().get_window_extent(renderer)
    label = ax.xaxis.label.get_window_extent(renderer)
    ticks = [tick.get_window_extent(renderer) for tick in ax.get_xticklabels() if tick.get_text()]
    assert legend.y1 <= label.y0 and all(legend.y1 <= tick.y0 for tick in ticks)
    assert figure.bbox.y0 <= legend.y0 and box.x0 <= legend.x0 and legend.x1 <= box.x1
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["y = 0", "y = 1"]


def test_the_cost_course_reads_the_curve_as_drawn():
    """The text alternative's words for the cost curve: values at the log axis' powers of 10 and
    the last iteration; the steepest stretch on the log axis; jumps when the cost rises again;
    nothing about a fall too small to see; a wiggle between neighbouring iterations is not
    steep (it was, at the far end of 20 000 iterations)."""
    iterations = np.arange(1, 301)
    cliff = 0.7 - 0.5 / (1 + np.exp(-(iterations - 150) / 5))  # from 0.7 to 0.2 around 150
    words = training.cost_course(iterations, list(cliff))
    assert words.startswith(
        "the cost over a log scale of iterations: 0.700 at 1, 0.700 at 10, 0.700 at 100 and "
        "0.200 at 300, falling fastest from iteration "
    )
    start, end = (
        int(n)
        for n in words.split("falling fastest from iteration ")[1].split(" (")[0].split(" to ")
    )
    assert 120 < start < 150 < end < 180
    wiggle = cliff + 1e-4 * (iterations % 2)  # period 2, far below a pixel
    assert (
        training.cost_course(iterations, list(wiggle)).split(", falling")[1]
        == (words.split(", falling")[1])
    )
    spiky = list(cliff)
    spiky[200] = 3.0
    assert words.split(": ")[1].split(",")[0] in training.cost_course(iterations, spiky)
    assert training.cost_course(iterations, spiky).endswith(
        "jumping up and down, as high as 3.00 at 201"
    )
    flat = list(0.693 - 1e-5 * np.log(iterations))
    assert "falling" not in training.cost_course(iterations, flat)
    assert training.cost_course(iterations[:0], []) == "no cost yet"


# ---------------------------------------------------------------- a figure that can be read


def test_the_figure_is_drawn_at_a_readable_size():
    board = TrainingDashboard(num_iterations=100)
    figure = board.live.figure
    assert figure.dpi == DPI >= 100
    width, height = figure.get_size_inches() * figure.dpi
    assert (board.live.image.width, board.live.image.height) == (f"{width:.0f}", f"{height:.0f}")
    for ax in (board.ax_boundary, board.ax_cost):
        assert ax.title.get_fontsize() >= 12 or ax is board.ax_boundary  # its title is animated
        assert ax.xaxis.label.get_fontsize() >= 11 and ax.yaxis.label.get_fontsize() >= 11
    assert all(label.get_fontsize() >= 10 for label in board.ax_cost.get_xticklabels())
    assert all(text.get_fontsize() >= 10 for text in board.ax_cost.get_legend().get_texts())
    assert all(text.get_fontsize() >= 10 for text in board.ax_boundary.get_legend().get_texts())
    assert board.ax_boundary.title.get_fontsize() >= 12  # set at each redraw
    board.close()


def cost_panel_share(board, costs) -> float:
    """The share of the cost panel's height that the cost curve spans."""
    low, high = board.ax_cost.get_ylim()
    return (max(costs) - min(costs)) / (high - low)


def test_the_cost_axes_fit_the_run():
    board = TrainingDashboard()  # the flower, 2000 iterations: from log 2 = 0.693 to 0.254
    run = board.run
    assert board.ax_cost.get_xlim() == (1, 2000)  # iterations 1 .. the last, log scale
    assert board.ax_cost.get_ylim() == (0, CEILINGS[0]) and CEILINGS[0] > max(run.costs)
    assert cost_panel_share(board, run.costs) > 0.5  # (0.693 - 0.254) / 0.8
    assert board.cost_line.get_xdata()[-1] == 2000
    assert board.ax_cost.get_legend()._loc == 3  # lower left, under the curve's start at the top
    board.close()


def test_at_learning_rate_10_the_spikes_show():
    board = TrainingDashboard(learning_rate=10.0)
    run = board.run
    assert max(run.costs) > 3  # it jumps to 3.3 in the first 25 iterations
    low, high = board.ax_cost.get_ylim()
    assert low == 0 and max(run.costs) <= high == min(c for c in CEILINGS if c > max(run.costs))
    assert board.ax_cost.get_legend()._loc == 1  # upper right, away from the spikes at the left
    board.close()


def test_a_higher_ceiling_during_a_run_and_back_at_the_next(dashboard):
    dashboard.learning_rate.value = 10.0
    run = dashboard.wait()
    assert run.status == "done" and dashboard.ax_cost.get_ylim()[1] > max(run.costs) > 3
    assert dashboard.ax_cost.get_xlim() == (1, 300)
    np.testing.assert_array_equal(dashboard.cost_line.get_ydata(), run.costs)
    dashboard.learning_rate.value = 1.2
    run = dashboard.wait()
    assert dashboard.ax_cost.get_ylim() == (0, CEILINGS[0])
    dashboard.iterations.value = 500
    dashboard.wait()
    assert dashboard.ax_cost.get_xlim() == (1, 500)


def test_only_the_latest_backgrounds_are_kept():
    # one background per set of limits drawn (iterations, ceiling): a long session keeps a few (a
    # tiny figure of the dashboard's kind: each full draw takes a millisecond, not 0.3 s)
    live = training._LiveFigureKeepingSome(Figure(figsize=(1, 1), dpi=10))
    for key in range(BACKGROUNDS_KEPT + 4):
        live.update(full=True, key=("limits", key))
    assert list(live._backgrounds) == [("limits", key) for key in range(4, BACKGROUNDS_KEPT + 4)]


# ---------------------------------------------------------------- a burst of changes


def test_a_burst_of_changes_ends_showing_the_last_one(dashboard, monkeypatch):
    """n_h dragged through 20 values in about a second, then the data set and the activation
    switched back and forth: every run but the last ends (cancelled, or done before the next
    change), none fails, and once the last run has drawn, no other run draws again; the figure,
    its text alternative, the status line and the progress bar show the last run."""
    drawn = []  # the generation of the run each frame drew, in drawing order (under the lock)
    update = dashboard.live.update

    def logged_update(*args, **kwargs):
        drawn.append(dashboard._drawn[0].generation)
        return update(*args, **kwargs)

    monkeypatch.setattr(dashboard.live, "update", logged_update)
    burst = []  # the run each change started
    for n_h in range(1, 21):
        dashboard.n_h.value = n_h
        burst.append(dashboard.run)
        time.sleep(0.02)
    for control, value in [
        (dashboard.dataset, "moons"),
        (dashboard.dataset, "flower"),
        (dashboard.dataset, "moons"),
        (dashboard.activation, "relu"),
        (dashboard.activation, "tanh"),
        (dashboard.activation, "relu"),
    ]:
        control.value = value
        burst.append(dashboard.run)
    last = dashboard.wait()
    assert len({id(run) for run in burst}) == 26 and burst[-1] is last
    assert (last.n_h, last.dataset, last.activation, last.status) == (20, "moons", "relu", "done")
    assert all(run.status in ("cancelled", "done") for run in burst[:-1])
    assert not any(thread.is_alive() for thread in dashboard._threads)
    after = drawn[drawn.index(last.generation) :]
    assert set(after) == {last.generation} and len(after) >= 2  # iteration 0, ..., the end
    np.testing.assert_array_equal(dashboard.cost_line.get_ydata(), last.costs)
    assert dashboard.live.image.tooltip == dashboard.alt() and dashboard._drawn[0] is last
    assert "moons data, relu, 20 hidden units" in dashboard.alt()
    assert "After all 300 iterations" in dashboard.alt()
    assert dashboard.status.value.startswith(dashboard.describe_run(last))
    assert dashboard.progress.value == dashboard.progress.max == 300
    assert dashboard.progress.style.bar_color == BAR_COLORS["done"]


def test_a_run_superseded_before_it_starts_does_not_train(dashboard, monkeypatch):
    """A run whose thread starts after a newer change never trains (nor computes a baseline)."""
    calls = []
    monkeypatch.setattr(training, "nn_model", lambda *args, **kwargs: calls.append(args))
    stale = training.Run(0, "xor", "tanh", 4, 1.2, 300, changed_at=time.perf_counter())
    dashboard._train(stale)  # generation 0: older than the dashboard's
    assert stale.status == "cancelled" and calls == []


def test_a_dashboard_whose_first_run_stops_shows_that_run_at_its_start():
    """Built with a learning rate that overflows, nothing was drawn before the run stopped: the
    picture is the run's start (iteration 0, no cost yet), and its description says so."""
    dashboard = TrainingDashboard(activation="leaky_relu", learning_rate=10.0)
    assert dashboard.run.status == "stopped" and dashboard.run.iteration > 0
    assert dashboard.ax_boundary.get_title().startswith("flower: iteration 0,")
    assert dashboard.alt().startswith("At iteration 0 of 2000") and "no cost yet" in dashboard.alt()
    assert "stopped at iteration" in dashboard.describe()
    assert dashboard.fallback()["text/plain"].startswith(f"{dashboard.title}: At iteration 0")
    dashboard.close()
