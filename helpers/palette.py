"""The course's colours, markers and line styles: one palette for every figure and widget.

The colours are taken from Petroff's colour-vision-deficiency-safe cycle (matplotlib's
``petroff10`` style) plus black, and a dark blue and two light tints for the two classes.
``tests/test_palette.py`` checks that any two of them stay at least ``MIN_DELTA_E`` apart in
CAM02-UCS (colorspacious' ``deltaE``) for normal vision and through simulated deuteranopia,
protanopia and tritanopia, and that no figure of the course uses a colour from outside it.

Colour is never the only cue:

- the two classes differ in hue, in lightness (an orange circle against a dark blue triangle, so
  they stay apart in grayscale) and in marker shape (``CLASS_MARKERS``);
- curves drawn together differ in line style too (``LINE_STYLES``, in the order of ``CYCLE``).
"""

from __future__ import annotations

COLORS = {
    "blue": "#3f90da",
    "orange": "#ffa90e",
    "red": "#bd1f01",
    "gray": "#94a4a2",
    "black": "#000000",
    "dark blue": "#1d4f91",
    "light orange": "#fffadb",
    "light blue": "#b5d4f0",
}

# Curves drawn together take colours and line styles in this order.
CYCLE = ("blue", "orange", "red", "black", "gray")
LINE_STYLES = ("-", "--", "-.", ":", (0, (6, 2, 1, 2, 1, 2)))

# Class 0 and class 1: an orange circle and a dark blue triangle (L* 76 against 34).
CLASS_COLORS = (COLORS["orange"], COLORS["dark blue"])
CLASS_MARKERS = ("o", "^")
# Decision regions of each class: light tints, 14 units of L* apart so they differ in grayscale too.
REGION_COLORS = (COLORS["light orange"], COLORS["light blue"])

# Colour maps for values (not classes): ColorBrewer's PuOr diverges through white and is readable
# with every colour-vision deficiency; cividis is made for them.
COLORMAPS = ("PuOr", "cividis")

# Besides these, figures may use neutral greys (equal red, green and blue, black and white among
# them) for axes, guides and reference lines.

# The smallest CAM02-UCS distance allowed between two course colours, in any simulated vision:
# several times a just-noticeable difference (about 1-2), the distance of clearly different hues.
MIN_DELTA_E = 15.0


def color(k: int) -> str:
    """The ``k``-th colour of ``CYCLE`` (wrapping around), as a hex string."""
    return COLORS[CYCLE[k % len(CYCLE)]]


def line_style(k: int) -> dict:
    """Colour and line style of the ``k``-th of several curves drawn together: pass as
    ``ax.plot(..., **line_style(k))``."""
    return {"color": color(k), "linestyle": LINE_STYLES[k % len(LINE_STYLES)]}
