"""Realistic wrong answers to notebook 00's exercises (``# %% name: the mistake it must be
named``). Each block replaces its exercise's cell in the notebook, so names are defined again."""
# ruff: noqa: F811

import numpy as np  # noqa: F401

from helpers import sigmoid  # noqa: F401

# %% separable: moons_looks_separable
separable = 1

# %% separable: all_of_them
separable = 4

# %% Z1_shape: examples_as_rows
Z1_shape = (400, 4)

# %% Z1_shape: one_example
Z1_shape = [4, 1]


# %% forward: transposed_W1
def forward(X, W1, b1, W2, b2):
    Z1 = W1.T @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = sigmoid(Z2)
    return Z1, A1, Z2, A2


# %% forward: elementwise_W1
def forward(X, W1, b1, W2, b2):
    Z1 = W1 * X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = sigmoid(Z2)
    return Z1, A1, Z2, A2


# %% forward: sigmoid_hidden
def forward(X, W1, b1, W2, b2):
    Z1 = np.dot(W1, X) + b1
    A1 = sigmoid(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    return Z1, A1, Z2, A2


# %% forward: factors_swapped
def forward(X, W1, b1, W2, b2):
    Z1 = np.dot(X, W1) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    return Z1, A1, Z2, A2


# %% forward: bias_as_row
def forward(X, W1, b1, W2, b2):
    Z1 = W1 @ X + b1.flatten()
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = sigmoid(Z2)
    return Z1, A1, Z2, A2


# %% forward: activation_skipped
def forward(X, W1, b1, W2, b2):
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ Z1 + b2
    A2 = sigmoid(Z2)
    return Z1, A1, Z2, A2


# %% forward: elementwise_W2
def forward(X, W1, b1, W2, b2):
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 * A1 + b2
    A2 = sigmoid(Z2)
    return Z1, A1, Z2, A2


# %% forward: tanh_output
def forward(X, W1, b1, W2, b2):
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = np.tanh(Z2)
    return Z1, A1, Z2, A2


# %% forward: b2_missing
def forward(X, W1, b1, W2, b2):
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1
    A2 = 1 / (1 + np.exp(-Z2))
    return Z1, A1, Z2, A2


# %% losses: negated_unsigned
def losses(A2, Y):
    return -Y * np.log(A2) - (1 - Y) * np.log(1 - A2)


# %% losses: label_ignored
def losses(A2, Y):
    return -np.log(A2)


# %% losses: log10
def losses(A2, Y):
    return -(Y * np.log10(A2) + (1 - Y) * np.log10(1 - A2))


# %% losses: labels_swapped
def losses(A2, Y):
    return -np.log(np.where(Y == 1, 1 - A2, A2))


# %% losses: sign_flipped
def losses(A2, Y):
    return Y * np.log(A2) + (1 - Y) * np.log(1 - A2)


# %% losses: log2
def losses(A2, Y):
    return -np.log2(np.where(Y == 1, A2, 1 - A2))


# %% losses: averaged
def losses(A2, Y):
    return -np.mean(np.log(np.where(Y == 1, A2, 1 - A2)))


# %% J_at_start: probability_not_loss
J_at_start = 0.5

# %% J_at_start: log_base_2
J_at_start = 1.0

# %% J_at_start: sign
J_at_start = -0.69

# %% changes_with_m: biases_too
changes_with_m = {"X", "Y", "Z1", "A1", "Z2", "A2", "b1", "b2"}

# %% changes_with_m: hidden_layer_only
changes_with_m = ["X", "Z1", "A1"]
