"""The two set-ups stay in step: pyproject.toml (pip, `make`) and environment.yml (conda,
Binder)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def package_name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {package_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        wanted |= {package_name(r) for r in extra}
    listed = set()
    environment = (ROOT / "environment.yml").read_text()
    for line in environment.split("dependencies:")[1].splitlines():
        line = line.split("#")[0].rstrip()
        # conda's packages, and pip's below them
        match = re.match(r"^ +- ([A-Za-z0-9_.][A-Za-z0-9_.-]*[^:]*)$", line)
        if match:
            listed.add(package_name(match.group(1)))
    assert listed - {"python", "pip"} == wanted
    # installs helpers itself (pip takes no --no-deps in a requirements list)
    assert re.search(r"^ +- -e \.$", (ROOT / "environment.yml").read_text(), re.M)


def test_ci_runs_the_readme_test_command():
    assert re.search(r"^exec make test$", (ROOT / ".ci" / "run").read_text(), re.M)
    readme = (ROOT / "README.md").read_text()
    assert "make lab" in readme and "make test" in readme
    assert (
        "make test" in (ROOT / ".github" / "workflows" / "test.yml").read_text()
        or ".ci/run" in (ROOT / ".github" / "workflows" / "test.yml").read_text()
    )
