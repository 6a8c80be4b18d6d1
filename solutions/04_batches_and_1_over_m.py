"""Solutions of notebook 04's exercises, one block per exercise (``# %% name``)."""

import numpy as np  # noqa: F401


# %% dJ_dZ2
def dJ_dZ2(A2, Y):
    m = Y.shape[1]              # the examples are the columns
    return (A2 - Y) / m         # entry (i, j): (1/m) dL(j)/dz_i, and dL/dz = a - y (01)

# %% dW_from_dZ
def dW_from_dZ(dZ, A_prev):
    m = dZ.shape[1]
    return dZ @ A_prev.T / m    # the mean over j of np.outer(dZ[:, j], A_prev[:, j])

# %% db_from_dZ
def db_from_dZ(dZ):
    m = dZ.shape[1]
    return np.sum(dZ, axis=1, keepdims=True) / m    # the mean of the columns, shape (n, 1)

# %% twice_error
error_m5 = (5 - 1) / (5 + 1)    # g/m against g: (1 - 1/m) / (1 + 1/m)

# %% broadcast_shape
shape_of_update = "(4, 4)"

# %% diamond
diamond = "sum"
