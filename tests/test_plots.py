"""helpers.plots: figures shown with their description, classes drawn by colour and marker."""

from __future__ import annotations

import base64
import io
import re

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from helpers import palette, plots


def shown(monkeypatch, fig, alt: str) -> dict:
    """What ``show(fig, alt)`` sends to the notebook."""
    sent = []
    monkeypatch.setattr(plots, "display", lambda data, raw: sent.append((data, raw)))
    plots.show(fig, alt)
    ((data, raw),) = sent
    assert raw
    return data


def test_show_sends_the_image_with_its_description_and_closes_the_figure(monkeypatch):
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1], [0, 1])
    data = shown(monkeypatch, fig, 'The line y = x, "rising" <left to right>.')
    assert data["text/plain"] == 'The line y = x, "rising" <left to right>.'
    match = re.fullmatch(
        r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)">', data["text/html"]
    )
    assert match, data["text/html"][:80]
    assert match[2] == "The line y = x, &quot;rising&quot; &lt;left to right&gt;."
    image = Image.open(io.BytesIO(base64.b64decode(match[1])))
    assert round(image.info["dpi"][0]) == plots.FIGURE_DPI == 100
    assert not plt.fignum_exists(fig.number)


def test_show_refuses_a_figure_without_a_description():
    fig = plt.figure()
    with pytest.raises(ValueError, match="alt must describe"):
        plots.show(fig, "  ")
    plt.close(fig)


def test_scatter_classes_draws_each_class_with_its_colour_and_marker():
    X = np.array([[0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 0.0, 1.0]])
    Y = np.array([[0, 1, 1, 0]])
    fig, ax = plt.subplots()
    class0, class1 = plots.scatter_classes(ax, X, Y)
    np.testing.assert_array_equal(class0.get_offsets(), X[:, [0, 3]].T)
    np.testing.assert_array_equal(class1.get_offsets(), X[:, [1, 2]].T)
    for collection, color in zip((class0, class1), palette.CLASS_COLORS, strict=True):
        np.testing.assert_allclose(
            collection.get_facecolor()[0][:3], matplotlib.colors.to_rgb(color)
        )
    circle, triangle = (c.get_paths()[0].vertices for c in (class0, class1))
    assert circle.shape != triangle.shape or not np.allclose(circle, triangle)
    plots.move_classes((class0, class1), X[:, :2], Y[:, :2])
    assert len(class0.get_offsets()) == 1 and len(class1.get_offsets()) == 1
    plt.close(fig)
