"""The shipped data: regenerated bit for bit by its script, checked by SHA-256 when loaded."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from helpers import dataset_names, load_dataset, load_planar_dataset
from helpers.data import DATA_DIR


def load_script():
    spec = importlib.util.spec_from_file_location("make_datasets", DATA_DIR / "make_datasets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_script_regenerates_the_same_bytes(tmp_path):
    load_script().main(tmp_path)
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (DATA_DIR / path.name).read_bytes(), path.name


def test_flower_is_the_courses_planar_dataset():
    """The course's own code, with the global legacy generator, gives exactly the shipped flower."""
    np.random.seed(1)
    m, N, a = 400, 200, 4
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1), dtype="uint8")
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    shipped_X, shipped_Y = load_planar_dataset()
    np.testing.assert_array_equal(shipped_X, X.T)
    np.testing.assert_array_equal(shipped_Y, Y.T)


@pytest.mark.parametrize("name", dataset_names())
def test_every_dataset_loads_with_course_shapes(name):
    X, Y = load_dataset(name)
    assert X.shape == (2, 400) and Y.shape == (1, 400)
    assert X.dtype == np.float64 and set(np.unique(Y)) == {0, 1}
    assert np.sum(Y) == 200 or name == "xor"


def test_data_cards_carry_the_checksums():
    cards = (DATA_DIR / "README.md").read_text()
    for name, entry in json.loads((DATA_DIR / "datasets.json").read_text()).items():
        assert f"## {name}" in cards and entry["sha256"] in cards


@pytest.fixture
def data_copy(tmp_path):
    shutil.copytree(DATA_DIR, tmp_path / "data")
    return tmp_path / "data"


def test_corrupt_file_is_refused(data_copy: Path):
    path = data_copy / "moons.csv"
    path.write_bytes(path.read_bytes().replace(b"1", b"7", 1))
    with pytest.raises(
        ValueError,
        match=r"data set 'moons': .*moons.csv is corrupt or was edited "
        r".*python data/make_datasets.py",
    ):
        load_dataset("moons", data_dir=data_copy)


def test_missing_file_is_named(data_copy: Path):
    (data_copy / "xor.csv").unlink()
    with pytest.raises(
        FileNotFoundError, match=r"data set 'xor': .*xor.csv is missing; regenerate it"
    ):
        load_dataset("xor", data_dir=data_copy)


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(
        ValueError,
        match=r"unknown data set 'spiral'; known data sets are 'flower', 'moons', 'circles', 'xor'",
    ):
        load_dataset("spiral")
