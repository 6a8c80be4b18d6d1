"""Solutions of notebook 03's exercises, one block per exercise (``# %% name``): the code that
replaces the exercise's cell."""

import numpy as np  # noqa: F401


# %% dL_dW2_by_loops
def dL_dW2_by_loops(dz2, a1):
    n_y, n_h = dz2.shape[0], a1.shape[0]
    dW2 = np.zeros((n_y, n_h))          # the shape of W2
    for i in range(n_y):
        for k in range(n_h):            # W2[i, k] reaches L through z2_i alone
            dW2[i, k] = dz2[i, 0] * a1[k, 0]
    return dW2

# %% layer2_backward_rows
def layer2_backward_rows(W2, dZ2_rows, A1_rows):
    m = A1_rows.shape[0]                # the examples are the rows
    dA1_rows = dZ2_rows @ W2            # sum over the outputs i: already the inner index
    dW2 = (1 / m) * dZ2_rows.T @ A1_rows  # sum over the examples j, moved to the middle
    return dA1_rows, dW2

# %% shapes_fit
fit = {"dW2", "dA1", "dW1"}

# %% explorer_fit
fits_here = {"dZ1"}

# %% jacobian_L_a1
def jacobian_L_a1(jac_L_z2, W2):
    return jac_L_z2 @ W2                # D_z2 L times D_a1 z2 = W2, in the order of the chain
