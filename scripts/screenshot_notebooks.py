"""Refresh the README's pictures (``docs/screenshots/``) from the browser test's own screenshots.

Run: ``.venv/bin/python scripts/screenshot_notebooks.py`` (needs Debian's Chromium, like the test).

Runs ``tests/browser`` with ``SCREENSHOT_DIR`` set to a temporary folder, so the pictures are
exactly what the test saw (each notebook run in JupyterLab, its widgets rendered, the activation
changed; the website's pages), then copies the few the README shows. Look at them before committing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "docs" / "screenshots"
README_PICTURES = [
    "02_chain_rule_dZ1_activation_tanh.png",  # the computational graph, before ...
    "02_chain_rule_dZ1_activation_relu.png",  # ... and after switching to ReLU
    "05_activations_activation_relu.png",
    "07_training_activation_tanh.png",
    "site_index.png",  # the website's first page
    "site_05.png",  # ... and notebook 05's page at its widget's static fallback
]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="course-screenshots-") as taken:
        env = dict(
            os.environ, SCREENSHOT_DIR=taken, JUPYTER_PLATFORM_DIRS="1", BROWSER_TEST_REQUIRED="1"
        )
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "tests/browser", "-q"], cwd=ROOT, env=env
        )
        if result.returncode != 0:
            sys.exit("the browser test failed: docs/screenshots/ left as it was")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for name in README_PICTURES:
            shutil.copyfile(Path(taken) / name, SCREENSHOTS / name)
            print(f"docs/screenshots/{name}")


if __name__ == "__main__":
    main()
