"""One line of an FtM JSON-lines file -> an :class:`~kg.ingest.ftm_links.Entity`
(:func:`parse_entity`, read by :mod:`kg.ingest.ftm`): the JSON read by orjson when it is
installed (several times faster), each property's values cleaned once.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from kg.ingest.common import ImportReport, decode_line
from kg.ingest.ftm_links import Entity

try:  # orjson parses several times faster; the json module does the same job without it
    import orjson

    _loads: Any = orjson.loads
    #: The JSON reader of entity lines (orjson's, else json's).
    loads: Any = orjson.loads
    _JSONError: Any = orjson.JSONDecodeError
    _PLAIN = True  # orjson refuses lone surrogates: every string it reads is valid UTF-8
except ImportError:  # pragma: no cover
    _loads = loads = json.loads
    _JSONError = json.JSONDecodeError
    _PLAIN = False

__all__ = ["loads", "parse_entity", "plain_entity", "plain_values"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]", re.ASCII)  # a surrogate escape, maybe paired


def parse_entity(raw: bytes, path: Path, n: int, report: ImportReport,
                 loaded: Any = None) -> Entity | None:
    """The FtM entity on line ``n`` of ``path`` (its raw bytes), or None when the line is
    skipped (reported: not JSON, not an object, no id or schema, properties that are not an
    object). A property written as one bare value (``"birthPlace": "Riyadh"``, as hand-made
    and converted files do, and FtM's own reader accepts) is read as a list of that value, a
    number as its text, and a value that is not text (an object, a list, ``true``,
    ``null``) is left out: each reported with the entity and the property
    (:func:`_repair`). A lone surrogate escape
    (``\\ud800``) is read as U+FFFD, a line that is not UTF-8 as Windows-1252
    (:func:`~kg.ingest.common.decode_line`); both are reported. ``loaded``: what
    :func:`loads` gave for ``raw``, when the caller has it (None: read here)."""
    plain = _PLAIN
    try:
        data = _loads(raw) if loaded is None else loaded
    except (_JSONError, ValueError) as exc:
        plain = False
        text = decode_line(raw, path, n, report)
        if text is None:
            return None
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            report.skip(path, n, f"invalid JSON: {exc}")
            return None
        except RecursionError:
            report.skip(path, n, "JSON is nested too deeply")
            return None
        if _LONE_SURROGATE.search(text) and _lone_surrogate(data):
            data = _no_surrogates(data)
            report.change(path, n, "lone UTF-16 surrogate escapes (\\ud800 to \\udfff not in "
                                   "a pair, no character) read as U+FFFD")
    if not isinstance(data, dict):
        report.skip(path, n, "a line must be a JSON object (an FtM entity)")
        return None
    eid, schema, props = data.get("id"), data.get("schema"), data.get("properties", {})
    if not isinstance(eid, str) or not eid.strip():
        report.skip(path, n, "entity has no 'id'")
        return None
    if not isinstance(schema, str) or not schema:
        report.skip(path, n, f"entity {eid!r} has no 'schema'")
        return None
    clean = _clean(props)
    if clean is None:
        if not isinstance(props, dict):
            report.skip(path, n, f"entity {eid!r}: 'properties' must be an object mapping "
                                 "property names to lists of strings")
            return None
        props, clean = _repair(props, path, n, report, eid)
    data["properties"] = props  # an entity with no properties has an empty mapping
    entity = Entity(data)
    entity.clean = clean
    entity.plain = plain
    return entity


def plain_entity(data: dict[str, Any]) -> Entity | None:
    """The entity :func:`parse_entity` reads from ``data`` (what orjson read of a line: no
    lone surrogate) when reading it reports nothing and cleans no value: an id, a schema,
    and properties that each hold one or more strings, none blank or with white space at
    either end (so :attr:`~kg.ingest.ftm_links.Entity.clean` is the properties
    themselves); else None, with nothing changed (parse_entity reads it)."""
    eid, schema, props = data.get("id"), data.get("schema"), data.get("properties")
    if type(eid) is not str or not eid.strip() or type(schema) is not str or not schema \
            or type(props) is not dict:
        return None
    if not plain_values(props):
        return None
    entity = Entity(data)
    entity.clean = props
    entity.plain = True
    return entity


def _lone_surrogate(data: Any) -> bool:
    """True when a string anywhere in ``data`` (read by json) holds a lone surrogate."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _no_surrogates(data: Any) -> Any:
    """``data`` with every lone surrogate in its strings (keys too) replaced by U+FFFD."""
    if isinstance(data, str):
        return _SURROGATE.sub("\ufffd", data)
    if isinstance(data, list):
        return [_no_surrogates(v) for v in data]
    if isinstance(data, dict):
        return {_no_surrogates(k): _no_surrogates(v) for k, v in data.items()}
    return data


def _clean(props: Any) -> dict[str, list[str]] | None:
    """Each property's non-blank values, stripped (one pass over the values), or None when
    ``props`` is not a mapping of names to lists of strings."""
    if not isinstance(props, dict):
        return None
    clean: dict[str, list[str]] = {}
    try:
        for prop, vals in props.items():
            if not isinstance(vals, list):
                return None
            if len(vals) == 1:  # most properties have one value: no list comprehension
                v = vals[0]
                if s := v.strip():  # AttributeError: not a string
                    # The list read when nothing was stripped (str.strip hands back the
                    # string itself): shared with the properties, never changed.
                    clean[prop] = vals if s is v else [s]
                continue
            kept = [s for v in vals if (s := v.strip())]
            if kept:
                clean[prop] = kept
    except AttributeError:
        return None
    return clean


def _repair(props: dict[str, Any], path: Path, n: int, report: ImportReport,
            eid: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(properties, cleaned values) of an entity whose properties are not all lists of
    strings: a bare string is read as a one-value list, a number (not a boolean) as its
    text, and any other value (object, list, boolean, null) is left out; each change is
    reported with the entity as record and the property as field (the bare values of one
    entity in one report line, their properties as the field)."""
    fixed: dict[str, list[str]] = {}
    single: list[str] = []
    for prop, vals in props.items():
        if isinstance(vals, str) or _is_number(vals):
            single.append(prop)
            vals = [vals]
        elif not isinstance(vals, list):
            report.change(path, n, f"value of type {_json_type(vals)} is not text: left out",
                          record=f"entity {eid!r}", field=prop)
            continue
        kept: list[str] = []
        for v in vals:
            if isinstance(v, str):
                kept.append(v)
            elif _is_number(v):
                kept.append(str(v))
                report.change(path, n, f"number {v!r} read as the text {str(v)!r}",
                              record=f"entity {eid!r}", field=prop)
            else:
                report.change(path, n, f"a value of type {_json_type(v)} is not text: "
                              "left out", record=f"entity {eid!r}", field=prop)
        fixed[prop] = kept
    if single:  # one line for the entity, not one a property
        what = "1 property" if len(single) == 1 else f"{len(single)} properties"
        report.change(path, n, f"{what} written as a single value, not a list: read as a "
                      "list of one", record=f"entity {eid!r}",
                      field=", ".join(single))
    clean = _clean(fixed)
    assert clean is not None  # every value is now a string in a list
    return fixed, clean


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _json_type(value: Any) -> str:
    """The JSON name of a value's type (object, array, boolean, null, ...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dict):
        return "object"
    return "array" if isinstance(value, list) else type(value).__name__


def plain_values(props: dict[str, Any]) -> bool:
    """True when every property of ``props`` (an FtM entity's ``properties``) is a
    non-empty list of non-empty strings with no space at either end: what
    :func:`plain_entity` and the fast path of :mod:`kg.ingest.ftm_fast` take as read."""
    try:
        for vals in props.values():
            if type(vals) is not list or not vals:
                return False
            for v in vals:
                if not v or v.strip() is not v:  # AttributeError: not a string
                    return False
    except AttributeError:
        return False
    return True
