"""The answers of the relation and timeline questions, as small frozen dataclasses, in a
module of their own: :mod:`kg.query.cold` builds the same rows from a saved graph's index
without importing networkx or the graph layer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kg.model.dates import overlaps

__all__ = ["Relation", "Relations", "TimelineEntry", "matching_reasons", "timeline_entry"]


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
    via: str | None = None
    """The member or bloc through which the actor is involved, if not directly."""


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


def timeline_entry(record: str, role: str, d: Mapping[str, Any], actor: str,
                   how: str | None) -> TimelineEntry:
    """The timeline row of ``record`` (node attributes ``d``) in which the asked actor took
    part as ``role``; ``via`` is ``actor`` when it took part through ``how`` (a membership),
    None when directly. Shared by the graph path and the saved-graph index."""
    return TimelineEntry(
        date=d.get("date"), role=role, record=record,
        status=d.get("status") or d.get("stance") or "",
        summary=d.get("summary") or d.get("label") or record,
        via=None if how is None else actor)
