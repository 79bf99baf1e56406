"""An FtM ``Sanction`` entity -> a sanction record or its written line (:func:`sanction`,
read by :mod:`kg.ingest.ftm`, whose streaming state :class:`State` is kept here), with
what the import learns on the way.

A list writes the same sanction text on thousands of entries: the same authority, country,
programme, reason, provisions, dates and source page, only the id and the target differ.
What a sanction's properties other than its targets (and its datasets) give is read once
and remembered for the import (:attr:`State.same`) when reading it wrote nothing to the
report and made no new record, so an entry that repeats it reads only its id and targets;
anything reported is read again each time, so the report is the same as when every entry is
read in full.
``tests/ingest/test_ftm_trusted.py`` imports the fixtures and generated entities both ways.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg._clock import today_iso
from kg.ingest.common import ImportReport, Record, Seen, read_date, slug_id
from kg.ingest.ftm_cites import Cites
from kg.ingest.ftm_derived import Derived
from kg.ingest.ftm_imposers import imposers as imposers_of
from kg.ingest.ftm_imposers import programme_reasons
from kg.ingest.ftm_links import Entity, Link
from kg.ingest.rows import Line, checked_in, sanction_line, source_id
from kg.model import trusted
from kg.model.records import ReasonRef, Sanction, Source
from kg.model.trusted import is_date
from kg.model.vocab import Measure, Reason, Status
from kg.resolve.classify import classify_measures, classify_reason

__all__ = ["COUNTER", "SAME_MAX", "Hold", "State", "sanction"]

#: No values (shared: never changed).
_NONE: list[str] = []
_LIFTED = re.compile(r"delist|revok|lifted|inactive|removed|expired|terminated", re.I)


#: The reason of a sanction against a counter-sanctioning target (shared: never changed).
COUNTER = ReasonRef(category=Reason.RETALIATION,
                     detail="counter-sanction (FtM topic sanction.counter)")


#: (imposers, authorities, program, reasons, date, end date, status, measures, citations,
#: whether the dates pass the model as they are) of a sanction's text.
_Text = tuple[list[str], list[str], str | None, list[ReasonRef], str | None, str | None,
              Status, list[Measure], list[Any], bool]


@dataclass
class Hold:
    """A sanction waiting for target entities not read yet."""

    entity: Entity
    file: Path
    line: int
    missing: set[str]
    raw: bytes | None = None
    """Its key in :attr:`State.templates` (:func:`kg.ingest.ftm_fast.sanction_raw`)."""


@dataclass
class State:
    """What an FtM import has read so far."""

    report: ImportReport
    seen: Seen = field(default_factory=Seen)
    actors: set[str] = field(default_factory=set)
    counter: set[str] = field(default_factory=set)
    sanctions: set[str] = field(default_factory=set)
    pending: dict[str, list[Hold]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    derived: Derived = field(default_factory=Derived)
    today: str = field(default_factory=today_iso)
    """The day an end date must be on or before for the sanction to count as lifted."""
    cites: Cites = field(default_factory=Cites)
    """The datasets and source URLs read so far."""
    lines: bool = False
    """Hand out the actors and sanctions sure to pass as written lines
    (:class:`~kg.ingest.rows.Line`), not records: :func:`kg.ingest.write_import` only."""
    same: dict[tuple[Any, ...], _Text] = field(default_factory=dict)
    """What sanctions' texts gave this import (see :data:`SAME_MAX`): one import's, as
    what is new (a source, a state) and the day an end date is compared with are."""
    templates: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    """The written lines of the texts in :attr:`same` (:func:`kg.ingest.ftm_fast.sanction_fast`)."""
    slugs: dict[str, str] = field(default_factory=dict)
    """The record id of each actor entity :func:`kg.ingest.ftm_fast.actor_fast` wrote lately
    (:data:`kg.ingest.ftm_fast.SLUGS` at most), for the sanctions that name it next."""


#: How many sanction texts an import remembers at most (:attr:`State.same`: the properties
#: but ``entity``, as (name, values) pairs, and the datasets -> what :func:`_read_text` made
#: of them, when it reported nothing and made no new record); then it forgets them all
#: (0: remembers none).
SAME_MAX = 4096


def sanction(entity: Entity, src: Source, path: Path, n: int, st: State) -> Iterator[Record]:
    """The sanction of a Sanction entity whose targets were all read as actors (with the
    source records and states or bodies it is the first to cite), or nothing when it is
    skipped (reported): a repeated id, no imposer, a value the model refuses."""
    sid = entity["id"]
    props = entity.clean
    if sid in st.sanctions:
        st.report.skip(path, n, f"sanction id {sid!r} appears twice; the first is kept")
        return
    key = None
    if entity.plain:
        datasets = entity.get("datasets")
        key = (tuple([(k, tuple(v)) for k, v in props.items() if k != "entity"]),
               tuple(datasets) if type(datasets) is list else None)
        try:
            text = st.same.get(key)
        except TypeError:  # a list or mapping among the datasets
            key = text = None
    else:
        text = None
    new: list[Record] = []
    if text is None:
        report = st.report
        before = (report.changed_total, report.skipped_total, sum(report.notes.values()))
        text = _read_text(entity, src, path, n, st, new)
        if text is None:
            return
        if key is not None and SAME_MAX and not new and before == (
                report.changed_total, report.skipped_total, sum(report.notes.values())):
            if len(st.same) >= SAME_MAX:
                st.same.clear()
            st.same[key] = text
    imposers, authorities, program, reasons, date, end, status, measures, cites, dated = text
    targets = [slug_id("ftm", t) for t in dict.fromkeys(props["entity"])]
    if st.counter and any(t in st.counter for t in props["entity"]) and not any(
            r.category is Reason.RETALIATION for r in reasons):
        reasons = [*reasons, COUNTER]
    fields: dict[str, Any] = {
        "id": source_id("ftm", sid, st.report, path, n, record=f"sanction {sid!r}", field="id"),
        "imposers": list(imposers),
        "authorities": list(authorities), "targets": targets, "status": status,
        "measures": list(measures), "reasons": list(reasons), "date": date, "end_date": end,
        "program": program, "sources": cites,
    }
    made: Sanction | Line | None
    if entity.plain and dated and len(set(targets)) == len(targets):
        made = (st.lines and sanction_line(fields, st.cites.json(cites))) or \
            trusted.build_sanction(fields)
    else:
        made = checked_in(Sanction, fields, st.report, path, n, record=f"sanction {sid!r}")
    if made is None:
        return
    st.sanctions.add(sid)
    yield from new
    yield made  # type: ignore[misc]  # a Line only for write_import (lines=True)


def _read_text(entity: Entity, src: Source, path: Path, n: int, st: State,
               new: list[Record]) -> _Text | None:
    """What a sanction's properties but its targets say (see :data:`_Text`), with the new
    source records, then the new states and bodies, added to ``new``; None when it names
    no imposer (reported)."""
    sid = entity["id"]
    props = entity.clean
    imposers, new_actors, authorities = imposers_of(entity, st.report, st.seen, path, n)
    if not imposers:
        st.report.skip(path, n, f"sanction {sid!r} names no authority or country, so no imposer")
        return None
    program = "; ".join(dict.fromkeys(props.get("program") or
                                      props.get("programId", _NONE))) or None
    reasons = [r for text in dict.fromkeys(props.get("reason", _NONE)) for r in _reasons(text)]
    if not reasons and program:
        reasons = programme_reasons(program, imposers)
    rec = f"sanction {sid!r}"
    date = end = None
    for p in ("startDate", "listingDate", "date"):  # the earliest date given
        for v in props.get(p, _NONE):
            d = read_date(v, st.report, path, n, record=rec, field=p)
            if d and (date is None or d < date):
                date = d
    for v in props.get("endDate", _NONE):  # the earliest end
        d = read_date(v, st.report, path, n, record=rec, field="endDate")
        if d and (end is None or d < end):
            end = d
    if end and date and end < date:
        st.report.note("end dates before the start date left out")
        end = None
    status = Status.IMPOSED
    if any(_LIFTED.search(s) for s in props.get("status", _NONE)) or (end and end <= st.today):
        status = Status.LIFTED
    new_sources, cites = st.cites.of(entity, src, st.seen)
    new += new_sources
    new += new_actors
    dated = (date is None or is_date(date)) and (end is None or is_date(end))
    return (imposers, authorities, program, reasons, date, end, status,
            list(_measures(tuple(props.get("provisions", _NONE)))), cites, dated)


@functools.lru_cache(maxsize=4096)  # lists repeat their reasons and provisions
def _reasons(text: str) -> tuple[ReasonRef, ...]:
    """The reasons a sanction's ``reason`` text gives, each with the text as its detail."""
    return tuple(ReasonRef(category=m.reason, detail=text) for m in classify_reason(text))


@functools.lru_cache(maxsize=4096)
def _measures(provisions: tuple[str, ...]) -> tuple[Measure, ...]:
    """The measures of a sanction's ``provisions``."""
    return tuple(classify_measures(provisions))
