"""Saved graphs (``.kgz``): build once from a million records, load in seconds.

``kg build -d DATA -o graph.kgz`` writes one; every command that takes ``-d`` accepts it.

A file is::

    8 bytes    magic  b"\x89KGZ\r\n\x1a\n"  (catches text-mode mangling, like PNG's)
    4 bytes    big-endian length of the header
    header     JSON: format version, graph schema version, node and edge counts,
               body length, uncompressed length and SHA-256 of the body
    body       zlib-compressed pickle (protocol 5) of plain data only: the graph's
               attributes and networkx's own node, successor and predecessor dicts

A file with another magic, another format version or graph schema version, a wrong length
or checksum, or a body that does not decode is refused with
:class:`~kg.errors.SavedGraphError` and a message saying what to do; it is never misread.

Why pickle, and why it is safe here: it is the only format in the standard library that
keeps shared objects shared (the key dict that ``G.succ[u][v]`` and ``G.pred[v][u]`` both
hold, the one string ``actor:us`` that a million edges use), so a saved graph loads with no
rebuilding pass at all, several times faster than JSON. The body is written with a pickler
that refuses anything but dicts, lists, tuples, sets, strings, numbers, booleans and None,
and read with an unpickler that refuses every global: it cannot import a module or call a
function, so a hostile file can fail to load but cannot run code. Still, treat a ``.kgz``
as you would a data file you are about to analyse: the checksum catches damage, not
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

import hashlib
import io
import os
import pickle
import struct
import zlib
from pathlib import Path
from typing import Any

import networkx as nx

from kg._perf import dumps, loads, paused_gc
from kg.errors import OutputError, SavedGraphError
from kg.graph._nx import clear_cache, storage
from kg.graph.schema import GRAPH_VERSION, require_kg_graph
from kg.readwrite.atomic import atomic_open

__all__ = ["FORMAT_VERSION", "MAGIC", "is_saved_graph", "open_graph", "read_graph",
           "write_graph"]

MAGIC = b"\x89KGZ\r\n\x1a\n"
FORMAT_VERSION = 1
"""Bumped whenever the layout of the body changes; other versions are refused."""
_MAX_HEADER = 1 << 16


def write_graph(G: nx.MultiDiGraph, path: str | os.PathLike[str], *,
                level: int = 1) -> Path:
    """Save ``G``, a graph built by :func:`kg.build` (with every node and edge attribute),
    to ``path``, atomically. Another graph is refused with :class:`~kg.errors.UsageError`.

    ``level`` is the zlib compression level (1 is fast and already shrinks the body ~6x).
    """
    require_kg_graph(G)
    target = Path(path)
    nodes, succ, pred = storage(G)
    body = {"graph": G.graph, "nodes": nodes, "succ": succ, "pred": pred}
    buf = io.BytesIO()
    try:
        _DataPickler(buf, protocol=5).dump(body)
    except (TypeError, pickle.PicklingError, RecursionError) as exc:
        raise OutputError(f"{target}: the graph holds a value that cannot be saved "
                          f"(only text, numbers, lists and mappings can): {exc}") from None
    raw = buf.getvalue()
    del buf
    n_nodes, n_edges = G.number_of_nodes(), G.number_of_edges()
    packed = zlib.compress(raw, level)
    header = dumps({"format": "sanctions-kg saved graph", "version": FORMAT_VERSION,
                    "graph_version": GRAPH_VERSION, "nodes": n_nodes, "edges": n_edges,
                    "body_bytes": len(packed), "raw_bytes": len(raw),
                    "sha256": hashlib.sha256(packed).hexdigest()})
    with atomic_open(target, "wb") as fh:
        fh.write(MAGIC + struct.pack(">I", len(header)) + header)
        fh.write(packed)
    return target


def _refuse(path: Path, why: str) -> SavedGraphError:
    return SavedGraphError(f"{path}: {why}")


def read_graph(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Load a graph saved by :func:`write_graph`; refuse anything else clearly."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            head = fh.read(len(MAGIC) + 4)
            if head[: len(MAGIC)] != MAGIC:
                raise _refuse(p, "not a saved sanctions-kg graph (.kgz); "
                              "make one with `kg build -d DATA -o graph.kgz`")
            if len(head) < len(MAGIC) + 4:
                raise _refuse(p, "saved graph is truncated (no header)")
            (n,) = struct.unpack(">I", head[len(MAGIC):])
            if n > _MAX_HEADER:
                raise _refuse(p, "saved graph header is damaged")
            try:
                header = loads(fh.read(n))
            except ValueError:
                raise _refuse(p, "saved graph header is damaged or truncated") from None
            if not isinstance(header, dict):
                raise _refuse(p, "saved graph header is damaged")
            _check_versions(p, header)
            packed = fh.read()
    except OSError as exc:
        raise SavedGraphError(f"{p}: cannot read: {exc.strerror or exc}") from None
    if len(packed) != header.get("body_bytes"):
        raise _refuse(p, f"saved graph is truncated or damaged ({len(packed)} of "
                      f"{header.get('body_bytes')} bytes); rebuild it with `kg build`")
    if hashlib.sha256(packed).hexdigest() != header.get("sha256"):
        raise _refuse(p, "saved graph is damaged (checksum mismatch); rebuild it with "
                      "`kg build`")
    with paused_gc():
        try:
            raw = zlib.decompress(packed)
            del packed
            if len(raw) != header.get("raw_bytes"):
                raise ValueError("length differs from the header")
            body = _DataUnpickler(io.BytesIO(raw)).load()
            del raw
            return _graph_from(body)
        except (zlib.error, pickle.UnpicklingError, EOFError, ValueError, TypeError,
                KeyError, IndexError, AttributeError, RecursionError, MemoryError) as exc:
            raise _refuse(p, f"saved graph is damaged ({type(exc).__name__}: {exc}); "
                          "rebuild it with `kg build`") from None


def _check_versions(p: Path, header: dict[str, Any]) -> None:
    version = header.get("version")
    if header.get("format") != "sanctions-kg saved graph":
        raise _refuse(p, "saved graph header is damaged")
    if version != FORMAT_VERSION:
        raise _refuse(p, f"saved graph is format version {version!r}; this sanctions-kg "
                      f"reads version {FORMAT_VERSION}. Rebuild it from the data with "
                      "`kg build -d DATA -o graph.kgz`")
    if header.get("graph_version") != GRAPH_VERSION:
        raise _refuse(p, f"saved graph holds graph schema v{header.get('graph_version')!r}; "
                      f"this sanctions-kg uses v{GRAPH_VERSION}. Rebuild it with `kg build`")


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
