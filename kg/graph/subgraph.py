"""Parts of a graph: one actor's neighbourhood (``--focus ACTOR --depth N``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from kg._perf import paused_gc
from kg.graph._nx import clear_cache, edge_adder, node_adder, storage
from kg.graph.index import index_of, resolve_actor
from kg.graph.schema import NodeType, node_id, prefix, record_id, require_kg_graph

__all__ = ["neighbourhood"]


def neighbourhood(G: nx.MultiDiGraph, actor: str, *, depth: int = 2) -> nx.MultiDiGraph:
    """The subgraph within ``depth`` hops of ``actor`` (edges followed both ways), plus every
    actor, reason and source of each sanction and statement in it, so no record is cut.

    An actor's country is a hop too, both ways, though the graph holds it as an attribute
    rather than an edge: around a state are the organisations, people and bodies whose
    ``country`` it is (a Chinese company no sanction links to China), and around those is
    their state.

    A new graph (attribute dicts copied, as ``G.subgraph(nodes).copy()`` would), with nodes
    in sorted order. It costs the size of the neighbourhood, not of ``G``: on a million-event
    graph a small actor's neighbourhood takes milliseconds, a hub's (the US at depth 1:
    half the graph) seconds.
    """
    require_kg_graph(G)
    start = node_id(NodeType.ACTOR, resolve_actor(G, actor))
    node, succ, pred = storage(G)
    by_country = index_of(G).by_country
    # Walk through actors, sanctions and statements only: every record cites the same
    # article, and every human-rights sanction shares one reason node, so walking through
    # sources or reasons would reach everything.
    keep = {start}
    frontier = [start]
    for _ in range(depth):
        nxt = []
        for n in frontier:
            for m in (*succ[n], *pred[n], *_compatriots(n, node, by_country)):
                if m not in keep and node[m].get("type") not in ("reason", "source"):
                    keep.add(m)
                    nxt.append(m)
        frontier = nxt
    # Every sanction and statement kept stays whole: all its imposers, targets and speakers
    # (and the actors it is about), its reasons and its sources, even past ``depth``.
    actor_prefix = prefix(NodeType.ACTOR)
    for n in list(keep):
        d = node[n]
        if d.get("type") in ("sanction", "statement"):
            keep.update(v for v in succ[n] if node[v].get("type") in ("reason", "source"))
            for field in ("imposers", "targets", "speakers", "about_actors"):
                keep.update(a for a in (actor_prefix + i for i in d.get(field) or ())
                            if a in node)
    with paused_gc():
        H = G.__class__()
        H.graph.update(G.graph)
        add_node, add_edge = node_adder(H), edge_adder(H)
        order = sorted(keep)
        for n in order:
            add_node(n, dict(node[n]))
        for u in order:
            nbrs = succ[u]
            # A hub (the US imposed 100,000 sanctions) is scanned from the small side.
            inside = [v for v in nbrs if v in keep] if len(nbrs) <= len(keep) \
                else [v for v in order if v in nbrs]
            for v in inside:
                for k, d in nbrs[v].items():
                    add_edge(u, v, k, dict(d))
        clear_cache(H)
    return H


def _compatriots(n: str, node: Mapping[str, Mapping[str, Any]],
                 by_country: Mapping[str, list[str]]) -> list[str]:
    """The nodes one country hop from node ``n``: for an actor, its country (when that is
    an actor of the graph) and the actors whose country it is; none for other nodes."""
    d = node[n]
    if d.get("type") != "actor":
        return []
    actor = prefix(NodeType.ACTOR)
    own, country = record_id(n), d.get("country")
    out = [actor + a for a in by_country.get(own, ()) if a != own]
    if country and country != own and actor + country in node:
        out.append(actor + country)
    return out
