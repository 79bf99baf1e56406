"""Questions asked of the sanctions graph: pure functions, graph first, options keyword-only.

Actors may be given by id, name or alias ("China", "PRC", "cn"); an unknown or ambiguous
name raises :class:`~kg.errors.ResolveError`. Every answer is a list of small frozen
dataclasses; :func:`kg.table.to_records` turns them into dicts and
:func:`kg.table.to_dataframe` into a pandas DataFrame.

A target matches its own sanctions and those on actors that belong to it: a query for
China also finds sanctions on "Chinese officials" (``target_via="country"``) and on China's
ministries (``target_via="part_of"``). With ``expand_blocs=True`` a bloc's sanctions are
answered for each member too (``via="eu"``: France sanctioned China as an EU member).

>>> from kg.load import load
>>> from kg.build import build
>>> G = build(load())
>>> sorted({r.imposer for r in who_sanctioned(G, "China", reason="human_rights",
...                                          since="2021-03-01", until="2021-03-31")})
['ca', 'eu', 'gb', 'us']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import networkx as nx

from kg.errors import ResolveError, UsageError
from kg.index import Index, date_in, index_of
from kg.model import _check_date
from kg.resolve import country_code, country_name
from kg.vocab import Reason, Stance, Status

__all__ = [
    "Relation",
    "StatementRow",
    "TimelineEntry",
    "relations",
    "resolve_actor",
    "sanctioned_by",
    "statements",
    "timeline",
    "who_sanctioned",
]


@dataclass(frozen=True, slots=True)
class Relation:
    """One imposer -> target -> reason triple of one sanction."""

    imposer: str
    imposer_name: str
    target: str
    target_name: str
    reason: str | None
    reason_detail: str | None
    sanction: str
    status: str
    date: str | None
    sources: tuple[str, ...]
    via: str | None = None
    """The bloc through which ``imposer`` took part, when blocs are expanded."""
    target_via: str | None = None
    """How the matched target belongs to the actor asked about (``country``, ``part_of``)."""


def _check_enum(value: str | None, enum: type[StrEnum], what: str) -> str | None:
    if value is None:
        return None
    if value not in {str(e) for e in enum}:
        allowed = ", ".join(str(e) for e in enum)
        raise UsageError(f"unknown {what} {value!r}; use one of {allowed}")
    return value


def _check_bound(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    try:
        return _check_date(value)
    except ValueError as exc:
        raise UsageError(f"--{what}: {exc}") from None


def resolve_actor(G: nx.MultiDiGraph, name: str) -> str:
    """The id of the actor ``name`` means in ``G`` (by id, name, alias, country, capital).

    A country with no actor of its own still answers for its nationals: on imported lists
    "Russia" means every actor whose ``country`` is ``ru``.
    """
    idx = index_of(G)
    try:
        return idx.resolver.resolve(name)
    except ResolveError:
        code = country_code(name)
        if code and idx.belonging_to(code):
            return code
        raise


def _name(idx: Index, actor_id: str) -> str:
    label = idx.actors.get(actor_id, {}).get("label")
    return str(label or country_name(actor_id) or actor_id)


def relations(
    G: nx.MultiDiGraph,
    *,
    imposer: str | None = None,
    target: str | None = None,
    reason: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    expand_blocs: bool = False,
) -> list[Relation]:
    """Imposer -> target -> reason triples, one per sanction, imposer, target and reason,
    sorted by date then sanction. A sanction with no stated reason gives one triple with
    ``reason=None``. Every filter is optional; they combine with AND.
    """
    idx = index_of(G)
    reason = _check_enum(reason, Reason, "reason")
    status = _check_enum(status, Status, "status")
    since, until = _check_bound(since, "since"), _check_bound(until, "until")
    imp_id = resolve_actor(G, imposer) if imposer else None
    tgt_id = resolve_actor(G, target) if target else None

    # Start from the smallest candidate set the filters allow.
    tgt_via: dict[str, str | None] = {}
    if tgt_id:
        tgt_via = {tgt_id: None, **dict(idx.belonging_to(tgt_id))}
        cands = {u for t in tgt_via if "actor:" + t in G
                 for u, _, k in G.in_edges("actor:" + t, keys=True)
                 if k == "TARGETS"}
    elif imp_id:
        sources_of = [imp_id, *(idx.blocs_of.get(imp_id, []) if expand_blocs else [])]
        cands = {v for i in sources_of if "actor:" + i in G
                 for _, v, k in G.out_edges("actor:" + i, keys=True)
                 if k == "IMPOSED"}
    elif reason and not (since or until):
        rnode = "reason:" + reason
        cands = {u for u, _, k in G.in_edges(rnode, keys=True)} if rnode in G else set()
    elif since or until:  # the reason, if any, is checked per sanction below
        cands = set(idx.sanctions_between(since, until))
    else:
        cands = {n for n, d in G.nodes(data=True) if d.get("type") == "sanction"}

    out: list[Relation] = []
    for node in cands:
        d = G.nodes[node]
        if status and d["status"] != status:
            continue
        if not date_in(d.get("date"), since, until):
            continue
        reasons = list(zip(d["reasons"], d["reason_details"], strict=True)) or [(None, None)]
        if reason:
            reasons = [r for r in reasons if r[0] == reason]
            if not reasons:
                continue
        imposers: list[tuple[str, str | None]] = [(i, None) for i in d["imposers"]]
        if expand_blocs:
            imposers += [(m, i) for i in d["imposers"] for m in idx.members.get(i, [])]
        if imp_id:
            imposers = [p for p in imposers if p[0] == imp_id]
        targets = [(t, tgt_via[t]) for t in d["targets"] if t in tgt_via] if tgt_id \
            else [(t, None) for t in d["targets"]]
        sid = node[9:]
        for imp, via in imposers:
            for tgt, how in targets:
                for cat, detail in reasons:
                    out.append(Relation(
                        imposer=imp, imposer_name=_name(idx, imp), target=tgt,
                        target_name=_name(idx, tgt), reason=cat, reason_detail=detail,
                        sanction=sid, status=d["status"], date=d.get("date"),
                        sources=tuple(dict.fromkeys(d["sources"])), via=via,
                        target_via=how))
    out.sort(key=lambda r: (r.date or "9999", r.sanction, r.imposer, r.target, r.reason or ""))
    return out


def who_sanctioned(G: nx.MultiDiGraph, target: str, **filters: object) -> list[Relation]:
    """Who sanctioned ``target`` (and the actors that belong to it), and why.
    Takes the options of :func:`relations`."""
    return relations(G, target=target, **filters)  # type: ignore[arg-type]


def sanctioned_by(G: nx.MultiDiGraph, imposer: str, **filters: object) -> list[Relation]:
    """Whom ``imposer`` sanctioned, and why. Takes the options of :func:`relations`."""
    return relations(G, imposer=imposer, **filters)  # type: ignore[arg-type]


# Retaliation chains and coalitions are in kg/patterns.py.


# --- statements and timelines ----------------------------------------------------------


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


def _with_members(idx: Index, actor_id: str) -> set[str]:
    return {actor_id, *(a for a, how in idx.belonging_to(actor_id) if how == "part_of")}


def statements(G: nx.MultiDiGraph, *, about: str | None = None, speaker: str | None = None,
               stance: str | None = None, since: str | None = None,
               until: str | None = None) -> list[StatementRow]:
    """Statements, filtered by speaker (an actor and the people and bodies that are part
    of it: "Russia" finds Lavrov), by subject (an actor named in ``about_actors``, or one
    that imposed or was hit by a sanction in ``about_sanctions``, when someone else speaks)
    and by stance."""
    idx = index_of(G)
    stance = _check_enum(stance, Stance, "stance")
    since, until = _check_bound(since, "since"), _check_bound(until, "until")
    speakers = _with_members(idx, resolve_actor(G, speaker)) if speaker else None
    subject = resolve_actor(G, about) if about else None
    subjects = ({subject} | {a for a, _ in idx.belonging_to(subject)}) if subject else None
    out = []
    nodes: Iterable[tuple[str, dict]] = G.nodes(data=True)
    if speakers is not None:  # only the statements they made, not every statement
        made = {v for a in speakers if "actor:" + a in G
                for _, v, k in G.out_edges("actor:" + a, keys=True)
                if k == "MADE"}
        nodes = [(n, G.nodes[n]) for n in made]
    for n, d in nodes:
        if d.get("type") != "statement":
            continue
        if stance and d["stance"] != stance:
            continue
        if not date_in(d.get("date"), since, until):
            continue
        if speakers is not None and not speakers & set(d["speakers"]):
            continue
        if subjects is not None:
            hit = bool(subjects & set(d["about_actors"]))
            # A statement about sanctions the subject took part in is about the subject,
            # unless the subject itself is speaking (the US on its own sanctions).
            if not hit and not set(d["speakers"]) <= subjects:
                for s in d["about_sanctions"]:
                    sd = G.nodes.get("sanction:" + s, {})
                    involved = set(sd.get("imposers", []) + sd.get("targets", []))
                    hit = hit or bool(subjects & involved)
            if not hit:
                continue
        quote = next((q for q in d["quotes"] if q), None)
        out.append(StatementRow(
            statement=n[10:], date=d.get("date"), speakers=tuple(d["speakers"]),
            speaker_names=tuple(_name(idx, s) for s in d["speakers"]), stance=d["stance"],
            about=tuple(d["about_actors"] + d["about_sanctions"]), summary=d.get("summary"),
            quote=quote, sources=tuple(d["sources"])))
    out.sort(key=lambda r: (r.date or "9999", r.statement))
    return out


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One thing that happened to or was done by an actor."""

    date: str | None
    role: str
    """``imposed``, ``targeted``, ``said`` or ``mentioned``."""
    record: str
    """``sanction:<id>`` or ``statement:<id>``."""
    status: str
    """Sanction status or statement stance."""
    summary: str
    via: str | None = None
    """The member or bloc through which the actor is involved, if not directly."""


def timeline(G: nx.MultiDiGraph, actor: str, *, since: str | None = None,
             until: str | None = None) -> list[TimelineEntry]:
    """Everything ``actor`` (or a person or body that is part of it) did or suffered, in
    date order: sanctions imposed and suffered, statements made and statements about it."""
    idx = index_of(G)
    since, until = _check_bound(since, "since"), _check_bound(until, "until")
    aid = resolve_actor(G, actor)
    related = {aid: None, **{a: how for a, how in idx.belonging_to(aid)}}
    roles = {("IMPOSED", "out"): "imposed", ("TARGETS", "in"): "targeted",
             ("MADE", "out"): "said", ("ABOUT", "in"): "mentioned"}
    seen: set[tuple[str, str]] = set()
    out = []
    for a, how in related.items():
        node = "actor:" + a
        if node not in G:
            continue  # a country named only as the nationality of others
        edges: Iterable[tuple[str, str, str, str]] = [
            *((v, k, "out", u) for u, v, k in G.out_edges(node, keys=True)),
            *((u, k, "in", v) for u, v, k in G.in_edges(node, keys=True))]
        for other, key, direction, _ in edges:
            role = roles.get((key, direction))
            if role is None or (other, role) in seen:
                continue
            d = G.nodes[other]
            if not date_in(d.get("date"), since, until):
                continue
            seen.add((other, role))
            out.append(TimelineEntry(
                date=d.get("date"), role=role, record=other,
                status=d.get("status") or d.get("stance") or "",
                summary=d.get("summary") or d.get("label") or other,
                via=None if how is None else a))
    out.sort(key=lambda e: (e.date or "9999", e.record, e.role))
    return out
