"""The course's website, built and served for the site test (``tests/browser/test_site.py``).

- :func:`build_site` builds it as ``make site`` does (``docs/site/build.py``), in a subprocess.
- :class:`SiteServer` serves the built folder on a free loopback port, from a thread.
- :func:`visit` opens one page in Chromium and reads back what the checks need: images, links,
  element ids, math, widget fallbacks, the launch and repository links, the axe-core scan, every
  request to another host (aborted) and every error.
"""

from __future__ import annotations

import functools
import http.server
import os
import runpy
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .lab import FALLBACK, ROOT

SITE_SOURCES = ROOT / "docs" / "site"
BUILD = SITE_SOURCES / "build.py"


def _site_configuration() -> dict:
    """The names ``docs/site/conf.py`` defines (``REPOSITORY_URL``, ``SITE_URL``, ...), read
    without keeping its ``sys.path`` entry."""
    path = list(sys.path)
    try:
        return runpy.run_path(str(SITE_SOURCES / "conf.py"))
    finally:
        sys.path[:] = path


CONF = _site_configuration()
# axe-core's options. No preload: it fetches the stylesheets again for one rule
# (css-orientation-lock) and resolves the theme's `@import "../basic.css"` against the page instead
# of the stylesheet, asking the server for a file that does not exist.
AXE_OPTIONS = {"resultTypes": ["violations"], "preload": False}
# The rules that read colours on screen. On a notebook page (tens of thousands of elements, most of
# them typeset math and highlighted code) they take tens of seconds where all the others take a few:
# see test_site.py for where they run.
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def build_site(out: Path, notebooks: Path, timeout_s: float = 300) -> float:
    """Build the site from ``notebooks`` into ``out``; the seconds it took. Raises with Sphinx's
    output if the build fails (a warning fails it)."""
    start = time.perf_counter()
    env = dict(os.environ, JUPYTER_PLATFORM_DIRS="1")
    result = subprocess.run(
        [sys.executable, str(BUILD), str(out), "--notebooks", str(notebooks)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
    )
    if result.returncode:
        raise RuntimeError(f"make site failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}")
    return time.perf_counter() - start


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class SiteServer:
    """``folder`` served on ``http://127.0.0.1:<free port>/`` from a thread (a context manager)."""

    def __init__(self, folder: Path):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(10)


@dataclass
class PageVisit:
    """What one page of the site showed."""

    path: str  # relative to the site, e.g. "notebooks/05_activations.html"
    ids: set[str] = field(default_factory=set)
    links: list[dict] = field(default_factory=list)  # {href, url, text}
    images: list[dict] = field(default_factory=list)  # {src, alt, loaded, inArticle}
    math: dict = field(default_factory=dict)  # {hasMathJax, containers, errors, rawText}
    fallbacks: list[dict] = field(default_factory=list)  # {visible, text, images, imagesShown}
    widget_leftovers: list[str] = field(default_factory=list)
    empty_outputs: int = 0
    axe: list[dict] = field(default_factory=list)  # serious / critical violations
    other_hosts: list[str] = field(default_factory=list)  # requests aborted
    failed: list[str] = field(default_factory=list)  # 4xx/5xx answers, failed requests
    errors: list[str] = field(default_factory=list)  # page errors, console errors


# Everything the checks read from a page, in one pass.
JS_READ = """(fallbackSelector) => {
  const main = document.querySelector('main') || document.body;
  const article = document.querySelector('article') || main;  // the page's own content
  const ids = new Set();
  document.querySelectorAll('[id]').forEach(e => ids.add(e.id));
  document.querySelectorAll('a[name]').forEach(e => ids.add(e.getAttribute('name')));
  const links = Array.from(document.querySelectorAll('a[href]')).map(a => ({
    href: a.getAttribute('href'), url: a.href,
    text: (a.innerText || a.title || '').trim().slice(0, 80)}));
  const images = Array.from(document.querySelectorAll('img')).map(img => ({
    src: img.src.startsWith('data:') ? img.src.slice(0, 40) + '…' : img.getAttribute('src'),
    alt: img.getAttribute('alt'), loaded: img.complete && img.naturalWidth > 0,
    inArticle: article.contains(img)}));
  // The text a reader sees, less code, outputs' text and typeset math: no TeX may be left in it.
  const copy = main.cloneNode(true);
  copy.querySelectorAll('pre, code, mjx-container, script, style, .cell_output')
    .forEach(e => e.remove());
  const text = copy.textContent;
  const raw = (text.match(/\\$[^$\\n]+\\$|\\\\\\(|\\\\\\[|\\\\begin\\{/g) || []).slice(0, 5);
  const visible = e => {
    const box = e.getBoundingClientRect(), style = getComputedStyle(e);
    return box.width > 0 && box.height > 0 && style.display !== 'none'
      && style.visibility !== 'hidden' && style.opacity !== '0';
  };
  const fallbacks = Array.from(document.querySelectorAll(fallbackSelector)).map(e => ({
    visible: visible(e), text: (e.innerText || '').trim().slice(0, 200),
    images: e.querySelectorAll('img').length,
    imagesShown: Array.from(e.querySelectorAll('img')).filter(img => visible(img)).length}));
  const leftovers = [];
  document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')
    .forEach(() => leftovers.push('a widget view script'));
  if (/Loading widget|Error (displaying|creating|rendering) widget/.test(main.innerText)) {
    leftovers.push('"Loading widget" or a widget error in the text');
  }
  const emptyOutputs = Array.from(document.querySelectorAll('.cell_output')).filter(
    e => !e.innerText.trim() && !e.querySelector('img, svg, canvas, mjx-container')).length;
  return {
    ids: Array.from(ids), links, images, fallbacks, leftovers, emptyOutputs,
    math: {
      hasMathJax: !!(window.MathJax && window.MathJax.startup),
      containers: document.querySelectorAll('mjx-container').length,
      errors: Array.from(document.querySelectorAll('mjx-merror'))
        .map(e => e.getAttribute('data-mjx-error') || e.textContent).slice(0, 5),
      rawText: raw,
    },
  };
}"""

# Waits for every image (lazy ones loaded now) and for MathJax's typesetting.
JS_SETTLE = """async () => {
  const images = Array.from(document.querySelectorAll('img'));
  images.forEach(img => { img.loading = 'eager'; });
  await Promise.all(images.map(img => img.complete ? null : new Promise(done => {
    img.addEventListener('load', done, {once: true});
    img.addEventListener('error', done, {once: true});
  })));
  if (window.MathJax && window.MathJax.startup && window.MathJax.startup.promise) {
    await window.MathJax.startup.promise;
  }
}"""


# Scrolls the first widget fallback to the window's middle (for a screenshot), if there is one.
JS_SHOW_FALLBACK = """(selector) => {
  const fallback = document.querySelector(selector);
  if (fallback) fallback.scrollIntoView({block: 'center'});
}"""


def visit(
    context,
    base_url: str,
    path: str,
    other_hosts: list[str],
    axe=None,
    colours: bool = False,
    screenshot: Path | None = None,
    timeout_s: float = 60,
) -> PageVisit:
    """Open ``base_url + path`` in a new page of ``context`` and read it (see :class:`PageVisit`).

    ``other_hosts``: the list :func:`route_local_only` returned for ``context``. ``axe``: an
    ``axe_playwright_python`` ``Axe``, to scan the whole page for serious and critical violations,
    with the :data:`COLOUR_RULES` only if ``colours``. ``screenshot``: where to save a screenshot
    of the window, at the page's first widget fallback if it has one, else at its top.
    """
    result = PageVisit(path)
    page = context.new_page()
    page.set_default_timeout(timeout_s * 1000)
    own = urlsplit(base_url).netloc
    page.on("pageerror", lambda error: result.errors.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            message.type == "error" and result.errors.append(f"console: {message.text[:300]}")
        ),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and result.failed.append(f"{response.status} {response.url}")
        ),
    )
    page.on(
        "requestfailed",
        lambda request: (
            urlsplit(request.url).netloc == own
            and result.failed.append(f"failed {request.url}: {request.failure}")
        ),
    )
    start = len(other_hosts)
    try:
        page.goto(base_url + path, wait_until="load")
        page.evaluate(JS_SETTLE)
        read = page.evaluate(JS_READ, FALLBACK)
        result.ids = set(read["ids"])
        result.links, result.images = read["links"], read["images"]
        result.math, result.fallbacks = read["math"], read["fallbacks"]
        result.widget_leftovers, result.empty_outputs = read["leftovers"], read["emptyOutputs"]
        if axe is not None:
            rules = {rule: {"enabled": colours} for rule in COLOUR_RULES}
            options = dict(AXE_OPTIONS, rules=rules)
            violations = axe.run(page, options=options).response["violations"]
            result.axe = [v for v in violations if v["impact"] in ("serious", "critical")]
        if screenshot is not None:
            page.evaluate(JS_SHOW_FALLBACK, FALLBACK)
            page.screenshot(path=str(screenshot))
    finally:
        page.close()
    result.other_hosts = other_hosts[start:]
    return result


def route_local_only(context, base_url: str) -> list[str]:
    """Let ``context`` load only from ``base_url``'s host: any other request is aborted and
    recorded in the list returned."""
    own = urlsplit(base_url).netloc
    other_hosts: list[str] = []

    def handle(route):
        url = route.request.url
        if urlsplit(url).netloc == own:
            route.continue_()
        else:
            other_hosts.append(url)
            route.abort()

    context.route("**/*", handle)
    return other_hosts
