"""Questions asked of the sanctions graph: pure functions, graph first, options keyword-only.

Actors may be given by id, name or alias ("China", "PRC", "cn"); an unknown or ambiguous
name raises :class:`~kg.errors.ResolveError`. Every answer is a list of small frozen
dataclasses; :func:`kg.output.table.to_records` turns them into dicts and
:func:`kg.output.table.to_dataframe` into a pandas DataFrame.

A target matches its own sanctions and those on actors that belong to it: a query for
China also finds sanctions on "Chinese officials" (``target_via="country"``) and on China's
ministries (``target_via="part_of"``). An imposer likewise answers for the actors that
belong to it, when it is not itself an imposer of the sanction: a sanction imposed by
China's Ministry of Commerce (``part_of: cn``) or by a body of China's (``country: cn``) is
China's, ``via="cn-mofcom"``. With ``expand_blocs=True`` a bloc's sanctions are answered
for each member too (``via="eu"``: France sanctioned China as an EU member).

>>> from kg.readwrite.load import load
>>> from kg.graph.build import build
>>> G = build(load())
>>> sorted({r.imposer for r in who_sanctioned(G, "China", reason="human_rights",
...                                          since="2021-03-01", until="2021-03-31")})
['ca', 'eu', 'gb', 'us']
"""

from __future__ import annotations

import networkx as nx

from kg.graph.index import index_of
from kg.graph.schema import NodeType, node_id, record_id, require_kg_graph
from kg.model.dates import PartialDate
from kg.model.vocab import Reason, Status
from kg.query._args import actor_name, check_bound, check_enum, resolve_actor
from kg.query.asof import Lifts, standing, undated
from kg.query.rows import Relation, Relations, matching_reasons

__all__ = ["Relation", "Relations", "relations", "resolve_actor", "sanctioned_by",
           "who_sanctioned"]


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
    as_of: str | None = None,
) -> Relations:
    """Imposer -> target -> reason triples, one per sanction, imposer, target and reason,
    sorted by date then sanction. A sanction with no stated reason gives one triple with
    ``reason=None``. Every filter is optional; they combine with AND.

    ``as_of`` (a date, ``YYYY[-MM[-DD]]``) keeps what was in force that day, by the rule of
    :mod:`kg.query.asof` (imposed, extended or eased on or before it, not ended, not lifted
    by the same imposer for the same target; threats and expectations never); sanctions
    with no date are left out and counted in the answer's ``undated``. A sanction lifted
    for some of its imposer-target pairs answers with the pairs that stand, under the ids
    :func:`kg.query.asof.standing` gives (``<id>@<imposer>`` for a split part), as the graph
    of that day (:func:`kg.query.graph_as_of`) holds them.
    """
    require_kg_graph(G)
    idx = index_of(G)
    reason = check_enum(reason, Reason, "reason")
    status = check_enum(status, Status, "status")
    since, until = check_bound(since, "since"), check_bound(until, "until")
    as_of = check_bound(as_of, "as-of")
    day = PartialDate(as_of) if as_of else None
    lifts = Lifts(G) if day else None
    left_out = 0
    imp_id = resolve_actor(G, imposer) if imposer else None
    tgt_id = resolve_actor(G, target) if target else None

    # Start from the smallest candidate set the filters allow.
    tgt_via: dict[str, str | None] = {}
    # The imposer answers for the actors that belong to it, as a target does: a sanction
    # its ministry (part_of) or a body of its country imposed is its, via that actor.
    imp_parts: set[str] = {a for a, _ in idx.belonging_to(imp_id)} if imp_id else set()
    if tgt_id:
        tgt_via = {tgt_id: None, **dict(idx.belonging_to(tgt_id))}
        t_nodes = [node_id(NodeType.ACTOR, t) for t in tgt_via]
        cands = {u for t in t_nodes if t in G
                 for u, _, k in G.in_edges(t, keys=True)
                 if k == "TARGETS"}
    elif imp_id:
        sources_of = [imp_id, *(idx.blocs_of.get(imp_id, []) if expand_blocs else []),
                      *sorted(imp_parts)]
        i_nodes = [node_id(NodeType.ACTOR, i) for i in sources_of]
        cands = {v for i in i_nodes if i in G
                 for _, v, k in G.out_edges(i, keys=True)
                 if k == "IMPOSED"}
    elif reason and not (since or until):
        rnode = node_id(NodeType.REASON, reason)
        cands = {u for u, _, k in G.in_edges(rnode, keys=True)} if rnode in G else set()
    elif since or until:  # the reason, if any, is checked per sanction below
        cands = set(idx.sanctions_between(since, until))
    else:
        cands = {n for n, d in G.nodes(data=True) if d.get("type") == "sanction"}

    def _pairs(imposers_of: list[str], targets_of: list[str]
               ) -> list[tuple[str, str | None, str, str | None]]:
        """(imposer, via bloc, target, how it belongs) rows the filters keep."""
        imposers: list[tuple[str, str | None]] = [(i, None) for i in imposers_of]
        if expand_blocs:
            imposers += [(m, i) for i in imposers_of for m in idx.members.get(i, [])]
        if imp_id:
            imposers = [p for p in imposers if p[0] == imp_id] or \
                [(imp_id, i) for i in imposers_of if i in imp_parts]
        targets = [(t, tgt_via[t]) for t in targets_of if t in tgt_via] if tgt_id \
            else [(t, None) for t in targets_of]
        return [(i, via, t, how) for i, via in imposers for t, how in targets]

    out = Relations()
    for node in cands:
        d = G.nodes[node]
        reasons = matching_reasons(d, status=status, since=since, until=until,
                                   reason=reason)
        if reasons is None:
            continue
        authority_ids = tuple(d.get("authorities") or ())
        authority = "; ".join(actor_name(idx, a) for a in authority_ids) or None
        if day is None or lifts is None:
            parts = [(record_id(node), d["imposers"], d["targets"])]
        elif undated(d):
            parts, left_out = [], left_out + bool(_pairs(d["imposers"], d["targets"]))
        else:  # what stood that day: the rule and the ids of kg.query.asof
            parts = standing(G, node, day, lifts)
        for sid, imposers_of, targets_of in parts:
            for imp, via, tgt, how in _pairs(imposers_of, targets_of):
                for cat, detail in reasons:
                    out.append(Relation(
                        imposer=imp, imposer_name=actor_name(idx, imp), target=tgt,
                        target_name=actor_name(idx, tgt), reason=cat, reason_detail=detail,
                        sanction=sid, status=d["status"], date=d.get("date"),
                        sources=tuple(dict.fromkeys(d["sources"])), via=via,
                        target_via=how,
                        authority=authority, authority_ids=authority_ids,
                        program=d.get("program")))
    out.sort(key=lambda r: (r.date or "9999", r.sanction, r.imposer, r.target, r.reason or ""))
    out.undated = left_out
    return out


def who_sanctioned(G: nx.MultiDiGraph, target: str, **filters: object) -> Relations:
    """Who sanctioned ``target`` (and the actors that belong to it), and why.
    Takes the options of :func:`relations`."""
    return relations(G, target=target, **filters)  # type: ignore[arg-type]


def sanctioned_by(G: nx.MultiDiGraph, imposer: str, **filters: object) -> Relations:
    """Whom ``imposer`` sanctioned, and why. Takes the options of :func:`relations`."""
    return relations(G, imposer=imposer, **filters)  # type: ignore[arg-type]


# Retaliation chains and coalitions are in kg/query/patterns.py.
