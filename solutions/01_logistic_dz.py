"""Solutions of notebook 01's exercises, one block per exercise (``# %% name``): the code that
replaces the exercise's cell."""

import numpy as np


# %% dL_da
def dL_da(a, y):
    return -y / a + (1 - y) / (1 - a)


# %% sigma_prime
def sigma_prime(a):
    return a * (1 - a)


# %% loss_in_z
def loss_in_z(z, y):
    return np.log(1 + np.exp(z)) - y * z  # np.logaddexp(0, z) - y * z: no overflow past z = 709


# %% bigger_gradient
prediction = "cross-entropy"


# %% dL_SE_dz
def dL_SE_dz(a, y):
    return (a - y) * a * (1 - a)


# %% tangent_slope
prediction = 1
