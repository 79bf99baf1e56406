"""What every importer shares: the import report, streaming line readers, ids, dates and
the sources and state actors that several importers write.

An importer is a generator ``read(paths, report) -> Iterator[Record]`` that yields
:class:`~kg.model.Source`, :class:`~kg.model.Actor`, :class:`~kg.model.Sanction` and
:class:`~kg.model.Statement` records, each id once, whose references all resolve within
what it yields. Bad input never raises: each record that cannot be read is added to the
:class:`ImportReport` with its file, line and reason, and reading goes on.

Shared records are written so that two imports agree byte for byte: a state or bloc is
exactly :func:`kg.resolve.country_actor` (no sources), a web page is ``url-<hash>`` with only
its url. That lets ``kg validate ofac.jsonl un.jsonl`` load both files (the loader keeps an
identical duplicate once).
"""

from __future__ import annotations

import codecs
import csv
import functools
import hashlib
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from kg.ingest.ids import NOT_SLUG, full_slug_id, shorten_id, slug_id, text_slug
from kg.ingest.report import ImportReport, Skipped
from kg.model.dates import PartialDate
from kg.model.records import Actor, Citation, Record, Source, record_type
from kg.model.source_dates import SourceDate, read_source_date
from kg.readwrite.readers import bounded_lines
from kg.resolve.resolver import country_actor, country_name, normalize
from kg.resolve.resolver import country_code as _country_code

__all__ = [
    "MAX_LINE_BYTES",
    "MAX_NAME",
    "ImportReport",
    "Progress",
    "Record",
    "Seen",
    "Skipped",
    "citation",
    "clean_date",
    "country_code",
    "csv_records",
    "decode_line",
    "file_source",
    "full_slug_id",
    "iter_lines",
    "read_date",
    "shorten_id",
    "slug_id",
    "strip_controls",
    "text_slug",
    "url_source",
    "weak_names",
]

#: Called with (bytes read so far, total bytes) while a file is read; the CLI draws a bar.
Progress = Callable[[int, int], None]

#: Longest name a record holds (:data:`kg.model.records.NonEmptyStr`); an importer that
#: meets a longer one reports the cut and keeps the whole name as an alias.
MAX_NAME = 100_000

#: Longest line read; a longer one is skipped (and reported) without being held in memory.
MAX_LINE_BYTES = 16 << 20

# --- reading ----------------------------------------------------------------------------


def iter_lines(path: Path, report: ImportReport, *, progress: Progress | None = None,
               limit: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes]]:
    """(line number, raw bytes without the line end) of a file, one line in memory at a time.

    An over-long line is reported and skipped without being read whole; a file that cannot
    be opened is reported as skipped. A leading byte-order mark is dropped (counted in the
    notes); a UTF-16 file (its BOM says so) is read as UTF-16 and handed out as UTF-8.
    """
    report.begin(path)  # the entries counted from now on are this file's
    try:
        total = path.stat().st_size
        fh: IO[bytes] = path.open("rb")
    except OSError as exc:
        report.skip(path, None, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        n = done = 0
        try:
            head = fh.read(4)
            fh.seek(0)
            if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
                report.note(f"{path.name}: read as UTF-16 (its byte-order mark says so)")
                fh = cast(IO[bytes], _Utf16AsUtf8(fh))
            elif head[:3] == codecs.BOM_UTF8:
                fh.seek(3)
                report.note(f"{path.name}: leading UTF-8 byte-order mark dropped")
            for n, line, size in bounded_lines(fh, limit):
                done += size
                if line is None:
                    report.skip(path, n, f"line is longer than {limit} bytes")
                    continue
                if progress is not None and n % 4096 == 0:
                    progress(done, total)
                yield n, line.rstrip(b"\r\n")
        except OSError as exc:
            report.skip(path, n + 1, f"cannot read: {exc.strerror or exc}")
            return
        if progress is not None:
            progress(total, total)


class _Utf16AsUtf8(io.RawIOBase):
    """A UTF-16 byte stream read as UTF-8 lines (what :func:`bounded_lines` expects)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._text = io.TextIOWrapper(raw, encoding="utf-16", errors="replace", newline="")
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> bytes:
        if not self._pending:
            self._pending = self._text.readline().encode("utf-8")
        cut = len(self._pending) if size is None or size < 0 else size
        out, self._pending = self._pending[:cut], self._pending[cut:]
        return out


def decode_line(raw: bytes, path: Path, line: int, report: ImportReport) -> str | None:
    """UTF-8 text of a line, or Windows-1252 where it is not UTF-8 (each such line is in
    ``report.changed``, naming the encoding).

    Government CSV files are often Windows-1252; bytes that are neither are reported and
    the line is skipped.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start]
        column = exc.start + 1
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        report.skip(path, line, f"neither UTF-8 nor Windows-1252 (byte 0x{raw[exc.start]:02x} "
                                f"at column {exc.start + 1})")
        return None
    report.note(f"{path.name}: lines decoded as Windows-1252")
    report.change(path, line, f"not UTF-8 (byte 0x{bad:02x} at column {column}): the line "
                              "was read as Windows-1252")
    return text


#: Longest CSV record (a quoted field may span lines); a longer one is reported.
MAX_RECORD_CHARS = MAX_LINE_BYTES


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_controls(cells: list[str], path: Path, line: int, report: ImportReport,
                   names: Iterable[str] | None = None) -> list[str]:
    """``cells`` with their control characters removed: C0 controls but tab, line feed and
    carriage return, and DEL — the characters XML 1.0 forbids (W3C XML 1.0 §2.2, ``Char``)
    and terminals act on, which no list means as text. Each cell changed is reported (file,
    line, and the column's name from ``names``, else ``column N``), so a mangled id or name
    is never imported as if it were written so. One regular-expression search per record
    when nothing is found."""
    if not _CONTROLS.search("\t".join(cells)):
        return cells
    labels = list(names) if names is not None else []
    out = []
    for i, cell in enumerate(cells):
        if _CONTROLS.search(cell):
            field = labels[i] if i < len(labels) else f"column {i + 1}"
            shown = ", ".join(sorted({f"0x{ord(c):02X}" for c in _CONTROLS.findall(cell)}))
            report.change(path, line, f"control characters ({shown}) removed from "
                                      f"{_CONTROLS.sub('', cell)[:60]!r}", field=field)
            cell = _CONTROLS.sub("", cell)
        out.append(cell)
    return out


def csv_records(path: Path, report: ImportReport, *, delimiter: str = ",",
                progress: Progress | None = None, eof: str | None = None,
                ) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) of every record of a CSV file, read as records, not lines.

    RFC 4180: a quoted field may hold the delimiter, doubled quotes (``""``) and line
    breaks, so one record may span several lines; its number is the line it starts on.
    Lines are decoded as :func:`decode_line` does (UTF-8, else Windows-1252, reported), a
    leading byte-order mark is dropped (:func:`iter_lines`), and ``eof`` (OFAC's ``0x1A``)
    is removed wherever it appears; other control characters are removed and reported
    (:func:`strip_controls`). A record that is not valid CSV (an unclosed quote) is
    reported with its first line and reading goes on after it. Blank lines are passed over.
    Every record read counts in ``report.read``.
    """
    start = [0, 0]  # line of the record being read, line last handed to the parser

    def lines() -> Iterator[str]:
        for n, raw in iter_lines(path, report, progress=progress):
            text = decode_line(raw, path, n, report)
            if text is None:
                report.read += 1
                continue
            if eof and eof in text:
                report.note("end-of-file bytes (0x1A) ignored")
                text = text.replace(eof, "")
            start[1] = n
            yield text + "\n"

    reader = csv.reader(lines(), delimiter=delimiter, strict=True)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, MAX_RECORD_CHARS))
    try:
        while True:
            first = start[1] + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                report.read += 1
                where = f"lines {first}-{start[1]}" if start[1] > first else f"line {first}"
                report.skip(path, first, f"not valid CSV ({where}): {exc}")
                continue
            if not cells or not "".join(cells).strip():  # no cell holds anything but space
                continue
            report.read += 1
            # The first line of this record: the first line read after the last record.
            line = first if start[1] == first else _first_line(first, start[1], cells)
            yield line, strip_controls(cells, path, line, report)
    finally:
        csv.field_size_limit(limit)


def _first_line(first: int, last: int, cells: list[str]) -> int:
    """The line a record starts on: blank lines before it are skipped by the parser."""
    breaks = sum(c.count("\n") for c in cells)
    return max(first, last - breaks)


# --- dates, shared records (ids: kg.ingest.ids, re-exported) ----------------------------
def read_date(value: str | None, report: ImportReport, file: str | os.PathLike[str],
              line: int | None, *, record: str, field: str,
              convention: str | None = None) -> str | None:
    """An ISO (partial) date from a source's date text, reading the forms lists use
    (``2001/10/06``, ``2001-10-6``, ``06/10/2001`` in the source's day/month ``convention``,
    ``6 Oct 2001``, ``circa 1960``: :func:`kg.model.dates.read_source_date`).

    A value read in another form than ISO, read only in part (``1999, 2003``: the earliest),
    or not read at all is put in ``report.changed`` with file, line, record and field, so a
    date is never shortened or dropped silently. None when there is no date.
    """
    if value is None or not value.strip():
        return None
    got = _source_date(value, convention)
    if got.note:
        kept = f"kept {got.date}" if got.date else "left out"
        report.change(file, line, f"date {value.strip()!r} {got.note}: {kept}",
                      record=record, field=field)
    return got.date.text if got.date else None


@functools.lru_cache(maxsize=8192)  # lists repeat their dates
def _source_date(value: str, convention: str | None) -> SourceDate:
    return read_source_date(value, convention=convention)


@functools.lru_cache(maxsize=65536)  # a list repeats its dates
def clean_date(value: str | None) -> str | None:
    """An ISO (partial) date from a source's date text, or None when there is none
    (:meth:`PartialDate.from_source <kg.model.dates.PartialDate.from_source>`).

    >>> clean_date("2021-03-22T00:00:00"), clean_date("20210322"), clean_date("2021-03")
    ('2021-03-22', '2021-03-22', '2021-03')
    >>> clean_date("-0-") is None, clean_date("2021-02-30") is None
    (True, True)
    """
    date = PartialDate.from_source(value)
    return date.text if date else None


def url_source(url: str) -> Source | None:
    """The source record of a web page: ``url-<hash>`` with only its url, so every importer
    writes the same record for the same page. None for anything but an http(s) url."""
    url = url.strip()
    if not re.match(r"^https?://\S+$", url, re.IGNORECASE) or len(url) > 4000:
        return None
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
    return Source(id=f"url-{digest}", url=url)


def file_source(kind: str, path: Path, publisher: str) -> Source:
    """The source record of an imported file: ``<kind>-file-<name>``."""
    name = NOT_SLUG.sub("-", path.name.lower()).strip("-._:")[:100] or "x"
    return Source(id=f"{kind}-file-{name}", title=path.name, publisher=publisher)


class Seen:
    """Shared records (states, blocs, bodies, sources) an importer has yielded already, so
    each is yielded once."""

    def __init__(self) -> None:
        self.ids: set[tuple[str, str]] = set()

    def first(self, record: Record) -> bool:
        """True the first time a record's (type, id) is offered."""
        key = (record_type(record), record.id)
        if key in self.ids:
            return False
        self.ids.add(key)
        return True

    def state(self, code: str) -> Iterator[Actor]:
        """The state or bloc actor for ``code``, the first time it is asked for."""
        if ("actor", code.lower()) in self.ids:  # made only once: a copy costs a deep copy
            return
        actor = country_actor(code)
        if self.first(actor):
            yield actor

    def source(self, source: Source | None) -> Iterator[Source]:
        if source is not None and self.first(source):
            yield source


@functools.lru_cache(maxsize=8192)  # lists repeat their countries on every record
def country_code(name: str) -> str | None:
    """:func:`kg.resolve.resolver.country_code` (the ISO alpha-2 or bloc code a country name,
    code, seat or demonym stands for, or None), each distinct text looked up once."""
    return _country_code(name)


@functools.lru_cache(maxsize=1024)  # every record of a file cites the file
def citation(source_id: str) -> Citation:
    """The citation, with no quote, of source ``source_id``: one instance per id, shared
    by the records that cite it (records are never changed in place; :mod:`kg.merge` copies)."""
    return Citation(source=source_id)


def is_country(code: str | None) -> bool:
    """True for an ISO alpha-2 code or a bloc code that :func:`country_actor` knows."""
    return bool(code) and country_name(code or "") is not None


def weak_names(strong: Iterable[str], weak: Iterable[str]) -> list[str]:
    """The names of ``weak`` (a list's weak or low-quality aliases) that are not also among
    ``strong`` (the actor's name and aliases), each once, in order; names are compared
    normalised (:func:`kg.resolve.resolver.normalize`: case, accents, punctuation), so a
    name a list gives both as strong and as weak stays strong
    (:attr:`kg.model.records.Actor.weak_aliases`).

    >>> weak_names(["SAMIR QADDURI", "Samir al-Qadduri"], ["Abu Ali", "ABU ALI", "samir qadduri"])
    ['Abu Ali']
    """
    weak = list(weak)
    if not weak:
        return []
    seen = {normalize(s) or s for s in strong}  # as the keys below: "\x00" is itself
    out: list[str] = []
    for w in weak:
        key = normalize(w) or w
        if key not in seen:
            seen.add(key)
            out.append(w)
    return out
