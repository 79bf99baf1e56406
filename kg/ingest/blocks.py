"""The lines of a file read a block at a time (:func:`line_blocks`): what
:func:`kg.ingest.common.iter_lines` hands out, with the same numbers and the same report
entries in the same order, for a reader that handles many short lines (an FtM export: a
line an entity), with no generator step, ``readline`` call or tuple a line.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.common import MAX_LINE_BYTES, ImportReport, Progress, iter_lines

__all__ = ["BLOCK", "line_blocks"]

#: How many bytes :func:`line_blocks` reads at a time.
BLOCK = 1 << 18
#: How often (in lines) the progress callback is told, as :func:`iter_lines` does.
_EVERY = 4096


def line_blocks(path: Path, report: ImportReport, *, progress: Progress | None = None,
                limit: int = MAX_LINE_BYTES) -> Iterator[tuple[list[bytes], int]]:
    """(the lines, the number of the first one) of a file, many lines at a time: each line
    without its line end, as :func:`~kg.ingest.common.iter_lines` gives it (one that cannot
    be opened, a byte-order mark, an over-long line: reported as it reports them, when it
    would). An over-long line (more than ``limit`` bytes) is reported between two blocks,
    after the lines before it and before the lines after it, and never held whole. A
    UTF-16 file is read by iter_lines, a line a block.

    ``itertools.starmap(enumerate, line_blocks(...))`` numbers the lines with no Python
    step a line (:func:`kg.ingest.ftm.read_ftm`).
    """
    try:
        with path.open("rb") as probe:
            utf16 = probe.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    except OSError:
        utf16 = False  # reported below, as iter_lines reports it
    if utf16:
        for n, line in iter_lines(path, report, progress=progress, limit=limit):
            yield [line], n
        return
    report.begin(path)  # the entries counted from now on are this file's
    try:
        total = path.stat().st_size
        fh = path.open("rb")
    except OSError as exc:
        report.skip(path, None, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        n = 0  # lines handed out or skipped so far
        done = 0  # bytes of those lines (for progress: as iter_lines counts them)
        try:
            if fh.read(3) == codecs.BOM_UTF8:
                report.note(f"{path.name}: leading UTF-8 byte-order mark dropped")
            else:
                fh.seek(0)
            tail = b""  # the start of a line whose end is not read yet
            long = 0  # bytes of an over-long line read so far (dropped), else 0
            eof = False
            while not eof:
                chunk = fh.read(BLOCK)
                eof = not chunk
                if long:  # pass over the rest of an over-long line
                    end = chunk.find(b"\n")
                    if end < 0 and not eof:
                        long += len(chunk)
                        continue
                    n += 1
                    done += long + end + 1 if end >= 0 else long
                    report.skip(path, n, f"line is longer than {limit} bytes")
                    long = 0
                    chunk = chunk[end + 1:] if end >= 0 else b""
                if tail:
                    chunk = tail + chunk
                if not chunk:
                    continue
                lines = chunk.split(b"\n")
                tail = b"" if eof else lines.pop()
                if len(tail) > limit:  # over-long: dropped, its end looked for
                    long, tail = len(tail), b""
                if not lines:
                    continue
                yield from _handed(path, report, lines, n, limit, b"\r" in chunk)
                if progress is not None:
                    done = _progress(progress, lines, n, done, total, eof)
                n += len(lines)
        except OSError as exc:
            report.skip(path, n + 1, f"cannot read: {exc.strerror or exc}")
            return
        if progress is not None:
            progress(total, total)


def _handed(path: Path, report: ImportReport, lines: list[bytes], n: int, limit: int,
            cr: bool) -> Iterator[tuple[list[bytes], int]]:
    """The blocks :func:`line_blocks` hands out for ``lines`` (read after line ``n``, each
    without its ``\\n``; ``cr``: whether any holds a ``\\r``): split around the over-long
    ones, which are reported in their place."""
    if max(map(len, lines)) > limit:
        start = 0
        for i, line in enumerate(lines):
            if len(line) > limit:
                if i > start:
                    yield _ends(lines[start:i], cr), n + start + 1
                report.skip(path, n + i + 1, f"line is longer than {limit} bytes")
                start = i + 1
        if start < len(lines):
            yield _ends(lines[start:], cr), n + start + 1
        return
    yield _ends(lines, cr), n + 1


def _progress(progress: Progress, lines: list[bytes], n: int, done: int, total: int,
              eof: bool) -> int:
    """Tell ``progress`` where :func:`iter_lines` would have (every :data:`_EVERY` lines,
    the bytes read through that line) for ``lines``, read after line ``n`` and ``done``
    bytes (the last one with no line end when ``eof``); the bytes read after them."""
    last = len(lines) - 1
    for i, line in enumerate(lines):
        done += len(line) + (0 if eof and i == last else 1)
        if (n + i + 1) % _EVERY == 0:
            progress(done, total)
    return done


def _ends(lines: list[bytes], cr: bool) -> list[bytes]:
    """``lines`` without the ``\\r`` left at their end when ``cr`` says some may have one
    (:func:`iter_lines` strips every ``\\r`` and ``\\n`` there)."""
    return [line.rstrip(b"\r") for line in lines] if cr else lines
