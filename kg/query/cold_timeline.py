"""The timeline question on a saved graph's index (:mod:`kg.query.cold`), with
``as_of`` the timeline of the graph of that day, as :func:`kg.query.timeline` answers on
:func:`kg.query.graph_as_of`'s graph: the same entries in the same order."""

from __future__ import annotations

from typing import Any

from kg.model.dates import PartialDate, overlaps
from kg.query._args import check_bound
from kg.query.asof_rule import LiftDates, in_force, on_or_before, part_label, parts, undated
from kg.query.rows import TimelineEntry, timeline_entries

# ``cold`` below is a kg.query.cold.ColdGraph (not imported: that module imports this one).
ColdGraph = Any

__all__ = ["timeline"]

_ROLES = [("IMPOSED", False, "imposed"), ("TARGETS", True, "targeted"),
          ("MADE", False, "said"), ("ABOUT", True, "mentioned")]


def timeline(cold: ColdGraph, actor: str, *, since: str | None = None,
             until: str | None = None, as_of: str | None = None) -> list[TimelineEntry]:
    """:func:`kg.query.timeline` on a saved graph's index: the same entries in the same
    order. With ``as_of``: the timeline of the graph of that day
    (:func:`kg.query.graph_as_of`): the sanctions in force (a part a lift split off under
    its ``<id>@<imposer>`` id and label) and the statements made by then. Raises as
    :func:`relations` does."""
    since, until = check_bound(since, "since"), check_bound(until, "until")
    as_of = check_bound(as_of, "as-of")
    day = PartialDate(as_of) if as_of else None
    aid = cold.resolve(actor)
    related = {aid: None, **dict(cold.belonging_to(aid))}
    linked: list[tuple[str, str, str | None, str]] = []  # (actor, role, how, record node)
    for a, how in related.items():
        node = "actor:" + a
        for key, incoming, role in _ROLES:
            linked += [(a, role, how, other)
                       for other in sorted(cold.ends([node], key, incoming=incoming))]
    data = cold.records({x[3] for x in linked})
    lifts = cold.lifts({t for *_, other in linked if data[other].get("type") == "sanction"
                        and in_force(data[other], day) for t in data[other]["targets"]}
                       ) if day else LiftDates()
    links = []
    for a, role, how, other in linked:
        d = data[other]
        if not overlaps(d.get("date"), since, until):
            continue
        for node, attrs in [(other, d)] if day is None else _on_day(cold, other, d, role, a,
                                                                    day, lifts):
            links.append((node, role, attrs, a, how))
    return timeline_entries(links, aid)


def _on_day(cold: ColdGraph, node: str, d: dict[str, Any], role: str, actor: str,
            day: PartialDate, lifts: LiftDates) -> list[tuple[str, dict[str, Any]]]:
    """The records of the graph of ``day`` (as :func:`kg.query.graph_as_of` makes them)
    that stand for ``node`` and still link it to ``actor`` in ``role``."""
    if d.get("type") == "statement":
        date = d.get("date")
        return [(node, d)] if date and on_or_before(date, day) else []
    if undated(d):
        return []
    out = []
    for rid, imps, tgts in parts(d, node.partition(":")[2], day, lifts):
        if actor not in (imps if role == "imposed" else tgts):
            continue
        attrs = d if (imps, tgts) == (d["imposers"], d["targets"]) else {
            **d, "imposers": imps, "targets": tgts, "label": _label(cold, imps, tgts)}
        out.append(("sanction:" + rid, attrs))
    return out


def _label(cold: ColdGraph, imposers: list[str], targets: list[str]) -> str:
    return part_label([cold.label(i) or i for i in imposers],
                      [cold.label(i) or i for i in targets])
