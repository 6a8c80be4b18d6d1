"""Solutions of notebook 06's exercises, one block per exercise (``# %% name``)."""

import numpy as np  # noqa: F401


# %% numerical_gradient
def my_numerical_gradient(f, x, epsilon=1e-6):
    x = np.array(x, dtype=float)  # a copy: the caller's x stays as it was
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):  # every index, whatever the shape of x
        saved = x[index]
        x[index] = saved + epsilon
        f_plus = f(x)
        x[index] = saved - epsilon
        f_minus = f(x)
        x[index] = saved  # put the entry back before nudging the next one
        grad[index] = (f_plus - f_minus) / (2 * epsilon)
    return grad


# %% relative_error
def my_relative_error(analytic, numeric):
    denominator = np.linalg.norm(analytic) + np.linalg.norm(numeric)  # over every entry
    if denominator == 0:  # both gradients are 0: they agree
        return 0.0
    return np.linalg.norm(analytic - numeric) / denominator


# %% backward_propagation
def my_backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]  # the examples are the columns
    W2, A1, A2 = parameters["W2"], cache["A1"], cache["A2"]
    dZ2 = A2 - Y  # (n_y, m): one column per example, no 1/m
    dW2 = (1 / m) * dZ2 @ A1.T  # (n_y, m) @ (m, n_h): the sum over the examples, then the mean
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = W2.T @ dZ2  # (n_h, n_y) @ (n_y, m): each hidden unit collects from every output
    dZ1 = dA1 * (1 - A1**2)  # tanh'(Z1), written through A1 = tanh(Z1)
    dW1 = (1 / m) * dZ1 @ X.T
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% one_output
blind_spot = "elementwise_in_dA1"

# %% missing_one_over_m
error_without_one_over_m = 0.995  # (m - 1)/(m + 1) for m = 400
