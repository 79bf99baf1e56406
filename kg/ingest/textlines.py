"""The decoded lines of a text file for the csv module, read a block at a time: what
:func:`kg.ingest.tabular.csv_rows` and :func:`kg.ingest.common.csv_records` feed it.

:func:`kg.ingest.common.iter_lines` hands out one line at a time, and each line then went
through a Python function or two on its way to ``csv.reader``: at 100,000 rows, several
times the parse itself. :class:`TextFeed` reads 1 MiB at a time and decodes each run of
whole lines at once when it is UTF-8 and the reader's own check (``plain``) finds nothing
to report in it, so the csv module takes its lines from a list; any other run of lines
goes line by line through the reader's ``decode`` exactly as before, at the moment the
parser asks for each line, so every note, change and skip is reported in the same order.
What :func:`~kg.ingest.common.iter_lines` does is kept: a leading UTF-8 byte-order mark
dropped and noted, a line longer than ``limit`` bytes skipped and reported without being
held, a file that cannot be read reported, line ends ``\\r\\n`` or ``\\n`` (any ``\\r``
before the ``\\n`` dropped); a UTF-16 file (its byte-order mark says so) is read by
:func:`~kg.ingest.common.iter_lines` itself, line by line.

The lines handed out are numbered as the file's: :meth:`TextFeed.line_of` gives the file
line of the n-th line the parser took (``csv.reader.line_num``), counting the lines
skipped on the way.
"""

from __future__ import annotations

import bisect
import codecs
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from kg.ingest.report import ImportReport

__all__ = ["BLOCK", "TextFeed"]

#: Bytes read at a time.
BLOCK = 1 << 20

Progress = Callable[[int, int], None]


class TextFeed:
    """The lines of ``path`` (each ending ``\\n``) as ``decode(raw line, line number)``
    gives them (None: the line is left out, the reader has reported it); ``plain(text)``
    says a block decoded as UTF-8 needs nothing more from ``decode`` (True only when
    ``decode`` would return each of its lines as it is and report nothing)."""

    def __init__(self, path: Path, report: ImportReport,
                 decode: Callable[[bytes, int], str | None], plain: Callable[[str], bool], *,
                 limit: int, progress: Progress | None = None) -> None:
        self.path, self.report, self.decode, self.plain = path, report, decode, plain
        self.limit, self.progress = limit, progress
        # The number of lines handed out before each line left out, in order.
        self._gaps: list[int] = []
        self._out = 0  # lines handed out
        self._n = 0  # file lines read

    def __iter__(self) -> Iterator[str]:
        return itertools.chain.from_iterable(self._blocks())

    def line_of(self, taken: int) -> int:
        """The file line of the ``taken``-th line handed out (1 for the first)."""
        return taken + bisect.bisect_left(self._gaps, taken)

    def _left_out(self) -> None:
        self._gaps.append(self._out)

    def _one(self, raw: bytes, n: int) -> list[str]:
        text = self.decode(raw, n)
        if text is None:
            self._left_out()
            return []
        self._out += 1
        return [text + "\n"]

    def _blocks(self) -> Iterator[list[str]]:
        from kg.ingest.common import iter_lines  # common imports this module's users

        path, report = self.path, self.report
        try:
            with path.open("rb") as probe:
                utf16 = probe.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        except OSError:
            utf16 = True  # iter_lines reports it
        if utf16:
            for n, raw in iter_lines(path, report, progress=self.progress, limit=self.limit):
                while self._out + len(self._gaps) + 1 < n:  # a line too long, skipped
                    self._left_out()
                yield self._one(raw, n)
            return
        report.begin(path)
        try:
            total = path.stat().st_size
            fh = path.open("rb")
        except OSError as exc:
            report.skip(path, None, f"cannot read: {exc.strerror or exc}")
            return
        with fh:
            try:
                if fh.read(3) == codecs.BOM_UTF8:
                    report.note(f"{path.name}: leading UTF-8 byte-order mark dropped")
                else:
                    fh.seek(0)
                yield from self._read(fh, total)
            except OSError as exc:
                report.skip(path, self._n + 1, f"cannot read: {exc.strerror or exc}")
                return
            if self.progress is not None:
                self.progress(total, total)

    def _read(self, fh: BinaryIO, total: int) -> Iterator[list[str]]:
        read = fh.read
        limit, done, carry = self.limit, 0, b""
        while True:
            data = read(BLOCK)
            if not data:
                break
            done += len(data)
            if carry:
                data = carry + data
            cut = data.rfind(b"\n") + 1
            if cut == 0:  # no line end yet
                carry = data
                if len(carry) > limit:  # a line too long: read past it, never held
                    carry = self._skip_long(read)
                continue
            carry = data[cut:]
            yield from self._lines(data[:cut])
            if len(carry) > limit:
                carry = self._skip_long(read)
            if self.progress is not None:
                self.progress(done, total)
        cut = carry.rfind(b"\n") + 1  # what follows a line too long may hold whole lines
        if cut:
            yield from self._lines(carry[:cut])
            carry = carry[cut:]
        if carry:  # a last line with no line end
            if len(carry) > limit:
                self._n += 1
                self.report.skip(self.path, self._n, f"line is longer than {limit} bytes")
                self._left_out()
            else:
                yield from self._lines(carry + b"\n")

    def _skip_long(self, read: Callable[[int], bytes]) -> bytes:
        """Read on to the end of the line being read, which is too long; report it and
        return what follows its end (the start of the next line)."""
        while True:
            data = read(BLOCK)
            at = data.find(b"\n")
            if at >= 0 or not data:
                break
        self._n += 1
        self.report.skip(self.path, self._n, f"line is longer than {self.limit} bytes")
        self._left_out()
        return data[at + 1:] if at >= 0 else b""

    def _lines(self, body: bytes) -> Iterator[list[str]]:
        """The lines of ``body`` (whole lines, each ending ``\\n``)."""
        limit = self.limit
        if len(body) > limit + 1 and any(len(x) > limit for x in body.split(b"\n")):
            for raw in body.split(b"\n")[:-1]:
                self._n += 1
                if len(raw) > limit:
                    self.report.skip(self.path, self._n, f"line is longer than {limit} bytes")
                    self._left_out()
                else:
                    yield self._one(raw.rstrip(b"\r"), self._n)
            return
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None and self.plain(text):
            parts = text.split("\n")
            parts.pop()  # body ends with a line end: the last part is empty
            self._n += len(parts)
            self._out += len(parts)
            yield [p.rstrip("\r") + "\n" for p in parts] if "\r" in text else \
                [p + "\n" for p in parts]
            return
        for raw in body.split(b"\n")[:-1]:
            self._n += 1
            yield self._one(raw.rstrip(b"\r"), self._n)
