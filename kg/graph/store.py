"""Saved graphs (``.kgz``): build once from a million records, load in seconds, and answer
the common questions without loading at all.

``kg build -d DATA -o graph.kgz`` writes one; every command that takes ``-d`` accepts it.
The file is one SQLite database (:mod:`kg.graph.sqlstore` describes its tables and what is
checked when): the query index that cold queries read (:mod:`kg.query.cold`), the
name-search index (:class:`kg.resolve.match.NameIndex`, so ``kg search`` and name
resolution do not rebuild it), and the whole graph as a payload: a zlib-compressed pickle
(protocol 5) of plain data only, the graph's attributes and networkx's own node, successor
and predecessor dicts.

A file of another kind, format version or graph schema version, a broken seal, a wrong
length or checksum, or a payload that does not decode is refused with
:class:`~kg.errors.SavedGraphError` and a message saying what to do; it is never misread.
The old two-file form (format 1, ``graph.kgz`` with ``graph.kgz.sqlite`` beside it) is
refused with a message to rebuild it.

Why pickle, and why it is safe here: it is the only format in the standard library that
keeps shared objects shared (the key dict that ``G.succ[u][v]`` and ``G.pred[v][u]`` both
hold, the one string ``actor:us`` that a million edges use), so a saved graph loads with no
rebuilding pass at all, several times faster than JSON. The payloads are written with a
pickler that refuses anything but dicts, lists, tuples, sets, strings, numbers, booleans
and None, and read with an unpickler that refuses every global: it cannot import a module
or call a function, so a hostile file can fail to load but cannot run code. Still, treat a
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

import io
import os
import pickle
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg._perf import paused_gc
from kg.errors import OutputError, SavedGraphError
from kg.graph.schema import require_kg_graph
from kg.graph.sqlstore import FORMAT_VERSION, open_saved, read_payload, write_saved

if TYPE_CHECKING:  # networkx is imported where a graph is made or read, so that reading a
    import networkx as nx  # header (kg.query.cold) stays light

    from kg.resolve.match import NameIndex

__all__ = ["FORMAT_VERSION", "is_saved_graph", "open_graph", "read_graph", "read_names",
           "saved_header", "write_graph"]


class _Deflating:
    """A write-only file that compresses what it is given as it comes: the pickle of a
    million-event graph (~500 MB) is never held whole, only its compressed form."""

    def __init__(self, level: int) -> None:
        self._z = zlib.compressobj(level)
        self._parts: list[bytes] = []
        self.raw = 0

    def write(self, data: Any) -> int:
        n = len(memoryview(data).cast("B"))
        self.raw += n
        if out := self._z.compress(data):
            self._parts.append(out)
        return n

    def finish(self) -> bytes:
        self._parts.append(self._z.flush())
        packed = b"".join(self._parts)
        self._parts.clear()
        return packed


def _packed(path: Path, value: Any, level: int) -> tuple[bytes, int]:
    sink = _Deflating(level)
    try:
        _DataPickler(sink, protocol=5).dump(value)
    except (TypeError, pickle.PicklingError, RecursionError) as exc:
        raise OutputError(f"{path}: the graph holds a value that cannot be saved "
                          f"(only text, numbers, lists and mappings can): {exc}") from None
    return sink.finish(), sink.raw


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
    alone (every command then loads it).
    """
    from kg.graph._nx import storage

    require_kg_graph(G)
    target = Path(path)
    nodes, succ, pred = storage(G)
    payloads = {"graph": _packed(target, {"graph": G.graph, "nodes": nodes, "succ": succ,
                                          "pred": pred}, level)}
    if index:
        from kg.graph.index import index_of

        payloads["names"] = _packed(target, index_of(G).names.state(), level)
    meta = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    return write_saved(G if index else None, target, payloads, meta)


def saved_header(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The checked ``meta`` table of a saved graph (format and schema versions, counts,
    payload lengths and SHA-256, seal), read without the payloads. Raises
    :class:`~kg.errors.SavedGraphError` as :func:`read_graph` does for a foreign file."""
    con, meta = open_saved(path)
    con.close()
    return meta


def _unpickled(p: Path, raw: bytes) -> Any:
    try:
        return _DataUnpickler(io.BytesIO(raw)).load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError, IndexError,
            AttributeError, RecursionError, MemoryError) as exc:
        raise SavedGraphError(f"{p}: saved graph is damaged ({type(exc).__name__}: "
                              f"{exc}); rebuild it with `kg build`") from None


def read_graph(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Load a graph saved by :func:`write_graph`; refuse anything else clearly. The stored
    name-search index, if any, is used (read when first needed) rather than rebuilt."""
    p = Path(path)
    con, meta = open_saved(p)
    with paused_gc():
        try:
            raw = read_payload(con, meta, "graph", p)
        finally:
            con.close()
        body = _unpickled(p, raw)
        del raw
        try:
            G = _graph_from(body)
        except (ValueError, TypeError, KeyError) as exc:
            raise SavedGraphError(f"{p}: saved graph is damaged ({type(exc).__name__}: "
                                  f"{exc}); rebuild it with `kg build`") from None
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


class _DataPickler(pickle.Pickler):
    """Pickles plain data only: anything that would need a class or function to rebuild
    (reducer_override sees every object but the built-in containers and scalars) is
    refused."""

    def reducer_override(self, obj: Any) -> Any:
        raise TypeError(f"a {type(obj).__module__}.{type(obj).__qualname__} value")


class _DataUnpickler(pickle.Unpickler):
    """Unpickles plain data only: every global (class, function) is refused, so nothing
    can be imported or called."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refers to {module}.{name}, which a saved graph "
                                     "never holds")

    def persistent_load(self, pid: Any) -> Any:
        raise pickle.UnpicklingError("holds a persistent reference")


def _graph_from(body: Any) -> nx.MultiDiGraph:
    import networkx as nx

    from kg.graph._nx import clear_cache, storage

    if type(body) is not dict:
        raise TypeError("body is not a mapping")
    graph, nodes, succ, pred = body["graph"], body["nodes"], body["succ"], body["pred"]
    if not all(type(x) is dict for x in (graph, nodes, succ, pred)):
        raise TypeError("graph, nodes or adjacency is not a mapping")
    if not (succ.keys() == pred.keys() == nodes.keys()):
        raise ValueError("nodes and adjacency list different nodes")
    if any(type(d) is not dict for d in nodes.values()):
        raise TypeError("node attributes are not a mapping")
    if sum(map(len, succ.values())) != sum(map(len, pred.values())):
        raise ValueError("successors and predecessors disagree")
    G = nx.MultiDiGraph()
    G.graph.update(graph)
    node_dict, succ_dict, pred_dict = storage(G)
    node_dict.update(nodes)
    succ_dict.update(succ)
    pred_dict.update(pred)
    clear_cache(G)
    return G


def is_saved_graph(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a saved graph (by its ``.kgz`` suffix; the file is not read)."""
    return str(path).lower().endswith(".kgz")


def open_graph(paths: str | os.PathLike[str] | list[str | os.PathLike[str]]
               | tuple[str | os.PathLike[str], ...] | None = None) -> nx.MultiDiGraph:
    """The graph that ``-d/--data`` means: one saved graph (``.kgz``), or data files and
    folders loaded and built (the bundled examples when ``paths`` is empty or None).

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
        return read_graph(items[0])
    with paused_gc():
        return build(load(items or None), consume=True)
