"""Query answers as records, CSV, JSON, text tables and DataFrames (for the CLI and
notebooks). Functions here return strings or data; they never print."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
from collections.abc import Collection, Sequence
from typing import Any

from wcwidth import iter_graphemes as _graphemes
from wcwidth import width as _width

from kg._listing import listed, plural  # the rules for lists and counts (re-exported)

__all__ = ["cells_wide", "column_widths", "fits_whole", "format_csv", "format_json",
           "format_table", "listed", "one_row_per_sanction", "plural", "tell_apart",
           "terminal_width", "to_dataframe", "to_records", "wrap_words"]


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _flat(value: Any) -> bool:
    t = type(value)
    return t in _SCALARS or (t is tuple and all(type(x) in _SCALARS for x in value))


def to_records(rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Answers (dataclasses) as plain dicts; tuples become lists.

    A row of plain values (text, numbers, None, tuples of them: every query answer) is read
    field by field; anything nested goes through :func:`dataclasses.asdict`, which copies
    deeply (ten times slower on 100,000 rows, for the same dicts)."""
    out = []
    names: dict[type, tuple[str, ...]] = {}
    for r in rows:
        is_row = dataclasses.is_dataclass(r) and not isinstance(r, type)
        if is_row:
            cls = type(r)
            if cls not in names:
                names[cls] = tuple(f.name for f in dataclasses.fields(r))
            d = {n: getattr(r, n) for n in names[cls]}
            if not all(map(_flat, d.values())):
                d = dataclasses.asdict(r)
        else:
            d = dict(r)
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
    # Control characters from untrusted data must not drive the terminal; the joiners
    # (U+200C, U+200D) that Persian names and emoji sequences need are kept.
    return "".join(c if c.isprintable() or c in _JOINERS else " " for c in str(value))


_JOINERS = frozenset("\u200c\u200d")


#: The narrowest a column is made before words longer than it are folded: a word wider
#: than its column goes on at the start of the next line, every character kept.
MIN_COLUMN = 10

#: The narrowest a column other than :data:`WHOLE_COLUMNS` is made before a word of those
#: is folded.
NARROWEST = 8

#: Spaces between two columns.
GAP = 2

#: Columns of ids: when a table cannot fit otherwise, these are folded first.
ID_COLUMNS = frozenset({"sanction", "response", "original", "record", "statement", "id"})

#: Columns of dates, counts and codes, and of lists of names (the imposers ``kg search``
#: lists), never broken inside a word unless the terminal is too narrow for anything else.
WHOLE_COLUMNS = frozenset({"date", "first", "last", "of", "status", "stance", "role",
                           "link", "chain", "n", "sanctioned_by"})

_COMPOUND = re.compile(r"[^-_]+[-_]+|[^-_]+$|[-_]+")


def cells_wide(text: str) -> int:
    """How many terminal cells ``text`` takes: 2 for a wide character (CJK ideographs,
    kana, hangul, fullwidth forms, most emoji), 0 for a combining mark or a joiner, 1 for
    the rest (``wcwidth``'s tables, Unicode's East Asian Width and grapheme rules).

    >>> cells_wide("王毅"), cells_wide("Zoe\u0308"), cells_wide("Smith")
    (4, 3, 5)
    """
    return max(_width(text), 0)


def _fold(word: str, width: int) -> list[str]:
    """``word`` cut into pieces of at most ``width`` cells, between grapheme clusters (a
    letter and its combining accents, an emoji sequence, stay together); every character
    kept, in order. A cluster wider than ``width`` has a piece of its own."""
    pieces: list[str] = []
    piece, used = "", 0
    for g in _graphemes(word):
        w = cells_wide(g)
        if piece and used + w > width:
            pieces.append(piece)
            piece, used = "", 0
        piece += g
        used += w
    if piece:
        pieces.append(piece)
    return pieces


def wrap_words(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal cells (:func:`cells_wide`), broken
    between words (runs of whitespace become one space). A word wider than ``width`` is
    broken after a ``-`` or ``_`` in it ("Congressional-" / "Executive"); a part still
    wider than ``width`` is folded: it fills the line and goes on at the start of the
    next one, broken between grapheme clusters, every character kept (nothing is cut, and
    nothing is added: the lines of a word joined give the word back).

    >>> wrap_words("Supercalifragilistic Holdings", 8)
    ['Supercal', 'ifragili', 'stic', 'Holdings']
    >>> wrap_words("中国石油天然气集团", 8)
    ['中国石油', '天然气集', '团']
    """
    width = max(width, 2)
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        wide = cells_wide(word)
        if wide > width:
            if line:
                lines.append(line)
                line, used = "", 0
            for part in _COMPOUND.findall(word):
                for piece in _fold(part, width):
                    w = cells_wide(piece)
                    if used + w <= width:
                        line, used = line + piece, used + w
                    else:
                        lines.append(line)
                        line, used = piece, w
            lines.append(line)
            line, used = "", 0
        elif not line:
            line, used = word, wide
        elif used + 1 + wide <= width:
            line, used = f"{line} {word}", used + 1 + wide
        else:
            lines.append(line)
            line, used = word, wide
    if line:
        lines.append(line)
    return lines or [""]


def _longest(texts: Sequence[str], split: bool) -> int:
    words = [w for t in texts for w in t.split()]
    if split:
        words = [p for w in words for p in _COMPOUND.findall(w)]
    return max((cells_wide(w) for w in words), default=0)


def column_widths(heads: Sequence[str], cells: Sequence[Sequence[str]], width: int,
                  columns: Sequence[str] | None = None, *,
                  whole: Collection[str] = ()) -> list[int]:
    """Widths (in terminal cells, :func:`cells_wide`) of the columns of a table that fits
    ``width`` cells with :data:`GAP`
    between columns. Each column is as wide as its widest cell when they all fit; else the
    widest columns are narrowed, in stages, each only as far as the table needs:

    1. down to their longest word (cells wrap between words only);
    2. id columns (:data:`ID_COLUMNS`) down to the longest part of an id (broken after
       its ``-`` or ``_``);
    3. other columns but dates, counts and codes (:data:`WHOLE_COLUMNS`) likewise, a
       compound word broken after its ``-`` or ``_`` ("Congressional-" / "Executive");
    4. id columns down to :data:`MIN_COLUMN`, their ids folded (:func:`wrap_words`);
    5. the other columns but dates, counts, codes and lists of names
       (:data:`WHOLE_COLUMNS`) likewise;
    6. id columns, then the other columns but :data:`WHOLE_COLUMNS`, further down to
       :data:`NARROWEST`, so that a word of a whole column is folded only when nothing
       else is left to narrow;
    7. any column, when the terminal is too narrow for all that.

    ``whole``: more columns to treat as :data:`WHOLE_COLUMNS` in this table (an id
    column a reader copies from, as ``kg search``'s: not an id column here, never broken
    while another column can give).

    ``width`` 0 (or less): no limit; each column as wide as its widest cell, nothing
    wrapped or folded (a table written to a pipe or a file).
    """
    n = len(heads)
    names = list(columns or heads)
    cols = [[h, *(row[i] for row in cells)] for i, h in enumerate(heads)]
    widths = [max(cells_wide(t) for t in col) for col in cols]
    if width <= 0:  # no limit: every column as wide as its widest cell
        return widths
    budget = width - GAP * (n - 1)
    words = [_longest(col, split=False) for col in cols]
    is_id = [c in ID_COLUMNS and c not in whole for c in names]
    whole_ = [c in WHOLE_COLUMNS or c in whole for c in names]
    id_parts = [_longest(col, split=True) if is_id[i] else words[i]
                for i, col in enumerate(cols)]
    parts = [w if whole_[i] else _longest(col, split=True)
             for i, (col, w) in enumerate(zip(cols, id_parts, strict=True))]
    ids = [min(p, MIN_COLUMN) if is_id[i] else p for i, p in enumerate(parts)]
    rest = [p if whole_[i] else min(p, MIN_COLUMN) for i, p in enumerate(ids)]
    last_ids = [min(p, NARROWEST) if is_id[i] else p for i, p in enumerate(rest)]
    last = [p if whole_[i] else min(p, NARROWEST) for i, p in enumerate(last_ids)]
    for floors in (words, id_parts, parts, ids, rest, last_ids, last, [2] * n):
        while sum(widths) > budget:
            narrowable = [i for i in range(n) if widths[i] > floors[i]]
            if not narrowable:
                break
            widest = max(narrowable, key=lambda i: widths[i])
            widths[widest] -= 1
    return widths


def terminal_width() -> int:
    """The width tables are made for: ``$COLUMNS``, else the terminal's, else 80."""
    return shutil.get_terminal_size((80, 24)).columns


def fits_whole(rows: Sequence[Any], columns: Sequence[str], *, width: int | None = None,
               headers: Sequence[str] | None = None) -> bool:
    """Whether :func:`format_table` can show ``rows`` in ``width`` terminal cells (default
    :func:`terminal_width`; 0: no limit, always True) without breaking a word or an id:
    each column at least as wide as its longest word (header included). A command with
    many columns shows fewer, fuller ones when this is False (``kg search``)."""
    width = terminal_width() if width is None else width
    if width <= 0:
        return True
    recs = to_records(rows)
    heads = [_text(h) for h in (headers or [c.replace("_", " ") for c in columns])]
    longest = [_longest([h, *(_text(r.get(c)) for r in recs)], split=False)
               for h, c in zip(heads, columns, strict=True)]
    return sum(longest) + GAP * (len(columns) - 1) <= width


def format_table(rows: Sequence[Any], columns: Sequence[str], *,
                 width: int | None = None, headers: Sequence[str] | None = None,
                 whole: Collection[str] = ()) -> str:
    """A plain-text table of ``rows`` (dataclasses or dicts) showing ``columns`` under
    ``headers`` (default: the column names, ``_`` as spaces), made to fit ``width``
    terminal cells (default :func:`terminal_width`; a CJK character takes two, a combining
    accent none: :func:`cells_wide`) and using all of it when the cells need it;
    ``width=0``: no limit, each column as wide as its widest cell (nothing wrapped or
    folded: what the CLI prints to a pipe or a file). No character of a cell is ever
    lost. Cells wrap between words only; see
    :func:`column_widths` and :func:`wrap_words` for the rule when a single word is wider
    than a column can be (``whole``: columns kept whole like :data:`WHOLE_COLUMNS` in this
    table). Lists are joined with ", "; control characters are shown as spaces."""
    width = terminal_width() if width is None else width
    recs = to_records(rows)
    heads = [_text(h) for h in (headers or [c.replace("_", " ") for c in columns])]
    cells = [[_text(r.get(c)) for c in columns] for r in recs]
    widths = column_widths(heads, cells, width, columns, whole=whole)
    lines = _block(heads, widths)
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines += _block(row, widths)
    return "\n".join(lines)


def _pad(text: str, width: int) -> str:
    """``text`` and spaces to fill ``width`` terminal cells (``str.ljust`` counts
    characters: a CJK name would push the next columns right)."""
    return text + " " * (width - cells_wide(text))


def _block(row: Sequence[str], widths: Sequence[int]) -> list[str]:
    wrapped = [wrap_words(c, w) for c, w in zip(row, widths, strict=True)]
    return [(" " * GAP).join(_pad(x[i] if i < len(x) else "", w)
                            for x, w in zip(wrapped, widths, strict=True)).rstrip()
            for i in range(max(len(x) for x in wrapped))]


def tell_apart(table: list[dict[str, Any]], rows: Sequence[Any], cols: list[str]) -> None:
    """Table rows that would print the same (one sanction giving two reasons of one
    category, as OFAC's RUSSIA-EO14024 and UKRAINE-EO13662) show their reason's own words
    in the reason column, "armed conflict (RUSSIA-EO14024)", so no two rows look alike.

    ``table``: one dict per row of ``rows`` (:class:`kg.query.rows.Relation`, in the same
    order), keyed by at least ``cols`` and "reason"; changed in place. JSON and CSV carry
    ``reason_detail`` anyway."""
    seen: dict[tuple[Any, ...], list[int]] = {}
    for i, row in enumerate(table):
        seen.setdefault(tuple(row[c] for c in cols), []).append(i)
    for same in seen.values():
        if len(same) > 1 and len({rows[i].reason_detail for i in same}) > 1:
            for i in same:
                if rows[i].reason_detail:
                    table[i]["reason"] += f" ({rows[i].reason_detail})"


def one_row_per_sanction(table: list[dict[str, Any]], rows: Sequence[Any]
                         ) -> list[dict[str, Any]]:
    """``table`` (one dict per row of ``rows``, :class:`kg.query.rows.Relation`, in the same
    order) with the rows of one sanction between the same imposer, via and target folded
    into the first, their reasons joined with ", " in order ("disinformation,
    retaliation"), so a table has one row per sanction as ``kg demo`` counts them. JSON and
    CSV keep one object per reason."""
    out: list[dict[str, Any]] = []
    at: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row, r in zip(table, rows, strict=True):
        key = (r.sanction, r.imposer, r.via, r.target)
        first = at.get(key)
        if first is None:
            at[key] = row
            out.append(row)
        elif row["reason"] not in first["reason"].split(", "):
            first["reason"] += ", " + row["reason"]
    return out

