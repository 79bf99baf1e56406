"""kg/ingest/textlines.py hands the csv module the lines that
:func:`kg.ingest.common.iter_lines` and a line-by-line decode give, with the same file line
numbers and the same report, in the same order: compared on generated files (blocks of a
few bytes, so every line end, multi-byte character, line too long and byte that is not
UTF-8 falls on a block's edge somewhere)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.ingest.textlines as textlines
from kg.ingest.common import csv_records, decode_line, iter_lines
from kg.ingest.report import ImportReport
from kg.ingest.tabular import CsvFile, csv_rows
from kg.ingest.textlines import TextFeed

LIMIT = 12

PIECES = [b"a", b"bc", b",", b'"', b"\n", b"\r\n", b"\r", b"\xc3\xa9", b"\xe9", b"\x81",
          b"\x1a", b"x" * 13, b"y" * 12, b"\xef\xbb\xbf", b" ", b"\xff\xfe"]


def _decode(report: ImportReport, path: Path):  # type: ignore[no-untyped-def]
    def decode(raw: bytes, n: int) -> str | None:
        text = decode_line(raw, path, n, report)
        if text is not None and "\x1a" in text:
            report.note("eof")
            text = text.replace("\x1a", "")
        return text
    return decode


def _reference(path: Path) -> tuple[list[tuple[int, str]], dict[str, object]]:
    report = ImportReport("x")
    decode = _decode(report, path)
    out = []
    for n, raw in iter_lines(path, report, limit=LIMIT):
        text = decode(raw, n)
        if text is not None:
            out.append((n, text + "\n"))
    return out, report.to_dict()


def _fed(path: Path) -> tuple[list[tuple[int, str]], dict[str, object]]:
    report = ImportReport("x")
    feed = TextFeed(path, report, _decode(report, path), lambda t: "\x1a" not in t,
                    limit=LIMIT)
    lines = list(feed)
    return [(feed.line_of(i + 1), t) for i, t in enumerate(lines)], report.to_dict()


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.lists(st.sampled_from(PIECES), max_size=40), block=st.integers(1, 9))
def test_same_lines_numbers_and_report(data: list[bytes], block: int, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"".join(data))
    with monkeypatch.context() as m:
        m.setattr(textlines, "BLOCK", block)
        assert _fed(path) == _reference(path)


def test_utf16_and_missing_files(tmp_path: Path) -> None:
    path = tmp_path / "u.csv"
    path.write_bytes("a,b\nc,d\n".encode("utf-16"))
    assert _fed(path) == _reference(path)
    assert _fed(path)[0] == [(1, "a,b\n"), (2, "c,d\n")]
    missing = tmp_path / "none.csv"
    assert _fed(missing) == _reference(missing)


def test_records_and_rows_keep_their_lines(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Records spanning lines, blank lines and a line that is not UTF-8, read with blocks
    of three bytes: the line each record starts on."""
    path = tmp_path / "f.csv"
    path.write_bytes(b'h,k\n\n1,"two\nlines"\nx,\xe9\n"bad\n')
    monkeypatch.setattr(textlines, "BLOCK", 3)
    report = ImportReport("x")
    got = [(n, cells) for n, cells in csv_records(path, report)]
    assert got == [(1, ["h", "k"]), (3, ["1", "two\nlines"]), (5, ["x", "é"])]
    assert [(s.line, s.message[:20]) for s in report.skipped] == [(6, "not valid CSV (line ")]
    info = CsvFile()
    rows = list(csv_rows(path, ImportReport("x"), "k", info))
    assert rows == [(3, {"h": "1", "k": "two\nlines"}), (5, {"h": "x", "k": "é"})]


def test_plain_csv_module_agrees(tmp_path: Path) -> None:
    """What the feed hands out parses as the file does."""
    path = tmp_path / "f.csv"
    text = 'a,"b\r\nc"\r\nd,e\r\n'
    path.write_bytes(text.encode())
    feed = TextFeed(path, ImportReport("x"), lambda raw, n: raw.decode(), lambda t: True,
                    limit=100)
    assert list(csv.reader(feed)) == list(csv.reader(text.replace("\r\n", "\n")
                                                     .splitlines(keepends=True)))
