"""Every notebook as a learner uses it: opened in JupyterLab, in a real Chromium, all cells run.

One JupyterLab server (a temporary copy of ``notebooks/``) and one browser page serve the whole
module: JupyterLab is loaded once, and each notebook is opened in it alone, with a fresh kernel,
run, checked and closed with its kernel. For every notebook:

- no cell shows an error or writes to stderr, every code cell ran, no widget callback failed, no
  JupyterLab dialog covers the notebook;
- every widget the kernel sent is rendered as a widget (not as "Error displaying widget", not as
  its text or static fallback, not as raw ``interactive(...)`` text) and its images are shown;
- every ``activation`` dropdown changes its widget's plot (the image bytes and the widget's
  screenshot both change); notebooks 02, 05 and 07 must have one.

Screenshots of every widget, and of each activation widget before and after the change, are
written to ``$SCREENSHOT_DIR`` (default ``build/screenshots``); ``scripts/screenshot_notebooks.py``
copies the README's from there to ``docs/screenshots``.

Without Chromium or Playwright the tests are skipped with the reason, unless
``$BROWSER_TEST_REQUIRED`` is set (CI), where they fail.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .lab import (
    NOTEBOOKS,
    ROOT,
    VIEWPORT,
    JupyterLab,
    NotebookPage,
    launch_chromium,
    missing_requirement,
)

pytestmark = pytest.mark.browser

NOTEBOOK_FILES = sorted(path.name for path in NOTEBOOKS.glob("*.ipynb"))
MUST_HAVE_ACTIVATION = (
    "02_",
    "05_",
    "07_",
)  # the course design puts an activation dropdown in these
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "build" / "screenshots"))


def widget_class_names() -> set[str]:
    """The names of every widget class (ipywidgets' and the course's): their text repr starts with
    one."""
    import ipywidgets

    import helpers.widgets  # noqa: F401 (defines the course's Explorer subclasses)

    names, classes = set(), [ipywidgets.Widget]
    while classes:
        cls = classes.pop()
        names.add(cls.__name__)
        classes.extend(cls.__subclasses__())
    return names


# What a widget looks like as text, e.g. "interactive(children=(...))" or "IntSlider(value=0)".
WIDGET_REPR = re.compile(rf"\s*({'|'.join(sorted(widget_class_names()))})\(")


def require_browser() -> None:
    reason = missing_requirement()
    if reason is None:
        return
    if os.environ.get("BROWSER_TEST_REQUIRED"):
        pytest.fail(f"BROWSER_TEST_REQUIRED is set, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def lab():
    require_browser()
    with JupyterLab() as server:
        yield server


@pytest.fixture(scope="module")
def browser_context():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser.new_context(viewport=VIEWPORT)
        finally:
            browser.close()


@pytest.fixture(scope="module")
def lab_page(lab, browser_context):
    """JupyterLab, loaded once in one page; each notebook is opened in it after the previous one
    was closed with its kernel (loading JupyterLab again for each would cost ~6 s a notebook)."""
    page = browser_context.new_page()
    page.goto(lab.url())
    page.wait_for_function("() => window.jupyterapp !== undefined")
    page.evaluate("async () => { await window.jupyterapp.restored; }")
    yield page
    page.close()


@pytest.fixture(scope="module", params=NOTEBOOK_FILES, ids=[Path(n).stem for n in NOTEBOOK_FILES])
def notebook(request, lab, browser_context, lab_page):
    """The notebook, open in JupyterLab, all its cells run (module scope: the tests below share one
    run)."""
    page = NotebookPage(browser_context, lab, request.param, page=lab_page)
    try:
        page.open()
        page.run_all()
        yield page
    finally:
        page.close()


def test_cells_run_without_errors(notebook):
    problems = notebook.cell_problems() + notebook.kernel_errors()
    problems += [f"the page raised: {error}" for error in notebook.page_errors]
    problems += [
        f"a dialog covers the notebook: {' '.join(text.split())}" for text in notebook.dialogs()
    ]
    assert not problems, f"{notebook.notebook} in JupyterLab:\n" + "\n".join(problems)


def test_every_widget_renders(notebook):
    outputs = notebook.outputs()
    problems = []
    for out in outputs:
        where = f"cell {out['cell']}"
        if out["sentWidget"]:
            if out["loading"]:
                problems.append(
                    f"{where}: the widget still shows 'Loading widget...' (its model never came)"
                )
            elif not out["widgetView"] and not out["widgetError"]:
                problems.append(
                    f"{where}: the widget is shown as {out['renderedAs']}, not as a widget "
                    f"(is @jupyter-widgets/jupyterlab-manager installed?): {out['text']!r}"
                )
            if out["images"] != out["imagesShown"]:
                problems.append(
                    f"{where}: {out['images'] - out['imagesShown']} of its {out['images']} "
                    "images are not shown"
                )
        if out["widgetError"]:
            problems.append(f"{where}: {out['text']!r}")
        if not out["widgetView"] and (
            WIDGET_REPR.match(out["text"]) or "(interactive: run" in out["text"]
        ):
            problems.append(
                f"{where}: a widget's text shown instead of the widget: {out['text']!r}"
            )
    assert not problems, f"{notebook.notebook} in JupyterLab:\n" + "\n".join(problems)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widgets = notebook.widget_outputs()
    assert widgets.count() == sum(out["sentWidget"] for out in outputs), (
        "widget outputs not found in the page"
    )
    for k in range(widgets.count()):
        widgets.nth(k).screenshot(
            path=SCREENSHOTS / f"{Path(notebook.notebook).stem}_widget{k + 1}.png"
        )


def test_activation_changes_the_plot(notebook):
    stem = Path(notebook.notebook).stem
    dropdowns = notebook.dropdowns("activation")
    if not dropdowns:
        assert not stem.startswith(MUST_HAVE_ACTIVATION), (
            f"{stem} has no dropdown labelled 'activation'"
        )
        pytest.skip(f"{stem} has no activation control")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for k, dropdown in enumerate(dropdowns, start=1):
        before, options = dropdown.value(), dropdown.options()
        after = (
            "relu"
            if before != "relu" and "relu" in options
            else next(o for o in options if o != before)
        )
        name = f"{stem}_activation" + (f"{k}" if len(dropdowns) > 1 else "")
        assert notebook.wait_until_still(dropdown), (
            f"{stem}: the widget's images never stop changing"
        )
        images_before = notebook.images(dropdown)
        shot_before = dropdown.output.screenshot(path=SCREENSHOTS / f"{name}_{before}.png")

        replaced = notebook.choose(dropdown, after)
        assert replaced, (
            f"{stem}: no image of the widget was redrawn after {before} -> {after}\n"
            + "\n".join(notebook.kernel_errors())
        )
        assert notebook.wait_until_still(dropdown), (
            f"{stem}: the widget's images never stop changing"
        )
        images_after = notebook.images(dropdown)
        shot_after = dropdown.output.screenshot(path=SCREENSHOTS / f"{name}_{after}.png")
        assert images_after != images_before, (
            f"{stem}: {before} -> {after} left the widget's images unchanged"
        )
        assert shot_after != shot_before, (
            f"{stem}: {before} -> {after} left the widget looking the same"
        )
    assert not notebook.kernel_errors(), "a widget callback failed:\n" + "\n".join(
        notebook.kernel_errors()
    )
