"""Realistic wrong answers to notebook 01's exercises (``# %% name: the mistake it must be named``)."""

# %% dL_da: sign_flipped
def dL_da(a, y):
    return y / a - (1 - y) / (1 - a)

# %% dL_da: inner_derivative_forgotten
def dL_da(a, y):
    return -(y / a + (1 - y) / (1 - a))
