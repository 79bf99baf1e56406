"""Counts for charts and summaries: sanctions over time, most-targeted actors, reasons by
imposer. Each returns plain records (lists of small dataclasses) that
:func:`kg.output.table.to_dataframe` turns into a table ready to plot."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

import networkx as nx

from kg.graph.index import index_of
from kg.graph.schema import IN_FORCE, record_id, require_kg_graph

__all__ = ["Count", "most_targeted", "reasons_by_imposer", "sanctions_on", "sanctions_per_year",
           "summary"]


@dataclass(frozen=True, slots=True)
class Count:
    """How many sanctions fall under one key (and, for two-way counts, one group)."""

    key: str
    group: str
    count: int


def _sanctions(G: nx.MultiDiGraph, statuses: Collection[str] | None) -> list[dict]:
    return [d for _, d in G.nodes(data=True)
            if d.get("type") == "sanction" and (statuses is None or d["status"] in statuses)]


def sanctions_per_year(G: nx.MultiDiGraph, *, top: int = 6,
                       statuses: Collection[str] = IN_FORCE) -> list[Count]:
    """Sanctions per year (``key``) and imposer (``group``); imposers beyond the ``top``
    busiest are counted together as "others". Undated sanctions are left out.

    >>> from kg import build, load
    >>> rows = sanctions_per_year(build(load()))
    >>> sum(r.count for r in rows if r.key == "2021") > 0
    True
    """
    require_kg_graph(G)
    idx = index_of(G)
    pairs = [(d["date"][:4], i) for d in _sanctions(G, statuses) if d.get("date")
             for i in d["imposers"]]
    busiest = {i for i, _ in Counter(i for _, i in pairs).most_common(top)}
    counts = Counter((year, idx.actors[i]["label"] if i in busiest else "others")
                     for year, i in pairs)
    return [Count(y, g, n) for (y, g), n in sorted(counts.items())]


def sanctions_on(G: nx.MultiDiGraph, *,
                 statuses: Collection[str] | None = None) -> dict[str, set[str]]:
    """Actor id -> ids of the sanctions on it *or on the actors that belong to it* (its
    officials, bodies and nationals: :meth:`kg.graph.index.Index.belonging_to`), of the
    given ``statuses`` (default: every status). This is the rule of
    :func:`kg.query.who_sanctioned`: ``sanctions_on(G)["cn"]`` holds exactly the distinct
    ``sanction`` ids of ``who_sanctioned(G, "China")``. Actors no sanction reaches are left
    out.

    >>> from kg import build, load, who_sanctioned
    >>> G = build(load())
    >>> sanctions_on(G)["cn"] == {r.sanction for r in who_sanctioned(G, "China")}
    True
    """
    require_kg_graph(G)
    idx = index_of(G)
    owners: dict[str, set[str]] = {}
    parents = set(idx.actors) | {str(d["country"]) for d in idx.actors.values()
                                 if d.get("country")}
    for p in parents:
        for child, _ in idx.belonging_to(p):
            owners.setdefault(child, set()).add(p)
    out: dict[str, set[str]] = {}
    for n, d in G.nodes(data=True):
        if d.get("type") != "sanction" or (statuses is not None
                                           and d["status"] not in statuses):
            continue
        for t in d["targets"]:
            for a in (t, *owners.get(t, ())):
                out.setdefault(a, set()).add(record_id(n))
    return out


def most_targeted(G: nx.MultiDiGraph, *, n: int = 10, by_state: bool = False,
                  statuses: Collection[str] | None = None) -> list[Count]:
    """The ``n`` actors hit by the most sanctions of the given ``statuses`` (default: every
    status, as ``kg query who-sanctioned``), most first (ties by name); ``group`` is the
    actor's kind.

    With ``by_state=True``, states only (actors of kind ``state``), each counting the
    distinct sanctions on it *and on its officials, bodies and nationals*
    (:func:`sanctions_on`): the count ``kg query who-sanctioned STATE`` gives. Blocs and
    bodies such as Hong Kong's government are not states: a sanction on Hong Kong's
    government counts for China.

    >>> from kg import build, load, who_sanctioned
    >>> G = build(load())
    >>> china = next(c for c in most_targeted(G, by_state=True, n=50) if c.key == "China")
    >>> china.count == len({r.sanction for r in who_sanctioned(G, "China")})
    True
    """
    require_kg_graph(G)
    idx = index_of(G)
    counts: Counter[str] = Counter()
    if by_state:
        for a, sids in sanctions_on(G, statuses=statuses).items():
            if idx.actors.get(a, {}).get("kind") == "state":
                counts[a] = len(sids)
    else:
        for d in _sanctions(G, statuses):
            counts.update(set(d["targets"]))
    top = sorted(counts.items(), key=lambda x: (-x[1], idx.actors[x[0]]["label"]))[:n]
    return [Count(idx.actors[a]["label"], str(idx.actors[a].get("kind")), c) for a, c in top]


def reasons_by_imposer(G: nx.MultiDiGraph, *, top: int = 8,
                       statuses: Collection[str] = IN_FORCE) -> list[Count]:
    """How often each imposer (``key``, the ``top`` busiest) gave each reason (``group``)."""
    require_kg_graph(G)
    idx = index_of(G)
    sanctions = _sanctions(G, statuses)
    busiest = [i for i, _ in Counter(i for d in sanctions for i in d["imposers"])
               .most_common(top)]
    counts = Counter((i, r) for d in sanctions for i in d["imposers"] if i in busiest
                     for r in (d["reasons"] or ["unstated"]))
    return [Count(idx.actors[i]["label"], r, c) for (i, r), c in sorted(counts.items())]


def summary(G: nx.MultiDiGraph) -> dict[str, object]:
    """Counts of each node type, and the first and last sanction dates."""
    require_kg_graph(G)
    types = Counter(d.get("type") for _, d in G.nodes(data=True))
    dates = sorted(d["date"] for _, d in G.nodes(data=True)
                   if d.get("type") == "sanction" and d.get("date"))
    return {"actors": types["actor"], "sanctions": types["sanction"],
            "statements": types["statement"], "sources": types["source"],
            "first": dates[0] if dates else None, "last": dates[-1] if dates else None}
