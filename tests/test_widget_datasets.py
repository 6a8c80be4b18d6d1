"""Headless test of notebook 00's data set explorer: choosing a data set redraws its points, class 0
and class 1 apart."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import load_dataset
from helpers.widgets import DatasetExplorer
from helpers.widgets.base import spoken
from helpers.widgets.datasets import LAYOUTS


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
        "Data set explorer: The xor data set: a square whose opposite quadrants share a class, "
        "class 1 where x1 and x2 have the same sign (upper right and lower left), class 0 in the "
        "other two. Its 400 examples, x1 from \u22121.0 to 1.0 and x2 from \u22121.0 to 1.0: 185 "
        "of class 0 as orange circles, 215 of class 1 as dark blue triangles.",
        "xor: m = 400 examples, 215 of class 1",
    ]


def share_of_class(X, Y, label, where) -> float:
    """The share of class ``label`` among the examples of ``X`` (2, m) where ``where`` is true."""
    return float(np.mean(Y[0, where] == label))


def petal(X, degrees: float):
    """The examples of the flower in the 45-degree sector around the direction ``degrees``
    (counted from the x1 axis, anticlockwise), away from the centre (radius above 1)."""
    angle = np.degrees(np.arctan2(X[1], X[0]))
    return (np.abs((angle - degrees + 180) % 360 - 180) < 22.5) & (np.hypot(*X) > 1)


def test_flower_sentence_upper_petals_class_0_lower_class_1_one_of_each_per_side():
    X, Y = load_dataset("flower")
    # the petals' directions, read off the picture; each sector holds 36 to 44 examples, at least
    # 84 % of them of one class (the rest are strays of the noise)
    for degrees, label in ((65, 0), (112, 0), (245, 1), (290, 1), (20, 1), (335, 0), (157, 1)):
        assert share_of_class(X, Y, label, petal(X, degrees)) > 0.8, degrees
    assert share_of_class(X, Y, 0, petal(X, 200)) == 1.0
    near_centre = np.hypot(*X) < 0.2  # the petals meet at the centre: both classes are there
    assert set(Y[0, near_centre]) == {0.0, 1.0}


def test_moons_sentence_class_0_arches_up_on_the_left_class_1_down_on_the_right():
    X, Y = load_dataset("moons")
    zero, one = X[:, Y[0] == 0], X[:, Y[0] == 1]
    assert zero[0].mean() < one[0].mean() and zero[1].mean() > one[1].mean()
    # the arches' centres are (0, 0) (class 0, radius 1) and (1, 0.5) (class 1): each class has
    # examples deep in the other's hollow, within 0.6 of its centre
    assert (np.hypot(one[0], one[1]) < 0.6).sum() >= 5
    assert (np.hypot(zero[0] - 1, zero[1] - 0.5) < 0.6).sum() >= 5


def test_circles_sentence_class_1_is_the_inner_ring():
    X, Y = load_dataset("circles")
    radius = np.hypot(*X)
    assert radius[Y[0] == 1].max() < radius[Y[0] == 0].min()


def test_xor_sentence_class_1_where_x1_and_x2_have_the_same_sign():
    X, Y = load_dataset("xor")
    np.testing.assert_array_equal(Y[0] == 1, X[0] * X[1] > 0)


@pytest.mark.parametrize("name", ["flower", "moons", "circles", "xor"])
def test_each_alt_gives_the_layout_and_the_range_of_the_data(name):
    explorer = DatasetExplorer(name)
    X, Y = load_dataset(name)
    alt = explorer.alt()
    assert alt.startswith(f"The {name} data set: {LAYOUTS[name]}. Its 400 examples")
    low, high = X.min(axis=1), X.max(axis=1)
    for axis in (0, 1):
        span = f"x{axis + 1} from {spoken(low[axis], 1)} to {spoken(high[axis], 1)}"
        assert span in alt
    assert f"{int(np.sum(Y == 0))} of class 0" in alt and f"{int(np.sum(Y))} of class 1" in alt
    assert len(alt.split()) <= 65 and "_" not in alt and alt.count(". ") <= 2


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
