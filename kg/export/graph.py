"""Node-link JSON, GraphML and GEXF exports that networkx reads back.

GraphML and GEXF hold only scalar attribute values, so on the way out:

* lists and mappings (``imposers``, ``reasons``, ``sources``, ``aliases``...) become JSON text,
  e.g. ``'["us", "eu"]'``, and :func:`unflatten` turns them back;
* ``None`` values are left out;
* dates stay ISO strings, enums their string values;
* in GEXF, the ``type`` attribute is written as ``kg_type`` (GEXF reserves ``type`` on edges
  for directed/undirected); :func:`read_gexf` renames it back.

Node-link JSON keeps everything as it is (``networkx.node_link_graph(data, edges="edges")``
reads it back). The edge key (the edge type) is kept in every format.
"""

from __future__ import annotations

import json
import os
from typing import Any

import networkx as nx

from kg.graph.schema import LIST_ATTRIBUTES, require_kg_graph
from kg.readwrite.atomic import atomic_open

__all__ = ["FLATTENED", "flatten", "read_gexf", "read_graphml", "unflatten",
           "write_gexf", "write_graphml", "write_json"]

#: Attribute names whose values are lists or mappings, written as JSON text (from
#: :mod:`kg.graph.schema`).
FLATTENED = LIST_ATTRIBUTES


def _flat_attrs(attrs: dict[str, Any], rename_type: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in attrs.items():
        if v is None:
            continue
        if rename_type and k == "type":
            k = "kg_type"
        if isinstance(v, list | tuple | dict | set):
            v = json.dumps(sorted(v) if isinstance(v, set) else v, ensure_ascii=False)
        elif not isinstance(v, str | int | float | bool):
            v = str(v)
        out[k] = v
    return out


def flatten(G: nx.MultiDiGraph, *, rename_type: bool = False) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all scalars (see the module docstring)."""
    H = nx.MultiDiGraph()
    H.graph.update(_flat_attrs(G.graph, False))
    H.add_nodes_from((n, _flat_attrs(d, rename_type)) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, k, _flat_attrs(d, rename_type))
                     for u, v, k, d in G.edges(keys=True, data=True))
    return H


def _unflat_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in attrs.items():
        if k == "kg_type":
            k = "type"
        if k in FLATTENED and isinstance(v, str):
            v = json.loads(v)
        out[k] = v
    return out


def unflatten(H: nx.Graph) -> nx.MultiDiGraph:
    """Undo :func:`flatten` on a graph read back from GraphML or GEXF.

    A reader may return a simple DiGraph when no two edges share their ends; the edge key is
    then taken from the edge type, which is what the key always is in our graphs.
    """
    G = nx.MultiDiGraph()
    G.graph.update(H.graph)
    G.add_nodes_from((n, _unflat_attrs(d)) for n, d in H.nodes(data=True))
    if H.is_multigraph():
        edges = H.edges(keys=True, data=True)
    else:
        edges = ((u, v, d.get("kg_type", d.get("type")), d) for u, v, d in H.edges(data=True))
    G.add_edges_from((u, v, k, {a: b for a, b in _unflat_attrs(d).items() if a != "id"})
                     for u, v, k, d in edges)
    return G


def write_json(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Node-link JSON (``{"nodes": [...], "edges": [...]}``), atomically."""
    require_kg_graph(G)
    data = nx.node_link_data(G, edges="edges")
    with atomic_open(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1, default=str)
        fh.write("\n")


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """GraphML for Gephi, yEd, Cytoscape and graph databases, atomically."""
    require_kg_graph(G)
    with atomic_open(path, "wb") as fh:
        nx.write_graphml(flatten(G), fh, encoding="utf-8")


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """GEXF 1.2 for Gephi, atomically."""
    require_kg_graph(G)
    with atomic_open(path, "wb") as fh:
        nx.write_gexf(flatten(G, rename_type=True), fh, encoding="utf-8")


def read_graphml(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a GraphML export back into a graph like the one written."""
    return unflatten(nx.read_graphml(path, force_multigraph=True))


def read_gexf(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a GEXF export back into a graph like the one written."""
    return unflatten(nx.read_gexf(path))
