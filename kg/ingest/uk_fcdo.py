"""The UK Sanctions List published by the FCDO (``UK_Sanctions_List.xml``) -> records.

Distinct from OFSI's ConList: one ``Designation`` per designated person, entity or ship,
with ``UniqueID`` (the UK Sanctions List reference, ``RUS0001``), ``OFSIGroupID``,
``UNReferenceNumber``, ``LastUpdated`` and ``DateDesignated`` (``dd/mm/yyyy``),
``IndividualEntityShip``, ``RegimeName``, ``DesignationSource`` (UK or UN),
``SanctionsImposed`` (``|``-separated), ``OtherInformation``, ``UKStatementofReasons``,
``Names/Name`` (``Name1``..``Name6`` or ``Name``, ``NameType``: Primary name, Primary name
variation, Alias; ``AliasStrength``), ``NonLatinNames`` (``NameNonLatinScript``),
``Addresses/Address`` (``AddressLine1``..``6``, ``AddressPostalCode``, ``AddressCountry``),
``IndividualDetails/Individual`` (``DOBs/DOB``, ``Nationalities/Nationality``,
``Positions/Position``, ``BirthDetails/Location``) and ``ShipDetails/Ship``
(``IMONumbers/IMONumber``, ``CurrentBelievedFlagOfShips``).

Each designation becomes an actor ``uk-<unique id>`` (``uk-rus0001``): the first primary
name, every other name and non-Latin name an alias, weak aliases (``AliasStrength`` weak or
low) its ``weak_aliases``; the dates of birth (``dd/mm/yyyy``, ``00`` for an unknown day or
month) are its ``birth_dates`` and the nationalities its ``nationalities`` (ISO codes), read
by :mod:`kg.ingest.identity` (one that cannot be read is in the import report with the
designation and the field); ``identifiers`` hold, under the schemes of
:data:`kg.model.identity.IDENTIFIER_SCHEMES`, ``uk_sanctions_list_ref``, ``uk_group_id``,
``un_reference``, ``imo``, ``birth_place`` and ``last_updated``, and
``designation_source``. One sanction ``<actor>-listing`` is
imposed by ``gb`` and issued by the FCDO (``gb-fcdo``, part of ``gb``) on
``DateDesignated``, with the measures ``SanctionsImposed`` names and reasons from the
regime (kg/curated/uk_regimes.yaml, the regime's words kept). The statement of reasons and
other information are kept in the description. Streamed with
:func:`kg.ingest.xmlstream.xml_entries`; ``kg import uk`` reads a file whose content is XML
this way (:func:`kg.ingest.uk.uk_format`), and the CSV edition through
:mod:`kg.ingest.uk_fcdo_csv`, which builds the same ``Designation`` elements.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from kg.ingest.bodies import body
from kg.ingest.common import (
    ImportReport,
    Progress,
    Record,
    Seen,
    citation,
    country_code,
    file_source,
    read_date,
    weak_names,
)
from kg.ingest.identity import birth_dates, nationalities
from kg.ingest.regimes import UK_REGIMES, uk_regime_refs
from kg.ingest.rows import checked_in, fit_name, source_id
from kg.ingest.tabular import dmy_date
from kg.ingest.xmlstream import child_text, child_texts, find_all, xml_entries
from kg.model.records import Actor, Sanction, Source
from kg.model.vocab import ActorKind, Measure
from kg.resolve.classify import classify_measures
from kg.resolve.resolver import normalize

__all__ = ["FCDO_PUBLISHER", "designation_records", "read_fcdo"]

FCDO_PUBLISHER = "Foreign, Commonwealth and Development Office (FCDO): UK Sanctions List"
_KINDS = {"individual": ActorKind.PERSON, "entity": ActorKind.ORGANIZATION,
          "ship": ActorKind.VESSEL}
_REF = re.compile(r"[A-Z]{3}\d{4}")
_DMY = re.compile(r"\d{2}/\d{2}/\d{4}")


def _texts(elem: Element, path: str) -> list[str]:
    return list(dict.fromkeys(child_texts(elem, path)))


def _name(tag: Element) -> str:
    whole = child_text(tag, "Name")
    parts = [child_text(tag, f"Name{i}") for i in range(1, 7)]
    return whole or " ".join(p for p in parts if p)


def _date(text: str | None, report: ImportReport, path: Path, line: int, record: str,
          field: str) -> str | None:
    """An ISO date from the list's ``dd/mm/yyyy`` (``00`` for an unknown day or month);
    any other form is read as :func:`kg.ingest.common.read_date` reads it and reported."""
    if not text:
        return None
    if _DMY.fullmatch(text):
        iso = dmy_date(text)
        if iso is not None:
            return iso
    return read_date(text, report, path, line, record=record, field=field, convention="dmy")


def read_fcdo(paths: Iterable[Path], report: ImportReport, *, progress: Progress | None = None,
              seen: Seen | None = None) -> Iterator[Record]:
    """Stream records from FCDO UK Sanctions List XML files (see the module docstring)."""
    seen = seen or Seen()
    for path in paths:
        report.files.append(str(path))
        src = file_source("uk", path, FCDO_PUBLISHER)
        for line, elem in xml_entries(path, ("Designation",), report,
                                      what="the FCDO's UK Sanctions List XML",
                                      progress=progress):
            report.read += 1
            yield from designation_records(elem, line, path, src, report, seen)


def designation_records(elem: Element, line: int, path: Path, src: Source,
                        report: ImportReport, seen: Seen) -> Iterator[Record]:
    """The records of one ``Designation`` element read from ``path`` at ``line``: the
    source, ``gb`` and the FCDO the first time, then the actor and its listing; nothing
    (and a report entry) for a designation with no UniqueID or name, or a UniqueID seen
    before. :mod:`kg.ingest.uk_fcdo_csv` builds the same element from the CSV's rows."""
    records = _designation(elem, line, path, src.id, report)
    if records is None:
        return
    actor, sanction = records
    if not seen.first(actor):
        report.skip(path, line, f"UniqueID of {actor.id} appears twice; the first is kept")
        return
    yield from seen.source(src)
    yield from seen.state("gb")
    fcdo = body("gb-fcdo")
    if seen.first(fcdo):
        yield fcdo
    yield actor
    yield sanction


def _designation(elem: Element, line: int, path: Path, src_id: str,
                 report: ImportReport) -> tuple[Actor, Sanction] | None:
    unique = child_text(elem, "UniqueID")
    if not unique:
        report.skip(path, line, "Designation has no UniqueID")
        return None
    actor_id = f"uk-{unique.lower()}" if _REF.fullmatch(unique) else \
        source_id("uk", unique, report, path, line, record=f"Designation {unique}",
                  field="UniqueID", kept="uk_sanctions_list_ref")
    primary: str | None = None
    names: list[str] = []
    weak: list[str] = []
    for tag in find_all(elem, "Names/Name"):
        text = _name(tag)
        if not text:
            continue
        kind_of = (child_text(tag, "NameType") or "").lower()
        if kind_of == "primary name" and primary is None:
            primary = text
        elif (child_text(tag, "AliasStrength") or "").lower() in ("weak", "low"):
            weak.append(text)
        else:
            names.append(text)
    names += _texts(elem, "NonLatinNames/NameNonLatinScript")
    name = primary or (names[0] if names else None) or (weak[0] if weak else None)
    if not name:
        report.skip(path, line, f"Designation {unique} has no name")
        return None
    aliases = [a for a in dict.fromkeys(names) if a != name]
    weak = weak_names([name, *aliases], weak)
    name, whole = fit_name(name, report, path, line, record=actor_id, field="Names/Name")
    aliases += whole
    kind = _KINDS.get((child_text(elem, "IndividualEntityShip") or "").lower())
    if kind is None:
        said = child_text(elem, "IndividualEntityShip")
        report.change(path, line, f"IndividualEntityShip {said!r}"
                                  " is not Individual, Entity or Ship: read as an organization",
                      record=actor_id, field="IndividualEntityShip")
        kind = ActorKind.ORGANIZATION
    person = "IndividualDetails/Individual"
    nation_texts = _texts(elem, f"{person}/Nationalities/Nationality")
    flags = _texts(elem, "ShipDetails/Ship/CurrentBelievedFlagOfShips/CurrentBelievedFlagOfShip")
    countries = nation_texts + flags + _texts(elem, "Addresses/Address/AddressCountry")
    country = next((c for c in (country_code(x) for x in countries) if c and len(c) == 2), None)
    dobs = birth_dates(_texts(elem, f"{person}/DOBs/DOB"), report, path, line,
                       record=actor_id, field="DOB", convention="dmy")
    nats = nationalities(nation_texts, report, path, line, record=actor_id,
                         field="Nationality")
    places = [", ".join(p for p in (child_text(loc, "TownOfBirth"),
                                    child_text(loc, "CountryOfBirth"))
                        if p) for loc in find_all(elem, f"{person}/BirthDetails/Location")]
    ids = {
        "uk_sanctions_list_ref": unique, "uk_group_id": child_text(elem, "OFSIGroupID"),
        "un_reference": "; ".join(_texts(elem, "UNReferenceNumber")) or None,
        "birth_place": "; ".join(p for p in places if p) or None,
        "imo": "; ".join(_texts(elem, "ShipDetails/Ship/IMONumbers/IMONumber")) or None,
        "designation_source": child_text(elem, "DesignationSource"),
        "last_updated": _date(child_text(elem, "LastUpdated"), report, path, line, actor_id,
                              "LastUpdated"),
    }
    notes = [f"UK statement of reasons: {t}" for t in _texts(elem, "UKStatementofReasons")]
    notes += _texts(elem, "OtherInformation")
    cite = [citation(src_id)]
    positions = "; ".join(_texts(elem, f"{person}/Positions/Position"))
    actor = checked_in(Actor, dict(
        id=actor_id, name=name, kind=kind, country=country,
        aliases=aliases, weak_aliases=weak,
        identifiers={k: v for k, v in ids.items() if v},
        birth_dates=dobs, nationalities=nats,
        description="\n".join(notes) or None,
        position=positions or None if kind is ActorKind.PERSON else None,
        sources=cite), report, path, line, record=actor_id)
    if actor is None:
        return None
    regimes = _texts(elem, "RegimeName")
    if any(normalize(r) not in UK_REGIMES for r in regimes):
        report.note("regimes not in kg/curated/uk_regimes.yaml, kept as 'other' with their "
                    "words")
    date = _date(child_text(elem, "DateDesignated"), report, path, line, actor_id, "DateDesignated")
    imposed = [m.strip() for t in _texts(elem, "SanctionsImposed") for m in t.split("|")
               if m.strip()]
    sanction = checked_in(Sanction, dict(
        id=f"{actor_id}-listing", imposers=["gb"], authorities=["gb-fcdo"],
        targets=[actor_id], measures=list(_measures(tuple(imposed))) if imposed else [],
        reasons=[r for regime in regimes for r in uk_regime_refs(regime)],
        date=date, program="; ".join(regimes) or None, sources=cite),
        report, path, line, record=f"{actor_id}-listing")
    return None if sanction is None else (actor, sanction)


@functools.lru_cache(maxsize=4096)  # a list repeats its sanctions imposed
def _measures(imposed: tuple[str, ...]) -> tuple[Measure, ...]:
    """:func:`kg.resolve.classify.classify_measures` of a designation's measures."""
    return tuple(classify_measures(imposed))
