"""Realistic wrong answers to notebook 04's exercises (``# %% name: the mistake it must be
named``). Each block replaces its exercise's cell in the notebook, so names are defined again."""
# ruff: noqa: F811

import numpy as np  # noqa: F401


# %% dJ_dZ2: missing_one_over_m
def dJ_dZ2(A2, Y):
    return A2 - Y

# %% dJ_dZ2: divided_by_size
def dJ_dZ2(A2, Y):
    return (A2 - Y) / Y.size

# %% dJ_dZ2: sigma_prime_again
def dJ_dZ2(A2, Y):
    m = Y.shape[1]
    return (A2 - Y) * A2 * (1 - A2) / m

# %% dJ_dZ2: slope_in_A2
def dJ_dZ2(A2, Y):
    m = Y.shape[1]
    return (-Y / A2 + (1 - Y) / (1 - A2)) / m

# %% dJ_dZ2: averaged_over_examples
def dJ_dZ2(A2, Y):
    return np.mean(A2 - Y, axis=1, keepdims=True)

# %% dJ_dZ2: wrong_m
def dJ_dZ2(A2, Y):
    m = Y.shape[0]
    return (A2 - Y) / m

# %% dJ_dZ2: averaged_to_one_number
def dJ_dZ2(A2, Y):
    return np.mean(A2 - Y)

# %% dW_from_dJ_dZ: one_over_m_again
def dW_from_dJ_dZ(dJ_dZ, A_prev):
    m = A_prev.shape[1]
    return (1 / m) * dJ_dZ @ A_prev.T

# %% dW_from_dJ_dZ: product_reversed
def dW_from_dJ_dZ(dJ_dZ, A_prev):
    return sum(np.outer(A_prev[:, j], dJ_dZ[:, j]) for j in range(A_prev.shape[1]))

# %% dW_from_dJ_dZ: product_of_means
def dW_from_dJ_dZ(dJ_dZ, A_prev):
    return np.mean(dJ_dZ, axis=1, keepdims=True) @ np.mean(A_prev, axis=1, keepdims=True).T

# %% dW_from_dJ_dZ: product_of_sums
def dW_from_dJ_dZ(dJ_dZ, A_prev):
    return np.sum(dJ_dZ, axis=1, keepdims=True) @ np.sum(A_prev, axis=1, keepdims=True).T

# %% dW_from_dJ_dZ: one_over_m_again
def dW_from_dJ_dZ(dJ_dZ, A_prev):
    m = dJ_dZ.shape[1]
    dW = np.zeros((dJ_dZ.shape[0], A_prev.shape[0]))
    for j in range(m):
        dW += np.outer(dJ_dZ[:, j], A_prev[:, j])
    return dW / m

# %% db_from_dZ: missing_keepdims
def db_from_dZ(dZ):
    m = dZ.shape[1]
    return np.sum(dZ, axis=1) / m

# %% db_from_dZ: row_not_column
def db_from_dZ(dZ):
    return np.mean(dZ, axis=1, keepdims=True).T

# %% db_from_dZ: m_counts_the_units
def db_from_dZ(dZ):
    return np.sum(dZ, axis=1, keepdims=True) / len(dZ)

# %% db_from_dZ: wrong_sum_axis
def db_from_dZ(dZ):
    m = dZ.shape[1]
    return np.sum(dZ, axis=0, keepdims=True) / m

# %% db_from_dZ: one_over_m_twice
def db_from_dZ(dZ):
    m = dZ.shape[1]
    return np.mean(dZ, axis=1, keepdims=True) / m

# %% db_from_dZ: wrong_mean_axis
def db_from_dZ(dZ):
    return np.mean(dZ, axis=0, keepdims=True)

# %% missing_descent: bigger_steps_faster
cost_without_1_over_m = "falls faster"

# %% missing_descent: confused_with_twice
cost_without_1_over_m = "barely moves"

# %% twice_error: forgot_the_denominator
error_m5 = 1 - 1 / 5

# %% twice_error: m_squared
error_m5 = (25 - 1) / (25 + 1)

# %% broadcast_shape: what_the_update_needs
shape_of_update = "(4, 1)"

# %% broadcast_shape: expects_an_error
shape_of_update = "error"

# %% b2_dots: confused_the_classes
side_of_y1_dots = "above 0"

# %% b2_dots: thinks_it_depends
side_of_y1_dots = "both sides"
