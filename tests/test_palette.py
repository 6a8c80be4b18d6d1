"""Every figure of the course can be read with a colour-vision deficiency, in grayscale, and by a
screen reader.

- The palette (:mod:`helpers.palette`): any two of its colours stay ``MIN_DELTA_E`` apart in
  CAM02-UCS for normal vision and through simulated deuteranopia, protanopia and tritanopia
  (colorspacious, severity 100); the two classes differ in lightness and marker too.
- The code: no notebook cell and no module of ``helpers`` names a colour from outside the palette
  (neutral greys aside) or a colour map outside ``COLORMAPS``. Since any two palette colours are far
  apart, so are any two colours a figure uses together.
- The stored notebooks: every figure is an image with a description (``helpers.plots.show``), none
  is a bare PNG without alt text.
"""

from __future__ import annotations

import ast
import html.parser
import itertools
import json
import re
from pathlib import Path

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE
from matplotlib.colors import to_rgb

from helpers import palette

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MODULES = sorted(p for p in (ROOT / "helpers").rglob("*.py") if p.name != "palette.py")
VISIONS = ("normal", "deuteranomaly", "protanomaly", "tritanomaly")
COLOR_KEYWORDS = {
    "c",
    "color",
    "colors",
    "ec",
    "fc",
    "edgecolor",
    "edgecolors",
    "facecolor",
    "facecolors",
    "mec",
    "mfc",
    "markeredgecolor",
    "markerfacecolor",
    "linecolor",
    "labelcolor",
}
# a matplotlib format string with a colour letter, e.g. "r-", "bo", "g--" ("k" and "w" are greys)
FORMAT_WITH_HUE = re.compile(r"^[-.:,o^v<>sp*hH+xXDd|_1234]*[bgrcmy][-.:,o^v<>sp*hH+xXDd|_1234]*$")
HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
CYCLE_OR_TABLE = re.compile(r"^(C\d|tab:\w+|xkcd:.+)$")  # matplotlib's own colours, anywhere


def seen_as(color: str, vision: str) -> np.ndarray:
    """``color`` as sRGB (values in [0, 1]) for ``vision``: simulated at full severity."""
    rgb = np.array(to_rgb(color))
    if vision == "normal":
        return rgb
    cvd = {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}
    return np.clip(cspace_convert(rgb, cvd, "sRGB1"), 0, 1)


def lightness(color: str) -> float:
    return float(cspace_convert(to_rgb(color), "sRGB1", "CIELab")[0])


@pytest.mark.parametrize("vision", VISIONS)
def test_any_two_course_colours_stay_apart(vision):
    too_close = []
    for (name_a, a), (name_b, b) in itertools.combinations(palette.COLORS.items(), 2):
        distance = deltaE(seen_as(a, vision), seen_as(b, vision), input_space="sRGB1")
        if distance < palette.MIN_DELTA_E:
            too_close.append(f"{name_a} {a} and {name_b} {b}: delta E {distance:.1f}")
    assert not too_close, f"seen with {vision}, closer than {palette.MIN_DELTA_E}:\n" + "\n".join(
        too_close
    )


def test_the_check_finds_colours_that_merge():
    """ReLU's default-cycle green and leaky ReLU's red, which notebook 05 drew before: the same
    colour for a deuteranope."""
    distance = deltaE(
        seen_as("#2ca02c", "deuteranomaly"),
        seen_as("#d62728", "deuteranomaly"),
        input_space="sRGB1",
    )
    assert distance < palette.MIN_DELTA_E


def test_the_classes_differ_in_lightness_and_marker():
    """In grayscale or print the two classes stay apart: 30 units of L* (of 100) and two
    shapes; their regions' tints 10 units."""
    dark, light = sorted(palette.CLASS_COLORS, key=lightness)
    assert lightness(light) - lightness(dark) >= 30
    dark, light = sorted(palette.REGION_COLORS, key=lightness)
    assert lightness(light) - lightness(dark) >= 10  # the regions' tints, under the points
    assert len(set(palette.CLASS_MARKERS)) == 2


def test_curves_drawn_together_differ_in_line_style():
    styles = [palette.line_style(k)["linestyle"] for k in range(len(palette.CYCLE))]
    assert len({str(style) for style in styles}) == len(palette.CYCLE)
    assert len({palette.color(k) for k in range(len(palette.CYCLE))}) == len(palette.CYCLE)


def is_neutral(color: str) -> bool:
    if color.lower() == "none":
        return True
    red, green, blue = to_rgb(color)
    return red == green == blue


def colours_named(tree: ast.AST) -> list[tuple[int, str]]:
    """``(line, problem)`` for every colour or colour map named in ``tree`` that is not the
    course's: a string given as a colour keyword, a hex colour anywhere, a format string with a
    hue, or a colour map."""
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if HEX.match(node.value) and not is_neutral(node.value):
                problems.append((node.lineno, f"hex colour {node.value!r}"))
            if CYCLE_OR_TABLE.match(node.value):
                problems.append((node.lineno, f"matplotlib colour {node.value!r}"))
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            value = keyword.value
            if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
                continue
            reported = HEX.match(value.value) or CYCLE_OR_TABLE.match(value.value)
            if keyword.arg in COLOR_KEYWORDS and not reported:
                try:
                    neutral = is_neutral(value.value)
                except ValueError:
                    neutral = False
                if not neutral:
                    problems.append((node.lineno, f"{keyword.arg}={value.value!r}"))
            if keyword.arg == "cmap" and value.value not in palette.COLORMAPS:
                problems.append((node.lineno, f"cmap={value.value!r}"))
        function = node.func
        if isinstance(function, ast.Attribute) and function.attr in ("plot", "semilogy", "loglog"):
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    if FORMAT_WITH_HUE.match(arg.value):
                        problems.append((node.lineno, f"format string {arg.value!r}"))
    return problems


def code_cells(path: Path):
    for index, cell in enumerate(json.loads(path.read_text())["cells"]):
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            lines = [
                line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))
            ]
            yield index, "\n".join(lines)


@pytest.mark.parametrize("path", NOTEBOOKS + MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_figures_use_only_the_course_colours(path):
    if path.suffix == ".ipynb":
        sources = list(code_cells(path))
    else:
        sources = [(None, path.read_text())]
    problems = []
    for cell, source in sources:
        where = f"cell {cell}, line" if cell is not None else "line"
        problems += [f"{where} {line}: {what}" for line, what in colours_named(ast.parse(source))]
    assert not problems, (
        f"{path.name} names colours outside helpers.palette (use COLORS, color(k), "
        "line_style(k), CLASS_COLORS, a neutral grey, or a colour map of COLORMAPS):\n"
        + "\n".join(problems)
    )


def test_the_scan_finds_outside_colours():
    source = (
        'ax.plot(x, y, "r--")\nax.plot(x, y, color="C2")\nax.imshow(Z, cmap="jet")\nc = "#ff0000"'
    )
    assert len(colours_named(ast.parse(source))) == 4
    assert len(colours_named(ast.parse('styles = {"relu": "C2", "tanh": "tab:blue"}'))) == 2
    ok = 'ax.plot(x, y, "k--", color="0.6")\nax.axhline(0, color="#cccccc")\nax.plot(x, y, ":")'
    assert colours_named(ast.parse(ok)) == []


class Images(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.alts: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.alts.append(dict(attrs).get("alt"))


def images_in(output: dict) -> list[str | None]:
    """The alt texts (``None`` when missing) of the images an output shows: ``<img>`` in its
    HTML, and a bare PNG (which has none)."""
    data = output.get("data", {})
    if "text/html" in data:
        parser = Images()
        parser.feed("".join(data["text/html"]))
        return parser.alts
    return [None] if "image/png" in data else []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_stored_figure_has_a_description(path):
    problems = []
    for index, cell in enumerate(json.loads(path.read_text())["cells"]):
        source = "".join(cell["source"])
        if "plt.show(" in source:
            problems.append(f"cell {index} calls plt.show(): show the figure with show(fig, alt)")
        for output in cell.get("outputs", []):
            for alt in images_in(output):
                if not alt or not alt.strip():
                    problems.append(f"cell {index}: an image without alt text")
                elif re.search(r"\.(png|jpe?g|svg)$", alt) or re.match(r"(?i)figure \d", alt):
                    problems.append(f"cell {index}: alt text {alt!r} does not describe the image")
    assert not problems, f"{path.name}:\n" + "\n".join(problems)
