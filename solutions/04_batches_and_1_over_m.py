"""Solutions of notebook 04's exercises, one block per exercise (``# %% name``)."""

import numpy as np  # noqa: F401


# %% dJ_dZ2
def dJ_dZ2(A2, Y):
    m = Y.shape[1]              # the examples are the columns
    return (A2 - Y) / m         # entry (i, j): (1/m) dL(j)/dz_i, and dL/dz = a - y (01)

# %% dW_from_dJ_dZ
def dW_from_dJ_dZ(dJ_dZ, A_prev):
    return dJ_dZ @ A_prev.T     # sum over the examples j of dJ/dZ[:, j] a_prev(j)^T; no 1/m

# %% db_from_dZ
def db_from_dZ(dZ):
    m = dZ.shape[1]
    return np.sum(dZ, axis=1, keepdims=True) / m    # the mean of the columns, shape (n, 1)

# %% missing_descent
cost_without_1_over_m = "rises"

# %% twice_error
error_m5 = (5 - 1) / (5 + 1)    # G/m against G: (1 - 1/m) / (1 + 1/m)

# %% broadcast_shape
shape_of_update = "(4, 4)"

# %% b2_dots
side_of_y1_dots = "below 0"
