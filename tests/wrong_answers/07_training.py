"""Realistic wrong answers to notebook 07's exercises (``# %% name: the mistake it must be
named``). Each block replaces its exercise's cell in the notebook, so names are defined again."""
# ruff: noqa: F811

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


# %% predict: threshold_zero
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2 > 0


# %% predict: probabilities
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2


# %% predict: ties_to_one
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return (A2 >= 0.5).astype(int)


# %% logistic_accuracy: about_chance
prediction = "about 50 %"

# %% logistic_accuracy: best_line
prediction = "about 70 %"

# %% xor_one_unit: perfect
prediction = "near 100 %"

# %% xor_one_unit: chance
prediction = "about 50 %"

# %% learning_rate_10: faster
prediction = "falls faster"

# %% learning_rate_10: blows_up
prediction = "becomes infinite"
