"""The answers of the relation and timeline questions, as small frozen dataclasses, in a
module of their own: :mod:`kg.query.cold` builds the same rows from a saved graph's index
without importing networkx or the graph layer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kg.model.dates import overlaps

__all__ = ["Relation", "Relations", "TimelineEntry", "matching_reasons", "timeline_entries"]


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
    """The actor through which ``imposer`` took part: the bloc, when blocs are expanded;
    the imposer's own body, official or national that imposed the sanction (``cn-mofcom``
    for China), when the imposer asked about is not itself an imposer of it."""
    target_via: str | None = None
    """How the matched target belongs to the actor asked about (``country``, ``part_of``)."""
    authority: str | None = None
    """The name of the issuing authority the sanction names (OFAC, OFSI, the Council of the
    EU; several joined by ``"; "``), None when it names none."""
    authority_ids: tuple[str, ...] = ()
    """The actor ids of those authorities (``Sanction.authorities``)."""
    program: str | None = None
    """The list's own programme or regime words (``Sanction.program``: ``RUSSIA-EO14024``,
    ``Reciprocal``), None when the record gives none."""


class Relations(list[Relation]):
    """A list of :class:`Relation` rows, with ``undated``: how many sanctions an ``as_of``
    query left out because they have no date (0 without ``as_of``)."""

    undated: int = 0


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
    via: tuple[str, ...] = ()
    """Every person or body of the actor's (its officials, bodies, nationals) through which
    it took part in the record in this role, in :meth:`kg.graph.index.Index.belonging_to`
    order (a sanction on seven Russian officials: all seven); empty when the actor itself
    took part."""
    actor: str = ""
    """The id of the actor asked about."""
    imposers: tuple[str, ...] = ()
    """A sanction's imposers, every one (ids); empty for a statement."""
    targets: tuple[str, ...] = ()
    """A sanction's targets, every one (ids); empty for a statement."""
    speakers: tuple[str, ...] = ()
    """A statement's speakers, every one (ids); empty for a sanction."""


def matching_reasons(d: Mapping[str, Any], *, status: str | None, since: str | None,
                     until: str | None, reason: str | None
                     ) -> list[tuple[str | None, str | None]] | None:
    """The ``(reason, detail)`` pairs a relations query answers for the sanction whose node
    attributes are ``d`` (``[(None, None)]`` when it gives no reason), or None when the
    sanction does not pass the ``status``, date-range and ``reason`` filters.

    One rule for the graph path (:mod:`kg.query.sanctions`) and the saved-graph index
    (:mod:`kg.query.cold`), so the two cannot drift apart.
    """
    if status and d["status"] != status:
        return None
    if not overlaps(d.get("date"), since, until):
        return None
    reasons = list(zip(d["reasons"], d["reason_details"], strict=True)) or [(None, None)]
    if reason:
        reasons = [r for r in reasons if r[0] == reason]
    return reasons or None


def timeline_entries(links: Iterable[tuple[str, str, Mapping[str, Any], str, str | None]],
                     asked: str = "") -> list[TimelineEntry]:
    """The timeline rows of ``links``: ``(record, role, attributes, actor, how)`` for each
    record in which an actor took part as ``role`` (``how`` None for the asked actor itself,
    else how ``actor`` belongs to it), the asked actor first. One row per record and role,
    whose ``via`` lists every actor it took part through, in the order given, or is empty
    when the asked actor took part itself; in date order (undated last), then by record
    and role. ``asked``: the id of the actor asked about (each row's :attr:`TimelineEntry.actor`);
    each row also holds the record's every imposer, target or speaker. Shared by the graph
    path and the saved-graph index."""
    rows: dict[tuple[str, str], tuple[Mapping[str, Any], list[str] | None]] = {}
    for record, role, d, actor, how in links:
        first, via = rows.setdefault((record, role), (d, []))
        if how is None:  # the actor itself took part: the row is its own
            rows[record, role] = (first, None)
        elif via is not None and actor not in via:
            via.append(actor)
    out = [TimelineEntry(date=d.get("date"), role=role, record=record,
                         status=d.get("status") or d.get("stance") or "",
                         summary=d.get("summary") or d.get("label") or record,
                         via=tuple(via or ()), actor=asked,
                         imposers=tuple(d.get("imposers") or ()),
                         targets=tuple(d.get("targets") or ()),
                         speakers=tuple(d.get("speakers") or ()))
           for (record, role), (d, via) in rows.items()]
    out.sort(key=lambda e: (e.date or "9999", e.record, e.role))
    return out
