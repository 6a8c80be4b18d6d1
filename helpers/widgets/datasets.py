"""The data set explorer: pick one of the shipped data sets and see its examples, coloured by
label (class 0 orange circles, class 1 dark blue triangles)."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from ..data import dataset_names, load_dataset
from ..plots import class_legend, move_classes, scatter_classes
from .base import Explorer, LiveFigure, spoken

# How the two classes of each shipped data set lie, for the text alternative of its picture: what
# the notebook asks (could a straight line separate them?) needs it. tests/test_widget_datasets.py
# checks each sentence against the data.
LAYOUTS = {
    "flower": "eight petals meeting at the centre, four of each class: the two upper ones class 0, "
    "the two lower ones class 1 and one of each on either side",
    "moons": "two interleaved half moons, class 0 arching up on the left and class 1 curving down "
    "on the right, each reaching into the other's hollow",
    "circles": "one ring inside the other, class 1 the inner ring and class 0 the outer one",
    "xor": "a square whose opposite quadrants share a class, class 1 where x1 and x2 have the "
    "same sign (upper right and lower left), class 0 in the other two",
}


class DatasetExplorer(Explorer):
    """A dropdown of data sets and a scatter plot of ``X (2, m)`` coloured by ``Y (1, m)``."""

    def __init__(self, name: str = "flower"):
        self.datasets = {n: load_dataset(n) for n in dataset_names()}
        self._alts: dict[str, str] = {}  # data set -> the text alternative of its picture
        self.dropdown = widgets.Dropdown(
            options=list(self.datasets), value=name, description="data set"
        )
        figure = Figure(figsize=(5.6, 4.2), dpi=100)
        # a fixed layout (the backgrounds are cached), the legend right of the axes, off the points
        figure.subplots_adjust(left=0.11, right=0.78, bottom=0.12, top=0.92)
        self.ax = figure.add_subplot()
        X, Y = self.datasets[name]
        self.points = scatter_classes(self.ax, X, Y)
        class_legend(self.ax, loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=10)
        self.live = LiveFigure(figure, animated=self.points)
        self.caption = widgets.HTML()
        super().__init__(
            "Data set explorer",
            "pick each data set: could a straight line separate its two classes?",
            [self.dropdown],
            [self.live.image, self.caption],
            live_figure=self.live,
        )
        self.dropdown.observe(self._redraw, names="value")
        self._redraw()

    def _redraw(self, change=None) -> None:
        name = self.dropdown.value
        X, Y = self.datasets[name]
        move_classes(self.points, X, Y)
        self._equal_scale_limits(X, margin=0.3)
        self.ax.set_title(f"{name}: X {X.shape}, Y {Y.shape}")
        self.live.update(full=True, key=name)  # limits and title changed (drawn once per data set)
        self.caption.value = self.describe()

    def _equal_scale_limits(self, X: np.ndarray, margin: float) -> None:
        """Limits around ``X (2, m)`` (plus ``margin``) with one scale on both axes, so a petal
        keeps its shape; the axes box stays where it is (its background is cached)."""
        box, figure = self.ax.get_position(), self.live.figure
        width, height = box.width * figure.get_figwidth(), box.height * figure.get_figheight()
        low, high = X.min(axis=1) - margin, X.max(axis=1) + margin
        per_inch = max((high[0] - low[0]) / width, (high[1] - low[1]) / height)
        middle = (low + high) / 2
        self.ax.set_xlim(middle[0] - per_inch * width / 2, middle[0] + per_inch * width / 2)
        self.ax.set_ylim(middle[1] - per_inch * height / 2, middle[1] + per_inch * height / 2)

    def describe(self) -> str:
        X, Y = self.datasets[self.dropdown.value]
        return f"{self.dropdown.value}: m = {X.shape[1]} examples, {int(np.sum(Y))} of class 1"

    def alt(self) -> str:
        name = self.dropdown.value
        if name not in self._alts:  # once per data set
            X, Y = self.datasets[name]
            ones = int(np.sum(Y))
            layout = f": {LAYOUTS[name]}" if name in LAYOUTS else ""
            (x1_low, x2_low), (x1_high, x2_high) = X.min(axis=1), X.max(axis=1)
            self._alts[name] = (
                f"The {name} data set{layout}. Its {X.shape[1]} examples, x1 from "
                f"{spoken(x1_low, 1)} to {spoken(x1_high, 1)} and x2 from {spoken(x2_low, 1)} to "
                f"{spoken(x2_high, 1)}: {X.shape[1] - ones} of class 0 as orange circles, {ones} "
                "of class 1 as dark blue triangles."
            )
        return self._alts[name]
