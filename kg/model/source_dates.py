"""Dates as sanctions lists write them: :func:`read_source_date` reads the forms lists use
into a :class:`~kg.model.dates.PartialDate` and says how it read each one, so an importer
can report every date it did not read as plain ISO text (nothing shortened or dropped
silently). The rules of dates themselves are in :mod:`kg.model.dates`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from kg.model.dates import PartialDate

__all__ = ["SourceDate", "read_source_date"]


@dataclass(frozen=True, slots=True)
class SourceDate:
    """What :func:`read_source_date` made of a source's date text: the date (None when
    none could be read) and, when the text was not an ISO date read whole, a note saying
    how it was read (``"read as day/month/year"``, ``"holds 2 dates"``...)."""

    date: PartialDate | None
    note: str | None = None


_MONTHS = {name.lower(): i for names in (calendar.month_name, calendar.month_abbr)
           for i, name in enumerate(names) if name} | {"sept": 9}
_SEP = r"[-/.]"
_YMD = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}})(?:{_SEP}(\d{{1,2}}))?", re.ASCII)
_DMY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})", re.ASCII)
_MY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{4}})", re.ASCII)
_TWO_DIGIT_YEAR = re.compile(rf"\d{{1,2}}{_SEP}\d{{1,2}}{_SEP}\d{{2}}", re.ASCII)
_D_MON_Y = re.compile(r"(\d{1,2})\s*([A-Za-z]{3,9})\.?,?\s*(\d{4})", re.ASCII)
_MON_D_Y = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})", re.ASCII)
_MON_Y = re.compile(r"([A-Za-z]{3,9})\.?,?\s+(\d{4})", re.ASCII)
_APPROX = re.compile(r"(?:circa|ca\.?|c\.|approx(?:imately|\.)?|about|around|before|after)"
                     r"\s+(.+)", re.IGNORECASE)
_SEVERAL = re.compile(r"\s*(?:[,;]|\band\b|\bor\b|\bto\b|\s-\s|\u2013)\s*", re.IGNORECASE)


def _ymd(y: int, m: int | None = None, d: int | None = None) -> PartialDate | None:
    text = f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else "")
    try:
        return PartialDate(text)
    except ValueError:
        return None


def _one_date(text: str, convention: str | None) -> SourceDate:
    """One date in any of the forms :func:`read_source_date` reads."""
    iso = PartialDate.from_source(text)
    if iso is not None and (text == iso.text or text.startswith(iso.text + "T")
                            or text.replace("-", "") == iso.text.replace("-", "")):
        return SourceDate(iso)
    if m := _YMD.fullmatch(text):
        y, mo, d = (int(g) if g else None for g in m.groups())
        date = _ymd(y or 0, mo, d)
        return SourceDate(date, "read as year/month/day" if date else "is not a real date")
    if m := _DMY.fullmatch(text):
        a, b, y = (int(g) for g in m.groups())
        if a > 12 or (b <= 12 and convention == "dmy" and a != b):
            order, day, month = "day/month/year", a, b
        elif b > 12 or (a <= 12 and convention == "mdy" and a != b):
            order, day, month = "month/day/year", b, a
        elif a == b:
            order, day, month = "day/month/year", a, b
        else:
            return SourceDate(None, "could be day/month or month/day (ambiguous)")
        date = _ymd(y, month, day)
        return SourceDate(date, f"read as {order}" if date else "is not a real date")
    if m := _MY.fullmatch(text):
        date = _ymd(int(m.group(2)), int(m.group(1)))
        return SourceDate(date, "read as month/year" if date else "is not a real date")
    for pattern, order in ((_D_MON_Y, "dmy"), (_MON_D_Y, "mdy"), (_MON_Y, "my")):
        if m := pattern.fullmatch(text):
            g = m.groups()
            name = g[1] if order == "dmy" else g[0]
            mon = _MONTHS.get(name.lower())
            if mon is None:
                break
            dd = int(g[0]) if order == "dmy" else int(g[1]) if order == "mdy" else None
            date = _ymd(int(g[-1]), mon, dd)
            return SourceDate(date, "read with a month name" if date else "is not a real date")
    if _TWO_DIGIT_YEAR.fullmatch(text):
        return SourceDate(None, "has a two-digit year (the century is unknown)")
    return SourceDate(None, "is not a date")


def read_source_date(value: str | None, *, convention: str | None = None) -> SourceDate:
    """Read a date as sanctions lists write it, saying how it was read.

    ISO text (``2021-03-22``, ``2021-03-22T10:00:00``, ``20210322``, ``2021-03``, ``2021``)
    is read as it is, with no note. Other forms are read where they are unambiguous, and
    the note says how: ``2001/10/06`` and ``2001-10-6`` (year first), ``10/2001``
    (month/year), ``6 Oct 2001``, ``October 6, 2001``, ``Oct 2001``; ``06/10/2001`` is
    day/month/year when ``convention="dmy"`` (the UN's), month/day/year when
    ``convention="mdy"`` (US lists), and otherwise read only when the day is over 12.
    ``circa 1960`` gives 1960 noted as approximate; ``1999, 2003`` gives the earliest
    noted as one of several. Anything else (``16-07-68``: no century) gives no date and a
    note. Never raises.

    >>> [str(read_source_date(v, convention="dmy").date) for v in
    ...  ("2001/10/06", "2001-10-6", "06/10/2001", "6 Oct 2001", "circa 1960")]
    ['2001-10-06', '2001-10-06', '2001-10-06', '2001-10-06', '1960']
    >>> read_source_date("1999, 2003")
    SourceDate(date=PartialDate('1999'), note='holds 2 dates (1999, 2003); the earliest is used')
    >>> read_source_date("16-07-68").note
    'has a two-digit year (the century is unknown)'
    """
    if value is None or not value.strip():
        return SourceDate(None)
    text = " ".join(value.split())
    got = _one_date(text, convention)
    if got.date is not None or got.note != "is not a date":
        return got
    if m := _APPROX.fullmatch(text):
        inner = _one_date(m.group(1), convention)
        if inner.date is not None:
            word = text.split()[0].lower()
            note = "is approximate" if word not in ("before", "after") else f"is a bound ({word})"
            return SourceDate(inner.date, note)
    parts = [p for p in _SEVERAL.split(text) if p]
    if len(parts) > 1:
        dates = [_one_date(p, convention).date for p in parts]
        if all(dates):
            first = min(d for d in dates if d is not None)
            return SourceDate(first, f"holds {len(parts)} dates ({', '.join(parts)}); "
                                     "the earliest is used")
    return got
