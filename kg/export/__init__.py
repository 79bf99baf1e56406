"""Exporters: one module per output format, all taking a built graph.

=======  =================================================  ==========================
format   what                                               module
=======  =================================================  ==========================
html     the interactive, self-contained browser view        :mod:`kg.export.html`
json     node-link JSON (``networkx.node_link_graph``)       :mod:`kg.export.graph`
graphml  GraphML (Gephi, yEd, Cytoscape; networkx reads it)  :mod:`kg.export.graph`
gexf     GEXF (Gephi; networkx reads it)                     :mod:`kg.export.graph`
ftm      FollowTheMoney JSON lines (OpenSanctions tools)     :mod:`kg.export.ftm`
neo4j    neo4j-admin import CSVs + ``queries.cypher``         :mod:`kg.export.neo4j`
=======  =================================================  ==========================

:func:`export_graph` is the one door: it picks the writer from :data:`EXPORTERS` and applies
``focus`` once. Every writer writes atomically (a failed run leaves no half-written output).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import Problem, UsageError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["EXPORTERS", "export_graph"]


def _html(G: nx.MultiDiGraph, path: str | os.PathLike[str], **opts: Any) -> Any:
    from kg.export.html import write_html

    return write_html(G, path, **opts)


def _ftm(G: nx.MultiDiGraph, path: str | os.PathLike[str], **_: Any) -> Any:
    from kg.export.ftm import write_ftm

    return write_ftm(G, path)


def _neo4j(G: nx.MultiDiGraph, path: str | os.PathLike[str], **_: Any) -> Any:
    from kg.export.neo4j import write_neo4j

    return write_neo4j(G, path)


def _networkx(name: str) -> Callable[..., Any]:
    def write(G: nx.MultiDiGraph, path: str | os.PathLike[str], **_: Any) -> Any:
        from kg.export import graph

        return getattr(graph, f"write_{name}")(G, path)

    return write


EXPORTERS: dict[str, Callable[..., Any]] = {
    "json": _networkx("json"),
    "graphml": _networkx("graphml"),
    "gexf": _networkx("gexf"),
    "html": _html,
    "ftm": _ftm,
    "neo4j": _neo4j,
}
"""Format name -> writer ``(G, path, **options)``, in the order ``kg export`` lists them."""


def export_graph(G: nx.MultiDiGraph, fmt: str, path: str | os.PathLike[str], *,
                 focus: str | None = None, depth: int = 2, view: str = "actors",
                 notes: list[Problem] | None = None) -> Path:
    """Write ``G`` (or ``focus``'s neighbourhood within ``depth`` hops) as ``fmt``.

    ``fmt`` is a key of :data:`EXPORTERS`; ``view`` (``actors`` or ``events``) applies to
    ``html`` only. The HTML writer takes the focus itself, to mark the focused actor and
    size its page; every other format gets the neighbourhood graph. ``notes``, when given,
    receives every value the writer had to change (GraphML and GEXF: characters XML 1.0
    does not allow), one :class:`~kg.errors.Problem` each.

    Raises:
        UsageError: unknown format, or an unknown or ambiguous ``focus`` actor.
    """
    if fmt not in EXPORTERS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORTERS)}")
    if fmt == "html":
        _html(G, path, view=view, focus=focus, depth=depth)
        return Path(path)
    if focus:
        from kg.graph.subgraph import neighbourhood

        G = neighbourhood(G, focus, depth=depth)
    changed = EXPORTERS[fmt](G, path)
    if notes is not None and isinstance(changed, list):
        notes += changed
    return Path(path)
