"""Solutions of notebook 02's exercises, one block per exercise (``# %% name``): the code that
replaces the exercise's cell."""

import numpy as np

from helpers import sigmoid


# %% dL_dz1
def dL_dz1(x, y, w1, b1, w2, b2):
    # numbers: one example x with label y, one sigmoid hidden unit, one sigmoid output
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    # dL/dz1 = dL/da2 * da2/dz2 * dz2/da1 * da1/dz1 = (a2 - y) * w2 * sigma'(z1)
    return (a2 - y) * w2 * a1 * (1 - a1)


# %% df_dt
def df_dt(t):
    # f = p(u, v) = u**v with u = t and v = t
    # path t -> u -> f: dp/du * du/dt = v * u**(v - 1) * 1 (the power rule, v held fixed)
    # path t -> v -> f: dp/dv * dv/dt = u**v * log(u) * 1 (the exponential rule, u held fixed)
    return t * t ** (t - 1) + t**t * np.log(t)


# %% dA1_shape
dA1_shape = (3, 4)


# %% da1_by_sums
def da1_by_sums(W2, dz2):
    n_y, n_h = W2.shape
    da1 = np.zeros((n_h, 1))
    for k in range(n_h):  # hidden unit k + 1 (code counts from 0)
        for i in range(n_y):  # a1_k reaches L through every output i: the paths add up
            da1[k, 0] += W2[i, k] * dz2[i, 0]
    return da1


# %% dZ1_of
def dZ1_of(W2, dZ2, A1):
    # row k of W2.T is column k of W2: (W2.T @ dZ2)[k, j] = sum_i W2[i, k] dZ2[i, j]
    dA1 = W2.T @ dZ2
    # then its own slope, entry by entry: the sigmoid's g'(Z1) = A1 (1 - A1)
    return dA1 * A1 * (1 - A1)


# %% relu_zero_unit
prediction = (1, "no")
