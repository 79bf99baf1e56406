"""Actors and sanctions built without running pydantic's validation when a hand-written
check of their fields shows validation could not change or refuse them.

An importer that writes a million records spends a third of its time in pydantic checking
values it made itself (ids it slugged, enum members, dates it parsed). :func:`actor` and
:func:`sanction` take the same keyword arguments as :class:`~kg.model.records.Actor` and
:class:`~kg.model.records.Sanction` and return the same record, equal field by field, with
the same fields set; they check each field against the rule the model applies to it, and
only when every field passes do they build the record directly. Any field they do not know,
or any value that fails (or that validation would clean: surrounding white space, a string
pydantic refuses), goes through the model itself, so the cleaned value or the error is
pydantic's own. The checks are stricter than the model, never looser:

* a text is an exact ``str`` with no white space at either end (``str.strip`` removes a
  superset of what pydantic's ``str_strip_whitespace`` removes) and no lone surrogate
  (pydantic refuses those); a name is 1 to :data:`~kg.model.base.NonEmptyStr`'s 100,000
  characters;
* an id matches :data:`~kg.model.base.SLUG_RE` whole (no trailing line break) and has at
  most 200 characters; a list of ids holds each once (and, where the model says so, one);
* a date passes :func:`kg.model.dates.check_date`; a country code and a Wikidata id match
  their model patterns in ASCII only;
* an enum, a citation, a reason is an instance of exactly its class;
* the model validators' rules (a weak alias that is also a name, an end before the start,
  an actor part of itself...) are checked as the model checks them.

``tests/test_trusted_records.py`` compares both paths on generated and mutated values and on
every character for the white-space and surrogate rules, and fails when the models' fields
or validators change without this module being reviewed.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from kg.model.dates import PartialDate, check_date
from kg.model.records import Actor, Citation, ReasonRef, Sanction
from kg.model.vocab import ActorKind, Measure, Status

__all__ = ["ACTOR_RULES", "SANCTION_RULES", "actor", "build_actor", "build_sanction",
           "is_country", "is_date", "sanction"]

_SLUG = re.compile(r"[a-z0-9][a-z0-9._:-]*", re.ASCII)
_COUNTRY = re.compile(r"[a-z]{2}(?:-[a-z0-9]{1,3})?", re.ASCII)
_QID = re.compile(r"Q[1-9][0-9]*", re.ASCII)
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_NAME = 100_000
_set = object.__setattr__


def _plain(s: Any) -> bool:
    """An exact str that validation would keep as it is."""
    return type(s) is str and s == s.strip() and (s.isascii() or not _SURROGATE.search(s))


def _text(s: Any) -> bool:
    return _plain(s) and 0 < len(s) <= _MAX_NAME


def _opt_text(s: Any) -> bool:
    return s is None or _plain(s)


def _slug(s: Any) -> bool:
    return type(s) is str and len(s) <= 200 and _SLUG.fullmatch(s) is not None


def _slugs(v: Any) -> bool:
    return type(v) is list and all(_slug(s) for s in v) and len(set(v)) == len(v)


def _some_slugs(v: Any) -> bool:
    return _slugs(v) and len(v) > 0


def _texts(v: Any) -> bool:
    return type(v) is list and all(_plain(s) for s in v)


def _date(s: Any) -> bool:
    if type(s) is not str:
        return False
    try:
        check_date(s)
    except ValueError:
        return False
    return True


def _opt_date(s: Any) -> bool:
    return s is None or _date(s)


def _dates(v: Any) -> bool:
    return type(v) is list and all(_date(s) for s in v)


def _country(s: Any) -> bool:
    return type(s) is str and _COUNTRY.fullmatch(s) is not None


def _opt_country(s: Any) -> bool:
    return s is None or _country(s)


def _countries(v: Any) -> bool:
    return type(v) is list and all(_country(s) for s in v)


def _opt_qid(s: Any) -> bool:
    return s is None or (type(s) is str and _QID.fullmatch(s) is not None)


def _text_map(v: Any) -> bool:
    return type(v) is dict and all(_plain(k) and _plain(x) for k, x in v.items())


def _citations(v: Any) -> bool:
    return type(v) is list and all(type(c) is Citation for c in v)


def _some_citations(v: Any) -> bool:
    return _citations(v) and len(v) > 0


def _kind(v: Any) -> bool:
    return type(v) is ActorKind


def _status(v: Any) -> bool:
    return type(v) is Status


def _measures(v: Any) -> bool:
    return type(v) is list and all(type(m) is Measure for m in v)


def _reasons(v: Any) -> bool:
    return type(v) is list and all(type(r) is ReasonRef for r in v)


#: Actor field -> the check its value passes when validation would keep it unchanged; a
#: field not named here (member_of, part_of, count, merged_from, draft) is validated.
ACTOR_RULES = {
    "id": _slug, "name": _text, "kind": _kind, "country": _opt_country, "aliases": _texts,
    "weak_aliases": _texts, "description": _opt_text, "wikidata_id": _opt_qid,
    "position": _opt_text, "identifiers": _text_map, "birth_dates": _dates,
    "nationalities": _countries, "sources": _citations,
}

#: Sanction field -> its check, as :data:`ACTOR_RULES` (effective_date, legal_basis,
#: in_response_to, confidence and merged_from are validated).
SANCTION_RULES = {
    "id": _slug, "imposers": _some_slugs, "authorities": _slugs, "targets": _some_slugs,
    "status": _status, "measures": _measures, "reasons": _reasons, "date": _opt_date,
    "end_date": _opt_date, "program": _opt_text, "sources": _some_citations,
}


def _actor_dict() -> dict[str, Any]:
    """An actor's fields at their defaults, in the model's order (fresh lists and dicts)."""
    return {"id": None, "name": None, "kind": None, "country": None, "aliases": [],
            "weak_aliases": [], "member_of": [], "part_of": None, "count": None,
            "description": None, "wikidata_id": None, "position": None, "identifiers": {},
            "birth_dates": [], "nationalities": [], "merged_from": [], "sources": [],
            "draft": False}


def _sanction_dict() -> dict[str, Any]:
    return {"id": None, "imposers": None, "authorities": [], "targets": None,
            "status": Status.IMPOSED, "measures": [], "reasons": [], "date": None,
            "effective_date": None, "end_date": None, "program": None, "legal_basis": None,
            "in_response_to": [], "sources": None, "confidence": None, "merged_from": []}


def _passes(rules: dict[str, Any], fields: dict[str, Any]) -> bool:
    for name, value in fields.items():
        rule = rules.get(name)
        if rule is None or not rule(value):
            return False
    return True


def _build(model: Any, values: dict[str, Any], fields: dict[str, Any]) -> Any:
    rec = model.__new__(model)
    _set(rec, "__dict__", values)
    _set(rec, "__pydantic_fields_set__", set(fields))
    _set(rec, "__pydantic_extra__", None)
    _set(rec, "__pydantic_private__", None)
    return rec


def build_actor(fields: dict[str, Any]) -> Actor:
    """The actor ``Actor(**fields)`` would make, built with no check at all: only for a
    caller that knows every value passes :data:`ACTOR_RULES` and the model's rules (as
    :func:`kg.ingest.ftm` does for what it makes; its tests compare both ways)."""
    values = _actor_dict()
    values.update(fields)
    built: Actor = _build(Actor, values, fields)
    return built


def build_sanction(fields: dict[str, Any]) -> Sanction:
    """The sanction ``Sanction(**fields)`` would make, built with no check at all (see
    :func:`build_actor`)."""
    values = _sanction_dict()
    values.update(fields)
    built: Sanction = _build(Sanction, values, fields)
    return built


@functools.lru_cache(maxsize=8192)  # importers repeat their dates
def is_date(value: str) -> bool:
    """True when ``value`` (a str) passes :func:`kg.model.dates.check_date` (remembered)."""
    return _date(value)


@functools.lru_cache(maxsize=4096)
def is_country(value: str) -> bool:
    """True when ``value`` (a str) is a code :data:`kg.model.identity.CountryCode` takes."""
    return _country(value)


def actor(**fields: Any) -> Actor:
    """``Actor(**fields)``, built directly when every field passes :data:`ACTOR_RULES` and
    the model's own rules (a weak alias is not also the name or an alias); otherwise
    validated by the model (raising its ValidationError for a bad value)."""
    if ("id" in fields and "name" in fields and "kind" in fields
            and _passes(ACTOR_RULES, fields)):
        weak = fields.get("weak_aliases")
        if not weak or not ({fields["name"], *fields.get("aliases", ())} & set(weak)):
            return build_actor(fields)
    return Actor(**fields)


def sanction(**fields: Any) -> Sanction:
    """``Sanction(**fields)``, built directly when every field passes
    :data:`SANCTION_RULES` and the model's own rule (an end date not before the date);
    otherwise validated by the model (raising its ValidationError for a bad value)."""
    if ("id" in fields and "imposers" in fields and "targets" in fields
            and "sources" in fields and _passes(SANCTION_RULES, fields)):
        date, end = fields.get("date"), fields.get("end_date")
        if not (date and end and PartialDate(end) < PartialDate(date)):
            return build_sanction(fields)
    return Sanction(**fields)
