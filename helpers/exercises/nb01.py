"""Notebook 01's exercises: dL/da, sigma'(z) through a, and dL/dz = a - y."""

from __future__ import annotations

import numpy as np

from .core import Exercise, Mistake, Problem

NOTEBOOK = "01_logistic_dz"


def _dL_da(a, y):
    return -y / a + (1 - y) / (1 - a)


def _outputs_and_labels():
    a = np.array([0.02, 0.1, 0.35, 0.5, 0.8, 0.97])
    mixed = np.array([[0.3, 0.6, 0.9], [0.05, 0.5, 0.7]])
    return [
        Problem("y = 1 at six outputs a", (a, np.ones_like(a))),
        Problem("y = 0 at six outputs a", (a, np.zeros_like(a))),
        Problem(
            "mixed labels, arrays of shape (2, 3)", (mixed, np.array([[1.0, 0, 1], [0, 1, 1]]))
        ),
    ]


dL_da = Exercise(
    name="dL_da",
    title="dL/da of the cross-entropy",
    reference=_dL_da,
    problems=_outputs_and_labels,
    outputs=("dL/da",),
    notebook=NOTEBOOK,
    argument_names=("a", "y"),
    hints=(
        "Differentiate -(y log a + (1 - y) log(1 - a)) term by term, holding y fixed.",
        "d/da log a = 1/a, and d/da log(1 - a) = -1/(1 - a): the chain rule, inner derivative -1.",
    ),
    mistakes=(
        Mistake(
            "sign_flipped",
            "the overall minus sign dropped",
            "the loss is MINUS the log-likelihood: its derivative keeps that minus sign",
            {"return -y / a + (1 - y) / (1 - a)": "return y / a - (1 - y) / (1 - a)"},
        ),
        Mistake(
            "inner_derivative_forgotten",
            "the inner derivative of log(1 - a) forgotten",
            "d/da log(1 - a) = -1/(1 - a): the chain rule's inner derivative d(1 - a)/da = -1",
            {"return -y / a + (1 - y) / (1 - a)": "return -y / a - (1 - y) / (1 - a)"},
        ),
    ),
)
