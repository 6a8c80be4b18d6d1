"""Solutions of notebook 01's exercises, one block per exercise (``# %% name``): the code that
replaces the exercise's cell."""


# %% dL_da
def dL_da(a, y):
    return -y / a + (1 - y) / (1 - a)


# %% sigma_prime
def sigma_prime(a):
    return a * (1 - a)


# %% dL_dz
def dL_dz(a, y):
    return a - y


# %% bigger_gradient
prediction = "cross-entropy"

# %% tangent_slope
prediction = 1
