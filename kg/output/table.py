"""Query answers as records, CSV, JSON, text tables and DataFrames (for the CLI and
notebooks). Functions here return strings or data; they never print."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil
import textwrap
from collections.abc import Sequence
from typing import Any

__all__ = ["format_csv", "format_json", "format_table", "to_dataframe", "to_records"]


def to_records(rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Answers (dataclasses) as plain dicts; tuples become lists."""
    out = []
    for r in rows:
        is_row = dataclasses.is_dataclass(r) and not isinstance(r, type)
        d = dataclasses.asdict(r) if is_row else dict(r)
        out.append({k: list(v) if isinstance(v, tuple) else v for k, v in d.items()})
    return out


def to_dataframe(rows: Sequence[Any]) -> Any:
    """Answers as a pandas DataFrame (pandas is an optional dependency: the notebook extra)."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        from kg.errors import UsageError

        raise UsageError(
            "to_dataframe needs pandas: pip install 'sanctions-kg[notebook]'") from None
    return pd.DataFrame(to_records(rows))


def format_json(rows: Sequence[Any]) -> str:
    """A JSON array of the answers."""
    return json.dumps(to_records(rows), ensure_ascii=False, indent=2)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "|".join(str(v) for v in value)
    text = str(value)
    # A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP advice).
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text


def format_csv(rows: Sequence[Any], columns: Sequence[str] | None = None) -> str:
    """CSV with a header; lists joined with ``|``; formula-like cells defused."""
    recs = to_records(rows)
    cols = list(columns or (recs[0].keys() if recs else []))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in recs:
        w.writerow([_csv_cell(r.get(c)) for c in cols])
    return buf.getvalue()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    # Control characters from untrusted data must not drive the terminal.
    return "".join(c if c.isprintable() else " " for c in str(value))


#: Columns holding ids and codes, which are shrunk (wrapped) only as a last resort.
KEEP_WHOLE = frozenset({"sanction", "date", "status", "record", "first", "last", "response",
                        "original", "response_date", "original_date", "chain", "role", "reason"})


#: Columns of short vocabulary words and dates, kept whole before anything else.
_VOCABULARY = frozenset({"reason", "status", "date", "first", "last", "role", "chain",
                         "response_date", "original_date", "stance", "inferred"})


def format_table(rows: Sequence[Any], columns: Sequence[str], *,
                 width: int | None = None, headers: Sequence[str] | None = None) -> str:
    """A plain-text table that fits ``width`` columns (the terminal's, or 80), wrapping
    the widest text cells first and ids and dates only if it must."""
    width = width or shutil.get_terminal_size((80, 24)).columns
    recs = to_records(rows)
    heads = list(headers or [c.replace("_", " ") for c in columns])
    cells = [[_text(r.get(c)) for c in columns] for r in recs]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(heads)]
    budget = width - 2 * (len(columns) - 1)
    soft = [i for i, c in enumerate(columns) if c not in KEEP_WHOLE]
    every = list(range(len(columns)))
    # Wrap text down to 20 columns first, then further down to 8, then ids; dates and
    # vocabulary words (which read badly split) only as a last resort.
    ids = [i for i, c in enumerate(columns) if c not in _VOCABULARY]
    for pool, floor in ((soft, 20), (soft, 8), (ids, 8), (every, 6)):
        while sum(widths) > budget and pool and max(widths[i] for i in pool) > floor:
            widest = max(pool, key=lambda i: widths[i])
            widths[widest] -= 1
    lines = ["  ".join(h[:w].ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in cells:
        wrapped = [textwrap.wrap(c, w) or [""] for c, w in zip(row, widths, strict=True)]
        for i in range(max(len(x) for x in wrapped)):
            lines.append("  ".join((x[i] if i < len(x) else "").ljust(w)
                                   for x, w in zip(wrapped, widths, strict=True)).rstrip())
    return "\n".join(lines)
