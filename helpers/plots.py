"""Plots shared by the notebooks: data sets and decision boundaries in the course's colours, and
:func:`show`, which puts a figure in the notebook with a text description of what it shows.

Each drawing function draws on a given ``Axes`` and returns the artists it made, so widgets can
update them. Colours, markers and line styles come from :mod:`helpers.palette`.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from .palette import CLASS_COLORS, CLASS_MARKERS, REGION_COLORS

REGION_CMAP = ListedColormap(REGION_COLORS)  # light tints of the class colours, for regions
FIGURE_DPI = 100  # the resolution of every figure the notebooks store
# Edges of the class markers: a dark rim lifts the light orange circles off white and off the light
# regions (orange alone has 1.3-1.9:1 contrast there); the dark blue triangles need only a thin one.
CLASS_EDGES = (("0.2", 0.6), ("white", 0.4))


def png_html(png: bytes, alt: str) -> str:
    """The PNG image ``png`` as an HTML ``<img>`` whose ``alt`` text is ``alt``."""
    if not alt.strip():
        raise ValueError("alt must describe what the figure shows; it is empty")
    encoded = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(alt)}">'


def figure_html(fig: Figure, alt: str, dpi: int = FIGURE_DPI) -> str:
    """``fig`` as an HTML ``<img>`` (an inline PNG) whose ``alt`` text is ``alt``."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return png_html(buffer.getvalue(), alt)


def show(fig: Figure, alt: str) -> None:
    """Show ``fig`` in the notebook with ``alt``, a short description of what it shows, and close
    it.

    The output is an HTML image whose alt text screen readers and the course's website read, and
    the description as plain text for viewers that show no images.
    """
    display({"text/html": figure_html(fig, alt), "text/plain": alt}, raw=True)
    plt.close(fig)


def scatter_classes(
    ax: Axes, X: np.ndarray, Y: np.ndarray, size: float = 24
) -> tuple[PathCollection, PathCollection]:
    """Scatter the examples ``X (2, m)`` by their label ``Y (1, m)``: class 0 as orange circles,
    class 1 as dark blue triangles (``size`` in points squared). Returns the two ``PathCollection``
    objects (class 0, class 1); :func:`move_classes` gives them new data."""
    points = tuple(
        ax.scatter([], [], s=size, label=f"y = {label}", **class_style(label))
        for label in range(len(CLASS_COLORS))
    )
    move_classes(points, X, Y)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.autoscale_view()
    return points


def move_classes(points: tuple[PathCollection, PathCollection], X: np.ndarray, Y: np.ndarray):
    """Give the two collections of :func:`scatter_classes` the examples ``X (2, m)`` with labels
    ``Y (1, m)``."""
    labels = np.asarray(Y).ravel()
    for label, collection in enumerate(points):
        collection.set_offsets(np.asarray(X)[:, labels == label].T)
    points[0].axes.update_datalim(np.asarray(X).T)


def class_style(label: int) -> dict:
    """How the examples of class ``label`` are drawn: colour, marker and rim (``ax.scatter``'s
    keywords)."""
    edge, width = CLASS_EDGES[label]
    return {
        "color": CLASS_COLORS[label],
        "marker": CLASS_MARKERS[label],
        "edgecolors": edge,
        "linewidths": width,
    }


def class_legend(ax: Axes, **kwargs):
    """A legend with one marker per class."""
    handles = [
        ax.scatter([], [], s=40, label=f"y = {label}", **class_style(label))
        for label in range(len(CLASS_COLORS))
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
