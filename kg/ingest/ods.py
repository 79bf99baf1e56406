"""OpenDocument spreadsheets (``.ods``) read as rows, streamed, with no new dependency.

An ``.ods`` file is a zip archive whose ``content.xml`` holds the sheets as
``table:table-row`` elements of ``table:table-cell`` elements; a cell's text is its
``text:p`` paragraphs (joined by line breaks, ``text:s`` spaces and ``text:tab`` tabs kept),
and ``table:number-columns-repeated`` / ``table:number-rows-repeated`` repeat a cell or a
row (OpenDocument 1.2, part 1, sections 9.1.3 and 9.1.4). :func:`ods_rows` reads
``content.xml`` through :mod:`defusedxml` one row at a time, as :func:`kg.ingest.tabular.csv_rows`
reads a CSV file: the same header search, preamble and dicts keyed by the header, with the
row's number in the sheet where a CSV row has its line. Every sheet is read in order.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from kg.ingest.common import ImportReport, Progress
from kg.ingest.tabular import CsvFile
from kg.ingest.xmlstream import _Entries, local

__all__ = ["ods_rows"]

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_CHUNK = 1 << 16
#: A repeated cell or row counts at most this many times (a sheet pads with huge repeats).
_MAX_REPEAT = 1000


def _text(elem: Element) -> str:
    parts = [elem.text or ""]
    for child in elem:
        tag = local(child.tag)
        if tag == "s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1") or 1))
        elif tag == "tab":
            parts.append("\t")
        elif tag == "line-break":
            parts.append("\n")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _cells(row: Element) -> list[str]:
    cells: list[str] = []
    for cell in row:
        if local(cell.tag) not in ("table-cell", "covered-table-cell"):
            continue
        text = "\n".join(_text(p) for p in cell if local(p.tag) == "p").strip()
        repeat = int(cell.get(f"{_TABLE}number-columns-repeated", "1") or 1)
        cells.extend([text] * min(repeat, _MAX_REPEAT))
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _raw_rows(path: Path, report: ImportReport, progress: Progress | None,
              failed: list[bool]) -> Iterator[tuple[int, list[str]]]:
    target = _Entries(frozenset({"table-row"}))
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    target.attach(parser)
    number = 0
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as fh:
            total = archive.getinfo("content.xml").file_size
            while True:
                chunk = fh.read(_CHUNK)
                if chunk:
                    parser.feed(chunk)
                else:
                    parser.close()
                for _, row in target.done:
                    cells = _cells(row)
                    repeat = int(row.get(f"{_TABLE}number-rows-repeated", "1") or 1)
                    for _ in range(min(repeat, _MAX_REPEAT) if cells else 1):
                        number += 1
                        yield number, cells
                    if not cells:
                        number += repeat - 1
                target.done.clear()
                if progress is not None:
                    progress(fh.tell() if hasattr(fh, "tell") else 0, total)
                if not chunk:
                    return
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        failed.append(True)
        report.skip(path, None, f"cannot read as an OpenDocument spreadsheet: {exc}")
    except (ParseError, DefusedXmlException) as exc:
        report.skip(path, number or None, f"broken or refused content.xml after row {number} "
                                          f"({type(exc).__name__}); the rest is not read")


def ods_rows(path: Path, report: ImportReport, header_key: str, info: CsvFile, *,
             progress: Progress | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, {column: value}) for each row of an ``.ods`` file after its header row
    (the first row with a cell equal to ``header_key``, compared case-insensitively), as
    :func:`kg.ingest.tabular.csv_rows` does for CSV; a row shorter than the header (a sheet
    leaves trailing blank cells out) is padded, one with values past the header is skipped
    and reported. ``info`` receives the header and preamble."""
    want = header_key.strip().lower()
    failed: list[bool] = []
    for number, cells in _raw_rows(path, report, progress, failed):
        if not any(cells):
            continue
        if not info.header:
            if want in (c.strip().lower() for c in cells):
                info.header = [c.strip() for c in cells]
            else:
                info.preamble.append(cells)
                if len(info.preamble) > 20:
                    report.skip(path, None, f"no header row with a {header_key!r} column in "
                                            "the first 20 rows; is this the right kind of file?")
                    return
            continue
        report.read += 1
        if len(cells) > len(info.header):
            report.skip(path, number, f"row {number}: expected {len(info.header)} columns, "
                                      f"found {len(cells)}")
            continue
        cells += [""] * (len(info.header) - len(cells))
        yield number, {h: c.strip() for h, c in zip(info.header, cells, strict=True)}
    if not info.header and not failed:
        report.skip(path, None, f"no header row with a {header_key!r} column; is this the "
                                "right kind of file?")
