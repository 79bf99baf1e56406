"""Dataset -> :class:`networkx.MultiDiGraph`, as :mod:`kg.graph.schema` declares it.

Node ids are namespaced and deterministic: ``actor:us``, ``sanction:<id>``,
``statement:<id>``, ``reason:human_rights``, ``source:<id>``. Every node has ``type`` and
``label``, and the attributes of its type's TypedDict (:class:`~kg.graph.schema.ActorNode`
...). The edge type is the edge key (and also its ``type`` attribute), one of
:class:`~kg.graph.schema.EdgeType`. Every edge but BECAUSE_OF (to a reason, a vocabulary
value) comes from a reference field of the model, with the type and direction its
:class:`~kg.model.records.Ref` tag declares.

>>> from kg.readwrite.load import load
>>> G = build(load())
>>> G.has_edge("actor:us", "sanction:xinjiang-2021-western", key="IMPOSED")
True
>>> W = who_sanctioned_whom(G)
>>> sorted(W.edges["actor:cn", "actor:eu-individuals"]["reasons"])
['disinformation', 'retaliation']
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from operator import attrgetter
from typing import Any, NamedTuple

import networkx as nx
from pydantic import BaseModel

from kg._listing import listed
from kg._perf import paused_gc
from kg.graph._nx import clear_cache, edge_adder, node_adder
from kg.graph.schema import (
    GRAPH_VERSION,
    GRAPH_VERSION_KEY,
    TENTATIVE,
    ActorNode,
    EdgeType,
    NodeType,
    ReasonNode,
    RelationshipNode,
    SanctionNode,
    SourceNode,
    StatementNode,
    prefix,
    record_id,
    require_kg_graph,
)
from kg.model.records import RECORD_TYPES, Actor, Dataset, Relationship, Sanction, Statement
from kg.model.refs import RefField, reference_fields
from kg.model.vocab import ActorKind, Measure, Reason, RelationKind, Stance, Status

__all__ = ["build", "stream", "who_sanctioned_whom"]


#: Enum member -> its plain string, shared by every node that holds it.
_V: dict[Any, str] = {e: e.value for enum in (ActorKind, Measure, Reason, Stance, Status)
                      for e in enum}


def _same(values: list[str]) -> list[str]:
    return values


def _actor_attrs(a: Actor, own: Callable[[list[str]], list[str]] = list) -> ActorNode:
    return {
        "type": "actor", "label": a.name, "kind": _V[a.kind], "country": a.country,
        "aliases": own(a.aliases),
        "weak_aliases": own(a.weak_aliases), "count": a.count, "description": a.description,
        "wikidata_id": a.wikidata_id, "position": a.position,
        "identifiers": dict(a.identifiers), "birth_dates": own(a.birth_dates),
        "nationalities": own(a.nationalities), "draft": a.draft,
        "sources": [c.source for c in a.sources],
    }


def _citations(rec: Sanction | Statement | Relationship) -> tuple[list[str], list[str | None]]:
    return [c.source for c in rec.sources], [c.quote for c in rec.sources]


def _sanction_attrs(s: Sanction, names: dict[str, str],
                    own: Callable[[list[str]], list[str]] = list) -> SanctionNode:
    src, quotes = _citations(s)
    label = (listed([names.get(i, i) for i in s.imposers]) + " → "  # "A, B and 4 more"
             + listed([names.get(i, i) for i in s.targets], 2))
    return {
        "type": "sanction", "label": label, "status": _V[s.status],
        "imposers": own(s.imposers), "authorities": own(s.authorities),
        "targets": own(s.targets),
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
    label = listed([names.get(i, i) for i in st.speakers], 2) + f": {st.stance}"
    return {
        "type": "statement", "label": label, "stance": _V[st.stance],
        "speakers": own(st.speakers), "date": st.date, "summary": st.summary,
        "about_sanctions": own(st.about_sanctions), "about_actors": own(st.about_actors),
        "sources": src, "quotes": quotes, "confidence": st.confidence,
    }


def _relationship_attrs(r: Relationship, names: dict[str, str]) -> RelationshipNode:
    src, quotes = _citations(r)
    subj, obj = names.get(r.subject, r.subject), names.get(r.object, r.object)
    if r.kind is RelationKind.OWNERSHIP:
        label = f"{subj} owns {_percent(r.share)} of {obj}"
    elif r.kind is RelationKind.DIRECTORSHIP:
        label = f"{subj} directs {obj}" + (f" ({r.role})" if r.role else "")
    else:
        label = f"{subj} – {obj} ({r.role or r.kind.value})"
    return {
        "type": "relationship", "label": label, "kind": r.kind.value, "subject": r.subject,
        "object": r.object, "share": r.share, "role": r.role, "start_date": r.start_date,
        "end_date": r.end_date, "sources": src, "quotes": quotes,
    }


def _percent(share: float | None) -> str:
    """``60%``, ``33.3%``, or ``an unknown share``."""
    return "an unknown share" if share is None else f"{share:g}%"


#: Edges from fields that name vocabulary values rather than records, in the shape of
#: :class:`~kg.model.refs.RefField`: a sanction's reasons become BECAUSE_OF edges to
#: ``reason:<category>`` nodes, carrying the reason's detail.
_VOCAB_LINKS = {
    "sanction": (RefField("reasons", "reason", "BECAUSE_OF", True, False, "category", "detail"),),
}


class _Plan(NamedTuple):
    """How the records of one type become edges, derived from the model once."""

    fetch: Callable[[Any], tuple[Any, ...]]
    """record -> the values of its link fields, in one call."""
    convs: tuple[tuple[int, Callable[[Any], Any] | None], ...]
    """(position, pick) for values to convert: a list of sub-records becomes (id, attribute)
    pairs (so a consumed record can go), a single id (pick None) a 0- or 1-tuple."""
    links: tuple[RefField, ...]
    """Per value: the field, node type at the other end, edge type and direction."""
    kind: Callable[[Any], Any] | None = None
    """For a record whose ``kind`` picks some edges (a link with ``by_kind``): reads it; its
    value is appended after the link values."""


def _fetch(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda rec: (one(rec),)
    return lambda rec: ()


@functools.cache
def _plan(kind: str, model: type[BaseModel]) -> _Plan:
    """The edges of a record type in field declaration order (the order edges are added,
    which fixes the order of each node's neighbours): its reference fields
    (:func:`kg.model.refs.reference_fields`) and :data:`_VOCAB_LINKS`.

    Raises ValueError for an edge type that :class:`~kg.graph.schema.EdgeType` lacks.
    """
    order = {name: i for i, name in enumerate(model.model_fields)}
    links = sorted([*reference_fields(model), *_VOCAB_LINKS.get(kind, ())],
                   key=lambda f: order[f.name])  # stable: sub-record fields keep their order
    convs: list[tuple[int, Callable[[Any], Any] | None]] = []
    for i, f in enumerate(links):
        EdgeType(f.edge)  # the graph schema declares every edge type
        if f.item is not None:
            if f.incoming:
                raise ValueError(f"{kind}.{f.name}: an edge from a sub-record's reference "
                                 "must go out of the record")
            convs.append((i, attrgetter(f.item, f.edge_attr) if f.edge_attr
                          else attrgetter(f.item)))
        elif not f.many:
            convs.append((i, None))
        for _, edge in f.by_kind:
            EdgeType(edge)
    by_kind = any(f.by_kind for f in links)
    return _Plan(_fetch([f.name for f in links]), tuple(convs), tuple(links),
                 attrgetter("kind") if by_kind else None)


def _link_values(rec: Any, plan: _Plan) -> list[Any]:
    """What the edges of ``rec`` need, per link of ``plan`` (see :class:`_Plan`)."""
    values = list(plan.fetch(rec))
    for i, pick in plan.convs:
        v = values[i]
        values[i] = list(map(pick, v)) if pick is not None else ((v,) if v else ())
    if plan.kind is not None:
        values.append(str(plan.kind(rec)))
    return values


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
    _emit(dataset, consume, node_adder(G), edge_adder(G), None)
    clear_cache(G)
    return G


#: The graph attributes every built graph carries (its schema version).
GRAPH_ATTRS = {GRAPH_VERSION_KEY: GRAPH_VERSION}


def stream(dataset: Dataset, add_node: Callable[[str, Any], None],
           add_edge: Callable[[str, str, str, dict[str, Any]], None],
           next_record: Callable[[], None] | None = None) -> None:
    """What :func:`build` does, handed out instead of kept: ``add_node(id, attrs)`` for
    every node, then ``add_edge(u, v, key, attrs)`` for every edge, in the order
    :func:`build` adds them (so adding them to an empty graph whose attributes are
    :data:`GRAPH_ATTRS` gives the graph :func:`build` returns). ``next_record()``, if given,
    is called before the edges of each record: every edge has that record at one end, so a
    repeated edge (a record citing one source twice) is repeated only within it.

    The dataset is consumed (emptied as it goes, see :func:`build`); nothing but what the
    edges need is kept, so :func:`kg.graph.store.build_saved` writes a million-event graph
    without ever holding it.
    """
    with paused_gc():
        _emit(dataset, True, add_node, add_edge, next_record)


def _emit(dataset: Dataset, consume: bool, add_node: Callable[[str, Any], None],
          add: Callable[[str, str, str, dict[str, Any]], None],
          next_record: Callable[[], None] | None) -> None:
    names = {a.id: a.name for a in dataset.actors}
    own: Callable[[list[str]], list[str]] = _same if consume else list
    ids = {str(t): _Ids(prefix(t)) for t in NodeType}
    actor, source, sanction, reason = ids["actor"], ids["source"], ids["sanction"], ids["reason"]
    plans = {kind: _plan(kind, model) for kind, model in RECORD_TYPES.items()}
    # Per record with any link: (node id, the values of each link of its plan).
    links: dict[str, list[tuple[str, list[Any]]]] = {kind: [] for kind in RECORD_TYPES}
    # Two passes, nodes then edges, written straight into the graph (no list of millions
    # of edge tuples), keeping the node order sources, actors, sanctions, statements,
    # reasons. The first pass keeps only what the edges need, so records can go.
    plan, out = plans["source"], links["source"]
    for src in _take(dataset.sources, consume):
        nid = source[src.id]
        src_attrs: SourceNode = {
            "type": "source", "label": src.title or src.publisher or src.id, "url": src.url,
            "title": src.title, "publisher": src.publisher, "published": src.published}
        add_node(nid, src_attrs)
        if plan.links and any(values := _link_values(src, plan)):
            out.append((nid, values))
    plan, out = plans["actor"], links["actor"]
    for a in _take(dataset.actors, consume):
        nid = actor[a.id]
        add_node(nid, _actor_attrs(a, own))
        if any(values := _link_values(a, plan)):
            out.append((nid, values))
    used_reasons: set[str] = set()
    plan, out = plans["sanction"], links["sanction"]
    for s in _take(dataset.sanctions, consume):
        nid = sanction[s.id]
        add_node(nid, attrs := _sanction_attrs(s, names, own))
        used_reasons.update(attrs["reasons"])
        out.append((nid, _link_values(s, plan)))
    plan, out = plans["statement"], links["statement"]
    statement_prefix = prefix(NodeType.STATEMENT)
    for st in _take(dataset.statements, consume):
        nid = statement_prefix + st.id
        add_node(nid, _statement_attrs(st, names, own))
        out.append((nid, _link_values(st, plan)))
    for cat in Reason:
        if cat in used_reasons:
            reason_attrs: ReasonNode = {"type": "reason", "label": cat.replace("_", " ")}
            # Keyed by the member itself, as the edges look it up (a reason's category).
            add_node(reason[cat], reason_attrs)
    plan, out = plans["relationship"], links["relationship"]
    relationship_prefix = prefix(NodeType.RELATIONSHIP)
    for r in _take(dataset.relationships, consume):
        nid = relationship_prefix + r.id
        add_node(nid, _relationship_attrs(r, names))
        out.append((nid, _link_values(r, plan)))

    # The edge keys and types are EdgeType values, written as plain str (the Ref tags').
    for kind, plan in plans.items():
        steps = [(f.edge, f.incoming, ids[f.kind], f.edge_attr if f.item else None,
                  dict(f.by_kind)) for f in plan.links]
        for nid, values in _take(links[kind], True):
            if next_record is not None:
                next_record()
            for step, vals in zip(steps, values, strict=False):  # the kind comes last
                if not vals:
                    continue
                edge, incoming, other, attr, by_kind = step
                if by_kind:
                    edge = by_kind.get(values[-1], edge)
                if attr is not None:
                    for o, x in vals:
                        add(nid, other[o], edge, {attr: x, "type": edge})
                elif incoming:
                    for o in vals:
                        add(other[o], nid, edge, {"type": edge})
                else:
                    for o in vals:
                        add(nid, other[o], edge, {"type": edge})


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
