"""What every widget of the course is built from: a fast live figure and an explorer panel.

:class:`LiveFigure` shows a matplotlib ``Figure`` as a PNG in an image widget whose text alternative
(the ``<img>``'s ``title``) says what the picture shows now. The figure's static parts (axes, ticks,
labels, legends) are drawn once into a cached background; each :meth:`LiveFigure.update` restores
that background and redraws only the *animated* artists (the lines, bars and images that change),
so a redraw takes a few milliseconds instead of a full render.

:class:`Explorer` lays out a title, a hint ("switch to ReLU and watch dZ1"), the controls and the
views. Displayed (``display(explorer)``, or a cell that ends with it), it makes two outputs:

1. the widget view, whose plain text says only what it is (``"Data set explorer (interactive: run
   the notebook to use it)"``);
2. beside it, the static fallback: an HTML ``<div class="bpd-widget-fallback">`` with the picture
   shown now (100 dpi or more) as an ``<img>`` whose ``alt`` is :meth:`Explorer.alt`, and the text
   of :meth:`Explorer.describe`; its plain text is the same two descriptions.

A renderer that drops widget views (a website built with MyST-NB, nbviewer, GitHub, a notebook
opened without running it) still shows the second output. Where the widget is live, a CSS rule in
the fallback hides it: in JupyterLab a cell's outputs share one ``.jp-OutputArea``, and a rendered
explorer carries the class ``bpd-widget`` (a view JupyterLab fails to render, "Error displaying
widget", does not), so ``.jp-OutputArea:has(.bpd-widget) .bpd-widget-fallback`` is hidden there and
nowhere else.

Every control has an accessible name: its ``description``, shown as its label. ipywidgets 8 does not
give a slider's handle (``role="slider"``) that name, and JupyterLab's shortcuts take the keys of a
focused dropdown; the fallback's short script (``ACCESSIBILITY_SCRIPT``) mends both in a live
notebook (a browser that runs no script, or a renderer that strips it, has no live widget either).
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Hashable, Iterable, Sequence

import ipywidgets as widgets
import traitlets
from IPython.display import display
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image as PILImage

from ..plots import png_html

INTERACTIVE = "(interactive: run the notebook to use it)"  # the widget view's plain text
WIDGET_CLASS = "bpd-widget"  # on a rendered explorer's element
FALLBACK_CLASS = "bpd-widget-fallback"  # on the static fallback's <div>
PRE = "<pre style='white-space: pre-wrap'>"  # the fallback's text, wrapped to the page's width
# Hides the fallback where its cell's output area also holds a rendered explorer (JupyterLab).
FALLBACK_STYLE = (
    f"<style>.jp-OutputArea:has(.{WIDGET_CLASS}) .{FALLBACK_CLASS} {{display: none}}</style>"
)
# What the front end leaves to us, done by a short script in the fallback (JupyterLab runs it in a
# live notebook; elsewhere there is no live widget to fix):
# - each slider handle of an explorer in this output area is named after its slider's label, now
#   and whenever the view is drawn again (ipywidgets 8 leaves role="slider" without a name);
# - a key pressed in an explorer's dropdown goes to the dropdown only, not on to JupyterLab, whose
#   command-mode shortcuts would otherwise take it (ArrowDown would move to the next cell, "m" turn
#   the cell into Markdown: jupyter-widgets/ipywidgets#3912). Tab and Escape still go through.
#   The listener is on the window, in the capture phase: it runs before JupyterLab's own.
ACCESSIBILITY_SCRIPT = (
    "<script>(() => {"
    " if (!window.bpdDropdownKeys) {"
    " window.bpdDropdownKeys = true;"
    " window.addEventListener('keydown', event => {"
    " const target = event.target;"
    " if (target instanceof HTMLSelectElement"
    f" && target.closest('.{WIDGET_CLASS}')"
    " && !['Tab', 'Escape'].includes(event.key)) event.stopPropagation();"
    " }, true); }"
    " const area = document.currentScript && document.currentScript.closest('.jp-OutputArea');"
    " if (!area) return;"
    " const name = () => area.querySelectorAll("
    f"'.{WIDGET_CLASS} [role=\"slider\"]:not([aria-label])').forEach(handle => {{"
    " const box = handle.closest('.widget-slider');"
    " const label = box && box.querySelector('.widget-label');"
    " const text = label ? label.textContent.trim() : '';"
    " if (text) handle.setAttribute('aria-label', text); });"
    " name();"
    " new MutationObserver(name).observe(area, {childList: true, subtree: true});"
    " })();</script>"
)


def number(value: float, digits: int = 3) -> str:
    """A number as the widgets print it: ``digits`` decimals, never ``-0.000``."""
    return f"{round(value, digits) + 0.0:.{digits}f}"


MINUS = "\u2212"  # the minus sign of the text alternatives: screen readers say "minus"


def spoken(value: float, digits: int = 3, trim: bool = False) -> str:
    """A number for a text alternative: ``digits`` decimals (``trim``: without trailing zeros,
    ``8`` for ``8.000``), never in e-notation, a negative one with a minus sign (U+2212), which
    screen readers read as "minus" (a hyphen between spaces, ``a - y``, they may skip)."""
    text = number(value, digits)
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return MINUS + text[1:] if text.startswith("-") else text


class DescribedImage(widgets.Image):
    """An ``ipywidgets.Image`` whose ``tooltip`` is its text alternative: the front end writes it
    as the ``<img>``'s ``title``, which screen readers read and axe-core's ``image-alt`` rule
    accepts.

    ipywidgets 8.1's front end writes the title only for a widget whose ``description`` is empty,
    and fails for a widget that has no ``description`` at all, as ``Image`` has not
    (jupyter-widgets/ipywidgets#3860): this image has one, always empty.
    """

    description = traitlets.Unicode("", help="always empty (see the class docstring)").tag(
        sync=True
    )


class LiveFigure:
    """A ``Figure`` drawn into ``self.image`` (a :class:`DescribedImage`); only ``animated``
    artists are redrawn.

    Change the animated artists' data, then call :meth:`update`. After changing anything static
    (axis limits, tick labels, titles), call :meth:`update` with ``full=True``. ``describe`` (an
    :class:`Explorer` sets it to its :meth:`~Explorer.alt`) says what the figure shows: each update
    makes it the image's text alternative. Its picture is also the explorer's static fallback: the
    course's widgets draw at ``helpers.plots.FIGURE_DPI`` (100) or more (tested).
    """

    def __init__(self, figure: Figure, animated: Iterable[Artist] = ()):
        self.figure = figure
        self.canvas = FigureCanvasAgg(figure)
        self.describe: Callable[[], str] | None = None  # an Explorer sets it to its alt()
        self.animated: list[Artist] = []
        self._background = None
        # static state -> its background, see update()
        self._backgrounds: dict[Hashable, object] = {}
        self.png = b""
        width, height = (figure.get_size_inches() * figure.dpi).astype(int)
        self.image = DescribedImage(format="png", width=int(width), height=int(height))
        self.animate(*animated)

    def animate(self, *artists: Artist) -> None:
        """Mark ``artists`` as changing: they are left out of the background and redrawn by
        :meth:`update`."""
        for artist in artists:
            artist.set_animated(True)
            self.animated.append(artist)
        self.forget_backgrounds()

    def keep_background(self, key: Hashable | None = None) -> None:
        """Keep what the canvas holds now, drawn by ``self.canvas.draw()`` after the last
        :meth:`animate`, as the background (of ``key``, as :meth:`update` keeps it): the next
        update need not draw everything again."""
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        if key is not None:
            self._backgrounds[key] = self._background

    def forget_backgrounds(self) -> None:
        """Drop the cached backgrounds: the next :meth:`update` draws everything."""
        self._background = None
        self._backgrounds.clear()

    def update(self, full: bool = False, key: Hashable | None = None) -> bytes:
        """Redraw the animated artists (everything if ``full`` or nothing is cached); show the PNG.

        ``key`` names the static state a ``full`` update draws (e.g. the data set, whose limits and
        title differ): its background is kept, and a later ``full`` update with the same ``key``
        restores it instead of drawing everything again. That needs a fixed layout (no
        constrained or tight layout, which would move the axes with the title).
        """
        if full and key in self._backgrounds:
            self._background, full = self._backgrounds[key], False
        if full or self._background is None:
            self.canvas.draw()  # draws everything but the animated artists
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
            if key is not None:
                self._backgrounds[key] = self._background
        else:
            self.canvas.restore_region(self._background)
        for artist in self.animated:
            if artist.get_visible():
                self.figure.draw_artist(artist)
        width, height = self.canvas.get_width_height()
        buffer = io.BytesIO()
        PILImage.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba()).save(
            buffer, format="png", compress_level=1, dpi=(self.figure.dpi, self.figure.dpi)
        )
        return self.show(buffer.getvalue())

    def show(self, png: bytes) -> bytes:
        """Show ``png`` (the figure as it is now) in the image, with its text alternative."""
        self.png = png
        self.image.value = png
        if self.describe is not None:
            self.image.tooltip = self.describe()
        return png

    def still_html(self, alt: str) -> str:
        """The picture shown now (at the figure's dpi, 100 or more) as an HTML ``<img>`` whose
        ``alt`` is ``alt``."""
        return png_html(self.png, alt)


class Explorer(widgets.VBox):
    """A titled panel: a hint, a row of controls, then the views (figures, HTML, ...).

    ``live_figure``, if given, is the figure the static fallback shows; its image's text
    alternative is :meth:`alt`. Subclasses override :meth:`alt` (what the figure shows now) and
    :meth:`describe` (the numbers shown now, as text).
    """

    def __init__(
        self,
        title: str,
        hint: str,
        controls: Sequence[widgets.Widget],
        views: Sequence[widgets.Widget],
        live_figure: LiveFigure | None = None,
    ):
        self.title = title
        self.live_figure = live_figure
        header = widgets.HTML(f"<b>{title}</b> &mdash; {hint}")
        super().__init__([header, widgets.HBox(list(controls)), *views])
        self.add_class(WIDGET_CLASS)
        if live_figure is not None:
            live_figure.describe = self.alt

    def describe(self) -> str:
        """A short text summary of what the explorer shows now (the plain-text fallback)."""
        return ""

    def alt(self) -> str:
        """What the figure shows now, in words: the text alternative of its image."""
        return self.describe() or self.title

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs)
        data["text/plain"] = f"{self.title} {INTERACTIVE}"
        return data

    def _ipython_display_(self) -> None:
        """Two outputs: the widget view, then the static fallback (:meth:`fallback`)."""
        display(self._repr_mimebundle_(), raw=True)
        display(self.fallback(), raw=True)

    def fallback(self) -> dict[str, str]:
        """The static fallback, an output of its own: ``text/html`` (the figure as an ``<img>``
        whose ``alt`` is :meth:`alt`: the picture shown now, and :meth:`describe`) and
        ``text/plain`` (the same two descriptions). Deterministic but for the PNG's bytes."""
        alt, text = self.alt(), self.describe()
        note = f"<p><b>{html.escape(self.title)}</b>, as the notebook left it</p>"
        body = f"<div class='{FALLBACK_CLASS}'>{note}{self._fallback_html(alt, text)}</div>"
        plain = "\n".join(part for part in (f"{self.title}: {alt}", text) if part)
        return {"text/html": FALLBACK_STYLE + body + ACCESSIBILITY_SCRIPT, "text/plain": plain}

    def _fallback_html(self, alt: str, text: str) -> str:
        """The fallback's content: the figure, then the text."""
        still = self._still_html(alt) if self.live_figure is not None else ""
        return still + (f"{PRE}{html.escape(text)}</pre>" if text else "")

    def _still_html(self, alt: str) -> str:
        return self.live_figure.still_html(alt)
