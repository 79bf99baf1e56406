"""Parts of a graph: one actor's neighbourhood (``--focus ACTOR --depth N``)."""

from __future__ import annotations

import networkx as nx

from kg.query import resolve_actor

__all__ = ["neighbourhood"]


def neighbourhood(G: nx.MultiDiGraph, actor: str, *, depth: int = 2) -> nx.MultiDiGraph:
    """The subgraph within ``depth`` hops of ``actor`` (edges followed both ways), plus the
    reason and source nodes of every sanction and statement in it, so details stay whole."""
    start = "actor:" + resolve_actor(G, actor)
    # Walk through actors, sanctions and statements only: every record cites the same
    # article, and every human-rights sanction shares one reason node, so walking through
    # sources or reasons would reach everything.
    keep = {start}
    frontier = [start]
    for _ in range(depth):
        nxt = []
        for n in frontier:
            for m in (*G.successors(n), *G.predecessors(n)):
                if m not in keep and G.nodes[m].get("type") not in ("reason", "source"):
                    keep.add(m)
                    nxt.append(m)
        frontier = nxt
    for n in list(keep):
        if G.nodes[n].get("type") in ("sanction", "statement"):
            keep.update(v for _, v in G.out_edges(n)
                        if G.nodes[v].get("type") in ("reason", "source"))
    return G.subgraph(keep).copy()
