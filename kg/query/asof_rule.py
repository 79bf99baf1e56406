"""The ``as_of`` rule of :mod:`kg.query.asof` on one sanction's attributes, with no graph:
what :func:`kg.query.asof.graph_as_of` and :func:`kg.query.relations` apply to a loaded
graph and :mod:`kg.query.cold` to a saved graph's rows (which must not import networkx).

A sanction counts on day ``D`` for an imposer and a target when its status is one of
:data:`COUNTS_AS_OF`, it started (``effective_date``, else ``date``) on or before ``D``, it
has not ended (no ``end_date`` on or before ``D``), and the same imposer has not lifted it
for that target (a ``lifted`` record dated from its start up to ``D``: :class:`LiftDates`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from kg._listing import listed
from kg.model.dates import PartialDate
from kg.model.vocab import Status

__all__ = ["COUNTS_AS_OF", "LiftDates", "in_force", "on_or_before", "part_label", "parts",
           "start_of", "undated"]

#: The statuses that can be in force on a day.
COUNTS_AS_OF = frozenset({str(Status.IMPOSED), str(Status.EXTENDED), str(Status.EASED)})


@lru_cache(maxsize=4096)
def first_day(date: str) -> dt.date:
    """The first day of a (partial) date."""
    return PartialDate(date).start


def on_or_before(date: str, day: PartialDate) -> bool:
    """True when ``date``'s first day is on or before ``day``'s last day.

    >>> day = PartialDate("2021-03-01")
    >>> on_or_before("2021-03", day), on_or_before("2022", day)
    (True, False)
    """
    return first_day(date) <= day.end


def start_of(d: Mapping[str, Any]) -> str | None:
    """When a sanction node took effect: ``effective_date``, else ``date``, else None."""
    return d.get("effective_date") or d.get("date")


def in_force(d: Mapping[str, Any], day: PartialDate) -> bool:
    """True when a sanction node's status and dates put it in force on ``day`` (before the
    per-pair lift check); False for an undated one."""
    start = start_of(d)
    if d["status"] not in COUNTS_AS_OF or not start or not on_or_before(start, day):
        return False
    end = d.get("end_date")
    return not (end and on_or_before(end, day))


def undated(d: Mapping[str, Any]) -> bool:
    """True for a sanction node that ``as_of`` leaves out for having no date: one that would
    count (or a lift, which could undo one) with no ``effective_date`` and no ``date``."""
    return (d["status"] in COUNTS_AS_OF or d["status"] == Status.LIFTED) and not start_of(d)


class LiftDates:
    """The lift dates of (imposer, target) pairs, kept sorted per target, so each question
    is a binary search (a hub pair may have thousands). :meth:`_of` gives one target's
    ``{imposer: [first days]}``; the graph's :class:`kg.query.asof.Lifts` reads it from the
    graph, :mod:`kg.query.cold` from the saved graph's ``lifts`` table."""

    def __init__(self) -> None:
        self.by_target: dict[str, dict[str, list[dt.date]]] = {}

    def _of(self, target: str) -> dict[str, list[dt.date]]:
        return self.by_target.get(target, {})

    def add(self, target: str, imposer: str, date: str) -> None:
        """Record a lift of ``imposer``'s sanctions on ``target`` dated ``date`` (call
        :meth:`done` for the target after its last)."""
        self.by_target.setdefault(target, {}).setdefault(imposer, []).append(first_day(date))

    def done(self, target: str) -> None:
        """Sort ``target``'s lift dates (and mark it read when it has none)."""
        for dates in self.by_target.setdefault(target, {}).values():
            dates.sort()

    def lifted(self, imposer: str, target: str, start: str, day: PartialDate) -> bool:
        """True when ``imposer`` lifted its sanctions on ``target`` on a date from ``start``
        up to ``day`` (a lift dated by a month or year: from its first day)."""
        dates = self._of(target).get(imposer)
        if not dates:
            return False
        i = bisect_left(dates, first_day(start))
        return i < len(dates) and dates[i] <= day.end


def parts(d: Mapping[str, Any], rid: str, day: PartialDate, lifts: LiftDates
          ) -> list[tuple[str, list[str], list[str]]]:
    """What of the sanction ``rid`` (attributes ``d``) stands on ``day``, as ``(record id,
    imposers, targets)`` parts; ``[]`` when it is not in force (or undated).

    The pairs no lift by the same imposer for the same target has undone: one part, under
    the sanction's own id, when they are every pair of some imposers and some targets; else
    one part per set of imposers with the same targets, the first under the sanction's id,
    the others ``<id>@<imposer>+<imposer>``. The one place these ids are made.
    """
    if not in_force(d, day):
        return []
    start = str(start_of(d))
    groups: dict[tuple[str, ...], list[str]] = {}
    for imp in d["imposers"]:
        left = tuple(t for t in d["targets"] if not lifts.lifted(imp, t, start, day))
        if left:
            groups.setdefault(left, []).append(imp)
    return [(rid if i == 0 else f"{rid}@{'+'.join(imps)}", imps, list(tgts))
            for i, (tgts, imps) in enumerate(groups.items())]


def part_label(imposers: list[str], targets: list[str]) -> str:
    """The label of one part of a sanction split by a lift (:func:`parts`), from its
    imposers' and targets' names, as :mod:`kg.graph.build` labels a sanction
    (:func:`kg._listing.listed`): ``"A, B, C and 2 more → X, Y and 3 more"`` (three imposers
    and two targets named, all of them when one more would be left)."""
    return listed(imposers, 3) + " → " + listed(targets, 2)
