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


# %% dL_dz: sign_of_dZ2
def dL_dz(a, y):
    return y - a


# %% dL_dz: squared_error_slope
def dL_dz(a, y):
    return (a - y) * a * (1 - a)


# %% dL_dz: inner_derivative_in_product
def dL_dz(a, y):
    return (-y / a - (1 - y) / (1 - a)) * a * (1 - a)


# %% dL_dz: expansion_sign_slip
def dL_dz(a, y):
    return -y - y * a + a - y * a


# %% dL_dz: da_dz_left_out
def dL_dz(a, y):
    return -y / a + (1 - y) / (1 - a)


# %% bigger_gradient: squared_error
prediction = "squared error"

# %% bigger_gradient: the_same
prediction = "about the same"

# %% tangent_slope: sign
prediction = -1

# %% tangent_slope: flattens
prediction = 0
