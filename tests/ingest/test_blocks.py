"""kg/ingest/blocks.py reads a file's lines a block at a time for the FtM importer: it must
hand out exactly what ``iter_lines`` does (the lines, their numbers, the report entries in
the same order, the progress told) whatever the line ends, byte-order marks, over-long lines
and block boundaries."""

from __future__ import annotations

import codecs
from itertools import starmap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.ingest.blocks as blocks
from kg.ingest.common import ImportReport, iter_lines


def _events(read: Any, path: Path, limit: int) -> tuple[list[Any], dict[str, Any]]:
    """Each line handed out and each report entry made, in their order; and the report."""
    report = ImportReport("ftm")
    events: list[Any] = []
    real_skip = report.skip

    def skip(*args: Any, **kw: Any) -> None:
        events.append(("skip", args[1], args[2]))
        real_skip(*args, **kw)

    report.skip = skip  # type: ignore[method-assign]
    for n, line in read(path, report, lambda d, t: None, limit):
        events.append((n, line))
    return events, report.to_dict()


def _by_lines(path: Path, report: ImportReport, progress: Any, limit: int) -> Any:
    return iter_lines(path, report, progress=progress, limit=limit)


def _by_blocks(path: Path, report: ImportReport, progress: Any, limit: int) -> Any:
    for lines, first in blocks.line_blocks(path, report, progress=progress, limit=limit):
        yield from enumerate(lines, first)


def _same(data: bytes, tmp_path: Path, limit: int, block: int,
          monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    path = tmp_path / "f.ftm.json"
    path.write_bytes(data)
    monkeypatch.setattr(blocks, "BLOCK", block)
    want = _events(_by_lines, path, limit)
    got = _events(_by_blocks, path, limit)
    assert got == want
    return got[0]


_pieces = st.lists(st.sampled_from([b"a", b"{}", b"xyz" * 5, b"\r", b"\n", b"\r\n", b" ",
                                    b"\n\n", "é".encode(), b"L" * 40]), max_size=40)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=_pieces, limit=st.integers(1, 50), block=st.integers(1, 64),
       bom=st.sampled_from([b"", codecs.BOM_UTF8]))
def test_blocks_hand_out_what_iter_lines_does(pieces: list[bytes], limit: int, block: int,
                                              bom: bytes, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as m:
        _same(bom + b"".join(pieces), tmp_path, limit, block, m)


@pytest.mark.parametrize("data", [
    b"", b"\n", b"a", b"a\n", b"a\r\n\r\nb", b"a\r\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbfa\n",
    b"x" * 30 + b"\nb\n", b"b\n" + b"x" * 30, b"b\n" + b"x" * 30 + b"\n", b"x" * 11 + b"\n" + b"y" * 10,
])
@pytest.mark.parametrize("block", [1, 4, 7, 1 << 20])
def test_edges(data: bytes, block: int, tmp_path: Path,
               monkeypatch: pytest.MonkeyPatch) -> None:
    _same(data, tmp_path, 10, block, monkeypatch)


def test_progress_told_as_iter_lines_tells(tmp_path: Path) -> None:
    """Every 4096 lines, the bytes read through that line; then the whole file."""
    path = tmp_path / "f.ftm.json"
    path.write_bytes(b"".join(b"%d\r\n" % i for i in range(9000)) + b"end")
    told: list[list[tuple[int, int]]] = [[], []]
    list(iter_lines(path, ImportReport("ftm"), progress=lambda d, t: told[0].append((d, t))))
    for _ in blocks.line_blocks(path, ImportReport("ftm"),
                                progress=lambda d, t: told[1].append((d, t))):
        pass
    assert told[0] == told[1] and len(told[0]) == 3


def test_utf16_and_missing_files(tmp_path: Path) -> None:
    path = tmp_path / "u.ftm.json"
    path.write_bytes(codecs.BOM_UTF16_LE + "a\nb\n".encode("utf-16-le"))
    report = ImportReport("ftm")
    got = [x for lines, n in blocks.line_blocks(path, report)
           for x in enumerate(lines, n)]
    assert got == [(1, b"a"), (2, b"b")]
    assert report.notes == {"u.ftm.json: read as UTF-16 (its byte-order mark says so)": 1}
    report = ImportReport("ftm")
    assert list(blocks.line_blocks(tmp_path / "none.json", report)) == []
    assert report.skipped_total == 1 and "cannot read" in report.skipped[0].message


def test_numbering_with_starmap(tmp_path: Path) -> None:
    path = tmp_path / "f.ftm.json"
    path.write_bytes(b"a\n\nb\n" + b"z" * 20 + b"\nc")
    report = ImportReport("ftm")
    got = [x for it in starmap(enumerate, blocks.line_blocks(path, report, limit=10))
           for x in it]
    assert got == [(1, b"a"), (2, b""), (3, b"b"), (5, b"c")]
    assert [(s.line, s.message) for s in report.skipped] == [
        (4, "line is longer than 10 bytes")]
