"""JupyterLab in Debian's Chromium, driven by Playwright: what the browser test and the latency
bench share.

- :class:`JupyterLab` serves a temporary copy of ``notebooks/`` from the running Python environment,
  on a free loopback port with a random token, with a throw-away configuration (no news, no update
  check, no restored workspace, no autosave, every cell attached to the page).
  :meth:`JupyterLab.stop` shuts its kernels down and ends its process group.
- :func:`launch_chromium` starts ``/usr/bin/chromium`` (or ``$CHROMIUM``) headless through
  Playwright. Never ``playwright install``: it downloads a browser of its own and cannot work here.
- :class:`NotebookPage` opens one notebook alone in a page, runs all its cells, reads back what a
  learner would see (errors, widgets, images, each widget's static fallback), drives a widget's
  dropdowns and sliders (with the mouse's events or the keyboard alone), scans the cell outputs
  with axe-core, and closes the notebook with its kernel, without saving.

The committed notebooks are never opened, so nothing here can save or checkpoint them.
"""

from __future__ import annotations

import base64
import ctypes
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from helpers.widgets.base import FALLBACK_CLASS

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",  # Chromium's sandbox refuses to start as root, and CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 1000}
PR_SET_PDEATHSIG = 1  # prctl(2) option
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# A cell's output that shows a widget (not the outputs nested in an ipywidgets.Output).
WIDGET_OUTPUT = (
    ".jp-Notebook .jp-Cell-outputArea > .jp-OutputArea-child"
    " > .jp-OutputArea-output:has(> .jupyter-widgets)"
)

# Every output of every cell, nested ones (an ipywidgets.Output's) included: what axe-core scans.
CELL_OUTPUTS = ".jp-Notebook .jp-OutputArea-output"
# A widget's static fallback, an output of its own beside the widget view (helpers/widgets/base.py).
FALLBACK = f".{FALLBACK_CLASS}"

# The throw-away configuration: lab settings (no autosave: the copy is never saved; every cell
# attached to the page, where the default "contentVisibility" windowing may leave cells unrendered;
# no news, no update check) and the page config (the announcements plugin off).
USER_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}
PAGE_CONFIG = {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}


def missing_requirement() -> str | None:
    """Why a browser cannot be driven here (no Chromium, no Playwright), or ``None`` if it can."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return (
            f"no Chromium at {CHROMIUM}: install Debian's `chromium` "
            "(`make browser` does it as root) or point $CHROMIUM at one"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package `playwright` is missing: pip install -e '.[test]'"
    return None


def _end_with_parent() -> None:
    """Run in the server's process before it starts: Linux sends it SIGTERM if the test run dies."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: stop() and the finalizers still end it
        pass


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterLab:
    """A JupyterLab server serving a temporary copy of ``notebooks`` (by default the course's).

    Use it as a context manager, or call :meth:`start` and :meth:`stop`; :meth:`stop` may be called
    more than once.
    """

    def __init__(self, notebooks: Path = NOTEBOOKS, startup_timeout: float = 90.0):
        self.notebooks = notebooks
        self.startup_timeout = startup_timeout
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.tmp: Path | None = None
        self.process: subprocess.Popen | None = None
        self._log = None

    def __enter__(self) -> JupyterLab:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def start(self) -> None:
        """Copy the notebooks, write the configuration, start the server and wait until it
        answers."""
        self.tmp = Path(tempfile.mkdtemp(prefix="course-lab-"))
        root_dir = self.tmp / "notebooks"
        shutil.copytree(
            self.notebooks, root_dir, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
        config_dir = self.tmp / "config"
        for name, values in USER_SETTINGS.items():
            path = config_dir / "lab" / "user-settings" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        (config_dir / "labconfig").mkdir(parents=True)
        (config_dir / "labconfig" / "page_config.json").write_text(json.dumps(PAGE_CONFIG))
        env = dict(
            os.environ,
            JUPYTER_PLATFORM_DIRS="1",
            JUPYTER_CONFIG_DIR=str(config_dir),
            JUPYTER_RUNTIME_DIR=str(self.tmp / "runtime"),
        )
        command = [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={root_dir}",
            "--ServerApp.open_browser=False",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            f"--LabApp.workspaces_dir={self.tmp / 'workspaces'}",
        ]
        if os.geteuid() == 0:
            command.append("--allow-root")
        self._log = open(self.tmp / "jupyterlab.log", "wb")
        self.process = subprocess.Popen(
            command,
            cwd=self.tmp,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_end_with_parent,
        )
        deadline = time.monotonic() + self.startup_timeout
        while True:
            try:
                self.api("status")
                return
            except (urllib.error.URLError, ConnectionError) as error:
                problem = (
                    f"JupyterLab exited with code {self.process.returncode}"
                    if self.process.poll() is not None
                    else f"JupyterLab did not answer within {self.startup_timeout:.0f} s ({error})"
                    if time.monotonic() > deadline
                    else None
                )
                if problem:
                    log = self.log()
                    self.stop()
                    raise RuntimeError(f"{problem}; its log:\n{log}") from None
                time.sleep(0.2)

    def api(self, path: str, method: str = "GET"):
        """Call the server's REST API at ``/api/<path>``; the decoded JSON answer, if any."""
        request = urllib.request.Request(
            f"{self.base_url}/api/{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def url(self, notebook: str | None = None) -> str:
        """The page that opens ``notebook`` alone, or JupyterLab with no notebook open (``reset``:
        no workspace restored)."""
        path = f"lab/tree/{notebook}" if notebook else "lab"
        return f"{self.base_url}/{path}?reset&token={self.token}"

    def log(self) -> str:
        """The end of the server's output (for error messages)."""
        path = self.tmp / "jupyterlab.log" if self.tmp else None
        return path.read_text(errors="replace")[-4000:] if path and path.exists() else ""

    def stop(self) -> None:
        """Shut the kernels down, end the server's process group, remove the temporary copy."""
        if self.process is not None and self.process.poll() is None:
            try:  # kernels run in process groups of their own: the server must end them
                for kernel in self.api("kernels"):
                    self.api(f"kernels/{kernel['id']}", method="DELETE")
            except (OSError, ValueError):
                pass
            for sig, grace in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
                try:
                    os.killpg(self.process.pid, sig)
                    self.process.wait(grace)
                    break
                except ProcessLookupError:
                    break
                except subprocess.TimeoutExpired:
                    continue
        if self.process is not None:
            self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None


def launch_chromium(playwright):
    """Debian's Chromium, headless, through Playwright (``playwright``: a started
    ``sync_playwright()``)."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


# --- JavaScript run in the page ------------------------------------------------------------------

# Finds the panel of notebook `path` and keeps it as window.__panel; records in
# window.__kernelErrors every error and stderr text the kernel sends that is not a cell's output
# (widget callbacks), but for the comm manager's log lines: at connection the widget manager asks a
# fresh kernel (where ipywidgets is not imported yet) for its widgets through a comm target that is
# not registered yet, and the kernel logs "No such comm target registered: jupyter.widget.control"
# and "No such comm: <id>".
JS_ATTACH = """async (path) => {
  const app = window.jupyterapp;
  await app.started;
  await app.restored;
  let panel;
  for (let i = 0; i < 600 && !panel; i++) {
    panel = Array.from(app.shell.widgets('main')).find(w => w.context && w.context.path === path);
    if (!panel) await new Promise(resolve => setTimeout(resolve, 50));
  }
  if (!panel) throw new Error(`JupyterLab did not open ${path}`);
  await panel.context.ready;
  await panel.sessionContext.ready;
  window.__panel = panel;
  window.__kernelErrors = [];
  panel.sessionContext.iopubMessage.connect((_, msg) => {
    const parent = msg.parent_header && msg.parent_header.msg_type;
    if (parent === 'execute_request') return;  // a cell's output: read from the cell's model
    const c = msg.content;
    if (msg.header.msg_type === 'error') {
      window.__kernelErrors.push(`${c.ename}: ${c.evalue} (in reply to ${parent})`);
    } else if (msg.header.msg_type === 'stream' && c.name === 'stderr') {
      const text = c.text.replace(/^No such comm( target registered)?: [\\w.-]+$/gm, '').trim();
      if (text) window.__kernelErrors.push(`stderr: ${text.slice(0, 300)} (in reply to ${parent})`);
    }
  });
}"""

JS_OPEN = """async (path) => {
  await window.jupyterapp.commands.execute('docmanager:open', {path});
}"""

JS_KERNEL_IDLE = """() => {
  const session = window.__panel && window.__panel.sessionContext.session;
  return !!(session && session.kernel && session.kernel.status === 'idle');
}"""

JS_RUN_ALL = """async (timeoutMs) => {
  const run = window.jupyterapp.commands.execute('notebook:run-all-cells');
  const late = new Promise((_, reject) => setTimeout(
    () => reject(new Error(`cells still running after ${timeoutMs / 1000} s`)), timeoutMs));
  return await Promise.race([run, late]);
}"""

# Errors a learner would see in the cells: error outputs, text on stderr, code cells that did not
# run.
JS_CELL_PROBLEMS = """() => {
  const problems = [];
  window.__panel.content.widgets.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    const source = cell.model.sharedModel.getSource();
    const where = `cell ${i + 1} (${JSON.stringify(source.split('\\n')[0].slice(0, 60))})`;
    if (source.trim() && cell.model.executionCount === null) problems.push(`${where} did not run`);
    for (const out of cell.model.outputs.toJSON()) {
      if (out.output_type === 'error') problems.push(`${where} raised ${out.ename}: ${out.evalue}`);
      if (out.output_type === 'stream' && out.name === 'stderr') {
        const text = Array.isArray(out.text) ? out.text.join('') : out.text;
        problems.push(`${where} wrote to stderr: ${text.slice(0, 300)}`);
      }
    }
  });
  return problems;
}"""

# Every output of every code cell: whether the kernel sent a widget view, the MIME type JupyterLab
# rendered, and what the learner sees in it.
JS_OUTPUTS = """(mime) => {
  const found = [];
  window.__panel.content.widgets.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    const sent = cell.model.outputs.toJSON();
    cell.outputArea.widgets.forEach((child, k) => {
      const renderer = child.widgets[child.widgets.length - 1];
      const node = renderer.node;
      const text = node.innerText || '';
      const images = Array.from(node.querySelectorAll('img'));
      found.push({
        cell: i + 1,
        sentWidget: !!(sent[k] && sent[k].data && sent[k].data[mime]),
        renderedAs: renderer.mimeType || null,
        widgetView: !!node.querySelector(':scope > .jupyter-widgets'),
        widgetError: !!node.querySelector('.widget-error')
          || /Error (displaying|creating|rendering) widget/.test(text),
        loading: /Loading widget/.test(text),
        text: text.slice(0, 300),
        images: images.length,
        imagesShown: images.filter(img => img.complete && img.naturalWidth > 0).length,
      });
    });
  });
  return found;
}"""

# The bytes of every <img> in `node`, base64, as the page has them (ipywidgets shows blob: URLs).
JS_IMAGE_BYTES = """async (node) => {
  const encoded = [];
  for (const img of node.querySelectorAll('img')) {
    const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    }
    encoded.push(btoa(binary));
  }
  return encoded;
}"""

JS_IMAGE_SOURCES = "node => Array.from(node.querySelectorAll('img')).map(img => img.src)"

JS_IMAGES_REPLACED = """([node, before]) => {
  const images = Array.from(node.querySelectorAll('img'));
  return images.some((img, k) => img.src !== before[k]) && images.every(img => img.complete);
}"""


# What a widget shows besides its controls: its images' sources, and the text of its HTML views
# but the first (the explorer's title and hint), for a widget without images (a table).
_VIEW_STATE = """node => ({
  sources: Array.from(node.querySelectorAll('img')).map(img => img.src),
  texts: Array.from(node.querySelectorAll('.widget-html-content')).slice(1)
    .map(view => view.innerText).join('\\n'),
})"""

JS_VIEW_STATE = f"node => JSON.stringify(({_VIEW_STATE})(node))"

JS_VIEW_TEXTS = f"node => ({_VIEW_STATE})(node).texts"

# Whether the widget drew anew since `before` (a JS_VIEW_STATE): an image replaced (and every image
# loaded), or, for a widget without images, its views' text changed.
JS_REDRAWN = f"""([node, before]) => {{
  const now = ({_VIEW_STATE})(node), then = JSON.parse(before);
  if (!now.sources.length) return now.texts !== then.texts;
  return now.sources.some((src, k) => src !== then.sources[k])
    && Array.from(node.querySelectorAll('img')).every(img => img.complete);
}}"""

# The element that has the keyboard's focus, described for a message.
JS_FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return 'nothing';
  const name = e.getAttribute('aria-label') || e.getAttribute('title') || '';
  const where = e.closest('.jp-Cell');
  const cell = where ? window.__panel.content.widgets.findIndex(c => c.node === where) + 1 : 0;
  return `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') || ''}">`
    + (name ? ` named ${JSON.stringify(name.slice(0, 60))}` : '')
    + (cell ? ` in cell ${cell}` : ' outside the cells');
}"""

JS_ACTIVE_CELL = "() => window.__panel.content.activeCellIndex + 1"

# Picks `values` in the <select> one after the other, `gapMs` apart, as fast clicks would (a
# "change" event each); the milliseconds it took.
JS_SELECT_BURST = """async ([select, values, gapMs]) => {
  const start = performance.now();
  for (const [k, value] of values.entries()) {
    if (k) await new Promise(resolve => setTimeout(resolve, gapMs));
    select.value = value;
    select.dispatchEvent(new Event('change', {bubbles: true}));
  }
  return performance.now() - start;
}"""

# Scan mode, for axe-core (`on`: true) and back (false). axe-core (4.12) takes an element for
# hidden, and leaves it out of the rules that need it seen (color-contrast), when the element lies
# outside an `overflow: hidden` ancestor's box, even where a positioned ancestor in between lets it
# out (dequelabs/axe-core#3996, #4539: JupyterLab's <body> is 0 px high and `overflow: hidden`,
# the whole interface is positioned inside it), or when it is scrolled out of an `overflow: auto`
# container inside such an ancestor (#3883: the notebook's cells below the fold). So in scan mode
# the body overflows, and the caller makes the viewport tall enough to show every output at once:
# this returns how many pixels it lacks. And axe-core reads some twenty style properties of every
# element of the page to lay them over a grid (color-contrast), seconds for the ten thousand
# elements of a notebook's editors: the cells' inputs (editors, rendered Markdown: not outputs)
# are taken out of the page for the scan (a comment keeps each one's place) and put back after it.
JS_SCAN_MODE = """(on) => {
  if (!document.getElementById('bpd-axe-scan')) {
    const style = document.createElement('style');
    style.id = 'bpd-axe-scan';
    style.textContent = 'body.bpd-axe-scan { overflow: visible !important; }';
    document.head.appendChild(style);
  }
  const notebook = window.__panel.content.node;
  if (on && !window.__bpdInputs) {
    window.__bpdInputs = Array.from(notebook.querySelectorAll('.jp-Cell-inputWrapper'))
      .map(input => {
        const mark = document.createComment('input taken out for axe-core');
        input.replaceWith(mark);
        return [mark, input];
      });
  } else if (!on && window.__bpdInputs) {
    for (const [mark, input] of window.__bpdInputs) mark.replaceWith(input);
    window.__bpdInputs = undefined;
  }
  document.body.classList.toggle('bpd-axe-scan', on);
  if (!on) return 0;
  const scroller = notebook.querySelector('.jp-WindowedPanel-outer') || notebook;
  scroller.scrollTop = 0;
  const outputs = Array.from(notebook.querySelectorAll('.jp-OutputArea-output'));
  const bottom = Math.max(0, ...outputs.map(o => o.getBoundingClientRect().bottom));
  return Math.max(0, Math.ceil(bottom - scroller.getBoundingClientRect().bottom));
}"""

# Runs axe-core with `context` and `options` (elementRef: true); one entry per node of a violation
# inside a cell output (the context should leave nothing else in; this makes sure), with its cell.
JS_AXE = """async ([context, options]) => {
  const results = await axe.run(context, options);
  const cells = window.__panel.content.widgets;
  const found = [];
  for (const rule of results.violations) {
    for (const node of rule.nodes) {
      const element = node.element;
      if (!element || !element.closest('.jp-OutputArea-output')) continue;
      found.push({
        rule: rule.id,
        impact: node.impact || rule.impact,
        help: rule.help,
        cell: cells.findIndex(cell => cell.node.contains(element)) + 1,
        html: node.html,
        summary: (node.failureSummary || '').replace(/\\s+/g, ' ').trim(),
      });
    }
  }
  return found;
}"""

# Every code cell whose outputs include a live widget view (rendered, not "Error displaying
# widget"): how many such views it shows, and each static fallback (`fallback`, a CSS selector) in
# its output area: whether the learner sees it, its images' alt texts, the start of its text.
JS_FALLBACKS = """(fallback) => {
  const seen = node => node.checkVisibility({
      opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true,
    }) && Array.from(node.getClientRects()).some(r => r.width > 0 && r.height > 0);
  const found = [];
  window.__panel.content.widgets.forEach((cell, i) => {
    if (cell.model.type !== 'code' || !cell.outputArea) return;
    const area = cell.outputArea.node;
    const views = Array.from(
      area.querySelectorAll(':scope > .jp-OutputArea-child > .jp-OutputArea-output')
    ).filter(out => out.querySelector(':scope > .jupyter-widgets')
                    && !out.querySelector('.widget-error'));
    if (!views.length) return;
    found.push({
      cell: i + 1,
      views: views.length,
      viewsSeen: views.filter(seen).length,
      fallbacks: Array.from(area.querySelectorAll(fallback)).map(node => ({
        seen: seen(node),
        alts: Array.from(node.querySelectorAll('img')).map(img => img.getAttribute('alt')),
        text: node.textContent.replace(/\\s+/g, ' ').trim().slice(0, 120),
      })),
    });
  });
  return found;
}"""


@dataclass
class Control:
    """A labelled control of a widget (Playwright locators): the cell output that holds the whole
    widget, and the element that takes the keyboard's focus."""

    label: str
    output: object  # the `.jp-OutputArea-output` that shows the widget (an Explorer)
    element: object  # what a learner focuses: a dropdown's <select>, a slider's handle

    kind = "control"

    def value(self) -> str:
        raise NotImplementedError

    def keys(self) -> tuple[str, str]:
        """A key that changes the control by one step, and the key that takes it back."""
        raise NotImplementedError


@dataclass
class Dropdown(Control):
    """A labelled dropdown of a widget (``element`` is its ``<select>``, also ``select``)."""

    kind = "dropdown"

    @property
    def select(self):
        return self.element

    def value(self) -> str:
        return self.select.input_value()

    def options(self) -> list[str]:
        return self.select.evaluate("s => Array.from(s.options).map(o => o.value)")

    def keys(self) -> tuple[str, str]:
        last = self.select.evaluate("s => s.selectedIndex === s.options.length - 1")
        return ("ArrowUp", "ArrowDown") if last else ("ArrowDown", "ArrowUp")


@dataclass
class Slider(Control):
    """A labelled slider of a widget (``element`` is its handle, ``role="slider"``)."""

    readout: object  # the number (or option) shown beside the track

    kind = "slider"

    def value(self) -> str:
        return self.readout.inner_text().strip()

    def room(self) -> tuple[float, float]:
        """How far the handle is from the track's lower and upper ends (``aria-value*``)."""
        now, low, high = (
            float(self.element.get_attribute(f"aria-value{end}")) for end in ("now", "min", "max")
        )
        return now - low, high - now

    def keys(self) -> tuple[str, str]:
        below, above = self.room()
        return ("ArrowLeft", "ArrowRight") if above <= 0 < below else ("ArrowRight", "ArrowLeft")


@dataclass
class KeyPress:
    """What one key pressed with the focus on a control did."""

    key: str
    value_before: str
    value_after: str
    redrawn: bool  # the widget drew anew (an image replaced; for a table, its text changed)
    focus_after: str  # where the focus is afterwards (JS_FOCUSED)
    cell_before: int  # the notebook's active cell (1-based) before and after
    cell_after: int


class NotebookPage:
    """One notebook of the server's copy, open alone in JupyterLab: in a new page of ``context`` (a
    Playwright context), or in ``page``, a page of that server that the previous notebook has left
    (JupyterLab is then not loaded again: the notebook is opened beside nothing, the previous one
    closed with its kernel)."""

    def __init__(self, context, lab: JupyterLab, notebook: str, timeout_s: float = 60.0, page=None):
        self.lab = lab
        self.notebook = notebook
        self.timeout_ms = timeout_s * 1000
        self.own_page = page is None
        self.page = context.new_page() if page is None else page
        self.page.set_default_timeout(self.timeout_ms)
        self.page_errors: list[str] = []
        self._on_error = lambda error: self.page_errors.append(str(error))
        self.page.on("pageerror", self._on_error)

    def open(self) -> None:
        """Open the notebook (loading JupyterLab first in a new page) and wait until its kernel is
        idle."""
        if self.own_page:
            self.page.goto(self.lab.url(self.notebook))
            self.page.wait_for_function("() => window.jupyterapp !== undefined")
        else:
            self.page.evaluate(JS_OPEN, self.notebook)
        self.page.evaluate(JS_ATTACH, self.notebook)
        self.wait_for_idle()

    def wait_for_idle(self) -> None:
        self.page.wait_for_function(JS_KERNEL_IDLE, polling=50)

    def run_all(self, render_timeout_s: float = 15.0) -> None:
        """*Run > Run All Cells*, then wait for the kernel to go idle and the widgets to render.

        A widget still "Loading widget..." after ``render_timeout_s`` is left so: :meth:`outputs`
        reports it.
        """
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

        self.page.evaluate(JS_RUN_ALL, self.timeout_ms)
        self.wait_for_idle()
        try:
            self.page.wait_for_function(
                """() => Array.from(
                   document.querySelectorAll('.jp-Notebook .jp-OutputArea-output')
                 ).every(node => !/Loading widget/.test(node.innerText)
                         && Array.from(node.querySelectorAll('img')).every(img => img.complete))""",
                polling=100,
                timeout=render_timeout_s * 1000,
            )
        except PlaywrightTimeoutError:
            pass

    def dialogs(self) -> list[str]:
        """The text of every JupyterLab dialog open in the page (one would cover the notebook)."""
        return self.page.locator(".jp-Dialog").all_inner_texts()

    def cell_problems(self) -> list[str]:
        """Error outputs, stderr text and cells that did not run, each naming its cell."""
        return self.page.evaluate(JS_CELL_PROBLEMS)

    def kernel_errors(self) -> list[str]:
        """Errors and stderr text the kernel sent outside cells (from widget callbacks), so far."""
        return self.page.evaluate("() => window.__kernelErrors.slice()")

    def outputs(self) -> list[dict]:
        """Every output of every code cell, as rendered (see ``JS_OUTPUTS``)."""
        return self.page.evaluate(JS_OUTPUTS, WIDGET_VIEW)

    def widget_outputs(self):
        """A locator of the cell outputs that show a widget."""
        return self.page.locator(WIDGET_OUTPUT)

    def _labelled(self, box: str, label: str) -> list[tuple[object, object]]:
        """``(output, box)`` for every control box (CSS ``box``) labelled exactly ``label``, in
        page order."""
        outputs = self.widget_outputs()
        found = []
        for i in range(outputs.count()):
            boxes = outputs.nth(i).locator(box)
            for j in range(boxes.count()):
                if boxes.nth(j).locator("label").first.inner_text().strip() == label:
                    found.append((outputs.nth(i), boxes.nth(j)))
        return found

    def dropdowns(self, label: str) -> list[Dropdown]:
        """The dropdowns labelled exactly ``label``, in page order."""
        return [
            Dropdown(label, output, box.locator("select"))
            for output, box in self._labelled(".widget-dropdown", label)
        ]

    def sliders(self, label: str) -> list[Slider]:
        """The sliders labelled exactly ``label``, in page order."""
        return [
            Slider(label, output, box.locator('[role="slider"]'), box.locator(".widget-readout"))
            for output, box in self._labelled(".widget-slider", label)
        ]

    def images(self, control: Control) -> list[bytes]:
        """The bytes of every image of the control's widget, as shown in the page."""
        return [base64.b64decode(e) for e in control.output.evaluate(JS_IMAGE_BYTES)]

    def shown(self, control: Control) -> list[bytes] | str:
        """What the control's widget shows: its images' bytes, or, for a widget without images, the
        text of its views (a table)."""
        return self.images(control) or control.output.evaluate(JS_VIEW_TEXTS)

    def image_titles(self, control: Control) -> list[str]:
        """The text alternative (``alt``, else ``title``) of every image of the control's widget."""
        return control.output.evaluate(
            "node => Array.from(node.querySelectorAll('img'))"
            ".map(img => img.getAttribute('alt') || img.getAttribute('title') || '')"
        )

    def view_state(self, control: Control) -> str:
        """A token of what the widget shows now (images' sources, views' text): it changes with
        every redraw."""
        return control.output.evaluate(JS_VIEW_STATE)

    def choose(self, dropdown: Dropdown, value: str, timeout_s: float = 15.0) -> bool:
        """Pick ``value`` as a learner would; whether an image of the widget was replaced within
        ``timeout_s``.

        Returns once the new images are loaded and the kernel is idle.
        """
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

        before = dropdown.output.evaluate(JS_IMAGE_SOURCES)
        dropdown.select.select_option(value)
        try:
            self.page.wait_for_function(
                JS_IMAGES_REPLACED,
                arg=[dropdown.output.element_handle(), before],
                polling=50,
                timeout=timeout_s * 1000,
            )
        except PlaywrightTimeoutError:
            return False
        finally:
            self.wait_for_idle()
        return True

    def last_redraw(
        self, control: Control, quiet_s: float = 1.0, timeout_s: float = 30.0
    ) -> float | None:
        """Wait until no image of the control's widget has changed for ``quiet_s`` (an animation,
        e.g. live training, has ended): the ``time.monotonic()`` of the last change seen (of the
        call, if none), or ``None`` if that did not happen within ``timeout_s``."""
        deadline = time.monotonic() + timeout_s
        sources, changed_at = control.output.evaluate(JS_IMAGE_SOURCES), time.monotonic()
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(100)
            now = control.output.evaluate(JS_IMAGE_SOURCES)
            if now != sources:
                sources, changed_at = now, time.monotonic()
            elif time.monotonic() - changed_at >= quiet_s:
                return changed_at
        return None

    def wait_until_still(
        self, control: Control, quiet_s: float = 1.0, timeout_s: float = 30.0
    ) -> bool:
        """Wait until no image of the control's widget has changed for ``quiet_s``; whether that
        happened within ``timeout_s`` (see :meth:`last_redraw`)."""
        return self.last_redraw(control, quiet_s, timeout_s) is not None

    # --- the keyboard alone ----------------------------------------------------------------

    def focused(self) -> str:
        """The element that has the keyboard's focus, described (tag, class, name, cell)."""
        return self.page.evaluate(JS_FOCUSED)

    def active_cell(self) -> int:
        """The notebook's active cell, counted from 1."""
        return self.page.evaluate(JS_ACTIVE_CELL)

    def tab_to(self, control: Control, max_tabs: int = 12) -> tuple[int | None, list[str]]:
        """Start just before the control's widget, as a learner would (a click on the widget's
        title, which makes its cell the active one), then press Tab until the control has the
        focus: how many presses it took (``None``: not within ``max_tabs``), and where the focus
        went on the way."""
        control.output.locator(".widget-html").first.click()
        target = control.element.element_handle()
        path = []
        for presses in range(1, max_tabs + 1):
            self.page.keyboard.press("Tab")
            there = self.page.evaluate(
                f"(target) => document.activeElement === target || ({JS_FOCUSED})()", target
            )
            if there is True:
                return presses, path
            path.append(there)
        return None, path

    def press(self, control: Control, key: str, timeout_s: float = 15.0) -> KeyPress:
        """Press ``key`` (the focus is where it is: on the control, after :meth:`tab_to`) and wait
        up to ``timeout_s`` for the widget to draw anew; what happened.

        Returns once the widget drew anew (or the time is up) and the kernel is idle.
        """
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

        value, cell, state = control.value(), self.active_cell(), self.view_state(control)
        self.page.keyboard.press(key)
        # the control shows its new value at once; no new value, no redraw to wait for
        deadline = time.monotonic() + 0.5
        while control.value() == value and time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
        redrawn = False
        try:
            if control.value() != value:
                self.page.wait_for_function(
                    JS_REDRAWN,
                    arg=[control.output.element_handle(), state],
                    polling=50,
                    timeout=timeout_s * 1000,
                )
                redrawn = True
        except PlaywrightTimeoutError:
            pass
        finally:
            self.wait_for_idle()
        return KeyPress(
            key, value, control.value(), redrawn, self.focused(), cell, self.active_cell()
        )

    def press_burst(self, control: Control, keys: list[str]) -> float:
        """Press ``keys`` one after the other, as fast as the browser takes them, with the focus on
        the control; the seconds it took."""
        control.element.focus()
        start = time.monotonic()
        for key in keys:
            self.page.keyboard.press(key)
        return time.monotonic() - start

    def select_burst(self, dropdown: Dropdown, values: list[str], gap_ms: float = 50) -> float:
        """Pick ``values`` in the dropdown one after the other, ``gap_ms`` apart (fast clicks: a
        ``change`` event each); the seconds it took."""
        return (
            self.page.evaluate(JS_SELECT_BURST, [dropdown.select.element_handle(), values, gap_ms])
            / 1000
        )

    # --- accessibility ---------------------------------------------------------------------

    def accessibility_violations(self) -> list[dict]:
        """axe-core's violations in the cell outputs, JupyterLab's own interface left out: one
        entry per element, with ``rule``, ``impact``, ``help``, ``cell`` (counted from 1),
        ``html`` (the element's start) and ``summary`` (how to fix it).

        axe-core is put in the page once (JupyterLab's page serves every notebook). Every output
        is scanned: every cell is attached to the page (``windowingMode: none``), and for the scan
        the page is put in scan mode (``JS_SCAN_MODE``) and its viewport made tall enough to show
        every output at once; both are undone afterwards.
        """
        from axe_playwright_python.sync_playwright import Axe

        if not self.page.evaluate("() => typeof window.axe === 'object'"):
            self.page.evaluate(Axe().axe_script)
        viewport = self.page.viewport_size
        try:
            lacking = self.page.evaluate(JS_SCAN_MODE, True)
            if lacking:
                self.page.set_viewport_size(
                    {"width": viewport["width"], "height": viewport["height"] + lacking + 20}
                )
                self.page.wait_for_function(
                    "() => window.__panel.node.getBoundingClientRect().height > 0"
                    f" && ({JS_SCAN_MODE})(true) === 0",
                    polling=100,
                )
            return self.page.evaluate(
                JS_AXE,
                [
                    {"include": [CELL_OUTPUTS]},
                    {"resultTypes": ["violations"], "elementRef": True},
                ],
            )
        finally:  # the inputs come back once the page has its size again: one layout
            self.page.set_viewport_size(viewport)
            self.page.evaluate(JS_SCAN_MODE, False)

    def fallbacks(self) -> list[dict]:
        """Every code cell that shows a live widget view, with the static fallbacks in its output
        area (see ``JS_FALLBACKS``)."""
        return self.page.evaluate(JS_FALLBACKS, FALLBACK)

    def close(self) -> None:
        """Shut the notebook's kernel down and close the page, saving nothing.

        If the page cannot shut the kernel down (it crashed), :meth:`JupyterLab.stop` still will.
        """
        from playwright.sync_api import Error as PlaywrightError

        try:
            self.page.evaluate("""async () => {
              if (!window.__panel) return;
              await window.__panel.sessionContext.shutdown();
              window.__panel.dispose();
              window.__panel = undefined;
            }""")
        except PlaywrightError:
            pass
        finally:
            self.page.remove_listener("pageerror", self._on_error)
            if self.own_page:
                self.page.close()
