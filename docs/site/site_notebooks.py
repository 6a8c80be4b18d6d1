"""How the website reads a notebook (MyST-NB's reader for ``.ipynb``, set in ``conf.py``).

Two changes to what is stored, both for the web only:

- A widget's view is dropped. No widget state is stored, so in a static page a view could only show
  an empty box or "Loading widget"; each widget's static picture and text are stored as an output
  of their own next to the view (``bpd-widget-fallback``), and that output is what the site shows.
  If what remains of the view's output is only its ``text/plain`` (the widget's repr), the output
  goes; anything else in it (a picture, in notebooks stored before the fallbacks) stays.
- The notebooks' "Contents" link, ``../README.md#the-notebooks`` (the list of notebooks on GitHub),
  points at the site's index, whose list has the same heading.
"""

from __future__ import annotations

import nbformat

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
LINKS = {"](../README.md#the-notebooks)": "](../index.md#the-notebooks)"}


def site_output(output: dict) -> dict | None:
    """``output`` as the site shows it: without a widget view; ``None`` if nothing is left to
    show."""
    data = output.get("data", {})
    if WIDGET_VIEW not in data:
        return output
    rest = {mime: value for mime, value in data.items() if mime != WIDGET_VIEW}
    if set(rest) <= {"text/plain"}:
        return None
    output["data"] = rest
    return output


def read_notebook(text: str) -> nbformat.NotebookNode:
    """Read a notebook (nbformat 4) from ``text`` and make it the site's (see the module's
    docstring)."""
    notebook = nbformat.reads(text, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for old, new in LINKS.items():
                cell.source = cell.source.replace(old, new)
        elif cell.cell_type == "code":
            outputs = (site_output(output) for output in cell.get("outputs", []))
            cell.outputs = [output for output in outputs if output is not None]
    return notebook
