"""The notebooks' stored outputs hold on other processors too, not only on the one that wrote them.

NumPy and OpenBLAS pick their kernels by the CPU (AVX-512, AVX2, SSE): sums are rounded in another
order, and a long computation (10 000 training steps) can carry that into printed digits. An
instructor's CI may run on any of them, so here the notebooks that train (that call ``nn_model`` or
``update_parameters``: where a difference in the last bit can grow) are run again under nbval as on
an AVX2-only and on an SSE-only processor: OpenBLAS told to use the kernels of an older CPU
(``OPENBLAS_CORETYPE``) and NumPy's newer SIMD paths switched off (``NPY_DISABLE_CPU_FEATURES``).
Each simulation needs a processor that has the features it switches off; otherwise it is skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from numpy._core._multiarray_umath import __cpu_features__ as CPU_FEATURES

ROOT = Path(__file__).resolve().parent.parent
TRAINING = sorted(
    str(path.relative_to(ROOT))
    for path in (ROOT / "notebooks").glob("*.ipynb")
    if any(call in path.read_text() for call in ("nn_model(", "update_parameters("))
)

OLDER_CPUS = {
    "AVX2": ({"OPENBLAS_CORETYPE": "Haswell", "NPY_DISABLE_CPU_FEATURES": "X86_V4"}, "X86_V4"),
    "SSE": (
        {"OPENBLAS_CORETYPE": "Sandybridge", "NPY_DISABLE_CPU_FEATURES": "X86_V4 X86_V3"},
        "X86_V3",
    ),
}


def test_the_notebooks_that_train_are_found():
    assert {"notebooks/05_activations.ipynb", "notebooks/07_training.ipynb"} <= set(TRAINING)


@pytest.mark.parametrize("cpu", sorted(OLDER_CPUS))
def test_stored_outputs_hold_on_an_older_cpu(cpu):
    env_changes, needed = OLDER_CPUS[cpu]
    if not CPU_FEATURES.get(needed):
        pytest.skip(f"this processor lacks {needed}: nothing to switch off")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *TRAINING],
        cwd=ROOT,
        env={**os.environ, **env_changes},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"as on an {cpu} processor:\n" + result.stdout[-6000:]
