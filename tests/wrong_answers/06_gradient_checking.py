"""Realistic wrong answers to notebook 06's exercises (``# %% name: the mistake it must be
named``). Each block redefines the learner's function: that is the point."""

# ruff: noqa: F811
import numpy as np


# %% numerical_gradient: forward_difference
def my_numerical_gradient(f, x, epsilon=1e-6):
    grad = np.zeros_like(x, dtype=float)
    for index in np.ndindex(x.shape):
        x_plus = np.array(x, dtype=float)
        x_plus[index] += epsilon
        grad[index] = (f(x_plus) - f(x)) / epsilon
    return grad


# %% numerical_gradient: caller_x_changed
def my_numerical_gradient(f, x, epsilon=1e-6):
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        x[index] += epsilon
        f_plus = f(x)
        x[index] -= 2 * epsilon
        f_minus = f(x)
        grad[index] = (f_plus - f_minus) / (2 * epsilon)
    return grad


# %% numerical_gradient: divided_by_epsilon
def my_numerical_gradient(f, x, epsilon=1e-6):
    grad = np.zeros_like(x, dtype=float)
    for index in np.ndindex(x.shape):
        x_plus, x_minus = x.copy(), x.copy()
        x_plus[index] += epsilon
        x_minus[index] -= epsilon
        grad[index] = (f(x_plus) - f(x_minus)) / epsilon
    return grad


# %% numerical_gradient: entry_not_restored
def my_numerical_gradient(f, x, epsilon=1e-6):
    x = x.copy()
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + epsilon
        f_plus = f(x)
        x[index] = saved - epsilon
        f_minus = f(x)
        grad[index] = (f_plus - f_minus) / (2 * epsilon)
    return grad


# %% numerical_gradient: whole_array_nudged
def my_numerical_gradient(f, x, epsilon=1e-6):
    grad = np.zeros_like(x, dtype=float)
    for index in np.ndindex(x.shape):
        grad[index] = (f(x + epsilon) - f(x - epsilon)) / (2 * epsilon)
    return grad


# %% numerical_gradient: epsilon_ignored
def my_numerical_gradient(f, x, epsilon=1e-6):
    h = 1e-6
    x = x.astype(float)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        old = x[index]
        x[index] = old + h
        up = f(x)
        x[index] = old - h
        down = f(x)
        x[index] = old
        grad[index] = (up - down) / (2 * h)
    return grad


# %% relative_error: numeric_norm_only
def my_relative_error(analytic, numeric):
    return np.linalg.norm(analytic - numeric) / np.linalg.norm(numeric)


# %% relative_error: zero_gradients_not_handled
def my_relative_error(analytic, numeric):
    difference = np.linalg.norm(analytic - numeric)
    return difference / (np.linalg.norm(analytic) + np.linalg.norm(numeric))


# %% relative_error: absolute_error
def my_relative_error(analytic, numeric):
    return np.linalg.norm(analytic - numeric)


# %% relative_error: no_norm
def my_relative_error(analytic, numeric):
    return np.abs(analytic - numeric) / (np.abs(analytic) + np.abs(numeric))


# %% relative_error: mean_of_entries
def my_relative_error(analytic, numeric):
    return np.mean(np.abs(analytic - numeric) / (np.abs(analytic) + np.abs(numeric)))


# %% relative_error: largest_entry
def my_relative_error(analytic, numeric):
    largest = np.max(np.abs(analytic)) + np.max(np.abs(numeric))
    if largest == 0:
        return 0.0
    return np.max(np.abs(analytic - numeric)) / largest


# %% backward_propagation: other_activation_g_prime
def my_backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2, A1, A2 = parameters["W2"], cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * np.dot(dZ2, A1.T)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * A1 * (1 - A1)
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% backward_propagation: wrong_m
def my_backward_propagation(parameters, cache, X, Y):
    m = X.shape[0]
    dZ2 = cache["A2"] - Y
    dW2 = np.dot(dZ2, cache["A1"].T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - np.power(cache["A1"], 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% backward_propagation: square_of_difference
def my_backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2, A1, A2 = parameters["W2"], cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * dZ2 @ A1.T
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = W2.T @ dZ2 * (1 - A1) ** 2
    dW1 = (1 / m) * dZ1 @ X.T
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% backward_propagation: sign_of_g_prime
def my_backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2, A1, A2 = parameters["W2"], cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * dZ2 @ A1.T
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = W2.T @ dZ2 * (A1**2 - 1)
    dW1 = (1 / m) * dZ1 @ X.T
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% one_output: shapes_would_not_catch_it
blind_spot = "missing_transpose_W2"

# %% one_output: g_prime_near_one
blind_spot = "missing_g_prime"

# %% missing_one_over_m: exactly_one
error_without_one_over_m = 1.0

# %% missing_one_over_m: the_factor
error_without_one_over_m = 400

# %% missing_one_over_m: two_digits
error_without_one_over_m = 0.99
