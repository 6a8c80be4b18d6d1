"""Sphinx configuration of the course's website (``make site``; see ``docs/site/build.py``).

The site shows every notebook with its stored outputs, nothing executed: MyST-NB reads the
notebooks, sphinx-book-theme lays them out (previous / next, a Binder button, the repository),
and MathJax is served from the site itself (the copy of MathJax 3 that the package
sphinx-mathjax-offline ships, copied into ``_static/mathjax`` by :func:`setup`), so a page loads
nothing from another host.

``build.py`` lays the sources out as in the repository (``index.md`` at the root, the notebooks in
``notebooks/``), so a page's path is its notebook's path in the repository: what the Binder button
opens.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # site_notebooks, the notebook reader below

# Where the course lives (GitHub owner/name; to confirm when the repository is published): every
# address below is made from it. README.md repeats them; tests/browser/test_site.py checks it does.
REPOSITORY = "backprop-derived/backprop-derived"
BRANCH = "main"
REPOSITORY_URL = f"https://github.com/{REPOSITORY}"
SITE_URL = "https://{}.github.io/{}/".format(*REPOSITORY.split("/"))  # GitHub Pages
BINDER_URL = (
    f"https://mybinder.org/v2/gh/{REPOSITORY}/{BRANCH}"
    "?urlpath=lab/tree/notebooks/00_the_network.ipynb"
)

project = "backprop-derived"
author = "the backprop-derived authors"
html_title = "Backprop, derived"
language = "en"

extensions = ["myst_nb"]  # brings myst_parser with it
mathjax_path = "mathjax/tex-chtml.js"  # in _static: see setup()

# --- MyST ----------------------------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "substitution"]
myst_heading_anchors = 3  # `[...](#a-heading)` and `NN_name.ipynb#a-heading` links resolve
myst_substitutions = {
    "repository": f"[the repository]({REPOSITORY_URL})",
    "binder": f"[run the notebooks on Binder]({BINDER_URL})",
}

# --- MyST-NB: stored outputs, as they are ---------------------------------------------------------
nb_execution_mode = "off"
# A notebook is read by site_notebooks.read_notebook: it drops the widget views (no widget state
# is stored, so a view can only show an empty box; each widget's static picture and text are an
# output of their own, shown instead) and points the notebooks' "Contents" link at the index.
nb_custom_formats = {".ipynb": ["site_notebooks.read_notebook", {}, False]}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# Widget views never render (kept out even if the reader let one through); HTML outputs (figures
# with their alt text, widget fallbacks) come before images and text, as raw HTML.
nb_mime_priority_overrides = [("html", WIDGET_VIEW, None)]
nb_ipywidgets_js = {}  # no require.js / html-manager from a CDN
nb_merge_streams = True

# --- HTML ----------------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_theme_options = {
    "repository_url": REPOSITORY_URL,
    "repository_branch": BRANCH,
    "path_to_docs": "",  # the site's sources are laid out as the repository
    "use_repository_button": True,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "launch_buttons": {
        "binderhub_url": "https://mybinder.org",
        "notebook_interface": "jupyterlab",
    },
}
# Light unless the reader switches: the figures are drawn on white, and it is the mode the browser
# test checks (an empty mode also makes the theme log an error on a first visit).
html_context = {"default_mode": "light"}
html_static_path: list[str] = []
html_last_updated_fmt = None
html_show_sphinx = False
exclude_patterns = ["_build", "**.ipynb_checkpoints"]


def copy_mathjax(app, exception) -> None:
    """Copy MathJax into the site's ``_static/mathjax`` once the pages are written.

    The files come from the package sphinx-mathjax-offline (a folder of that name holding
    MathJax 3). Its own Sphinx extension does the same but does not declare itself safe for
    parallel reading, which turns Sphinx's build serial (and, warnings being errors, fails it).
    """
    if exception is not None or app.builder.format != "html":
        return
    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    if spec is None or spec.origin is None:
        raise RuntimeError("no MathJax: pip install sphinx-mathjax-offline (make site does)")
    mathjax = Path(spec.origin).parent / "static" / "mathjax"
    shutil.copytree(mathjax, Path(app.outdir) / "_static" / "mathjax", dirs_exist_ok=True)


def setup(app) -> None:
    app.connect("build-finished", copy_mathjax)
