"""What every widget of the course does, headless: two outputs when displayed (the widget view and a
static fallback that any renderer shows), a text alternative that follows the picture, a name for
every control, colours from the course's palette, readable pictures, and a burst of changes that
ends showing the last one.

The training dashboard's own burst (it trains in threads) is tested in
``tests/test_widget_training.py``.
"""

from __future__ import annotations

import base64
import html
import io
import re

import ipywidgets as widgets
import numpy as np
import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import display
from IPython.utils.capture import capture_output
from matplotlib.collections import Collection
from matplotlib.colors import to_rgba_array
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from PIL import Image

from helpers.palette import COLORS
from helpers.widgets import (
    ActivationExplorer,
    BatchExplorer,
    DatasetExplorer,
    GraphExplorer,
    ShapeExplorer,
    TangentExplorer,
    TrainingDashboard,
)
from helpers.widgets.activations import SLIDER_SCALES
from helpers.widgets.base import (
    ACCESSIBILITY_SCRIPT,
    FALLBACK_CLASS,
    FALLBACK_STYLE,
    INTERACTIVE,
    PRE,
)

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
BUILD = {
    "datasets": DatasetExplorer,
    "shapes": ShapeExplorer,
    "tangent": TangentExplorer,
    "graph": GraphExplorer,
    "batch": BatchExplorer,
    "activations": ActivationExplorer,
    "training": lambda: TrainingDashboard(num_iterations=100),
}
WITH_FIGURE = [kind for kind in BUILD if kind != "shapes"]


@pytest.fixture(scope="module")
def built():
    """One explorer of each kind, built on first use and shared by the module's tests (the
    activation explorer takes a second to build)."""
    explorers = {}

    def get(kind: str):
        if kind not in explorers:
            explorers[kind] = BUILD[kind]()
        return explorers[kind]

    yield get
    for explorer in explorers.values():
        explorer.close()
    if "training" in explorers:
        explorers["training"].wait()


@pytest.fixture(scope="module")
def shell():
    """An IPython shell, to display explorers as a notebook does (and nothing else)."""
    yield InteractiveShell.instance()
    InteractiveShell.clear_instance()


def controls(widget: widgets.Widget) -> list[widgets.Widget]:
    """The controls inside ``widget``: the widgets a learner sets (not texts, images or bars)."""
    found = []
    if isinstance(widget, widgets.Box):
        for child in widget.children:
            found += controls(child)
    elif isinstance(widget, widgets.ValueWidget) and not isinstance(
        widget, (widgets.HTML, widgets.HTMLMath, widgets.Label, widgets.Image, widgets.IntProgress)
    ):
        found.append(widget)
    return found


# ---------------------------------------------------------------- two outputs


@pytest.mark.parametrize("kind", BUILD)
def test_displaying_an_explorer_makes_the_widget_view_then_the_fallback(built, shell, kind):
    """``display(explorer)`` makes two outputs: the widget view, whose text says only what it is,
    then the fallback, an output of its own, which a renderer without widgets (a website,
    nbviewer) shows and JupyterLab hides beside a live view. Its picture is the figure drawn anew
    at 100 dpi, described by its ``alt``; its text is deterministic (nbval compares it, the PNG's
    base64 masked by ``tests/nbval_sanitize.cfg``); the live figure draws as before."""
    explorer = built(kind)
    png = explorer.live.png if kind != "shapes" else None
    with capture_output() as captured:
        display(explorer)
    view, fallback = captured.outputs
    assert set(view.data) == {WIDGET_VIEW, "text/plain"}
    assert view.data[WIDGET_VIEW]["model_id"] == explorer.model_id
    assert view.data["text/plain"] == f"{explorer.title} {INTERACTIVE}"
    assert set(fallback.data) == {"text/html", "text/plain"}
    page = fallback.data["text/html"]
    assert page.startswith(FALLBACK_STYLE + f"<div class='{FALLBACK_CLASS}'>")
    assert page.endswith(ACCESSIBILITY_SCRIPT)
    assert "(interactive: run" not in page + fallback.data["text/plain"]  # not a widget's text
    assert "bpd-widget" in explorer._dom_classes  # what the rule looks for: a rendered explorer
    assert fallback.data["text/plain"] == f"{explorer.title}: {explorer.alt()}\n" + (
        explorer.describe()
    )
    assert explorer.fallback() == fallback.data  # deterministic
    if kind == "shapes":
        assert explorer.table.value in page and "<img" not in page
        return
    ((encoded, alt),) = re.findall(
        r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)">', page
    )
    assert html.unescape(alt) == explorer.alt() == explorer.live.image.tooltip and len(alt) > 80
    picture = Image.open(io.BytesIO(base64.b64decode(encoded)))
    assert min(picture.info["dpi"]) > 99.9  # PNG stores dots per metre: 100 dpi is 99.9994
    width, height = explorer.live.figure.get_size_inches() * 100
    # the whole figure at 100 dpi, but for the white margin bbox_inches="tight" crops
    assert 0.85 * width <= picture.width <= width + 20 and 0.85 * height <= picture.height
    assert f"{PRE}{html.escape(explorer.describe())}</pre>" in page
    explorer.live.update()
    assert explorer.live.png == png  # the backgrounds drawn again, the same picture


def test_a_cell_ending_in_an_explorer_displays_it_the_same_way(built, shell):
    explorer = built("datasets")
    shell.user_ns["explorer"] = explorer
    with capture_output() as captured:
        shell.run_cell("explorer")
    assert [output.data for output in captured.outputs] == [
        explorer._repr_mimebundle_(),
        explorer.fallback(),
    ]


# ---------------------------------------------------------------- text alternatives

CHANGES = {  # (control, values) that each change what the figure shows
    "datasets": ("dropdown", ["moons", "circles", "xor", "flower"]),
    "tangent": ("z_slider", [3.0, -6.5, -2.0]),
    "graph": ("dropdown", ["relu", "sigmoid", "tanh"]),
    "batch": ("m_slider", [12, 3, 10]),
    "activations": ("dropdown", ["relu", "sigmoid", "tanh"]),
}


@pytest.mark.parametrize("kind", CHANGES)
def test_the_image_s_text_alternative_follows_every_change(built, kind):
    explorer = built(kind)
    name, values = CHANGES[kind]
    control = getattr(explorer, name)
    seen = {explorer.live.image.tooltip}
    for value in values:
        control.value = value
        assert explorer.live.image.tooltip == explorer.alt()
        if kind == "batch":
            label = f"of the {value} per-example gradients"
        elif kind == "tangent":  # z = -6.5 said with a minus sign
            label = f"at z = {value:.1f}".replace("-", "\u2212")
        else:
            label = value
        assert str(label) in explorer.alt()
        seen.add(explorer.alt())
    assert len(seen) == len(values)  # each picture has its own description


def test_the_text_alternatives_follow_the_other_controls(built):
    tangent, batch, activations = built("tangent"), built("batch"), built("activations")
    tangent.y_toggle.value = 0
    assert (
        "for y = 0" in tangent.live.image.tooltip and "curve, rising from 0 to 1" in tangent.alt()
    )
    assert "shaded: the wrong side for y = 0, z > 0" in tangent.describe()
    tangent.y_toggle.value = 1
    assert "for y = 1" in tangent.live.image.tooltip
    batch.one_over_m.value = "missing"
    assert "(1/m missing)" in batch.live.image.tooltip and "follows the sum" in batch.alt()
    batch.one_over_m.value = "once"
    assert "follows the mean," in batch.live.image.tooltip
    batch.example.value = 2
    assert "example j = 2 ringed" in batch.live.image.tooltip
    activations.slider.value = 10.0
    assert "at scale 10:" in activations.live.image.tooltip
    activations.slider.value = 1.0


def test_the_dashboard_s_text_alternative_follows_its_runs(built):
    board = built("training")
    assert board.live.image.tooltip == board.alt()
    assert "After all 100 iterations" in board.alt() and "(flower data," in board.alt()
    board.dataset.value = "moons"
    # iteration 0, drawn at once
    assert "moons data, tanh, 4 hidden units" in board.live.image.tooltip
    assert "At iteration 0 of 100" in board.live.image.tooltip
    run = board.wait()
    assert run.status == "done" and board.live.image.tooltip == board.alt()
    assert "After all 100 iterations" in board.alt() and f"classify {run.accuracy:.1%}" in (
        board.alt()
    )


# ---------------------------------------------------------------- accessible names


@pytest.mark.parametrize("kind", BUILD)
def test_every_control_has_a_name(built, kind):
    """A control's accessible name is its label: its ``description`` (a toggle button's, its text).
    ipywidgets gives a slider's handle no name of its own: the fallback's script names it after the
    slider's label, so every slider must have one (axe-core's ``aria-input-field-name``)."""
    explorer = built(kind)
    found = controls(explorer)
    assert found
    for control in found:
        assert control.description.strip(), f"{kind}: {type(control).__name__} has no name"
        if isinstance(control, widgets.ToggleButtons):
            assert all(str(label).strip() for label in control._options_labels)
            assert len(control.tooltips) == len(control.options)


@pytest.mark.parametrize("kind", WITH_FIGURE)
def test_every_picture_has_a_text_alternative(built, kind):
    image = built(kind).live.image
    assert image.tooltip and image.tooltip == built(kind).alt()
    assert image.description == ""  # so that the front end writes the tooltip as the title


# ---------------------------------------------------------------- readable, in the palette


@pytest.mark.parametrize("kind", WITH_FIGURE)
def test_the_live_figure_is_drawn_at_100_dpi_with_text_of_10_points_or_more(built, kind):
    figure = built(kind).live.figure
    assert figure.dpi >= 100
    small = {
        (text.get_text(), text.get_fontsize())
        for text in figure.findobj(Text)
        if text.get_visible() and text.get_text().strip() and text.get_fontsize() < 10
    }
    assert not small, f"{kind}: texts under 10 points: {sorted(small)}"


def drawn_colours(figure) -> set[tuple[float, float, float]]:
    """The RGB colour of every line, marker, collection, patch and text drawn (not images, whose
    colour map is the palette's)."""
    colours = []
    for artist in figure.findobj():
        if not artist.get_visible() or isinstance(artist, AxesImage):
            continue
        if isinstance(artist, Line2D):
            if artist.get_linestyle() not in ("None", ""):
                colours.append(artist.get_color())
            if artist.get_marker() not in ("None", "", None):
                colours += [artist.get_markerfacecolor(), artist.get_markeredgecolor()]
        elif isinstance(artist, Collection):
            colours += list(artist.get_facecolor()) + list(artist.get_edgecolor())
        elif isinstance(artist, Patch):
            colours += [artist.get_facecolor(), artist.get_edgecolor()]
        elif isinstance(artist, Text):
            colours.append(artist.get_color())
    found = set()
    for colour in colours:
        if isinstance(colour, str) and colour == "none":
            continue
        for r, g, b, a in to_rgba_array(colour):
            if a > 0:
                found.add((round(r, 3), round(g, 3), round(b, 3)))
    return found


@pytest.mark.parametrize("kind", WITH_FIGURE)
def test_every_colour_drawn_is_the_palette_s_or_a_grey(built, kind):
    palette = {tuple(round(c, 3) for c in to_rgba_array(hex_)[0][:3]) for hex_ in COLORS.values()}
    strange = {
        colour
        for colour in drawn_colours(built(kind).live.figure)
        if colour not in palette and not colour[0] == colour[1] == colour[2]
    }
    assert not strange, f"{kind}: colours outside the palette: {sorted(strange)}"


# ---------------------------------------------------------------- a burst of changes

BURSTS = {  # a slider dragged through 20 values, a dropdown switched back and forth
    "tangent": [("z_slider", list(np.round(np.linspace(-8, 6, 20), 1)))],
    "batch": [
        ("m_slider", [*range(2, 22)]),
        ("one_over_m", ["missing", "once", "twice", "missing", "once", "twice"]),
    ],
    "activations": [
        ("slider", [SLIDER_SCALES[k % len(SLIDER_SCALES)] for k in range(20)]),
        ("dropdown", ["relu", "tanh", "relu", "sigmoid", "relu", "softplus"]),
    ],
    "datasets": [("dropdown", ["moons", "flower", "moons", "xor", "circles", "moons"])],
    "graph": [("dropdown", ["relu", "tanh", "relu", "sigmoid", "leaky_relu", "relu"])],
    "shapes": [("sliders", [("m", m) for m in range(1, 11)] * 2)],
}


@pytest.mark.parametrize("kind", BURSTS)
def test_a_burst_of_changes_ends_showing_the_last_one(built, kind, monkeypatch):
    """Each change redraws once, at once, in its handler (ipywidgets' front end sends a control's
    next change only once the kernel has handled the previous one, so changes never queue up):
    after the burst the explorer shows what one change to the last values shows, and nothing is
    left to draw."""
    explorer = built(kind)
    redraws = []
    if kind != "shapes":
        show = explorer.live.show
        monkeypatch.setattr(explorer.live, "show", lambda png: redraws.append(1) or show(png))
    changes = 0
    for name, values in BURSTS[kind]:
        for value in values:
            if kind == "shapes":
                control, value = explorer.sliders[value[0]], value[1]
            else:
                control = getattr(explorer, name)
            changes += control.value != value
            control.value = value
    for name, values in BURSTS[kind]:
        if kind == "shapes":
            assert explorer.sliders[values[-1][0]].value == values[-1][1]
        else:
            assert getattr(explorer, name).value == values[-1]
    fresh = BUILD[kind]()
    for mine, its in zip(controls(explorer), controls(fresh), strict=True):
        its.value = mine.value  # one change to each control's last value
    assert explorer.describe() == fresh.describe()
    if kind != "shapes":
        assert len(redraws) == changes  # one redraw per change, none left over
        assert explorer.alt() == fresh.alt() == explorer.live.image.tooltip
        assert explorer.live.png == fresh.live.png == explorer.live.image.value
    else:
        assert explorer.table.value == fresh.table.value
    fresh.close()
