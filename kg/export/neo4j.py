"""Neo4j bulk import: a folder of ``neo4j-admin database import`` CSV files.

``write_neo4j(G, "out/")`` writes, atomically (the folder appears whole or not at all):

* one node file per node type, each its own id space: ``actors.csv`` (``id:ID(Actor)``,
  ``:LABEL`` = ``Actor`` plus the kind, e.g. ``Actor;State``), ``sanctions.csv``,
  ``statements.csv``, ``reasons.csv``, ``sources.csv``;
* one relationship file per edge type and pair of id spaces, e.g.
  ``rel_IMPOSED_Actor_Sanction.csv`` with ``:START_ID(Actor)``, ``:END_ID(Sanction)``,
  ``:TYPE`` (and ``detail`` on BECAUSE_OF, ``quote`` on CITES);
* ownership, directorship, family and associate records (the graph's relationship nodes)
  as direct relationships between their two actors, one per record, in
  ``rel_<TYPE>_Actor_Actor.csv``: ``(a)-[:OWNS {share, start_date, end_date, sources}]->(b)``,
  ``[:DIRECTS {role}]``, ``[:FAMILY {relationship}]``, ``[:ASSOCIATE {relationship}]``, each
  also with ``id`` (the record id) and the dates and sources;
* ``import.sh``: the exact ``neo4j-admin database import full`` command for these files;
* ``queries.cypher``: the Cypher equivalent of every ``kg query`` (see :mod:`kg.export.cypher`).

Columns are typed for the importer: ``count:int``, ``day:int``, ``confidence:float``,
``draft:boolean``, lists as ``string[]`` (``aliases:string[]``, ``imposers:string[]``...).
Ids are the record ids (``us``, ``xinjiang-2021-western``), unique within their id space.
Dates stay ISO strings, because partial dates (``2021-03``) are not Neo4j dates; they sort
correctly as text, and ``day:int`` (days since 1970-01-01, for full dates only) makes date
arithmetic portable. Mappings (``identifiers``) are JSON text.

Quoting is RFC 4180 (fields with ``,``, ``"`` or line breaks are quoted, quotes doubled), so
names with quotes, commas, backslashes, newlines or a leading ``=+-@`` go through unchanged;
neo4j-admin reads them with ``--multiline-fields=true`` (set in ``import.sh``). The importer
cannot escape the array delimiter inside an element, so it is ``;`` (neo4j-admin's default)
unless some list element contains ``;``, in which case the whole export uses U+001F (the
ASCII unit separator, which text never holds) and ``import.sh`` says so. An empty field is
a missing value. Nothing is altered to defuse spreadsheet formulas: these files are for
neo4j-admin, not for a spreadsheet.

neo4j-admin reads through a buffer that must hold the longest single value (4 MiB by
default); when a field comes near that (a 3 MiB description), ``import.sh`` passes
``--read-buffer-size`` with twice the longest field, rounded up to a power of two, so the
import never fails on a long text that kg kept whole.
"""

from __future__ import annotations

import csv
import json
import os
import shlex
import types
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, get_args, get_origin

import networkx as nx

from kg.export.cypher import QUERIES
from kg.graph.schema import (
    EDGE_ATTRIBUTES,
    NodeType,
    attribute_types,
    record_id,
    require_kg_graph,
)
from kg.model.dates import days_between
from kg.model.vocab import ActorKind
from kg.readwrite.atomic import atomic_dir

__all__ = ["LINK_TYPES", "NODE_COLUMNS", "NODE_FILES", "SPACES", "write_neo4j"]

#: Node type -> id space (also the main label): ``actor`` -> ``Actor``.
SPACES: dict[str, str] = {str(t): t.title() for t in NodeType
                           if t is not NodeType.RELATIONSHIP}
NODE_FILES: dict[str, str] = {str(t): f"{t}s.csv" for t in NodeType
                              if t is not NodeType.RELATIONSHIP}
#: Relationship kind -> (Neo4j relationship type, name of the ``role`` column).
LINK_TYPES: dict[str, tuple[str, str]] = {
    "ownership": ("OWNS", "role"), "directorship": ("DIRECTS", "role"),
    "family": ("FAMILY", "relationship"), "associate": ("ASSOCIATE", "relationship")}
_LINK_HEADER = ["id", "share:float", "{role}", "start_date", "end_date", "sources:string[]"]
#: Node attributes not written as columns: each is one value per BECAUSE_OF or CITES edge,
#: and is written there (``detail``, ``quote``).
_ON_EDGES = frozenset({"reason_details", "quotes"})
_TYPED = {int: "int", float: "float", bool: "boolean"}


def _header(attr: str, tp: Any) -> str:
    """``aliases:string[]``, ``count:int``... for an attribute of type ``tp``."""
    options = get_args(tp) if isinstance(tp, types.UnionType) else (tp,)
    if any(get_origin(o) is list for o in options):
        return f"{attr}:string[]"
    suffix = next((_TYPED[o] for o in options if o in _TYPED), None)
    return f"{attr}:{suffix}" if suffix else attr  # strings, and mappings as JSON text


def _node_columns(kind: NodeType) -> list[tuple[str, str]]:
    cols = []
    for attr, tp in attribute_types(kind).items():
        if attr == "type" or attr in _ON_EDGES:
            continue
        cols.append((attr, "name" if (kind, attr) == (NodeType.ACTOR, "label")
                     else _header(attr, tp)))
        if attr == "date":  # days since 1970-01-01, for full dates
            cols.append(("day", "day:int"))
    if kind == NodeType.ACTOR:  # the state or bloc it stands for (coalitions)
        cols.append(("polity", "polity"))
    return cols


#: Node type -> (graph attribute, CSV column header) after the id and label columns: the
#: attributes of :mod:`kg.graph.schema` in order, plus ``day`` and ``polity``.
NODE_COLUMNS: dict[str, list[tuple[str, str]]] = {str(t): _node_columns(t) for t in NodeType}
#: Edge attributes kept on relationships, by edge type.
EDGE_COLUMNS: dict[str, str] = {str(t): attrs[0] for t, attrs in EDGE_ATTRIBUTES.items()
                                if attrs}
_KIND_LABELS = {str(k): k.title().replace("_", "") for k in ActorKind}
_LIST_COLUMNS = {a for cols in NODE_COLUMNS.values() for a, h in cols if h.endswith("[]")}
_EPOCH = "1970-01-01"
UNIT_SEPARATOR = "\x1f"
#: neo4j-admin's default ``--read-buffer-size`` (bytes).
DEFAULT_READ_BUFFER = 4 << 20


def read_buffer_size(longest: int) -> int | None:
    """The ``--read-buffer-size`` neo4j-admin needs for a longest field of ``longest``
    bytes, or None when its default does (half the buffer is kept as headroom).

    >>> read_buffer_size(1000), read_buffer_size(3 << 20)
    (None, 8388608)
    """
    if 2 * longest <= DEFAULT_READ_BUFFER:
        return None
    return 1 << (2 * longest - 1).bit_length()


class _Longest:
    """The longest field written so far, in UTF-8 bytes."""

    def __init__(self) -> None:
        self.bytes = 0

    def see(self, row: list[Any]) -> list[Any]:
        for c in row:
            if isinstance(c, str) and 4 * len(c) > self.bytes:
                self.bytes = max(self.bytes, len(c.encode("utf-8", "surrogatepass")))
        return row


def _array_delimiter(G: nx.MultiDiGraph) -> str:
    for _, d in G.nodes(data=True):
        for a in _LIST_COLUMNS:
            v = d.get(a)
            if v and any(";" in str(x) for x in v):
                return UNIT_SEPARATOR
    return ";"


def _cell(value: Any, delim: str) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | set):
        return delim.join("" if x is None else str(x) for x in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    return value


def _writer(fh: IO[str]) -> Any:
    return csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)


def write_neo4j(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the neo4j-admin import folder for ``G`` (see the module docstring)."""
    from kg.graph.index import index_of

    require_kg_graph(G)
    delim = _array_delimiter(G)
    idx = index_of(G)
    longest = _Longest()
    with atomic_dir(path) as tmp:
        space_of: dict[str, str] = {}
        handles: list[IO[str]] = []
        try:
            writers = {}
            for kind, name in NODE_FILES.items():
                fh: IO[str] = (tmp / name).open("w", encoding="utf-8", newline="")
                handles.append(fh)
                w = _writer(fh)
                w.writerow([f"id:ID({SPACES[kind]})", ":LABEL",
                            *(h for _, h in NODE_COLUMNS[kind])])
                writers[kind] = w
            for n, d in G.nodes(data=True):
                kind = d.get("type")
                if kind not in SPACES:
                    continue
                rid = record_id(n)
                space_of[n] = SPACES[kind]
                labels = [SPACES[kind]]
                if kind == "actor" and d.get("kind") in _KIND_LABELS:
                    labels.append(_KIND_LABELS[d["kind"]])
                row = [rid, delim.join(labels)]
                for attr, _ in NODE_COLUMNS[kind]:
                    value: Any
                    if attr == "day":
                        value = days_between(_EPOCH, d.get("date"))
                    elif attr == "polity":  # the state or bloc it stands for (coalitions)
                        value = idx.polity(rid)
                    elif attr == "sources":  # distinct ids; each quote is on its CITES edge
                        value = list(dict.fromkeys(d.get("sources") or []))
                    else:
                        value = d.get(attr)
                    row.append(_cell(value, delim))
                writers[kind].writerow(longest.see(row))
            rel_files = _write_relationships(G, tmp, space_of, handles, longest)
            rel_files += _write_links(G, tmp, delim, handles, longest)
        finally:
            for fh in handles:
                fh.close()
        _write_import_script(tmp, rel_files, delim, read_buffer_size(longest.bytes))
        (tmp / "queries.cypher").write_text(QUERIES, encoding="utf-8")
    return Path(path)


def _write_relationships(G: nx.MultiDiGraph, tmp: Path, space_of: dict[str, str],
                         handles: list[IO[str]], longest: _Longest) -> list[str]:
    writers: dict[tuple[str, str, str], Any] = {}
    names: list[str] = []
    for u, v, key, d in G.edges(keys=True, data=True):
        su, sv = space_of.get(u), space_of.get(v)
        if su is None or sv is None:
            continue
        etype = str(d.get("type") or key)
        w = writers.get((etype, su, sv))
        if w is None:
            name = f"rel_{etype}_{su}_{sv}.csv"
            fh = (tmp / name).open("w", encoding="utf-8", newline="")
            handles.append(fh)
            w = writers[(etype, su, sv)] = _writer(fh)
            extra = [EDGE_COLUMNS[etype]] if etype in EDGE_COLUMNS else []
            w.writerow([f":START_ID({su})", f":END_ID({sv})", ":TYPE", *extra])
            names.append(name)
        row = [record_id(u), record_id(v), etype]
        if etype in EDGE_COLUMNS:
            row.append(_cell(d.get(EDGE_COLUMNS[etype]), ";"))
        w.writerow(longest.see(row))
    return sorted(names)


def _write_links(G: nx.MultiDiGraph, tmp: Path, delim: str, handles: list[IO[str]],
                 longest: _Longest) -> list[str]:
    """The relationship records as direct actor-to-actor relationships (one file a type)."""
    writers: dict[str, Any] = {}
    found = [(n, d) for n, d in G.nodes(data=True) if d.get("type") == "relationship"]
    for n, d in sorted(found, key=lambda nd: nd[0]):
        etype, role = LINK_TYPES[d["kind"]]
        w = writers.get(etype)
        if w is None:
            fh = (tmp / f"rel_{etype}_Actor_Actor.csv").open("w", encoding="utf-8", newline="")
            handles.append(fh)
            w = writers[etype] = _writer(fh)
            w.writerow([":START_ID(Actor)", ":END_ID(Actor)", ":TYPE",
                        *(h.format(role=role) for h in _LINK_HEADER)])
        w.writerow(longest.see([d["subject"], d["object"], etype, record_id(n),
                                _cell(d.get("share"), delim), _cell(d.get("role"), delim),
                                _cell(d.get("start_date"), delim),
                                _cell(d.get("end_date"), delim),
                                _cell(list(dict.fromkeys(d.get("sources") or [])), delim)]))
    return sorted(f"rel_{t}_Actor_Actor.csv" for t in writers)


def _write_import_script(tmp: Path, rel_files: Iterable[str], delim: str,
                         buffer: int | None = None) -> None:
    array = "';'" if delim == ";" else "U+001F"
    extra = [f"  --read-buffer-size={buffer} \\"] if buffer else []
    lines = [
        "#!/bin/sh",
        "# Import this folder into a new, empty Neo4j database (default name: neo4j).",
        "# Run from this folder, with Neo4j stopped: sh import.sh [DATABASE]",
        "set -e",
        'neo4j-admin database import full "${1:-neo4j}" --overwrite-destination \\',
        f"  --array-delimiter={array} --multiline-fields=true \\",
        *extra,
        *(f"  --nodes={shlex.quote(n)} \\" for n in NODE_FILES.values()),
        *(f"  --relationships={shlex.quote(n)} \\" for n in rel_files),
        "  --verbose",
        "",
    ]
    (tmp / "import.sh").write_text("\n".join(lines), encoding="utf-8")


def read_csv_rows(path: str | os.PathLike[str]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of one export file, read back with RFC 4180 rules (for tests and
    for tools that load the folder elsewhere)."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]
