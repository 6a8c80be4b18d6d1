"""Headless test of notebook 00's data set explorer: choosing a data set redraws its points, class 0
and class 1 apart."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import load_dataset
from helpers.widgets import DatasetExplorer


def test_choosing_a_dataset_redraws_its_points():
    explorer = DatasetExplorer()
    first_png = explorer.live.png
    assert first_png.startswith(b"\x89PNG")
    explorer.dropdown.value = "moons"
    X, Y = load_dataset("moons")
    for label, points in enumerate(explorer.points):  # class 0, then class 1
        np.testing.assert_array_equal(points.get_offsets(), X[:, Y[0] == label].T)
    assert explorer.ax.get_title() == "moons: X (2, 400), Y (1, 400)"
    assert explorer.live.png != first_png and explorer.live.image.value == explorer.live.png
    assert explorer.caption.value == "moons: m = 400 examples, 200 of class 1"


def test_static_fallback_has_the_picture_and_a_text():
    explorer = DatasetExplorer("xor")
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == "Data set explorer (interactive: run the notebook to use it)"
    fallback = explorer.fallback()
    assert 'src="data:image/png;base64,iVBOR' in fallback["text/html"]  # the PNG signature
    assert fallback["text/plain"].splitlines() == [
        "Data set explorer: Scatter plot of the xor data set (a square of four quadrants, class 1 "
        "in the two where x1 and x2 have the same sign): its 400 examples at (x1, x2), 185 of "
        "class 0 as orange circles and 215 of class 1 as dark blue triangles; x1 from -1.4 to "
        "1.4, x2 from -1.3 to 1.3.",
        "xor: m = 400 examples, 215 of class 1",
    ]


def test_a_dataset_shown_before_is_redrawn_from_its_cached_background():
    explorer = DatasetExplorer()
    flower_png = explorer.live.png
    explorer.dropdown.value = "circles"
    explorer.dropdown.value = "flower"
    assert explorer.live.png == flower_png  # same picture, now from the cached background
    assert set(explorer.live._backgrounds) == {"flower", "circles"}


def test_equal_axes_and_a_legend_off_the_points():
    """One unit is as long on both axes (a petal keeps its shape), and the legend sits right of
    the axes, where it can hide no point of any data set (it used to cover xor's upper right)."""
    explorer = DatasetExplorer()
    for name in ("flower", "moons", "circles", "xor"):
        explorer.dropdown.value = name
        figure, ax = explorer.live.figure, explorer.ax
        figure.canvas.draw()
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        box = ax.get_window_extent()
        assert box.width / (x1 - x0) == pytest.approx(box.height / (y1 - y0), rel=1e-6), name
        legend = ax.get_legend()
        assert legend.get_window_extent().x0 > box.x1, name
        assert all(text.get_fontsize() == 10 for text in legend.get_texts())
