"""A fast first check of a record: the model's own validation with its per-value Python
validators replaced by the same rules written as pydantic constraints, checked in Rust.

Loading a million records spends most of its validation time calling back into Python for
every id (:func:`~kg.model.base._check_slug`), every date (:func:`~kg.model.dates.
coerce_date`, :func:`~kg.model.dates.check_date`) and every list of ids
(:func:`~kg.model.base._no_duplicates`). :func:`fast_validator` gives, per record model, a
validator built from that model's own core schema (so the instances are the model's, with
the same values and fields set) in which:

* an id is a strict ``str`` matching :data:`SLUG_PATTERN`, at most 200 characters;
* a date is a strict ``str`` matching :data:`DATE_PATTERN`: a real calendar year, month or
  day from the year 1000 on (February 29th in leap years only);
* a list that may not repeat an id is checked for repeats after validation, in one pass;
* everything else (enums, lengths, bounds, the model validators) is the model's own schema.

Each rule accepts only what the Python validator accepts (a subset, tested value by value
in ``tests/test_fastcheck.py``), and yields the same value, so a record the fast check
accepts is exactly what ``model.model_validate`` returns. A record it does not accept (bad
data, a date YAML read as a date, a year before 1000) gives None: the caller then runs
``model.model_validate``, whose errors and messages are the only ones ever reported. The
fast check never decides that a record is invalid.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel
from pydantic_core import SchemaValidator, ValidationError

from kg.model.base import _check_slug, _no_duplicates
from kg.model.dates import check_date, coerce_date

__all__ = ["DATE_PATTERN", "SLUG_PATTERN", "fast_validator"]

SLUG_PATTERN = r"^[a-z0-9][a-z0-9._:-]*$"
""":data:`kg.model.base.SLUG_RE` for Rust's regex engine (``$`` there is the end of text)."""

_YEAR = "[1-9][0-9]{3}"
_LEAP = "([1-9][0-9](0[48]|[2468][048]|[13579][26])|([2468][048]|[13579][26])00)"
DATE_PATTERN = (
    rf"^({_YEAR}(-((0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?"
    r"|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31))?"
    rf"|{_LEAP}-02-29)$"
)
"""Partial dates from the year 1000 on, as :func:`kg.model.dates.check_date` accepts them:
``YYYY``, ``YYYY-MM``, or a real day (the 29th of February of a leap year only). ASCII
digits only (``[0-9]``: Rust's ``\\d`` is any Unicode digit)."""

_STR = {"type": "str"}


def _rewrite(schema: Any, depth: int, unique: list[str], field: str | None) -> Any:
    """``schema`` (a pydantic core schema) with the known Python validators replaced;
    ``unique`` receives the top-level fields whose repeats are checked after. ``depth``:
    how many models deep (1: the record's own fields)."""
    if isinstance(schema, list):
        return [_rewrite(s, depth, unique, field) for s in schema]
    if not isinstance(schema, dict):
        return schema
    kind = schema.get("type")
    if kind == "function-after":
        fn = schema["function"].get("function")
        inner = schema["schema"]
        if fn is _check_slug and inner == _STR:
            return {"type": "str", "strict": True, "pattern": SLUG_PATTERN, "max_length": 200}
        if (fn is check_date and inner.get("type") == "function-before"
                and inner["function"].get("function") is coerce_date and inner["schema"] == _STR):
            return {"type": "str", "strict": True, "pattern": DATE_PATTERN}
        if fn is _no_duplicates and depth == 1 and field is not None:
            unique.append(field)
            return _rewrite(inner, depth, unique, field)
    if kind == "model-fields":
        return {**schema, "fields": {name: _rewrite(f, depth + 1, unique, name)
                                     for name, f in schema["fields"].items()}}
    # Models referred to by name (``definitions``) are sub-records: never the top level.
    return {k: _rewrite(v, depth + (k == "definitions"), unique, field)
            for k, v in schema.items()}


def _models(schema: Any) -> Iterator[dict[str, Any]]:
    """Every ``model`` schema inside ``schema``."""
    if isinstance(schema, list):
        for s in schema:
            yield from _models(s)
    elif isinstance(schema, dict):
        if schema.get("type") == "model":
            yield schema
        for value in schema.values():
            yield from _models(value)


@functools.cache
def fast_validator(model: type[BaseModel]) -> Callable[[Any], Any]:
    """The fast check of ``model`` (built once per model): a function taking the raw
    record (a mapping, as parsed) and returning the validated instance, or None when the
    fast check cannot accept it, in which case ``model.model_validate(raw)`` decides and
    says what is wrong."""
    unique: list[str] = []
    schema = _rewrite(model.__pydantic_core_schema__, 0, unique, None)
    # pydantic-core takes a complete model's own validator in place of a "model" schema
    # (its prebuilt validator), which would bring the Python validators back: each model
    # of the schema is marked incomplete while the twin is built, so its schema is used.
    classes = {m["cls"]: m["cls"].__dict__["__pydantic_complete__"] for m in _models(schema)}
    try:
        for cls in classes:
            cls.__pydantic_complete__ = False
        validator = SchemaValidator(schema)
    finally:
        for cls, complete in classes.items():
            cls.__pydantic_complete__ = complete
    validate = validator.validate_python
    fields = tuple(unique)

    def check(raw: Any) -> Any:
        try:
            rec = validate(raw)
        except ValidationError:
            return None
        values = rec.__dict__
        for name in fields:
            ids = values[name]
            if len(ids) > 1 and len(set(ids)) < len(ids):
                return None  # a repeated id: model_validate says which
        return rec

    return check
