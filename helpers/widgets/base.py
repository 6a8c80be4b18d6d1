"""What every widget of the course is built from: a fast live figure and an explorer panel.

:class:`LiveFigure` shows a matplotlib ``Figure`` as a PNG in an ``ipywidgets.Image``. The figure's
static parts (axes, ticks, labels, legends) are drawn once into a cached background; each
:meth:`LiveFigure.update` restores that background and redraws only the *animated* artists (the
lines, bars and images that change), so a redraw takes a few milliseconds instead of a full render.

:class:`Explorer` lays out a title, a hint ("switch to ReLU and watch dZ1"), the controls and the
views. When the notebook is read without a running kernel (nbconvert, GitHub), the explorer's output
falls back to a static PNG of its figure and a short text.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Hashable, Iterable, Sequence

import ipywidgets as widgets
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image as PILImage


def number(value: float, digits: int = 3) -> str:
    """A number as the widgets print it: ``digits`` decimals, never ``-0.000``."""
    return f"{round(value, digits) + 0.0:.{digits}f}"


class LiveFigure:
    """A ``Figure`` drawn into ``self.image`` (an ``ipywidgets.Image``); only ``animated`` artists
    are redrawn.

    Change the animated artists' data, then call :meth:`update`. After changing anything static
    (axis limits, tick labels, titles), call :meth:`update` with ``full=True``.
    """

    def __init__(self, figure: Figure, animated: Iterable[Artist] = ()):
        self.figure = figure
        self.canvas = FigureCanvasAgg(figure)
        self.animated: list[Artist] = []
        self._background = None
        self._backgrounds: dict[
            Hashable, object
        ] = {}  # static state -> its background, see update()
        self.png = b""
        width, height = (figure.get_size_inches() * figure.dpi).astype(int)
        self.image = widgets.Image(format="png", width=int(width), height=int(height))
        self.animate(*animated)

    def animate(self, *artists: Artist) -> None:
        """Mark ``artists`` as changing: they are left out of the background and redrawn by
        :meth:`update`."""
        for artist in artists:
            artist.set_animated(True)
            self.animated.append(artist)
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
            buffer, format="png", compress_level=1
        )
        self.png = buffer.getvalue()
        self.image.value = self.png
        return self.png


class Explorer(widgets.VBox):
    """A titled panel: a hint, a row of controls, then the views (figures, HTML, ...).

    ``live_figure``, if given, provides the static PNG shown where widgets cannot run.
    Subclasses override :meth:`describe` to give a text summary of the current state.
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

    def describe(self) -> str:
        """A short text summary of what the explorer shows now (the plain-text fallback)."""
        return ""

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs)
        summary = self.describe()
        data["text/plain"] = f"{self.title} (interactive: run the notebook to use it)" + (
            "\n" + summary if summary else ""
        )
        if self.live_figure is not None and self.live_figure.png:
            data["image/png"] = base64.b64encode(self.live_figure.png).decode("ascii")
        return data
