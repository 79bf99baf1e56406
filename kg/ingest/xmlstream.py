"""Streaming XML entries safely: each chosen element is built on its own, handed out with the
line it starts on, and dropped, so memory does not grow with the file.

Parsing is :mod:`defusedxml`'s (entity declarations and external references refused, so an
"XML bomb" is refused). Broken XML stops that file at the error, reported with its line;
the entries before it are kept. Tags are compared without their namespace.
"""

from __future__ import annotations

import codecs
import functools
import io
import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from kg.ingest.common import ImportReport, Progress

__all__ = ["child_text", "child_texts", "decoded_chunks", "find_all", "local", "xml_entries",
           "xsd_date"]

_CHUNK = 1 << 16


#: A path of plain tags (``Names/Name``), which :func:`find_all` reads itself.
_PLAIN_PATH = re.compile(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*")


@functools.lru_cache(maxsize=1024)
def _steps(path: str) -> tuple[str, ...] | None:
    return tuple(path.split("/")) if _PLAIN_PATH.fullmatch(path) else None


def find_all(elem: Element, path: str) -> list[Element]:
    """``list(elem.iterfind(path))``: the elements at ``path`` (ElementTree path syntax)
    under ``elem``, in document order. A path of plain tags (``Names/Name``) is read one
    step at a time with ``findall`` of each tag (C code), not through
    :mod:`xml.etree.ElementPath`'s generators; any other path is ElementPath's."""
    if "/" not in path:  # one step: findall is list(iterfind), in C for a plain tag
        return elem.findall(path)
    steps = _steps(path)
    if steps is None:
        return list(elem.iterfind(path))
    found = elem.findall(steps[0])
    for step in steps[1:]:
        found = [child for parent in found for child in parent.findall(step)]
    return found


def child_text(elem: Element, path: str) -> str | None:
    """The text of the first element at ``path`` (ElementTree path syntax) under ``elem``,
    its runs of whitespace made one space; None when absent or blank."""
    child = elem.find(path) if "/" not in path else next(iter(find_all(elem, path)), None)
    if child is None or child.text is None:
        return None
    return " ".join(child.text.split()) or None


def child_texts(elem: Element, path: str) -> list[str]:
    """The texts of every element at ``path`` under ``elem``, in document order, whitespace
    runs made one space; blank ones left out."""
    return [s for e in find_all(elem, path) if (t := e.text) and (s := " ".join(t.split()))]


#: An XML Schema ``xs:date`` with its optional time zone: ``2015-07-01-04:00``,
#: ``2015-07-01Z``, ``2015-07-01+01:00`` (the UN's list writes some dates so).
_XSD_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)")


def xsd_date(text: str | None) -> str | None:
    """``text`` without the time zone of an ``xs:date`` (``2015-07-01-04:00`` ->
    ``2015-07-01``: a calendar day's time zone does not change the day), else unchanged.

    >>> xsd_date("2015-07-01-04:00"), xsd_date("2015-07-01Z"), xsd_date("06/10/2001")
    ('2015-07-01', '2015-07-01', '06/10/2001')
    """
    if text and (m := _XSD_DATE.fullmatch(text.strip())):
        return m.group(1)
    return text


def local(tag: str) -> str:
    """A tag without its ``{namespace}``."""
    return tag.rsplit("}", 1)[-1]


def _drop(text: str) -> None:
    """The text handler outside the entries: text there is not kept."""


class _Entries:
    """The parser's target, working through expat's own handlers (what ``XMLParser._start``
    and ``_end`` would hand a target, without their Python layer; the local tag of an expat
    name ``ns}tag`` is the local tag of ``{ns}tag``, and attributes come as a dict, a name
    ``ns}name`` made ``{ns}name`` as ``XMLParser._fixname`` makes it).

    Outside the entries the handlers are :meth:`_start_out` (which notes the root and
    starts an entry), :meth:`_end_out` and :func:`_drop` for text (a text handler there is
    needed all the same: without one, expat hands ``&amp;`` to the parser's default
    handler, which refuses it as an undefined entity). Inside an entry they are two
    closures feeding the entry's own ``TreeBuilder`` and its ``data`` method, set when the
    entry starts and taken back when it ends."""

    def __init__(self, tags: frozenset[str]) -> None:
        self.tags = tags
        self.parser: Any = None
        self.builder: TreeBuilder | None = None
        self.line = 0
        self.done: list[tuple[int, Element]] = []
        self.root_attrs: dict[str, str] | None = None
        self.root_tag: str | None = None
        self._names: dict[str, str] = {}
        self._inside: tuple[Any, ...] = ()  # the handlers of the entry being read

    def attach(self, parser: Any) -> None:
        """Become ``parser``'s target, its expat handlers set as the class says."""
        self.parser = parser
        expat = parser.parser
        expat.ordered_attributes = 0
        self._outside()

    def _outside(self) -> None:
        expat = self.parser.parser
        expat.StartElementHandler = self._start_out
        expat.EndElementHandler = self._end_out
        expat.CharacterDataHandler = _drop

    def _local(self, tag: str) -> str:
        name = self._names[tag] = tag.rsplit("}", 1)[-1]
        return name

    def _attrs(self, attrs: dict[str, str]) -> dict[str, str]:
        if "}" not in "".join(attrs):
            return attrs
        fixname = self.parser._fixname
        return {fixname(k): v for k, v in attrs.items()}

    def _start_out(self, tag: str, attrs: dict[str, str]) -> None:
        tag = self._names.get(tag) or self._local(tag)
        if attrs:
            attrs = self._attrs(attrs)
        if self.root_attrs is None:
            self.root_attrs = dict(attrs)
            self.root_tag = tag
        if tag not in self.tags:
            return
        builder = self.builder = TreeBuilder()
        self.line = self.parser.parser.CurrentLineNumber
        builder.start(tag, attrs)
        self._enter(builder)

    def _end_out(self, tag: str) -> None:
        return None

    def _enter(self, builder: TreeBuilder) -> None:
        names, local, fix = self._names, self._local, self._attrs
        start, end = builder.start, builder.end
        depth = 1

        def start_in(tag: str, attrs: dict[str, str]) -> None:
            nonlocal depth
            depth += 1
            start(names.get(tag) or local(tag), fix(attrs) if attrs else attrs)

        def end_in(tag: str) -> None:
            nonlocal depth
            end(names.get(tag) or local(tag))
            depth -= 1
            if depth == 0:
                self.done.append((self.line, builder.close()))
                self.builder = None
                self._outside()

        self._inside = (start_in, end_in)  # held here while expat runs them
        expat = self.parser.parser
        expat.StartElementHandler = start_in
        expat.EndElementHandler = end_in
        expat.CharacterDataHandler = builder.data

    def data(self, text: str) -> None:
        """Text the parser hands on itself (an entity it knows)."""
        if self.builder is not None:
            self.builder.data(text)

    def close(self) -> None:
        return None


def xml_entries(path: Path, tags: Collection[str], report: ImportReport, *,
                what: str, progress: Progress | None = None,
                root: dict[str, str] | None = None) -> Iterator[tuple[int, Element]]:
    """(line, element) for each element of ``path`` whose local tag is in ``tags``, children
    in local tags too, the file decoded in the encoding it declares (:func:`decoded_chunks`:
    lines in another encoding are kept and reported). ``root``, when given, receives the root
    element's attributes. Problems
    (broken XML, refused entities, no entries: ``what`` names the expected file) go to
    ``report``."""
    target = _Entries(frozenset(tags))
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    target.attach(parser)
    found = 0
    error: Exception | None = None
    try:
        total = path.stat().st_size
        with path.open("rb") as fh:
            chunks = decoded_chunks(fh, path, report)
            while error is None:
                done, chunk = next(chunks, (total, ""))
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
        seen = f" (its root element is <{target.root_tag}>)" if target.root_tag else ""
        report.skip(path, None, f"no {' or '.join(tags)} entries{seen}: is this {what}?")


#: Encodings in which a run of whole lines decodes if and only if each line does (no
#: character holds the byte of a line feed, no state runs from line to line): such lines
#: are decoded, and handed to the parser, a run at a time.
_LINE_SAFE = frozenset({"utf-8", "ascii", "iso8859-1", "iso8859-15", "cp1252"})

_DECLARED = re.compile(rb"""^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def decoded_chunks(fh: IO[bytes], path: Path, report: ImportReport) -> Iterator[tuple[int, str]]:
    """(bytes read so far, text) of an XML file, decoded in the encoding it declares.

    A line that is not in that encoding (a UTF-8 file with Windows-1252 bytes: the usual
    fault) is read as Windows-1252 and put in ``report.changed`` naming the encoding, so
    every entry is kept instead of the parse stopping at the first bad byte. A byte-order
    mark is dropped; an encoding Python does not know is reported and read as UTF-8.
    """
    head = fh.read(4)
    fh.seek(0)
    encoding = "utf-8"
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    else:
        if head[:3] == codecs.BOM_UTF8:
            fh.seek(3)
        m = _DECLARED.match(fh.readline(4096).lstrip())
        fh.seek(3 if head[:3] == codecs.BOM_UTF8 else 0)
        if m:
            declared = m.group(1).decode("ascii")
            try:
                encoding = codecs.lookup(declared).name
            except LookupError:
                report.change(path, 1, f"declares the encoding {declared!r}, which is not "
                                       "known: read as UTF-8", field="encoding")
    if encoding.startswith("utf-16"):
        text = io.TextIOWrapper(fh, encoding="utf-16", errors="replace", newline="")
        while piece := text.read(_CHUNK):
            yield fh.tell(), piece
        return
    line, done, carry = 1, 0, b""
    batch: list[bytes] = []  # whole lines read ahead, handed out as one piece if they decode
    size = 0
    while True:
        raw = fh.readline(_CHUNK)
        whole = raw.endswith(b"\n") and not carry and encoding in _LINE_SAFE
        if whole:
            batch.append(raw)
            size += len(raw)
            if size < _CHUNK:
                continue
        singles: list[bytes] = []  # what is decoded a line (or a piece of one) at a time
        if batch:
            try:
                piece = b"".join(batch).decode(encoding)
            except UnicodeDecodeError:  # a line that is not: each line on its own, below
                singles = batch
            else:
                done += size
                line += piece.count("\n")
                yield done, piece
            batch, size = [], 0
        if not whole:
            singles = [*singles, raw]
        for one in singles:
            done += len(one)
            data = carry + one
            if not data:
                return
            try:
                piece = data.decode(encoding)
            except UnicodeDecodeError as exc:
                if one and not one.endswith(b"\n") and exc.end == len(data):
                    carry = data  # a character cut at the end of the piece: read on
                    continue
                piece = data.decode("cp1252", errors="replace")
                report.change(path, line, f"the file declares {encoding.upper()} but byte "
                                          f"0x{data[exc.start]:02x} is not "
                                          f"{encoding.upper()}: this line was read as "
                                          "Windows-1252", field="encoding")
            carry = b""
            line += piece.count("\n")
            yield done, piece
