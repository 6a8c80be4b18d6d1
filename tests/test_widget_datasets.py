"""Headless test of notebook 00's data set explorer: choosing a data set redraws its points."""

from __future__ import annotations

import numpy as np

from helpers import load_dataset
from helpers.widgets import DatasetExplorer


def test_choosing_a_dataset_redraws_its_points():
    explorer = DatasetExplorer()
    first_png = explorer.live.png
    assert first_png.startswith(b"\x89PNG")
    explorer.dropdown.value = "moons"
    X, Y = load_dataset("moons")
    np.testing.assert_array_equal(explorer.points.get_offsets(), X.T)
    np.testing.assert_array_equal(explorer.points.get_array(), Y[0])
    assert explorer.ax.get_title() == "moons: X (2, 400), Y (1, 400)"
    assert explorer.live.png != first_png and explorer.live.image.value == explorer.live.png
    assert explorer.caption.value == "moons: m = 400 examples, 200 of class 1"


def test_static_fallback_has_the_picture_and_a_text():
    bundle = DatasetExplorer("xor")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"].startswith("iVBOR")  # base64 of the PNG signature
    assert bundle["text/plain"].splitlines() == [
        "Data set explorer (interactive: run the notebook to use it)",
        "xor: m = 400 examples, 215 of class 1",
    ]


def test_a_dataset_shown_before_is_redrawn_from_its_cached_background():
    explorer = DatasetExplorer()
    flower_png = explorer.live.png
    explorer.dropdown.value = "circles"
    explorer.dropdown.value = "flower"
    assert explorer.live.png == flower_png  # same picture, now from the cached background
    assert set(explorer.live._backgrounds) == {"flower", "circles"}
