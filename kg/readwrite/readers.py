"""Reading input files safely: text decoding, YAML with line numbers, JSON, and JSON lines,
each bounded by :class:`Limits` so a hostile file is refused fast (alias bombs, deep nesting,
over-long lines, binary or wrongly encoded files).

These functions collect problems in a :class:`Ctx` instead of raising, so one run reports
everything that is wrong; :mod:`kg.readwrite.load` turns what they read into validated records.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import yaml

from kg.errors import Problem, UsageError

__all__ = ["DEFAULT_LIMITS", "INVALID", "Ctx", "Limits", "bounded_lines", "decode",
           "jsonl_lines",
           "parse_json", "parse_yaml", "read_text", "too_deep", "yaml_reading"]


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



@dataclass
class Ctx:
    """Where readers collect problems, within the limits."""

    limits: Limits
    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        if len(self.problems) < self.limits.max_problems:
            self.problems.append(problem)



def read_text(path: Path, ctx: Ctx) -> str | None:
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
    return decode(raw, path, ctx)


def decode(raw: bytes, path: Path, ctx: Ctx, line: int | None = None) -> str | None:
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


#: Integers and floats as YAML 1.2 writes them; YAML 1.1 (PyYAML) also reads ``13_18``,
#: ``1:30`` (base 60) and ``0b11`` as numbers, which data files never mean.
_PLAIN_NUMBER = re.compile(r"[-+]?(\d+|\d*\.\d+([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+"
                           r"|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)")


def yaml_reading(text: str, value: Any) -> str | None:
    """What YAML did to an unquoted scalar that was not read as text, and how to write it,
    for messages on a field that wanted something else; None for text.

    >>> yaml_reading("no", False)
    "`no` was read by YAML as false: quote it, 'no'"
    >>> yaml_reading("0x10", 16)
    "`0x10` was read by YAML as the number 16: quote it, '0x10'"
    """
    if isinstance(value, bool):
        return f"`{text}` was read by YAML as {str(value).lower()}: quote it, '{text}'"
    if isinstance(value, int | float):
        return f"`{text}` was read by YAML as the number {value}: quote it, '{text}'"
    return None


def _construct(node: yaml.Node, lines: dict[tuple[Any, ...], int], path: tuple[Any, ...],
               budget: _Budget, readings: dict[tuple[Any, ...], str] | None = None) -> Any:
    """Turn a composed YAML node into Python data, recording the line of every node, and in
    ``readings`` what YAML did to each unquoted scalar it did not read as text
    (:func:`yaml_reading`). Numbers YAML 1.2 would not read as numbers (``13_18``,
    ``1:30``) stay text, as written."""
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
            out[key] = _construct(value_node, lines, (*path, key), budget, readings)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(v, lines, (*path, i), budget, readings)
                for i, v in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # keep dates as written; the model checks them per field
    if node.tag in _NUMBER_TAGS and not _PLAIN_NUMBER.fullmatch(node.value):
        if readings is not None:
            readings[path] = (f"`{node.value}` is read by YAML 1.1 as a number; kg keeps it "
                              "as the text written")
        return node.value
    try:
        value = _SCALAR_LOADER.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise _TooBig(f"line {node.start_mark.line + 1}: {exc.problem}") from None
    if readings is not None and not isinstance(value, str):
        note = yaml_reading(node.value, value)
        if note:
            readings[path] = note
    return value


_NUMBER_TAGS = frozenset(("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"))


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


def parse_yaml(text: str, path: Path, ctx: Ctx,
               readings: dict[tuple[Any, ...], str] | None = None,
               ) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """(data, line of every node by its path) of a YAML document, or (:data:`INVALID`,
    lines) with the problem in ``ctx``. ``readings``, when given, receives what YAML did to
    each unquoted scalar not read as text (``no`` -> false), by path, for messages."""
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
        return _construct(node, lines, (), budget, readings), lines
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
    return INVALID, lines


INVALID = object()


def too_deep(value: Any, limit: int) -> bool:
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


def parse_json(text: str, path: Path, ctx: Ctx, line: int | None = None) -> Any:
    """``text`` parsed as JSON, or :data:`INVALID` with a problem added to ``ctx`` naming
    ``path``, the line (``line``: the JSONL line ``text`` is, else the line of the error) and
    the column. With ``line``, the line's end of line is not part of the value (so a line
    cut short is said to be cut short, not to hold a control character)."""
    if line is not None:
        text = text.rstrip("\r\n")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        cut = ("; the line ends before the JSON value does (cut short?)"
               if exc.pos >= len(text.rstrip()) else
               "; the text ends inside this string (cut short, or a closing quote missing?)"
               if exc.msg.startswith("Unterminated string") else
               "; one JSON value per line? name the file .jsonl, or import an OpenSanctions "
               "(FollowTheMoney) export first: kg import ftm FILE -o data.jsonl"
               if line is None and exc.msg == "Extra data" and exc.colno == 1 else "")
        ctx.add(Problem(f"invalid JSON: {exc.msg} (column {exc.colno}){cut}", file=str(path),
                        line=(line or exc.lineno)))
        return INVALID
    except RecursionError:
        ctx.add(Problem(f"JSON is nested too deeply (limit {ctx.limits.max_depth})",
                        file=str(path), line=line))
        return INVALID
    if too_deep(data, ctx.limits.max_depth):
        ctx.add(Problem(f"JSON is nested more than {ctx.limits.max_depth} levels deep",
                        file=str(path), line=line))
        return INVALID
    return data


# --- records ---------------------------------------------------------------------------



def bounded_lines(fh: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, bytes read for it) of a binary file, one line in memory at a
    time. A line longer than ``limit`` bytes comes as ``None``: it is skipped, never held."""
    n = 0
    while True:
        chunk = fh.readline(limit + 1)
        if not chunk:
            return
        n += 1
        size = len(chunk)
        if size > limit and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):
                chunk = fh.readline(1 << 20)
                size += len(chunk)
            yield n, None, size
        else:
            yield n, chunk, size


def jsonl_lines(path: Path, ctx: Ctx) -> Iterator[tuple[int, bytes]]:
    """Yield (line number, bytes) of a JSONL file (gzip-compressed or not), refusing
    over-long lines without reading them into memory."""
    limit = ctx.limits.max_record_bytes
    try:
        with path.open("rb") as probe:
            magic = probe.read(2)
        opener: Any = gzip.open if magic == b"\x1f\x8b" else open
        with opener(path, "rb") as fh:
            for n, line, _ in bounded_lines(fh, limit):
                if line is None:
                    ctx.add(Problem(f"line is longer than {limit} bytes; skipped",
                                    file=str(path), line=n))
                else:
                    yield n, line
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        ctx.add(Problem(f"cannot read: {getattr(exc, 'strerror', None) or exc}",
                        file=str(path)))


