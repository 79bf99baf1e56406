"""The query index of a saved graph: an SQLite file beside the ``.kgz`` that answers
who-sanctioned, sanctioned-by, relations and timeline without loading the graph.

``kg build -o graph.kgz`` writes ``graph.kgz`` (the whole graph, :mod:`kg.graph.store`) and
``graph.kgz.sqlite`` (this index). A cold ``kg query who-sanctioned X -d graph.kgz`` opens
the index and reads only the rows its answer needs (:mod:`kg.query.cold`); every other
command, and a ``.kgz`` without its index, loads the whole graph as before.

Tables (plain text and JSON, standard library :mod:`sqlite3`, no new dependency)::

    meta(key, value)                 format, version, graph_version, kgz_sha256, counts,
                                     content_sha256
    actors(id, label, kind, country) every actor node
    names(key, id)                   the resolver's normalised names -> actor ids
    belongs(parent, n, child, how)   Index.belonging_to, in its order
    members(bloc, n, member)         Index.members;   blocs(member, n, bloc): Index.blocs_of
    records(node, type, date, data)  sanction and statement nodes, attributes as JSON
    edges(u, key, v)                 IMPOSED, TARGETS, BECAUSE_OF, MADE and ABOUT edges

with indexes on edge ends, names and sanction dates. The index is bound to its ``.kgz``:
``meta.kgz_sha256`` is the body checksum in the ``.kgz`` header, so an index left over from
another build is never used (the query then loads the ``.kgz``). ``content_sha256`` is a
SHA-256 over every table's rows in key order; :func:`verify_index` recomputes it (a full
read, so cold queries do not: they rely on the header checks and SQLite's own page checks).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg._perf import dumps
from kg.errors import OutputError, SavedGraphError
from kg.graph.schema import GRAPH_VERSION

if TYPE_CHECKING:  # not imported by readers of the index (kg.query.cold): they stay light
    import networkx as nx

__all__ = ["INDEX_FORMAT", "INDEX_SUFFIX", "INDEX_VERSION", "index_path", "table_rows",
           "verify_index", "write_index"]

INDEX_FORMAT = "sanctions-kg graph index"
INDEX_VERSION = 1
"""Bumped whenever a table changes; other versions are not used (the ``.kgz`` is loaded)."""
INDEX_SUFFIX = ".sqlite"
_EDGE_KEYS = frozenset({"IMPOSED", "TARGETS", "BECAUSE_OF", "MADE", "ABOUT"})
_RECORD_TYPES = frozenset({"sanction", "statement"})

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE actors (id TEXT PRIMARY KEY, label TEXT, kind TEXT, country TEXT) WITHOUT ROWID;
CREATE TABLE names (key TEXT, id TEXT, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE TABLE belongs (parent TEXT, n INTEGER, child TEXT, how TEXT,
                      PRIMARY KEY (parent, n)) WITHOUT ROWID;
CREATE TABLE members (bloc TEXT, n INTEGER, member TEXT, PRIMARY KEY (bloc, n)) WITHOUT ROWID;
CREATE TABLE blocs (member TEXT, n INTEGER, bloc TEXT, PRIMARY KEY (member, n)) WITHOUT ROWID;
CREATE TABLE records (node TEXT PRIMARY KEY, type TEXT, date TEXT, data TEXT) WITHOUT ROWID;
CREATE TABLE edges (u TEXT, key TEXT, v TEXT, PRIMARY KEY (u, key, v)) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX edges_in ON edges (v, key, u);
CREATE INDEX sanction_dates ON records (date) WHERE type = 'sanction';
"""
#: Table -> its key columns, the order :func:`table_rows` and the checksum read rows in.
TABLES: dict[str, str] = {
    "actors": "id", "names": "key, id", "belongs": "parent, n", "members": "bloc, n",
    "blocs": "member, n", "records": "node", "edges": "u, key, v"}


def index_path(kgz: str | os.PathLike[str]) -> Path:
    """Where the index of the saved graph ``kgz`` lives: ``graph.kgz`` -> ``graph.kgz.sqlite``."""
    return Path(str(kgz) + INDEX_SUFFIX)


def _rows(G: nx.MultiDiGraph) -> dict[str, Iterable[tuple[Any, ...]]]:
    """Each table's rows in key order (the key leads each row and is unique, so tuple
    order is key order; Python's string order is SQLite's BINARY order on UTF-8)."""
    from kg.graph._nx import storage
    from kg.graph.index import index_of

    idx = index_of(G)
    nodes, succ, _ = storage(G)
    resolver_index: dict[str, set[str]] = getattr(idx.resolver, "_index", {})
    belongs = {p: idx.belonging_to(p) for p in idx._belongs}

    order = sorted(nodes)  # the node ids themselves: a million references, not copies

    # The two big tables are generated in key order, a node at a time, so writing a
    # million-event index holds no second copy of the graph.
    def edges() -> Iterator[tuple[str, str, str]]:
        for u in order:
            yield from sorted((u, k, v) for v, keys in succ[u].items() for k in keys
                              if k in _EDGE_KEYS)

    def records() -> Iterator[tuple[str, str, str | None, str]]:
        for n in order:
            d = nodes[n]
            if d.get("type") in _RECORD_TYPES:
                yield (n, d["type"], d.get("date"), dumps(d).decode())

    return {
        "actors": sorted((a, d.get("label"), d.get("kind"), d.get("country"))
                         for a, d in idx.actors.items()),
        "names": sorted((k, i) for k, ids in resolver_index.items() for i in ids),
        "belongs": sorted((p, n, c, how) for p, lst in belongs.items()
                          for n, (c, how) in enumerate(lst)),
        "members": sorted((b, n, m) for b, lst in idx.members.items()
                          for n, m in enumerate(lst)),
        "blocs": sorted((m, n, b) for m, lst in idx.blocs_of.items()
                        for n, b in enumerate(lst)),
        "records": records(),
        "edges": edges(),
    }


def _hashed(h: Any, table: str, rows: Iterable[tuple[Any, ...]]
            ) -> Iterator[tuple[Any, ...]]:
    """``rows`` (in key order), each fed to ``h`` on the way, as :func:`_checksum` reads
    them back: the same rows, the same order, the same ``repr``."""
    h.update(table.encode() + b"\0")
    for row in rows:
        h.update(repr(row).encode() + b"\n")
        yield row


def _checksum(con: sqlite3.Connection) -> str:
    h = hashlib.sha256()
    for table in TABLES:
        h.update(table.encode() + b"\0")
        for row in table_rows(con, table):
            h.update(repr(row).encode() + b"\n")
    return h.hexdigest()


def table_rows(con: sqlite3.Connection, table: str) -> Iterator[tuple[Any, ...]]:
    """Every row of ``table`` (one of :data:`TABLES`) in key order."""
    return iter(con.execute(f"SELECT * FROM {table} ORDER BY {TABLES[table]}"))


def write_index(G: nx.MultiDiGraph, kgz: str | os.PathLike[str], kgz_sha256: str) -> Path:
    """Write the query index of ``G`` beside its saved graph ``kgz`` (whose header body
    checksum is ``kgz_sha256``), atomically: a temporary file renamed when complete.
    Raises :class:`~kg.errors.OutputError` when it cannot be written."""
    target = index_path(kgz)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                              "PRAGMA page_size=8192;" + _SCHEMA)
            con.execute("BEGIN")
            counts = {}
            h = hashlib.sha256()
            for table, rows in _rows(G).items():
                width = {"actors": 4, "names": 2, "belongs": 4, "members": 3, "blocs": 3,
                         "records": 4, "edges": 3}[table]
                marks = ",".join("?" * width)
                cur = con.executemany(f"INSERT INTO {table} VALUES ({marks})",
                                      _hashed(h, table, rows))
                counts[table] = cur.rowcount
            con.execute("COMMIT")
            con.executescript(_INDEXES)
            con.execute("BEGIN")
            meta = {"format": INDEX_FORMAT, "version": str(INDEX_VERSION),
                    "graph_version": str(GRAPH_VERSION), "kgz_sha256": kgz_sha256,
                    "counts": dumps(counts).decode(), "content_sha256": h.hexdigest()}
            con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            con.execute("COMMIT")
            con.execute("ANALYZE")
        finally:
            con.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error, TypeError) as exc:  # TypeError: a value JSON cannot hold
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(f"{target}: cannot write the graph index: {exc}") from None
    return target


def verify_index(path: str | os.PathLike[str]) -> dict[str, str]:
    """Check an index's header and recompute its content checksum (reads every row).
    Returns the ``meta`` table; raises :class:`~kg.errors.SavedGraphError` when the file is
    not an index, is another version, or its content does not match its checksum."""
    p = Path(path)
    try:
        con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta"))
            if meta.get("format") != INDEX_FORMAT or meta.get("version") != str(INDEX_VERSION):
                raise SavedGraphError(f"{p}: not a sanctions-kg graph index of version "
                                      f"{INDEX_VERSION}; rebuild it with `kg build`")
            if _checksum(con) != meta.get("content_sha256"):
                raise SavedGraphError(f"{p}: graph index is damaged (checksum mismatch); "
                                      "rebuild it with `kg build`")
            return meta
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise SavedGraphError(f"{p}: graph index is damaged or not an index ({exc}); "
                              "rebuild it with `kg build`") from None
