"""A record's JSON line written by orjson from the record's own values: the bytes pydantic's
serializer writes (``record_bytes``), several times faster for the two records an import
writes by the million.

:func:`fast_row` handles an :class:`~kg.model.records.Actor` or a
:class:`~kg.model.records.Sanction` whose values are all of the kinds whose JSON both
writers spell alike (strings, ints, booleans, enum members, lists and string maps of them,
citations and reasons); anything else (a float, a merge note, another record type) gives
None and the caller asks pydantic. Fields equal to their default are left out, in the
model's field order, as ``exclude_defaults`` does. ``tests/test_trusted_records.py``
compares the two writers on generated records, on every field and on every character.
"""

from __future__ import annotations

import functools
import os
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kg.ingest.common import MAX_NAME, full_slug_id, shorten_id, slug_id
from kg.ingest.report import ImportReport
from kg.ingest.written import Line
from kg.model.base import MAX_ID
from kg.model.fastcheck import fast_validator
from kg.model.records import Actor, Citation, ReasonRef, Sanction
from kg.model.refs import reference_fields
from kg.model.vocab import Status
from kg.readwrite.messages import error_message

try:
    import orjson
except ImportError:  # pragma: no cover - without orjson, pydantic writes every line
    orjson = None  # type: ignore[assignment]

__all__ = ["SHORTENED", "Line", "checked", "checked_in", "fast_row", "fit_id", "fit_ids",
           "fit_name", "source_id", "sub_json"]

M = TypeVar("M", bound=BaseModel)


def checked(model: type[M], fields: dict[str, Any]) -> M:
    """``model(**fields)``: the record checked first by the model's Rust-only fast check
    (:func:`kg.model.fastcheck.fast_validator`, the one ``kg build`` loads with, which
    accepts only what the model accepts and gives the same instance), and by the model
    itself when the fast check does not accept it, so every error (a
    ``pydantic.ValidationError``) and its message are the model's own, as before."""
    rec = fast_validator(model)(fields)
    return model(**fields) if rec is None else rec


def checked_in(model: type[M], fields: dict[str, Any], report: ImportReport,
               file: str | os.PathLike[str], line: int | None, *, record: str) -> M | None:
    """:func:`checked`, or None when the model refuses a value: each refusal is then in
    ``report``'s skipped records, located by ``file``, ``line``, ``record`` (the record's
    id) and the field, in the model's words made readable
    (:func:`kg.readwrite.messages.error_message`); the caller leaves the input record out.
    Importers shorten what they can first (:func:`fit_name`); this is the rule for the
    rest (a value of the wrong form), never an internal error.

    An id longer than a record holds (:data:`~kg.model.base.MAX_ID`: a list's own long
    id, or one an importer made from it with a suffix, ``<id>-listing``) is never a
    refusal: :func:`fit_ids` shortens it, and every reference to it, by one stable rule
    and reports the change; the list's own id stays whole in the actor's
    ``identifiers``."""
    fields = fit_ids(model, fields, report, file, line, record=record)
    try:
        return checked(model, fields)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
            report.skip(file, line, f"entry left out: its {model.__name__.lower()} record "
                        f"refuses the value: {error_message(loc, err)}", record=record,
                        field=".".join(str(p) for p in loc) or None)
        return None


def fit_ids(model: type[BaseModel], fields: dict[str, Any], report: ImportReport,
            file: str | os.PathLike[str], line: int | None, *, record: str) -> dict[str, Any]:
    """``fields`` of a ``model`` record with every id longer than
    :data:`~kg.model.base.MAX_ID` characters shortened by
    :func:`~kg.ingest.common.shorten_id` (stable: the same id every run, and the same for
    the record and for every reference to it): the record's own ``id``, reported as a
    change located by ``file``, ``line``, ``record`` and field ``id``, and its reference
    fields (targets, imposers, part_of ...: :func:`kg.model.refs.reference_fields`), not
    reported again (each names a record whose own id was). ``fields`` itself when no id is
    too long."""
    refs = _id_fields(model)
    for r in refs:  # the quick test first: most values are None or short strings
        v = fields.get(r)
        if v is None or (len(v) <= MAX_ID if type(v) is str else _short_list(v)):
            continue
        if _too_long(v):
            break
    else:
        return fields
    out = dict(fields)
    for r in refs:
        v = out.get(r)
        if isinstance(v, str):
            out[r] = shorten_id(v)
        elif isinstance(v, list):
            out[r] = [shorten_id(x) if isinstance(x, str) else x for x in v]
    own = fields.get("id")
    if isinstance(own, str) and own != out["id"]:
        kept = ", ".join(sorted(k for k, v in (fields.get("identifiers") or {}).items() if v))
        report.change(file, line, _shortened(len(own), out["id"], kept), record=record,
                      field="id")
    return out


@functools.cache
def _id_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """``id`` and the reference fields of ``model`` that hold ids (not sub-records)."""
    return ("id", *(f.name for f in reference_fields(model) if f.item is None))


def _short_list(value: Any) -> bool:
    """True when ``value`` is a list none of whose items is longer than :data:`MAX_ID`
    (so none is an id too long); False when that is not sure (:func:`_too_long` decides)."""
    if type(value) is not list:
        return False
    try:
        return max(map(len, value), default=0) <= MAX_ID
    except TypeError:  # an item without a length
        return False


def _too_long(value: Any) -> bool:
    if isinstance(value, str):
        return len(value) > MAX_ID
    return isinstance(value, list) and any(isinstance(x, str) and len(x) > MAX_ID
                                           for x in value)


def _shortened(length: int, short: str, kept: str | None) -> str:
    """The report's words for an id of ``length`` characters shortened to ``short``,
    the list's own id kept whole under the identifier schemes ``kept``."""
    where = (f"the list's own id is kept whole in identifiers ({kept})" if kept
             else "the whole id is the one this report names")
    return (f"id of {length} characters is longer than the {MAX_ID} a record's id holds: "
            f"shortened to {short!r} (its first 180 characters and a hash of the whole, "
            f"the same in every run); {where}")


def fit_id(made: str, report: ImportReport, file: str | os.PathLike[str], line: int | None,
           *, record: str, field: str, kept: str | None = None) -> str:
    """``made``, an id an importer made, shortened by
    :func:`~kg.ingest.common.shorten_id` when it is longer than a record's id holds, the
    change reported (``file``, ``line``, ``record``, ``field``; ``kept``: the identifier
    scheme that keeps the list's own id whole, None when none does)."""
    short = shorten_id(made)
    if short != made:
        report.change(file, line, _shortened(len(made), short, kept), record=record,
                      field=field)
    return short


#: The length of every id :func:`~kg.ingest.common.shorten_id` shortened (180 characters,
#: ``-`` and 12 hex digits); an id of any other length is whole.
SHORTENED = len(shorten_id("x" * (MAX_ID + 1)))


def source_id(prefix: str, raw: str, report: ImportReport, file: str | os.PathLike[str],
              line: int | None, *, record: str, field: str, kept: str | None = None) -> str:
    """:func:`~kg.ingest.common.slug_id` of a list's own id ``raw``, reporting, when it had
    to be shortened to fit a record, the change located by ``file``, ``line``, ``record``
    and ``field`` (the input's own field), and ``kept``: the identifier scheme under which
    the importer keeps ``raw`` whole (``opensanctions``), None when it keeps it nowhere
    else (the report holds it then).

    Only an id of :data:`SHORTENED` characters can have been shortened (every shortened id
    has that length, every other one is the whole id), so only then is the whole id made
    again to compare."""
    made = slug_id(prefix, raw)
    if len(made) == SHORTENED and made != (whole := full_slug_id(prefix, raw)):
        report.change(file, line, _shortened(len(whole), made, kept), record=record,
                      field=field)
    return made


def fit_name(name: str, report: ImportReport, file: str | os.PathLike[str],
             line: int | None, *, record: str, field: str) -> tuple[str, list[str]]:
    """``(name, extra aliases)``: a name longer than :data:`~kg.ingest.common.MAX_NAME`
    characters (the longest a record's name holds, :data:`kg.model.base.NonEmptyStr`) is cut
    to that length, the whole name returned as an extra alias (aliases have no such limit)
    and the cut reported as a change located by ``file``, ``line``, ``record`` and
    ``field`` (the input's own field name); any other name is returned as is, with no
    extra alias. Every importer shortens names by this one rule."""
    if len(name) <= MAX_NAME:
        return name, []
    report.change(file, line, f"name of {len(name)} characters cut to {MAX_NAME} (the "
                              "longest name a record holds); the whole name is kept as an "
                              "alias", record=record, field=field)
    return name[:MAX_NAME], [name]

def sub_json(obj: Any) -> dict[str, Any]:
    """A citation's or a reason's JSON object (fields at their default left out): orjson's
    ``default`` for the lines written here and by :mod:`kg.ingest.ftm_fast`."""
    if type(obj) is Citation:
        d = obj.__dict__
        out: dict[str, Any] = {"source": d["source"]}
        if d["quote"] is not None:
            out["quote"] = d["quote"]
        if d["start"] is not None:
            out["start"] = d["start"]
        if d["end"] is not None:
            out["end"] = d["end"]
        return out
    if type(obj) is ReasonRef:
        d = obj.__dict__
        return {"category": d["category"]} if d["detail"] is None else \
            {"category": d["category"], "detail": d["detail"]}
    raise TypeError(type(obj).__name__)


def cites_json(cites: list[Citation]) -> Any:
    """The JSON array of the citations ``cites``, written once as an ``orjson.Fragment``
    (the bytes :func:`fast_row` writes for them), to hand :func:`actor_line` or
    :func:`sanction_line` as ``sources`` for every line that cites the same list; ``cites``
    itself when orjson (3.9 or later) is missing or refuses a value."""
    if orjson is None:  # pragma: no cover
        return cites
    try:
        return orjson.Fragment(orjson.dumps(cites, default=sub_json))
    except TypeError:  # pragma: no cover - a value the model would not keep as it is
        return cites


def fast_row(rec: Any) -> bytes | None:
    """The JSONL line (with ``"type"`` first and the line end) of an actor or sanction, or
    None when this writer does not handle the record (see the module docstring)."""
    kind = type(rec)
    if kind is Actor:
        out = _actor(rec.__dict__)
    elif kind is Sanction:
        out = _sanction(rec.__dict__)
    else:
        return None
    if out is None or orjson is None:
        return None
    try:
        return orjson.dumps(out, default=sub_json, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # a value of a kind this writer does not handle, a lone surrogate
        return None


# Each field as ``exclude_defaults`` writes it: left out when equal to its default (None,
# an empty list or map, False, ``imposed``), in the model's order. A field's value has the
# model's type (validated or built by kg.model.trusted), so "equal to the default" is
# "is None" or "is empty" here.


def _actor(d: dict[str, Any]) -> dict[str, Any] | None:
    if d["merged_from"]:
        return None
    out = {"type": "actor", "id": d["id"], "name": d["name"], "kind": d["kind"]}
    if d["country"] is not None:
        out["country"] = d["country"]
    if d["aliases"]:
        out["aliases"] = d["aliases"]
    if d["weak_aliases"]:
        out["weak_aliases"] = d["weak_aliases"]
    if d["member_of"]:
        out["member_of"] = d["member_of"]
    if d["part_of"] is not None:
        out["part_of"] = d["part_of"]
    if d["count"] is not None:
        out["count"] = d["count"]
    if d["description"] is not None:
        out["description"] = d["description"]
    if d["wikidata_id"] is not None:
        out["wikidata_id"] = d["wikidata_id"]
    if d["position"] is not None:
        out["position"] = d["position"]
    if d["identifiers"]:
        out["identifiers"] = d["identifiers"]
    if d["birth_dates"]:
        out["birth_dates"] = d["birth_dates"]
    if d["nationalities"]:
        out["nationalities"] = d["nationalities"]
    if d["sources"]:
        out["sources"] = d["sources"]
    if d["draft"] is not False:
        out["draft"] = d["draft"]
    return out


def _sanction(d: dict[str, Any]) -> dict[str, Any] | None:
    if d["merged_from"] or d["confidence"] is not None:
        return None
    out = {"type": "sanction", "id": d["id"], "imposers": d["imposers"]}
    if d["authorities"]:
        out["authorities"] = d["authorities"]
    out["targets"] = d["targets"]
    if d["status"] is not Status.IMPOSED:
        out["status"] = d["status"]
    if d["measures"]:
        out["measures"] = d["measures"]
    if d["reasons"]:
        out["reasons"] = d["reasons"]
    if d["date"] is not None:
        out["date"] = d["date"]
    if d["effective_date"] is not None:
        out["effective_date"] = d["effective_date"]
    if d["end_date"] is not None:
        out["end_date"] = d["end_date"]
    if d["program"] is not None:
        out["program"] = d["program"]
    if d["legal_basis"] is not None:
        out["legal_basis"] = d["legal_basis"]
    if d["in_response_to"]:
        out["in_response_to"] = d["in_response_to"]
    out["sources"] = d["sources"]
    return out


def actor_line(f: dict[str, Any], sources: Any = None) -> Line | None:
    """The line :func:`fast_row` writes for ``kg.model.trusted.build_actor(f)``, without
    building the actor: ``f`` holds ``id``, ``name``, ``kind``, ``identifiers`` and
    ``sources`` and may hold ``country``, ``aliases``, ``weak_aliases``, ``description``,
    ``wikidata_id``, ``position``, ``birth_dates`` and ``nationalities`` (no other field),
    each a value the model would keep as it is. None when orjson is missing or refuses a
    value (the caller builds the record). Each field is left out as :func:`_actor` leaves
    it out (None, or an empty list or map), in the model's order. ``sources``, when given,
    is written in place of ``f["sources"]``: :func:`cites_json` of that same list."""
    out = {"type": "actor", "id": f["id"], "name": f["name"], "kind": f["kind"]}
    get = f.get
    if (v := get("country")) is not None:
        out["country"] = v
    if v := get("aliases"):
        out["aliases"] = v
    if v := get("weak_aliases"):
        out["weak_aliases"] = v
    if (v := get("description")) is not None:
        out["description"] = v
    if (v := get("wikidata_id")) is not None:
        out["wikidata_id"] = v
    if (v := get("position")) is not None:
        out["position"] = v
    if v := f["identifiers"]:
        out["identifiers"] = v
    if v := get("birth_dates"):
        out["birth_dates"] = v
    if v := get("nationalities"):
        out["nationalities"] = v
    if v := f["sources"]:
        out["sources"] = v if sources is None else sources
    return _line("actor", f["id"], out)


def sanction_line(f: dict[str, Any], sources: Any = None) -> Line | None:
    """The line :func:`fast_row` writes for ``kg.model.trusted.build_sanction(f)``, without
    building the sanction: ``f`` holds ``id``, ``imposers``, ``targets``, ``sources`` and may
    hold ``authorities``, ``status``, ``measures``, ``reasons``, ``date``, ``effective_date``,
    ``end_date``, ``program`` and ``legal_basis`` (no other field), and ``sources`` as
    :func:`actor_line`."""
    out = {"type": "sanction", "id": f["id"], "imposers": f["imposers"]}
    get = f.get
    if v := get("authorities"):
        out["authorities"] = v
    out["targets"] = f["targets"]
    if (v := get("status")) is not None and v is not Status.IMPOSED:
        out["status"] = v
    if v := get("measures"):
        out["measures"] = v
    if v := get("reasons"):
        out["reasons"] = v
    if (v := get("date")) is not None:
        out["date"] = v
    if (v := get("effective_date")) is not None:
        out["effective_date"] = v
    if (v := get("end_date")) is not None:
        out["end_date"] = v
    if (v := get("program")) is not None:
        out["program"] = v
    if (v := get("legal_basis")) is not None:
        out["legal_basis"] = v
    out["sources"] = f["sources"] if sources is None else sources
    return _line("sanction", f["id"], out)


def _line(kind: str, id_: str, out: dict[str, Any]) -> Line | None:
    if orjson is None:  # pragma: no cover
        return None
    try:
        return Line(kind, id_, orjson.dumps(out, default=sub_json,
                                            option=orjson.OPT_APPEND_NEWLINE))
    except TypeError:  # pragma: no cover - a value the model would not keep as it is
        return None
