"""The UK consolidated list of financial sanctions targets (OFSI's ``ConList.csv``) -> records.

The file (OFSI's published format) opens with a ``Last Updated,dd/mm/yyyy`` line, then a
header row; each later row is **one name variant** of a target, and the rows of one target
share its ``Group ID`` (they need not be next to each other). Columns read, by header name
(extra or reordered columns are fine): ``Name 6`` (surname, or an entity's whole name),
``Name 1`` .. ``Name 5`` (given names), ``Title``, ``Name Non-Latin Script``, ``DOB``,
``Town of Birth``, ``Country of Birth``, ``Nationality``, ``Passport Number``,
``National Identification Number``, ``Position``, ``Address 1`` .. ``Address 6``,
``Post/Zip Code``, ``Country``, ``Other Information``, ``Group Type`` (Individual, Entity,
Ship), ``Alias Type`` (Primary name, AKA, FKA, Primary name variation), ``Alias Quality``
(Good, Low), ``Regime``, ``Listed On``, ``UK Sanctions List Date Designated``,
``Last Updated`` and ``Group ID``. Text is UTF-8 or Windows-1252
(:func:`kg.ingest.tabular.decode_robust`); dates are ``dd/mm/yyyy`` with ``00`` for an
unknown day or month.

Each Group ID becomes one actor ``uk-<group id>``: its name from the ``Primary name`` row
(else the first row), every other name variant and non-Latin name as an alias, the variants
of ``Alias Quality`` "Low" as its weak aliases (name search ranks them lower and no query
takes the actor by one alone); a name that is strong in one row stays strong;
the dates of birth and nationalities (ISO codes; a nationality we cannot name is reported)
are the actor's ``birth_dates`` and ``nationalities``; ``identifiers`` hold ``uk_group_id``,
``birth_place``, ``passport``, ``national_id``, ``title``, and from ``Other Information``
the IMO number, the UK Sanctions List reference and the UN reference (``(UN Ref):QDi.001``), and
``last_updated``. One sanction
``uk-<group id>-listing`` is imposed by ``gb`` on ``Listed On`` (effective on the date
designated, when later), an asset freeze, with reasons from the regime
(:data:`kg.ingest.regimes.UK_REGIMES`, the regime's words kept as the detail). The
authority is OFSI: the sanction names it in ``authorities`` and cites the file's source,
published by OFSI, and OFSI is written as the ``government_body`` actor ``gb-ofsi`` that is
``part_of`` ``gb`` (:func:`kg.ingest.bodies.body`).

Rows are streamed; only a compact summary per Group ID is held until the end of the file.
A row whose Group ID or name is missing is skipped, and a date that cannot be read is left
out; each is reported with its line and field.
"""

from __future__ import annotations

import codecs
import csv
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from kg.ingest.bodies import body
from kg.ingest.common import (
    ImportReport,
    Progress,
    Record,
    Seen,
    citation,
    country_code,
    file_source,
    weak_names,
)
from kg.ingest.identity import nationalities
from kg.ingest.regimes import UK_REGIMES, uk_regime_refs
from kg.ingest.rows import fit_name, source_id
from kg.ingest.sure_lines import actor_out, sanction_out
from kg.ingest.tabular import CsvFile, csv_rows, dmy_date, split_values
from kg.ingest.uk_fcdo import read_fcdo
from kg.ingest.uk_fcdo_csv import UK_SANCTIONS_CSV_KEY, read_fcdo_csv
from kg.ingest.written import Line
from kg.model.vocab import ActorKind, Measure
from kg.resolve.resolver import normalize

__all__ = ["OFSI", "read_uk", "uk_format"]

#: The authority that publishes the consolidated list, part of ``gb``.
OFSI = body("gb-ofsi")
_PUBLISHER = "HM Treasury, Office of Financial Sanctions Implementation (OFSI)"
_KINDS = {"individual": ActorKind.PERSON, "entity": ActorKind.ORGANIZATION,
          "ship": ActorKind.VESSEL}
_REQUIRED = ("Group ID", "Name 6", "Group Type", "Regime")
_UN_REF = re.compile(r"\(UN Ref\)\s*:?\s*([A-Z]{2}[ie]\.\d+)", re.IGNORECASE)
_UK_REF = re.compile(r"\(UK Sanctions List Ref\)\s*:?\s*([A-Z]{3}\d{4})", re.IGNORECASE)
_IMO = re.compile(r"\bIMO(?: number)?\s*:?\s*(\d{7})\b", re.IGNORECASE)
_NUMBERED = re.compile(r"\(\d+\)\s*")
_SNIFF_BYTES = 64 * 1024


@dataclass
class _Group:
    line: int
    kind: str = ""
    primary: str | None = None
    names: list[str] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, value: str | None) -> None:
        if value:
            items = self.values.setdefault(key, [])
            if value not in items:
                items.append(value)

    def first(self, key: str) -> str | None:
        vals = self.values.get(key)
        return vals[0] if vals else None

    def joined(self, key: str) -> str | None:
        return "; ".join(self.values.get(key, [])) or None


def _name(row: dict[str, str]) -> str:
    get = row.get
    return " ".join(filter(None, (get("Name 1", ""), get("Name 2", ""), get("Name 3", ""),
                                  get("Name 4", ""), get("Name 5", ""), get("Name 6", ""))))


@functools.lru_cache(maxsize=4096)  # a list repeats its nationalities
def _countries(text: str) -> tuple[str, ...]:
    """Country names in a cell that may number them: ``(1) Russia (2) Ukraine``."""
    parts = [p.strip(" ,;.") for p in _NUMBERED.split(text)]
    return tuple(p for part in parts for p in split_values(part, ";") if p)


@functools.lru_cache(maxsize=4096)
def _known_regime(regime: str) -> bool:
    return normalize(regime) in UK_REGIMES


#: (column, key) of the texts a group keeps, each value once, in the order read.
_TEXTS = (("Name Non-Latin Script", "non_latin"), ("Title", "title"),
          ("Position", "position"), ("Town of Birth", "birth_town"),
          ("Country of Birth", "birth_country"), ("Passport Number", "passport"),
          ("National Identification Number", "national_id"),
          ("Other Information", "other"), ("Regime", "regime"))
#: (column, key) of the dd/mm/yyyy dates a group keeps.
_DATES = (("DOB", "dob"), ("Listed On", "listed"),
          ("UK Sanctions List Date Designated", "designated"), ("Last Updated", "updated"))


def read_uk(paths: Iterable[Path], report: ImportReport, *,
            progress: Progress | None = None, lines: bool = False) -> Iterator[Record]:
    """Stream records from OFSI ConList.csv files (see the module docstring), and from the
    FCDO's UK Sanctions List as XML (:mod:`kg.ingest.uk_fcdo`) or CSV
    or ODS (:mod:`kg.ingest.uk_fcdo_csv`); each file's format is told by :func:`uk_format`.
    ``lines=True`` (for :func:`kg.ingest.write_import` alone) hands out a ConList target's
    actor and sanction as their written lines when the model could not change them
    (:mod:`kg.ingest.sure_lines`)."""
    seen = Seen()
    for path in paths:
        kind = uk_format(path)
        if kind == "fcdo-xml":
            yield from read_fcdo([path], report, progress=progress, seen=seen)
            continue
        if kind in ("fcdo-csv", "fcdo-ods"):
            yield from read_fcdo_csv([path], report, progress=progress, seen=seen)
            continue
        report.files.append(str(path))
        info = CsvFile()
        groups: dict[str, _Group] = {}
        for n, row in csv_rows(path, report, "Group ID", info, progress=progress):
            missing = [c for c in _REQUIRED if c not in row]
            if missing:
                report.skip(path, n, f"no {', '.join(missing)} column: is this OFSI's "
                                     "ConList.csv? The rest of the file is not read")
                break
            _row(row, n, path, groups, report)
        if not groups:
            continue
        src = file_source("uk", path, _PUBLISHER).model_copy(
            update={"published": _last_updated(info)})
        yield from seen.source(src)
        yield from seen.state("gb")
        if seen.first(OFSI):
            yield OFSI
        for gid, group in sorted(groups.items(), key=lambda kv: kv[1].line):
            # A Line only for write_import (lines=True): typed as the records it stands for.
            yield from _records(gid, group, src.id, path, report, lines)  # type: ignore[misc]


def uk_format(path: Path) -> str:
    """Which UK list a file is, from its first bytes: ``"fcdo-xml"`` (starts with ``<``, a
    byte-order mark and blanks aside), ``"fcdo-ods"`` (a zip archive: the ODS edition),
    ``"fcdo-csv"`` (a header row, within the first 25
    rows, with a ``Unique ID`` cell), else ``"conlist"`` (OFSI's ConList.csv, whose header
    has ``Group ID``; a file that cannot be read is reported by the ConList reader)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError:
        return "conlist"
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            text = head.decode("utf-16" if len(bom) == 2 else "utf-8-sig", errors="replace")
            break
    else:
        text = head.decode("cp1252", errors="replace")
    if head.startswith(b"PK\x03\x04"):
        return "fcdo-ods"
    if text.lstrip().startswith("<"):
        return "fcdo-xml"
    for row in islice(csv.reader(text.splitlines()[:25]), 25):
        cells = {c.strip().lower() for c in row}
        if UK_SANCTIONS_CSV_KEY.lower() in cells:
            return "fcdo-csv"
        if "group id" in cells:
            return "conlist"
    return "conlist"


def _last_updated(info: CsvFile) -> str | None:
    for cells in info.preamble:
        if cells and cells[0].lower().startswith("last updated") and len(cells) > 1:
            return dmy_date(cells[1])
    return None


def _row(row: dict[str, str], n: int, path: Path, groups: dict[str, _Group],
         report: ImportReport) -> None:
    gid = row["Group ID"]
    if not gid.isdigit():
        report.skip(path, n, f"field 'Group ID': {gid!r} is not a number; row skipped")
        return
    name = _name(row)
    if not name:
        report.skip(path, n, f"field 'Name 6': Group ID {gid} row has no name; row skipped")
        return
    group = groups.get(gid)
    if group is None:
        group = groups[gid] = _Group(line=n)
    group.kind = group.kind or row["Group Type"].lower()
    get = row.get
    if group.primary is None and get("Alias Type", "").lower() == "primary name":
        group.primary = name
    elif "low" in get("Alias Quality", "").lower():
        group.weak.append(name)
    else:
        group.names.append(name)
    # What _Group.add does, written out: this runs for every column of every row.
    values = group.values
    for column, key in _TEXTS:
        value = get(column)
        if value:
            if (items := values.get(key)) is None:
                values[key] = [value]
            elif value not in items:
                items.append(value)
    for c in _countries(get("Nationality", "")):
        group.add("nationality", c)
    group.add("address_country", get("Country"))
    for column, key in _DATES:
        text = get(column, "")
        if not text:
            continue
        date = dmy_date(text)
        if date is None:
            report.skip(path, n, f"field {column!r}: {text!r} is not a dd/mm/yyyy date; "
                                 "left out (the rest of the row is kept)")
        elif (items := values.get(key)) is None:
            values[key] = [date]
        elif date not in items:
            items.append(date)


def _records(gid: str, g: _Group, src_id: str, path: Path,
             report: ImportReport, lines: bool) -> Iterator[Record | Line]:
    kind = _KINDS.get(g.kind)
    if kind is None:
        report.note(f"Group Type values other than Individual, Entity, Ship read as "
                    f"organization ({g.kind or 'empty'})")
        kind = ActorKind.ORGANIZATION
    names = list(dict.fromkeys(g.names + g.values.get("non_latin", [])))
    name = g.primary or names[0] if (g.primary or names) else g.weak[0]
    aliases = [a for a in names if a != name]
    weak = weak_names([name, *aliases], g.weak)
    country = None
    for c in g.values.get("nationality", []) + g.values.get("address_country", []):
        code = country_code(c)
        if code and len(code) == 2:
            country = code
            break
    other = g.joined("other") or ""
    ids: dict[str, str | None] = {
        "uk_group_id": gid,
        "birth_place": ", ".join(v for v in (g.joined("birth_town"), g.joined("birth_country"))
                                 if v) or None,
        "passport": g.joined("passport"),
        "national_id": g.joined("national_id"),
        "uk_sanctions_list_ref": "; ".join(dict.fromkeys(_UK_REF.findall(other))) or None,
        "un_reference": "; ".join(dict.fromkeys(_UN_REF.findall(other))) or None,
        "last_updated": max(g.values.get("updated", []), default=None),
    }
    description = other
    position = g.joined("position") or ""
    ids["title"] = g.joined("title")
    ids["imo"] = "; ".join(dict.fromkeys(_IMO.findall(other))) or None
    actor_id = source_id("uk", gid, report, path, g.line, record=f"Group ID {gid}",
                         field="Group ID", kept="uk_group_id")
    nats = nationalities(g.values.get("nationality", []), report, path, g.line,
                         record=actor_id, field="Nationality")
    cite = [citation(src_id)]
    name, whole = fit_name(name, report, path, g.line, record=actor_id, field="Name 6")
    actor = actor_out(dict(
        id=actor_id, name=name, kind=kind, country=country,
        aliases=aliases + whole, weak_aliases=weak,
        identifiers={k: v for k, v in ids.items() if v},
        birth_dates=sorted(g.values.get("dob", [])), nationalities=nats,
        description=description or None,
        position=position if position and kind is ActorKind.PERSON
        else None, sources=cite), report, path, g.line, record=actor_id, lines=lines,
        made=(src_id,))
    if actor is None:
        return
    regimes = g.values.get("regime", [])
    reasons = [r for regime in regimes for r in uk_regime_refs(regime)]
    if not all(map(_known_regime, regimes)):
        report.note("regimes not in kg/curated/uk_regimes.yaml, kept as 'other' with their "
                    "words")
    listed = min(g.values.get("listed", []), default=None)
    designated = min(g.values.get("designated", []), default=None)
    sanction = sanction_out(dict(
        id=f"{actor_id}-listing", imposers=["gb"], authorities=[OFSI.id],
        targets=[actor_id],
        measures=[Measure.ASSET_FREEZE], reasons=reasons,
        date=listed or designated,
        effective_date=designated if listed and designated and designated > listed
        else None,
        program="; ".join(regimes) or None, sources=cite),
        report, path, g.line, record=f"{actor_id}-listing", lines=lines, made=(src_id,))
    if sanction is not None:
        yield actor
        yield sanction
