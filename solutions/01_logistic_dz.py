"""Solutions of notebook 01's exercises, one block per exercise (``# %% name``)."""

import numpy as np  # noqa: F401

# %% dL_da
def dL_da(a, y):
    return -y / a + (1 - y) / (1 - a)
