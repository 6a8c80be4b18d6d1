"""Realistic wrong answers to notebook 03's exercises (``# %% name: the mistake it must be
named``). Each block replaces its exercise's cell in the notebook, so names are defined again."""
# ruff: noqa: F811

import numpy as np  # noqa: F401


# %% da1_by_loops: rows_for_columns
def da1_by_loops(W2, dz2):
    n_y, n_h = W2.shape
    da1 = np.zeros((n_h, 1))
    for k in range(n_h):
        for i in range(n_y):
            da1[k] += W2[k, i] * dz2[i]
    return da1

# %% da1_by_loops: first_output_only
def da1_by_loops(W2, dz2):
    n_h = W2.shape[1]
    da1 = np.zeros((n_h, 1))
    for k in range(n_h):
        da1[k, 0] = W2[0, k] * dz2[0, 0]
    return da1

# %% da1_by_loops: last_output_only
def da1_by_loops(W2, dz2):
    n_y, n_h = W2.shape
    da1 = np.zeros((n_h, 1))
    for k in range(n_h):
        for i in range(n_y):
            da1[k] = W2[i, k] * dz2[i]
    return da1

# %% dL_dW2_by_loops: table_transposed
def dL_dW2_by_loops(dz2, a1):
    n_y, n_h = dz2.shape[0], a1.shape[0]
    dW2 = np.zeros((n_h, n_y))
    for k in range(n_h):
        for i in range(n_y):
            dW2[k, i] = a1[k, 0] * dz2[i, 0]
    return dW2

# %% dL_dW2_by_loops: summed_over_outputs
def dL_dW2_by_loops(dz2, a1):
    n_y, n_h = dz2.shape[0], a1.shape[0]
    dW2 = np.zeros((n_y, n_h))
    for i in range(n_y):
        for k in range(n_h):
            dW2[i, k] = np.sum(dz2) * a1[k, 0]
    return dW2

# %% dL_dW2_by_loops: a1_left_out
def dL_dW2_by_loops(dz2, a1):
    n_y, n_h = dz2.shape[0], a1.shape[0]
    dW2 = np.zeros((n_y, n_h))
    for i in range(n_y):
        for k in range(n_h):
            dW2[i, k] = dz2[i, 0]
    return dW2

# %% layer2_backward: missing_transpose_W2
def layer2_backward(W2, dZ2, A1):
    m = dZ2.shape[1]
    dA1 = W2 @ dZ2
    dW2 = (1 / m) * dZ2 @ A1.T
    return dA1, dW2

# %% layer2_backward: swapped_factors_in_dW
def layer2_backward(W2, dZ2, A1):
    m = dZ2.shape[1]
    dA1 = W2.T @ dZ2
    dW2 = (1 / m) * A1 @ dZ2.T
    return dA1, dW2

# %% layer2_backward: missing_one_over_m
def layer2_backward(W2, dZ2, A1):
    return W2.T @ dZ2, dZ2 @ A1.T

# %% layer2_backward: elementwise_in_dA1
def layer2_backward(W2, dZ2, A1):
    m = dZ2.shape[1]
    return W2.T * dZ2, (1 / m) * dZ2 @ A1.T

# %% layer2_backward: missing_transpose_in_dW
def layer2_backward(W2, dZ2, A1):
    m = dZ2.shape[1]
    return W2.T @ dZ2, (1 / m) * dZ2 @ A1

# %% shapes_fit: only_the_transposes
fit = {"dA1"}

# %% shapes_fit: all_four
fit = {"dW2", "dA1", "dZ1", "dW1"}

# %% explorer_fit: none
fits_here = "none"

# %% explorer_fit: the_transpose
fits_here = "dA1"
