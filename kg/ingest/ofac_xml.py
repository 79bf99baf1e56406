"""OFAC's XML lists (``sdn.xml``, ``consolidated.xml``: the "SDN XML" format) -> records.

The root ``sdnList`` (namespace ``http://tempuri.org/sdnList.xsd`` in older files,
``https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML`` in newer
ones; tags are compared without it) holds a ``publshInformation`` (``Publish_Date``
mm/dd/yyyy, ``Record_Count``) and one ``sdnEntry`` per listing, with the children read here:

* ``uid`` (the entry's number: the legacy CSV's ``ent_num``), ``lastName`` (an entity's
  whole name), ``firstName``, ``title``, ``sdnType`` (Individual, Entity, Vessel,
  Aircraft), ``remarks``;
* ``programList/program`` (one tag each: ``SDGT``, ``IRAN``, ``RUSSIA-EO14024``);
* ``akaList/aka`` (``type`` a.k.a./f.k.a./n.k.a., ``category`` strong or weak, the names);
* ``idList/id`` (``idType``, ``idNumber``, ``idCountry``, ``issueDate``, ``expirationDate``);
* ``dateOfBirthList/dateOfBirthItem/dateOfBirth`` (``10 Dec 1968``, ``1968``, ``circa
  1968``, ``1968 to 1970``), ``placeOfBirthList/placeOfBirthItem/placeOfBirth``;
* ``nationalityList/nationality/country``, ``citizenshipList/citizenship/country``;
* ``addressList/address`` (``address1``..``3``, ``city``, ``stateOrProvince``,
  ``postalCode``, ``country``) and ``vesselInfo`` (``callSign``, ``vesselType``,
  ``vesselFlag``, ``vesselOwner``, ``tonnage``, ``grossRegisteredTonnage``).

**The same entry from the CSV and the XML is one actor**: ids, names and the sanction are
made exactly as :mod:`kg.ingest.ofac` makes them from the legacy CSV — actor
``ofac-<uid>`` named ``LAST, First`` (with ``First LAST`` as an alias) and sanction
``ofac-<uid>-sdn`` (``-cons`` for ``consolidated.xml`` or any file whose name has a word
starting ``cons``, such as ``ofac_consolidated.xml``: noted in the report),
imposed by ``us`` with OFAC as the issuing authority, with ``ofac_uid`` as the identifier
(a strong one: ``kg merge`` joins the CSV's and the XML's actor on it). The XML adds what
the CSV lacks, as every importer keeps it (:mod:`kg.ingest.identity`): the dates of birth
are the actor's ``birth_dates`` and the nationalities and citizenships its
``nationalities`` (ISO codes; a date or a country that cannot be read is in the import
report, with the entry and the field); the identity documents go into ``identifiers``
under the standard schemes of :data:`kg.model.identity.IDENTIFIER_SCHEMES` (``passport``,
``national_id``, ``imo``, ``lei``, ``swift_bic``, ``tax_number``, ``registration_number``,
``mmsi``: the number alone, so that it compares with the same number from another list),
every other ``idType`` under its own slug, and ``documents`` keeps each document as OFAC
writes it with its country (``Passport PD0012345 (Korea, North)``); places of birth are
``birth_place``, a vessel's ``call_sign``, ``vessel_type``, ``tonnage`` and
``gross_registered_tonnage`` too (several values joined by ``"; "``). **Weak AKAs**
(``category`` weak: OFAC's "low quality" names) are the actor's ``weak_aliases``, kept apart
from its aliases.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
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
    text_slug,
    weak_names,
)
from kg.ingest.identity import Identity, birth_dates, nationalities
from kg.ingest.ofac import OFAC_PUBLISHER, file_role, listing, ofac_body, read_ofac
from kg.ingest.rows import checked_in, fit_name
from kg.ingest.xmlstream import child_text, child_texts, find_all, xml_entries
from kg.model.records import Actor, Source
from kg.model.source_dates import read_source_date
from kg.model.vocab import ActorKind

__all__ = ["read_ofac_files", "read_ofac_xml"]

_KINDS = {"individual": ActorKind.PERSON, "vessel": ActorKind.VESSEL,
          "aircraft": ActorKind.AIRCRAFT}
#: OFAC ``idType`` (lower case) -> identifier scheme (kg/model/identity.py); any other type
#: is kept under its own slug.
_ID_KEYS = {"passport": "passport", "diplomatic passport": "passport",
            "national id no.": "national_id", "cedula no.": "national_id",
            "identification number": "national_id",
            "vessel registration identification": "imo", "imo": "imo",
            "legal entity number": "lei", "swift/bic": "swift_bic", "tax id no.": "tax_number",
            "registration number": "registration_number", "mmsi": "mmsi"}


def _person_name(elem: Element) -> str | None:
    """``LAST, First`` as the legacy CSV writes an individual's or an AKA's name."""
    last, first = child_text(elem, "lastName"), child_text(elem, "firstName")
    if last and first:
        return f"{last}, {first}"
    return last or first


@dataclass
class _Out:
    """What one file's entries share while they are read."""

    report: ImportReport
    seen: Seen
    used: set[tuple[str, str]]
    weak: dict[str, list[str]] = field(default_factory=dict)


def read_ofac_files(paths: Iterable[Path], report: ImportReport, *,
                    progress: Progress | None = None, lines: bool = False) -> Iterator[Record]:
    """What ``kg import ofac`` reads: SDN XML files (``*.xml``, this module) and legacy CSV
    files (:func:`kg.ingest.ofac.read_ofac`) in one import, the same entry from both kept
    once (the XML first: it holds more); ``lines`` is for the CSV reader."""
    paths = list(paths)
    xml = [p for p in paths if p.suffix.lower() == ".xml"]
    csv = [p for p in paths if p.suffix.lower() != ".xml"]
    seen = Seen()
    used: set[tuple[str, str]] = set()
    if xml:
        yield from read_ofac_xml(xml, report, progress=progress, seen=seen, used=used)
    if csv:
        yield from read_ofac(csv, report, progress=progress, seen=seen, used=used,
                             lines=lines)


def read_ofac_xml(paths: Iterable[Path], report: ImportReport, *,
                  progress: Progress | None = None, seen: Seen | None = None,
                  used: set[tuple[str, str]] | None = None) -> Iterator[Record]:
    """Stream records from OFAC SDN-XML files (see the module docstring).

    ``seen`` and ``used`` ((list, uid) pairs already imported) are shared with the CSV
    reader when both kinds of file are given to one import, so an entry read from both is
    imported once (the second is reported as skipped).
    """
    out = _Out(report, seen or Seen(), used if used is not None else set())
    for path in paths:
        report.files.append(str(path))
        lst = file_role(path)[1]
        if lst == "cons":
            report.note(f"{path.name}: read as OFAC's consolidated (non-SDN) list, as its name "
                        "says: no asset freeze")
        src = file_source("ofac", path, OFAC_PUBLISHER)
        for line, elem in xml_entries(path, ("sdnEntry", "publshInformation"), report,
                                      what="OFAC's sdn.xml or consolidated.xml (the "
                                           "Enhanced and Advanced XML, root <sanctionsData>"
                                           " and <Sanctions>, are other formats, not read;"
                                           " use sdn.xml or the CSV files)",
                                      progress=progress):
            if elem.tag == "publshInformation":
                published = read_source_date(child_text(elem, "Publish_Date"), convention="mdy")
                if published.date is not None:
                    src = src.model_copy(update={"published": published.date.text})
                continue
            report.read += 1
            yield from _entry(elem, line, lst, src, path, out)


def _entry(elem: Element, line: int, lst: str, src: Source, path: Path,
           out: _Out) -> Iterator[Record]:
    report = out.report
    uid = child_text(elem, "uid")
    if uid is None or not uid.isdigit():
        report.skip(path, line, f"sdnEntry: uid must be a number, not {uid!r}")
        return
    key = (lst, uid)
    if key in out.used:
        report.skip(path, line, f"uid {uid} was read already (twice in the file, or from "
                                "the CSV too); the first is kept")
        return
    kind = _KINDS.get((child_text(elem, "sdnType") or "").lower(), ActorKind.ORGANIZATION)
    name = _person_name(elem)
    if not name:
        report.skip(path, line, f"uid {uid}: sdnEntry has no lastName")
        return
    out.used.add(key)
    actor_id = f"ofac-{uid}"
    strong: list[str] = []
    weak: list[str] = []
    for aka in find_all(elem, "akaList/aka"):
        aka_name = _person_name(aka)
        if not aka_name:
            report.change(path, line, "an aka with no name left out", record=actor_id,
                          field="akaList")
            continue
        (weak if (child_text(aka, "category") or "").lower() == "weak" else strong).append(aka_name)
    if kind is ActorKind.PERSON and "," in name:
        last, _, first = name.partition(",")
        strong.append(f"{first.strip()} {last.strip()}".strip())
    name, whole = fit_name(name, report, path, line, record=actor_id, field="lastName")
    aliases = [a for a in dict.fromkeys(strong + whole) if a != name]
    weak = weak_names([name, *aliases], weak)
    vessel = elem.find("vesselInfo")
    flag = child_text(vessel, "vesselFlag") if vessel is not None else None
    nation_texts = child_texts(elem, "nationalityList/nationality/country")
    citizen_texts = child_texts(elem, "citizenshipList/citizenship/country")
    countries = nation_texts + citizen_texts + ([flag] if flag else []) + \
        child_texts(elem, "addressList/address/country")
    country = next((c for c in (_code(x) for x in countries) if c), None)
    dobs = birth_dates(child_texts(elem, "dateOfBirthList/dateOfBirthItem/dateOfBirth"), report,
                       path, line, record=actor_id, field="dateOfBirth", convention="dmy")
    nats = nationalities(nation_texts, report, path, line, record=actor_id,
                         field="nationality")
    nats += [c for c in nationalities(citizen_texts, report, path, line, record=actor_id,
                                      field="citizenship") if c not in nats]
    identifiers = _identifiers(elem, uid, vessel)
    remarks = child_text(elem, "remarks")
    owner = child_text(vessel, "vesselOwner") if vessel is not None else None
    cite = [citation(src.id)]
    actor = checked_in(Actor, dict(
        id=actor_id, name=name, kind=kind, country=country, aliases=aliases,
        identifiers=identifiers, birth_dates=dobs, nationalities=nats,
        position=child_text(elem, "title") if kind is ActorKind.PERSON else None,
        weak_aliases=weak,
        description=remarks or (f"Owner: {owner}" if owner else None),
        sources=cite), report, path, line, record=actor_id)
    sanction = listing(actor_id, lst, child_texts(elem, "programList/program"), src.id,
                       report, path, line) if actor else None
    if actor is None or sanction is None:
        return
    yield from out.seen.source(src)
    yield from out.seen.state("us")
    body = ofac_body()
    if out.seen.first(body):
        yield body
    yield actor
    yield sanction


def _code(text: str) -> str | None:
    # OFAC writes some names inverted: "Korea, North".
    code = country_code(text) or country_code(" ".join(reversed(text.split(",", 1))))
    return code if code and len(code) == 2 else None


def _identifiers(elem: Element, uid: str, vessel: Element | None) -> dict[str, str]:
    """``ofac_uid``, places of birth, vessel details and identity documents (see the module
    docstring), as ``Actor.identifiers`` holds them."""
    found = Identity()
    found.add_id("ofac_uid", uid)
    for p in child_texts(elem, "placeOfBirthList/placeOfBirthItem/placeOfBirth"):
        found.add_id("birth_place", p)
    if vessel is not None:
        found.add_id("call_sign", child_text(vessel, "callSign"))
        for tag, key in (("vesselType", "vessel_type"), ("tonnage", "tonnage"),
                         ("grossRegisteredTonnage", "gross_registered_tonnage")):
            found.add_id(key, child_text(vessel, tag))
    for doc in find_all(elem, "idList/id"):
        id_type = child_text(doc, "idType") or "id"
        number = child_text(doc, "idNumber")
        if not number:
            continue
        key = _ID_KEYS.get(id_type.lower()) or text_slug(id_type, 40).replace("-", "_")
        if key == "imo":
            number = number.removeprefix("IMO").strip()
        found.add_id(key, number)
        country = child_text(doc, "idCountry")
        if country:
            found.add_id("documents", f"{id_type} {number} ({country})")
    return {k: v for k, v in found.joined().items()}
