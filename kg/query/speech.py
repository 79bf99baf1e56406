"""What was said, and one actor's history: statements filtered by speaker, subject and
stance, and the timeline of an actor's sanctions and statements.

>>> from kg.readwrite.load import load
>>> from kg.graph.build import build
>>> G = build(load())
>>> sorted({r.stance for r in statements(G, speaker="Russia", about="United States")})
['calls_for', 'condemns', 'denies', 'other', 'threatens', 'warns']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from kg.graph.index import index_of
from kg.graph.schema import NodeType, node_id, record_id, require_kg_graph
from kg.model.dates import overlaps
from kg.model.vocab import Stance
from kg.query._args import actor_name, check_bound, check_enum, resolve_actor, with_members
from kg.query.rows import TimelineEntry, timeline_entries

__all__ = ["StatementRow", "TimelineEntry", "statements", "timeline"]


@dataclass(frozen=True, slots=True)
class StatementRow:
    """A statement, with its speakers' names and what it is about."""

    statement: str
    date: str | None
    speakers: tuple[str, ...]
    speaker_names: tuple[str, ...]
    stance: str
    about: tuple[str, ...]
    """Ids of the actors and sanctions it is about."""
    summary: str | None
    quote: str | None
    sources: tuple[str, ...]


def statements(G: nx.MultiDiGraph, *, about: str | None = None, speaker: str | None = None,
               stance: str | None = None, since: str | None = None,
               until: str | None = None) -> list[StatementRow]:
    """Statements, filtered by speaker (an actor and the people and bodies that are part
    of it: "Russia" finds Lavrov), by subject (an actor, or a person or body part of it,
    named in ``about_actors``, or hit by a sanction in ``about_sanctions``, or imposing one
    when someone else speaks: the US on its own sanctions is not "about" the US) and by
    stance."""
    require_kg_graph(G)
    idx = index_of(G)
    stance = check_enum(stance, Stance, "stance")
    since, until = check_bound(since, "since"), check_bound(until, "until")
    speakers = with_members(idx, resolve_actor(G, speaker)) if speaker else None
    subject = resolve_actor(G, about) if about else None
    subjects = ({subject} | {a for a, _ in idx.belonging_to(subject)}) if subject else None
    out = []
    nodes: Iterable[tuple[str, dict]] = G.nodes(data=True)
    if speakers is not None:  # only the statements they made, not every statement
        speaker_nodes = [node_id(NodeType.ACTOR, a) for a in speakers]
        made = {v for a in speaker_nodes if a in G
                for _, v, k in G.out_edges(a, keys=True)
                if k == "MADE"}
        nodes = [(n, G.nodes[n]) for n in made]
    for n, d in nodes:
        if d.get("type") != "statement":
            continue
        if stance and d["stance"] != stance:
            continue
        if not overlaps(d.get("date"), since, until):
            continue
        if speakers is not None and not speakers & set(d["speakers"]):
            continue
        if subjects is not None:
            hit = bool(subjects & set(d["about_actors"]))
            # A statement about sanctions the subject took part in is about the subject,
            # unless the subject itself speaks of its own measures (the US on its own
            # sanctions); a target answering sanctions on it is about it (Wang Yi on the
            # sanctions on Chinese officials, Venezuela's foreign minister on those on PDVSA).
            own = set(d["speakers"]) <= subjects
            for s in [] if hit else d["about_sanctions"]:
                sd = G.nodes.get(node_id(NodeType.SANCTION, s), {})
                involved = set(sd.get("targets", []) + ([] if own else sd.get("imposers", [])))
                hit = hit or bool(subjects & involved)
            if not hit:
                continue
        quote = next((q for q in d["quotes"] if q), None)
        out.append(StatementRow(
            statement=record_id(n), date=d.get("date"), speakers=tuple(d["speakers"]),
            speaker_names=tuple(actor_name(idx, s) for s in d["speakers"]), stance=d["stance"],
            about=tuple(d["about_actors"] + d["about_sanctions"]), summary=d.get("summary"),
            quote=quote, sources=tuple(d["sources"])))
    out.sort(key=lambda r: (r.date or "9999", r.statement))
    return out


def timeline(G: nx.MultiDiGraph, actor: str, *, since: str | None = None,
             until: str | None = None) -> list[TimelineEntry]:
    """Everything ``actor`` (or a person or body that is part of it) did or suffered, in
    date order: sanctions imposed and suffered, statements made and statements about it;
    one row per record and role, ``via`` every person or body of the actor's it stands for
    (:func:`kg.query.rows.timeline_entries`)."""
    require_kg_graph(G)
    idx = index_of(G)
    since, until = check_bound(since, "since"), check_bound(until, "until")
    aid = resolve_actor(G, actor)
    related = {aid: None, **{a: how for a, how in idx.belonging_to(aid)}}
    roles = {("IMPOSED", "out"): "imposed", ("TARGETS", "in"): "targeted",
             ("MADE", "out"): "said", ("ABOUT", "in"): "mentioned"}
    links = []
    for a, how in related.items():
        node = node_id(NodeType.ACTOR, a)
        if node not in G:
            continue  # a country named only as the nationality of others
        edges: Iterable[tuple[str, str, str, str]] = [
            *((v, k, "out", u) for u, v, k in G.out_edges(node, keys=True)),
            *((u, k, "in", v) for u, v, k in G.in_edges(node, keys=True))]
        for other, key, direction, _ in edges:
            role = roles.get((key, direction))
            if role is None:
                continue
            d = G.nodes[other]
            if overlaps(d.get("date"), since, until):
                links.append((other, role, d, a, how))
    return timeline_entries(links, aid)
