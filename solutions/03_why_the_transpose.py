"""Solutions of notebook 03's exercises, one block per exercise (``# %% name``): the code that
replaces the exercise's cell."""

import numpy as np  # noqa: F401


# %% da1_by_loops
def da1_by_loops(W2, dz2):
    n_y, n_h = W2.shape
    da1 = np.zeros((n_h, 1))
    for k in range(n_h):                # hidden unit k + 1
        for i in range(n_y):            # a1_k reaches L through every output z2_i
            da1[k, 0] += W2[i, k] * dz2[i, 0]
    return da1

# %% dL_dW2_by_loops
def dL_dW2_by_loops(dz2, a1):
    n_y, n_h = dz2.shape[0], a1.shape[0]
    dW2 = np.zeros((n_y, n_h))          # the shape of W2
    for i in range(n_y):
        for k in range(n_h):            # W2[i, k] reaches L through z2_i alone
            dW2[i, k] = dz2[i, 0] * a1[k, 0]
    return dW2

# %% layer2_backward
def layer2_backward(W2, dZ2, A1):
    m = dZ2.shape[1]                    # the examples are the columns
    dA1 = W2.T @ dZ2                    # column k of W2 is row k of W2.T
    dW2 = (1 / m) * dZ2 @ A1.T          # the mean of the outer products dz2 a1^T
    return dA1, dW2

# %% shapes_fit
fit = {"dW2", "dA1", "dW1"}

# %% explorer_fit
fits_here = "dZ1"
