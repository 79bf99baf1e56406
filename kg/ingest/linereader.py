"""A binary file's lines read a megabyte at a time (:func:`chunked_lines`), for
:func:`kg.ingest.common.iter_lines`: the lines :func:`kg.readwrite.readers.bounded_lines`
reads one ``readline`` at a time, split from each chunk at once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

__all__ = ["CHUNK", "chunked_lines"]

#: How many bytes are read at a time.
CHUNK = 1 << 20


def chunked_lines(fh: IO[bytes], limit: int,
                  chunk: int = CHUNK) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, bytes read for it) of a binary file, as
    :func:`~kg.readwrite.readers.bounded_lines` gives them: a line longer than ``limit``
    bytes (its line end not counted) comes as None and is never held whole (at most
    ``limit`` bytes of it and one chunk are in memory). Unlike bounded_lines, a line comes
    without its line end (``\\n``), as the caller strips it."""
    n = 0
    head = b""  # the start of a line an earlier chunk ended in
    over = -1  # bytes read of a line too long to keep (-1: not in one)
    while True:
        data = fh.read(chunk)
        if not data:
            break
        parts = data.split(b"\n")
        last = parts.pop()  # after the chunk's last line end: the start of a line
        if parts:
            first = parts[0]
            if over >= 0:  # the end of a line too long
                n += 1
                yield n, None, over + len(first) + 1
                over = -1
                parts[0] = b""  # handed out: passed over below
                start = 1
            else:
                if head:
                    parts[0] = head + first
                    head = b""
                start = 0
            for i in range(start, len(parts)):
                line = parts[i]
                n += 1
                size = len(line) + 1
                if size > limit + 1:
                    yield n, None, size
                else:
                    yield n, line, size
        if over >= 0:
            over += len(last)
        else:
            head = head + last if head else last
            if len(head) > limit:  # too long already: counted, not kept
                over, head = len(head), b""
    if over >= 0:
        yield n + 1, None, over
    elif head:
        yield n + 1, head, len(head)
