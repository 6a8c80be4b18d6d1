"""Plots shared by the notebooks: data sets and decision boundaries in the course's colours.

Each function draws on a given ``Axes`` and returns the artists it made, so widgets can update them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap

CLASS_COLORS = ("#d7301f", "#2b6cb0")  # class 0 red, class 1 blue, as in the course's plots
CLASS_CMAP = ListedColormap(CLASS_COLORS)
REGION_CMAP = ListedColormap(["#f7c4bd", "#bcd3ee"])  # light versions for decision regions


def scatter_classes(ax: Axes, X: np.ndarray, Y: np.ndarray, size: float = 14):
    """Scatter the examples ``X (2, m)`` coloured by their label ``Y (1, m)``; returns the ``PathCollection``."""
    points = ax.scatter(
        X[0],
        X[1],
        c=Y[0],
        cmap=CLASS_CMAP,
        vmin=0,
        vmax=1,
        s=size,
        edgecolors="white",
        linewidths=0.3,
    )
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return points


def class_legend(ax: Axes, **kwargs):
    """A legend with one marker per class."""
    handles = [
        ax.scatter([], [], color=color, s=14, label=f"y = {label}")
        for label, color in enumerate(CLASS_COLORS)
    ]
    return ax.legend(handles=handles, **kwargs)


def grid_over(
    X: np.ndarray, n: int = 200, margin: float = 0.5
) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """A grid of ``n x n`` points covering ``X (2, m)`` plus ``margin``: ``(points (2, n*n), extent)``."""
    x_min, x_max = X[0].min() - margin, X[0].max() + margin
    y_min, y_max = X[1].min() - margin, X[1].max() + margin
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, n), np.linspace(y_min, y_max, n))
    return np.vstack([xx.ravel(), yy.ravel()]), (x_min, x_max, y_min, y_max)


def decision_regions(
    ax: Axes, predict_fn: Callable[[np.ndarray], np.ndarray], X: np.ndarray, n: int = 200
):
    """Shade where ``predict_fn(points (2, k)) -> (1, k)`` says class 0 or 1; returns the ``AxesImage``."""
    points, extent = grid_over(X, n)
    regions = np.asarray(predict_fn(points), dtype=float).reshape(n, n)
    image = ax.imshow(
        regions,
        origin="lower",
        extent=extent,
        cmap=REGION_CMAP,
        vmin=0,
        vmax=1,
        aspect="auto",
        interpolation="nearest",
    )
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    return image
