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

from collections.abc import Callable
from typing import Any

import networkx as nx

from kg.model import Actor, Dataset, Sanction, Statement
from kg.perf import paused_gc
from kg.vocab import ActorKind, Measure, Reason, Stance, Status

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


#: Enum member -> its plain string, shared by every node that holds it.
_V: dict[Any, str] = {e: e.value for enum in (ActorKind, Measure, Reason, Stance, Status)
                      for e in enum}


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
        "type": "actor", "label": a.name, "kind": _V[a.kind], "country": a.country,
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
        "type": "sanction", "label": label, "status": _V[s.status],
        "imposers": list(s.imposers), "targets": list(s.targets),
        "measures": [_V[m] for m in s.measures],
        "reasons": [_V[r.category] for r in s.reasons],
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
        "type": "statement", "label": label, "stance": _V[st.stance],
        "speakers": list(st.speakers), "date": st.date, "summary": st.summary,
        "about_sanctions": list(st.about_sanctions), "about_actors": list(st.about_actors),
        "sources": src, "quotes": quotes, "confidence": st.confidence,
    }


class _Ids(dict[str, str]):
    """Node ids made once and shared: a million edges to ``actor:us`` hold one string."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, rid: str) -> str:
        nid = self[rid] = self.prefix + rid
        return nid


def build(dataset: Dataset) -> nx.MultiDiGraph:
    """Build the sanctions graph of a validated dataset (see the module docstring)."""
    with paused_gc():
        return _build(dataset)


def _build(dataset: Dataset) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(kg_graph_version=GRAPH_VERSION)
    names = {a.id: a.name for a in dataset.actors}
    actor, source, sanction = _Ids("actor:"), _Ids("source:"), _Ids("sanction:")
    reason = _Ids("reason:")
    # Two passes, nodes then edges, written straight into the graph: no list of millions
    # of edge tuples is ever held, and nodes come in the order sources, actors, sanctions,
    # statements, reasons.
    add_node = _node_adder(G)
    for src in dataset.sources:
        add_node(source[src.id], {
            "type": "source", "label": src.title or src.publisher or src.id, "url": src.url,
            "title": src.title, "publisher": src.publisher, "published": src.published})
    for a in dataset.actors:
        add_node(actor[a.id], _actor_attrs(a))
    used_reasons: set[str] = set()
    for s in dataset.sanctions:
        add_node(sanction[s.id], _sanction_attrs(s, names))
        used_reasons.update(_V[r.category] for r in s.reasons)
    for st in dataset.statements:
        add_node(node_id("statement", st.id), _statement_attrs(st, names))
    for cat in Reason:
        if cat in used_reasons:
            add_node(reason[cat.value], {"type": "reason", "label": cat.replace("_", " ")})

    add = _edge_adder(G)
    for a in dataset.actors:
        nid = actor[a.id]
        for m in a.member_of:
            add(nid, actor[m], "MEMBER_OF", {"type": "MEMBER_OF"})
        if a.part_of:
            add(nid, actor[a.part_of], "PART_OF", {"type": "PART_OF"})
        for c in a.sources:
            add(nid, source[c.source], "CITES", {"quote": c.quote, "type": "CITES"})
    for s in dataset.sanctions:
        nid = sanction[s.id]
        for i in s.imposers:
            add(actor[i], nid, "IMPOSED", {"type": "IMPOSED"})
        for t in s.targets:
            add(nid, actor[t], "TARGETS", {"type": "TARGETS"})
        for r in s.reasons:
            add(nid, reason[_V[r.category]], "BECAUSE_OF",
                {"detail": r.detail, "type": "BECAUSE_OF"})
        for o in s.in_response_to:
            add(nid, sanction[o], "RESPONDS_TO", {"type": "RESPONDS_TO"})
        for c in s.sources:
            add(nid, source[c.source], "CITES", {"quote": c.quote, "type": "CITES"})
    for st in dataset.statements:
        nid = node_id("statement", st.id)
        for a_id in st.speakers:
            add(actor[a_id], nid, "MADE", {"type": "MADE"})
        for o in st.about_sanctions:
            add(nid, sanction[o], "ABOUT", {"type": "ABOUT"})
        for o in st.about_actors:
            add(nid, actor[o], "ABOUT", {"type": "ABOUT"})
        for c in st.sources:
            add(nid, source[c.source], "CITES", {"quote": c.quote, "type": "CITES"})
    nx._clear_cache(G)
    return G


def _node_adder(G: nx.MultiDiGraph) -> Callable[[str, dict[str, Any]], None]:
    """``G.add_node`` without copying each fresh attribute dict (see :func:`_edge_adder`)."""
    node, succ, pred = G._node, G._succ, G._pred

    def add_node(n: str, attrs: dict[str, Any]) -> None:
        if n in node:  # a repeated id in a dataset that was not validated: merge, as nx does
            node[n].update(attrs)
            return
        node[n] = attrs
        succ[n] = {}
        pred[n] = {}

    return add_node


def _edge_adder(G: nx.MultiDiGraph) -> Callable[[str, str, str, dict[str, Any]], None]:
    """Add keyed edges straight into networkx's documented adjacency dicts
    (``G._succ[u][v][key] = attrs``, with ``G._pred[v][u]`` the same key dict): what
    ``add_edge`` does, minus its per-call overhead (2-3x faster on a million edges).

    The edge key is the edge type; a second citation of the same source, say, gets the
    same key and merges, which is what we want (one CITES edge per record and source),
    keeping the first quote given.
    """
    succ, pred = G._succ, G._pred

    def add(u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
        if u not in succ:  # a reference to a record the dataset lacks
            G.add_node(u)
        if v not in succ:
            G.add_node(v)
        su = succ[u]
        keydict = su.get(v)
        if keydict is None:
            keydict = su[v] = {}
            pred[v][u] = keydict
        else:
            existing = keydict.get(key)
            if existing is not None:
                if attrs.get("quote") and not existing.get("quote"):
                    existing["quote"] = attrs["quote"]
                return
        keydict[key] = attrs

    return add


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
