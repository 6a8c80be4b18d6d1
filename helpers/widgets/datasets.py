"""The data set explorer: pick one of the shipped data sets and see its examples, coloured by
label."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from ..data import dataset_names, load_dataset
from ..plots import class_legend, scatter_classes
from .base import Explorer, LiveFigure


class DatasetExplorer(Explorer):
    """A dropdown of data sets and a scatter plot of ``X (2, m)`` coloured by ``Y (1, m)``."""

    def __init__(self, name: str = "flower"):
        self.datasets = {n: load_dataset(n) for n in dataset_names()}
        self.dropdown = widgets.Dropdown(
            options=list(self.datasets), value=name, description="data set"
        )
        figure = Figure(figsize=(4.8, 4.0), dpi=80)
        figure.subplots_adjust(
            left=0.13, right=0.97, bottom=0.12, top=0.92
        )  # fixed: backgrounds are cached
        self.ax = figure.add_subplot()
        X, Y = self.datasets[name]
        self.points = scatter_classes(self.ax, X, Y)
        class_legend(self.ax, loc="upper right", fontsize=8)
        self.live = LiveFigure(figure, animated=[self.points])
        self.caption = widgets.HTML()
        super().__init__(
            "Data set explorer",
            "pick a data set: which ones could a straight line separate?",
            [self.dropdown],
            [self.live.image, self.caption],
            live_figure=self.live,
        )
        self.dropdown.observe(self._redraw, names="value")
        self._redraw()

    def _redraw(self, change=None) -> None:
        name = self.dropdown.value
        X, Y = self.datasets[name]
        self.points.set_offsets(X.T)
        self.points.set_array(Y[0].astype(float))
        margin = 0.3
        self.ax.set_xlim(X[0].min() - margin, X[0].max() + margin)
        self.ax.set_ylim(X[1].min() - margin, X[1].max() + margin)
        self.ax.set_title(f"{name}: X {X.shape}, Y {Y.shape}")
        self.live.update(full=True, key=name)  # limits and title changed (drawn once per data set)
        self.caption.value = self.describe()

    def describe(self) -> str:
        X, Y = self.datasets[self.dropdown.value]
        return f"{self.dropdown.value}: m = {X.shape[1]} examples, {int(np.sum(Y))} of class 1"
