"""Dates in news text, resolved against the article's publication date.

"on Monday" means the most recent Monday on or before the publication date (news reports
the past); "yesterday" the day before; "last week" the month (or, when that week spans two
months, the year) of the previous calendar week, because a day would claim more than the
text says; "last month"/"last year"/"this year", "two months ago", "in July", "in late July
2017" and "in 2018" a partial date. Explicit dates ("March 22, 2021", "22 March",
"2021-03-22") are taken as written; a date without a year takes the publication year, or
the year before if that would put it after publication.

>>> import datetime as dt
>>> ref = dt.date(2021, 3, 23)  # a Tuesday
>>> [find_date(s, ref).value for s in ("on Monday", "on Tuesday", "yesterday", "last week")]
['2021-03-22', '2021-03-23', '2021-03-22', '2021-03']
>>> find_date("On March 17, 2014, the US acted", ref).value
'2014-03-17'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from kg.extract.prefilter import Gates, folded, gate, may_match
from kg.model.dates import PartialDate

__all__ = ["DateMention", "find_date", "parse_iso_date"]

_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("mdy", re.compile(_MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?\b", re.I)),
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON
                       + r"(?:,?\s+(?P<y>\d{4}))?\b", re.I)),
    # "in January 2022", "in late July": a month (of the publication year or the year
    # before, whichever is not after publication); "in 2018": a year
    ("month", re.compile(r"\bin\s+(?:early\s+|late\s+|mid-)?" + _MON
                         + r"(?:\s+(?P<y>\d{4}))?\b(?!\s+\d)", re.I)),
    ("year", re.compile(r"\bin\s+(?:early\s+|late\s+|mid-)?(?P<y>(?:19|20)\d\d)\b(?!-)", re.I)),
    ("weekday", re.compile(r"\b(?:on\s+|last\s+|this\s+|early\s+|late\s+)?(?P<wd>"
                           + "|".join(_DAYS) + r")(?:['’]s)?\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("today", re.compile(r"\b(?:today|this morning|tonight|this evening)\b", re.I)),
    ("last_week", re.compile(r"\blast\s+week(?:end)?\b", re.I)),
    ("last_month", re.compile(r"\blast\s+month\b", re.I)),
    ("this_month", re.compile(r"\b(?:earlier\s+)?this\s+month\b", re.I)),
    ("last_year", re.compile(r"\blast\s+year\b", re.I)),
    ("this_year", re.compile(r"\b(?:earlier\s+)?this\s+year\b", re.I)),
    # "two weeks ago", "a month ago", "three days ago"
    ("ago", re.compile(r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                       r"twelve|\d{1,2})\s+(?P<u>day|week|month|year)s?\s+ago\b", re.I)),
]
_NUMBERS = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six",
                                        "seven", "eight", "nine", "ten", "eleven", "twelve"])}
_NUMBERS.update({"a": 1, "an": 1})


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text: its ISO value (maybe partial), the words and their offsets."""

    value: str
    words: str
    start: int
    end: int


def parse_iso_date(value: str) -> dt.date:
    """``YYYY-MM-DD`` -> date (a whole day, as :class:`~kg.model.dates.PartialDate` reads
    it); ValueError otherwise."""
    try:
        day: PartialDate | None = PartialDate(value)
    except ValueError:
        day = None
    if day is not None and day.precision == "day":
        return day.start
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or "", re.ASCII):
        raise ValueError(f"{value!r} is not a real calendar date")
    raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")


def _resolve(kind: str, m: re.Match[str], ref: dt.date) -> str | None:
    if kind == "iso":
        try:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
        except ValueError:
            return None
    if kind in ("mdy", "dmy"):
        month = _MONTHS[m["mon"].lower().rstrip(".")]
        year = int(m["y"]) if m["y"] else ref.year
        try:
            day = dt.date(year, month, int(m["d"]))
        except ValueError:
            return None
        if not m["y"] and day > ref:
            try:
                day = dt.date(year - 1, month, int(m["d"]))
            except ValueError:
                return None
        return day.isoformat()
    if kind == "month":
        month = _MONTHS[m["mon"].lower().rstrip(".")]
        year = int(m["y"]) if m["y"] else ref.year - (month > ref.month)
        return f"{year:04d}-{month:02d}"
    if kind == "year":
        return m["y"] if int(m["y"]) <= ref.year else None
    if kind == "weekday":
        back = (ref.weekday() - _DAYS.index(m["wd"].lower())) % 7
        if m.group().lower().startswith("last") and back == 0:
            back = 7
        return (ref - dt.timedelta(days=back)).isoformat()
    if kind == "yesterday":
        return (ref - dt.timedelta(days=1)).isoformat()
    if kind == "today":
        return ref.isoformat()
    if kind == "last_week":
        monday = ref - dt.timedelta(days=ref.weekday() + 7)
        sunday = monday + dt.timedelta(days=6)
        if monday.month == sunday.month:
            return f"{monday.year:04d}-{monday.month:02d}"
        return f"{monday.year:04d}" if monday.year == sunday.year else None
    if kind == "last_month":
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    if kind == "this_month":
        return f"{ref.year:04d}-{ref.month:02d}"
    if kind == "last_year":
        return f"{ref.year - 1:04d}"
    if kind == "this_year":
        return f"{ref.year:04d}"
    if kind == "ago":
        return _ago(int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()],
                    m["u"].lower(), ref)
    return None


def _ago(n: int, unit: str, ref: dt.date) -> str | None:
    """``n`` days, weeks, months or years before ``ref``: a day for days; for weeks the month
    of the days that week may cover (3 either side; else the year, else None), as "last week"
    is read; the month or year for months and years."""
    if unit == "day":
        return (ref - dt.timedelta(days=n)).isoformat()
    if unit == "week":
        early, late = (ref - dt.timedelta(days=7 * n + 3), ref - dt.timedelta(days=7 * n - 3))
        if (early.year, early.month) == (late.year, late.month):
            return f"{early.year:04d}-{early.month:02d}"
        return f"{early.year:04d}" if early.year == late.year else None
    if unit == "month":
        months = ref.year * 12 + ref.month - 1 - n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{ref.year - n:04d}"


# What each pattern needs to be worth running (most sentences hold no date).
_NEEDS: dict[str, re.Pattern[str]] = {
    "iso": re.compile(r"\d{4}-"),
    "mdy": re.compile(_MON, re.I),
    "dmy": re.compile(_MON, re.I),
    "year": re.compile(r"\b(?:1[89]|20)\d\d\b"),
    "month": re.compile(_MON, re.I),
    "weekday": re.compile(r"day\b", re.I),
    "ago": re.compile(r"\bago\b", re.I),
}


@functools.cache
def _gates() -> list[Gates]:
    return [gate(rx) for _kind, rx in _PATTERNS]


@functools.lru_cache(maxsize=4096)
def find_dates(text: str, ref: dt.date) -> list[DateMention]:
    """Every date mention in ``text``, in order of position (a cached list: do not
    change it)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    month_seen = None
    low = folded(text)
    for (kind, rx), gates in zip(_PATTERNS, _gates(), strict=True):
        if not may_match(gates, low):
            continue  # the words the pattern needs (kg.extract.prefilter) are not there
        need = _NEEDS.get(kind)
        if need is not None:
            if need.pattern == _MON:
                if month_seen is None:
                    month_seen = bool(need.search(text))
                if not month_seen:
                    continue
            elif not need.search(text):
                continue
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = _resolve(kind, m, ref)
            if value:
                taken.append((m.start(), m.end()))
                found.append(DateMention(value, m.group(), m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def find_date(text: str, ref: dt.date, near: int | None = None) -> DateMention | None:
    """The date mention in ``text`` nearest to offset ``near`` (or the first one)."""
    found = find_dates(text, ref)
    if not found:
        return None
    if near is None:
        return found[0]
    return min(found, key=lambda d: (abs(d.start - near), d.start))
