"""Realistic wrong answers to notebook 04's exercises (``# %% name: the mistake it must be
named``). Each block replaces its exercise's cell in the notebook, so names are defined again."""
# ruff: noqa: F811

import numpy as np  # noqa: F401


# %% dJ_dZ2: missing_one_over_m
def dJ_dZ2(A2, Y):
    return A2 - Y

# %% dJ_dZ2: wrong_m
def dJ_dZ2(A2, Y):
    m = Y.shape[0]
    return (A2 - Y) / m

# %% dJ_dZ2: averaged_to_one_number
def dJ_dZ2(A2, Y):
    return np.mean(A2 - Y)

# %% dW_from_dZ: missing_one_over_m
def dW_from_dZ(dZ, A_prev):
    dW = np.zeros((dZ.shape[0], A_prev.shape[0]))
    for j in range(dZ.shape[1]):
        dW += np.outer(dZ[:, j], A_prev[:, j])
    return dW

# %% dW_from_dZ: product_reversed
def dW_from_dZ(dZ, A_prev):
    m = dZ.shape[1]
    return sum(np.outer(A_prev[:, j], dZ[:, j]) for j in range(m)) / m

# %% dW_from_dZ: wrong_m
def dW_from_dZ(dZ, A_prev):
    m = A_prev.shape[0]
    return dZ @ A_prev.T / m

# %% db_from_dZ: missing_keepdims
def db_from_dZ(dZ):
    m = dZ.shape[1]
    return np.sum(dZ, axis=1) / m

# %% db_from_dZ: wrong_sum_axis
def db_from_dZ(dZ):
    m = dZ.shape[1]
    return np.sum(dZ, axis=0, keepdims=True) / m

# %% db_from_dZ: one_over_m_twice
def db_from_dZ(dZ):
    m = dZ.shape[1]
    return np.mean(dZ, axis=1, keepdims=True) / m

# %% twice_error: forgot_the_denominator
error_m5 = 1 - 1 / 5

# %% twice_error: m_squared
error_m5 = (25 - 1) / (25 + 1)

# %% broadcast_shape: what_the_update_needs
shape_of_update = "(4, 1)"

# %% broadcast_shape: expects_an_error
shape_of_update = "error"

# %% diamond: stays_on_the_mean
diamond = "mean"

# %% diamond: mean_over_m
diamond = "mean / m"

# %% db_from_dZ: wrong_mean_axis
def db_from_dZ(dZ):
    return np.mean(dZ, axis=0, keepdims=True)
