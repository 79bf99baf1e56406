"""A record's JSON line written by orjson from the record's own values: the bytes pydantic's
serializer writes (``record_bytes``), several times faster for the two records an import
writes by the million.

:func:`fast_row` handles an :class:`~kg.model.records.Actor` or a
:class:`~kg.model.records.Sanction` whose values are all of the kinds whose JSON both
writers spell alike (strings, ints, booleans, enum members, lists and string maps of them,
citations and reasons); anything else (a float, a merge note, another record type) gives
None and the caller asks pydantic. Fields equal to their default are left out, in the
model's field order, as ``exclude_defaults`` does. ``tests/ingest/test_rows.py`` compares
the two writers on generated records and on every character.
"""

from __future__ import annotations

from typing import Any

from kg.model.records import Actor, Citation, ReasonRef, Sanction
from kg.model.vocab import Status

try:
    import orjson
except ImportError:  # pragma: no cover - without orjson, pydantic writes every line
    orjson = None  # type: ignore[assignment]

__all__ = ["fast_row"]

_ACTOR_DEFAULTS = (
    ("id", None), ("name", None), ("kind", None), ("country", None), ("aliases", []),
    ("weak_aliases", []), ("member_of", []), ("part_of", None), ("count", None),
    ("description", None), ("wikidata_id", None), ("position", None), ("identifiers", {}),
    ("birth_dates", []), ("nationalities", []), ("merged_from", []), ("sources", []),
    ("draft", False))
_SANCTION_DEFAULTS = (
    ("id", None), ("imposers", None), ("authorities", []), ("targets", None),
    ("status", Status.IMPOSED), ("measures", []), ("reasons", []), ("date", None),
    ("effective_date", None), ("end_date", None), ("program", None), ("legal_basis", None),
    ("in_response_to", []), ("sources", None), ("confidence", None), ("merged_from", []))


def _sub(obj: Any) -> dict[str, Any]:
    """A citation's or a reason's JSON object (fields at their default left out)."""
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


def fast_row(rec: Any) -> bytes | None:
    """The JSONL line (with ``"type"`` first and the line end) of an actor or sanction, or
    None when this writer does not handle the record (see the module docstring)."""
    if orjson is None:  # pragma: no cover
        return None
    kind = type(rec)
    if kind is Actor:
        out: dict[str, Any] = {"type": "actor"}
        defaults = _ACTOR_DEFAULTS
    elif kind is Sanction:
        out = {"type": "sanction"}
        defaults = _SANCTION_DEFAULTS
    else:
        return None
    d = rec.__dict__
    if d["merged_from"] or d.get("confidence") is not None:
        return None
    for name, default in defaults:
        value = d[name]
        if value != default:
            out[name] = value
    try:
        return orjson.dumps(out, default=_sub, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # a value of a kind this writer does not handle, a lone surrogate
        return None
