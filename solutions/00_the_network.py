"""Solutions of notebook 00's exercises, one block per exercise (``# %% name``)."""

import numpy as np  # noqa: F401

from helpers import sigmoid  # noqa: F401

# %% separable
separable = 0

# %% Z1_shape
Z1_shape = (4, 400)


# %% forward
def forward(X, W1, b1, W2, b2):
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = sigmoid(Z2)
    return Z1, A1, Z2, A2


# %% losses
def losses(A2, Y):
    p = np.where(Y == 1, A2, 1 - A2)  # the probability the network gives the true label
    return -np.log(p)


# %% J_at_start
J_at_start = np.log(2)

# %% changes_with_m
changes_with_m = {"X", "Y", "Z1", "A1", "Z2", "A2"}
