"""The answers of the relation and timeline questions, as small frozen dataclasses, in a
module of their own: :mod:`kg.query.cold` builds the same rows from a saved graph's index
without importing networkx or the graph layer."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Relation", "Relations", "TimelineEntry"]


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
