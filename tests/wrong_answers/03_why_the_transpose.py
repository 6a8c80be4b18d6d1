"""Realistic wrong answers to notebook 03's exercises (``# %% name: the mistake it must be
named``). Each block replaces its exercise's cell in the notebook, so names are defined again."""
# ruff: noqa: F811

import numpy as np  # noqa: F401


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

# %% dL_dW2_by_loops: divided_by_n_y
def dL_dW2_by_loops(dz2, a1):
    n_y, n_h = dz2.shape[0], a1.shape[0]
    dW2 = np.zeros((n_y, n_h))
    for i in range(n_y):
        for k in range(n_h):
            dW2[i, k] = dz2[i, 0] * a1[k, 0] / n_y
    return dW2

# %% dL_dW2_by_loops: dz2_left_out
def dL_dW2_by_loops(dz2, a1):
    n_y, n_h = dz2.shape[0], a1.shape[0]
    dW2 = np.zeros((n_y, n_h))
    for i in range(n_y):
        for k in range(n_h):
            dW2[i, k] = a1[k, 0]
    return dW2

# %% layer2_backward_rows: course_transpose_in_dA
def layer2_backward_rows(W2, dZ2_rows, A1_rows):
    m = A1_rows.shape[0]
    dA1_rows = dZ2_rows @ W2.T
    dW2 = (1 / m) * dZ2_rows.T @ A1_rows
    return dA1_rows, dW2

# %% layer2_backward_rows: dW_transposed
def layer2_backward_rows(W2, dZ2_rows, A1_rows):
    m = A1_rows.shape[0]
    return dZ2_rows @ W2, (1 / m) * A1_rows.T @ dZ2_rows

# %% layer2_backward_rows: m_from_the_columns
def layer2_backward_rows(W2, dZ2_rows, A1_rows):
    m = A1_rows.shape[1]
    return dZ2_rows @ W2, (1 / m) * dZ2_rows.T @ A1_rows

# %% layer2_backward_rows: course_line_for_dW
def layer2_backward_rows(W2, dZ2_rows, A1_rows):
    m = A1_rows.shape[0]
    return dZ2_rows @ W2, (1 / m) * dZ2_rows @ A1_rows.T

# %% shapes_fit: only_the_transposes
fit = {"dA1"}

# %% shapes_fit: all_four
fit = {"dW2", "dA1", "dZ1", "dW1"}

# %% explorer_fit: none
fits_here = set()

# %% explorer_fit: the_transposes
fits_here = {"dA1", "dW2"}

# %% jacobian_L_a1: course_transpose
def jacobian_L_a1(jac_L_z2, W2):
    return jac_L_z2 @ W2.T

# %% jacobian_L_a1: column_layout
def jacobian_L_a1(jac_L_z2, W2):
    return W2.T @ jac_L_z2.T
