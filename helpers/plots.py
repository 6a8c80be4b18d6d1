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
    """Scatter the examples ``X (2, m)`` coloured by their label ``Y (1, m)``; returns the
    ``PathCollection``."""
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
    """A grid of ``n x n`` points covering ``X (2, m)`` plus ``margin``:
    ``(points (2, n*n), extent)``."""
    x_min, x_max = X[0].min() - margin, X[0].max() + margin
    y_min, y_max = X[1].min() - margin, X[1].max() + margin
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, n), np.linspace(y_min, y_max, n))
    return np.vstack([xx.ravel(), yy.ravel()]), (x_min, x_max, y_min, y_max)


def decision_regions(
    ax: Axes, predict_fn: Callable[[np.ndarray], np.ndarray], X: np.ndarray, n: int = 200
):
    """Shade where ``predict_fn(points (2, k)) -> (1, k)`` says class 0 or 1; returns the
    ``AxesImage``."""
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


def draw_line(ax: Axes, w: np.ndarray, b: float, **kwargs):
    """Draw the straight line ``w . x + b = 0`` (``w`` of shape ``(2, 1)`` or ``(2,)``) across
    ``ax``'s current limits, which it keeps; returns the ``Line2D``."""
    w = np.ravel(w)
    x_lim, y_lim = ax.get_xlim(), ax.get_ylim()
    if abs(w[1]) >= abs(w[0]):  # nearer horizontal: x2 as a function of x1
        x1 = np.array(x_lim)
        x2 = -(w[0] * x1 + b) / w[1]
    else:
        x2 = np.array(y_lim)
        x1 = -(w[1] * x2 + b) / w[0]
    (line,) = ax.plot(x1, x2, **kwargs)
    ax.set_xlim(x_lim)
    ax.set_ylim(y_lim)
    return line
