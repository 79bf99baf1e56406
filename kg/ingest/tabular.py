"""CSV files with a header row, read robustly: what the UK (OFSI) and US (CSL) importers share.

Government CSV files come in UTF-8, UTF-8 with a byte-order mark, or Windows-1252, with
records that may span lines (a quoted address with a line break). :func:`csv_rows`:

* decodes each physical line as UTF-8 (a leading BOM dropped), else Windows-1252; the bytes
  Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are kept as U+FFFD and
  reported with their line and column in the notes, so no row is lost to one bad byte;
* finds the header as the first row holding ``header_key`` (rows before it, such as OFSI's
  ``Last Updated,dd/mm/yyyy`` line, are handed back as the preamble);
* yields each later record as a dict keyed by the header's names (stripped, as written),
  with the line it starts on; a record with the wrong number of cells, or one the csv
  module cannot read, is skipped and reported with its line; a later row that repeats the
  header (files joined into one) is passed over, counted in the notes.

Only one record is held at a time.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest.common import ImportReport, Progress, iter_lines, strip_controls
from kg.model.dates import PartialDate

__all__ = ["CsvFile", "csv_rows", "decode_robust", "dmy_date", "split_values"]

#: Notes listing undecodable bytes name this many lines per file, then count the rest.
_MAX_BYTE_NOTES = 20


@dataclass
class CsvFile:
    """What :func:`csv_rows` learned about a file: its header and the rows before it."""

    header: list[str] = field(default_factory=list)
    preamble: list[list[str]] = field(default_factory=list)
    bad_byte_lines: int = 0


def decode_robust(raw: bytes, path: Path, line: int, report: ImportReport,
                  info: CsvFile) -> str:
    """One line as text (a leading byte-order mark is already dropped by
    :func:`kg.ingest.common.iter_lines`): UTF-8, else Windows-1252 with undefined bytes kept as
    U+FFFD; each fallback is counted in ``report.notes`` and, for a record's line, listed in
    ``report.changed`` with its line; each undefined byte named by line and column (the
    first 20 lines of a file; the rest counted)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252", errors="replace")
    report.note(f"{path.name}: lines decoded as Windows-1252")
    if info.header:  # a record's line: its values were re-read (the header is not a record)
        report.change(path, line, "not UTF-8: the line was read as Windows-1252")
    if "\ufffd" in text:
        info.bad_byte_lines += 1
        if info.bad_byte_lines <= _MAX_BYTE_NOTES:
            bad = next(i for i, b in enumerate(raw) if bytes([b]).decode("cp1252", "replace")
                       == "\ufffd")
            report.note(f"{path.name}: line {line}: byte 0x{raw[bad]:02x} at column {bad + 1} "
                        "is not Windows-1252; kept as U+FFFD")
        else:
            report.note(f"{path.name}: more lines with bytes that are not Windows-1252 "
                        "(kept as U+FFFD)")
    return text


def csv_rows(path: Path, report: ImportReport, header_key: str, info: CsvFile, *,
             progress: Progress | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, {column: value}) for each record of a CSV file after its header row (the first
    row with a cell equal to ``header_key``, compared case-insensitively); values are
    stripped, control characters removed and reported (:func:`kg.ingest.common.strip_controls`).
    ``info`` receives the header and preamble. A file with no such header row is
    reported as skipped."""
    want = header_key.strip().lower()
    start = [0]
    pending: list[int] = []

    def lines() -> Iterator[str]:
        for n, raw in iter_lines(path, report, progress=progress):
            if not pending:
                pending.append(n)
            start[0] = pending[0]
            yield decode_robust(raw, path, n, report, info) + "\n"

    reader = csv.reader(lines(), strict=True)
    while True:
        pending.clear()
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            report.read += 1
            report.skip(path, start[0], f"not valid CSV: {exc}")
            continue
        line = start[0]
        if not "".join(cells).strip():  # no cell holds anything but space
            continue
        if not info.header:
            if want in (c.strip().lower() for c in cells):
                info.header = [c.strip() for c in cells]
            else:
                info.preamble.append([c.strip() for c in cells])
                if len(info.preamble) > 20:
                    report.skip(path, None, f"no header row with a {header_key!r} column in "
                                            "the first 20 rows; is this the right kind of file?")
                    return
            continue
        header = info.header
        if (len(cells) == len(header) and cells[0].strip() == header[0]
                and [c.strip() for c in cells] == header):
            report.note(f"{path.name}: the header row again (as in files joined into one): "
                        "passed over, not read as a record")
            continue
        report.read += 1
        if len(cells) != len(info.header):
            report.skip(path, line, f"expected {len(info.header)} columns, found {len(cells)}")
            continue
        cells = strip_controls(cells, path, line, report, info.header)
        yield line, dict(zip(header, map(str.strip, cells), strict=True))
    if not info.header:
        report.skip(path, None, f"no header row with a {header_key!r} column; is this the "
                                "right kind of file?")


_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


@functools.lru_cache(maxsize=65536)  # a list repeats its dates (listed on, updated on)
def dmy_date(text: str) -> str | None:
    """An ISO (partial) date from ``dd/mm/yyyy`` text, where ``00`` marks an unknown day or
    month (``00/00/1970`` is ``1970``, ``00/05/1970`` is ``1970-05``); ISO text passes
    through. None for anything that is not a real date.

    >>> dmy_date("28/04/1937"), dmy_date("00/00/1970"), dmy_date("31/02/2020")
    ('1937-04-28', '1970', None)
    """
    text = text.strip()
    m = _DMY.fullmatch(text)
    if m is None:
        date = PartialDate.from_source(text) if re.match(r"\d{4}", text) else None
        return date.text if date else None
    day, month, year = (int(g) for g in m.groups())
    iso = f"{year:04d}" + (f"-{month:02d}" if month else "") + \
        (f"-{day:02d}" if month and day else "")
    if not month and day:
        return None
    try:
        return PartialDate(iso).text
    except ValueError:
        return None


def split_values(text: str, sep: str = ";") -> list[str]:
    """Non-empty stripped parts of a list cell, in order, each once.

    >>> split_values("a; b;; a")
    ['a', 'b']
    """
    if not text:
        return []
    if sep not in text:  # one value (most cells)
        return [part] if (part := text.strip()) else []
    return list(dict.fromkeys(p.strip() for p in text.split(sep) if p.strip()))
