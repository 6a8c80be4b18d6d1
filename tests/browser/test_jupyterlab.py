"""Every notebook as a learner uses it: opened in JupyterLab, in a real Chromium, all cells run.

One JupyterLab server (a temporary copy of ``notebooks/``) and one browser page serve the whole
module: JupyterLab is loaded once, and each notebook is opened in it alone, with a fresh kernel,
run, checked and closed with its kernel. For every notebook:

- no cell shows an error or writes to stderr, every code cell ran, no widget callback failed, no
  JupyterLab dialog covers the notebook;
- every widget the kernel sent is rendered as a widget (not as "Error displaying widget", not as
  its text or static fallback, not as raw ``interactive(...)`` text) and its images are shown;
- every ``activation`` dropdown changes its widget's plot (the image bytes and the widget's
  screenshot both change); notebooks 02, 05 and 07 must have one;
- axe-core finds no serious or critical violation in the cell outputs (JupyterLab's own interface
  is not scanned);
- every live widget view has its static fallback beside it, in the page but not seen (no
  duplicate);
- one widget (``KEYBOARD``) is driven by the keyboard alone: Tab from the widget's title reaches
  the control, an arrow key changes it and the widget's picture, the opposite key takes both back;
- a burst of changes (``BURSTS``: a slider dragged on through 10 values and back through 11 by
  key presses, a dropdown switched back and forth 11 times, in under a second) ends showing what
  its last value shows when set on its own, soon after the last change, with no late redraw and
  no error.

Screenshots of every widget, and of each activation widget before and after the change, are
written to ``$SCREENSHOT_DIR`` (default ``build/screenshots``); ``scripts/screenshot_notebooks.py``
copies the README's from there to ``docs/screenshots``.

Without Chromium or Playwright the tests are skipped with the reason, unless
``$BROWSER_TEST_REQUIRED`` is set (CI), where they fail.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from .lab import (
    NOTEBOOKS,
    ROOT,
    VIEWPORT,
    Control,
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

# axe-core impacts that fail the test (the others are "moderate" and "minor").
FAILING_IMPACTS = ("serious", "critical")
# The control of one widget per notebook with widgets, driven by the keyboard alone: (kind, label).
# Dropdowns where they are the notebook's main control, sliders elsewhere.
KEYBOARD = {
    "00_": ("dropdown", "data set"),
    "01_": ("slider", "z"),
    "02_": ("dropdown", "activation"),
    "03_": ("slider", "m"),
    "04_": ("slider", "m"),
    "05_": ("dropdown", "activation"),
    "07_": ("slider", "n_h"),
}
MAX_TABS = 12  # from the widget's title to any of its controls
# Controls that take a burst of changes: (kind, label).
BURSTS = {
    "04_": [("slider", "m")],
    "05_": [("dropdown", "activation")],
    "07_": [("dropdown", "activation")],
}
SLIDER_STEPS = 20  # a slider dragged through 20 values and one more, by key presses, in < 1 s
SWITCHES = 11  # a dropdown switched back and forth 11 times
SWITCH_GAP_MS = 50
QUIET_S = 1.0  # no image changed for this long: the widget is still
# After a burst the widget is still at most this long after a lone change of the last value would
# be (the time of the lone change is measured too: the dashboard trains for seconds).
SETTLE_S = 3.0
LATE_S = 1.0  # once still, the widget stays so for this long more: no stale redraw comes late


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


def require_axe() -> None:
    try:
        import axe_playwright_python  # noqa: F401
    except ImportError:
        reason = "the Python package `axe-playwright-python` is missing: pip install -e '.[test]'"
        if os.environ.get("BROWSER_TEST_REQUIRED"):
            pytest.fail(f"BROWSER_TEST_REQUIRED is set, but {reason}", pytrace=False)
        pytest.skip(reason)


def test_outputs_pass_axe(notebook):
    """axe-core on every cell output (JupyterLab's interface left out): no serious or critical
    violation."""
    require_axe()
    found = notebook.accessibility_violations()
    failing = [v for v in found if v["impact"] in FAILING_IMPACTS]
    assert not failing, (
        f"{notebook.notebook}: {len(failing)} serious or critical axe-core violations in the cell "
        "outputs:\n"
        + "\n".join(
            f"- cell {v['cell']}: {v['rule']} ({v['impact']}: {v['help']}): {v['html']}\n"
            f"  {v['summary']}"
            for v in failing
        )
    )


def test_fallback_hidden_beside_live_widget(notebook):
    """Every live widget view has its static fallback (picture and text, for renderers without
    widgets) beside it in the cell's outputs: in the page, but not seen, so nothing shows twice."""
    cells = notebook.fallbacks()
    if not cells:
        assert not notebook.widget_outputs().count(), (
            f"{notebook.notebook} shows widgets, but no static fallback beside them"
        )
        pytest.skip(f"{notebook.notebook} shows no widget")
    problems = []
    for cell in cells:
        where = f"cell {cell['cell']}"
        if cell["viewsSeen"] != cell["views"]:
            problems.append(f"{where}: its live widget view is not seen")
        fallbacks = cell["fallbacks"]
        if len(fallbacks) != cell["views"]:
            problems.append(
                f"{where}: {len(fallbacks)} static fallbacks (.bpd-widget-fallback) for "
                f"{cell['views']} widget views: each widget needs one, its own output"
            )
        for fallback in fallbacks:
            if fallback["seen"]:
                problems.append(
                    f"{where}: the static fallback is seen beside the live widget (a duplicate): "
                    f"{fallback['text']!r}"
                )
            if not all(alt and alt.strip() for alt in fallback["alts"]):
                problems.append(f"{where}: a picture of the static fallback has no alt text")
    assert not problems, f"{notebook.notebook} in JupyterLab:\n" + "\n".join(problems)


def the_control(notebook: NotebookPage, kind: str, label: str) -> Control:
    """The first control of ``kind`` (dropdown, slider) labelled ``label``, its widget still."""
    stem = Path(notebook.notebook).stem
    controls = notebook.dropdowns(label) if kind == "dropdown" else notebook.sliders(label)
    assert controls, f"{stem} has no {kind} labelled {label!r}"
    assert notebook.wait_until_still(controls[0], QUIET_S, timeout_s=60), (
        f"{stem}: the widget of the {kind} {label!r} never stops changing"
    )
    return controls[0]


def entry(table: dict, stem: str):
    return next((value for prefix, value in table.items() if stem.startswith(prefix)), None)


def test_keyboard_alone_drives_a_widget(notebook):
    """Tab reaches the control from the widget's title; an arrow key changes it and the widget's
    picture; the opposite key takes both back."""
    stem = Path(notebook.notebook).stem
    chosen = entry(KEYBOARD, stem)
    if chosen is None:
        assert not notebook.widget_outputs().count(), (
            f"{stem} shows widgets: choose the control to drive by keyboard in KEYBOARD"
        )
        pytest.skip(f"{stem} shows no widget")
    kind, label = chosen
    control = the_control(notebook, kind, label)
    name = f"the {kind} {label!r}"
    presses, path = notebook.tab_to(control, MAX_TABS)
    assert presses is not None, (
        f"{stem}: {MAX_TABS} presses of Tab from the widget's title never reached {name}; "
        "the focus went to: " + " -> ".join(path)
    )
    start_value, start_shown = control.value(), notebook.shown(control)
    forth, back = control.keys()
    for key, expected in ((forth, None), (back, start_value)):
        pressed = notebook.press(control, key)
        if pressed.value_after == pressed.value_before:
            took = (
                f"JupyterLab took the key: its command-mode shortcut moved the active cell from "
                f"{pressed.cell_before} to {pressed.cell_after} (jupyter-widgets/ipywidgets#3912)"
                if pressed.cell_after != pressed.cell_before
                else "the key did nothing"
            )
            pytest.fail(
                f"{stem}: {key} with the focus on {name} (reached by {presses} Tab) left it at "
                f"{pressed.value_before!r}; {took}; the focus is now on {pressed.focus_after}",
                pytrace=False,
            )
        assert expected is None or pressed.value_after == expected, (
            f"{stem}: {forth} then {back} on {name} went {start_value!r} -> "
            f"{pressed.value_before!r} -> {pressed.value_after!r}"
        )
        assert pressed.redrawn, (
            f"{stem}: {key} changed {name} from {pressed.value_before!r} to "
            f"{pressed.value_after!r}, but the widget did not draw anew"
        )
        if key == forth:  # (the way back needs no wait: a learner goes on at once)
            assert notebook.shown(control) != start_shown, (
                f"{stem}: {key} changed {name} to {pressed.value_after!r}, but the widget's "
                "picture is the same"
            )
    assert notebook.wait_until_still(control, QUIET_S, timeout_s=60), (
        f"{stem}: after {forth} then {back} on {name} the widget's images never stop changing"
    )
    assert notebook.shown(control) == start_shown, (
        f"{stem}: {forth} then {back} on {name} took it back to {start_value!r}, but the widget's "
        "picture is not what it was"
    )
    assert not notebook.kernel_errors(), "a widget callback failed:\n" + "\n".join(
        notebook.kernel_errors()
    )


def test_burst_ends_on_last_change(notebook):
    """A burst of changes ends, soon, on the picture its last value shows when set on its own, and
    stays there: no error, no stale redraw after it."""
    stem = Path(notebook.notebook).stem
    chosen = entry(BURSTS, stem)
    if not chosen:
        pytest.skip(f"{stem}: no control takes a burst here")
    for kind, label in chosen:
        control = the_control(notebook, kind, label)
        name = f"the {kind} {label!r}"
        # The burst ends on the value the control has now, set on its own when its cell ran:
        # that picture is the reference. One lone change away from it first: how long it takes.
        last_value, alone_shown = control.value(), notebook.shown(control)
        alone_titles = notebook.image_titles(control)
        started = time.monotonic()
        if kind == "slider":
            half = SLIDER_STEPS // 2
            below, above = control.room()
            away, back = (
                ("ArrowRight", "ArrowLeft") if above >= below else ("ArrowLeft", "ArrowRight")
            )
            assert max(below, above) > half, f"{stem}: {name} has no room for the burst"
            control.element.focus()
            notebook.press(control, away)
        else:
            options = control.options()
            other = next(o for o in options if o != last_value)
            notebook.choose(
                control, "relu" if "relu" in options and last_value != "relu" else other
            )
        alone_at = notebook.last_redraw(control, QUIET_S, timeout_s=60)
        away_value = control.value()
        assert alone_at is not None and away_value != last_value, (
            f"{stem}: {name} did not move away from {last_value!r}, or its widget never stops"
        )
        alone_s = alone_at - started

        if kind == "slider":  # dragged on and back through 21 values, to where it was
            keys = [away] * half + [back] * (half + 1)
            sent_s = notebook.press_burst(control, keys)
            burst = f"{half} x {away} then {half + 1} x {back} in {sent_s:.2f} s"
        else:  # switched back and forth, ending where it was
            values = [last_value if k % 2 == 0 else away_value for k in range(SWITCHES)]
            sent_s = notebook.select_burst(control, values, SWITCH_GAP_MS)
            burst = f"{SWITCHES} switches {away_value!r} <-> {last_value!r} in {sent_s:.2f} s"
        sent_at = time.monotonic()
        assert control.value() == last_value, (
            f"{stem}: {burst} on {name} left it at {control.value()!r}, not {last_value!r}"
        )
        still_at = notebook.last_redraw(control, QUIET_S, timeout_s=60)
        assert still_at is not None, f"{stem}: after {burst} on {name} the widget never stops"
        burst_shown, state = notebook.shown(control), notebook.view_state(control)
        burst_titles = notebook.image_titles(control)
        notebook.page.wait_for_timeout(LATE_S * 1000)
        assert notebook.view_state(control) == state, (
            f"{stem}: after {burst} on {name} the widget was still for {QUIET_S} s, then drew "
            "anew: a stale redraw came late"
        )
        assert control.value() == last_value, (
            f"{stem}: after {burst} on {name} the control went from {last_value!r} to "
            f"{control.value()!r}"
        )
        if burst_shown != alone_shown:
            pictures = f"{stem}_burst_{kind}_{label}".replace(" ", "_")
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            for when, shown in (("after_burst", burst_shown), ("alone", alone_shown)):
                for k, picture in enumerate(shown if isinstance(shown, list) else []):
                    (SCREENSHOTS / f"{pictures}_{when}{k + 1}.png").write_bytes(picture)
            # a stale picture that stays, or the right one coming later still?
            notebook.last_redraw(control, 3 * QUIET_S, timeout_s=60)
            later = (
                f"{3 * QUIET_S:.0f} s later it shows the right one: it came late"
                if notebook.shown(control) == alone_shown
                else f"it still does {3 * QUIET_S:.0f} s later: a stale picture won"
            )
            pytest.fail(
                f"{stem}: after {burst} on {name} the widget shows {last_value!r}, but its "
                f"picture is not the one {last_value!r} shows when set on its own; {later}; "
                f"pictures in {SCREENSHOTS}/{pictures}_*.png; text alternatives after the "
                f"burst: {burst_titles}; alone: {alone_titles}",
                pytrace=False,
            )
        settle_s = still_at - sent_at
        assert settle_s <= alone_s + SETTLE_S, (
            f"{stem}: after {burst} on {name} the widget drew for {settle_s:.1f} s more; a lone "
            f"change takes {alone_s:.1f} s (a queue of stale redraws?)"
        )
    errors = notebook.kernel_errors() + [f"the page raised: {e}" for e in notebook.page_errors]
    assert not errors, "an error during the bursts:\n" + "\n".join(errors)
