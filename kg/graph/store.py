"""Saved graphs (``.kgz``): build once from a million records, load in seconds, and answer
the common questions without loading at all.

``kg build -d DATA -o graph.kgz`` writes one; every command that takes ``-d`` accepts it.
The file is one SQLite database (:mod:`kg.graph.sqlstore` describes its tables and what is
checked when): the query index that cold queries read (:mod:`kg.query.cold`), the
name-search index (:class:`kg.resolve.match.NameIndex`, so ``kg search`` and name
resolution do not rebuild it), and the whole graph as a payload: zlib-compressed pickles
(protocol 5) of plain data only, in the layout of :class:`kg.graph.writer.GraphChunks`
(format 5): the graph's attributes, its nodes with their attributes in order, its edges
in the order they were added, and the predecessor order where that is not the edges'
order. ``kg build`` writes it as it builds (:func:`build_saved`), so a million-event graph
is never held whole, and writes each sanction and statement once: their attributes are
the ``records`` table's JSON, which the payload names in order (:func:`write_graph`, for
any graph, pickles them too); loading adds the nodes and edges back, in that order, into
networkx's own dicts (:mod:`kg.graph.reader`).

A file of another kind, format version or graph schema version, a broken seal, a wrong
length or checksum, or a payload that does not decode is refused with
:class:`~kg.errors.SavedGraphError` and a message saying what to do; it is never misread.
The old two-file form (format 1, ``graph.kgz`` with ``graph.kgz.sqlite`` beside it) is
refused with a message to rebuild it, and so is a file of format 2 to 4 (2 and 3: one pickle
of the whole graph; 4: every record's attributes pickled as well as in ``records``).

Why pickle, and why it is safe here: it is the fastest format in the standard library for
nested plain data and keeps shared objects shared within each pickle (an edge's key dict,
the node id strings of a chunk). The payloads are written with a
pickler that refuses anything but dicts, lists, tuples, sets, strings, numbers, booleans
and None, and read with an unpickler that refuses every global: it cannot import a module
or call a function, so a hostile file can fail to load but cannot run code; every part's
shape is checked as it is added (an edge must join two nodes listed before it, the counts
at the end must match). Still, treat a
``.kgz`` as you would a data file you are about to analyse: the checksums catch damage, not
forgery, and only the data files it was built from are the record of what it says.

>>> import tempfile, os
>>> from kg.graph.build import build
>>> from kg.readwrite.load import load
>>> G = build(load())
>>> path = os.path.join(tempfile.mkdtemp(), "g.kgz")
>>> _ = write_graph(G, path)
>>> H = read_graph(path)
>>> sorted(H.nodes) == sorted(G.nodes) and H.number_of_edges() == G.number_of_edges()
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg._perf import paused_gc
from kg.errors import SavedGraphError
from kg.graph.reader import _Damaged, _graph_from, _Records, _unpickled, inflating
from kg.graph.schema import require_kg_graph
from kg.graph.sqlstore import (
    FORMAT_VERSION,
    open_saved,
    packed_payload,
    raw_length_differs,
    read_payload,
)

if TYPE_CHECKING:  # networkx is imported where a graph is made or read, so that reading a
    import networkx as nx  # header (kg.query.cold) stays light

    from kg.model.records import Dataset
    from kg.resolve.match import NameIndex

__all__ = ["FORMAT_VERSION", "build_saved", "is_saved_graph", "open_graph", "read_graph",
           "read_names", "saved_header", "write_graph"]


def write_graph(G: nx.MultiDiGraph, path: str | os.PathLike[str], *,
                level: int = 1, index: bool = True) -> Path:
    """Save ``G``, a graph built by :func:`kg.build` (with every node and edge attribute),
    to ``path`` as one file, atomically. Another graph is refused with
    :class:`~kg.errors.UsageError`; a value that is not plain data with
    :class:`~kg.errors.OutputError` (and nothing is written).

    ``level`` is the zlib compression level (1 is fast and already shrinks the graph ~6x).
    ``index=True`` (what ``kg build`` does) also stores the query index and the
    name-search index, so who-sanctioned, sanctioned-by, relations, timeline and
    ``kg search`` answer from disk without loading the graph; ``False`` stores the graph
    alone (every command then loads it). :func:`build_saved` writes the same file from a
    dataset without holding the graph.
    """
    from kg.graph._nx import storage
    from kg.graph.sqlstore import _rows
    from kg.graph.writer import GraphChunks, SavedWriter, pack_names

    require_kg_graph(G)
    target = Path(path)
    nodes, succ, pred = storage(G)
    with SavedWriter(target) as w:
        chunks = GraphChunks(w.payload("graph", level), target, G.graph)
        for n, d in nodes.items():
            chunks.node(n, d)
        add_edge = chunks.edge_list().append
        for u, nbrs in succ.items():
            chunks.tick()
            for v, keys in nbrs.items():
                for k, d in keys.items():
                    add_edge((u, v, k, d))
        chunks.finish(len(nodes), G.number_of_edges(),
                      ((v, list(us)) for v, us in pred.items() if len(us) > 1))
        if index:
            from kg.graph.index import index_of

            pack_names(w, index_of(G).names.state(), target, level)
        return w.finish(_rows(G) if index else None,
                        {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()})


#: The attributes of a record that the lifts and no_start tables read.
_COLD_FIELDS = ("type", "status", "date", "effective_date", "imposers")


def build_saved(dataset: Dataset, path: str | os.PathLike[str], *,
                level: int = 1) -> tuple[Path, int, int]:
    """Build the graph of a validated ``dataset`` straight into a saved graph at ``path``
    (what ``kg build`` does): the same file :func:`write_graph` writes for
    ``kg.build(dataset)``, made without holding the graph (each node and edge is pickled
    and its index rows staged as :func:`kg.graph.build.stream` hands it out; only the
    actors, which the name and membership indexes need, and the dates, status and targets of
    lifted and undated records, which the --as-of tables need, are kept). The dataset is
    consumed.
    Returns (path, nodes, edges). Raises :class:`~kg.errors.OutputError` as
    :func:`write_graph` does (nothing is left behind)."""
    import networkx as nx

    from kg.graph._nx import clear_cache, edge_adder, node_adder
    from kg.graph.build import GRAPH_ATTRS, stream
    from kg.graph.index import index_of
    from kg.graph.sqlcold import cold_rows
    from kg.graph.sqlstore import _EDGE_KEYS, _RECORD_TYPES, _rows
    from kg.graph.writer import GraphChunks, SavedWriter, pack_names

    target = Path(path)
    actors = nx.MultiDiGraph(**GRAPH_ATTRS)  # the actors and the edges between them
    add_actor, link_actors = node_adder(actors), edge_adder(actors)
    is_actor = actors._node.__contains__
    counts = [0, 0]
    seen: set[tuple[str, str, str]] = set()  # the edges of the current record
    dated: dict[str, dict[str, Any]] = {}  # lifted or undated records: their dates, status
    dated_succ: dict[str, dict[str, dict[str, Any]]] = {}  # and targets
    with SavedWriter(target) as w, paused_gc():
        chunks = GraphChunks(w.payload("graph", level), target, dict(GRAPH_ATTRS))

        def add_node(n: str, attrs: Any) -> None:
            counts[0] += 1
            kind = attrs.get("type")
            if kind in _RECORD_TYPES:  # its attributes: the records row's JSON
                chunks.record()
                w.stage_record(n, attrs)
                if not attrs.get("date") or (attrs.get("status") == "lifted"
                                             and kind == "sanction"):
                    # What the lifts and no_start tables read (kg.graph.sqlcold.cold_rows).
                    dated[n] = {k: attrs.get(k) for k in _COLD_FIELDS}
                    dated_succ[n] = {"actor:" + t: {"TARGETS": {}}
                                     for t in attrs.get("targets") or ()}
                return
            chunks.node(n, attrs)
            if kind == "actor":
                add_actor(n, attrs)

        # Per edge, only appends (millions of them); the lists are stored by next_record.
        chunk_edge, edge_row = chunks.edge_list().append, w.edge_rows().append
        seen_add = seen.add

        def add_edge(u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
            chunk_edge((u, v, key, attrs))
            seen_add((u, v, key))
            if key in _EDGE_KEYS:
                edge_row((u, key, v))
            elif is_actor(u) and is_actor(v):
                link_actors(u, v, key, attrs)

        def next_record() -> None:  # before each record's edges: a repeat is within one
            counts[1] += len(seen)
            seen.clear()
            chunks.tick()
            w.tick()

        stream(dataset, add_node, add_edge, next_record)
        counts[1] += len(seen)
        chunks.finish(counts[0], counts[1])
        clear_cache(actors)
        state = index_of(actors).names.state()
        pack_names(w, state, target, level)
        rows = _rows(actors)
        cold = cold_rows(sorted(dated), dated, dated_succ, state)
        rows["lifts"], rows["no_start"] = cold["lifts"], cold["no_start"]
        done = w.finish(rows, {"nodes": counts[0], "edges": counts[1]})
    return done, counts[0], counts[1]


def saved_header(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The checked ``meta`` table of a saved graph (format and schema versions, counts,
    payload lengths and SHA-256, seal), read without the payloads. Raises
    :class:`~kg.errors.SavedGraphError` as :func:`read_graph` does for a foreign file."""
    con, meta = open_saved(path)
    con.close()
    return meta


def read_graph(path: str | os.PathLike[str], *, share_attrs: bool = False
               ) -> nx.MultiDiGraph:
    """Load a graph saved by :func:`write_graph` or :func:`build_saved`; refuse anything
    else clearly. The stored name-search index, if any, is used (read when first needed)
    rather than rebuilt.

    ``share_attrs=True`` is for a graph that will only be read (what ``kg`` commands do):
    the edges of one type whose attributes are the same plain values (``{"type":
    "IMPOSED"}``, a citation without a quote) share one attribute dict, about 180 bytes
    less an edge (~750 MB at a million events). Changing such an edge's attributes in
    place would change every edge that shares them; give it a new dict instead
    (``G.succ[u][v][key] = {...}``), or load without sharing (the default)."""
    import sqlite3

    p = Path(path)
    con, meta = open_saved(p)
    with paused_gc():
        try:
            # Inflated as it is read, not held whole (~200 MB at a million events).
            fh, inflated = inflating(packed_payload(con, meta, "graph", p), p)
            G = _graph_from(fh, _Records(con, p), share=share_attrs)
            if inflated.count != meta.get("graph_raw"):
                raise raw_length_differs(p)
        except (ValueError, TypeError, KeyError, sqlite3.Error) as exc:
            raise SavedGraphError(f"{p}: saved graph is damaged ({type(exc).__name__}: "
                                  f"{exc}); rebuild it with `kg build`") from None
        except _Damaged as exc:
            raise SavedGraphError(f"{p}: saved graph is damaged ({exc}); rebuild it with "
                                  "`kg build`") from None
        finally:
            con.close()
    if "names_sha256" in meta:
        from kg.graph.index import index_of

        index_of(G).stored_names = lambda: read_names(p)
    return G


def read_names(path: str | os.PathLike[str]) -> NameIndex:
    """The name-search index stored in a saved graph (checked as :func:`read_graph`
    checks the graph). Raises :class:`~kg.errors.SavedGraphError` when it is missing,
    damaged or of another layout."""
    from kg.resolve.match import NameIndex

    p = Path(path)
    con, meta = open_saved(p)
    try:
        raw = read_payload(con, meta, "names", p)
    finally:
        con.close()
    with paused_gc():
        state = _unpickled(p, raw)
        try:
            return NameIndex.from_state(state)
        except (ValueError, TypeError) as exc:
            raise SavedGraphError(f"{p}: saved graph's name index is damaged or of another "
                                  f"version ({exc}); rebuild it with `kg build`") from None


def is_saved_graph(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a saved graph (by its ``.kgz`` suffix; the file is not read)."""
    return str(path).lower().endswith(".kgz")


def open_graph(paths: str | os.PathLike[str] | list[str | os.PathLike[str]]
               | tuple[str | os.PathLike[str], ...] | None = None, *,
               share_attrs: bool = False) -> nx.MultiDiGraph:
    """The graph that ``-d/--data`` means: one saved graph (``.kgz``), or data files and
    folders loaded and built (the bundled examples when ``paths`` is empty or None).
    ``share_attrs``: for a saved graph, as :func:`read_graph` takes it.

    What every ``kg`` command does with ``-d``, for notebooks and scripts. Built with the
    garbage collector paused (see :func:`kg._perf.paused_gc`).

    Raises:
        UsageError: a ``.kgz`` given with other paths.
        SavedGraphError: a damaged or foreign ``.kgz``.
        ValidationFailed: data files with problems (every problem listed).
    """
    from kg.errors import UsageError
    from kg.graph.build import build
    from kg.readwrite.load import load

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    items = list(paths or [])
    if any(is_saved_graph(p) for p in items):
        if len(items) != 1:
            raise UsageError("a saved graph (.kgz) cannot be combined with other data")
        return read_graph(items[0], share_attrs=share_attrs)
    with paused_gc():
        return build(load(items or None), consume=True)
