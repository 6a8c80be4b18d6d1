"""Make the course's data sets: ``python data/make_datasets.py [OUTPUT_DIR]`` (default: this
folder).

Writes one CSV per data set (header ``x1,x2,y``, one example per row, floats written so they
read back bit for bit), ``datasets.json`` (the manifest the loader checks files against) and
``README.md`` (a data card per set). Every set comes from a fixed seed, so running the script again
rewrites the same bytes; ``tests/test_data.py`` checks that it does.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
M = 400  # examples per data set, half of each class


def make_flower() -> tuple[np.ndarray, np.ndarray]:
    """The course's planar "flower": NumPy's legacy generator seeded with 1, exactly as the course
    builds it."""
    rng = np.random.RandomState(1)
    N = M // 2
    X = np.zeros((M, 2))
    Y = np.zeros((M, 1), dtype="uint8")
    a = 4  # maximum ray of the flower
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + rng.randn(N) * 0.2  # angle
        r = a * np.sin(4 * t) + rng.randn(N) * 0.2  # radius
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


def make_moons(seed: int = 2, noise: float = 0.2) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles with Gaussian noise."""
    rng = np.random.default_rng(seed)
    t = np.linspace(0, np.pi, M // 2)
    upper = np.stack([np.cos(t), np.sin(t)])
    lower = np.stack([1 - np.cos(t), 0.5 - np.sin(t)])
    X = np.hstack([upper, lower]) + noise * rng.standard_normal((2, M))
    Y = np.repeat(np.array([[0, 1]], dtype="uint8"), M // 2, axis=1)
    return X, Y


def make_circles(
    seed: int = 3, noise: float = 0.1, factor: float = 0.5
) -> tuple[np.ndarray, np.ndarray]:
    """An outer circle (class 0) around an inner one of radius ``factor`` (class 1), with noise."""
    rng = np.random.default_rng(seed)
    t = np.linspace(0, 2 * np.pi, M // 2, endpoint=False)
    outer = np.stack([np.cos(t), np.sin(t)])
    X = np.hstack([outer, factor * outer]) + noise * rng.standard_normal((2, M))
    Y = np.repeat(np.array([[0, 1]], dtype="uint8"), M // 2, axis=1)
    return X, Y


def make_xor(seed: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Points uniform in the square [-1, 1]^2, class 1 where x1 and x2 have the same sign."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(2, M))
    Y = (X[0:1] * X[1:2] > 0).astype("uint8")
    return X, Y


DATASETS = {
    "flower": (
        make_flower,
        "the course's planar flower: 400 points in 8 petals, 200 per class",
        "np.random.seed(1) (legacy generator), as in the course",
    ),
    "moons": (make_moons, "two interleaving half moons, Gaussian noise 0.2", "default_rng(2)"),
    "circles": (
        make_circles,
        "two concentric circles, radii 1 and 0.5, Gaussian noise 0.1",
        "default_rng(3)",
    ),
    "xor": (make_xor, "uniform square, class 1 where x1 * x2 > 0", "default_rng(4)"),
}


def to_csv(X: np.ndarray, Y: np.ndarray) -> bytes:
    """``X (2, m)`` and ``Y (1, m)`` as CSV text, one example per row, shortest exact float repr."""
    rows = ["x1,x2,y"] + [
        f"{float(x1)!r},{float(x2)!r},{int(y)}" for x1, x2, y in zip(X[0], X[1], Y[0], strict=True)
    ]
    return ("\n".join(rows) + "\n").encode()


def card(name: str, description: str, seed: str, X: np.ndarray, Y: np.ndarray, sha256: str) -> str:
    counts = np.bincount(Y[0], minlength=2)
    return (
        f"## {name}\n\n"
        f"- What: {description}.\n"
        f"- File: `{name}.csv` (columns `x1,x2,y`), loaded as `X` of shape {X.shape} "
        f"and `Y` of shape {Y.shape}.\n"
        f"- Classes: {counts[0]} of class 0, {counts[1]} of class 1.\n"
        f"- How made: `make_{name}()` in `make_datasets.py`, seed {seed}.\n"
        f"- SHA-256: `{sha256}`\n"
    )


def main(out_dir: Path = HERE) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest, cards = {}, []
    for name, (make, description, seed) in DATASETS.items():
        X, Y = make()
        data = to_csv(X, Y)
        (out_dir / f"{name}.csv").write_bytes(data)
        sha256 = hashlib.sha256(data).hexdigest()
        manifest[name] = {
            "file": f"{name}.csv",
            "sha256": sha256,
            "m": int(X.shape[1]),
            "description": description,
        }
        cards.append(card(name, description, seed, X, Y, sha256))
    (out_dir / "datasets.json").write_text(json.dumps(manifest, indent=2) + "\n")
    (out_dir / "README.md").write_text(
        "# Data cards\n\nSmall 2-D binary classification sets, shipped with the course and made by "
        "`python data/make_datasets.py` from fixed seeds "
        "(running it again rewrites the same bytes). "
        "`helpers.load_dataset(name)` reads them without pickle and checks each file's SHA-256 "
        "against `datasets.json`.\n\n" + "\n".join(cards)
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
