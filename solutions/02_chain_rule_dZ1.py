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
    # path t -> u -> f: dp/du * du/dt = v * 2t; path t -> v -> f: dp/dv * dv/dt = u * cos t
    return np.sin(t) * 2 * t + t**2 * np.cos(t)


# %% dA1_shape
dA1_shape = (3, 4)


# %% dZ1_of
def dZ1_of(W2, dZ2, A1):
    # hidden unit k adds up the paths through every output i: sum_i W2[i, k] dZ2[i, j]
    dA1 = W2.T @ dZ2
    # then its own slope, entry by entry: the sigmoid's g'(Z1) = A1 (1 - A1)
    return dA1 * A1 * (1 - A1)


# %% relu_zero_unit
prediction = 1
