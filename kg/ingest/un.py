"""UN Security Council consolidated sanctions list (XML) -> records.

The list holds ``INDIVIDUALS/INDIVIDUAL`` and ``ENTITIES/ENTITY`` entries with ``DATAID``,
``FIRST_NAME`` to ``FOURTH_NAME`` (an entity's name is its ``FIRST_NAME``), ``UN_LIST_TYPE``
(the regime: Al-Qaida, DPRK, Libya, ...), ``REFERENCE_NUMBER`` (``QDi.001``: regime, ``i``
individual or ``e`` entity, number), ``LISTED_ON``, ``COMMENTS1``, ``NATIONALITY/VALUE``,
``DESIGNATION/VALUE``, ``INDIVIDUAL_ALIAS``/``ENTITY_ALIAS`` (``QUALITY``, ``ALIAS_NAME``),
``INDIVIDUAL_DATE_OF_BIRTH`` (``DATE``, ``YEAR`` or ``FROM_YEAR``/``TO_YEAR``) and
``INDIVIDUAL_DOCUMENT`` (``TYPE_OF_DOCUMENT``, ``NUMBER``), and addresses with a ``COUNTRY``.
Dates are ``xs:date``, some with a time zone (``2015-07-01-04:00``), which is dropped
(:func:`kg.ingest.xmlstream.xsd_date`).
The actor keeps the dates of birth, the nationalities (ISO codes; a qualified one,
"Sudanese by birth", "naturalized British", as its country, the report saying how it was
read) and, in ``identifiers``,
``un_reference``, ``un_dataid``, ``passport`` and ``national_id`` (other documents under
their type).

Each entry becomes an actor ``un-<reference>`` (``un-qdi-001``), its aliases and original-script
names as aliases except those of ``QUALITY`` "Low", which are its weak aliases, and a sanction
``un-<reference>-listing`` imposed by ``un`` on ``LISTED_ON``, with reasons from the regime
(:data:`kg.ingest.crosswalks.UN_REGIMES`) and the measures every UN regime applies to listed
names: asset freeze and arms embargo, and for individuals a travel ban.

The file is parsed with :mod:`defusedxml` (no entity expansion, no external entities, so an
"XML bomb" is refused) and streamed: each entry is built, turned into records and dropped.
Broken XML stops that file at the error, which is reported with its line; the entries before
it are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from kg.ingest.common import (
    ImportReport,
    Progress,
    Record,
    Seen,
    citation,
    country_code,
    file_source,
    read_date,
    slug_id,
    weak_names,
)
from kg.ingest.crosswalks import un_regime_reasons
from kg.ingest.identity import Identity, birth_dates, nationalities
from kg.ingest.rows import checked_in, fit_name
from kg.ingest.xmlstream import child_text, child_texts, find_all, xml_entries, xsd_date
from kg.model.records import Actor, ReasonRef, Sanction
from kg.model.vocab import ActorKind, Measure
from kg.resolve.resolver import country_name

__all__ = ["read_un"]

_RECORDS = {"INDIVIDUAL": ActorKind.PERSON, "ENTITY": ActorKind.ORGANIZATION}

#: How the list qualifies a nationality: "Sudanese by birth", "Iraqi (by birth)",
#: "naturalized British", "Bosnia and Herzegovina (naturalised)".
_QUALIFIED = re.compile(
    r"(?i)^(?:(?P<before>naturali[sz]ed)\s+(?P<a>.+?)|(?P<b>.+?)\s*(?:\(\s*)?"
    r"(?P<after>by birth|at birth|by naturali[sz]ation|naturali[sz]ed)(?:\s*\))?)$")


def _nationalities(values: list[str], report: ImportReport, path: Path, line: int,
                   record: str) -> list[str]:
    """The nationality texts of an entry as :func:`~kg.ingest.identity.nationalities`
    reads them, a qualified one ("Sudanese by birth") as its country, the report saying
    how it was read ("nationality 'Sudanese by birth' read as sd (Sudan), by birth"): the
    model keeps nationalities as country codes only."""
    out = []
    for value in values:
        m = _QUALIFIED.match(" ".join(value.split()))
        code = country_code(m["a"] or m["b"]) if m else None
        if m and code and len(code) == 2:
            how = (m["before"] or m["after"]).lower()
            report.change(path, line, f"nationality {value!r} read as {code} "
                                      f"({country_name(code)}), {how}",
                          record=record, field="NATIONALITY")
            out.append(code)
        else:
            out.append(value)
    return out


def _entries(path: Path, report: ImportReport,
             progress: Progress | None) -> Iterator[tuple[int, Element]]:
    return xml_entries(path, tuple(_RECORDS), report, what="the UN consolidated list XML",
                       progress=progress)


def _aliases(elem: Element, tag: str) -> tuple[list[str], list[str]]:
    """(strong, weak) alias names of an entry: an alias whose ``QUALITY`` is "Low" (or "Very
    Low") is weak; "Good", "a.k.a.", "f.k.a." or none is strong."""
    strong: list[str] = []
    weak: list[str] = []
    for alias in find_all(elem, tag):
        name = child_text(alias, "ALIAS_NAME")
        if name:
            low = "low" in (child_text(alias, "QUALITY") or "").lower()
            (weak if low else strong).append(name)
    return strong, weak


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


def _dobs(elem: Element) -> list[str]:
    """Each INDIVIDUAL_DATE_OF_BIRTH as text: its DATE, else YEAR, else FROM_YEAR to TO_YEAR
    (TYPE_OF_DATE EXACT, APPROXIMATELY or BETWEEN)."""
    out: list[str] = []
    for dob in find_all(elem, "INDIVIDUAL_DATE_OF_BIRTH"):
        date, year = xsd_date(child_text(dob, "DATE")), child_text(dob, "YEAR")
        lo, hi = child_text(dob, "FROM_YEAR"), child_text(dob, "TO_YEAR")
        if date or year:
            out.append(date or year or "")
        elif lo or hi:
            out.append(f"{lo} to {hi}" if lo and hi else lo or hi or "")
    return out


#: UN TYPE_OF_DOCUMENT (lower case, start) -> identifier scheme.
_DOCUMENTS = (("passport", "passport"), ("national identification", "national_id"),
              ("national identity", "national_id"), ("national id", "national_id"),
              ("identity card", "national_id"))


def _documents(elem: Element) -> dict[str, str]:
    found = Identity()
    for doc in find_all(elem, "INDIVIDUAL_DOCUMENT"):
        kind = (child_text(doc, "TYPE_OF_DOCUMENT") or "").lower()
        number = child_text(doc, "NUMBER")
        scheme = next((s for start, s in _DOCUMENTS if kind.startswith(start)), None)
        if number:
            found.add_id(scheme or slug_id("doc", kind or "other").removeprefix("doc-")
                         .replace("-", "_"), number)
    return found.joined()


def _entry(elem: Element, line: int, path: Path, src_id: str,
           report: ImportReport) -> tuple[Actor, Sanction] | None:
    kind = _RECORDS[elem.tag]
    ref = child_text(elem, "REFERENCE_NUMBER")
    dataid = child_text(elem, "DATAID")
    name = " ".join(n for n in (child_text(elem, t) for t in
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
    strong, weak = _aliases(elem, alias_tag)
    aliases = [a for a in dict.fromkeys(strong + child_texts(elem, "NAME_ORIGINAL_SCRIPT"))
               if a != name]
    country = None
    address_tag = "INDIVIDUAL_ADDRESS" if kind is ActorKind.PERSON else "ENTITY_ADDRESS"
    nat_texts = _nationalities(child_texts(elem, "NATIONALITY/VALUE"), report, path, line,
                               actor_id)
    for c in nat_texts + child_texts(elem, f"{address_tag}/COUNTRY"):
        code = country_code(c)
        if code and len(code) == 2:
            country = code
            break
    identifiers = {k: v for k, v in (("un_reference", ref), ("un_dataid", dataid)) if v}
    identifiers.update(_documents(elem))
    dobs = birth_dates(_dobs(elem), report, path, line, record=actor_id,
                       field="INDIVIDUAL_DATE_OF_BIRTH", convention="dmy")
    nats = nationalities(nat_texts, report, path, line,
                         record=actor_id, field="NATIONALITY")
    comments = child_text(elem, "COMMENTS1")
    designation = child_texts(elem, "DESIGNATION/VALUE")
    cite = [citation(src_id)]
    name, whole = fit_name(name, report, path, line, record=actor_id, field="FIRST_NAME")
    aliases += whole
    actor = checked_in(Actor, dict(
        id=actor_id, name=name, kind=kind, country=country,
        aliases=aliases, weak_aliases=weak_names([name, *aliases], weak),
        identifiers=identifiers, description=comments,
        birth_dates=dobs, nationalities=nats,
        position="; ".join(designation) or None, sources=cite),
        report, path, line, record=actor_id)
    if actor is None:
        return None
    list_type = child_text(elem, "UN_LIST_TYPE")
    regime, reasons = un_regime_reasons(list_type, ref)
    # The UN writes dates day first (06/10/2001 is 6 October 2001).
    date = read_date(xsd_date(child_text(elem, "LISTED_ON")), report, path, line, record=actor_id,
                     field="LISTED_ON", convention="dmy")
    measures = [Measure.ASSET_FREEZE, Measure.ARMS_EMBARGO]
    if kind is ActorKind.PERSON:
        measures.insert(1, Measure.TRAVEL_BAN)
    sanction = checked_in(Sanction, dict(
        id=f"{actor_id}-listing", imposers=["unsc"], targets=[actor_id],
        measures=measures, date=date, program=regime,
        reasons=[ReasonRef(category=r, detail=regime) for r in reasons],
        sources=cite), report, path, line, record=f"{actor_id}-listing")
    return None if sanction is None else (actor, sanction)
