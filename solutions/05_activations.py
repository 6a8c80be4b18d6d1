"""Solutions of notebook 05's exercises, one block per exercise (``# %% name``): the code that
replaces the exercise's cell. The names the blocks use (``np``, ``sigmoid``) are the notebook's."""

import numpy as np

from helpers import sigmoid


# %% softplus_prime
def softplus_prime(a):
    return 1 - np.exp(-a)


# %% elu_prime
def elu_prime(z, alpha):
    return np.where(z > 0, 1.0, alpha * np.exp(z))


# %% silu_prime
def silu_prime(z):
    return sigmoid(z) * (1 + z * (1 - sigmoid(z)))


# %% largest_share
prediction = "relu"

# %% relu_switched_off
prediction = "stays the same"

# %% per_layer_factor
prediction = 0.07

# %% same_saturation
prediction = 2
