"""The saved graph's file (``.kgz``): one SQLite database holding the whole graph, its
query index and its name-search index.

``kg build -o graph.kgz`` writes it (:func:`kg.graph.store.build_saved`, through
:class:`kg.graph.writer.SavedWriter`). A cold
``kg query who-sanctioned X -d graph.kgz`` opens it and reads only the rows its answer
needs (:mod:`kg.query.cold`); ``kg search`` and name resolution read the stored
name-search index instead of rebuilding it; every other command loads the graph from the
``graph`` payload. Tables (standard library :mod:`sqlite3`, no new dependency)::

    meta(key, value)                 format, version, graph_version, counts, the payloads'
                                     lengths and SHA-256, content_sha256, seal
    payload(part, n, chunk)          zlib-compressed plain-data pickles, in chunks:
                                     "graph" (kg.graph.writer.GraphChunks: nodes, then
                                     edges in the order added) and "names"
                                     (kg.resolve.match.NameIndex.state)
    actors(id, label, kind, country) every actor node
    names(key, id)                   the resolver's normalised names -> actor ids
    belongs(parent, n, child, how)   Index.belonging_to, in its order
    members(bloc, n, member)         Index.members;   blocs(member, n, bloc): Index.blocs_of
    records(node, type, date, status, data, crc)  sanction and statement nodes, their
                                     attributes as JSON (rows in the order built, indexed
                                     by node, and sanctions by date and by status)
    edges(u, key, v)                 IMPOSED, TARGETS, BECAUSE_OF, MADE and ABOUT edges
    name_*, lifts, no_start          the name-search index as tables, read a query's words
                                     at a time (kg.query.cold_names), and what --as-of
                                     needs beyond the above (kg.graph.sqlcold)

with indexes on record ids, edge ends, names and sanction dates, and SQLite's
``application_id`` set to :data:`APPLICATION_ID`.

What is checked, and when (:func:`open_saved`, a few hundred bytes, on every open):

* the file is an SQLite database with our application id, in rollback-journal mode;
  a file of the old two-file form (format 1: ``graph.kgz`` beside ``graph.kgz.sqlite``)
  is refused with a message saying to rebuild;
* ``meta`` says this format, format version and graph schema version;
* the **seal**: SQLite's file change counter and the file's length, recorded by the last
  write of the build. Any change made through SQLite afterwards (an UPDATE, a VACUUM, a
  switch to WAL) moves the counter, and a truncated or extended file changes the length,
  so such a file is refused before a row is read.

On every read: each ``records`` row read carries a CRC-32 of its node id and JSON, checked
(:func:`record_data`), so a damaged record is never answered from; SQLite's own page checks
refuse damaged b-trees. Loading the whole graph (or the name index) checks that payload's
SHA-256 and length. :func:`verify_saved` recomputes everything (every payload's SHA-256 and
``content_sha256``: a SHA-256 over each index table's SHA-256, each the compact JSON of the
table's rows in key order, :func:`table_digest`; a ``records`` row stands there as its node,
type, date, status and CRC-32, which covers its JSON): a full read, which cold queries skip. The
checksums catch damage and edits, not forgery: anyone can recompute them; only the data
files a graph was built from are the record.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import struct
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg._perf import dumps
from kg.errors import OutputError, SavedGraphError
from kg.graph.schema import GRAPH_VERSION
from kg.graph.sqlcold import COLD_INDEXES, COLD_SCHEMA, COLD_TABLES, COLD_WIDTH, cold_rows

if TYPE_CHECKING:  # not imported by readers of the index (kg.query.cold): they stay light
    import networkx as nx

__all__ = ["APPLICATION_ID", "FORMAT", "FORMAT_VERSION", "OLD_MAGIC", "TABLES",
           "content_digest", "feed", "open_saved", "packed_payload", "raw_length_differs",
           "read_payload", "record_bytes", "record_data", "seal",
           "table_digest", "table_rows", "verify_saved"]

FORMAT = "sanctions-kg saved graph"
FORMAT_VERSION = 5
"""Bumped whenever a table or payload changes; other versions are refused (rebuild). 5:
``records`` in the order built with an index on node, and a status column (indexed for
sanctions), ``content_sha256`` over per-table
SHA-256s of compact JSON rows (4 and before: ``repr`` of every row, ``records`` keyed by
node); 4: the graph payload is a sequence of node and edge chunks (3 and before: one
pickle of networkx's dicts); 3: the name-search, lifts and no_start tables."""
APPLICATION_ID = 0x4B475A32  # "KGZ2", in the SQLite header (offset 68)
OLD_MAGIC = b"\x89KGZ\r\n\x1a\n"  # format 1: a pickle file, its index in FILE.kgz.sqlite
_SQLITE = b"SQLite format 3\x00"
_CHUNK = 1 << 24
_EDGE_KEYS = frozenset({"IMPOSED", "TARGETS", "BECAUSE_OF", "MADE", "ABOUT"})
_RECORD_TYPES = frozenset({"sanction", "statement"})

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE payload (part TEXT, n INTEGER, chunk BLOB, PRIMARY KEY (part, n));
CREATE TABLE actors (id TEXT PRIMARY KEY, label TEXT, kind TEXT, country TEXT) WITHOUT ROWID;
CREATE TABLE names (key TEXT, id TEXT, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE TABLE belongs (parent TEXT, n INTEGER, child TEXT, how TEXT,
                      PRIMARY KEY (parent, n)) WITHOUT ROWID;
CREATE TABLE members (bloc TEXT, n INTEGER, member TEXT, PRIMARY KEY (bloc, n)) WITHOUT ROWID;
CREATE TABLE blocs (member TEXT, n INTEGER, bloc TEXT, PRIMARY KEY (member, n)) WITHOUT ROWID;
CREATE TABLE records (node TEXT, type TEXT, date TEXT, status TEXT, data TEXT,
                      crc INTEGER);
CREATE TABLE edges (u TEXT, key TEXT, v TEXT, PRIMARY KEY (u, key, v)) WITHOUT ROWID;
""" + COLD_SCHEMA
_INDEXES = """
CREATE UNIQUE INDEX records_node ON records (node, type, date, status, crc);
CREATE INDEX edges_in ON edges (v, key, u);
CREATE INDEX sanction_dates ON records (date, node) WHERE type = 'sanction';
CREATE INDEX sanction_status ON records (status, node) WHERE type = 'sanction';
""" + COLD_INDEXES
#: Index table -> its key columns, the order :func:`table_rows` and the checksum read rows in.
TABLES: dict[str, str] = {
    "actors": "id", "names": "key, id", "belongs": "parent, n", "members": "bloc, n",
    "blocs": "member, n", "records": "node", "edges": "u, key, v", **COLD_TABLES}
#: The columns a table's checksum reads (all but a ``records`` row's JSON, which its CRC-32
#: covers): what :func:`table_digest` hashes.
_HASHED = {"records": "node, type, date, status, crc"}
_HASH_BATCH = 4096
_WIDTH = {"actors": 4, "names": 2, "belongs": 4, "members": 3, "blocs": 3, "records": 6,
          "edges": 3, **COLD_WIDTH}


def _crc(node: str, data: str) -> int:
    return zlib.crc32(f"{node}\0{data}".encode())


def record_data(path: str | os.PathLike[str], node: str, data: str, crc: int) -> str:
    """``data``, the JSON of the ``records`` row of ``node``, once its CRC-32 is checked;
    raises :class:`~kg.errors.SavedGraphError` when the row is damaged."""
    if _crc(node, data) != crc:
        raise SavedGraphError(f"{path}: saved graph is damaged (record {node} does not "
                              "match its checksum); rebuild it with `kg build`")
    return data


def record_bytes(path: str | os.PathLike[str], node: str, data: bytes, crc: int) -> bytes:
    """:func:`record_data` for the row's JSON read as UTF-8 bytes (``CAST(data AS
    BLOB)``: the bytes the CRC-32 covers, neither decoded nor encoded again)."""
    if zlib.crc32(data, zlib.crc32(f"{node}\0".encode())) != crc:
        raise SavedGraphError(f"{path}: saved graph is damaged (record {node} does not "
                              "match its checksum); rebuild it with `kg build`")
    return data


def _rows(G: nx.MultiDiGraph) -> dict[str, Iterable[tuple[Any, ...]]]:
    """Each table's rows in key order (the key leads each row and is unique, so tuple
    order is key order; Python's string order is SQLite's BINARY order on UTF-8)."""
    from kg.graph._nx import storage
    from kg.graph.index import index_of

    idx = index_of(G)
    nodes, succ, _ = storage(G)
    resolver_index = idx.name_keys  # what Resolver.candidates looks names up in
    belongs = {p: idx.belonging_to(p) for p in idx._belongs}

    order = sorted(nodes)  # the node ids themselves: a million references, not copies

    # The two big tables are generated in key order, a node at a time, so writing a
    # million-event index holds no second copy of the graph.
    def edges() -> Iterator[tuple[str, str, str]]:
        for u in order:
            yield from sorted((u, k, v) for v, keys in succ[u].items() for k in keys
                              if k in _EDGE_KEYS)

    def records() -> Iterator[tuple[str, str, str | None, str | None, str, int]]:
        for n in order:
            d = nodes[n]
            if d.get("type") in _RECORD_TYPES:
                data = dumps(d).decode()
                yield (n, d["type"], d.get("date"), d.get("status"), data, _crc(n, data))

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
        **cold_rows(order, nodes, succ, idx.names.state()),
    }


def feed(h: Any, batch: list[tuple[Any, ...]]) -> None:
    """Feed a batch of rows (in key order) to the hash ``h`` of their table: each row's
    compact JSON (``kg._perf.dumps``: orjson, or the standard library's, which write the
    same bytes for text, integers and null) followed by a comma, so the hash does not
    depend on how the rows were batched."""
    if batch:
        h.update(dumps(batch)[1:-1])
        h.update(b",")


def table_digest(con: sqlite3.Connection, table: str) -> tuple[str, int]:
    """The SHA-256 of ``table`` (one of :data:`TABLES`): its rows in key order, fed by
    :func:`feed` (a ``records`` row as its node, type, date, status and CRC-32), and its row
    count."""
    h, n = hashlib.sha256(), 0
    cur = con.execute(f"SELECT {_HASHED.get(table, '*')} FROM {table} "
                      f"ORDER BY {TABLES[table]}")
    while batch := cur.fetchmany(_HASH_BATCH):
        feed(h, batch)
        n += len(batch)
    return h.hexdigest(), n


def content_digest(digests: dict[str, str]) -> str:
    """``content_sha256``: the SHA-256 of every index table's :func:`table_digest`, in the
    order of :data:`TABLES`."""
    h = hashlib.sha256()
    for table in TABLES:
        h.update(f"{table}\0{digests[table]}\n".encode())
    return h.hexdigest()


def _checksum(con: sqlite3.Connection) -> str:
    return content_digest({table: table_digest(con, table)[0] for table in TABLES})


def table_rows(con: sqlite3.Connection, table: str) -> Iterator[tuple[Any, ...]]:
    """Every row of ``table`` (one of :data:`TABLES`) in key order."""
    return iter(con.execute(f"SELECT * FROM {table} ORDER BY {TABLES[table]}"))


def _counter(path: Path) -> tuple[int, int, bytes]:
    """(SQLite's file change counter, the file's length, the 100-byte header)."""
    with path.open("rb") as fh:
        head = fh.read(100)
        size = os.fstat(fh.fileno()).st_size
    return (struct.unpack(">I", head[24:28])[0] if len(head) == 100 else -1), size, head


def seal(path: str | os.PathLike[str]) -> str:
    """Record in the saved graph at ``path`` the change counter and length its last write
    leaves (``meta.seal``, checked on every open), and return it. Only :func:`write_saved`
    calls this on a new file; sealing again a file that was changed makes it pass the open
    checks (not :func:`verify_saved`), so it is for writers and tests."""
    path = Path(path)
    for _ in range(5):
        count, size, _ = _counter(path)
        value = f"{count + 1} {size}"
        con = sqlite3.connect(path, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("UPDATE meta SET value = ? WHERE key = 'seal'", (value.ljust(40),))
        finally:
            con.close()
        if _seal_of(path) == value:
            return value
    raise OutputError(f"{path}: cannot seal the saved graph")  # pragma: no cover


def _seal_of(path: Path) -> str:
    count, size, _ = _counter(path)
    return f"{count} {size}"


def _refuse(path: Path, why: str) -> SavedGraphError:
    return SavedGraphError(f"{path}: {why}")


def open_saved(path: str | os.PathLike[str]) -> tuple[sqlite3.Connection, dict[str, Any]]:
    """Open a saved graph read-only after the checks of the module docstring (magic,
    application id, versions, seal). Returns the connection and the ``meta`` table (values
    decoded); raises :class:`~kg.errors.SavedGraphError` saying what to do otherwise."""
    from kg._perf import loads

    p = Path(path)
    try:
        count, size, head = _counter(p)
    except OSError as exc:
        raise _refuse(p, f"cannot read: {exc.strerror or exc}") from None
    if head.startswith(OLD_MAGIC):
        raise _refuse(p, f"a saved graph of the old two-file form (format 1, its index in "
                      f"{p.name}.sqlite); this sanctions-kg reads format {FORMAT_VERSION}, "
                      "one file: rebuild it with `kg build -d DATA -o graph.kgz`")
    if not head.startswith(_SQLITE) or len(head) < 100 \
            or struct.unpack(">I", head[68:72])[0] != APPLICATION_ID:
        raise _refuse(p, "not a saved sanctions-kg graph (.kgz); "
                      "make one with `kg build -d DATA -o graph.kgz`")
    try:
        con = sqlite3.connect(f"file:{p}?mode=ro&immutable=1", uri=True,
                              check_same_thread=False)
        meta = {k: v.strip() if k == "seal" else loads(v)  # the seal is plain text
                for k, v in con.execute("SELECT key, value FROM meta")}
    except (sqlite3.Error, ValueError) as exc:
        raise _refuse(p, f"saved graph is damaged ({exc}); rebuild it with `kg build`"
                      ) from None
    try:
        _check(p, meta, f"{count} {size}", head)
    except SavedGraphError:
        con.close()
        raise
    return con, meta


def _check(p: Path, meta: dict[str, Any], seal: str, head: bytes) -> None:
    if meta.get("format") != FORMAT:
        raise _refuse(p, "saved graph header is damaged")
    version = meta.get("version")
    if version != FORMAT_VERSION:
        raise _refuse(p, f"saved graph is format version {version!r}; this sanctions-kg "
                      f"reads version {FORMAT_VERSION}. Rebuild it from the data with "
                      "`kg build -d DATA -o graph.kgz`")
    if meta.get("graph_version") != GRAPH_VERSION:
        raise _refuse(p, f"saved graph holds graph schema v{meta.get('graph_version')!r}; "
                      f"this sanctions-kg uses v{GRAPH_VERSION}. Rebuild it with `kg build`")
    if head[18:20] != b"\x01\x01" or meta.get("seal") != seal:
        raise _refuse(p, "saved graph was changed or damaged after it was built (its "
                      "seal does not match); rebuild it with `kg build`")


def read_payload(con: sqlite3.Connection, meta: dict[str, Any], part: str,
                 path: str | os.PathLike[str]) -> bytes:
    """The uncompressed ``part`` payload, its length and SHA-256 checked against ``meta``.
    Raises :class:`~kg.errors.SavedGraphError` when it is missing or damaged."""
    p = Path(path)
    packed = packed_payload(con, meta, part, p)
    try:
        raw = zlib.decompress(packed)
    except zlib.error as exc:
        raise _refuse(p, f"saved graph is damaged ({exc}); rebuild it with `kg build`"
                      ) from None
    if len(raw) != meta.get(f"{part}_raw"):
        raise raw_length_differs(p)
    return raw


def raw_length_differs(path: Path) -> SavedGraphError:
    """The refusal of a payload whose uncompressed length is not the header's."""
    return _refuse(path, "saved graph is damaged (length differs from the header); "
                   "rebuild it with `kg build`")


def packed_payload(con: sqlite3.Connection, meta: dict[str, Any], part: str,
                   path: str | os.PathLike[str]) -> bytes:
    """The ``part`` payload as stored (compressed), its length and SHA-256 checked against
    ``meta`` (:func:`read_payload` without the inflating, for a reader that inflates it a
    piece at a time and checks the uncompressed length at the end). Raises
    :class:`~kg.errors.SavedGraphError` when it is missing or damaged."""
    p = Path(path)
    try:
        packed = b"".join(c for (c,) in con.execute(
            "SELECT chunk FROM payload WHERE part = ? ORDER BY n", (part,)))
    except sqlite3.Error as exc:
        raise _refuse(p, f"saved graph is damaged ({exc}); rebuild it with `kg build`"
                      ) from None
    if f"{part}_sha256" not in meta:
        raise _refuse(p, f"saved graph has no {part} payload; rebuild it with `kg build`")
    if len(packed) != meta.get(f"{part}_bytes"):
        raise _refuse(p, f"saved graph is truncated or damaged ({len(packed)} of "
                      f"{meta.get(f'{part}_bytes')} bytes of {part}); rebuild it with "
                      "`kg build`")
    if hashlib.sha256(packed).hexdigest() != meta.get(f"{part}_sha256"):
        raise _refuse(p, "saved graph is damaged (checksum mismatch); rebuild it with "
                      "`kg build`")
    return packed


def verify_saved(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Check a saved graph completely: the open-time checks, every payload's SHA-256 and
    length, and the index tables' ``content_sha256`` (reads every row). Returns the
    ``meta`` table; raises :class:`~kg.errors.SavedGraphError` at the first mismatch."""
    p = Path(path)
    con, meta = open_saved(p)
    try:
        for key in meta:
            if key.endswith("_sha256") and key != "content_sha256":
                read_payload(con, meta, key.removesuffix("_sha256"), p)
        if "content_sha256" in meta and _checksum(con) != meta["content_sha256"]:
            raise _refuse(p, "saved graph's index is damaged (checksum mismatch); "
                          "rebuild it with `kg build`")
        return meta
    except sqlite3.Error as exc:
        raise _refuse(p, f"saved graph is damaged ({exc}); rebuild it with `kg build`"
                      ) from None
    finally:
        con.close()
