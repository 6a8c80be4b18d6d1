"""Solutions of notebook 08's exercises, one block per exercise (``# %% name``)."""

import numpy as np  # noqa: F401

from helpers.deep import linear_activation_backward  # noqa: F401 (imported by the notebook)


# %% linear_backward
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]                                 # the examples are the columns
    dA_prev = W.T @ dZ                                  # the sum over the paths (03), no 1/m
    dW = (1 / m) * dZ @ A_prev.T                        # the mean over the examples (04)
    db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)    # the mean of the columns, (n_l, 1)
    return dA_prev, dW, db

# %% L_model_backward
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL - (1 - Y) / (1 - AL))                 # dL/dA[L] (01); sigma' comes next
    for l in range(L, 0, -1):                           # layer L first, down to layer 1
        activation = "sigmoid" if l == L else "relu"
        dA_prev, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db
        dA = dA_prev                                    # the input of the step below
    return grads

# %% matmul_backward
def matmul_backward(G, U, V):
    grad_U = G @ V.T        # dJ/dU[i, k] = sum_j G[i, j] V[k, j]
    grad_V = U.T @ G        # dJ/dV[k, j] = sum_i U[i, k] G[i, j]
    return grad_U, grad_V

# %% fd_passes
predicted_passes = 2 * 145      # two evaluations of J per parameter

# %% backprop_cost
predicted_cost = 3              # forward pass 1, backward pass 2 (two products per layer)
