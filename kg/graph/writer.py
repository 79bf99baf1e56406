"""Writing a saved graph (``.kgz``, :mod:`kg.graph.sqlstore` describes the file) as it is
made: payloads compressed and stored in chunks as they are pickled, the ``records`` and
``edges`` index rows inserted in batches as they come (``records`` in the order built,
``edges`` into their key-ordered table), so ``kg build`` at a million events never holds
the graph, its pickle or its rows whole.

The file is written once, by one process, and sealed at the end, so SQLite runs without a
journal or syncing (a crash leaves only the temporary file, which is removed or never
renamed), with a large page cache; the secondary indexes are made after the rows are in.
:class:`SavedWriter` opens the temporary file beside the target; :meth:`SavedWriter.finish`
writes the other index tables (each hashed as it is inserted, in key order), makes the
indexes, hashes ``records`` and ``edges`` as stored
(:func:`kg.graph.sqlstore.table_digest`), writes the ``meta`` table and the seal, and
renames the file into place. Any error (or leaving the ``with`` block by an exception)
removes the temporary file: a half-written saved graph is never left behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from kg._perf import dumps
from kg.errors import OutputError
from kg.graph.schema import GRAPH_VERSION
from kg.graph.sqlstore import (
    _CHUNK,
    _INDEXES,
    _SCHEMA,
    _WIDTH,
    APPLICATION_ID,
    FORMAT,
    FORMAT_VERSION,
    TABLES,
    _rows,
    content_digest,
    feed,
    seal,
    table_digest,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["LAYOUT", "TAG", "GraphChunks", "PayloadSink", "SavedWriter", "pack_names",
           "write_saved"]

_BATCH = 20_000
#: Rows inserted as they come: hashed after, as stored (see SavedWriter.finish).
_STREAMED = ("records", "edges")
_INSERT = {"records": "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?)",
           "edges": "INSERT OR IGNORE INTO edges VALUES (?, ?, ?)"}


class PayloadSink:
    """A write-only file for one payload: what it is given is compressed as it comes and
    stored in ``payload`` rows of about 16 MB, its SHA-256 and lengths kept for ``meta``."""

    def __init__(self, con: sqlite3.Connection, part: str, level: int) -> None:
        self._con, self.part = con, part
        self._z = zlib.compressobj(level)
        self._sha = hashlib.sha256()
        self._parts: list[bytes] = []
        self._held = self._n = 0
        self.raw = self.packed = 0

    def write(self, data: Any) -> int:
        """Take ``data`` (bytes-like); returns its length."""
        n = len(memoryview(data).cast("B"))
        self.raw += n
        if out := self._z.compress(data):
            self._parts.append(out)
            self._held += len(out)
            if self._held >= _CHUNK:
                self._store()
        return n

    def _store(self) -> None:
        blob = b"".join(self._parts)
        self._parts.clear()
        self._held = 0
        self._sha.update(blob)
        self.packed += len(blob)
        self._con.execute("INSERT INTO payload VALUES (?, ?, ?)", (self.part, self._n, blob))
        self._n += 1

    def close(self) -> dict[str, Any]:
        """Store the rest; returns the payload's ``meta`` entries (bytes, raw, sha256)."""
        self._parts.append(self._z.flush())
        self._store()
        return {f"{self.part}_bytes": self.packed, f"{self.part}_raw": self.raw,
                f"{self.part}_sha256": self._sha.hexdigest()}


class SavedWriter:
    """A saved graph being written to ``target`` (see the module docstring).

    Use it as a context manager: :meth:`payload` for each payload, :meth:`stage_record` and
    :meth:`edge_rows` for index rows met in any order (inserted in batches), then
    :meth:`finish`.
    """

    def __init__(self, target: str | os.PathLike[str]) -> None:
        self.target = Path(target)
        folder = self.target.parent if str(self.target.parent) else Path(".")
        if not folder.is_dir():
            raise OutputError(f"{self.target}: folder {folder} does not exist", usage=True)
        self.tmp = self.target.with_name(f".{self.target.name}.{os.getpid()}.tmp")
        self._sinks: list[PayloadSink] = []
        self._put: dict[str, dict[str, Any]] = {}
        self._records: list[tuple[Any, ...]] = []
        self._edges: list[tuple[str, str, str]] = []
        self.staged = False
        with contextlib.suppress(FileNotFoundError):
            self.tmp.unlink()
        try:
            self.con = sqlite3.connect(self.tmp, isolation_level=None)
            self.con.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=8192; "
                "PRAGMA cache_size=-262144; PRAGMA locking_mode=EXCLUSIVE; "
                f"PRAGMA application_id={APPLICATION_ID};" + _SCHEMA)
            self.con.execute("BEGIN")
        except (OSError, sqlite3.Error) as exc:
            self._fail(exc)

    def __enter__(self) -> SavedWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is not None:
            self._discard()

    def _discard(self) -> None:
        con = getattr(self, "con", None)  # None when connecting failed
        if con is not None:
            with contextlib.suppress(sqlite3.Error):
                con.close()
        with contextlib.suppress(OSError):
            self.tmp.unlink()

    def _fail(self, exc: BaseException) -> None:
        self._discard()
        raise OutputError(f"{self.target}: cannot write the saved graph: {exc}") from None

    def payload(self, part: str, level: int = 1) -> PayloadSink:
        """A sink for the payload ``part`` (closed by :meth:`finish`)."""
        sink = PayloadSink(self.con, part, level)
        self._sinks.append(sink)
        return sink

    def put_payload(self, part: str, packed: bytes, raw_len: int) -> None:
        """Store the payload ``part`` already compressed (``raw_len``: its length before)."""
        try:
            self.con.executemany("INSERT INTO payload VALUES (?, ?, ?)",
                                 ((part, n, packed[i:i + _CHUNK]) for n, i in
                                  enumerate(range(0, len(packed), _CHUNK))))
        except sqlite3.Error as exc:
            self._fail(exc)
        self._put[part] = {f"{part}_bytes": len(packed), f"{part}_raw": raw_len,
                           f"{part}_sha256": hashlib.sha256(packed).hexdigest()}

    def stage_record(self, node: str, attrs: dict[str, Any]) -> None:
        """A ``records`` row for a sanction or statement node (JSON of ``attrs``; raises
        :class:`~kg.errors.OutputError` for a value JSON cannot hold)."""
        try:
            raw = dumps(attrs)  # its CRC-32 is _crc(node, data), without encoding it again
        except TypeError as exc:
            self._fail(exc)
        self.staged = True
        self._records.append((node, attrs["type"], attrs.get("date"), attrs.get("status"),
                              raw.decode(), zlib.crc32(raw, zlib.crc32(f"{node}\0".encode()))))
        if len(self._records) >= _BATCH:
            self._flush_stage()

    def edge_rows(self) -> list[tuple[str, str, str]]:
        """The list to append ``edges`` rows ``(u, key, v)`` to (a repeated one is stored
        once), calling :meth:`tick` now and then (millions of edges: no call per edge)."""
        self.staged = True
        return self._edges

    def tick(self) -> None:
        """Insert the staged rows once a batch is full."""
        if len(self._edges) >= _BATCH or len(self._records) >= _BATCH:
            self._flush_stage()

    def _flush_stage(self) -> None:
        try:
            self.con.executemany(_INSERT["records"], self._records)
            self.con.executemany(_INSERT["edges"], self._edges)
        except sqlite3.Error as exc:
            self._fail(exc)
        self._records.clear()
        self._edges.clear()

    def finish(self, rows: Mapping[str, Iterable[tuple[Any, ...]]] | None,
               meta: Mapping[str, Any]) -> Path:
        """Write the index tables (``rows``: table -> rows in key order, ``records`` and
        ``edges`` taken from the staged rows when any were staged; None: no index, every
        command then loads the graph), the ``meta`` table with ``meta``'s extra values and
        the seal; rename the file into place and return its path. Raises
        :class:`~kg.errors.OutputError` (the temporary file removed) when it cannot."""
        con = self.con
        try:
            head: dict[str, Any] = {"format": FORMAT, "version": FORMAT_VERSION,
                                    "graph_version": GRAPH_VERSION, **meta}
            for sink in self._sinks:
                head.update(sink.close())
            for entries in self._put.values():
                head.update(entries)
            if rows is not None:
                self._flush_stage()
                counts, digests = self._tables(rows)
                con.execute("COMMIT")
                # The planner's statistics from a sample of each index (a full ANALYZE reads
                # every row again): they only choose between indexes, never change answers.
                con.executescript(_INDEXES + "PRAGMA analysis_limit=1000; ANALYZE;")
                for table in _STREAMED:  # hashed as stored, in key order
                    digests[table], counts[table] = table_digest(con, table)
                head["index"] = {table: counts[table] for table in TABLES}
                head["content_sha256"] = content_digest(digests)
            else:
                con.execute("COMMIT")
            con.executemany("INSERT INTO meta VALUES (?, ?)",
                            ((k, dumps(v).decode()) for k, v in head.items()))
            # The seal: the change counter and length this last write leaves. Checked
            # after closing (a write can move the counter by more than one, or grow the
            # file), and written again until it holds.
            con.execute("INSERT INTO meta VALUES ('seal', ?)", (" " * 40,))
            con.close()
            seal(self.tmp)
            os.replace(self.tmp, self.target)
        except (OSError, sqlite3.Error, TypeError) as exc:  # TypeError: not JSON-able
            self._fail(exc)
        return self.target

    def _tables(self, rows: Mapping[str, Iterable[tuple[Any, ...]]]
                ) -> tuple[dict[str, int], dict[str, str]]:
        """Insert each table's ``rows`` (in key order), hashing them on the way
        (:func:`kg.graph.sqlstore.feed`), but ``records`` and ``edges``, which are hashed
        once stored (and taken from ``rows`` only when nothing was staged). Returns the row
        counts and SHA-256s of the tables hashed here."""
        counts: dict[str, int] = {}
        digests: dict[str, str] = {}
        for table in TABLES:
            if table in _STREAMED:
                if not self.staged:
                    for batch in _batches(rows[table]):
                        self.con.executemany(_INSERT[table], batch)
                continue
            h, n = hashlib.sha256(), 0
            sql = f"INSERT INTO {table} VALUES ({','.join('?' * _WIDTH[table])})"
            for batch in _batches(rows[table]):
                feed(h, batch)
                self.con.executemany(sql, batch)
                n += len(batch)
            counts[table], digests[table] = n, h.hexdigest()
        return counts, digests


def _batches(rows: Iterable[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    it = iter(rows)
    while batch := list(itertools.islice(it, _BATCH)):
        yield batch


#: The first pickle of a ``graph`` payload: this tag, the layout, the graph's attributes.
TAG, LAYOUT = "sanctions-kg graph", 4
_NODES_PER_CHUNK = 20_000
_EDGES_PER_CHUNK = 50_000


class GraphChunks:
    """The ``graph`` payload, pickled as it is made: a sequence of small pickles, each
    with its own memo (one pickle of a million-event graph kept a table of every object
    it had written, 1.5 GB): ``(tag, layout, graph attributes)``, then ``("n", [(node,
    attributes), ...])`` chunks, and ``("r", count)`` for the next ``count`` rows of the
    ``records`` table (in the order inserted: their attributes are that table's JSON, not
    written twice; :meth:`record`), in the order of the nodes, then ``("e", [(u, v, key,
    attributes), ...])`` chunks in the order the edges were added, optionally ``("p",
    [(v, [u, ...]), ...])`` chunks giving each node's predecessor order, and ``("end",
    nodes, edges)``."""

    def __init__(self, sink: Any, path: Path, graph: dict[str, Any]) -> None:
        self._sink, self._path = sink, path
        self._records = 0  # record nodes met since the last node listed here
        self._nodes: list[tuple[str, Any]] = []
        self._edges: list[tuple[str, str, str, dict[str, Any]]] = []
        self._dump((TAG, LAYOUT, graph))

    def _dump(self, value: Any) -> None:
        try:
            _DataPickler(self._sink, protocol=5).dump(value)
        except (TypeError, pickle.PicklingError, RecursionError) as exc:
            raise OutputError(f"{self._path}: the graph holds a value that cannot be saved "
                              f"(only text, numbers, lists and mappings can): {exc}"
                              ) from None

    def record(self) -> None:
        """The next node is the next row of the ``records`` table (staged by the caller
        with :meth:`SavedWriter.stage_record`, whose JSON gives back its attributes
        exactly: the attributes of a record built by :mod:`kg.graph.build` are JSON
        data)."""
        if self._nodes:
            self._dump(("n", self._nodes))
            self._nodes.clear()
        self._records += 1

    def _flush_records(self) -> None:
        if self._records:
            self._dump(("r", self._records))
            self._records = 0

    def node(self, n: str, attrs: Any) -> None:
        if self._records:
            self._flush_records()
        self._nodes.append((n, attrs))
        if len(self._nodes) >= _NODES_PER_CHUNK:
            self._dump(("n", self._nodes))
            self._nodes.clear()

    def edge_list(self) -> list[tuple[str, str, str, dict[str, Any]]]:
        """The list to append the edges ``(u, v, key, attrs)`` to, in order, calling
        :meth:`tick` before the first and now and then (millions: no call per edge)."""
        return self._edges

    def tick(self) -> None:
        """Store the nodes still held, and the edges held once they fill a chunk."""
        self._flush_records()
        if self._nodes:
            self._dump(("n", self._nodes))
            self._nodes.clear()
        if len(self._edges) >= _EDGES_PER_CHUNK:
            self._dump(("e", self._edges))
            self._edges.clear()

    def finish(self, nodes: int, edges: int,
               pred: Iterable[tuple[str, list[str]]] = ()) -> None:
        self._flush_records()
        for tag, items in (("n", self._nodes), ("e", self._edges)):
            if items:
                self._dump((tag, items))
        batch: list[tuple[str, list[str]]] = []
        for item in pred:
            batch.append(item)
            if len(batch) >= _NODES_PER_CHUNK:
                self._dump(("p", batch))
                batch = []
        if batch:
            self._dump(("p", batch))
        self._dump(("end", nodes, edges))


def pack_names(w: SavedWriter, state: Any, target: Path, level: int) -> None:
    """Store ``state`` (plain data: the name-search index) as the ``names`` payload."""
    sink = w.payload("names", level)
    try:
        _DataPickler(sink, protocol=5).dump(state)
    except (TypeError, pickle.PicklingError, RecursionError) as exc:
        raise OutputError(f"{target}: the name index holds a value that cannot be saved: "
                          f"{exc}") from None


class _DataPickler(pickle.Pickler):
    """Pickles plain data only: anything that would need a class or function to rebuild
    (reducer_override sees every object but the built-in containers and scalars) is
    refused."""

    def reducer_override(self, obj: Any) -> Any:
        raise TypeError(f"a {type(obj).__module__}.{type(obj).__qualname__} value")


def write_saved(G: nx.MultiDiGraph | None, target: str | os.PathLike[str],
                payloads: Mapping[str, tuple[bytes, int]], meta: Mapping[str, Any]) -> Path:
    """Write a saved graph to ``target``, atomically (a temporary file in the same folder,
    renamed when complete and sealed: :class:`kg.graph.writer.SavedWriter`). ``payloads``:
    part name -> (compressed bytes, uncompressed length); ``meta``: extra header values
    (JSON-able); ``G``: the graph whose query index is written (None: no index, so cold
    queries load the graph). Raises :class:`~kg.errors.OutputError` when it cannot be
    written."""
    with SavedWriter(target) as w:
        for part, (packed, raw_len) in payloads.items():
            w.put_payload(part, packed, raw_len)
        return w.finish(_rows(G) if G is not None else None, meta)
