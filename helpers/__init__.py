"""backprop-derived: the reference two-layer network and the tools the notebooks share.

The reference, with the course's names::

    from helpers import (layer_sizes, initialize_parameters, forward_propagation, compute_cost,
                         backward_propagation, update_parameters, nn_model, predict)

Beside it, one module per concern: activations with their derivatives (:mod:`helpers.activations`),
input checks (:mod:`helpers.validation`), gradient checking (:mod:`helpers.gradcheck`), the shipped
data sets (:mod:`helpers.data`), logistic regression (:mod:`helpers.logistic`), the L-layer network
in the course's Week 4 names (:mod:`helpers.deep`), a tiny reverse-mode autodiff engine
(:mod:`helpers.autodiff`), mistakes written as changed lines of the reference
(:mod:`helpers.mistakes`), the gallery of classic backprop bugs (:mod:`helpers.bugs`), the
learner's exercises and their checks (:mod:`helpers.exercises`, with the backward pass's in
:mod:`helpers.checker`), the course's colour-vision-safe palette (:mod:`helpers.palette`), plots
(:mod:`helpers.plots`, with ``show(fig, alt)``) and widgets (:mod:`helpers.widgets`).
"""

from .activations import ACTIVATIONS, Activation, get_activation, sigmoid
from .data import dataset_names, load_dataset, load_planar_dataset
from .gradcheck import gradient_check, numerical_gradient, relative_error
from .logistic import logistic_regression, predict_logistic
from .network import (
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    layer_sizes,
    nn_model,
    predict,
    update_parameters,
)
from .validation import MissingKeyError, ShapeError

__all__ = [
    "ACTIVATIONS",
    "Activation",
    "get_activation",
    "sigmoid",
    "dataset_names",
    "load_dataset",
    "load_planar_dataset",
    "gradient_check",
    "numerical_gradient",
    "relative_error",
    "logistic_regression",
    "predict_logistic",
    "layer_sizes",
    "initialize_parameters",
    "forward_propagation",
    "compute_cost",
    "backward_propagation",
    "update_parameters",
    "nn_model",
    "predict",
    "MissingKeyError",
    "ShapeError",
]
