"""Dataset -> :class:`networkx.MultiDiGraph`, as :mod:`kg.graph.schema` declares it.

Node ids are namespaced and deterministic: ``actor:us``, ``sanction:<id>``,
``statement:<id>``, ``reason:human_rights``, ``source:<id>``. Every node has ``type`` and
``label``, and the attributes of its type's TypedDict (:class:`~kg.graph.schema.ActorNode`
...). The edge type is the edge key (and also its ``type`` attribute), one of
:class:`~kg.graph.schema.EdgeType`.

>>> from kg.readwrite.load import load
>>> G = build(load())
>>> G.has_edge("actor:us", "sanction:xinjiang-2021-western", key="IMPOSED")
True
>>> W = who_sanctioned_whom(G)
>>> sorted(W.edges["actor:cn", "actor:eu-individuals"]["reasons"])
['disinformation', 'retaliation']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx

from kg._perf import paused_gc
from kg.graph._nx import clear_cache, edge_adder, node_adder
from kg.graph.schema import (
    GRAPH_VERSION,
    GRAPH_VERSION_KEY,
    TENTATIVE,
    ActorNode,
    NodeType,
    ReasonNode,
    SanctionNode,
    SourceNode,
    StatementNode,
    prefix,
    record_id,
    require_kg_graph,
)
from kg.model.records import Actor, Dataset, Sanction, Statement
from kg.model.vocab import ActorKind, Measure, Reason, Stance, Status

__all__ = ["build", "who_sanctioned_whom"]


#: Enum member -> its plain string, shared by every node that holds it.
_V: dict[Any, str] = {e: e.value for enum in (ActorKind, Measure, Reason, Stance, Status)
                      for e in enum}


def _short_list(names: list[str], limit: int = 3) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" +{len(names) - limit}" if len(names) > limit else "")


def _same(values: list[str]) -> list[str]:
    return values


def _actor_attrs(a: Actor, own: Callable[[list[str]], list[str]] = list) -> ActorNode:
    return {
        "type": "actor", "label": a.name, "kind": _V[a.kind], "country": a.country,
        "aliases": own(a.aliases), "count": a.count, "description": a.description,
        "wikidata_id": a.wikidata_id, "position": a.position,
        "identifiers": dict(a.identifiers), "draft": a.draft,
        "sources": [c.source for c in a.sources],
    }


def _citations(rec: Sanction | Statement) -> tuple[list[str], list[str | None]]:
    return [c.source for c in rec.sources], [c.quote for c in rec.sources]


def _sanction_attrs(s: Sanction, names: dict[str, str],
                    own: Callable[[list[str]], list[str]] = list) -> SanctionNode:
    src, quotes = _citations(s)
    label = (_short_list([names.get(i, i) for i in s.imposers]) + " → "
             + _short_list([names.get(i, i) for i in s.targets], 2))
    return {
        "type": "sanction", "label": label, "status": _V[s.status],
        "imposers": own(s.imposers), "targets": own(s.targets),
        "measures": [_V[m] for m in s.measures],
        "reasons": [_V[r.category] for r in s.reasons],
        "reason_details": [r.detail for r in s.reasons],
        "date": s.date, "effective_date": s.effective_date, "end_date": s.end_date,
        "program": s.program, "legal_basis": s.legal_basis,
        "in_response_to": own(s.in_response_to), "sources": src, "quotes": quotes,
        "confidence": s.confidence,
    }


def _statement_attrs(st: Statement, names: dict[str, str],
                     own: Callable[[list[str]], list[str]] = list) -> StatementNode:
    src, quotes = _citations(st)
    label = _short_list([names.get(i, i) for i in st.speakers], 2) + f": {st.stance}"
    return {
        "type": "statement", "label": label, "stance": _V[st.stance],
        "speakers": own(st.speakers), "date": st.date, "summary": st.summary,
        "about_sanctions": own(st.about_sanctions), "about_actors": own(st.about_actors),
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


def build(dataset: Dataset, *, consume: bool = False) -> nx.MultiDiGraph:
    """Build the sanctions graph of a validated dataset (see the module docstring).

    With ``consume=True`` the dataset is emptied as the graph is built (its records are let
    go one by one and its lists shared with the graph), so a million records never sit in
    memory twice; for callers that drop the dataset anyway, like the command line.
    """
    with paused_gc():
        return _build(dataset, consume)


def _take(items: list[Any], consume: bool) -> Iterator[Any]:
    if not consume:
        yield from items
        return
    for i in range(len(items)):
        rec, items[i] = items[i], None
        yield rec
    items.clear()


def _build(dataset: Dataset, consume: bool) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(**{GRAPH_VERSION_KEY: GRAPH_VERSION})
    names = {a.id: a.name for a in dataset.actors}
    own: Callable[[list[str]], list[str]] = _same if consume else list
    actor, source = _Ids(prefix(NodeType.ACTOR)), _Ids(prefix(NodeType.SOURCE))
    sanction, reason = _Ids(prefix(NodeType.SANCTION)), _Ids(prefix(NodeType.REASON))
    # Two passes, nodes then edges, written straight into the graph (no list of millions
    # of edge tuples), keeping the node order sources, actors, sanctions, statements,
    # reasons. The first pass keeps only what the edges need, so records can go.
    add_node = node_adder(G)
    for src in _take(dataset.sources, consume):
        src_attrs: SourceNode = {
            "type": "source", "label": src.title or src.publisher or src.id, "url": src.url,
            "title": src.title, "publisher": src.publisher, "published": src.published}
        add_node(source[src.id], src_attrs)
    actor_links = []
    for a in _take(dataset.actors, consume):
        nid = actor[a.id]
        add_node(nid, _actor_attrs(a, own))
        if a.member_of or a.part_of or a.sources:
            actor_links.append((nid, a.member_of, a.part_of,
                                [(c.source, c.quote) for c in a.sources]))
    used_reasons: set[str] = set()
    sanction_links = []
    for s in _take(dataset.sanctions, consume):
        nid = sanction[s.id]
        add_node(nid, attrs := _sanction_attrs(s, names, own))
        used_reasons.update(attrs["reasons"])
        sanction_links.append((nid, s.imposers, s.targets,
                               [(_V[r.category], r.detail) for r in s.reasons],
                               s.in_response_to, [(c.source, c.quote) for c in s.sources]))
    statement_links = []
    statement_prefix = prefix(NodeType.STATEMENT)
    for st in _take(dataset.statements, consume):
        nid = statement_prefix + st.id
        add_node(nid, _statement_attrs(st, names, own))
        statement_links.append((nid, st.speakers, st.about_sanctions, st.about_actors,
                                [(c.source, c.quote) for c in st.sources]))
    for cat in Reason:
        if cat in used_reasons:
            reason_attrs: ReasonNode = {"type": "reason", "label": cat.replace("_", " ")}
            add_node(reason[cat.value], reason_attrs)

    # The edge keys and types are EdgeType values, written as plain str constants.
    add = edge_adder(G)
    for nid, member_of, part_of, cites in actor_links:
        for m in member_of:
            add(nid, actor[m], "MEMBER_OF", {"type": "MEMBER_OF"})
        if part_of:
            add(nid, actor[part_of], "PART_OF", {"type": "PART_OF"})
        for src_id, quote in cites:
            add(nid, source[src_id], "CITES", {"quote": quote, "type": "CITES"})
    for nid, imposers, targets, reasons, responds, cites in _take(sanction_links, True):
        for i in imposers:
            add(actor[i], nid, "IMPOSED", {"type": "IMPOSED"})
        for t in targets:
            add(nid, actor[t], "TARGETS", {"type": "TARGETS"})
        for cat, detail in reasons:
            add(nid, reason[cat], "BECAUSE_OF", {"detail": detail, "type": "BECAUSE_OF"})
        for o in responds:
            add(nid, sanction[o], "RESPONDS_TO", {"type": "RESPONDS_TO"})
        for src_id, quote in cites:
            add(nid, source[src_id], "CITES", {"quote": quote, "type": "CITES"})
    for nid, speakers, about_s, about_a, cites in _take(statement_links, True):
        for a_id in speakers:
            add(actor[a_id], nid, "MADE", {"type": "MADE"})
        for o in about_s:
            add(nid, sanction[o], "ABOUT", {"type": "ABOUT"})
        for o in about_a:
            add(nid, actor[o], "ABOUT", {"type": "ABOUT"})
        for src_id, quote in cites:
            add(nid, source[src_id], "CITES", {"quote": quote, "type": "CITES"})
    clear_cache(G)
    return G


def who_sanctioned_whom(G: nx.MultiDiGraph) -> nx.DiGraph:
    """The actor -> actor projection: one edge per imposer -> target pair.

    Each edge carries ``sanctions`` (ids), ``reasons`` and ``statuses`` (sorted, distinct),
    ``count``, ``first`` and ``last`` (dates), and ``tentative`` (True when every sanction
    on the pair is only threatened or expected).
    """
    require_kg_graph(G)
    P = nx.DiGraph()
    actor = prefix(NodeType.ACTOR)
    for n, d in G.nodes(data=True):
        if d.get("type") == "actor":
            P.add_node(n, **d)
    for s, d in G.nodes(data=True):
        if d.get("type") != "sanction":
            continue
        for imposer in d["imposers"]:
            for target in d["targets"]:
                u, v = actor + imposer, actor + target
                if u not in P or v not in P:
                    continue  # a part of a graph may leave an actor out
                if not P.has_edge(u, v):
                    P.add_edge(u, v, sanctions=[], reasons=set(), statuses=set(),
                               first=None, last=None)
                e = P.edges[u, v]
                e["sanctions"].append(record_id(s))
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
        e["tentative"] = all(st in TENTATIVE for st in e["statuses"])
    return P
