"""Realistic wrong answers to notebook 02's exercises, one block each (``# %% name: mistake``,
the mistake its check must name; for a prediction, any label). Each block is the code of the
exercise's cell; the names it uses (``np``, ``sigmoid``) are those of the notebook.
"""
# ruff: noqa: F811 (each block redefines the exercise's function)

import numpy as np

from helpers import sigmoid


# %% dL_dz1: sign_of_dZ2
def dL_dz1(x, y, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    return (y - a2) * w2 * a1 * (1 - a1)


# %% dL_dz1: other_activation_g_prime
def dL_dz1(x, y, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    return (a2 - y) * w2 * (1 - a1**2)


# %% dL_dz1: w1_for_w2
def dL_dz1(x, y, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    return (a2 - y) * w1 * a1 * (1 - a1)


# %% dL_dz1: g_instead_of_g_prime
def dL_dz1(x, y, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    return (a2 - y) * w2 * a1


# %% dL_dz1: missing_g_prime
def dL_dz1(x, y, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    return (a2 - y) * w2


# %% dL_dz1: missing_w2
def dL_dz1(x, y, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    return (a2 - y) * a1 * (1 - a1)


# %% dL_dz1: g_prime_of_A1
def dL_dz1(x, y, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    return (a2 - y) * w2 * sigmoid(a1) * (1 - sigmoid(a1))


# %% dL_dz1: a_formula_fed_Z1
def dL_dz1(x, y, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    return (a2 - y) * w2 * z1 * (1 - z1)


# %% dL_dz1: output_slope_twice
def dL_dz1(x, y, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    dz2 = (a2 - y) * a2 * (1 - a2)
    return dz2 * w2 * a1 * (1 - a1)


# %% dL_dz1: extra_x
def dL_dz1(x, y, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    return (a2 - y) * w2 * a1 * (1 - a1) * x


# %% dL_dz1: dL_dw2
def dL_dz1(x, y, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    return (a2 - y) * a1


# %% dL_dz1: dL_da2_for_dL_dz2
def dL_dz1(x, y, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    dL_da2 = -y / a2 + (1 - y) / (1 - a2)
    return dL_da2 * w2 * a1 * (1 - a1)


# %% df_dt: path_through_u_only
def df_dt(t):
    return t * t ** (t - 1)


# %% df_dt: path_through_v_only
def df_dt(t):
    return t**t * np.log(t)


# %% df_dt: paths_multiplied
def df_dt(t):
    return t * t ** (t - 1) * t**t * np.log(t)


# %% df_dt: log_base_10
def df_dt(t):
    return t**t * (1 + np.log10(t))


# %% dA1_shape: shape_of_dZ2
dA1_shape = (2, 4)

# %% dA1_shape: row_per_example
dA1_shape = (1, 3)

# %% dA1_shape: shape_of_W2_T
dA1_shape = (3, 2)

# %% dA1_shape: shape_of_W2
dA1_shape = [2, 3]


# %% da1_by_sums: first_output_only
def da1_by_sums(W2, dz2):
    n_y, n_h = W2.shape
    da1 = np.zeros((n_h, 1))
    for k in range(n_h):
        da1[k, 0] = W2[0, k] * dz2[0, 0]
    return da1


# %% da1_by_sums: rows_for_columns
def da1_by_sums(W2, dz2):
    n_y, n_h = W2.shape
    da1 = np.zeros((n_h, 1))
    for k in range(n_h):
        for i in range(n_y):
            da1[k, 0] += W2[k, i] * dz2[i, 0]
    return da1


# %% da1_by_sums: last_output_only
def da1_by_sums(W2, dz2):
    n_y, n_h = W2.shape
    da1 = np.zeros((n_h, 1))
    for k in range(n_h):
        for i in range(n_y):
            da1[k, 0] = W2[i, k] * dz2[i, 0]
    return da1


# %% da1_by_sums: paths_multiplied
def da1_by_sums(W2, dz2):
    n_y, n_h = W2.shape
    da1 = np.ones((n_h, 1))
    for k in range(n_h):
        for i in range(n_y):
            da1[k, 0] *= W2[i, k] * dz2[i, 0]
    return da1


# %% dZ1_of: missing_transpose_W2
def dZ1_of(W2, dZ2, A1):
    dA1 = W2 @ dZ2
    return dA1 * A1 * (1 - A1)


# %% dZ1_of: other_activation_g_prime
def dZ1_of(W2, dZ2, A1):
    dA1 = W2.T @ dZ2
    return dA1 * (1 - A1**2)


# %% dZ1_of: elementwise_in_dA1
def dZ1_of(W2, dZ2, A1):
    dA1 = W2.T * dZ2
    return dA1 * A1 * (1 - A1)


# %% dZ1_of: missing_g_prime
def dZ1_of(W2, dZ2, A1):
    return W2.T @ dZ2


# %% dZ1_of: matmul_in_dZ1
def dZ1_of(W2, dZ2, A1):
    dA1 = W2.T @ dZ2
    return dA1 @ (A1 * (1 - A1))


# %% dZ1_of: g_instead_of_g_prime
def dZ1_of(W2, dZ2, A1):
    return (W2.T @ dZ2) * A1


# %% dZ1_of: g_prime_of_A1
def dZ1_of(W2, dZ2, A1):
    return (W2.T @ dZ2) * sigmoid(A1) * (1 - sigmoid(A1))


# %% dZ1_of: sign_of_g_prime
def dZ1_of(W2, dZ2, A1):
    return (W2.T @ dZ2) * A1 * (A1 - 1)


# %% dZ1_of: one_over_m_in_dZ1
def dZ1_of(W2, dZ2, A1):
    return W2.T @ dZ2 * A1 * (1 - A1) / A1.shape[1]


# %% dZ1_of: outer_product_in_dZ1
def dZ1_of(W2, dZ2, A1):
    dA1 = W2.T @ dZ2
    return dA1 @ (A1 * (1 - A1)).T


# %% dZ1_of: precedence_in_g_prime
def dZ1_of(W2, dZ2, A1):
    return W2.T @ dZ2 * A1 * 1 - A1


# %% dZ1_of: first_output_only
def dZ1_of(W2, dZ2, A1):
    dA1 = W2[0:1].T @ dZ2[0:1]
    return dA1 * A1 * (1 - A1)


# %% relu_zero_unit: a1_zero_too
prediction = (1, "yes")

# %% relu_zero_unit: active_unit
prediction = (2, "no")

# %% relu_zero_unit: none
prediction = ("none", "no")
