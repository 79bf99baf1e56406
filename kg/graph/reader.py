"""Reading a saved graph's ``graph`` and ``names`` payloads (:mod:`kg.graph.store` says
what is read when): plain-data pickles only, every global refused, and the graph rebuilt
part by part with each part's shape checked (:func:`_graph_from`), its record nodes'
attributes taken from the ``records`` table's JSON (each row's CRC-32 checked).
"""

from __future__ import annotations

import io
import pickle
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn

from kg.errors import SavedGraphError

if TYPE_CHECKING:
    import networkx as nx

__all__: list[str] = []  # used by kg.graph.store only


def _unpickled(p: Path, raw: bytes) -> Any:
    try:
        return _DataUnpickler(io.BytesIO(raw)).load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError, IndexError,
            AttributeError, RecursionError, MemoryError) as exc:
        raise SavedGraphError(f"{p}: saved graph is damaged ({type(exc).__name__}: "
                              f"{exc}); rebuild it with `kg build`") from None


class _DataUnpickler(pickle.Unpickler):
    """Unpickles plain data only: every global (class, function) is refused, so nothing
    can be imported or called."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refers to {module}.{name}, which a saved graph "
                                     "never holds")

    def persistent_load(self, pid: Any) -> Any:
        raise pickle.UnpicklingError("holds a persistent reference")


class _Inflating(io.RawIOBase):
    """A compressed payload read uncompressed a piece at a time (the whole of it, about
    200 MB for a million events, is never held): ``count`` is the number of bytes given
    out; a zlib error is refused as :func:`kg.graph.sqlstore.read_payload` refuses it."""

    _STEP = 1 << 18

    def __init__(self, packed: bytes, path: Path) -> None:
        super().__init__()
        self._z = zlib.decompressobj()
        self._in, self._at, self._path = memoryview(packed), 0, path
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        out = memoryview(buffer).cast("B")
        while True:
            data: bytes | memoryview
            if self._z.unconsumed_tail:
                data = self._z.unconsumed_tail
            elif self._at < len(self._in) and not self._z.eof:
                data = self._in[self._at:self._at + self._STEP]
                self._at += self._STEP
            else:
                if not self._z.eof:
                    self._refuse("incomplete or truncated stream")
                return 0
            try:
                got = self._z.decompress(data, len(out))
            except zlib.error as exc:
                self._refuse(str(exc))
            if got:
                out[:len(got)] = got
                self.count += len(got)
                return len(got)

    def _refuse(self, why: str) -> NoReturn:
        raise SavedGraphError(f"{self._path}: saved graph is damaged ({why}); rebuild it "
                              "with `kg build`") from None


def inflating(packed: bytes, path: Path) -> tuple[BinaryIO, _Inflating]:
    """``packed`` (a zlib stream, its SHA-256 already checked) as a file of its
    uncompressed bytes, inflated as it is read, and the stream under it (its ``count``:
    how many bytes were inflated)."""
    raw = _Inflating(packed, path)
    return io.BufferedReader(raw, 1 << 16), raw


class _Damaged(Exception):
    """A payload that does not unpickle (its message says why)."""


def _load_one(fh: BinaryIO) -> Any:
    try:
        return _DataUnpickler(fh).load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError, IndexError,
            AttributeError, RecursionError, MemoryError) as exc:
        raise _Damaged(f"{type(exc).__name__}: {exc}") from None


#: Record attributes whose values repeat across records (a kind, a status, a day, an actor
#: id): read from JSON, each value is shared by the records that hold it, as in the graph
#: that was built.
_SHARED_ONE = frozenset({"type", "status", "date", "stance", "effective_date", "end_date",
                         "program", "legal_basis"})
_SHARED_MANY = frozenset({"imposers", "measures", "reasons"})


class _Records:
    """The rows of a saved graph's ``records`` table in the order inserted, handed out as
    (node, attributes) as the graph payload's ``("r", count)`` parts ask for them, each
    row's CRC-32 checked."""

    def __init__(self, con: Any, path: Path) -> None:
        self._con, self._path = con, path
        self._cur: Any = None
        self._memo: dict[str, str] = {}
        self.used = False

    def take(self, count: int) -> list[tuple[str, Any]]:
        from kg._perf import loads
        from kg.graph.sqlstore import record_bytes

        if self._cur is None:
            self._cur = self._con.execute(
                "SELECT node, CAST(data AS BLOB), crc FROM records ORDER BY rowid")
        self.used = True
        rows = self._cur.fetchmany(count)
        if len(rows) != count:
            raise ValueError("the graph lists more records than the records table holds")
        path, out = self._path, []
        one, many, share = _SHARED_ONE, _SHARED_MANY, self._memo.setdefault
        for n, data, crc in rows:
            d = loads(record_bytes(path, n, data, crc))
            if type(d) is dict:  # values that repeat across records, held once; and the
                # dict made afresh: orjson's are presized with a general key table, these
                # take one of text keys, about 170 bytes less a record
                d = {k: share(v, v) if k in one and type(v) is str
                     else [share(x, x) if type(x) is str else x for x in v]
                     if k in many and type(v) is list else v for k, v in d.items()}
            out.append((n, d))
        return out

    def left(self) -> bool:
        """Whether rows are left after those taken (when any were)."""
        return self.used and self._cur is not None and self._cur.fetchone() is not None


def _graph_from(fh: BinaryIO, records: _Records, *, share: bool = False
                ) -> nx.MultiDiGraph:
    """The graph of a ``graph`` payload (the layout of
    :class:`kg.graph.writer.GraphChunks`; ``records``: the rows its ``"r"`` parts name),
    every part's shape checked: a node's attributes are a mapping, an edge joins two nodes
    listed before it, the counts at the end match, every record row is used.

    ``share=True``: edges of one key whose attributes are only their type, or their type
    and empty values (a citation without a quote, a reason without a detail), share one
    attribute dict: most of a million-event graph's edges, about 180 bytes each (see
    :func:`kg.graph.store.read_graph`). A repeated edge's merge makes a new dict either way."""
    import networkx as nx

    from kg.graph._nx import clear_cache, node_adder, storage
    from kg.graph.writer import LAYOUT, TAG

    head = _load_one(fh)
    if type(head) is not tuple or len(head) != 3 or head[:2] != (TAG, LAYOUT) \
            or type(head[2]) is not dict:
        raise TypeError("not a graph payload of this version")
    G = nx.MultiDiGraph()
    G.graph.update(head[2])
    add_node = node_adder(G)
    _, succ, pred = storage(G)
    canon: dict[str, str] = {}  # each node id once, however many chunks name it
    plains: dict[str, dict[str, Any]] = {}  # edge key -> the shared attributes of its
    plain = plains.get  # plain edges
    edges = 0
    while True:
        part = _load_one(fh)
        if type(part) is not tuple or not part:
            raise TypeError("a part of the graph is not a tuple")
        tag = part[0]
        if tag == "end":
            if part[1:] != (len(canon), edges) or fh.read(1) or records.left():
                raise ValueError("node or edge count differs from the header")
            break
        if tag == "r" and len(part) == 2 and type(part[1]) is int and part[1] > 0:
            for start in range(0, part[1], 4096):  # a few MB of JSON at a time
                for n, d in records.take(min(4096, part[1] - start)):
                    if type(d) is not dict or n in canon:
                        raise TypeError("a record is not an id with its attributes")
                    canon[n] = n
                    add_node(n, d)
            continue
        if len(part) != 2 or type(part[1]) is not list:
            raise TypeError(f"a {tag!r} part is not a list")
        if tag == "n":
            for n, d in part[1]:
                if type(n) is not str or type(d) is not dict or n in canon:
                    raise TypeError("a node is not an id with its attributes")
                canon[n] = n
                add_node(n, d)
        elif tag == "e":
            for u, v, k, d in part[1]:  # edge_adder's work, inlined: millions of edges
                if type(d) is not dict or type(k) is not str:
                    raise TypeError("an edge's attributes are not a mapping")
                if share:  # {"type": k}, or {"quote": None, "type": k}: one dict
                    s = plain(k)
                    if s is None:
                        if d.get("type") == k and all(x is None for a, x in d.items()
                                                      if a != "type"):
                            plains[k] = d
                    elif d == s and (len(d) == 1 or next(iter(d)) == next(iter(s))):
                        d = s  # (the same keys in the same order)
                u, v = canon[u], canon[v]  # KeyError: an edge to a node not listed
                su = succ[u]
                keys = su.get(v)
                if keys is None:
                    su[v] = pred[v][u] = {k: d}
                    edges += 1
                elif k not in keys:
                    keys[k] = d
                    edges += 1
                else:  # a repeated edge: merged as kg.graph._nx.edge_adder merges it,
                    old = keys[k]  # into a new dict (the one held may be shared)
                    if d.get("quote") and not old.get("quote"):
                        keys[k] = {**old, "quote": d["quote"]}
        elif tag == "p":
            for v, us in part[1]:
                have = pred[canon[v]]
                order = {canon[u]: have[u] for u in us}
                if len(order) != len(have):
                    raise ValueError("predecessors and successors disagree")
                pred[canon[v]] = order
        else:
            raise ValueError(f"unknown part {tag!r}")
    clear_cache(G)
    return G
