"""What was in force on a given day: the ``as_of`` rule of :func:`kg.query.relations`.

A sanction counts on day ``D`` for an imposer and a target when:

* its status is ``imposed``, ``extended`` or ``eased`` (``threatened`` and ``expected``
  never count, and a ``lifted`` record is a lift, not a sanction in force);
* it started on or before ``D``: its ``effective_date`` or else its ``date``;
* it has not ended: no ``end_date`` on or before ``D``;
* it has not been lifted: no ``lifted`` record by the same imposer for the same target dated
  from its start up to ``D`` (a lift before it started does not undo a later imposition).

A partial date is "on or before ``D``" when its first day is (``2021-03`` is on or before
2021-03-01). Records with no start date cannot be placed: they are left out and counted
(:attr:`Relations.undated`). Comparisons use :class:`kg.model.dates.PartialDate`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from kg.graph.schema import NodeType, node_id
from kg.model.dates import PartialDate
from kg.model.vocab import Status

__all__ = ["COUNTS_AS_OF", "Lifts", "on_or_before", "start_of"]

#: The statuses that can be in force on a day.
COUNTS_AS_OF = frozenset({str(Status.IMPOSED), str(Status.EXTENDED), str(Status.EASED)})


def on_or_before(date: str, day: PartialDate) -> bool:
    """True when ``date``'s first day is on or before ``day``'s last day.

    >>> day = PartialDate("2021-03-01")
    >>> on_or_before("2021-03", day), on_or_before("2022", day)
    (True, False)
    """
    return PartialDate(date).start <= day.end


def start_of(d: Mapping[str, Any]) -> str | None:
    """When a sanction node took effect: ``effective_date``, else ``date``, else None."""
    return d.get("effective_date") or d.get("date")


class Lifts:
    """The lift dates of (imposer, target) pairs, read from the graph once per target."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self.by_target: dict[str, dict[str, list[str]]] = {}

    def _of(self, target: str) -> dict[str, list[str]]:
        if target not in self.by_target:
            out: dict[str, list[str]] = {}
            t_node = node_id(NodeType.ACTOR, target)
            if t_node in self.G:
                for u, _, k in self.G.in_edges(t_node, keys=True):
                    d = self.G.nodes[u]
                    if k == "TARGETS" and d.get("status") == Status.LIFTED and d.get("date"):
                        for imp in d["imposers"]:
                            out.setdefault(imp, []).append(d["date"])
            self.by_target[target] = out
        return self.by_target[target]

    def lifted(self, imposer: str, target: str, start: str, day: PartialDate) -> bool:
        """True when ``imposer`` lifted its sanctions on ``target`` on a date from ``start``
        up to ``day``."""
        begin = PartialDate(start).start
        return any(PartialDate(x).start >= begin and on_or_before(x, day)
                   for x in self._of(target).get(imposer, []))


def in_force(d: Mapping[str, Any], day: PartialDate) -> bool:
    """True when a sanction node's status and dates put it in force on ``day`` (before the
    per-pair lift check); False for an undated one."""
    start = start_of(d)
    if d["status"] not in COUNTS_AS_OF or not start or not on_or_before(start, day):
        return False
    end = d.get("end_date")
    return not (end and on_or_before(end, day))
