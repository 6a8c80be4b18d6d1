"""Realistic wrong answers to notebook 07's exercises (``# %% name: the mistake it must be
named``). Each block replaces its exercise's cell in the notebook, so names are defined again."""
# ruff: noqa: F811

import numpy as np

from helpers import (  # noqa: F401
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    update_parameters,
)


# %% update_parameters: gradient_ascent
def update_parameters(parameters, grads, learning_rate):
    W1 = parameters["W1"] + learning_rate * grads["dW1"]
    b1 = parameters["b1"] + learning_rate * grads["db1"]
    W2 = parameters["W2"] + learning_rate * grads["dW2"]
    b2 = parameters["b2"] + learning_rate * grads["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


# %% update_parameters: learning_rate_forgotten
def update_parameters(parameters, grads, learning_rate):
    return {key: parameters[key] - grads["d" + key] for key in parameters}


# %% update_parameters: biases_kept
def update_parameters(parameters, grads, learning_rate):
    W1 = parameters["W1"] - learning_rate * grads["dW1"]
    W2 = parameters["W2"] - learning_rate * grads["dW2"]
    return {"W1": W1, "b1": parameters["b1"], "W2": W2, "b2": parameters["b2"]}


# %% first_order_error: unchanged
prediction = 0.0074

# %% first_order_error: quadratic
prediction = "7.4e-5"


# %% nn_model: update_not_assigned
def nn_model(X, Y, n_h, num_iterations, learning_rate):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    costs = []
    for _ in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        costs.append(compute_cost(A2, Y))
        grads = backward_propagation(parameters, cache, X, Y)
        update_parameters(parameters, grads, learning_rate)
    return parameters, costs


# %% nn_model: reinitialised_inside_loop
def nn_model(X, Y, n_h, num_iterations, learning_rate):
    costs = []
    for _ in range(num_iterations):
        parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
        A2, cache = forward_propagation(X, parameters)
        costs.append(compute_cost(A2, Y))
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


# %% nn_model: learning_rate_not_passed
def nn_model(X, Y, n_h, num_iterations, learning_rate):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    costs = []
    for _ in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        costs.append(compute_cost(A2, Y))
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters, costs


# %% nn_model: cost_appended_after_loop
def nn_model(X, Y, n_h, num_iterations, learning_rate):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    costs = []
    for _ in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    costs.append(cost)
    return parameters, costs


# %% nn_model: cost_after_update
def nn_model(X, Y, n_h, num_iterations, learning_rate):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    costs = []
    for _ in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
        A2, cache = forward_propagation(X, parameters)
        costs.append(compute_cost(A2, Y))
    return parameters, costs


# %% nn_model: extra_final_cost
def nn_model(X, Y, n_h, num_iterations, learning_rate):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    costs = []
    for _ in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        costs.append(compute_cost(A2, Y))
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    A2, cache = forward_propagation(X, parameters)
    costs.append(compute_cost(A2, Y))
    return parameters, costs


# %% nn_model: costs_sampled
def nn_model(X, Y, n_h, num_iterations, learning_rate):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    costs = []
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        if i % 1000 == 0:
            costs.append(cost)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


# %% nn_model: forward_before_loop
def nn_model(X, Y, n_h, num_iterations, learning_rate):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    A2, cache = forward_propagation(X, parameters)
    costs = []
    for _ in range(num_iterations):
        costs.append(compute_cost(A2, Y))
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


# %% nn_model: initial_weights_differ
def nn_model(X, Y, n_h, num_iterations, learning_rate):
    n_x, n_y = X.shape[0], Y.shape[0]
    np.random.seed(3)
    parameters = {
        "W1": np.random.randn(n_h, n_x) * 0.01,
        "b1": np.zeros((n_h, 1)),
        "W2": np.random.randn(n_y, n_h) * 0.01,
        "b2": np.zeros((n_y, 1)),
    }
    costs = []
    for _ in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        costs.append(compute_cost(A2, Y))
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


# %% nn_model: initial_weights_differ
def nn_model(X, Y, n_h, num_iterations, learning_rate):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0], seed=3)
    costs = []
    for _ in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        costs.append(compute_cost(A2, Y))
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


# %% predict: threshold_zero
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2 > 0


# %% predict: probabilities
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2


# %% predict: classes_swapped
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2 < 0.5


# %% predict: ties_to_one
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return (A2 >= 0.5).astype(int)


# %% logistic_accuracy: about_chance
prediction = "between 50 % and 60 %"

# %% logistic_accuracy: best_line
prediction = "between 60 % and 80 %"

# %% xor_one_unit: perfect
prediction = "near 100 %"

# %% xor_one_unit: chance
prediction = "about 50 %"

# %% learning_rate_10: faster
prediction = "falls faster"

# %% learning_rate_10: blows_up
prediction = "becomes infinite"
