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

Hostile input is bounded by :class:`Limits` (file size, record size, nesting depth, YAML alias
expansion), each refused with a clear message.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from kg.errors import Problem, ResolveError, UsageError, ValidationFailed
from kg.model import RECORD_TYPES, Actor, Dataset
from kg.perf import loads, paused_gc
from kg.refs import RefProblem, check_references
from kg.resolve import country_actor

__all__ = ["DATA_SUFFIXES", "Limits", "default_data_path", "load", "load_records"]

DATA_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl", ".jsonl.gz")
_SECTIONS = {"sources": "source", "actors": "actor", "sanctions": "sanction",
             "statements": "statement"}


@dataclass(frozen=True)
class Limits:
    """Bounds on input, so a hostile file is refused fast instead of eating the machine."""

    max_file_bytes: int = 1 << 30
    """Largest YAML/JSON file read whole (1 GiB); JSONL is streamed and has no file limit."""
    max_record_bytes: int = 16 << 20
    """Longest JSONL line (16 MiB)."""
    max_depth: int = 64
    """Deepest nesting of lists and mappings."""
    max_yaml_nodes: int = 5_000_000
    """Most YAML nodes after expanding aliases (stops "billion laughs")."""
    max_problems: int = 1000
    """Stop collecting after this many problems."""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """Limits with overrides from ``KG_MAX_FILE_BYTES``, ``KG_MAX_RECORD_BYTES``,
        ``KG_MAX_DEPTH``, ``KG_MAX_YAML_NODES`` and ``KG_MAX_PROBLEMS``.

        >>> Limits.from_env({"KG_MAX_DEPTH": "10"}).max_depth
        10
        """
        env = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for name in ("max_file_bytes", "max_record_bytes", "max_depth", "max_yaml_nodes",
                     "max_problems"):
            raw = env.get("KG_" + name.upper())
            if raw is None:
                continue
            try:
                value = int(raw)
            except ValueError:
                value = 0
            if value < 1:
                raise UsageError(f"KG_{name.upper()} must be a positive whole number, "
                                 f"not {raw!r}")
            values[name] = value
        return cls(**values)


DEFAULT_LIMITS = Limits()


def default_data_path() -> Path:
    """The bundled example data: ``examples/`` in a checkout, or its copy in the package."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "examples", here / "_examples"):
        if candidate.is_dir():
            return candidate
    raise UsageError("the bundled example data is missing; pass -d/--data PATH")


@dataclass
class _Ctx:
    limits: Limits
    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        if len(self.problems) < self.limits.max_problems:
            self.problems.append(problem)


def _data_files(paths: Iterable[str | os.PathLike[str]], ctx: _Ctx) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.name.lower().endswith(DATA_SUFFIXES)
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
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


def _read_text(path: Path, ctx: _Ctx) -> str | None:
    try:
        size = path.stat().st_size
        if size > ctx.limits.max_file_bytes:
            ctx.add(Problem(f"file is {size} bytes, over the limit of "
                            f"{ctx.limits.max_file_bytes}; use JSONL for large data",
                            file=str(path)))
            return None
        raw = path.read_bytes()
    except OSError as exc:
        ctx.add(Problem(f"cannot read: {exc.strerror or exc}", file=str(path)))
        return None
    return _decode(raw, path, ctx)


def _decode(raw: bytes, path: Path, ctx: _Ctx, line: int | None = None) -> str | None:
    if raw[:2] == b"\x1f\x8b":
        ctx.add(Problem("this is a gzip file; name it .jsonl.gz or decompress it first",
                        file=str(path), line=line))
        return None
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        ctx.add(Problem("file is UTF-16; save it as UTF-8", file=str(path), line=line))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = (line or 1) + raw[: exc.start].count(b"\n") if line is None else line
        ctx.add(Problem(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                        "save the file as UTF-8", file=str(path), line=bad_line))
        return None
    if "\x00" in text:
        nul_line = line or text.count("\n", 0, text.index("\x00")) + 1
        ctx.add(Problem("contains NUL bytes; this looks like a binary file",
                        file=str(path), line=nul_line))
        return None
    return text


# --- YAML with line numbers -------------------------------------------------------------


class _Budget:
    def __init__(self, limits: Limits) -> None:
        self.left = limits.max_yaml_nodes
        self.max_depth = limits.max_depth


class _TooBig(Exception):
    pass


def _expanded_size(node: yaml.Node, memo: dict[int, int], depth: int, budget: _Budget) -> int:
    """How many nodes ``node`` stands for once aliases are expanded, counted without
    expanding them (each distinct node once), so an alias bomb is refused in milliseconds."""
    key = id(node)
    known = memo.get(key)
    if known is not None:
        if known < 0:
            raise _TooBig("YAML refers to itself through an alias (a recursive structure)")
        return known
    if depth > budget.max_depth:
        raise _TooBig(f"YAML is nested more than {budget.max_depth} levels deep")
    memo[key] = -1
    if node.tag not in _ALLOWED_TAGS:
        raise _TooBig(f"line {node.start_mark.line + 1}: the YAML tag {node.tag!r} is not "
                      "allowed in data files")
    size = 1
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            size += _expanded_size(k, memo, depth + 1, budget)
            size += _expanded_size(v, memo, depth + 1, budget)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            size += _expanded_size(v, memo, depth + 1, budget)
    if size > budget.left:
        raise _TooBig(f"YAML expands to more than {budget.left} nodes (an alias bomb?)")
    memo[key] = size
    return size


def _construct(node: yaml.Node, lines: dict[tuple[Any, ...], int], path: tuple[Any, ...],
               budget: _Budget) -> Any:
    """Turn a composed YAML node into Python data, recording the line of every node."""
    budget.left -= 1
    if budget.left < 0:
        raise _TooBig("YAML expands to too many nodes (an alias bomb?)")
    if len(path) > budget.max_depth:
        raise _TooBig(f"YAML is nested more than {budget.max_depth} levels deep")
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = yaml.SafeLoader.construct_scalar(_SCALAR_LOADER, key_node) \
                if isinstance(key_node, yaml.ScalarNode) else None
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _TooBig("YAML merge keys (<<) are not supported")
            if not isinstance(key, str):
                key = str(key)
            out[key] = _construct(value_node, lines, (*path, key), budget)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(v, lines, (*path, i), budget) for i, v in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # keep dates as written; the model checks them per field
    try:
        return _SCALAR_LOADER.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise _TooBig(f"line {node.start_mark.line + 1}: {exc.problem}") from None


_SCALAR_LOADER = yaml.SafeLoader("")


#: libyaml's loader when PyYAML was built with it (much faster), else the pure-Python one.
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: The only tags a data file may use: YAML's own core types. Anything else
#: (``!!python/object``, custom ``!tags``) is refused rather than silently read as text.
_ALLOWED_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in (
    "str", "int", "float", "bool", "null", "timestamp", "seq", "map"))


def _check_depth(text: str, limit: int) -> None:
    """Refuse deep nesting from the event stream, before any recursive composing."""
    depth = 0
    for event in yaml.parse(text, Loader=_FAST_LOADER):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > limit:
                mark = event.start_mark
                at = f" (line {mark.line + 1})" if mark is not None else ""
                raise _TooBig(f"YAML is nested more than {limit} levels deep{at}")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _parse_yaml(text: str, path: Path, ctx: _Ctx) -> tuple[Any, dict[tuple[Any, ...], int]]:
    lines: dict[tuple[Any, ...], int] = {}
    try:
        _check_depth(text, ctx.limits.max_depth)
        loader = _FAST_LOADER(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        if node is None:
            return None, lines
        budget = _Budget(ctx.limits)
        _expanded_size(node, {}, 0, budget)
        return _construct(node, lines, (), budget), lines
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        ctx.add(Problem(f"YAML syntax error: {exc.problem or exc.context}", file=str(path),
                        line=mark.line + 1 if mark else None))
    except RecursionError:
        ctx.add(Problem(f"YAML is nested more than {ctx.limits.max_depth} levels deep",
                        file=str(path)))
    except (yaml.YAMLError, _TooBig, ValueError) as exc:
        msg = str(exc) if isinstance(exc, _TooBig) else f"cannot read YAML: {exc}"
        ctx.add(Problem(msg, file=str(path)))
    return _INVALID, lines


_INVALID = object()


def _depth(value: Any, limit: int) -> bool:
    """True if ``value`` nests deeper than ``limit`` (iterative, so it cannot overflow)."""
    if limit < 0:
        return True
    # Only containers go on the stack: a record is mostly strings, and this runs per line.
    stack = [(value, 0)] if isinstance(value, dict | list) else []
    while stack:
        v, d = stack.pop()
        if d >= limit and v:
            return True
        for x in (v.values() if isinstance(v, dict) else v):
            if isinstance(x, dict | list):
                stack.append((x, d + 1))
    return False


def _parse_json(text: str, path: Path, ctx: _Ctx, line: int | None = None) -> Any:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        ctx.add(Problem(f"invalid JSON: {exc.msg} (column {exc.colno})", file=str(path),
                        line=(line or exc.lineno)))
        return _INVALID
    except RecursionError:
        ctx.add(Problem(f"JSON is nested too deeply (limit {ctx.limits.max_depth})",
                        file=str(path), line=line))
        return _INVALID
    if _depth(data, ctx.limits.max_depth):
        ctx.add(Problem(f"JSON is nested more than {ctx.limits.max_depth} levels deep",
                        file=str(path), line=line))
        return _INVALID
    return data


# --- records ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Where:
    file: str
    line: int | None
    record: str


def _label(kind: str, raw: Any, index: int | None) -> str:
    rid = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(rid, str) and rid:
        return f"{kind} {rid!r}"
    return f"{kind} #{index + 1}" if index is not None else kind


def _validate(kind: str, raw: Any, where: _Where, ctx: _Ctx,
              field_line: Any = None) -> Any:
    model = RECORD_TYPES[kind]
    if not isinstance(raw, dict):
        ctx.add(Problem(f"a {kind} must be a mapping, not {type(raw).__name__}",
                        file=where.file, line=where.line, record=where.record))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            # Drop pydantic's internal union/validator names from the location.
            loc = tuple(p for p in loc if not (isinstance(p, str) and "[" in p))
            fld = ".".join(str(p) for p in loc) or None
            line = field_line(loc) if field_line else where.line
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                msg = "unknown field"
            elif err["type"] == "missing":
                msg = "required field is missing"
            elif err["type"] == "enum":
                msg = f"{_short(err['input'])} is not allowed; {msg[0].lower()}{msg[1:]}"
            ctx.add(Problem(msg, file=where.file, line=line, record=where.record, field=fld))
        return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


#: Fields that hold ids of other records: (record type, field) -> referenced type.
_REF_FIELDS = {
    ("actor", "member_of"): "actor", ("actor", "part_of"): "actor",
    ("sanction", "imposers"): "actor", ("sanction", "targets"): "actor",
    ("sanction", "in_response_to"): "sanction",
    ("statement", "speakers"): "actor", ("statement", "about_sanctions"): "sanction",
    ("statement", "about_actors"): "actor",
}


def _raw_references(kind: str, raw: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(field, id, referenced type) of a record that failed validation, so its broken
    references are reported in the same run as its other problems."""
    for (k, fld), target in _REF_FIELDS.items():
        if k != kind:
            continue
        value = raw.get(fld)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str):
                yield fld, v, target
    cites = raw.get("sources")
    if kind != "source" and isinstance(cites, list):
        for c in cites:
            if isinstance(c, dict) and isinstance(c.get("source"), str):
                yield "sources", c["source"], "source"


def _records_from_document(data: Any, path: Path, lines: dict[tuple[Any, ...], int],
                           ctx: _Ctx) -> Iterator[tuple[str, Any, _Where, Any]]:
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

            def field_line(loc: tuple[Any, ...], base: tuple[Any, ...] = base) -> int | None:
                # The line of the deepest part of the location that exists in the file.
                for n in range(len(loc), -1, -1):
                    hit = lines.get((*base, *loc[:n]))
                    if hit:
                        return hit
                return None

            yield kind, raw, where, field_line


def _jsonl_lines(path: Path, ctx: _Ctx) -> Iterator[tuple[int, bytes]]:
    """Yield (line number, bytes) of a JSONL file, refusing over-long lines without
    reading them into memory."""
    limit = ctx.limits.max_record_bytes
    try:
        with path.open("rb") as probe:
            magic = probe.read(2)
        opener: Any = gzip.open if magic == b"\x1f\x8b" else open
        with opener(path, "rb") as fh:
            n = 0
            while True:
                chunk = fh.readline(limit + 1)
                if not chunk:
                    return
                n += 1
                if len(chunk) > limit and not chunk.endswith(b"\n"):
                    ctx.add(Problem(f"line is longer than {limit} bytes; skipped",
                                    file=str(path), line=n))
                    while chunk and not chunk.endswith(b"\n"):
                        chunk = fh.readline(1 << 20)
                    continue
                yield n, chunk
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        ctx.add(Problem(f"cannot read: {getattr(exc, 'strerror', None) or exc}",
                        file=str(path)))


def _records_from_jsonl(path: Path, ctx: _Ctx) -> Iterator[tuple[str, Any, _Where, Any]]:
    max_depth = ctx.limits.max_depth
    fname = str(path)
    for n, raw_line in _jsonl_lines(path, ctx):
        # Fast path: a well-formed line parses straight from bytes. Anything the fast
        # parser refuses (bad UTF-8, a BOM, NaN, huge integers, syntax errors) or that nests
        # too deeply goes the careful way below, which gives the precise message.
        try:
            raw = loads(raw_line)
        except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError...
            raw = _INVALID
        if raw is _INVALID or (
                # Fewer brackets than the limit cannot nest deeper than it.
                raw_line.count(b"[") + raw_line.count(b"{") > max_depth
                and _depth(raw, max_depth)):
            if not raw_line.strip():
                continue
            text = _decode(raw_line, path, ctx, line=n)
            if text is None:
                continue
            raw = _parse_json(text, path, ctx, line=n)
            if raw is _INVALID:
                continue
        if not isinstance(raw, dict):
            ctx.add(Problem("each line must be a JSON object", file=str(path), line=n))
            continue
        kind = raw.get("type")
        if kind not in RECORD_TYPES:
            ctx.add(Problem(f"'type' must be one of {', '.join(RECORD_TYPES)}, not {kind!r}",
                            file=str(path), line=n, record=f"line {n}", field="type"))
            continue
        del raw["type"]
        yield kind, raw, _Where(fname, n, _label(kind, raw, None)), None


def _file_records(path: Path, ctx: _Ctx) -> Iterator[tuple[str, Any, _Where, Any]]:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        yield from _records_from_jsonl(path, ctx)
        return
    if not name.endswith((".yaml", ".yml", ".json")):
        ctx.add(Problem("unknown file type (expected .yaml, .yml, .json or .jsonl)",
                        file=str(path)))
        return
    text = _read_text(path, ctx)
    if text is None:
        return
    if name.endswith(".json"):
        data, lines = _parse_json(text, path, ctx), dict[tuple[Any, ...], int]()
    else:
        data, lines = _parse_yaml(text, path, ctx)
    if data is _INVALID:
        return
    yield from _records_from_document(data, path, lines, ctx)


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
    ctx = _Ctx(limits)
    ds = Dataset()
    sections: dict[str, list[Any]] = {
        "source": ds.sources, "actor": ds.actors, "sanction": ds.sanctions,
        "statement": ds.statements}
    seen: dict[tuple[str, str], _Where] = {}  # where every id was met, valid or not
    first_rec: dict[tuple[str, str], Any] = {}  # the validated record behind each id
    invalid: set[tuple[str, str]] = set()  # ids of records that failed validation
    pending: list[tuple[_Where, str, str, str]] = []  # their references, checked at the end
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
            sections[kind].append(rec)
    for rp in check_references(ds):
        if rp.field == "id":
            continue  # duplicates were reported above, with both places
        if _refers_to_invalid(rp, invalid):
            continue  # the record it names was reported already
        ctx.add(_ref_problem(rp, seen.get((rp.kind, rp.id))))
    for where, fld, ref, target in pending:
        if (target, ref) not in first_rec and (target, ref) not in invalid:
            ctx.add(Problem(f"unknown {target} {ref!r}", file=where.file, line=where.line,
                            record=where.record, field=fld))
    return ds, ctx.problems


def _is_stand_in(rec: Any) -> bool:
    """Whether ``rec`` is exactly the state or bloc actor that
    :func:`kg.resolve.country_actor` makes (what importers write for ``us``, ``un``...)."""
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
        return Problem(rp.message, record=f"{rp.kind} {rp.id!r}", field=rp.field)
    return Problem(rp.message, file=where.file, line=where.line, record=where.record,
                   field=rp.field)


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


def ensure_valid(dataset: Dataset) -> Dataset:
    """Check a dataset built in code (by an importer, say) the way :func:`load` does."""
    problems = check_references(dataset)
    if problems:
        raise ValidationFailed(_ref_problem(p) for p in problems)
    return dataset

