"""Realistic wrong answers to notebook 01's exercises, one block each (``# %% name: mistake``,
the mistake its check must name; for a prediction, any label). Each block is the code of the
exercise's cell; the names it uses (``np``, ``sigmoid``) are those of the notebook.
"""
# ruff: noqa: F811 (each block redefines the exercise's function)

import numpy as np  # noqa: F401

from helpers import sigmoid  # noqa: F401


# %% dL_da: sign_flipped
def dL_da(a, y):
    return y / a - (1 - y) / (1 - a)


# %% dL_da: inner_derivative_forgotten
def dL_da(a, y):
    return -(y / a + (1 - y) / (1 - a))


# %% dL_da: label_0_term_dropped
def dL_da(a, y):
    return -y / a


# %% sigma_prime: tanh_derivative
def sigma_prime(a):
    return 1 - a**2


# %% sigma_prime: sign_of_sigma_prime
def sigma_prime(a):
    return a * (a - 1)


# %% sigma_prime: a_squared
def sigma_prime(a):
    return a**2 * (1 - a)


# %% sigma_prime: sigmoid_applied_twice
def sigma_prime(a):
    return sigmoid(a) * (1 - sigmoid(a))


# %% loss_in_z: through_a
def loss_in_z(z, y):
    a = sigmoid(z)
    return -(y * np.log(a) + (1 - y) * np.log(1 - a))


# %% loss_in_z: sign_of_yz
def loss_in_z(z, y):
    return np.log(1 + np.exp(z)) + y * z


# %% loss_in_z: z_of_log_1_minus_a_dropped
def loss_in_z(z, y):
    return y * np.log(1 + np.exp(-z)) + (1 - y) * np.log(1 + np.exp(-z))


# %% bigger_gradient: squared_error
prediction = "squared error"

# %% bigger_gradient: the_same
prediction = "about the same"


# %% dL_SE_dz: da_dz_left_out
def dL_SE_dz(a, y):
    return a - y


# %% dL_SE_dz: half_forgotten
def dL_SE_dz(a, y):
    return 2 * (a - y) * a * (1 - a)


# %% dL_SE_dz: sign_flipped
def dL_SE_dz(a, y):
    return (y - a) * a * (1 - a)


# %% dL_SE_dz: tanh_derivative
def dL_SE_dz(a, y):
    return (a - y) * (1 - a**2)


# %% tangent_slope: sign
prediction = -1

# %% tangent_slope: flattens
prediction = 0
