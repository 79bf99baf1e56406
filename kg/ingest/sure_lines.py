"""An actor or sanction an importer made, written straight to its JSONL line when the
model could neither change nor refuse it; otherwise checked by the model as before.

The CSV importers (``uk``, ``csl``, OFAC's legacy CSV, ``targets.simple.csv``) make each
record's fields themselves, and nearly every record of a real list is plain: ids they
slugged, enum members, dates they parsed, trimmed text. For those, the model's check
(:func:`kg.ingest.rows.checked_in`: the Rust twin of the schema, a model instance) and the
writer that reads the instance back (:func:`kg.ingest.rows.fast_row`) are work whose
outcome is known: :func:`actor_out` and :func:`sanction_out` test the fields against the
rules :mod:`kg.model.trusted` keeps for each (stricter than the model, never looser: a
value validation would clean or refuse fails them) and the model's own validators, and
then hand back a :class:`~kg.ingest.written.Line` with the bytes ``fast_row`` writes for
the record the model would make. An importer that says it made every field itself
(``made=``, the sources cited: texts it stripped, ids it slugged, enum members) is checked
only for what making them does not settle (:func:`made_actor`, :func:`made_sanction`),
and its citations are written from JSON made once per source. Anything else (an id too
long, a value to clean or refuse) goes to ``checked_in``, which reports, shortens or
refuses as it always did.

Lines are made only when the reader is asked for them (``lines=True``, as
:func:`kg.ingest.write_import` does); :func:`kg.ingest.read_records` still gets records.
``FAST = False`` turns the shortcut off (the tests compare both ways, byte for byte).
"""

from __future__ import annotations

import functools
import os
import re
from typing import Any

from kg.ingest.common import MAX_NAME, citation
from kg.ingest.report import ImportReport
from kg.ingest.rows import actor_line, checked_in, cites_json, sanction_line
from kg.ingest.written import Line
from kg.model.base import MAX_ID
from kg.model.dates import PartialDate
from kg.model.records import Actor, Citation, ReasonRef, Sanction
from kg.model.trusted import is_country, is_date
from kg.model.vocab import ActorKind, Measure, Status

__all__ = ["FAST", "actor_out", "cited", "made_actor", "made_sanction", "sanction_out",
           "sure_actor", "sure_sanction"]

#: False: every record goes through the model (the reference the tests compare with).
FAST = True

#: The fields :func:`kg.ingest.rows.actor_line` and :func:`~kg.ingest.rows.sanction_line`
#: write; a record with any other field goes through the model.
_ACTOR_FIELDS = frozenset({"id", "name", "kind", "country", "aliases", "weak_aliases",
                           "description", "wikidata_id", "position", "identifiers",
                           "birth_dates", "nationalities", "sources"})
_SANCTION_FIELDS = frozenset({"id", "imposers", "authorities", "targets", "status",
                              "measures", "reasons", "date", "effective_date", "end_date",
                              "program", "legal_basis", "sources"})
_SLUG = re.compile(r"[a-z0-9][a-z0-9._:-]*", re.ASCII).fullmatch
_QID = re.compile(r"Q[1-9][0-9]*", re.ASCII).fullmatch
#: What a list field left out stands for (never changed).
_NONE: list[Any] = []

# Each check below is the rule of kg.model.trusted for the field, written out in one
# function (the import calls it twice a record), but for one part: a lone surrogate, which
# the model refuses, is left to orjson, which refuses to write it (the line is then not
# made and the model decides, as for any other doubt).


def _stripped(v: Any) -> bool:
    """A list of exact strs with no white space at either end."""
    return type(v) is list and all(type(s) is str and s == s.strip() for s in v)


def _opt_stripped(s: Any) -> bool:
    return s is None or (type(s) is str and s == s.strip())


def _slugs(v: Any, some: bool) -> bool:
    """A list of ids (each once; at least one when ``some``)."""
    if type(v) is not list or (some and not v):
        return False
    for s in v:
        if type(s) is not str or len(s) > MAX_ID or _SLUG(s) is None:
            return False
    return len(v) < 2 or len(set(v)) == len(v)


def _dates(v: Any) -> bool:
    return type(v) is list and all(type(s) is str and is_date(s) for s in v)


def _opt_date(s: Any) -> bool:
    return s is None or (type(s) is str and is_date(s))


def _of(v: Any, cls: type) -> bool:
    return type(v) is list and all(type(x) is cls for x in v)


def sure_actor(f: dict[str, Any]) -> bool:
    """True when ``Actor(**f)`` would keep every value as it is and
    :func:`~kg.ingest.rows.actor_line` writes every field: the rules of
    :mod:`kg.model.trusted` and the model's own (a weak alias is not also a name)."""
    if not _ACTOR_FIELDS.issuperset(f):
        return False
    get = f.get
    name, id_, ids = get("name"), get("id"), get("identifiers")
    if (type(name) is not str or not 0 < len(name) <= MAX_NAME or name != name.strip()
            or type(id_) is not str or len(id_) > MAX_ID or _SLUG(id_) is None
            or type(get("kind")) is not ActorKind or type(ids) is not dict
            or not _of(get("sources"), Citation)):
        return False
    for k, x in ids.items():
        if type(k) is not str or type(x) is not str or k != k.strip() or x != x.strip():
            return False
    if ((c := get("country")) is not None and (type(c) is not str or not is_country(c))) \
            or ((q := get("wikidata_id")) is not None
                and (type(q) is not str or _QID(q) is None)) \
            or not _opt_stripped(get("description")) or not _opt_stripped(get("position")):
        return False
    aliases, weak = get("aliases", _NONE), get("weak_aliases", _NONE)
    if not (_stripped(aliases) and _stripped(weak) and _dates(get("birth_dates", _NONE))):
        return False
    nats = get("nationalities", _NONE)
    if type(nats) is not list:
        return False
    for c in nats:
        if type(c) is not str or not is_country(c):
            return False
    return not weak or not ({name, *aliases} & set(weak))


def sure_sanction(f: dict[str, Any]) -> bool:
    """True when ``Sanction(**f)`` would keep every value as it is (as :func:`sure_actor`;
    the model's rule: no end before the date or the effective date)."""
    if not _SANCTION_FIELDS.issuperset(f):
        return False
    get = f.get
    id_ = get("id")
    if (type(id_) is not str or len(id_) > MAX_ID or _SLUG(id_) is None
            or not _slugs(get("imposers"), True) or not _slugs(get("targets"), True)
            or not (sources := get("sources")) or not _of(sources, Citation)):
        return False
    if not _slugs(get("authorities", _NONE), False) \
            or type(get("status", Status.IMPOSED)) is not Status \
            or not _of(get("measures", _NONE), Measure) \
            or not _of(get("reasons", _NONE), ReasonRef) \
            or not _opt_stripped(get("program")) or not _opt_stripped(get("legal_basis")):
        return False
    date, effective, end = get("date"), get("effective_date"), get("end_date")
    if not (_opt_date(date) and _opt_date(effective) and _opt_date(end)):
        return False
    if not end:
        return True
    return not ((date and PartialDate(end) < PartialDate(date))
                or (effective and PartialDate(end) < PartialDate(effective)))


def made_actor(f: dict[str, Any]) -> bool:
    """:func:`sure_actor` for fields an importer made itself (``made=True``: see
    :func:`actor_out`): only the rules that making them does not settle are checked (the
    name's length, the id, the dates, country codes and Wikidata id, the model's rule on
    weak aliases)."""
    name, id_ = f["name"], f["id"]
    if not 0 < len(name) <= MAX_NAME or len(id_) > MAX_ID or _SLUG(id_) is None:
        return False
    if ((c := f.get("country")) is not None and not is_country(c)) \
            or ((q := f.get("wikidata_id")) is not None and _QID(q) is None):
        return False
    for d in f.get("birth_dates", ()):
        if not is_date(d):
            return False
    for c in f.get("nationalities", ()):
        if not is_country(c):
            return False
    weak = f.get("weak_aliases")
    return not weak or not ({name, *f.get("aliases", ())} & set(weak))


def made_sanction(f: dict[str, Any]) -> bool:
    """:func:`sure_sanction` for fields an importer made itself (as :func:`made_actor`):
    the id (a suffix may make it too long), the dates and the model's rule on them."""
    id_ = f["id"]
    if len(id_) > MAX_ID or _SLUG(id_) is None:
        return False
    date, effective, end = f.get("date"), f.get("effective_date"), f.get("end_date")
    if not (_opt_date(date) and _opt_date(effective) and _opt_date(end)):
        return False
    return not end or not ((date and PartialDate(end) < PartialDate(date))
                           or (effective and PartialDate(end) < PartialDate(effective)))


@functools.lru_cache(maxsize=1024)  # a file's records cite the same sources
def cited(sources: tuple[str, ...]) -> Any:
    """The written JSON of the citations of ``sources`` (:func:`kg.ingest.rows.cites_json`),
    made once."""
    return cites_json([citation(s) for s in sources])


def actor_out(fields: dict[str, Any], report: ImportReport, file: str | os.PathLike[str],
              line: int | None, *, record: str, lines: bool,
              made: tuple[str, ...] | None = None) -> Actor | Line | None:
    """The actor of ``fields`` as its written line (``lines`` asked for and the fields
    sure: :func:`sure_actor`), else :func:`kg.ingest.rows.checked_in`'s actor or None
    (refused, reported at ``file``, ``line``, ``record``).

    ``made``, the ids of the sources that ``fields["sources"]`` cites, says that the
    importer made every field itself: only the fields that :func:`actor_line` writes, the
    id by :func:`~kg.ingest.common.slug_id`, every text a cell it stripped (``str.strip``,
    which removes all that the model strips), or stripped parts joined, the kinds, reasons
    and measures members of their enums, ``sources`` the citations of ``made``. Then
    :func:`made_actor` checks the rest. ``tests/ingest/test_sure_lines.py`` checks that
    whatever ``made_actor`` passes ``sure_actor`` passes too."""
    if lines and FAST:
        if made is not None:
            line_ = actor_line(fields, cited(made)) if made_actor(fields) else None
        else:
            line_ = actor_line(fields) if sure_actor(fields) else None
        if line_ is not None:
            return line_
    return checked_in(Actor, fields, report, file, line, record=record)


def sanction_out(fields: dict[str, Any], report: ImportReport, file: str | os.PathLike[str],
                 line: int | None, *, record: str, lines: bool,
                 made: tuple[str, ...] | None = None) -> Sanction | Line | None:
    """The sanction of ``fields`` as its written line, else ``checked_in``'s (as
    :func:`actor_out`; ``made``: :func:`made_sanction` checks the fields)."""
    if lines and FAST:
        if made is not None:
            line_ = sanction_line(fields, cited(made)) if made_sanction(fields) else None
        else:
            line_ = sanction_line(fields) if sure_sanction(fields) else None
        if line_ is not None:
            return line_
    return checked_in(Sanction, fields, report, file, line, record=record)
