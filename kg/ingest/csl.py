"""The US Consolidated Screening List (trade.gov's ``consolidated.csv``) -> records.

One row per listing on one of the US government's screening lists, with a header row:
``_id, source, entity_number, type, programs, name, title, addresses,
federal_register_notice, start_date, end_date, standard_order, license_requirement,
license_policy, call_sign, vessel_type, gross_tonnage, gross_registered_tonnage,
vessel_flag, vessel_owner, remarks, source_list_url, alt_names, citizenships,
dates_of_birth, nationalities, places_of_birth, source_information_url, ids`` (the older
layout has no ``_id`` and starts with ``source``: a row's id is then its
``entity_number``, else a hash of its source, name, addresses and start date, noted in the
report). List cells
are ``;``-separated; ``ids`` items are ``type, number[, country]``. Text is UTF-8 (BOM
allowed) or Windows-1252 (:mod:`kg.ingest.tabular`).

Each ``_id`` becomes an actor ``csl-<_id>`` (type Individual -> person, Vessel -> vessel,
Aircraft -> aircraft, else organization; ``alt_names`` its aliases: the CSL does not mark
any as weak, so it has no weak aliases) and each of its rows a sanction
``csl-<_id>-<list>`` imposed by ``us`` (the CSL gives one entry on several lists, such as
SSI and NS-MBS, or SDN and PLC, one _id and a row per list: one actor, a sanction per list,
its names from the first row, a later row's other names reported), dated ``start_date``
and ended on ``end_date`` (the listing is ``lifted`` when it is in the past on the day of
the import: never guessed, the day is the ``today`` option).
**The source list is kept on the sanction**: the row's list (``SDN``, ``SSI``, ``EL``,
``DPL``, ``UVL``, ``DTC``, ``ISN``, ... from :data:`kg.ingest.regimes.CSL_LISTS`) is a
source record ``csl-list-<code>`` the sanction cites, titled with the list's name and
published by its agency; the agency (OFAC, BIS, DDTC, ISN) is the sanction's authority
(``authorities``), a ``government_body`` actor ``part_of`` ``us``
(:func:`kg.ingest.bodies.body`). Treasury lists' ``programs`` are OFAC tags mapped to reasons
(:data:`kg.ingest.crosswalks.OFAC_PROGRAMS`); the other lists' programmes, or the list's
name when there are none, are kept as ``other`` with their words. The measures are the
list's; the Federal Register notice and licence terms are the legal basis. The dates of
birth and the nationalities and citizenships (ISO codes) are the actor's ``birth_dates`` and
``nationalities``, each value that cannot be read reported; ``ids`` become identifiers under
the standard schemes (``passport``, ``national_id``, ``imo``, ...).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg._clock import today_iso
from kg.ingest.bodies import body
from kg.ingest.common import (
    ImportReport,
    Progress,
    Record,
    Seen,
    citation,
    clean_date,
    country_code,
    slug_id,
    text_slug,
)
from kg.ingest.crosswalks import ofac_program_reasons
from kg.ingest.identity import birth_dates, nationalities
from kg.ingest.regimes import AGENCIES, CslList, csl_list
from kg.ingest.rows import fit_name, source_id
from kg.ingest.sure_lines import actor_out, sanction_out
from kg.ingest.tabular import CsvFile, csv_rows, split_values
from kg.ingest.written import Line
from kg.model.records import Actor, ReasonRef, Sanction, Source
from kg.model.vocab import ActorKind, Reason, Status
from kg.resolve.resolver import normalize

__all__ = ["read_csl"]

_KINDS = {"individual": ActorKind.PERSON, "vessel": ActorKind.VESSEL,
          "aircraft": ActorKind.AIRCRAFT}
_REQUIRED = ("source", "name")
_ID_KEYS = {"passport": "passport", "national id no.": "national_id",
            "national id": "national_id", "imo": "imo", "vessel registration identification":
            "imo", "tax id no.": "tax_number"}


def read_csl(paths: Iterable[Path], report: ImportReport, *, progress: Progress | None = None,
             today: str | None = None, lines: bool = False) -> Iterator[Record]:
    """Stream records from Consolidated Screening List CSV files (see the module docstring);
    ``today`` (``YYYY-MM-DD``, default the day it runs) decides which end dates have
    passed. ``lines=True`` (for :func:`kg.ingest.write_import` alone) hands out an actor
    or sanction as its written line when the model could not change it
    (:mod:`kg.ingest.sure_lines`)."""
    seen = Seen()
    day = today_iso(today)
    # _id -> (line of its actor, the sanction ids made, its names normalised): one actor
    # per _id; the same _id on another list is another sanction on that actor
    ids_seen: dict[str, tuple[int, set[str], frozenset[str]]] = {}
    sources: dict[str, Source] = {}
    bodies: dict[str, Actor] = {}
    started = False
    for path in paths:
        report.files.append(str(path))
        info = CsvFile()
        for n, row in csv_rows(path, report, "source", info, progress=progress):
            # the older layout has no _id and starts with source; any other header needs _id
            older = "_id" not in row and info.header[:1] == ["source"]
            missing = [c for c in ("_id", *_REQUIRED) if c not in row and not (
                older and c == "_id")]
            if missing:
                report.skip(path, n, f"no {', '.join(missing)} column: is this the "
                                     "Consolidated Screening List CSV? The rest of the file "
                                     "is not read")
                break
            if older:
                _older_layout_id(row, path, report)
            if not row["_id"] or not row["name"]:
                field = "_id" if not row["_id"] else "name"
                report.skip(path, n, f"field {field!r} is empty; row skipped")
                continue
            lst = csl_list(row["source"])
            again = ids_seen.get(row["_id"])
            if again is not None and _sanction_id(row, lst) in again[1]:
                report.skip(path, n, f"_id {row['_id']} appears twice on one list; the first "
                                     "is kept")
                continue
            src = sources.get(row["source"]) or sources.setdefault(row["source"],
                                                                   _list_source(lst, row))
            yield from seen.source(src)
            if not started:
                started = True
                yield from seen.state("us")
            if lst is not None and lst.agency not in bodies:
                bodies[lst.agency] = body(AGENCIES[lst.agency])
                yield bodies[lst.agency]
            elif lst is None:
                report.note("source lists not in kg/curated/csl_lists.yaml, kept with their "
                            "own words")
            if again is None:
                actor, fields = _actor(row, lst, src.id, path, n, report, lines)
                if actor is None:
                    continue
                ids_seen[row["_id"]] = (n, set(), _names(fields["name"], fields["aliases"])
                                        if isinstance(actor, Line) else
                                        _names(actor.name, actor.aliases))
                yield actor  # type: ignore[misc]  # a Line only for write_import (lines=True)
            else:  # listed on another list too: the same actor, one more sanction
                report.note("rows whose _id is on more than one list: one actor, a sanction "
                            "per list")
                first, _, names = again
                new = [x for x in (row["name"], *split_values(row.get("alt_names", "")))
                       if normalize(x) not in names]
                if new:
                    report.change(path, n, f"names {new} not added: the actor of this _id "
                                  f"was written from line {first}", record=slug_id(
                                      "csl", row["_id"]), field="name")
            sanction = _sanction(row, lst, src.id, day, path, n, report, lines)
            if sanction is None:
                continue
            ids_seen[row["_id"]][1].add(sanction.id)
            yield sanction  # type: ignore[misc]  # a Line only for write_import


def _older_layout_id(row: dict[str, str], path: Path, report: ImportReport) -> None:
    """Give a row of the CSL's older layout (no ``_id`` column) its ``_id``: its
    ``entity_number`` (what the newer layout's ``_id`` is for Treasury's lists), else a hash
    of its source, name, addresses and start date; noted in the report."""
    number = row.get("entity_number", "")
    if number:
        row["_id"] = number
    elif row["name"]:
        key = "\x1f".join(row.get(c, "") for c in ("source", "name", "addresses",
                                                   "start_date"))
        row["_id"] = "h" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    else:
        row["_id"] = ""
    report.note(f"{path.name}: no _id column (the CSL's older layout): each row's id is its "
                "entity_number, else a hash of its source, name, addresses and start_date")


def _names(name: str, aliases: Iterable[str]) -> frozenset[str]:
    return frozenset(normalize(x) for x in (name, *aliases))


def _sanction_id(row: dict[str, str], lst: CslList | None) -> str:
    """``csl-<_id>-<list code>``: one sanction per _id and list."""
    code = lst.code.lower().replace(" ", "-") if lst else "list"
    return f"{slug_id('csl', row['_id'])}-{code}"


def _list_source(lst: CslList | None, row: dict[str, str]) -> Source:
    url = row.get("source_list_url") or None
    if url and not url.lower().startswith(("http://", "https://")):
        url = None
    if lst is None:
        text = row["source"] or "unknown list"
        return Source(id=f"csl-list-{text_slug(text)}", title=text, url=url)
    return Source(id=f"csl-list-{text_slug(lst.code)}", title=f"{lst.name} ({lst.code})",
                  publisher=body(AGENCIES[lst.agency]).name, url=url)


def _identifiers(row: dict[str, str], lst: CslList | None) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for item in split_values(row.get("ids", "")):
        parts = [p.strip() for p in item.split(",")]
        if len(parts) < 2 or not parts[1]:
            out.setdefault("other_id", []).append(item)
            continue
        key = _ID_KEYS.get(parts[0].lower()) or text_slug(parts[0])
        value = parts[1].removeprefix("IMO ").strip() if key == "imo" else parts[1]
        out.setdefault(key, []).append(value)
    plain = {
        "csl_id": row["_id"],
        "ofac_uid": row.get("entity_number") if lst and lst.programs_are_ofac else None,
        "birth_place": "; ".join(split_values(row.get("places_of_birth", ""))) or None,
        "call_sign": row.get("call_sign") or None,
    }
    merged = {k: v for k, v in plain.items() if v}
    merged.update({k: "; ".join(dict.fromkeys(v)) for k, v in out.items()})
    return merged


def _actor(row: dict[str, str], lst: CslList | None, src_id: str, path: Path, n: int,
           report: ImportReport, lines: bool,
           ) -> tuple[Actor | Line | None, dict[str, Any]]:
    """The actor of a row (a written line when ``lines`` and sure, None when refused) and
    the fields it was made from."""
    kind = _KINDS.get(row.get("type", "").lower(), ActorKind.ORGANIZATION)
    name = row["name"]
    aliases = [a for a in split_values(row.get("alt_names", "")) if a != name]
    countries = split_values(row.get("nationalities", "")) + \
        split_values(row.get("citizenships", "")) + [row.get("vessel_flag", "")] + \
        [a.rsplit(",", 1)[-1] for a in split_values(row.get("addresses", ""))]
    country = next((c for c in (country_code(x) for x in countries if x.strip())
                    if c and len(c) == 2), None)
    actor_id = source_id("csl", row["_id"], report, path, n, record=f"_id {row['_id']}",
                         field="_id", kept="csl_id")
    name, whole = fit_name(name, report, path, n, record=actor_id, field="name")
    aliases += whole
    cite = [citation(src_id)]
    dobs = birth_dates(split_values(row.get("dates_of_birth", "")), report, path, n,
                       record=actor_id, field="dates_of_birth")
    nats = nationalities(split_values(row.get("nationalities", ""))
                         + split_values(row.get("citizenships", "")), report, path, n,
                         record=actor_id, field="nationalities")
    fields = dict(
        id=actor_id, name=name, kind=kind, country=country, aliases=aliases,
        identifiers=_identifiers(row, lst), birth_dates=dobs, nationalities=nats,
        description=row.get("remarks", "") or None,
        position=(row.get("title") or None) if kind is ActorKind.PERSON else None,
        sources=cite)
    return actor_out(fields, report, path, n, record=actor_id, lines=lines,
                     made=(src_id,)), fields


def _sanction(row: dict[str, str], lst: CslList | None, src_id: str, today: str, path: Path,
              n: int, report: ImportReport, lines: bool) -> Sanction | Line | None:
    actor_id = slug_id("csl", row["_id"])
    cite = [citation(src_id)]
    programs = split_values(row.get("programs", ""))
    ofac = lst is not None and lst.programs_are_ofac
    reasons = [r for p in programs for r in _program_reasons(p, ofac)]
    if not reasons:
        reasons = [_other(lst.name if lst else row["source"])]
    dates = {}
    for column in ("start_date", "end_date"):
        text = row.get(column, "")
        dates[column] = clean_date(text)
        if text and dates[column] is None:
            report.skip(path, n, f"field {column!r}: {text!r} is not a date; left out "
                                 "(the rest of the row is kept)")
    start, end = dates["start_date"], dates["end_date"]
    if start and end and end < start:
        report.skip(path, n, f"field 'end_date': {end} is before start_date {start}; "
                             "left out (the rest of the row is kept)")
        end = None
    basis = "; ".join(f"{label}{row[c]}" for c, label in (
        ("federal_register_notice", ""), ("standard_order", "standard order: "),
        ("license_requirement", "license requirement: "),
        ("license_policy", "license policy: ")) if row.get(c))
    sid = _sanction_id(row, lst)
    return sanction_out(dict(
        id=sid, imposers=["us"],
        authorities=[AGENCIES[lst.agency]] if lst else [],
        targets=[actor_id],
        status=Status.LIFTED if end and end <= today else Status.IMPOSED,
        measures=list(lst.measures) if lst else [], reasons=reasons,
        date=start, end_date=end,
        program="; ".join(programs) or None,
        legal_basis=basis or None, sources=cite), report, path, n, record=sid, lines=lines,
        made=(src_id,))


@functools.lru_cache(maxsize=4096)  # a list repeats its programmes on every row
def _program_reasons(program: str, ofac: bool) -> tuple[ReasonRef, ...]:
    """The reasons of one programme: through OFAC's programme tags when the list's
    programmes are OFAC's, else ``other``; each with the programme as its detail (shared:
    records are never changed in place)."""
    if ofac:
        return tuple(ReasonRef(category=r, detail=program) for r in ofac_program_reasons(program))
    return (_other(program),)


@functools.lru_cache(maxsize=4096)
def _other(detail: str) -> ReasonRef:
    """The reason ``other`` with ``detail`` (one instance per detail)."""
    return ReasonRef(category=Reason.OTHER, detail=detail)
