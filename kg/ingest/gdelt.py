"""GDELT 2.0 event export (``*.export.CSV``) -> sanction events and statements.

Each line is one event, tab-separated, no header, in one of three layouts
(:data:`LAYOUTS`): 61 columns (the GDELT 2.0 event codebook), 58 (GDELT 1.0 daily files,
from April 2013) or 57 (GDELT 1.0 backfiles, before April 2013, which have no SOURCEURL: the
file is cited instead). The first 27 columns are the same in all three. The columns used:

====  ======================  =============================================================
col   name                    use
====  ======================  =============================================================
0     GLOBALEVENTID           the event id (``gdelt-<smallest id>`` of a collapsed event)
1     SQLDATE                 the date (YYYYMMDD)
7     Actor1CountryCode       the imposer / speaker (CAMEO 3-letter code -> ISO alpha-2)
8     Actor1KnownGroupCode    for bodies: ``EEC`` -> ``eu``, ``UNO`` -> ``un``, ``NAT`` ->
                              ``nato``
17    Actor2CountryCode       the target / addressee
18    Actor2KnownGroupCode    as column 8
26    EventCode               CAMEO code; only :data:`kg.model.vocab.CAMEO_SANCTION_CODES` are read
59    DATEADDED               (57 in GDELT 1.0, ignored)
60    SOURCEURL               the article: a ``url-<hash>`` source (last column in 1.0)
====  ======================  =============================================================

CAMEO 163 (impose), 1312 (threaten), 081 and 085 (ease) become sanctions; 0254 and 1054
(appeal for / demand easing) become ``calls_for`` statements. GDELT writes one row per
report, so the same act appears many times: rows with the same kind, status, actors and
day collapse into one event citing every article. GDELT does not code reasons or measures,
so those are left empty (not stated).

Rows with other CAMEO codes, and sanction rows without a country on one side or with the
same country on both (domestic), are counted in the report's notes; malformed rows (wrong
column count, bad date) are skipped with their line.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from kg.curated import load_table
from kg.ingest.common import (
    ImportReport,
    Progress,
    Record,
    Seen,
    clean_date,
    csv_records,
    file_source,
    url_source,
)
from kg.ingest.rows import fit_id
from kg.model.records import Citation, Sanction, Statement
from kg.model.vocab import CAMEO_SANCTION_CODES, Stance, Status

__all__ = ["CAMEO_COUNTRIES", "CAMEO_GROUPS", "LAYOUTS", "cameo_country", "read_gdelt"]

#: Column count -> the GDELT event layout it is (every layout this reader accepts).
LAYOUTS: dict[int, str] = {61: "GDELT 2.0 events", 58: "GDELT 1.0 daily events",
                           57: "GDELT 1.0 backfile events, before April 2013"}
_LAYOUT_TEXT = ", ".join(f"{n} ({name})" for n, name in list(LAYOUTS.items())[:-1]) + \
    " or {} ({})".format(*list(LAYOUTS.items())[-1])

#: CAMEO country codes that are not ISO 3166 alpha-3 (or are regions, which map to None);
#: kg/curated/cameo.yaml.
CAMEO_COUNTRIES: dict[str, str | None] = dict(load_table("cameo")["countries"])

#: CAMEO known-group codes of bodies that impose sanctions -> our actor id.
CAMEO_GROUPS: dict[str, str] = dict(load_table("cameo")["groups"])

_CAMEO_NAMES: dict[str, str] = {code: entry["name"]
                                for code, entry in load_table("cameo")["events"].items()}


@functools.lru_cache(maxsize=512)
def cameo_country(code: str) -> str | None:
    """Our actor id for a CAMEO country code (``USA`` -> ``us``), or None.

    >>> cameo_country("CHN"), cameo_country("ROM"), cameo_country("EUR")
    ('cn', 'ro', None)
    """
    code = code.strip().upper()
    if code in CAMEO_COUNTRIES:
        return CAMEO_COUNTRIES[code]
    c = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    return c.alpha_2.lower() if c is not None else None


@dataclass
class _Event:
    kind: str
    what: Status | Stance
    code: str
    actor1: str
    actor2: str
    date: str
    ids: list[tuple[int, str, Path, int]] = field(default_factory=list)
    """(length, GLOBALEVENTID without leading zeros, file, line) of each row: the ids
    ordered by number without converting them (an id of thousands of digits is no
    internal error)."""
    sources: list[str] = field(default_factory=list)


def _actor(country: str, group: str) -> str | None:
    return CAMEO_GROUPS.get(group.strip().upper()) or (cameo_country(country) if country
                                                       else None)


def read_gdelt(paths: Iterable[Path], report: ImportReport, *,
               progress: Progress | None = None) -> Iterator[Record]:
    """Read GDELT event files (see the module docstring). Sanction rows are held until the
    end, to collapse repeated reports; other rows are not kept."""
    seen = Seen()
    events: dict[tuple[str, str, str, str, str], _Event] = {}
    pending: list[Record] = []
    for path in paths:
        report.files.append(str(path))
        src = file_source("gdelt", path, "The GDELT Project")
        for n, cells in csv_records(path, report, delimiter="\t", progress=progress):
            if len(cells) not in LAYOUTS:
                report.skip(path, n, f"expected {_LAYOUT_TEXT} tab-separated columns, "
                                     f"found {len(cells)}")
                continue
            code = cells[26].strip()
            if code not in CAMEO_SANCTION_CODES:
                report.note("rows with CAMEO codes not about sanctions (not imported)")
                continue
            event_id = cells[0].strip()
            day = cells[1].strip()
            date = clean_date(day) if len(day) == 8 and day.isdigit() else None
            if not (event_id.isascii() and event_id.isdigit()) or date is None:
                report.skip(path, n, f"GLOBALEVENTID {event_id!r} or SQLDATE {cells[1]!r} "
                                     "is not valid")
                continue
            a1, a2 = _actor(cells[7], cells[8]), _actor(cells[17], cells[18])
            if a1 is None or a2 is None:
                report.note("sanction rows without a country for actor 1 or 2 (not imported)")
                continue
            if a1 == a2:
                report.note("sanction rows with the same country on both sides (not imported)")
                continue
            kind, what = CAMEO_SANCTION_CODES[code]
            key = (kind, str(what), a1, a2, date)
            ev = events.get(key)
            if ev is None:
                ev = events[key] = _Event(kind, what, code, a1, a2, date)
            else:
                report.merged += 1
            number = event_id.lstrip("0") or "0"
            ev.ids.append((len(number), number, path, n))
            url = url_source(cells[-1]) if len(cells) != 57 else None
            if len(cells) == 57:
                report.note("GDELT 1.0 backfile rows (no SOURCEURL column; the file is cited)")
            elif url is None:
                report.note("rows without an http(s) SOURCEURL (the file is cited instead)")
            for s in (url or src,):
                if seen.first(s):
                    pending.append(s)
                if s.id not in ev.sources:
                    ev.sources.append(s.id)
    yield from pending
    for ev in events.values():
        yield from seen.state(ev.actor1)
        yield from seen.state(ev.actor2)
        cites = [Citation(source=s) for s in ev.sources]
        _, first, file, line = min(ev.ids)
        rid = f"gdelt-{first}"
        rid = fit_id(rid, report, file, line, record=f"GLOBALEVENTID {first}",
                     field="GLOBALEVENTID")  # the rule of every importer
        if ev.kind == "sanction":
            yield Sanction(id=rid, imposers=[ev.actor1], targets=[ev.actor2],
                           status=Status(ev.what), date=ev.date, sources=cites)
        else:
            yield Statement(id=rid, speakers=[ev.actor1], about_actors=[ev.actor2],
                            stance=Stance(ev.what), date=ev.date, sources=cites,
                            summary=f"{_CAMEO_NAMES.get(ev.code, ev.code)} (CAMEO {ev.code}, "
                                    f"{len(ev.ids)} report{'s' if len(ev.ids) > 1 else ''})")
