"""The training dashboard of notebook 07: change a setting and watch the network retrain, live.

Controls: hidden activation, ``n_h``, learning rate (a slider over ``LEARNING_RATES``, so that the
course's 1.2 can always be found again), number of iterations, data set. Every change starts a new
*run* of :func:`helpers.nn_model`:

* at once, in the kernel's thread, the dashboard says "training" and resets its progress bar
  (visible within a millisecond), then draws the untrained network's boundary and clears the cost
  curve (about 20 ms: only the changing artists are redrawn);
* the static parts fit the run: the boundary panel's limits and tick labels fit the data set; the
  cost panel's iterations go on a log scale from 1 to the run's last, its cost on a linear scale
  from 0 to a *ceiling*, the first of ``CEILINGS`` above every cost so far (0.8 holds every run
  that starts at log 2 and goes down; at a large learning rate the ceiling rises, so the spikes
  show). New static parts (another data set, number of iterations or ceiling) cost one full
  redraw, a few times the 20 ms; its background is kept (the ``BACKGROUNDS_KEPT`` latest), so
  what was seen before costs the fast redraw again;
* the training itself runs in a background thread (Python switches threads every few milliseconds
  and NumPy releases the GIL in its longer loops, so the kernel keeps answering); its callback
  redraws the boundary (on a coarse ``GRID x GRID`` grid) and the cost curve at most every
  ``frame_interval`` seconds, and never more than ``DRAWING_SHARE`` of the time: after a frame
  that took ``d`` seconds the next waits ``max(frame_interval, d (1 - share) / share)``. The frames
  are drawn in the training thread, so without that bound a slow machine (a frame of 100 ms or
  more) drew at every callback, and the drawing, not the training, set the pace (10 to 35 s per
  run instead of about 1 s);
* each run carries a *generation* number; a change bumps the dashboard's generation, and the stale
  run's callback sees it and returns ``False``, which stops ``nn_model`` within ``CALLBACK_EVERY``
  iterations (a stale run that has not started training yet does not start). Drawing happens under
  a lock and only for the current generation, so a stale run never draws over a new one; the
  status line and the progress bar change under a second lock, with the generation, so a stale
  run never writes its status after a new run's. A burst of changes (a slider dragged through
  twenty values) thus ends showing the last one: each change draws its iteration 0 at once, and
  every run but the last stops at its next callback without drawing again.

The dashboard's first run is done synchronously when it is built (nobody sees it train, so it draws
only its start and its end), so what it shows (:meth:`TrainingDashboard.describe`, and the picture's
text alternative :meth:`TrainingDashboard.alt`) is deterministic. Logistic regression's baseline on
each data set is computed once per process (:func:`logistic_baseline`). Tests call
:meth:`TrainingDashboard.wait` and read :attr:`TrainingDashboard.runs`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, replace
from functools import partial

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..activations import ACTIVATIONS
from ..data import dataset_names, load_dataset
from ..logistic import logistic_regression, predict_logistic
from ..network import (
    Parameters,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    nn_model,
    predict,
)
from ..palette import COLORS, line_style
from ..plots import (
    FIGURE_DPI,
    class_legend,
    decision_regions,
    grid_over,
    move_classes,
    scatter_classes,
)
from .base import Explorer, LiveFigure, spoken

GRID = 100  # the boundary is drawn on GRID x GRID points: ~1 ms per redraw
# iterations between two looks at the generation: a stale run stops within ~1 ms
CALLBACK_EVERY = 10
MAX_ITERATIONS = 20000
# the cost axis goes from 0 to the first of these above every cost so far (log 2 = 0.69 at the
# start; the cost is at most -log(1e-15) = 34.5, compute_cost's clip)
CEILINGS = (0.8, 2.0, 5.0, 10.0, 20.0, 40.0)
BACKGROUNDS_KEPT = 16  # figure backgrounds kept, one per (data set, iterations, ceiling) drawn
DRAWING_SHARE = 1 / 3  # of a run's time, at most, goes into drawing its frames
# the learning rate slider's stops: the course's 1.2, and enough between 1.2 and 10 to find where
# the cost starts to jump
LEARNING_RATES = (
    0.001,
    0.003,
    0.01,
    0.03,
    0.1,
    0.3,
    0.5,
    0.8,
    1.2,
    2.0,
    3.0,
    4.0,
    5.0,
    6.0,
    8.0,
    10.0,
)
DPI = FIGURE_DPI  # the live picture is also the static fallback's
FIGSIZE = (9.6, 4.5)  # inches
FONT = {"title": 13, "label": 12, "ticks": 11, "legend": 10.5}  # points
# the text alternative's words for the cost curve (see cost_course): a rise larger than JUMP
# between two points is a jump; the curve falls fastest where its slope on the log axis is at
# least STEEP times its steepest, measured on LOG_POINTS points; a fall of less than FLAT there is
# not worth a word
JUMP, STEEP, LOG_POINTS, FLAT = 0.01, 0.25, 100, 0.01
RUNS_KEPT = 20  # the latest runs stay in ``runs`` (each holds up to MAX_ITERATIONS costs)
# the progress bar's colour for each status of the run it shows (the status line says it in words)
BAR_COLORS = {
    "training": COLORS["blue"],
    "done": COLORS["dark blue"],
    "stopped": COLORS["red"],
    "failed": COLORS["red"],
    "cancelled": "#999999",
}
FAILED_COLOR, TIME_COLOR = COLORS["red"], "#666666"  # the status line's "training failed", its time
_BASELINES: dict[str, tuple[float, float]] = {}  # see logistic_baseline
_BASELINES_LOCK = threading.Lock()


def logistic_baseline(name: str) -> tuple[float, float]:
    """Logistic regression's final cost and training accuracy on the shipped data set ``name``.

    Computed once per process and data set (0.2-0.4 s each; the data sets are files checked
    against their SHA-256), under a lock, so that runs started together do not compute it twice.
    """
    with _BASELINES_LOCK:
        if name not in _BASELINES:
            X, Y = load_dataset(name)
            model, costs = logistic_regression(X, Y)
            _BASELINES[name] = (costs[-1], float(np.mean(predict_logistic(model, X) == Y)))
        return _BASELINES[name]


class _LiveFigureKeepingSome(LiveFigure):
    """A :class:`LiveFigure` that keeps only the ``BACKGROUNDS_KEPT`` latest backgrounds."""

    def update(self, full: bool = False, key=None) -> bytes:
        png = super().update(full, key)
        while len(self._backgrounds) > BACKGROUNDS_KEPT:
            self._backgrounds.pop(next(iter(self._backgrounds)))
        return png


def _finite(cost: float, parameters: Parameters) -> bool:
    """Whether training can go on: the cost and every parameter are finite numbers."""
    return bool(np.isfinite(cost)) and all(
        np.isfinite(value).all() for value in parameters.values()
    )


@dataclass
class Run:
    """One training run: its settings, what it drew, and how it ended.

    ``status`` is ``"training"``, then ``"done"``, ``"cancelled"`` (a newer change superseded it),
    ``"stopped"`` (the cost stopped being a finite number) or ``"failed"`` (``error`` says why).
    ``costs[k]`` is the cost computed in iteration ``iterations[k] + 1``, before its update (as in
    :func:`helpers.nn_model`, whose ``costs[t]`` is the cost after ``t`` updates): the callback's
    samples while training, every iteration once done. Times are ``time.perf_counter()`` values.
    """

    generation: int
    dataset: str
    activation: str
    n_h: int
    learning_rate: float
    num_iterations: int
    changed_at: float
    status: str = "training"
    iteration: int = 0
    iterations: list[int] = field(default_factory=list)
    costs: list[float] = field(default_factory=list)
    accuracy: float | None = None
    baseline: float | None = None  # logistic regression's accuracy on the same data
    redraws: int = 0
    first_update_at: float | None = None  # the status and progress bar were reset
    first_draw_at: float | None = None  # the figure was first redrawn (iteration 0 when live)
    finished_at: float | None = None
    error: str | None = None
    live: bool = True  # drawn while it trains (the first run, done before it is shown, is not)
    next_frame_at: float = 0.0  # no frame before this time (see DRAWING_SHARE)
    final_cost: float | None = None  # the cost after the last update (costs[-1] is before it)

    def settings(self) -> str:
        return (
            f"{self.dataset}, {self.activation}, n_h = {self.n_h}, "
            f"learning rate {self.learning_rate:.3g}, {self.num_iterations} iterations"
        )


class TrainingDashboard(Explorer):
    """Retrain the two-layer network whenever a control changes; draw its decision boundary and cost
    curve live."""

    def __init__(
        self,
        dataset: str = "flower",
        activation: str = "tanh",
        n_h: int = 4,
        learning_rate: float = 1.2,
        num_iterations: int = 2000,
        frame_interval: float = 0.1,
        seed: int = 2,
    ):
        self.frame_interval = frame_interval
        self.seed = seed
        self.datasets = {name: load_dataset(name) for name in dataset_names()}
        self.grids = {name: grid_over(X, GRID) for name, (X, _) in self.datasets.items()}
        self._lock = threading.Lock()  # held while drawing
        self._status_lock = threading.Lock()  # held while changing the generation or the status
        self._generation = 0
        # the run drawn last, its accuracy and the cost panel's limits
        # what the picture shows: (run, accuracy, iteration, number of costs drawn)
        self._drawn: tuple[Run, float, int, int] | None = None
        self._threads: list[threading.Thread] = []
        self._shown_dataset = dataset
        self.runs: list[Run] = []
        self._alt: tuple[tuple | None, str] = (None, "")  # (the frame it is of, alt())

        style, narrow = {"description_width": "initial"}, widgets.Layout(width="230px")
        self.activation = widgets.Dropdown(
            options=list(ACTIVATIONS), value=activation, description="activation", layout=narrow
        )
        self.n_h = widgets.IntSlider(
            value=n_h,
            min=1,
            max=50,
            description="n_h",
            continuous_update=False,
            style=style,
            layout=narrow,
        )
        wide = widgets.Layout(width="300px")
        self.learning_rate = widgets.SelectionSlider(
            options=[(f"{rate:g}", rate) for rate in sorted({*LEARNING_RATES, learning_rate})],
            value=float(learning_rate),
            description="learning rate",
            continuous_update=False,
            style=style,
            layout=wide,
        )
        self.iterations = widgets.IntSlider(
            value=num_iterations,
            min=100,
            max=MAX_ITERATIONS,
            step=100,
            description="iterations",
            continuous_update=False,
            style=style,
            layout=wide,
        )
        self.dataset = widgets.Dropdown(
            options=list(self.datasets), value=dataset, description="data set", layout=narrow
        )
        controls = widgets.VBox(
            [
                widgets.HBox([self.dataset, self.activation, self.n_h]),
                widgets.HBox([self.learning_rate, self.iterations]),
            ]
        )
        # the bar spans the figure's width, and "done of all" beside it says how full it is
        self.progress = widgets.IntProgress(
            min=0,
            max=num_iterations,
            description="iteration",
            layout=widgets.Layout(flex="1 1 auto", width="auto"),
        )
        self.counter = widgets.HTML(layout=widgets.Layout(width="120px"))
        progress_row = widgets.HBox(
            [self.progress, self.counter],
            layout=widgets.Layout(width=f"{round(9.6 * DPI)}px", max_width="100%"),
        )
        self.status = widgets.HTML()
        self._build_figure(dataset)
        super().__init__(
            "Training dashboard",
            "change a setting and watch the boundary form; try the settings you predicted "
            "(xor with relu and n_h = 1, learning rate 10), then your own",
            [controls],
            [self.live.image, progress_row, self.status],
            live_figure=self.live,
        )
        for control in (
            self.activation,
            self.n_h,
            self.learning_rate,
            self.iterations,
            self.dataset,
        ):
            control.observe(self._on_change, names="value")
        self._restart(background=False)

    # ------------------------------------------------------------ figure

    def _build_figure(self, dataset: str) -> None:
        # fixed margins (the backgrounds are cached); the bottom one holds the class legend
        figure = Figure(figsize=FIGSIZE, dpi=DPI)
        self.ax_boundary, self.ax_cost = figure.subplots(1, 2, width_ratios=(1, 1.25))
        figure.subplots_adjust(left=0.08, right=0.985, bottom=0.21, top=0.925, wspace=0.22)
        X, Y = self.datasets[dataset]
        self.regions = decision_regions(
            self.ax_boundary, lambda points: np.zeros((1, points.shape[1])), X, n=GRID
        )
        self.points = scatter_classes(self.ax_boundary, X, Y, size=16)
        self.ax_boundary.set_title(" ")
        self.ax_boundary.tick_params(labelsize=FONT["ticks"])
        # under the axes, below the x label: inside, it hid a corner of the regions and some
        # examples of the flower and of xor
        class_legend(
            self.ax_boundary,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.15),
            ncol=2,
            frameon=False,
            fontsize=FONT["legend"],
        )
        (self.cost_line,) = self.ax_cost.plot(
            [], [], **line_style(0), lw=1.6, label="two-layer network"
        )
        self.baseline_line = self.ax_cost.axhline(
            np.nan, color="0.4", ls="--", lw=1.2, label="logistic regression, final cost"
        )
        self.ax_cost.set_xscale("log")
        self.ax_cost.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
        self.ax_cost.set_xlabel("iteration (log scale)", fontsize=FONT["label"])
        self.ax_cost.set_ylabel("cost J", fontsize=FONT["label"])
        self.ax_cost.set_title("Cost during training", fontsize=FONT["title"])
        self.ax_cost.tick_params(labelsize=FONT["ticks"])
        self.ax_boundary.xaxis.label.set_fontsize(FONT["label"])
        self.ax_boundary.yaxis.label.set_fontsize(FONT["label"])
        self.cost_legend = self.ax_cost.legend(fontsize=FONT["legend"])
        self.ax_cost.grid(True, which="major", alpha=0.3)
        self.limits = self._limits_for(self.iterations.value, [])
        self._set_limits(self.limits)
        self.static = (dataset, *self.limits)  # what the figure's background shows
        # drawn in this order
        self.live = _LiveFigureKeepingSome(
            figure,
            animated=[
                self.regions,
                *self.points,
                self.ax_boundary.title,
                self.cost_line,
                self.baseline_line,
            ],
        )
        self.live.canvas.draw()  # the static parts, the legend among them
        self.live.keep_background(self.static)  # that draw is the first frames' background too

    @staticmethod
    def _limits_for(num_iterations: int, costs: list[float]) -> tuple[int, float]:
        """``(last iteration, ceiling)`` of the cost panel for a run with these costs so far."""
        finite = [cost for cost in costs if np.isfinite(cost)]
        highest = max(finite, default=np.log(2))
        ceiling = next((c for c in CEILINGS if highest <= 0.97 * c), CEILINGS[-1])
        return num_iterations, ceiling

    def _set_limits(self, limits: tuple[int, float]) -> None:
        """Set the cost panel's limits; its legend goes where the curve is not: below a curve
        that starts at the top, above one that spikes from the bottom of a taller panel."""
        self.ax_cost.set_xlim(1, max(limits[0], 2))
        self.ax_cost.set_ylim(0, limits[1])
        self.cost_legend.set_loc("lower left" if limits[1] == CEILINGS[0] else "upper right")

    def _show_dataset(self, name: str) -> None:
        self._shown_dataset = name
        X, Y = self.datasets[name]
        extent = self.grids[name][1]
        move_classes(self.points, X, Y)
        self.regions.set_extent(extent)
        self.ax_boundary.set_xlim(extent[0], extent[1])
        self.ax_boundary.set_ylim(extent[2], extent[3])

    def _show_status(self, run: Run) -> None:
        """Show ``run``: the progress bar (out of its iterations), its counter, the status line."""
        self.progress.max = run.num_iterations
        self.progress.value = run.iteration
        self.progress.style.bar_color = BAR_COLORS[run.status]
        self.counter.value = f"&nbsp;{self.progress.value} / {self.progress.max}"
        self.status.value = self._status_html(run)

    def _redraw(self, run: Run, parameters: Parameters) -> bool:
        """Draw ``parameters``' boundary, the cost so far and the status, unless ``run`` is stale
        (then ``False``).

        The predictions are computed first, without the lock; only the drawing holds it. Sets
        the run's next frame time (see ``DRAWING_SHARE``).
        """
        started = time.perf_counter()
        points, _ = self.grids[run.dataset]
        X, Y = self.datasets[run.dataset]
        regions = predict(parameters, points, run.activation).reshape(GRID, GRID).astype(float)
        accuracy = np.mean(predict(parameters, X, run.activation) == Y)
        with self._lock:
            if self._is_stale(run):
                return False
            if self._shown_dataset != run.dataset:
                self._show_dataset(run.dataset)
            self.regions.set_data(regions)
            # costs[k] is the cost computed in iteration iterations[k] + 1
            self.cost_line.set_data(np.add(run.iterations, 1), run.costs)
            self.baseline_line.set_ydata([_BASELINES.get(run.dataset, (np.nan,))[0]] * 2)
            self.ax_boundary.set_title(
                f"{run.dataset}: iteration {run.iteration}, accuracy {accuracy:.1%}",
                fontsize=FONT["title"],
            )
            limits = self._limits_for(run.num_iterations, run.costs)
            if limits != self.limits:
                self._set_limits(limits)
            static = (run.dataset, *limits)
            self._drawn = (run, float(accuracy), run.iteration, len(run.costs))
            self.live.update(full=static != self.static, key=static)
            self.limits, self.static = limits, static
            run.redraws += 1
            ended = time.perf_counter()
            wait = (ended - started) * (1 - DRAWING_SHARE) / DRAWING_SHARE
            run.next_frame_at = ended + max(self.frame_interval, wait)
            if run.first_draw_at is None:
                run.first_draw_at = time.perf_counter()
            self._show_status_if_current(run)  # a change may have come in while drawing
        return True

    def _show_status_if_current(self, run: Run) -> None:
        """Show ``run``'s status, unless a newer run has started."""
        with self._status_lock:
            if run.generation == self._generation:
                self._show_status(run)

    def _status_html(self, run: Run) -> str:
        if run.status == "training":
            cost = f", cost {run.costs[-1]:.4f}" if run.costs else ""
            return (
                f"<i>training&hellip;</i> iteration {run.iteration} of {run.num_iterations}{cost}"
            )
        if run.status == "failed":
            return f"<b style='color:{FAILED_COLOR}'>training failed:</b> {run.error}"
        seconds = run.finished_at - run.changed_at
        time_taken = f"<span style='color:{TIME_COLOR}'>({seconds:.2f} s)</span>"
        return f"{self.describe_run(run)} &nbsp;{time_taken}"

    # ------------------------------------------------------------ runs

    @property
    def run(self) -> Run:
        """The current (latest) run."""
        return self.runs[-1]

    def _on_change(self, change) -> None:
        self._restart(background=True)

    def _restart(self, background: bool) -> None:
        run = Run(
            0,
            self.dataset.value,
            self.activation.value,
            self.n_h.value,
            self.learning_rate.value,
            self.iterations.value,
            changed_at=time.perf_counter(),
            live=background,
        )
        # a running training sees it at its next callback and stops, without drawing
        with self._status_lock:
            self._generation += 1
            run.generation = self._generation
            self.runs = [*self.runs[1 - RUNS_KEPT :], run]
            self._show_status(run)  # "training...", the progress bar back to 0: visible at once
        run.first_update_at = time.perf_counter()
        if background:  # the figure at iteration 0 (a dashboard being built shows only its end)
            self._redraw(run, initialize_parameters(2, run.n_h, 1, seed=self.seed))
            thread = threading.Thread(target=self._train, args=(run,), daemon=True)
            self._threads = [*(t for t in self._threads if t.is_alive()), thread]
            thread.start()
        else:
            self._train(run)
            if self._drawn is None:  # it stopped or failed before drawing: show its start
                start = replace(run, iteration=0, iterations=[], costs=[])
                self._redraw(start, initialize_parameters(2, run.n_h, 1, seed=self.seed))

    def _is_stale(self, run: Run) -> bool:
        if run.generation != self._generation:
            run.status = "cancelled"
            run.finished_at = time.perf_counter()
            return True
        return False

    def _progress(self, run: Run, iteration: int, parameters: Parameters, cost: float) -> bool:
        """``nn_model``'s callback: record the cost, redraw now and then; ``False`` stops a stale or
        broken run."""
        run.iteration = iteration
        run.iterations.append(iteration - 1)  # ``cost`` was computed before this update
        run.costs.append(cost)
        if run.generation != self._generation or not _finite(cost, parameters):
            return False
        if not run.live or time.perf_counter() < run.next_frame_at:
            return True  # not time for a new frame yet
        return self._redraw(run, parameters)

    def _train(self, run: Run) -> None:
        X, Y = self.datasets[run.dataset]
        if self._is_stale(run):  # superseded before it started (a burst of changes)
            return
        try:
            _, run.baseline = logistic_baseline(run.dataset)
            if self._is_stale(run):
                return
            # a huge learning rate may overflow
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                parameters, costs = nn_model(
                    X,
                    Y,
                    run.n_h,
                    run.num_iterations,
                    run.learning_rate,
                    run.activation,
                    seed=self.seed,
                    callback=partial(self._progress, run),
                    callback_every=CALLBACK_EVERY,
                )
            if self._is_stale(run):
                return
            finite = _finite(costs[-1], parameters)
            accuracy = None
            if finite:
                run.final_cost = compute_cost(
                    forward_propagation(X, parameters, run.activation)[0], Y
                )
                accuracy = float(np.mean(predict(parameters, X, run.activation) == Y))
        except Exception as error:  # shown in the dashboard: a thread has nowhere else to report it
            with self._lock:
                run.status, run.error = "failed", f"{type(error).__name__}: {error}"
                run.finished_at = time.perf_counter()
                self._show_status_if_current(run)
            return
        if not finite:  # keep the last finite picture; say why it stopped
            with self._lock:
                if not self._is_stale(run):
                    run.status, run.finished_at = "stopped", time.perf_counter()
                    self._show_status_if_current(run)
            return
        run.iterations, run.costs = list(range(len(costs))), costs
        run.iteration, run.accuracy, run.status = len(costs), accuracy, "done"
        run.finished_at = time.perf_counter()
        self._redraw(run, parameters)

    def wait(self, timeout: float = 60.0) -> Run:
        """Wait until every started run has ended (or ``timeout`` seconds); return the current
        run."""
        deadline = time.perf_counter() + timeout
        for thread in list(self._threads):
            thread.join(max(0.0, deadline - time.perf_counter()))
        return self.run

    def close(self) -> None:
        """Stop any running training (its next callback sees a newer generation) and close the
        widgets."""
        with self._lock, self._status_lock:
            self._generation += 1
        super().close()

    # ------------------------------------------------------------ text

    def describe_run(self, run: Run) -> str:
        """One line about ``run``: its settings and, once done, its cost and accuracy."""
        if run.status == "done":
            return (
                f"{run.settings()}: cost {run.costs[0]:.3f} -> {run.final_cost:.3f}, "
                f"accuracy {run.accuracy:.1%} (logistic regression {run.baseline:.1%})"
            )
        if run.status == "stopped":
            return (
                f"{run.settings()}: stopped at iteration {run.iteration}, "
                "the cost is no longer finite (learning rate too large)"
            )
        return f"{run.settings()}: {run.status}"

    def describe(self) -> str:
        return self.describe_run(self.run)

    def alt(self) -> str:
        """What the figure shows: the run drawn last (the current one, but for a moment after a
        change); made once per frame (``self._alt``)."""
        run, accuracy, iteration, drawn = self._drawn
        key = (run.generation, run.status, iteration, drawn, accuracy)
        if self._alt[0] != key:
            self._alt = (key, self._alt_of(run, accuracy, iteration, drawn))
        return self._alt[1]

    def _alt_of(self, run: Run, accuracy: float, iteration: int, drawn: int) -> str:
        """The text alternative of the picture drawn at ``iteration`` with ``drawn`` costs."""
        X, _ = self.datasets[run.dataset]
        when = (
            f"After all {run.num_iterations} iterations"
            if run.status == "done" and iteration == run.num_iterations
            else f"At iteration {iteration} of {run.num_iterations}"
        )
        units = f"{run.n_h} hidden unit{'s' if run.n_h > 1 else ''}"
        settings = (
            f"{run.dataset} data, {run.activation.replace('_', ' ')}, {units}, learning rate "
            f"{run.learning_rate:g}"
        )
        # a training thread may be appending to both lists: the first n of each belong together,
        # and the picture shows the first `drawn`
        iterations, costs = list(run.iterations), list(run.costs)
        n = min(len(iterations), len(costs), drawn)
        iterations, costs = np.add(iterations[:n], 1), costs[:n]
        baseline = _BASELINES.get(run.dataset)
        dashed = (
            f"; dashed, logistic regression's final cost, {spoken(baseline[0], 3)}"
            if baseline is not None
            else ""
        )
        return (
            f"{when} ({settings}), the network's decision regions (left) classify "
            f"{accuracy:.1%} of the {X.shape[1]} examples right. "
            f"Right, {cost_course(iterations, costs)}{dashed}."
        )


def cost_course(iterations: np.ndarray, costs: list[float]) -> str:
    """The course of the cost curve in words: its value at the log axis' powers of 10 and at its
    last iteration, then where it falls fastest on that axis (the steepest stretch of the curve
    as drawn), or how high it jumps if it rises again. ``costs[k]`` is drawn at
    ``iterations[k]``."""
    iterations, costs = np.asarray(iterations), np.asarray(costs, dtype=float)
    finite = np.isfinite(costs)
    iterations, costs = iterations[finite], costs[finite]
    if len(costs) == 0:
        return "no cost yet"
    marks = [10**p for p in range(int(np.log10(iterations[-1])) + 1) if 10**p < iterations[-1]]
    at = [int(np.searchsorted(iterations, mark)) for mark in marks if mark >= iterations[0]]
    at = sorted({*at, len(costs) - 1})
    values = [f"{spoken(costs[k], 3)} at {iterations[k]}" for k in at]
    course = "the cost over a log scale of iterations: " + (
        ", ".join(values[:-1]) + " and " + values[-1] if len(values) > 1 else values[0]
    )
    if len(costs) < 2:
        return course
    rises = np.diff(costs)
    if rises.max() > JUMP:
        highest = int(np.argmax(costs))
        return (
            f"{course}, jumping up and down, as high as {spoken(costs[highest], 2)} at "
            f"{iterations[highest]}"
        )
    # the steepest stretch as drawn: on LOG_POINTS points evenly spaced on the log axis (the
    # curve is some 500 pixels wide), so that a wiggle between neighbouring iterations at the
    # far end (10 000 of them in the last decade) does not count as steep
    marks = np.geomspace(iterations[0], iterations[-1], LOG_POINTS)
    seen = np.unique(np.minimum(np.searchsorted(iterations, marks), len(costs) - 1))
    if len(seen) < 2:
        return course
    drawn_at, drawn = iterations[seen], costs[seen]
    steepness = -np.diff(drawn) / np.diff(np.log(drawn_at))
    steep = steepness >= STEEP * steepness.max()
    start = end = int(np.argmax(steepness))  # the steep points around the steepest
    while start > 0 and steep[start - 1]:
        start -= 1
    while end < len(steep) and steep[end]:
        end += 1
    if steepness.max() <= 0 or drawn[start] - drawn[end] < FLAT:
        return course  # its values say it all: a fall too small to see
    return (
        f"{course}, falling fastest from iteration {drawn_at[start]} to {drawn_at[end]} "
        f"({spoken(drawn[start], 2)} to {spoken(drawn[end], 2)})"
    )
