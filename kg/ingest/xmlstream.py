"""Streaming XML entries safely: each chosen element is built on its own, handed out with the
line it starts on, and dropped, so memory does not grow with the file.

Parsing is :mod:`defusedxml`'s (entity declarations and external references refused, so an
"XML bomb" is refused). Broken XML stops that file at the error, reported with its line;
the entries before it are kept. Tags are compared without their namespace.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from kg.ingest.common import ImportReport, Progress

__all__ = ["local", "xml_entries"]

_CHUNK = 1 << 16


def local(tag: str) -> str:
    """A tag without its ``{namespace}``."""
    return tag.rsplit("}", 1)[-1]


class _Entries:
    def __init__(self, tags: frozenset[str]) -> None:
        self.tags = tags
        self.parser: Any = None
        self.builder: TreeBuilder | None = None
        self.depth = 0
        self.line = 0
        self.done: list[tuple[int, Element]] = []
        self.root_attrs: dict[str, str] | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        tag = local(tag)
        if self.root_attrs is None:
            self.root_attrs = dict(attrs)
        if self.builder is None:
            if tag not in self.tags:
                return
            self.builder = TreeBuilder()
            self.line = self.parser.parser.CurrentLineNumber
        self.depth += 1
        self.builder.start(tag, attrs)

    def end(self, tag: str) -> None:
        if self.builder is None:
            return
        self.builder.end(local(tag))
        self.depth -= 1
        if self.depth == 0:
            self.done.append((self.line, self.builder.close()))
            self.builder = None

    def data(self, text: str) -> None:
        if self.builder is not None:
            self.builder.data(text)

    def close(self) -> None:
        return None


def xml_entries(path: Path, tags: frozenset[str], report: ImportReport, *,
                what: str, progress: Progress | None = None,
                root: dict[str, str] | None = None) -> Iterator[tuple[int, Element]]:
    """(line, element) for each element of ``path`` whose local tag is in ``tags``, children
    in local tags too. ``root``, when given, receives the root element's attributes. Problems
    (broken XML, refused entities, no entries: ``what`` names the expected file) go to
    ``report``."""
    target = _Entries(tags)
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    target.parser = parser
    found = 0
    error: Exception | None = None
    try:
        total = path.stat().st_size
        with path.open("rb") as fh:
            done = 0
            while error is None:
                chunk = fh.read(_CHUNK)
                done += len(chunk)
                try:
                    if chunk:
                        parser.feed(chunk)
                    else:
                        parser.close()
                except (ParseError, DefusedXmlException) as exc:
                    error = exc
                if root is not None and target.root_attrs is not None and not root:
                    root.update(target.root_attrs)
                found += len(target.done)
                yield from target.done
                target.done.clear()
                if progress is not None:
                    progress(done, total)
                if not chunk:
                    break
    except OSError as exc:
        report.skip(path, None, f"cannot read: {exc.strerror or exc}")
        return
    if isinstance(error, ParseError):
        line = error.position[0] if getattr(error, "position", None) else None
        msg = str(error).split(":", 1)[0]
        report.skip(path, line, f"broken XML ({msg}); the rest of the file is not read")
    elif error is not None:
        line = parser.parser.CurrentLineNumber if parser.parser else None
        report.skip(path, line, f"refused: {type(error).__name__} (entity declarations and "
                                "external references are not allowed)")
    elif not found:
        report.skip(path, None, f"no {' or '.join(sorted(tags))} entries: is this {what}?")
