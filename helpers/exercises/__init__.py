"""The learner's exercises: the system in :mod:`helpers.exercises.core`, one module per notebook
(``helpers.exercises.nb01`` ...) with that notebook's exercises and predictions."""

from .core import CheckResult, Exercise, Mistake, Prediction, Problem

__all__ = ["CheckResult", "Exercise", "Mistake", "Prediction", "Problem"]
