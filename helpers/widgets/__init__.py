"""The course's widgets, one module each. Each is an :class:`~helpers.widgets.base.Explorer`:
display it in a cell.

=====================  ========  =====================================================
widget                 notebook  what it shows
=====================  ========  =====================================================
``DatasetExplorer``    00        a shipped data set, coloured by label
``ShapeExplorer``      00, 03    every array of the forward/backward pass with its shape
``TangentExplorer``    01        the loss as a function of z, its tangent, slope a - y
``GraphExplorer``      02        the computational graph with forward values and gradients
``BatchExplorer``      04        per-example gradients of one weight and their mean
``ActivationExplorer`` 05        g, g', the distribution of g'(Z1) and its effect on dW1
``TrainingDashboard``  07        training live: decision boundary and cost curve
=====================  ========  =====================================================
"""

from .activations import ActivationExplorer
from .base import Explorer, LiveFigure
from .batch import BatchExplorer
from .datasets import DatasetExplorer
from .graph import GraphExplorer
from .shapes import ShapeExplorer
from .tangent import TangentExplorer
from .training import TrainingDashboard

__all__ = [
    "Explorer",
    "LiveFigure",
    "DatasetExplorer",
    "ShapeExplorer",
    "TangentExplorer",
    "GraphExplorer",
    "BatchExplorer",
    "ActivationExplorer",
    "TrainingDashboard",
]
