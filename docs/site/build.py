"""Build the course's website: ``python docs/site/build.py OUT [--notebooks DIR]`` (``make site``).

The sources are laid out in a temporary folder as in the repository (this folder's ``*.md`` at the
root, the notebooks in ``notebooks/``), so the repository keeps no copy of a notebook and a page's
path is its notebook's path (what the Binder button opens). Sphinx reads ``conf.py`` from here and
builds in that folder too (MyST-NB writes images beside the HTML folder); the HTML then replaces
``OUT``, a site built there before. Warnings are errors.

``--notebooks DIR`` builds from other notebooks than the course's (e.g. freshly executed copies).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NOTEBOOKS = ROOT / "notebooks"


def stage(source: Path, notebooks: Path = NOTEBOOKS) -> None:
    """Lay out the site's sources in ``source`` (an empty or missing folder)."""
    found = sorted(notebooks.glob("*.ipynb"))
    if not found:
        raise SystemExit(f"no notebooks in {notebooks}")
    (source / "notebooks").mkdir(parents=True)
    for page in HERE.glob("*.md"):
        shutil.copy2(page, source / page.name)
    for notebook in found:
        shutil.copy2(notebook, source / "notebooks" / notebook.name)


def clear(out: Path) -> None:
    """Remove a site built in ``out`` before; refuse to empty a folder that holds anything else."""
    if not out.exists():
        return
    if any(out.iterdir()) and not (out / ".buildinfo").exists():
        raise SystemExit(f"{out} is not empty and holds no Sphinx site: not replacing it")
    shutil.rmtree(out)


def build(out: Path, notebooks: Path = NOTEBOOKS, jobs: str = "auto", quiet: bool = True) -> float:
    """Build the site into ``out``; the seconds it took. Exits on a warning or an error."""
    from sphinx.cmd.build import build_main

    os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
    start = time.perf_counter()
    out = out.resolve()
    with tempfile.TemporaryDirectory(prefix="course-site-") as tmp:
        source, html = Path(tmp) / "source", Path(tmp) / "build" / "html"
        stage(source, notebooks.resolve())
        options = ["-b", "html", "-c", str(HERE), "-d", str(Path(tmp) / "build" / "doctrees")]
        options += ["-j", jobs, "-W", "--keep-going"] + (["-q"] if quiet else [])
        status = build_main([*options, str(source), str(html)])
        if status:
            raise SystemExit(status)
        clear(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(html, out)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="where to write the HTML (e.g. build/site)")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS, help="default: notebooks/")
    parser.add_argument("-j", "--jobs", default="auto", help="Sphinx's parallel jobs")
    parser.add_argument("-v", "--verbose", action="store_true", help="print Sphinx's progress")
    args = parser.parse_args(argv)
    seconds = build(args.out, args.notebooks, args.jobs, quiet=not args.verbose)
    print(f"site built in {seconds:.0f} s: {args.out / 'index.html'}")


if __name__ == "__main__":
    sys.exit(main())
