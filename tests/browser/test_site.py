"""The course's website (``make site``), built once and read in a real Chromium, page by page.

The site is built as ``make site`` builds it (warnings are errors), into a temporary folder, from
``notebooks/`` (or from ``$SITE_NOTEBOOKS``, e.g. freshly executed copies), served from 127.0.0.1,
and every page of it is opened once. Every request to another host is aborted and fails the test:
the site must work offline (MathJax is served from the site). For every page:

- nothing is missing: every ``<img>`` is loaded, every link within the site leads to a file of it
  and, if it has one, to an element with its ``#anchor``; no request fails, no script error;
- math is rendered: MathJax has typeset every formula (no TeX error, no ``$...$`` left in the text);
- axe-core finds no serious or critical violation on the whole page (the theme's parts included).
  The two rules that read colours on screen (colour contrast, links told apart from text) take
  tens of seconds on a notebook page, where all the others take a few; every colour a page shows
  comes from the theme's stylesheets (text, links, code) or from the course's HTML outputs (each
  widget's fallback, made by one function), the same on every page, so they run on the index and
  on notebook 00, the smallest notebook page, which has every kind of element a notebook page has
  (prose, math, code, text outputs, figures, widget fallbacks, the notebook buttons);
- every image has a description for its alt text, not a file name;
- a notebook with widgets shows each widget's static fallback (``.bpd-widget-fallback``: its text,
  and its picture if it has one), and nothing of the widget views a static page cannot run (no
  empty box, no "Loading widget", no error);
- every notebook page has its Binder button and the repository's link, and previous / next lead
  through the notebooks in order.

Screenshots of the index and of notebook 05 at its widget's fallback go to ``$SCREENSHOT_DIR``
(default ``build/screenshots``) as ``site_index.png`` and ``site_05.png`` (the README's copies are
``docs/screenshots/``).

Without Chromium or Playwright the browser tests are skipped with the reason, unless
``$BROWSER_TEST_REQUIRED`` is set (CI), where they fail.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .lab import (
    NOTEBOOKS,
    ROOT,
    VIEWPORT,
    WIDGET_VIEW,
    launch_chromium,
    missing_requirement,
)
from .website import (
    CONF,
    FALLBACK,
    SiteServer,
    build_site,
    route_local_only,
    visit,
)

SITE_NOTEBOOKS = Path(os.environ.get("SITE_NOTEBOOKS", NOTEBOOKS))
NOTEBOOK_NAMES = sorted(path.stem for path in SITE_NOTEBOOKS.glob("*.ipynb"))
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "build" / "screenshots"))
COLOURS_ON = ("index.html", "notebooks/00_the_network.html")  # see the module's docstring
SCREENSHOT_OF = {"index.html": "site_index.png", "notebooks/05_activations.html": "site_05.png"}
# What an alt text must not be: a file name, a path or a URL.
FILE_NAME = re.compile(r"(\.(png|jpe?g|gif|svg|webp)\s*$)|^\s*(\.\.?/|/|data:|https?:)", re.I)


def require_browser() -> None:
    reason = missing_requirement()
    if reason is None:
        try:
            import axe_playwright_python  # noqa: F401
        except ImportError:
            reason = "the Python package `axe-playwright-python` is missing: make test installs it"
    if reason is None:
        return
    if os.environ.get("BROWSER_TEST_REQUIRED"):
        pytest.fail(f"BROWSER_TEST_REQUIRED is set, but {reason}", pytrace=False)
    pytest.skip(reason)


def widget_views(notebook: str) -> int:
    """How many widget views the stored notebook shows."""
    cells = json.loads((SITE_NOTEBOOKS / f"{notebook}.ipynb").read_text())["cells"]
    return sum(
        WIDGET_VIEW in output.get("data", {})
        for cell in cells
        for output in cell.get("outputs", [])
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    require_browser()
    out = tmp_path_factory.mktemp("site") / "html"
    build_site(out, SITE_NOTEBOOKS)
    return out


@pytest.fixture(scope="module")
def server(site):
    with SiteServer(site) as served:
        yield served


@pytest.fixture(scope="module")
def context(server):
    """A Chromium context that may load from the site's server only, and the list of every other
    address it was asked for."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            other_hosts = route_local_only(context, server.base_url)
            yield context, other_hosts
        finally:
            browser.close()


@pytest.fixture(scope="module")
def pages(site, server, context) -> dict:
    """Every HTML page of the site, opened once and read (``{path: PageVisit}``)."""
    from axe_playwright_python.sync_playwright import Axe

    browser_context, other_hosts = context
    axe = Axe()
    paths = sorted(p.relative_to(site).as_posix() for p in site.glob("*.html"))
    paths += sorted(p.relative_to(site).as_posix() for p in site.glob("notebooks/*.html"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name in SCREENSHOT_OF.values():
        (SCREENSHOTS / name).unlink(missing_ok=True)
    return {
        path: visit(
            browser_context,
            server.base_url,
            path,
            other_hosts,
            axe,
            colours=path in COLOURS_ON,
            screenshot=SCREENSHOTS / SCREENSHOT_OF[path] if path in SCREENSHOT_OF else None,
        )
        for path in paths
    }


def notebook_page(name: str) -> str:
    return f"notebooks/{name}.html"


@pytest.mark.browser
def test_every_notebook_has_a_page(pages):
    assert "index.html" in pages
    missing = [name for name in NOTEBOOK_NAMES if notebook_page(name) not in pages]
    assert not missing, f"notebooks without a page: {missing}"


@pytest.mark.browser
def test_pages_load_only_from_the_site_and_without_errors(pages):
    problems = [
        f"{path}: {what}"
        for path, page in pages.items()
        for what in (
            [f"asked another host for {url}" for url in page.other_hosts]
            + [f"request failed: {failure}" for failure in page.failed]
            + page.errors
        )
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_no_missing_image(pages):
    missing = [
        f"{path}: {image['src']} (alt {image['alt']!r})"
        for path, page in pages.items()
        for image in page.images
        if not image["loaded"]
    ]
    assert not missing, "images not shown:\n" + "\n".join(missing)


@pytest.mark.browser
def test_no_broken_internal_link(site, server, pages):
    broken = []
    for path, page in pages.items():
        for link in page.links:
            url = urlsplit(link["url"])
            if f"{url.scheme}://{url.netloc}/" != server.base_url:
                continue  # another site (GitHub, Binder): not reachable here
            target = unquote(url.path).lstrip("/") or "index.html"
            if target.endswith("/"):
                target += "index.html"
            if not (site / target).is_file():
                broken.append(f"{path}: {link['href']!r} ({link['text']!r}): no file {target}")
            elif url.fragment and (
                target not in pages or unquote(url.fragment) not in pages[target].ids
            ):
                broken.append(f"{path}: {link['href']!r} ({link['text']!r}): no such anchor")
    assert not broken, "\n".join(broken)


@pytest.mark.browser
def test_math_is_rendered(pages):
    problems = []
    for path in ["index.html", *map(notebook_page, NOTEBOOK_NAMES)]:
        math = pages[path].math
        if not math["hasMathJax"] or not math["containers"]:
            problems.append(f"{path}: no math typeset ({math['containers']} formulas)")
        problems += [f"{path}: MathJax error {error!r}" for error in math["errors"]]
        problems += [f"{path}: TeX left as text: {raw!r}" for raw in math["rawText"]]
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_axe_finds_no_serious_or_critical_violation(pages):
    problems = [
        f"{path}: {v['impact']} {v['id']} ({v['help']}) at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        for path, page in pages.items()
        for v in page.axe
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_every_image_is_described(pages):
    """An image of the course (a figure, a widget's picture) has an alt text that says what it
    shows: a few words, not a file name. The theme's icons (the Binder logo) need only a name."""
    problems = [
        f"{path}: alt {image['alt']!r} for {image['src']}"
        for path, page in pages.items()
        for image in page.images
        if not (image["alt"] or "").strip()
        or FILE_NAME.search(image["alt"])
        or (image["inArticle"] and len(image["alt"].split()) < 3)
    ]
    assert not problems, "images without a description:\n" + "\n".join(problems)


@pytest.mark.browser
def test_widgets_show_their_fallback_and_nothing_of_their_view(pages):
    problems = []
    for name in NOTEBOOK_NAMES:
        page, views = pages[notebook_page(name)], widget_views(name)
        shown = [
            f
            for f in page.fallbacks
            if f["visible"] and f["text"] and f["imagesShown"] == f["images"]
        ]
        if len(shown) < views:
            problems.append(
                f"{name}: {views} widgets, {len(shown)} fallbacks shown with their text and"
                f" pictures ({len(page.fallbacks)} {FALLBACK} in the page)"
            )
    for path, page in pages.items():
        problems += [f"{path}: {leftover}" for leftover in page.widget_leftovers]
        if page.empty_outputs:
            problems.append(f"{path}: {page.empty_outputs} empty output boxes")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_binder_and_repository_links(pages):
    repository, binder = CONF["REPOSITORY_URL"], "https://mybinder.org/v2/gh/"
    problems = []
    for path in ["index.html", *map(notebook_page, NOTEBOOK_NAMES)]:
        hrefs = [link["href"] for link in pages[path].links]
        if repository not in hrefs:
            problems.append(f"{path}: no link to {repository}")
        wanted = (
            CONF["BINDER_URL"]
            if path == "index.html"
            else f"urlpath=lab/tree/{path.removesuffix('.html')}.ipynb"
        )
        if not any(href.startswith(binder) and href.endswith(wanted) for href in hrefs):
            problems.append(f"{path}: no Binder link ending {wanted!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_previous_and_next_lead_through_the_notebooks_in_order(site):
    order = ["index.html", *map(notebook_page, NOTEBOOK_NAMES)]
    for here, there in zip(order, order[1:], strict=False):
        html = (site / here).read_text()
        match = re.search(r'<link rel="next"[^>]* href="([^"]+)"', html)
        assert match, f"{here} has no next page"
        assert (site / here).parent.joinpath(match.group(1)).resolve() == (site / there).resolve()


@pytest.mark.browser
def test_screenshots_were_taken(pages):
    """The index, and notebook 05 at its widget's fallback (taken while the pages were read)."""
    for path, name in SCREENSHOT_OF.items():
        assert path in pages and (SCREENSHOTS / name).stat().st_size > 10_000, name


def test_readme_links_the_site_and_binder():
    """README.md repeats the addresses docs/site/conf.py defines, and says how to build the
    site; the Pages workflow builds it the same way."""
    readme = (ROOT / "README.md").read_text()
    for name in ("SITE_URL", "BINDER_URL", "REPOSITORY_URL"):
        assert CONF[name] in readme, f"README.md does not link {name} = {CONF[name]}"
    assert "make site" in readme
    assert "make site" in (ROOT / ".github" / "workflows" / "site.yml").read_text()
