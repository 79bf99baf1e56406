"""The one door to networkx internals that kg relies on for speed.

networkx documents its graphs' storage (``G._node``, ``G._succ``, ``G._pred``: node id ->
attributes, and node -> neighbour -> key -> edge attributes, with ``G._pred[v][u]`` the same
key dict as ``G._succ[u][v]``), and since 3.3 each graph carries a ``__networkx_cache__``
dict that every mutating method empties through ``nx._clear_cache``. kg writes the storage
directly where ``add_node``/``add_edge`` would cost 2-3x more on a million edges
(:mod:`kg.graph.build`, :mod:`kg.graph.subgraph`, :mod:`kg.graph.store`) and keeps its
:class:`~kg.graph.index.Index` in the cache so that a changed graph is indexed afresh.

These are underscored names, so pyproject.toml bounds networkx to ``>=3.3,<3.7``: 3.3 added
the cache and ``nx._clear_cache`` (3.2.1 has neither), the storage layout has held since
3.0, and tests/test_scale.py checks the bulk build against the plain ``add_edge`` one. Check
these again before raising the upper bound.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import networkx as nx

__all__ = ["cache_get", "cache_set", "clear_cache", "edge_adder", "node_adder", "storage"]

#: Node id -> attributes (a plain dict, or one of kg.graph.schema's TypedDicts).
NodeDict = dict[Any, Any]
#: Node -> neighbour -> edge key -> edge attributes.
AdjDict = dict[Any, dict[Any, dict[Any, dict[str, Any]]]]


def storage(G: nx.MultiDiGraph) -> tuple[NodeDict, AdjDict, AdjDict]:
    """``(nodes, successors, predecessors)``: the dicts a MultiDiGraph stores itself in.

    Writing them bypasses networkx's bookkeeping: keep ``succ[u][v] is pred[v][u]``, give
    every node an entry in all three, and call :func:`clear_cache` when done.
    """
    return G._node, G._succ, G._pred


def node_adder(G: nx.MultiDiGraph) -> Callable[[str, Mapping[str, Any]], None]:
    """``G.add_node`` without copying each fresh attribute dict (see :func:`edge_adder`).
    Call :func:`clear_cache` when done."""
    node, succ, pred = G._node, G._succ, G._pred

    def add_node(n: str, attrs: Mapping[str, Any]) -> None:
        if n in node:  # a repeated id in a dataset that was not validated: merge, as nx does
            node[n].update(attrs)
            return
        node[n] = attrs
        succ[n] = {}
        pred[n] = {}

    return add_node


def edge_adder(G: nx.MultiDiGraph) -> Callable[[str, str, str, dict[str, Any]], None]:
    """Add keyed edges straight into networkx's documented adjacency dicts
    (``G._succ[u][v][key] = attrs``, with ``G._pred[v][u]`` the same key dict): what
    ``add_edge`` does, minus its per-call overhead (2-3x faster on a million edges).
    Call :func:`clear_cache` when done.

    The edge key is the edge type; a second citation of the same source, say, gets the
    same key and merges, which is what we want (one CITES edge per record and source),
    keeping the first quote given.
    """
    succ, pred = G._succ, G._pred

    def add(u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
        if u not in succ:  # a reference to a record the dataset lacks
            G.add_node(u)
        if v not in succ:
            G.add_node(v)
        su = succ[u]
        keydict = su.get(v)
        if keydict is None:
            keydict = su[v] = {}
            pred[v][u] = keydict
        else:
            existing = keydict.get(key)
            if existing is not None:
                if attrs.get("quote") and not existing.get("quote"):
                    existing["quote"] = attrs["quote"]
                return
        keydict[key] = attrs

    return add


def clear_cache(G: nx.Graph) -> None:
    """Empty ``G``'s cache, as networkx's own mutating methods do."""
    nx._clear_cache(G)


def cache_get(G: nx.Graph, key: str) -> Any:
    """What :func:`cache_set` stored under ``key`` in ``G``'s cache, or None (also when
    the graph's cache is disabled, ``G.__networkx_cache__ = None``)."""
    cache = getattr(G, "__networkx_cache__", None)
    return None if cache is None else cache.get(key)


def cache_set(G: nx.Graph, key: str, value: Any) -> None:
    """Keep ``value`` in ``G``'s cache until the graph is next mutated through networkx
    (adding or removing nodes or edges; changing attributes in place does not clear it).
    Does nothing when the graph's cache is disabled."""
    cache = getattr(G, "__networkx_cache__", None)
    if cache is not None:
        cache[key] = value
