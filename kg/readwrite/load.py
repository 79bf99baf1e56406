"""Files -> :class:`~kg.model.Dataset`: the validation boundary.

YAML (``.yaml``/``.yml``) and JSON (``.json``) files hold one dataset each (a mapping with
``sources``, ``actors``, ``sanctions``, ``statements``); JSON lines (``.jsonl``, optionally
gzip-compressed as ``.jsonl.gz``) hold one record per line with a ``type`` field. Folders are
read recursively in name order. Several files load into one dataset.

Every problem (syntax, wrong types, bad dates, unknown vocabulary values, duplicate ids,
unknown references) is collected and reported at once with file, line where known, record and
field; if there is any problem, nothing is returned. A record repeated identically (the state
actor ``us`` written by two imports) is kept once; a repeated id with different content is a
duplicate and reported.

Hostile input is bounded by :class:`~kg.readwrite.readers.Limits` (file and record size, nesting
depth, YAML alias expansion), each refused with a clear message by :mod:`kg.readwrite.readers`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from kg._perf import loads, paused_gc
from kg.errors import UNKNOWN_REF, Problem, ResolveError, UsageError, ValidationFailed
from kg.model.fastcheck import fast_validator
from kg.model.records import RECORD_TYPES, SECTIONS, Actor, Dataset
from kg.model.refs import RefProblem, check_references, reference_fields
from kg.readwrite.messages import error_message, unknown_countries
from kg.readwrite.readers import (
    DEFAULT_LIMITS,
    INVALID,
    Ctx,
    Limits,
    decode,
    jsonl_lines,
    parse_json,
    parse_yaml,
    read_text,
    too_deep,
)
from kg.readwrite.shared import shared_sets
from kg.resolve.resolver import country_actor
from kg.resolve.suggest import Suggester

__all__ = ["DATA_SUFFIXES", "Limits", "default_data_path", "holds_data", "load",
           "load_records"]

DATA_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl", ".jsonl.gz", ".ndjson")
_SECTIONS = {section: kind for kind, section in SECTIONS.items()}  # "actors" -> "actor"


def default_data_path() -> Path:
    """The bundled example data: ``examples/`` in a checkout, or its copy in the package."""
    package = Path(__file__).resolve().parents[1]  # kg/
    for candidate in (package.parent / "examples", package / "_examples"):
        if candidate.is_dir():
            return candidate
    raise UsageError("the bundled example data is missing; pass -d/--data PATH")


def _in_folder(folder: Path) -> Iterator[Path]:
    """The data files under ``folder`` (any depth; hidden files and folders left out), in
    no particular order."""
    return (f for f in folder.rglob("*")
            if f.is_file() and f.name.lower().endswith(DATA_SUFFIXES)
            and not any(part.startswith(".") for part in f.relative_to(folder).parts))


def holds_data(folder: str | os.PathLike[str]) -> bool:
    """Whether the folder ``folder`` holds a data file that :func:`load` reads (a name ending
    in one of :data:`DATA_SUFFIXES`, at any depth, not hidden); stops at the first."""
    return next(_in_folder(Path(folder)), None) is not None


def _data_files(paths: Iterable[str | os.PathLike[str]], ctx: Ctx) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(_in_folder(p))
            if not found:
                ctx.add(Problem("folder holds no .yaml, .yml, .json or .jsonl files", file=str(p)))
            files += found
        elif p.is_file():
            files.append(p)
        elif p.exists():
            ctx.add(Problem("not a regular file", file=str(p)))
        else:
            ctx.add(Problem("no such file or folder", file=str(p)))
    return files


class _Where(NamedTuple):  # made for every record: a tuple is made fastest
    file: str
    line: int | None
    record: str


def _label(kind: str, raw: Any, index: int | None) -> str:
    rid = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(rid, str) and rid:
        return f"{kind} {rid!r}"
    return f"{kind} #{index + 1}" if index is not None else kind


@dataclass(frozen=True, slots=True)
class _Fields:
    """Where the fields of one YAML record are: the line of a field's location, and what
    YAML did to its value when it was not read as text (``no`` -> false)."""

    lines: dict[tuple[Any, ...], int]
    readings: dict[tuple[Any, ...], str]
    base: tuple[Any, ...]

    def __call__(self, loc: tuple[Any, ...]) -> int | None:
        # The line of the deepest part of the location that exists in the file.
        for n in range(len(loc), -1, -1):
            hit = self.lines.get((*self.base, *loc[:n]))
            if hit:
                return hit
        return None

    def note(self, loc: tuple[Any, ...]) -> str | None:
        return self.readings.get((*self.base, *loc))


def _validate(kind: str, raw: Any, where: _Where, ctx: Ctx,
              field_line: Any = None) -> Any:
    model = RECORD_TYPES[kind]
    if not isinstance(raw, dict):
        ctx.add(Problem(f"a {kind} must be a mapping, not {type(raw).__name__}",
                        file=where.file, line=where.line, record=where.record))
        return None
    # The usual case is checked in Rust; None: model_validate looks closer and says why.
    rec = fast_validator(model)(raw)
    if rec is None:
        try:
            rec = model.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc = tuple(err["loc"])
                # Drop pydantic's internal union/validator names from the location.
                loc = tuple(p for p in loc if not (isinstance(p, str) and "[" in p))
                fld = ".".join(str(p) for p in loc) or None
                line = field_line(loc) if field_line else where.line
                msg = error_message(loc, err)
                note = field_line.note(loc) if isinstance(field_line, _Fields) else None
                if note:
                    msg = f"{msg}; {note}"
                ctx.add(Problem(msg, file=where.file, line=line, record=where.record, field=fld))
            return None
    unknown = unknown_countries(rec) if isinstance(rec, Actor) else []
    for loc, msg in unknown:
        ctx.add(Problem(msg, file=where.file, line=field_line(loc) if field_line else where.line,
                        record=where.record, field=".".join(map(str, loc))))
    return None if unknown else rec


def _raw_references(kind: str, raw: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(field, id, referenced type) of a record that failed validation, so its broken
    references are reported in the same run as its other problems. The fields are those of
    :func:`kg.model.refs.reference_fields`; values of the wrong shape are skipped."""
    for f in reference_fields(RECORD_TYPES[kind]):
        value = raw.get(f.name)
        if f.item is not None:
            if isinstance(value, list):
                for c in value:
                    if isinstance(c, dict) and isinstance(c.get(f.item), str):
                        yield f.name, c[f.item], f.kind
            continue
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str):
                yield f.name, v, f.kind


def _records_from_document(data: Any, path: Path, lines: dict[tuple[Any, ...], int],
                           ctx: Ctx, readings: dict[tuple[Any, ...], str] | None = None,
                           ) -> Iterator[tuple[str, Any, _Where, Any]]:
    if data is None:
        return
    if not isinstance(data, dict):
        ctx.add(Problem("a data file must hold a mapping with sources, actors, sanctions "
                        "and statements", file=str(path), line=1))
        return
    for key in data:
        if key not in _SECTIONS and key != "$schema":
            ctx.add(Problem(f"unknown section {key!r} (expected one of "
                            f"{', '.join(_SECTIONS)})", file=str(path), line=lines.get((key,))))
    for section, kind in _SECTIONS.items():
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            ctx.add(Problem(f"{section} must be a list", file=str(path),
                            line=lines.get((section,))))
            continue
        for i, raw in enumerate(items):
            base = (section, i)
            where = _Where(str(path), lines.get(base), _label(kind, raw, i))
            yield kind, raw, where, _Fields(lines, readings or {}, base)


def _records_from_jsonl(path: Path, ctx: Ctx) -> Iterator[tuple[str, Any, _Where, Any]]:
    max_depth = ctx.limits.max_depth
    fname = str(path)
    for n, raw_line in jsonl_lines(path, ctx):
        # Fast path: a well-formed line parses straight from bytes. Anything the fast
        # parser refuses (bad UTF-8, a BOM, NaN, huge integers, syntax errors) or that nests
        # too deeply goes the careful way below, which gives the precise message.
        try:
            raw = loads(raw_line)
        except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError...
            raw = INVALID
        if raw is INVALID or (
                # Fewer brackets than the limit cannot nest deeper than it.
                raw_line.count(b"[") + raw_line.count(b"{") > max_depth
                and too_deep(raw, max_depth)):
            if not raw_line.strip():
                continue
            text = decode(raw_line, path, ctx, line=n)
            if text is None:
                continue
            raw = parse_json(text, path, ctx, line=n)
            if raw is INVALID:
                continue
        if not isinstance(raw, dict):
            ctx.add(Problem("each line must be a JSON object", file=str(path), line=n))
            continue
        kind = raw.get("type")
        if kind not in RECORD_TYPES:
            got = f", not {kind!r}" if "type" in raw else " (the line has none)"
            ctx.add(Problem(f"'type' must be one of {', '.join(RECORD_TYPES)}{got}",
                            file=str(path), line=n, record=f"line {n}", field="type"))
            continue
        del raw["type"]
        rid = raw.get("id")  # the label of _label, without a call per line
        yield kind, raw, _Where(fname, n, f"{kind} {rid!r}" if isinstance(rid, str) and rid
                                else kind), None


def _file_records(path: Path, ctx: Ctx) -> Iterator[tuple[str, Any, _Where, Any]]:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        yield from _records_from_jsonl(path, ctx)
        return
    if not name.endswith((".yaml", ".yml", ".json")):
        listed = name.endswith((".csv", ".xml", ".ods", ".tsv", ".zip"))
        ctx.add(Problem("unknown file type (expected .yaml, .yml, .json or .jsonl)" + (
            "; a sanctions list or event file? import it first: kg import KIND FILE -o "
            "data.jsonl (kg import --help lists the kinds and their files)" if listed else ""),
                        file=str(path)))
        return
    text = read_text(path, ctx)
    if text is None:
        return
    readings: dict[tuple[Any, ...], str] = {}
    if name.endswith(".json"):
        data, lines = parse_json(text, path, ctx), dict[tuple[Any, ...], int]()
    else:
        data, lines = parse_yaml(text, path, ctx, readings)
    if data is INVALID:
        return
    yield from _records_from_document(data, path, lines, ctx, readings)


def load_records(paths: Iterable[str | os.PathLike[str]], *,
                 limits: Limits = DEFAULT_LIMITS) -> tuple[Dataset, list[Problem]]:
    """Load and validate every record of ``paths`` without checking cross-references.

    Returns the dataset of the records that validated and every problem found. Most callers
    want :func:`load`, which also checks references and raises on any problem.
    """
    with paused_gc():
        return _load_records(paths, limits)


def _load_records(paths: Iterable[str | os.PathLike[str]],
                  limits: Limits) -> tuple[Dataset, list[Problem]]:
    ctx = Ctx(limits)
    ds = Dataset()
    sections: dict[str, list[Any]] = {kind: ds.section(kind) for kind in RECORD_TYPES}
    seen: dict[tuple[str, str], _Where] = {}  # where every id was met, valid or not
    first_rec: dict[tuple[str, str], Any] = {}  # the validated record behind each id
    invalid: set[tuple[str, str]] = set()  # ids of records that failed validation
    pending: list[tuple[_Where, str, str, str]] = []  # their references, checked at the end
    field_sets: dict[frozenset[str], set[str]] = {}  # see kg.readwrite.shared
    for path in _data_files(paths, ctx):
        for kind, raw, where, field_line in _file_records(path, ctx):
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            key = (kind, str(raw_id))
            duplicate = isinstance(raw_id, str) and key in seen
            rec = _validate(kind, raw, where, ctx, field_line)
            if duplicate:
                have = first_rec.get(key)
                if rec is not None and (have == rec or _is_stand_in(rec)):
                    # The same record written by two files (a web page source from two
                    # imports), or the plain stand-in for a state that an importer writes
                    # (``us``) next to a fuller one: one fact, kept once.
                    continue
                if rec is not None and have is not None and _is_stand_in(have):
                    # The fuller record replaces the stand-in met first.
                    records = sections[kind]
                    records[next(i for i, r in enumerate(records) if r is have)] = rec
                    first_rec[key], seen[key] = rec, where
                    continue
                first = seen[key]
                ctx.add(Problem(f"duplicate {kind} id {raw_id!r} (first defined in "
                                f"{first.file}{':' + str(first.line) if first.line else ''})",
                                file=where.file, line=where.line, record=where.record,
                                field="id"))
                continue  # its own problems are reported; the first definition stands
            if isinstance(raw_id, str):
                seen[key] = where
            if rec is None:
                if isinstance(raw_id, str):
                    invalid.add(key)
                if isinstance(raw, dict):
                    pending += [(where, f, i, t) for f, i, t in _raw_references(kind, raw)]
                continue
            first_rec[key] = rec
            sections[kind].append(shared_sets(rec, field_sets))
    hint = Suggester(ds)  # "did you mean": the closest ids (and actor names) loaded
    for rp in check_references(ds):
        if rp.field == "id":
            continue  # duplicates were reported above, with both places
        if _refers_to_invalid(rp, invalid):
            continue  # the record it names was reported already
        if rp.ref is not None and rp.ref_kind is not None:
            rp = rp._replace(message=rp.message + hint.message(rp.ref, rp.ref_kind))
        ctx.add(_ref_problem(rp, seen.get((rp.kind, rp.id))))
    for where, fld, ref, target in pending:
        if (target, ref) not in first_rec and (target, ref) not in invalid:
            ctx.add(Problem(f"unknown {target} {ref!r}{hint.message(ref, target)}",
                            file=where.file, line=where.line, record=where.record, field=fld,
                            kind=UNKNOWN_REF))
    return ds, ctx.problems


def _is_stand_in(rec: Any) -> bool:
    """Whether ``rec`` is exactly the state or bloc actor that
    :func:`kg.resolve.resolver.country_actor` makes (what importers write for ``us``, ``un``...)."""
    if not isinstance(rec, Actor):
        return False
    try:
        return bool(rec == country_actor(rec.id))
    except ResolveError:
        return False


def _refers_to_invalid(rp: RefProblem, invalid: set[tuple[str, str]]) -> bool:
    return rp.ref is not None and (rp.ref_kind or "", rp.ref) in invalid


def _ref_problem(rp: RefProblem, where: _Where | None = None) -> Problem:
    if where is None:
        return rp.as_problem()
    kind = UNKNOWN_REF if rp.ref is not None else None
    return Problem(rp.message, file=where.file, line=where.line, record=where.record,
                   field=rp.field, kind=kind)


def load(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] | None = None, *,
         limits: Limits | None = None) -> Dataset:
    """Load, validate and cross-check data files and folders into one :class:`Dataset`.

    ``paths`` is a file, a folder or a list of them; ``None`` loads the bundled examples.
    Raises :class:`~kg.errors.ValidationFailed` listing every problem if there is any.

    >>> ds = load()
    >>> any(s.id == "xinjiang-2021-western" for s in ds.sanctions)
    True
    """
    if paths is None:
        paths = [default_data_path()]
    elif isinstance(paths, str | os.PathLike):
        paths = [paths]
    paths = list(paths)
    if not paths:
        raise UsageError("no data files given")
    ds, problems = load_records(paths, limits=limits or Limits.from_env())
    if problems:
        raise ValidationFailed(problems)
    return ds
