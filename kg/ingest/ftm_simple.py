"""OpenSanctions' ``targets.simple.csv`` (the CSV most people download) -> records.

One row per target entity, with the header ``id, schema, name, aliases, birth_date,
countries, addresses, identifiers, sanctions, phones, emails, dataset, first_seen,
last_seen, last_change``; list cells hold ``;``-separated values (quoted CSV-style when a
value holds a ``;``). ``sanctions`` holds one text per Sanction record (``program - reason
- status - start - end``), ``dataset`` the datasets' **titles**. :func:`is_simple_csv` tells
the file from FtM JSON lines by its header, so ``kg import ftm`` reads either.

Each row of an actor schema becomes the actor ``ftm-<id>`` that the JSON export gives the
same entity (names, aliases, the first ISO country, the dates of birth as its
``birth_dates`` through :func:`kg.ingest.identity.birth_dates`, a date that cannot be read
being reported; the OpenSanctions id as the ``opensanctions`` identifier, and the
``identifiers`` cell, which names no scheme, kept as written under ``identifiers``, with
``phone`` and ``email``; addresses in the description), citing its
datasets. The file names no imposer, so a row **with sanctions** is a listing by each
dataset's polity through :class:`kg.ingest.ftm_derived.Derived` (the sanction texts are
kept as that listing's programme when the row has one known dataset, else in the
description). ``first_seen``, ``last_seen`` and ``last_change`` are OpenSanctions' crawl
dates, not listing dates: they are not imported (the report says so). The file has no
nationality column (``countries`` mixes nationality, residence and jurisdiction), so its
actors have no ``nationalities``.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.common import ImportReport, Progress, Record, Seen, citation, slug_id
from kg.ingest.ftm_derived import Derived, dataset_named, dataset_source
from kg.ingest.identity import birth_dates
from kg.ingest.rows import fit_name, source_id
from kg.ingest.sure_lines import actor_out
from kg.ingest.tabular import CsvFile, csv_rows
from kg.ingest.written import Line
from kg.model.records import Citation, Source
from kg.model.vocab import ActorKind
from kg.resolve.resolver import is_country_code

__all__ = ["ACTOR_SCHEMAS", "COLUMNS", "is_simple_csv", "read_simple"]

#: FtM schema -> our actor kind.
ACTOR_SCHEMAS: dict[str, ActorKind] = {
    "Person": ActorKind.PERSON,
    "Organization": ActorKind.ORGANIZATION,
    "Company": ActorKind.ORGANIZATION,
    "LegalEntity": ActorKind.ORGANIZATION,
    "PublicBody": ActorKind.GOVERNMENT_BODY,
    "Vessel": ActorKind.VESSEL,
    "Airplane": ActorKind.AIRCRAFT,
}

#: The columns of targets.simple.csv (OpenSanctions' exporter).
COLUMNS = ("id", "schema", "name", "aliases", "birth_date", "countries", "addresses",
           "identifiers", "sanctions", "phones", "emails", "dataset", "first_seen",
           "last_seen", "last_change")
_HEADER = re.compile(rb'^(?:\xef\xbb\xbf)?"?id"?,"?schema"?,"?name"?,')
_COUNTRY = re.compile(r"^[a-z]{2}$")
_QID = re.compile(r"^Q[1-9]\d*$")


def is_simple_csv(path: Path) -> bool:
    """True when the file opens with targets.simple.csv's header (``id,schema,name,...``,
    quoted or not, after an optional byte-order mark)."""
    try:
        with path.open("rb") as fh:
            return bool(_HEADER.match(fh.read(64)))
    except OSError:
        return False


def _values(cell: str) -> list[str]:
    """The values of a ``;``-separated list cell (quoted values may hold ``;``)."""
    if not cell:
        return []
    if '"' not in cell and "\n" not in cell and "\r" not in cell:  # what csv reads then
        return list(dict.fromkeys(v for x in cell.split(";") if (v := x.strip())))
    # A value may hold a line break (a quoted break in the file): the csv module reads one
    # line per string, so the breaks are hidden from it and put back in the values.
    hidden = cell.replace("\r", "\x1e").replace("\n", "\x1f")
    row = next(csv.reader([hidden], delimiter=";"), [])
    values = (v.replace("\x1e", "\r").replace("\x1f", "\n").strip() for v in row)
    return list(dict.fromkeys(v for v in values if v))


@functools.lru_cache(maxsize=4096)  # every row names its datasets: each title read once
def _title_source(title: str) -> Source:
    """The source record of a dataset's title (one instance per title: records are never
    changed in place)."""
    return dataset_source(dataset_named(title) or title)


def read_simple(path: Path, src: Source, report: ImportReport, seen: Seen, actors: set[str],
                derived: Derived, *, progress: Progress | None = None,
                lines: bool = False) -> Iterator[Record]:
    """Stream the records of one targets.simple.csv file (see the module docstring);
    ``actors`` holds the entity ids read so far (a repeated id is skipped), ``derived``
    collects the rows to derive listings for; ``lines=True`` hands out an actor the model
    could not change as its written line (:mod:`kg.ingest.sure_lines`)."""
    info = CsvFile()
    for n, row in csv_rows(path, report, "schema", info, progress=progress):
        missing = [c for c in ("id", "schema", "name") if c not in row]
        if missing:
            report.skip(path, n, f"no {', '.join(missing)} column: is this OpenSanctions' "
                                 "targets.simple.csv? The rest of the file is not read")
            return
        eid, schema = row["id"], row["schema"]
        if schema not in ACTOR_SCHEMAS:
            report.note(f"not imported: targets.simple.csv rows of schema {schema or 'none'} "
                        "(not an actor)")
            continue
        if not eid or not row["name"]:
            report.skip(path, n, f"field {'id' if not eid else 'name'!r} is empty; row skipped")
            continue
        if eid in actors:
            report.skip(path, n, f"entity id {eid!r} appears twice; the first is kept")
            continue
        # A Line only for write_import (lines=True): typed as the records it stands for.
        yield from _row(eid, schema, row, src, path, n, report, seen, actors,  # type: ignore[misc]
                        derived, lines)
    if info.header and any(c in info.header for c in ("first_seen", "last_seen")):
        report.note("targets.simple.csv columns first_seen, last_seen and last_change not "
                    "imported (OpenSanctions' crawl dates, not listing dates)")


def _row(eid: str, schema: str, row: dict[str, str], src: Source, path: Path, n: int,
         report: ImportReport, seen: Seen, actors: set[str],
         derived: Derived, lines: bool) -> Iterator[Record | Line]:
    name = row["name"]
    titles = _values(row.get("dataset", ""))
    cites: list[Citation] = []
    for title in titles:
        ds = _title_source(title)
        yield from seen.source(ds)
        cites.append(citation(ds.id))
    cited = tuple(c.source for c in cites) or (src.id,)
    countries = [c.lower() for c in _values(row.get("countries", ""))]
    identifiers = {"opensanctions": eid}
    for column, key in (("identifiers", "identifiers"), ("phones", "phone"),
                        ("emails", "email")):
        vals = _values(row.get(column, ""))
        if vals:
            identifiers[key] = "; ".join(vals)
    if len(countries) > 1:
        identifiers["countries"] = "; ".join(countries)
    sanctions = _values(row.get("sanctions", ""))
    known = list(dict.fromkeys(d for d in (dataset_named(t) for t in titles) if d))
    addresses = _values(row.get("addresses", ""))
    notes = [f"Addresses: {'; '.join(addresses)}" if addresses else "",
             f"Sanctions: {'; '.join(sanctions)}" if sanctions and len(known) != 1 else ""]
    kind = ACTOR_SCHEMAS[schema]
    record = source_id("ftm", eid, report, path, n, record=f"entity {eid!r}", field="id",
                       kept="opensanctions")
    short, whole = fit_name(name, report, path, n, record=record, field="name")
    actor = actor_out(dict(
        id=record, name=short, kind=kind,
        country=next((c for c in countries if _COUNTRY.match(c) and is_country_code(c)), None),
        aliases=[a for a in _values(row.get("aliases", "")) if a != short] + whole,
        wikidata_id=eid if _QID.match(eid) else None, identifiers=identifiers,
        birth_dates=birth_dates(_values(row.get("birth_date", "")), report, path, n,
                                record=slug_id("ftm", eid), field="birth_date"),
        description="\n".join(x for x in notes if x) or None,
        sources=cites or [citation(src.id)]), report, path, n, record=record, lines=lines,
        made=cited)
    if actor is None:
        return
    actors.add(eid)
    yield actor
    if sanctions:
        derived.mark(eid, actor.id, titles, report,
                     program="; ".join(sanctions) if len(known) == 1 else None)
    else:
        report.note("targets.simple.csv rows with no sanctions: no listing derived")
