"""UN Security Council consolidated sanctions list (XML) -> records.

The list holds ``INDIVIDUALS/INDIVIDUAL`` and ``ENTITIES/ENTITY`` entries with ``DATAID``,
``FIRST_NAME`` to ``FOURTH_NAME`` (an entity's name is its ``FIRST_NAME``), ``UN_LIST_TYPE``
(the regime: Al-Qaida, DPRK, Libya, ...), ``REFERENCE_NUMBER`` (``QDi.001``: regime, ``i``
individual or ``e`` entity, number), ``LISTED_ON``, ``COMMENTS1``, ``NATIONALITY/VALUE``,
``DESIGNATION/VALUE``, ``INDIVIDUAL_ALIAS``/``ENTITY_ALIAS`` (``QUALITY``, ``ALIAS_NAME``)
and addresses with a ``COUNTRY``.

Each entry becomes an actor ``un-<reference>`` (``un-qdi-001``) and a sanction
``un-<reference>-listing`` imposed by ``un`` on ``LISTED_ON``, with reasons from the regime
(:data:`kg.ingest.crosswalks.UN_REGIMES`) and the measures every UN regime applies to listed
names: asset freeze and arms embargo, and for individuals a travel ban.

The file is parsed with :mod:`defusedxml` (no entity expansion, no external entities, so an
"XML bomb" is refused) and streamed: each entry is built, turned into records and dropped.
Broken XML stops that file at the error, which is reported with its line; the entries before
it are kept.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from kg.ingest.common import (
    MAX_NAME,
    ImportReport,
    Progress,
    Record,
    Seen,
    file_source,
    read_date,
)
from kg.ingest.crosswalks import un_regime_reasons
from kg.model.records import Actor, Citation, ReasonRef, Sanction
from kg.model.vocab import ActorKind, Measure
from kg.resolve.resolver import country_code

__all__ = ["read_un"]

_RECORDS = {"INDIVIDUAL": ActorKind.PERSON, "ENTITY": ActorKind.ORGANIZATION}
_CHUNK = 1 << 16


class _Entries:
    """Parser target that builds each INDIVIDUAL/ENTITY subtree on its own (with the line
    it starts on) and nothing else, so memory does not grow with the file."""

    def __init__(self) -> None:
        self.parser: Any = None
        self.builder: TreeBuilder | None = None
        self.depth = 0
        self.line = 0
        self.done: list[tuple[int, Element]] = []

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        tag = tag.rsplit("}", 1)[-1]
        if self.builder is None:
            if tag not in _RECORDS:
                return
            self.builder = TreeBuilder()
            self.line = self.parser.parser.CurrentLineNumber
        self.depth += 1
        self.builder.start(tag, attrs)

    def end(self, tag: str) -> None:
        if self.builder is None:
            return
        self.builder.end(tag.rsplit("}", 1)[-1])
        self.depth -= 1
        if self.depth == 0:
            self.done.append((self.line, self.builder.close()))
            self.builder = None

    def data(self, text: str) -> None:
        if self.builder is not None:
            self.builder.data(text)

    def close(self) -> None:
        return None


def _entries(path: Path, report: ImportReport,
             progress: Progress | None) -> Iterator[tuple[int, Element]]:
    target = _Entries()
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    target.parser = parser
    found = 0
    error: Exception | None = None
    try:
        total = path.stat().st_size
        with path.open("rb") as fh:
            chunks = _decoded(fh, path, report)
            while error is None:
                done, chunk = next(chunks, (total, ""))
                try:
                    if chunk:
                        parser.feed(chunk)
                    else:
                        parser.close()
                except (ParseError, DefusedXmlException) as exc:
                    error = exc
                # Entries completed before an error are good; hand them out first.
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
        report.skip(path, None, "no INDIVIDUAL or ENTITY entries: is this the UN "
                                "consolidated list XML?")


_DECLARED = re.compile(rb"""^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _decoded(fh: IO[bytes], path: Path, report: ImportReport) -> Iterator[tuple[int, str]]:
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
    while True:
        raw = fh.readline(_CHUNK)
        done += len(raw)
        data = carry + raw
        if not data:
            return
        try:
            piece = data.decode(encoding)
        except UnicodeDecodeError as exc:
            if raw and not raw.endswith(b"\n") and exc.end == len(data):
                carry = data  # a character cut at the end of the piece: read on
                continue
            piece = data.decode("cp1252", errors="replace")
            report.change(path, line, f"the file declares {encoding.upper()} but byte "
                                      f"0x{data[exc.start]:02x} is not {encoding.upper()}: "
                                      "this line was read as Windows-1252", field="encoding")
        carry = b""
        line += piece.count("\n")
        yield done, piece


def _text(elem: Element, tag: str) -> str | None:
    child = elem.find(tag)
    if child is None or child.text is None:
        return None
    value = " ".join(child.text.split())
    return value or None


def _texts(elem: Element, path: str) -> list[str]:
    return [" ".join(e.text.split()) for e in elem.iterfind(path) if e.text and e.text.strip()]


def read_un(paths: Iterable[Path], report: ImportReport, *,
            progress: Progress | None = None) -> Iterator[Record]:
    """Stream records from UN consolidated list XML files (see the module docstring)."""
    seen = Seen()
    for path in paths:
        report.files.append(str(path))
        src = file_source("un", path, "United Nations Security Council")
        for line, elem in _entries(path, report, progress):
            report.read += 1
            records = _entry(elem, line, path, src.id, report)
            if records is None:
                continue
            actor, sanction = records
            if not seen.first(actor):
                report.skip(path, line, f"reference {actor.identifiers.get('un_reference')} "
                                        "appears twice; the first is kept")
                continue
            yield from seen.source(src)
            yield from seen.state("unsc")
            yield actor
            yield sanction


def _entry(elem: Element, line: int, path: Path, src_id: str,
           report: ImportReport) -> tuple[Actor, Sanction] | None:
    kind = _RECORDS[elem.tag]
    ref = _text(elem, "REFERENCE_NUMBER")
    dataid = _text(elem, "DATAID")
    name = " ".join(n for n in (_text(elem, t) for t in
                                ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) if n)
    if not name:
        report.skip(path, line, f"{elem.tag} {ref or dataid or ''} has no FIRST_NAME".strip())
        return None
    if ref and re.fullmatch(r"[A-Za-z]{3}\.\d+", ref):
        actor_id = "un-" + ref.lower().replace(".", "-")
    elif dataid and dataid.isdigit():
        actor_id = f"un-dataid-{dataid}"
    else:
        report.skip(path, line, f"{elem.tag} {name!r} has neither a REFERENCE_NUMBER like "
                                "QDi.001 nor a numeric DATAID")
        return None
    alias_tag = "INDIVIDUAL_ALIAS" if kind is ActorKind.PERSON else "ENTITY_ALIAS"
    aliases = [a for a in dict.fromkeys(
        _texts(elem, f"{alias_tag}/ALIAS_NAME") + _texts(elem, "NAME_ORIGINAL_SCRIPT"))
        if a != name]
    country = None
    address_tag = "INDIVIDUAL_ADDRESS" if kind is ActorKind.PERSON else "ENTITY_ADDRESS"
    for c in _texts(elem, "NATIONALITY/VALUE") + _texts(elem, f"{address_tag}/COUNTRY"):
        code = country_code(c)
        if code and len(code) == 2:
            country = code
            break
    identifiers = {k: v for k, v in (("un_reference", ref), ("un_dataid", dataid)) if v}
    comments = _text(elem, "COMMENTS1")
    designation = _texts(elem, "DESIGNATION/VALUE")
    cite = [Citation(source=src_id)]
    if len(name) > MAX_NAME:
        report.change(path, line, f"name of {len(name)} characters cut to {MAX_NAME}; the "
                                  "whole name is kept as an alias", record=actor_id,
                      field="FIRST_NAME")
        aliases.append(name)
        name = name[:MAX_NAME]
    actor = Actor(id=actor_id, name=name, kind=kind, country=country,
                  aliases=aliases, identifiers=identifiers, description=comments,
                  position="; ".join(designation) or None, sources=cite)
    list_type = _text(elem, "UN_LIST_TYPE")
    regime, reasons = un_regime_reasons(list_type, ref)
    # The UN writes dates day first (06/10/2001 is 6 October 2001).
    date = read_date(_text(elem, "LISTED_ON"), report, path, line, record=actor_id,
                     field="LISTED_ON", convention="dmy")
    measures = [Measure.ASSET_FREEZE, Measure.ARMS_EMBARGO]
    if kind is ActorKind.PERSON:
        measures.insert(1, Measure.TRAVEL_BAN)
    sanction = Sanction(id=f"{actor_id}-listing", imposers=["unsc"], targets=[actor_id],
                        measures=measures, date=date, program=regime,
                        reasons=[ReasonRef(category=r, detail=regime) for r in reasons],
                        sources=cite)
    return actor, sanction
