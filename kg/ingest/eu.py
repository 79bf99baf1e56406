"""The EU Financial Sanctions Files (``xmlFullSanctionsList_1_1``) -> records.

The file's root ``export`` (namespace ``http://eu.europa.ec/fpi/fsd/export``, a
``generationDate``) holds one ``sanctionEntity`` per listed person or entity, with the
attributes ``logicalId``, ``euReferenceNumber``, ``unitedNationId`` and ``designationDate``,
and the children read here:

* ``regulation`` (``programme``, ``publicationDate``, ``entryIntoForceDate``,
  ``numberTitle``, a ``publicationUrl``): the legal acts that listed it;
* ``subjectType`` (``code`` ``person`` or ``enterprise``);
* ``nameAlias`` (``wholeName``, or ``firstName``/``middleName``/``lastName``;
  ``nameLanguage``; ``strong`` true or false; ``function``): one per name and language;
* ``birthdate`` (``birthdate`` or ``year``/``monthOfYear``/``dayOfMonth``, ``city``,
  ``countryDescription``), ``citizenship`` (``countryIso2Code``), ``identification``
  (``identificationTypeCode`` such as ``passport`` or ``id``, ``number``,
  ``countryIso2Code``) and ``remark``.

Each entry becomes one actor ``eu-<logicalId>``: its name is the first strong English name
(else the first strong one), every other strong name in every language an alias, those with
``strong="false"`` its weak aliases (name search ranks them lower and no query takes the
actor by one alone); ``identifiers`` hold
``eu_reference``, ``eu_logical_id``, ``un_reference``, ``birth_place``, ``passport``,
``national_id`` and other documents by type; the dates of birth and the citizenships are the
actor's ``birth_dates`` and ``nationalities`` (a date that cannot be read is reported). One sanction
``eu-<logicalId>-listing`` is imposed by ``eu`` on ``designationDate`` (else the earliest
regulation's publication date), an asset freeze, with reasons from each programme
(:data:`kg.ingest.regimes.EU_PROGRAMMES`, the programme code kept as the detail) and the
regulations as its legal basis. The authority is the Council of the EU, named in the
sanction's ``authorities`` and written as the ``government_body`` actor ``eu-council`` that
is ``part_of`` ``eu`` (:func:`kg.ingest.bodies.body`).

Parsed with :mod:`defusedxml` and streamed (:func:`kg.ingest.xmlstream.xml_entries`).
"""

from __future__ import annotations

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
    clean_date,
    file_source,
    slug_id,
    url_source,
    weak_names,
)
from kg.ingest.identity import birth_dates
from kg.ingest.regimes import EU_PROGRAMMES, eu_programme_reasons
from kg.ingest.rows import checked_in, fit_name, source_id
from kg.ingest.xmlstream import find_all, xml_entries
from kg.model.records import Actor, Citation, ReasonRef, Sanction
from kg.model.vocab import ActorKind, Measure
from kg.resolve.resolver import is_country_code

__all__ = ["COUNCIL", "read_eu"]

#: The authority that adopts EU restrictive measures, part of ``eu``.
COUNCIL = body("eu-council")
_PUBLISHER = "European Commission, Financial Sanctions Files (for the Council of the EU)"
_KINDS = {"person": ActorKind.PERSON, "enterprise": ActorKind.ORGANIZATION}
_ID_KEYS = {"passport": "passport", "id": "national_id"}


def _attr(elem: Element, name: str) -> str | None:
    """The attribute ``name``, whitespace runs made one space, whole (a name is shortened
    and reported by :func:`kg.ingest.rows.fit_name`; no other field is cut)."""
    value = " ".join((elem.get(name) or "").split())
    return value or None


def read_eu(paths: Iterable[Path], report: ImportReport, *,
            progress: Progress | None = None) -> Iterator[Record]:
    """Stream records from EU Financial Sanctions Files XML (see the module docstring)."""
    seen = Seen()
    for path in paths:
        report.files.append(str(path))
        root: dict[str, str] = {}
        src = file_source("eu", path, _PUBLISHER)
        for line, elem in xml_entries(path, frozenset({"sanctionEntity"}), report,
                                      what="the EU Financial Sanctions Files XML",
                                      progress=progress, root=root):
            report.read += 1
            if src.published is None and root.get("generationDate"):
                src = src.model_copy(update={"published": clean_date(root["generationDate"])})
            records = _entry(elem, line, path, src.id, report)
            if records is None:
                continue
            if not seen.first(records[0]):
                report.skip(path, line, f"sanctionEntity logicalId "
                                        f"{records[0].identifiers.get('eu_logical_id')} "
                                        "appears twice; the first is kept")
                continue
            yield from seen.source(src)
            if seen.first(COUNCIL):
                yield from seen.state("eu")
                yield COUNCIL
            for url in records[2]:
                yield from seen.source(url_source(url))
            yield records[0]
            yield records[1]


def _names(elem: Element) -> tuple[list[str], list[str], str | None]:
    """(strong names, English first; weak names; the first function)."""
    strong: list[tuple[int, int, str]] = []
    weak: list[str] = []
    function = None
    for i, alias in enumerate(find_all(elem, "nameAlias")):
        name = _attr(alias, "wholeName") or " ".join(
            p for p in (_attr(alias, k) for k in ("firstName", "middleName", "lastName"))
            if p)
        function = function or _attr(alias, "function")
        if not name:
            continue
        if (alias.get("strong") or "true").strip().lower() == "false":
            weak.append(name)
            continue
        lang = (_attr(alias, "nameLanguage") or _attr(alias, "regulationLanguage") or "").upper()
        strong.append((0 if lang == "EN" else 1, i, name))
    ordered = [n for _, _, n in sorted(strong)]
    return list(dict.fromkeys(ordered)), list(dict.fromkeys(weak)), function


def _birth(elem: Element) -> tuple[list[str], list[str]]:
    """(date texts, places) of the ``birthdate`` children: ``birthdate``, else
    ``year``-``monthOfYear``-``dayOfMonth`` (a 0 or missing month or day left off)."""
    dates: list[str] = []
    places: list[str] = []
    for b in find_all(elem, "birthdate"):
        text = _attr(b, "birthdate")
        if text is None and _attr(b, "year"):
            parts = [_attr(b, "year") or ""] + [f"{int(v):02d}" for v in
                                                 (b.get("monthOfYear"), b.get("dayOfMonth"))
                                                 if v and v.isdigit() and int(v)]
            text = "-".join(parts[:3])
        if text:
            dates.append(text)
        place = ", ".join(p for p in (_attr(b, "city"), _attr(b, "countryDescription")) if p)
        if place:
            places.append(place)
    return dates, list(dict.fromkeys(places))


def _entry(elem: Element, line: int, path: Path, src_id: str,
           report: ImportReport) -> tuple[Actor, Sanction, list[str]] | None:
    logical = _attr(elem, "logicalId")
    ref = _attr(elem, "euReferenceNumber")
    strong, weak, function = _names(elem)
    if not logical:
        report.skip(path, line, "sanctionEntity has no logicalId")
        return None
    if not strong and not weak:
        report.skip(path, line, f"sanctionEntity {logical} has no nameAlias with a name")
        return None
    # With no strong name, the first weak one is the name (the rest stay weak).
    name, aliases = (strong[0], strong[1:]) if strong else (weak[0], [])
    weak = weak_names([name, *aliases], weak)
    subject = elem.find("subjectType")
    code = (subject.get("code") or "").lower() if subject is not None else ""
    kind = _KINDS.get(code, ActorKind.ORGANIZATION)
    citizenships = [c.lower() for c in (x.get("countryIso2Code") for x in
                                        find_all(elem, "citizenship")) if c and len(c) == 2
                    and c != "00"]
    dob_texts, places = _birth(elem)
    actor_id = source_id("eu", logical, report, path, line, record=f"sanctionEntity {logical}",
                         field="logicalId", kept="eu_logical_id")
    name, whole = fit_name(name, report, path, line, record=actor_id, field="wholeName")
    aliases += whole
    for code in [c for c in citizenships if not is_country_code(c)]:
        report.change(path, line, f"citizenship code {code.upper()!r} is not an ISO 3166 "
                      "country: left out", record=actor_id, field="countryIso2Code")
    citizenships = [c for c in citizenships if is_country_code(c)]
    dobs = birth_dates(dob_texts, report, path, line, record=actor_id, field="birthdate")
    ids: dict[str, list[str]] = {}
    for doc in find_all(elem, "identification"):
        number = _attr(doc, "number")
        if not number:
            continue
        kind_code = (doc.get("identificationTypeCode") or "other").lower()
        key = _ID_KEYS.get(kind_code, slug_id("id", kind_code).removeprefix("id-"))
        ids.setdefault(key, []).append(number)
    identifiers = {
        "eu_logical_id": logical, "eu_reference": ref,
        "un_reference": _attr(elem, "unitedNationId"),
        "birth_place": "; ".join(places) or None,
        **{k: "; ".join(dict.fromkeys(v)) for k, v in ids.items()},
    }
    remarks = [" ".join(r.text.split()) for r in find_all(elem, "remark") if r.text]
    description = "\n".join(remarks)
    cite = [citation(src_id)]
    actor = checked_in(Actor, dict(
        id=actor_id, name=name, kind=kind,
        country=citizenships[0] if citizenships else None, aliases=aliases,
        weak_aliases=weak,
        birth_dates=dobs, nationalities=list(dict.fromkeys(citizenships)),
        identifiers={k: v for k, v in identifiers.items() if v},
        description=description or None,
        position=function if kind is ActorKind.PERSON else None, sources=cite),
        report, path, line, record=actor_id)
    if actor is None:
        return None
    regulations = list(find_all(elem, "regulation"))
    programmes = list(dict.fromkeys(p for p in (_attr(r, "programme") for r in regulations) if p))
    unknown = [p for p in programmes if p.upper() not in EU_PROGRAMMES]
    if unknown:
        report.note("programmes not in kg/curated/eu_programmes.yaml, kept as 'other' with "
                    "their code")
    pub_dates = sorted(d for d in (clean_date(r.get("publicationDate")) for r in regulations)
                       if d)
    date = clean_date(elem.get("designationDate")) or (pub_dates[0] if pub_dates else None)
    if elem.get("designationDate") and not clean_date(elem.get("designationDate")):
        report.skip(path, line, f"field 'designationDate': {elem.get('designationDate')!r} is "
                                "not a date; left out (the rest of the entry is kept)")
    titles = list(dict.fromkeys(t for t in (_attr(r, "numberTitle") for r in regulations) if t))
    urls = [u.text.strip() for r in regulations for u in find_all(r, "publicationUrl")
            if u.text and u.text.strip()]
    url_cites = [Citation(source=sid) for sid in dict.fromkeys(
        x.id for x in (url_source(u) for u in urls) if x)]
    sanction = checked_in(Sanction, dict(
        id=f"{actor_id}-listing", imposers=["eu"], authorities=[COUNCIL.id],
        targets=[actor_id],
        measures=[Measure.ASSET_FREEZE],
        reasons=[ReasonRef(category=r, detail=p) for p in programmes
                 for r in eu_programme_reasons(p)],
        date=date, program="; ".join(programmes) or None,
        legal_basis="; ".join(titles) or None,
        sources=[*cite, *url_cites]), report, path, line, record=f"{actor_id}-listing")
    return None if sanction is None else (actor, sanction, urls)
