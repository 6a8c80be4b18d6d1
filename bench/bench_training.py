"""Benchmarks of the reference network; prints figures, asserts nothing.  Run: ``make bench``.

The reference is written for reading (one formula per line, as the notebooks spell them), not for
speed; these figures are information, not targets.

1. Training speed on the flower (n_x=2, n_h=4, n_y=1, m=400, tanh, full-batch gradient descent):
   microseconds per iteration of ``helpers.nn_model`` and of scikit-learn's ``MLPClassifier`` with
   the same architecture and plain full-batch gradient descent (no momentum, no regularisation).
2. Overhead on a large layer (m=8192, n_x=256, n_h=1024, n_y=1, tanh): the time of one forward +
   backward pass divided by the sum of the times of the kernels it cannot avoid, measured in the
   same run: the two large matrix products (W1 X and dZ1 X^T), one tanh and one elementwise pass
   over (n_h, m).
"""

from __future__ import annotations

import argparse
import os
import platform
import time
import warnings
from statistics import median

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from helpers import load_planar_dataset, nn_model
from helpers.activations import get_activation
from helpers.network import (
    backward_propagation,
    backward_unchecked,
    forward_propagation,
    forward_unchecked,
)


def best_of(function, repeats: int) -> float:
    """Median wall time of ``repeats`` calls, in seconds (after one warm-up call)."""
    function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return median(times)


def training_speed(iterations: int, repeats: int) -> None:
    X, Y = load_planar_dataset()
    ours = best_of(
        lambda: nn_model(X, Y, n_h=4, num_iterations=iterations, learning_rate=1.2), repeats
    )

    def sklearn_fit():
        model = MLPClassifier(
            hidden_layer_sizes=(4,),
            activation="tanh",
            solver="sgd",
            batch_size=X.shape[1],
            learning_rate="constant",
            learning_rate_init=1.2,
            momentum=0.0,
            nesterovs_momentum=False,
            alpha=0.0,
            max_iter=iterations,
            shuffle=False,
            tol=0.0,
            n_iter_no_change=iterations + 1,
            random_state=2,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # it stops at max_iter, as asked
            model.fit(X.T, Y.ravel())
        assert model.n_iter_ == iterations
        return model

    theirs = best_of(sklearn_fit, repeats)
    per_ours, per_theirs = ours / iterations * 1e6, theirs / iterations * 1e6
    print(f"flower, {iterations} iterations, median of {repeats} runs")
    print(f"  helpers.nn_model          {per_ours:8.1f} us/iteration")
    print(f"  sklearn MLPClassifier     {per_theirs:8.1f} us/iteration")
    print(f"  ratio (sklearn / ours)    {per_theirs / per_ours:8.1f} x")


def large_layer_overhead(repeats: int) -> None:
    m, n_x, n_h, n_y = 8192, 256, 1024, 1
    rng = np.random.default_rng(0)
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((n_y, m)) > 0.5).astype(float)
    parameters = {
        "W1": rng.standard_normal((n_h, n_x)) * 0.05,
        "b1": np.zeros((n_h, 1)),
        "W2": rng.standard_normal((n_y, n_h)) * 0.05,
        "b2": np.zeros((n_y, 1)),
    }
    tanh = get_activation("tanh")
    _, cache = forward_unchecked(X, parameters, tanh)
    Z1, A1 = cache["Z1"], cache["A1"]
    dZ1 = rng.standard_normal((n_h, m))

    def core():
        _, c = forward_unchecked(X, parameters, tanh)
        backward_unchecked(parameters, c, X, Y, tanh)

    def public():
        _, c = forward_propagation(X, parameters)
        backward_propagation(parameters, c, X, Y)

    kernels = {
        "W1 @ X": best_of(lambda: parameters["W1"] @ X, repeats),
        "dZ1 @ X.T": best_of(lambda: dZ1 @ X.T, repeats),
        "tanh(Z1)": best_of(lambda: np.tanh(Z1), repeats),
        "one elementwise pass": best_of(lambda: dZ1 * A1, repeats),
    }
    unavoidable = sum(kernels.values())
    total = best_of(core, repeats)
    checked = best_of(public, repeats)
    print(
        f"\nlarge layer m={m}, n_x={n_x}, n_h={n_h}, n_y={n_y}, tanh, float64, median of {repeats}"
    )
    for name, seconds in kernels.items():
        print(f"  {name:<22} {seconds * 1e3:8.1f} ms")
    print(f"  {'sum of the kernels':<22} {unavoidable * 1e3:8.1f} ms")
    print(f"  forward + backward     {total * 1e3:8.1f} ms   ratio {total / unavoidable:.2f}")
    print(
        f"  same, public functions {checked * 1e3:8.1f} ms   ratio {checked / unavoidable:.2f}"
        "   (adds the input checks: a NaN/inf scan of X, Z1, A1 ...)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()}, NumPy {np.__version__}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (figures vary with the load)"
    )
    training_speed(args.iterations, args.repeats)
    large_layer_overhead(args.repeats)


if __name__ == "__main__":
    main()
