"""Realistic wrong answers to notebook 08's exercises (``# %% name: the mistake it must be
named``). Each block replaces its exercise's cell in the notebook, so names are defined again."""
# ruff: noqa: F811

import numpy as np  # noqa: F401

from helpers.deep import linear_activation_backward  # noqa: F401 (imported by the notebook)


# %% linear_backward: missing_transpose_W
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dA_prev = W @ dZ
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return dA_prev, dW, db


# %% linear_backward: missing_keepdims
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = dZ.shape[1]
    return W.T @ dZ, (1 / m) * dZ @ A_prev.T, (1 / m) * np.sum(dZ, axis=1)


# %% linear_backward: one_over_m_in_dA_prev
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dA_prev = W.T @ dZ / m
    dW = dZ @ A_prev.T / m
    db = np.mean(dZ, axis=1, keepdims=True)
    return dA_prev, dW, db


# %% linear_backward: swapped_factors_dW
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, A_prev @ dZ.T / m, np.mean(dZ, axis=1, keepdims=True)


# %% L_model_backward: started_from_dZ
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = AL - Y
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
            dA, caches[l - 1], activation
        )
        grads[f"dA{l - 1}"] = dA
    return grads


# %% L_model_backward: relu_in_output_layer
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in reversed(range(1, L + 1)):
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(
            dA, caches[l - 1], "relu"
        )
        grads["dA" + str(l - 1)] = dA
    return grads


# %% L_model_backward: dA_index_off_by_one
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA_prev, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l)], grads["dW" + str(l)], grads["db" + str(l)] = dA_prev, dW, db
        dA = dA_prev
    return grads


# %% L_model_backward: sigmoid_in_every_layer
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        dA_prev, dW, db = linear_activation_backward(dA, caches[l - 1], "sigmoid")
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db
        dA = dA_prev
    return grads


# %% matmul_backward: missing_transpose_V
def matmul_backward(G, U, V):
    return G @ V, U.T @ G


# %% matmul_backward: wrong_order_U
def matmul_backward(G, U, V):
    grad_U = V.T @ G
    grad_V = U.T @ G
    return grad_U, grad_V


# %% matmul_backward: transposed_grad_V
def matmul_backward(G, U, V):
    grad_U = G @ V.T
    grad_V = G.T @ U
    return grad_U, grad_V


# %% fd_passes: one_per_parameter
predicted_passes = 145

# %% fd_passes: one_sided
predicted_passes = 146

# %% backprop_cost: backward_only
predicted_cost = 2

# %% backprop_cost: like_finite_differences
predicted_cost = 290
