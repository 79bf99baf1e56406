"""The browser view inside Jupyter, classic Notebook and VS Code.

The view is shown in an ``<iframe srcdoc=...>``: the page is self-contained, so it works
without a file on disk or a server, and its scripts run isolated from the notebook's own
page. The page text is attribute-escaped, so nothing in it can break out of the iframe.

A notebook stores each view once: the HTML bundle holds the page, and the plain-text bundle
that Jupyter stores beside it is one short line (a dataclass's default ``repr`` would hold
the whole page a second time).
"""

from __future__ import annotations

import html as _html
from dataclasses import dataclass

import networkx as nx

__all__ = ["View", "show"]


@dataclass(frozen=True, repr=False)
class View:
    """A rendered view; Jupyter displays it through :meth:`_repr_html_` (its ``repr``, the
    notebook's plain-text fallback, is one short line)."""

    page: str
    """The self-contained HTML page."""
    height: int = 640

    def __repr__(self) -> str:
        return f"<kg view: {len(self.page) / 1e6:.1f} MB page, shown as HTML>"

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{_html.escape(self.page, quote=True)}" '
                f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd" '
                'sandbox="allow-scripts" loading="lazy"></iframe>')


def show(G: nx.MultiDiGraph, *, view: str = "actors", focus: str | None = None,
         depth: int = 2, height: int = 640) -> View:
    """The interactive view of ``G`` (as ``kg export html`` writes it), for a notebook cell.

    ``sandbox="allow-scripts"`` lets the page's own script run but gives it no access to
    the notebook, its cookies or its kernel.
    """
    from kg.export.html import render_html

    return View(render_html(G, view=view, focus=focus, depth=depth), height=height)
