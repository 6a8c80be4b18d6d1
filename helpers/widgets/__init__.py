"""The course's widgets. Each is an :class:`~helpers.widgets.base.Explorer`: display it in a notebook cell."""

from .base import Explorer, LiveFigure
from .datasets import DatasetExplorer
from .shapes import ShapeExplorer

__all__ = ["Explorer", "LiveFigure", "DatasetExplorer", "ShapeExplorer"]
