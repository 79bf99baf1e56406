"""Dataset -> :class:`networkx.MultiDiGraph` (graph schema v1 of DESIGN.md).

Node ids are namespaced and deterministic: ``actor:us``, ``sanction:<id>``,
``statement:<id>``, ``reason:human_rights``, ``source:<id>``. Every node has ``type`` and
``label``. Sanctions and statements are nodes, not edges, because they are n-ary and carry
dates, measures and sources. The edge type is the edge key (and also its ``type``
attribute): IMPOSED, TARGETS, BECAUSE_OF, RESPONDS_TO, MADE, ABOUT, MEMBER_OF, PART_OF, CITES.

>>> from kg.load import load
>>> G = build(load())
>>> G.has_edge("actor:us", "sanction:xinjiang-2021-western", key="IMPOSED")
True
>>> W = who_sanctioned_whom(G)
>>> sorted(W.edges["actor:cn", "actor:eu-individuals"]["reasons"])
['disinformation', 'retaliation']
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.model import Actor, Dataset, Sanction, Statement
from kg.vocab import Reason

__all__ = [
    "EDGE_TYPES",
    "GRAPH_VERSION",
    "actor_node",
    "build",
    "node_id",
    "sanction_node",
    "who_sanctioned_whom",
]

GRAPH_VERSION = 1

EDGE_TYPES = ("IMPOSED", "TARGETS", "BECAUSE_OF", "RESPONDS_TO", "MADE", "ABOUT",
              "MEMBER_OF", "PART_OF", "CITES")


def node_id(kind: str, rid: str) -> str:
    """The graph node id of a record: ``node_id("actor", "us") == "actor:us"``."""
    return f"{kind}:{rid}"


def actor_node(actor_id: str) -> str:
    """``actor:<id>``."""
    return "actor:" + actor_id


def sanction_node(sanction_id: str) -> str:
    """``sanction:<id>``."""
    return "sanction:" + sanction_id


def _short_list(names: list[str], limit: int = 3) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" +{len(names) - limit}" if len(names) > limit else "")


def _actor_attrs(a: Actor) -> dict[str, Any]:
    return {
        "type": "actor", "label": a.name, "kind": str(a.kind), "country": a.country,
        "aliases": list(a.aliases), "count": a.count, "description": a.description,
        "wikidata_id": a.wikidata_id, "position": a.position,
        "identifiers": dict(a.identifiers), "draft": a.draft,
        "sources": [c.source for c in a.sources],
    }


def _citations(rec: Sanction | Statement) -> tuple[list[str], list[str | None]]:
    return [c.source for c in rec.sources], [c.quote for c in rec.sources]


def _sanction_attrs(s: Sanction, names: dict[str, str]) -> dict[str, Any]:
    src, quotes = _citations(s)
    label = (_short_list([names.get(i, i) for i in s.imposers]) + " → "
             + _short_list([names.get(i, i) for i in s.targets], 2))
    return {
        "type": "sanction", "label": label, "status": str(s.status),
        "imposers": list(s.imposers), "targets": list(s.targets),
        "measures": [str(m) for m in s.measures],
        "reasons": [str(r.category) for r in s.reasons],
        "reason_details": [r.detail for r in s.reasons],
        "date": s.date, "effective_date": s.effective_date, "end_date": s.end_date,
        "program": s.program, "legal_basis": s.legal_basis,
        "in_response_to": list(s.in_response_to), "sources": src, "quotes": quotes,
        "confidence": s.confidence,
    }


def _statement_attrs(st: Statement, names: dict[str, str]) -> dict[str, Any]:
    src, quotes = _citations(st)
    label = _short_list([names.get(i, i) for i in st.speakers], 2) + f": {st.stance}"
    return {
        "type": "statement", "label": label, "stance": str(st.stance),
        "speakers": list(st.speakers), "date": st.date, "summary": st.summary,
        "about_sanctions": list(st.about_sanctions), "about_actors": list(st.about_actors),
        "sources": src, "quotes": quotes, "confidence": st.confidence,
    }


def build(dataset: Dataset) -> nx.MultiDiGraph:
    """Build the sanctions graph of a validated dataset (see the module docstring)."""
    G = nx.MultiDiGraph(kg_graph_version=GRAPH_VERSION)
    names = {a.id: a.name for a in dataset.actors}
    nodes: list[tuple[str, dict[str, Any]]] = []
    edges: list[tuple[str, str, str, dict[str, Any]]] = []

    for src in dataset.sources:
        nodes.append((node_id("source", src.id), {
            "type": "source", "label": src.title or src.publisher or src.id, "url": src.url,
            "title": src.title, "publisher": src.publisher, "published": src.published}))
    for a in dataset.actors:
        nid = actor_node(a.id)
        nodes.append((nid, _actor_attrs(a)))
        edges += [(nid, actor_node(m), "MEMBER_OF", {}) for m in a.member_of]
        if a.part_of:
            edges.append((nid, actor_node(a.part_of), "PART_OF", {}))
        edges += [(nid, node_id("source", c.source), "CITES", {"quote": c.quote})
                  for c in a.sources]
    used_reasons: set[str] = set()
    for s in dataset.sanctions:
        nid = sanction_node(s.id)
        nodes.append((nid, _sanction_attrs(s, names)))
        edges += [(actor_node(i), nid, "IMPOSED", {}) for i in s.imposers]
        edges += [(nid, actor_node(t), "TARGETS", {}) for t in s.targets]
        for r in s.reasons:
            used_reasons.add(str(r.category))
            edges.append((nid, "reason:" + r.category, "BECAUSE_OF", {"detail": r.detail}))
        edges += [(nid, sanction_node(o), "RESPONDS_TO", {}) for o in s.in_response_to]
        edges += [(nid, node_id("source", c.source), "CITES", {"quote": c.quote})
                  for c in s.sources]
    for st in dataset.statements:
        nid = node_id("statement", st.id)
        nodes.append((nid, _statement_attrs(st, names)))
        edges += [(actor_node(a), nid, "MADE", {}) for a in st.speakers]
        edges += [(nid, sanction_node(o), "ABOUT", {}) for o in st.about_sanctions]
        edges += [(nid, actor_node(o), "ABOUT", {}) for o in st.about_actors]
        edges += [(nid, node_id("source", c.source), "CITES", {"quote": c.quote})
                  for c in st.sources]
    nodes += [("reason:" + r, {"type": "reason", "label": r.replace("_", " ")})
              for r in Reason if r in used_reasons]

    G.add_nodes_from(nodes)
    # The edge key is the edge type; a second citation of the same source, say, gets the
    # same key and merges, which is what we want (one CITES edge per record and source).
    for u, v, key, attrs in edges:
        attrs["type"] = key
        if G.has_edge(u, v, key=key):
            existing = G.edges[u, v, key]
            if attrs.get("quote") and not existing.get("quote"):
                existing["quote"] = attrs["quote"]
            continue
        G.add_edge(u, v, key=key, **attrs)
    return G


def who_sanctioned_whom(G: nx.MultiDiGraph) -> nx.DiGraph:
    """The actor -> actor projection: one edge per imposer -> target pair.

    Each edge carries ``sanctions`` (ids), ``reasons`` and ``statuses`` (sorted, distinct),
    ``count``, ``first`` and ``last`` (dates), and ``tentative`` (True when every sanction
    on the pair is only threatened or expected).
    """
    P = nx.DiGraph()
    for n, d in G.nodes(data=True):
        if d.get("type") == "actor":
            P.add_node(n, **d)
    for s, d in G.nodes(data=True):
        if d.get("type") != "sanction":
            continue
        for imposer in d["imposers"]:
            for target in d["targets"]:
                u, v = actor_node(imposer), actor_node(target)
                if not P.has_edge(u, v):
                    P.add_edge(u, v, sanctions=[], reasons=set(), statuses=set(),
                               first=None, last=None)
                e = P.edges[u, v]
                e["sanctions"].append(s.split(":", 1)[1])
                e["reasons"].update(d["reasons"])
                e["statuses"].add(d["status"])
                date = d.get("date")
                if date:
                    e["first"] = date if e["first"] is None else min(e["first"], date)
                    e["last"] = date if e["last"] is None else max(e["last"], date)
    for _, _, e in P.edges(data=True):
        e["reasons"] = sorted(e["reasons"])
        e["statuses"] = sorted(e["statuses"])
        e["count"] = len(e["sanctions"])
        e["tentative"] = all(st in ("threatened", "expected") for st in e["statuses"])
    return P
