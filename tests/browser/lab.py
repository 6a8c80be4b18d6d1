"""JupyterLab in Debian's Chromium, driven by Playwright: what the browser test and the latency
bench share.

- :class:`JupyterLab` serves a temporary copy of ``notebooks/`` from the running Python environment,
  on a free loopback port with a random token, with a throw-away configuration (no news, no update
  check, no restored workspace, no autosave, every cell attached to the page).
  :meth:`JupyterLab.stop` shuts its kernels down and ends its process group.
- :func:`launch_chromium` starts ``/usr/bin/chromium`` (or ``$CHROMIUM``) headless through
  Playwright. Never ``playwright install``: it downloads a browser of its own and cannot work here.
- :class:`NotebookPage` opens one notebook alone in a page, runs all its cells, reads back what a
  learner would see (errors, widgets, images), picks a value in a dropdown and closes the notebook
  with its kernel, without saving.

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


@dataclass
class Dropdown:
    """A labelled dropdown of a widget, with the cell output holding the whole widget (Playwright
    locators)."""

    label: str
    output: object  # the `.jp-OutputArea-output` that shows the widget (an Explorer)
    select: object  # the dropdown's <select>

    def value(self) -> str:
        return self.select.input_value()

    def options(self) -> list[str]:
        return self.select.evaluate("s => Array.from(s.options).map(o => o.value)")


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

    def dropdowns(self, label: str) -> list[Dropdown]:
        """The dropdowns labelled exactly ``label``, in page order."""
        outputs = self.widget_outputs()
        found = []
        for i in range(outputs.count()):
            boxes = outputs.nth(i).locator(".widget-dropdown")
            for j in range(boxes.count()):
                box = boxes.nth(j)
                if box.locator("label").first.inner_text().strip() == label:
                    found.append(Dropdown(label, outputs.nth(i), box.locator("select")))
        return found

    def images(self, dropdown: Dropdown) -> list[bytes]:
        """The bytes of every image of the dropdown's widget, as shown in the page."""
        return [base64.b64decode(e) for e in dropdown.output.evaluate(JS_IMAGE_BYTES)]

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

    def wait_until_still(
        self, dropdown: Dropdown, quiet_s: float = 1.0, timeout_s: float = 30.0
    ) -> bool:
        """Wait until no image of the dropdown's widget has changed for ``quiet_s`` (an animation,
        e.g. live training, has ended); whether that happened within ``timeout_s``."""
        deadline = time.monotonic() + timeout_s
        sources, still_since = dropdown.output.evaluate(JS_IMAGE_SOURCES), time.monotonic()
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(100)
            now = dropdown.output.evaluate(JS_IMAGE_SOURCES)
            if now != sources:
                sources, still_since = now, time.monotonic()
            elif time.monotonic() - still_since >= quiet_s:
                return True
        return False

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
