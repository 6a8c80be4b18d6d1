"""Realistic wrong answers to notebook 05's exercises, one block each (``# %% name: mistake``,
the mistake its check must name; for a prediction, any label). Each block is the code of the
exercise's cell; the names it uses (``np``, ``sigmoid``, ``silu``) are those of the notebook.
"""
# ruff: noqa: F811 (each block redefines the exercise's function)

import numpy as np

from helpers import sigmoid
from helpers.exercises.nb05 import silu


# %% softplus_prime: sigmoid_of_a
def softplus_prime(a):
    return sigmoid(a)


# %% softplus_prime: one_over_u_forgotten
def softplus_prime(a):
    e_z = np.exp(a) - 1  # e^a = 1 + e^z
    return e_z


# %% softplus_prime: one_minus_forgotten
def softplus_prime(a):
    return 1 / np.exp(a)


# %% softplus_prime: sigmoid_derivative
def softplus_prime(a):
    return a * (1 - a)


# %% elu_prime: elu_itself
def elu_prime(z, alpha):
    return np.where(z > 0, z, alpha * (np.exp(z) - 1))


# %% elu_prime: minus_one_kept
def elu_prime(z, alpha):
    return np.where(z > 0, 1.0, alpha * np.exp(z) - 1)


# %% elu_prime: negative_branch_is_g
def elu_prime(z, alpha):
    return np.where(z > 0, 1.0, alpha * np.expm1(z))


# %% elu_prime: positive_branch_is_z
def elu_prime(z, alpha):
    return np.where(z > 0, z, alpha * np.exp(z))


# %% elu_prime: branches_swapped
def elu_prime(z, alpha):
    return np.where(z <= 0, 1.0, alpha * np.exp(z))


# %% elu_prime: alpha_forgotten
def elu_prime(z, alpha):
    return np.where(z > 0, 1, np.exp(z))


# %% silu_prime: z_forgotten
def silu_prime(z):
    return sigmoid(z) + sigmoid(z) * (1 - sigmoid(z))


# %% silu_prime: second_term_only
def silu_prime(z):
    s = sigmoid(z)
    return z * s * (1 - s)


# %% silu_prime: sigma_prime_only
def silu_prime(z):
    return sigmoid(z) * (1 - sigmoid(z))


# %% silu_prime: first_term_only
def silu_prime(z):
    return sigmoid(z)


# %% silu_prime: sign_of_sigma_prime
def silu_prime(z):
    return sigmoid(z) - z * sigmoid(z) * (1 - sigmoid(z))


# %% silu_prime: a_one_minus_a
def silu_prime(z):
    a = silu(z)
    return a * (1 - a)


# %% largest_share: tanh
prediction = "tanh"

# %% largest_share: the_same
prediction = "about the same"

# %% relu_switched_off: grows
prediction = "grows"

# %% relu_switched_off: shrinks
prediction = "shrink"

# %% per_layer_factor: one_weight_sum
prediction = 0.5

# %% per_layer_factor: g_prime_only
prediction = 1

# %% same_saturation: same_scale
prediction = 1

# %% same_saturation: quarter
prediction = "4"
