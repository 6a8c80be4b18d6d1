"""Load the shipped data sets from ``data/``: plain CSV, checked against the SHA-256 in
``data/datasets.json``."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REGENERATE = "regenerate it with `python data/make_datasets.py`"


def _manifest(data_dir: Path) -> dict:
    path = data_dir / "datasets.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing; {REGENERATE}")
    return json.loads(path.read_text())


def dataset_names(data_dir: Path = DATA_DIR) -> list[str]:
    """Names of the shipped data sets, e.g. ``['flower', 'moons', 'circles', 'xor']``."""
    return list(_manifest(data_dir))


def load_dataset(name: str, data_dir: Path = DATA_DIR) -> tuple[np.ndarray, np.ndarray]:
    """``(X, Y)`` of data set ``name``: ``X (2, m)`` and ``Y (1, m)``, labels 0.0/1.0, both float64.

    The course's own loader gives ``Y`` as ``uint8``; as floats, ``-Y`` and ``1 - Y`` cannot wrap
    around (``-np.uint8(1)`` is 255), a trap in a learner's own loss.

    Raises ``ValueError`` for an unknown name, ``FileNotFoundError`` for a missing file and
    ``ValueError`` when a file's SHA-256 differs from the manifest (a corrupt or edited file).
    """
    manifest = _manifest(data_dir)
    if name not in manifest:
        raise ValueError(
            f"unknown data set {name!r}; known data sets are {', '.join(map(repr, manifest))}"
        )
    entry = manifest[name]
    path = data_dir / entry["file"]
    if not path.is_file():
        raise FileNotFoundError(f"data set {name!r}: {path} is missing; {REGENERATE}")
    raw = path.read_bytes()
    sha256 = hashlib.sha256(raw).hexdigest()
    if sha256 != entry["sha256"]:
        raise ValueError(
            f"data set {name!r}: {path} is corrupt or was edited (SHA-256 {sha256[:12]}..., "
            f"expected {entry['sha256'][:12]}...); {REGENERATE}"
        )
    table = np.loadtxt(io.BytesIO(raw), delimiter=",", skiprows=1, ndmin=2)
    return table[:, :2].T.copy(), table[:, 2:].T.copy()


def load_planar_dataset() -> tuple[np.ndarray, np.ndarray]:
    """The course's flower: ``X (2, 400)``, ``Y (1, 400)``, as the course's
    ``load_planar_dataset()``."""
    return load_dataset("flower")
