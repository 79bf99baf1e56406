"""Ownership, directorship, family and associate ties in the browser view.

The graph keeps each :class:`~kg.model.relations.Relationship` as a ``relationship:<id>``
node between its two actors (:mod:`kg.graph.schema`). The view draws them as direct links
between the actors instead, one link per pair and kind (several records of one pair, a
stake sold and another bought, share a link and are listed one by one in its details):

* ``OWNS``: owner -> asset, an arrow labelled with the share (``75%``; ``?%`` when the
  source gives none; ``80% until 2019`` for a stake that ended);
* ``DIRECTS``: director -> organisation, lighter, labelled with the role;
* ``FAMILY`` and ``ASSOCIATE``: lighter, without an arrow, labelled with the tie in the
  source's words.

An actor's panel lists its owners, holdings, directorships and ties (:func:`tie_rows`), as
plain text. Every text is data: the page writes it with ``textContent``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

import networkx as nx

from kg.graph.schema import NodeType, node_id, record_id

__all__ = ["TIE_RELS", "Tie", "share_text", "tie_edges", "tie_rows", "ties"]

#: Relationship kind -> the link the view draws (a key of ``EDGE_STYLES``).
TIE_RELS: dict[str, str] = {"ownership": "OWNS", "directorship": "DIRECTS",
                            "family": "FAMILY", "associate": "ASSOCIATE"}
#: Links drawn without an arrow (the tie has no direction that matters).
UNDIRECTED = frozenset({"FAMILY", "ASSOCIATE"})


class Tie(NamedTuple):
    """One relationship record between two actor nodes of the graph."""

    rid: str
    """The relationship's record id."""
    rel: str
    """The link drawn (:data:`TIE_RELS`)."""
    subject: str
    """The owner, director or person (an actor node id)."""
    object: str
    """The asset, organisation, relative or associate (an actor node id)."""
    data: dict[str, Any]
    """The relationship node's attributes (:class:`~kg.graph.schema.RelationshipNode`)."""


def ties(G: nx.MultiDiGraph) -> list[Tie]:
    """Every relationship of ``G`` whose two actors are in ``G`` (a neighbourhood may hold a
    relationship node without one of its ends), in node order."""
    out = []
    for n, d in G.nodes(data=True):
        if d.get("type") != "relationship":
            continue
        u, v = node_id(NodeType.ACTOR, d["subject"]), node_id(NodeType.ACTOR, d["object"])
        if u in G and v in G:
            out.append(Tie(record_id(n), TIE_RELS[d["kind"]], u, v, d))
    return out


def share_text(share: Any) -> str:
    """``75%``, ``33.3%``, or ``?%`` when the share is not known."""
    return "?%" if share is None else f"{float(share):g}%"


def _dates(d: dict[str, Any]) -> str:
    start, end = d.get("start_date"), d.get("end_date")
    if start and end:
        return f"{start} to {end}"
    if start:
        return f"since {start}"
    return f"until {end}" if end else ""


def _what(d: dict[str, Any]) -> str:
    """What one record says besides its two actors: share, role, dates."""
    parts = [share_text(d.get("share")) if d["kind"] == "ownership" else None,
             d.get("role"), _dates(d)]
    return " · ".join(p for p in parts if p)


def _label(tie: Tie) -> str:
    d = tie.data
    if tie.rel == "OWNS":
        text = share_text(d.get("share"))
        return text + (f" until {str(d['end_date'])[:4]}" if d.get("end_date") else "")
    return str(d.get("role") or ("" if tie.rel == "DIRECTS" else d["kind"]))


#: Panel row title for the ties of an actor, by (link, the actor is the subject).
_ROW_TITLES = {("OWNS", False): "Owned by", ("OWNS", True): "Holdings",
               ("DIRECTS", False): "Directed by", ("DIRECTS", True): "Directs",
               ("FAMILY", False): "Family", ("FAMILY", True): "Family",
               ("ASSOCIATE", False): "Associates", ("ASSOCIATE", True): "Associates"}


def tie_rows(G: nx.MultiDiGraph, n: str, found: Iterable[Tie]) -> list[tuple[str, str]]:
    """The panel rows of actor ``n``'s ties among ``found``: ``("Owned by", "X · 60% ·
    since 2015")``, ``("Holdings", ...)``, ``("Directs", ...)``, ``("Family", ...)``, one line
    per record, in that order."""
    rows: dict[str, list[str]] = {t: [] for t in dict.fromkeys(_ROW_TITLES.values())}
    for tie in found:
        if n not in (tie.subject, tie.object):
            continue
        mine = tie.subject == n
        other = tie.object if mine else tie.subject
        line = " · ".join(p for p in (str(G.nodes[other]["label"]), _what(tie.data)) if p)
        rows[_ROW_TITLES[(tie.rel, mine)]].append(line)
    return [(title, "\n".join(lines)) for title, lines in rows.items() if lines]


def by_actor(found: Iterable[Tie]) -> dict[str, list[Tie]]:
    """Actor node id -> the ties it is an end of."""
    out: dict[str, list[Tie]] = {}
    for tie in found:
        out.setdefault(tie.subject, []).append(tie)
        out.setdefault(tie.object, []).append(tie)
    return out


def tie_edges(G: nx.MultiDiGraph, found: Iterable[Tie], group: dict[str, str],
              sources: Any, *, most: int | None = None,
              notes: list[str] | None = None) -> list[dict[str, Any]]:
    """The scene edges of ``found``: one per drawn pair and link (``n``: its number of
    records), its label the shares (or roles) of its records, its details every record
    (up to 50) with its dates and sources.
    ``group`` maps a grouped actor to its group node; a tie inside one group is not drawn.
    ``sources`` is :func:`kg.export.html_scene._sources` (ids, quotes -> panel sources).
    Past ``most`` links, those with the most records are kept and a note saying so is
    added to ``notes``."""
    pairs: dict[tuple[str, str, str], list[Tie]] = {}
    groups = set(group.values())
    for tie in found:
        a, b = group.get(tie.subject, tie.subject), group.get(tie.object, tie.object)
        if a != b:
            pairs.setdefault((a, b, tie.rel), []).append(tie)
    edges: list[dict[str, Any]] = []
    for (a, b, rel), group_ties in sorted(pairs.items()):
        grouped = a in groups or b in groups
        labels = list(dict.fromkeys(_label(t) for t in group_ties if _label(t)))
        src: list[dict[str, Any]] = []
        seen: set[tuple[Any, ...]] = set()
        lines = []
        for t in group_ties:
            lines.append(" · ".join(p for p in (
                f"{G.nodes[t.subject]['label']} → {G.nodes[t.object]['label']}"
                if grouped else "", _what(t.data), f"record {t.rid}") if p))
            for s in sources(G, t.data.get("sources", []), t.data.get("quotes", [])):
                if (s["t"], s["q"]) not in seen and len(src) < 30:
                    seen.add((s["t"], s["q"]))
                    src.append(s)
        kind = group_ties[0].data["kind"]
        n = len(group_ties)
        label_a = G.nodes[a]["label"] if a in G else a
        label_b = G.nodes[b]["label"] if b in G else b
        edges.append({
            "from": a, "to": b, "rel": rel, "ev": [], "n": n,
            "label": "" if grouped else ", ".join(labels[:3]) + (" …" if len(labels) > 3
                                                                  else ""),
            "info": {"h": f"{label_a} {'–' if rel in UNDIRECTED else '→'} {label_b}",
                     "sub": f"{kind} · {n} record{'s' if n != 1 else ''}",
                     "rows": [[title, text] for title, text in (
                         ("Share" if rel == "OWNS" else "Tie", ", ".join(labels)),
                         ("Records", "\n".join(lines[:50]) + (
                             f"\n… and {n - 50} more" if n > 50 else ""))) if text],
                     "src": src}})
    if most is not None and len(edges) > most:
        if notes is not None:
            notes.append(
                f"{most:,} of {len(edges):,} ownership, directorship and family links are "
                "drawn (those with the most records); every actor's details still list its "
                "ties. Use --focus ACTOR to see every link around one actor.")
        edges = sorted(edges, key=lambda e: -e["n"])[:most]
    return edges
