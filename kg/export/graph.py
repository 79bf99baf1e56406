"""Node-link JSON, GraphML and GEXF exports that networkx reads back.

GraphML and GEXF hold only scalar attribute values, so on the way out:

* lists and mappings (``imposers``, ``reasons``, ``sources``, ``aliases``...) become JSON text,
  e.g. ``'["us", "eu"]'``, and :func:`unflatten` turns them back;
* ``None`` values are left out;
* dates stay ISO strings, enums their string values;
* in GEXF, the ``type`` attribute is written as ``kg_type`` (GEXF reserves ``type`` on edges
  for directed/undirected); :func:`read_gexf` renames it back;
* characters XML 1.0 does not allow (control characters such as U+0001 or U+0008, lone
  surrogates, U+FFFE/U+FFFF) are replaced by U+FFFD, and each value changed is returned as a
  :class:`~kg.errors.Problem` naming the node or edge and the attribute, so no file is
  written that an XML reader refuses. Every GraphML/GEXF file is parsed back before it takes
  its name; one that does not parse is not written (:class:`~kg.errors.OutputError`).

Ownership, directorship, family and associate records are ``relationship:<id>`` nodes in
the graph (:mod:`kg.graph.schema`), kept as they are. GraphML and GEXF add, beside each of
them, one **direct edge** from its subject to its object, so that Gephi, yEd or a plain
``networkx`` reader sees who owns whom without walking through the record's node
(:func:`relationship_edges`): ``actor:<owner> -> actor:<asset>`` with key
``<TYPE>:<record id>`` and attributes ``type`` (``OWNS``, ``DIRECTS``, ``FAMILY`` or
``ASSOCIATE``, the Neo4j export's relationship types), ``kind``, ``relationship`` (the record
id), ``share``, ``role``, ``start_date``, ``end_date``, ``sources`` (JSON text) and
``label`` (``"A owns 60% of B"``; GEXF's edge label). :func:`read_graphml` and
:func:`read_gexf` leave the direct edges out again (the graph already holds each record), so
a graph read back is the graph written.

Node-link JSON keeps everything as it is (``networkx.node_link_graph(data, edges="edges")``
reads it back). The edge key (the edge type) is kept in every format.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from kg._clock import today_iso
from kg.errors import OutputError, Problem
from kg.graph.schema import LIST_ATTRIBUTES, NodeType, node_id, record_id, require_kg_graph
from kg.readwrite.atomic import atomic_open

__all__ = ["DIRECT_TYPES", "FLATTENED", "flatten", "read_gexf", "read_graphml",
           "relationship_edges", "unflatten", "write_gexf", "write_graphml", "write_json"]

#: Relationship kind -> the type of its direct edge (as the Neo4j export names them).
DIRECT_TYPES: dict[str, str] = {"ownership": "OWNS", "directorship": "DIRECTS",
                                "family": "FAMILY", "associate": "ASSOCIATE"}
_DIRECT_ATTRS = ("kind", "share", "role", "start_date", "end_date", "sources", "label")

#: Attribute names whose values are lists or mappings, written as JSON text (from
#: :mod:`kg.graph.schema`).
FLATTENED = LIST_ATTRIBUTES


#: Characters XML 1.0 does not allow in a document (its ``Char`` production).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _flat_attrs(attrs: dict[str, Any], rename_type: bool, where: str = "graph",
                fixed: list[Problem] | None = None) -> dict[str, Any]:
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
        if isinstance(v, str) and XML_FORBIDDEN.search(v):
            v, count = XML_FORBIDDEN.subn("\ufffd", v)
            if fixed is not None:
                fixed.append(Problem(f"{count} character(s) XML 1.0 does not allow replaced "
                                     "with U+FFFD", record=where, field=k))
        out[k] = v
    return out


def flatten(G: nx.MultiDiGraph, *, rename_type: bool = False,
            fixed: list[Problem] | None = None) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all scalars and XML-safe (see the module
    docstring); each value changed to be XML-safe is added to ``fixed``."""
    H = nx.MultiDiGraph()
    H.graph.update(_flat_attrs(G.graph, False, "graph", fixed))
    H.add_nodes_from((_xml_safe(n, fixed), _flat_attrs(d, rename_type, n, fixed))
                     for n, d in G.nodes(data=True))
    H.add_edges_from((_xml_safe(u, fixed), _xml_safe(v, fixed), k,
                      _flat_attrs(d, rename_type, f"{u} -{k}-> {v}", fixed))
                     for u, v, k, d in G.edges(keys=True, data=True))
    return H


def relationship_edges(G: nx.MultiDiGraph) -> list[tuple[str, str, str, dict[str, Any]]]:
    """One direct edge ``(subject node, object node, key, attributes)`` per relationship
    node of ``G`` whose two actors are in ``G`` (see the module docstring), in node order.
    Attributes that are None are left out."""
    out = []
    for n, d in G.nodes(data=True):
        if d.get("type") != "relationship":
            continue
        u, v = node_id(NodeType.ACTOR, d["subject"]), node_id(NodeType.ACTOR, d["object"])
        if u not in G or v not in G:
            continue
        etype, rid = DIRECT_TYPES[d["kind"]], record_id(n)
        attrs: dict[str, Any] = {"type": etype, "relationship": rid}
        attrs.update((a, d[a]) for a in _DIRECT_ATTRS if d.get(a) is not None)
        out.append((u, v, f"{etype}:{rid}", attrs))
    return out


def _for_xml(G: nx.MultiDiGraph, rename_type: bool, fixed: list[Problem]) -> nx.MultiDiGraph:
    """:func:`flatten` of ``G`` with the direct relationship edges added, flattened too."""
    H = flatten(G, rename_type=rename_type, fixed=fixed)
    H.add_edges_from((u, v, k, _flat_attrs(d, rename_type, f"{u} -{k}-> {v}", fixed))
                     for u, v, k, d in relationship_edges(G))
    return H


def _xml_safe(node: Any, fixed: list[Problem] | None) -> Any:
    if isinstance(node, str) and XML_FORBIDDEN.search(node):
        if fixed is not None:
            fixed.append(Problem("characters XML 1.0 does not allow replaced with U+FFFD",
                                 record=node, field="id"))
        return XML_FORBIDDEN.sub("\ufffd", node)
    return node


def _readable_xml(kind: str) -> Any:
    """A check for :func:`~kg.readwrite.atomic.atomic_open`: the file must parse as XML."""
    def check(tmp: Path) -> None:
        try:
            for _ in iterparse(tmp, events=("end",)):
                pass
        except ParseError as exc:
            raise OutputError(f"the {kind} written does not parse as XML ({exc}); "
                              "nothing was written") from None
    return check


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
                     for u, v, k, d in edges if "relationship" not in d)  # direct edges
    return G


def write_json(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Node-link JSON (``{"nodes": [...], "edges": [...]}``), atomically."""
    require_kg_graph(G)
    data = nx.node_link_data(G, edges="edges")
    with atomic_open(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1, default=str)
        fh.write("\n")


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> list[Problem]:
    """GraphML for Gephi, yEd, Cytoscape and graph databases, atomically, checked to parse
    before it is written. Returns the values changed to be valid XML (see the module
    docstring); raises :class:`~kg.errors.OutputError` when the file would not parse."""
    require_kg_graph(G)
    fixed: list[Problem] = []
    with atomic_open(path, "wb", check=_readable_xml("GraphML")) as fh:
        nx.write_graphml(_for_xml(G, False, fixed), fh, encoding="utf-8")
    return fixed


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike[str], *,
               today: str | None = None) -> list[Problem]:
    """GEXF 1.2 for Gephi, atomically, checked as :func:`write_graphml` is; returns the
    values changed to be valid XML.

    The file's ``<meta lastmodifieddate>`` is ``today`` (``YYYY-MM-DD``; default the day it
    runs, from :func:`kg._clock.today_iso`, the one place kg reads the clock: networkx's
    writer would read it itself). Raises :class:`~kg.errors.UsageError` for a bad ``today``.
    """
    require_kg_graph(G)
    day = today_iso(today)
    fixed: list[Problem] = []
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(_for_xml(G, True, fixed))
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.set("lastmodifieddate", day)
    with atomic_open(path, "wb", check=_readable_xml("GEXF")) as fh:
        writer.write(fh)
    return fixed


def read_graphml(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a GraphML export back into a graph like the one written (without the direct
    relationship edges: see the module docstring)."""
    return unflatten(nx.read_graphml(path, force_multigraph=True))


def read_gexf(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a GEXF export back into a graph like the one written."""
    return unflatten(nx.read_gexf(path))
