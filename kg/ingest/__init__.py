"""Real sources in: one module per kind of input, each producing the same records that
:func:`kg.readwrite.load.load` produces, so every query and export works on imported data unchanged.

======  ==================================================  =========================
kind    input                                               module
======  ==================================================  =========================
ftm     FollowTheMoney JSON lines (OpenSanctions exports)    :mod:`kg.ingest.ftm`
ofac    OFAC legacy CSV (sdn.csv, add.csv, alt.csv, cons_*)  :mod:`kg.ingest.ofac`
        and SDN XML (sdn.xml, consolidated.xml)              :mod:`kg.ingest.ofac_xml`
un      UN Security Council consolidated list (XML)          :mod:`kg.ingest.un`
gdelt   GDELT 2.0 / 1.0 events (tab-separated, 61/58/57)     :mod:`kg.ingest.gdelt`
uk      OFSI consolidated list (ConList.csv)                 :mod:`kg.ingest.uk`
        and the FCDO's UK Sanctions List (XML, CSV, ODS)     :mod:`kg.ingest.uk_fcdo`,
                                                             :mod:`kg.ingest.uk_fcdo_csv`
eu      EU Financial Sanctions Files XML (full list 1.1)     :mod:`kg.ingest.eu`
csl     US Consolidated Screening List (CSV)                 :mod:`kg.ingest.csl`
======  ==================================================  =========================

:func:`import_dataset` returns a validated :class:`~kg.model.Dataset` and an
:class:`ImportReport`; :func:`write_import` streams the records straight into a JSONL file
(records are never held: memory grows only with the set of ids, about 150 bytes an
entity, against about 280 bytes an entity of input), which is what ``kg import`` uses.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from kg._perf import paused_gc
from kg.errors import UsageError
from kg.ingest.common import ImportReport, Progress, Record, Skipped
from kg.ingest.rows import fast_row
from kg.ingest.written import Line, Lines
from kg.model.records import RECORD_TYPES, Dataset, record_type
from kg.model.refs import ensure_valid
from kg.readwrite.atomic import atomic_open

__all__ = ["KINDS", "ImportReport", "Skipped", "import_dataset", "import_into",
           "read_records", "write_import"]

Reader = Callable[..., Iterator[Record]]


def _reader(kind: str) -> Reader:
    if kind == "ftm":
        from kg.ingest.ftm import read_ftm
        return read_ftm
    if kind == "ofac":
        from kg.ingest.ofac_xml import read_ofac_files
        return read_ofac_files
    if kind == "un":
        from kg.ingest.un import read_un
        return read_un
    if kind == "uk":
        from kg.ingest.uk import read_uk
        return read_uk
    if kind == "eu":
        from kg.ingest.eu import read_eu
        return read_eu
    if kind == "csl":
        from kg.ingest.csl import read_csl
        return read_csl
    if kind == "gdelt":
        from kg.ingest.gdelt import read_gdelt
        return read_gdelt
    raise UsageError(f"unknown source kind {kind!r}; use one of {', '.join(KINDS)}")


#: The kinds of input ``kg import`` reads.
KINDS = ("ftm", "ofac", "un", "gdelt", "uk", "eu", "csl")


def _paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    out = [Path(p) for p in paths]
    if not out:
        raise UsageError("no input files given")
    return out


#: The kinds whose records depend on the day of the import (an FtM or CSL end date that has
#: passed makes a sanction lifted); they take ``today``.
_DAY_DEPENDENT = frozenset({"ftm", "csl"})


def read_records(kind: str, paths: Iterable[str | os.PathLike[str]], report: ImportReport,
                 *, progress: Progress | None = None,
                 today: str | None = None) -> Iterator[Record]:
    """Stream the records of ``paths`` read as ``kind``; problems go to ``report``.

    ``today`` (``YYYY-MM-DD``) pins the day an import is read on, for the kinds whose
    answer depends on it (``ftm``: end dates on or before it mean lifted); the default is
    the day it runs (:func:`kg._clock.today_iso`).
    """
    options: dict[str, Any] = {"today": today} if kind in _DAY_DEPENDENT else {}
    for rec in _reader(kind)(_paths(paths), report, progress=progress, **options):
        report.count(rec)
        yield rec


#: The kinds whose reader can hand out written lines (``lines=True``: a
#: :class:`~kg.ingest.rows.Line` for a record it is sure of, never built as a record).
_LINE_READERS = frozenset({"ftm", "uk", "csl", "ofac"})


def import_dataset(kind: str, paths: Iterable[str | os.PathLike[str]], *,
                   progress: Progress | None = None,
                   today: str | None = None) -> tuple[Dataset, ImportReport]:
    """Read ``paths`` as ``kind`` into a validated dataset, with the import report
    (``today``: as for :func:`read_records`).

    Records that cannot be read are in ``report.skipped``; the dataset holds the rest and
    passes :func:`kg.model.refs.ensure_valid`.
    """
    report = ImportReport(kind)
    ds = Dataset()
    for rec in read_records(kind, paths, report, progress=progress, today=today):
        ds.add(rec)
    return ensure_valid(ds), report


class _Empty(Exception):
    pass


try:
    import orjson

    def _dumps(data: dict[str, Any]) -> str:
        return orjson.dumps(data).decode("utf-8")
except ImportError:  # pragma: no cover
    def _dumps(data: dict[str, Any]) -> str:
        return json.dumps(data, ensure_ascii=False)


def record_line(rec: Record) -> str:
    """One JSONL line for a record, as :func:`kg.readwrite.write.write_dataset` writes it."""
    return _dumps({"type": record_type(rec),
                   **rec.model_dump(mode="json", exclude_defaults=True)}) + "\n"


#: ``{"type":"<type>",`` for each record type: the start of a record's JSONL line.
_LINE_START = {kind: f'{{"type":"{kind}",'.encode() for kind in RECORD_TYPES}


def record_bytes(rec: Record) -> bytes:
    """:func:`record_line` as UTF-8 bytes, serialized by pydantic itself (the same JSON:
    compact, non-ASCII kept, field order; no dict is built on the way). Actors and
    sanctions are written by :func:`kg.ingest.rows.fast_row` (the same bytes, faster)."""
    fast = fast_row(rec)
    if fast is not None:
        return fast
    body: bytes = rec.__pydantic_serializer__.to_json(rec, exclude_defaults=True)
    if body == b"{}":  # pragma: no cover - every record has an id
        return record_line(rec).encode("utf-8")
    return _LINE_START[record_type(rec)] + body[1:] + b"\n"


def _line_kind(data: bytes) -> str:
    """The ``kind`` of an actor's JSONL line (:class:`~kg.ingest.rows.Line`): compact JSON,
    where a ``"kind":"`` can only be the field's own (inside a string its quotes are
    escaped)."""
    at = data.find(b'"kind":"') + 8
    return data[at:data.find(b'"', at)].decode() if at >= 8 else ""


def write_import(kind: str, paths: Iterable[str | os.PathLike[str]],
                 output: str | os.PathLike[str], *,
                 progress: Progress | None = None, today: str | None = None) -> ImportReport:
    """Stream an import into a JSONL file, written atomically; returns the report
    (``today``: as for :func:`read_records`).

    When nothing at all could be imported, no file is written.
    """
    report = ImportReport(kind)
    # The JSONL line of each record read_records yields, in its order, counted in the report
    # as it counts them; a reader that can write its own lines is asked to (and hands out a
    # Line, counted here, or a record, counted here too).
    if kind in _LINE_READERS:
        options: dict[str, Any] = {"today": today} if kind in _DAY_DEPENDENT else {}
        records: Iterator[Any] = _reader(kind)(_paths(paths), report, progress=progress,
                                               lines=True, **options)
        counted = False
    else:
        records, counted = read_records(kind, paths, report, progress=progress,
                                        today=today), True
    imported = report.imported
    try:
        # The collector paused (kg._perf.paused_gc): an import holds what later rows need
        # (OFSI's groups, OFAC's aliases, the ids read), which every full collection would
        # walk again; nothing it makes needs collecting (at 100,000 ConList rows, a quarter
        # of the time).
        with paused_gc(), atomic_open(output, "wb") as fh:
            lines: list[bytes] = []  # written a thousand at a time: fewer calls
            for rec in records:
                if type(rec) is Line:
                    imported[rec.type] += 1
                    if rec.type == "actor":
                        report.actor_kinds[_line_kind(rec.data)] += 1
                    lines.append(rec.data)
                elif type(rec) is Lines:  # many lines in a row: written at once
                    for kind, n in rec.counts.items():
                        imported[kind] += n
                    for kind, n in rec.kinds.items():
                        report.actor_kinds[kind] += n
                    fh.write(b"".join(lines))
                    lines.clear()
                    fh.write(rec.data)
                else:
                    if not counted:
                        report.count(rec)
                    lines.append(record_bytes(rec))
                if len(lines) >= 1000:
                    fh.write(b"".join(lines))
                    lines.clear()
            fh.write(b"".join(lines))
            if report.empty:
                raise _Empty
    except _Empty:
        pass
    return report


def import_into(kind: str, paths: Iterable[str | os.PathLike[str]],
                output: str | os.PathLike[str], *,
                merge_with: Iterable[str | os.PathLike[str]] = (), window_days: int = 7,
                progress: Progress | None = None) -> ImportReport:
    """Import ``paths`` as ``kind`` and write ``output``: what ``kg import`` does.

    A ``.jsonl`` output with nothing to merge with is streamed (:func:`write_import`);
    otherwise the import is read whole, merged into the datasets at ``merge_with`` (each
    loaded as one dataset; same actors and events within ``window_days`` become one), checked
    and written in the format of ``output``'s suffix. The report also lists the merges. When
    nothing could be imported, nothing is written.
    """
    from kg.merge import merge
    from kg.readwrite.load import load
    from kg.readwrite.write import write_dataset

    merge_with = list(merge_with)
    if not merge_with and str(output).endswith(".jsonl"):
        return write_import(kind, paths, output, progress=progress)
    existing = [load(merge_with)] if merge_with else []
    ds, report = import_dataset(kind, paths, progress=progress)
    if not report.empty:
        result = merge([*existing, ds], window_days=window_days)
        ds, merges = result.dataset, result.merges
        report.merges = merges
        if result.possible_duplicates:
            report.note("possible duplicates left apart (same name, not merged: `kg merge "
                        "--format json` lists them with why)", len(result.possible_duplicates))
        differed = sum(1 for s in result.same_id if s.differed)
        if differed:  # one record each, combined with every source kept: not merges
            report.note("records with the same id as in the data merged with, content "
                        "differed: combined, every source kept", differed)
        report.merged += sum(len(m.merged) for m in merges)
        # A single value a merge or a same-id record dropped is a value changed: listed
        # (the one kept, the others, where each came from) like any other.
        inputs = [", ".join(str(p) for p in merge_with), ", ".join(report.files)]
        if not merge_with:
            inputs = inputs[1:]
        for kind_, into, conflicts in [*((m.kind, m.into, m.conflicts) for m in merges),
                                       *((s.kind, s.id, s.conflicts) for s in result.same_id)]:
            for c in conflicts:
                report.change(inputs[c.dropped[0].input - 1], None,
                              f"values differ: {c.text(inputs, field=False)}",
                              record=f"{kind_} {into}", field=c.field)
        write_dataset(ensure_valid(ds), output)
        report.written.update({kind: len(ds.section(kind)) for kind in RECORD_TYPES})
    return report
