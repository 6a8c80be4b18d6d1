"""Solutions of notebook 07's exercises, one block per exercise (``# %% name``)."""

from helpers import (  # noqa: F401
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
)


# %% update_parameters
def update_parameters(parameters, grads, learning_rate):
    # against the gradient: to first order J changes by dθ · Δθ = -learning_rate ||dθ||² < 0
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


# %% first_order_error
prediction = 0.00074  # O(alpha): ten times smaller alpha, ten times smaller error


# %% nn_model
def nn_model(X, Y, n_h, num_iterations, learning_rate):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])  # once, before the loop
    costs = []
    for _ in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)  # forward pass
        cost = compute_cost(A2, Y)  # cost J
        costs.append(cost)
        grads = backward_propagation(parameters, cache, X, Y)  # backward pass
        parameters = update_parameters(parameters, grads, learning_rate)  # one step
    return parameters, costs


# %% predict
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2 > 0.5  # True where the probability of the label 1 is above one half


# %% logistic_accuracy
prediction = "below 50 %"

# %% xor_one_unit
prediction = "between 55 % and 71 %"

# %% learning_rate_10
prediction = "jumps up and down"
