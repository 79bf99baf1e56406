"""What was in force on a given day: the ``as_of`` rule of every question and export.

A sanction counts on day ``D`` for an imposer and a target when:

* its status is ``imposed``, ``extended`` or ``eased`` (``threatened`` and ``expected``
  never count, and a ``lifted`` record is a lift, not a sanction in force);
* it started on or before ``D``: its ``effective_date`` or else its ``date``;
* it has not ended: no ``end_date`` on or before ``D``;
* it has not been lifted: no ``lifted`` record by the same imposer for the same target dated
  from its start up to ``D`` (a lift before it started does not undo a later imposition).

A partial date is "on or before ``D``" when its first day is (``2021-03`` is on or before
2021-03-01). Records with no start date cannot be placed: they are left out and counted
(:attr:`DayGraph.undated`, :attr:`Relations.undated`). Comparisons use
:class:`kg.model.dates.PartialDate`.

:func:`graph_as_of` applies the rule to a whole graph: the graph of one day, which every
question and exporter then answers from as from any graph (``kg ... --as-of DATE``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg._perf import paused_gc
from kg.graph._nx import clear_cache, edge_adder, node_adder, storage
from kg.graph.schema import NodeType, node_id, record_id, require_kg_graph
from kg.model.dates import PartialDate
from kg.model.vocab import Status
from kg.query._args import check_bound
from kg.query.asof_rule import (
    COUNTS_AS_OF,
    LiftDates,
    in_force,
    on_or_before,
    part_label,
    parts,
    start_of,
    undated,
)

__all__ = ["COUNTS_AS_OF", "DayGraph", "Lifts", "graph_as_of", "in_force", "on_or_before",
           "standing", "start_of", "undated"]


class Lifts(LiftDates):
    """The lift dates of (imposer, target) pairs, read from the graph once per target and
    kept sorted, so each question is a binary search (a hub pair may have thousands)."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        super().__init__()
        self.G = G

    def _of(self, target: str) -> dict[str, list[dt.date]]:
        if target not in self.by_target:
            t_node = node_id(NodeType.ACTOR, target)
            if t_node in self.G:
                for u, _, k in self.G.in_edges(t_node, keys=True):
                    d = self.G.nodes[u]
                    if k == "TARGETS" and d.get("status") == Status.LIFTED and d.get("date"):
                        for imp in d["imposers"]:
                            self.add(target, imp, d["date"])
            self.done(target)
        return self.by_target[target]


def standing(G: nx.MultiDiGraph, node: str, day: PartialDate,
             lifts: Lifts) -> list[tuple[str, list[str], list[str]]]:
    """What of the sanction ``node`` stands on ``day``: :func:`kg.query.asof_rule.parts`
    of its attributes, for :func:`graph_as_of` and :func:`kg.query.relations` alike."""
    return parts(G.nodes[node], record_id(node), day, lifts)


# --- the graph of one day ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayGraph:
    """A graph restricted to what stood on one day (:func:`graph_as_of`), and what was left out
    for having no date."""

    graph: nx.MultiDiGraph
    """The restricted graph: a new graph, ``G`` is not changed."""
    day: str
    """The day asked, as given (a partial date covers its whole period)."""
    undated_sanctions: tuple[str, ...]
    """Ids of the sanctions (in force by their status, or lifts) with no date: left out."""
    undated_statements: tuple[str, ...]
    """Ids of the statements with no date: left out."""

    @property
    def undated(self) -> int:
        """How many records were left out for having no date."""
        return len(self.undated_sanctions) + len(self.undated_statements)


def _label(G: nx.MultiDiGraph, imposers: list[str], targets: list[str]) -> str:
    def names(ids: list[str]) -> list[str]:
        return [G.nodes.get(node_id(NodeType.ACTOR, i), {}).get("label") or i for i in ids]

    return part_label(names(imposers), names(targets))


def graph_as_of(G: nx.MultiDiGraph, as_of: str) -> DayGraph:
    """``G`` as it stood on ``as_of`` (``YYYY[-MM[-DD]]``), for any question or export:

    * sanctions: those in force by the module's rule. A sanction whose imposer lifted it for
      some targets keeps only the pairs that stand (its ``imposers`` and ``targets`` are cut
      to them); when those pairs are not all the pairs of some imposers and some targets, it
      is split, one record per set of imposers with the same targets: the first keeps the
      id, the others are ``<id>@<imposer>+<imposer>``. Threats, expectations and lifts are
      left out; so are sanctions with no date, whose ids :attr:`DayGraph.undated_sanctions`
      lists (with undated lifts, which could not be placed either);
    * statements: those dated on or before the day; undated ones are left out and listed;
    * relationships (ownership, directorship, family): those covering the day, as
      :mod:`kg.query.ownership` reads them (no start or end date: no bound on that side);
    * actors: all of them; reasons and sources: those a kept record still links to.

    The graph keeps ``G``'s version mark and gains ``G.graph["as_of"] = as_of``.

    Raises :class:`~kg.errors.UsageError` (naming ``--as-of``) for a value that is not a date.
    """
    require_kg_graph(G)
    text = check_bound(as_of, "as-of")
    assert text is not None
    day = PartialDate(text)
    lifts = Lifts(G)
    node, succ, _ = storage(G)
    keep: dict[str, dict[str, Any]] = {}
    extra: dict[str, tuple[str, dict[str, Any]]] = {}  # split copies: new node -> (of, attrs)
    undated_s: list[str] = []
    undated_t: list[str] = []
    for n, d in node.items():
        kind = d.get("type")
        if kind == "sanction":
            if undated(d):
                undated_s.append(record_id(n))
                continue
            for i, (rid, imps, tgts) in enumerate(standing(G, n, day, lifts)):
                attrs = d if (imps, tgts) == (d["imposers"], d["targets"]) else {
                    **d, "imposers": imps, "targets": tgts, "label": _label(G, imps, tgts)}
                if i == 0:
                    keep[n] = attrs
                else:
                    extra[node_id(NodeType.SANCTION, rid)] = (n, attrs)
        elif kind == "statement":
            if not d.get("date"):
                undated_t.append(record_id(n))
            elif on_or_before(d["date"], day):
                keep[n] = d
        elif kind == "relationship":
            start, end = d.get("start_date"), d.get("end_date")
            if (not start or on_or_before(start, day)) and (
                    not end or PartialDate(end).end >= day.start):
                keep[n] = d
        elif kind == "actor":
            keep[n] = d
    # Reasons and sources that a kept record links to (split copies link as their original).
    linked = {v for n in (*keep, *(o for o, _ in extra.values())) for v in succ[n]
              if node[v].get("type") in ("reason", "source")}
    for n in linked:
        keep[n] = node[n]
    ordered = [n for n in node if n in keep]
    copies: dict[str, list[str]] = {}
    for c, (orig, _) in extra.items():
        copies.setdefault(orig, []).append(c)
    with paused_gc():
        H = G.__class__()
        H.graph.update(G.graph)
        H.graph["as_of"] = text
        add_node, add_edge = node_adder(H), edge_adder(H)
        for n in ordered:
            add_node(n, dict(keep[n]))
        for n, (_, attrs) in extra.items():
            add_node(n, dict(attrs))
        for u, orig in [*((n, n) for n in ordered), *((c, o) for c, (o, _) in extra.items())]:
            au = extra[u][1] if u in extra else keep[u]
            for v, keys in succ[orig].items():
                ends = ([v] if v in keep else []) + copies.get(v, [])
                for w in ends:
                    aw = extra[w][1] if w in extra else keep[w]
                    for k, e in keys.items():
                        if (k == "TARGETS" and record_id(v) not in au["targets"]) or (
                                k == "IMPOSED" and record_id(u) not in aw["imposers"]):
                            continue  # a pair a lift undid
                        add_edge(u, w, k, dict(e))
        clear_cache(H)
    return DayGraph(H, text, tuple(undated_s), tuple(undated_t))
