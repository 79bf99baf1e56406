"""Partial dates: the one place that knows how ``2021``, ``2021-03`` and ``2021-03-22`` are
read, checked, ordered and matched against a date range.

A partial date names a period: a year, a month or a day. The rules, all here:

* **Text.** ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` in ASCII digits, naming a real year,
  month or day (``2021-02-30``, ``2021-13``, ``20210322`` and ``0000`` are refused).
  Records keep the text as a plain ``str`` (:data:`DateText` is the field type);
  :class:`PartialDate` is the value type with the rules.
* **Period.** A date covers every day from its first to its last day: ``2020-02`` is
  2020-02-01 .. 2020-02-29 (:meth:`PartialDate.period`).
* **Order.** Dates sort as their ISO text, which is by first day, the coarser date first
  when two start on the same day: ``2021 < 2021-01 < 2021-01-01 < 2021-01-02 < 2021-02``.
* **Range.** A query range ``since .. until`` takes partial bounds too, each covering its
  whole period (``--until 2021`` takes in 2021-12-31), and keeps a date whose period
  overlaps the range (:func:`overlaps`); an undated record is out once a bound is given.
  :func:`cypher_range` writes the same test in Cypher for the Neo4j export.
* **Days.** Day counts (:func:`days_between`) exist only between two whole days.

>>> d = PartialDate.parse("2021-03")
>>> d.precision, [str(x) for x in d.period()]
('month', ['2021-03-01', '2021-03-31'])
>>> d.overlaps(since="2021-03-15", until=None), d.overlaps(since=None, until="2021-02")
(True, False)

Dates as sanctions lists write them (``2001/10/06``, ``06/10/2001``, ``circa 1960``) are
read, with a note saying how, by :func:`kg.model.source_dates.read_source_date`.

prefixdate (OpenSanctions) was weighed and not taken: it accepts what kg refuses
(``2021-3``, trailing text, times) and refuses what kg accepts (years before 1000 or after
2999), answers None without saying what is wrong, so kg would still need its own shape check
and messages; the calendar check it adds is one :meth:`datetime.date.fromisoformat` call.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator

__all__ = [
    "DateText",
    "PartialDate",
    "Precision",
    "check_date",
    "coerce_date",
    "cypher_range",
    "days_between",
    "first_day",
    "last_day",
    "overlaps",
    "precision",
    "text_window",
]

Precision = Literal["year", "month", "day"]
"""How much of a date is known."""

_SHAPE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", re.ASCII)
# The leading date of a source's date text ("2021-03-22T00:00:00" -> "2021-03-22").
_LEADING = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?", re.ASCII)
_PRECISION: dict[int, Precision] = {4: "year", 7: "month", 10: "day"}


def check_date(value: str) -> str:
    """``value`` if it is a partial date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, a real
    calendar day); else ValueError saying which rule it breaks.

    >>> check_date("2021-02-30")
    Traceback (most recent call last):
    ...
    ValueError: '2021-02-30' is not a real calendar date
    """
    if not _SHAPE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    if value.startswith("0000"):
        raise ValueError(f"{value!r} is not a real calendar date")  # there is no year 0
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a real calendar date") from None
    return value


def coerce_date(value: Any) -> Any:
    """The text of a date that YAML read as something else, else ``value`` unchanged:
    a ``date``/``datetime`` gives its ISO day, an int from 1000 to 9999 (YAML's ``2021``)
    its digits. Any other number (``20210322``) is refused as not a date.

    >>> coerce_date(20210322)
    Traceback (most recent call last):
    ...
    ValueError: 20210322 is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, int) and 1000 <= value <= 9999:
            return str(value)
        raise ValueError(f"{value} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return value


DateText = Annotated[str, BeforeValidator(coerce_date), AfterValidator(check_date)]
"""The model's field type for a date: the text of a :class:`PartialDate` (``2021-03-22``,
``2021-03`` or ``2021``), kept as a plain string."""


@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A year, a month or a day, written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Built from valid text only (ValueError otherwise, as :func:`check_date`). Equal when the
    text is equal; ordered as the text (by first day, coarser first on the same day).

    >>> sorted(PartialDate(t) for t in ("2021-02", "2021-01-01", "2021"))
    [PartialDate('2021'), PartialDate('2021-01-01'), PartialDate('2021-02')]
    """

    text: str

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise ValueError(f"{self.text!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
        check_date(self.text)

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """A date from text, a ``datetime.date`` or a year as int (see :func:`coerce_date`);
        ValueError when it is none of those or not a real date."""
        return cls(coerce_date(value))

    @classmethod
    def from_source(cls, value: str | None) -> PartialDate | None:
        """The date at the start of a source's date text, or None when there is none.

        Leniently: surrounding spaces, a time after the day and the compact ``YYYYMMDD``
        form are accepted; a month or day that does not exist gives None.

        >>> [str(PartialDate.from_source(v)) for v in ("2021-03-22T10:00", " 20210322")]
        ['2021-03-22', '2021-03-22']
        >>> PartialDate.from_source("2021-02-30"), PartialDate.from_source("n/a")
        (None, None)
        """
        if not value:
            return None
        text = value.strip()
        if len(text) == 8 and text.isdigit() and text.isascii():
            text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
        m = _LEADING.match(text)
        if not m:
            return None
        try:
            return cls(m.group())
        except ValueError:
            return None

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"PartialDate({self.text!r})"

    @property
    def precision(self) -> Precision:
        """``"year"``, ``"month"`` or ``"day"``."""
        return precision(self.text)

    @property
    def start(self) -> dt.date:
        """The first day of the period."""
        return dt.date.fromisoformat(first_day(self.text))

    @property
    def end(self) -> dt.date:
        """The last day of the period (2020-02 ends on the 29th)."""
        return dt.date.fromisoformat(last_day(self.text))

    def period(self) -> tuple[dt.date, dt.date]:
        """``(first day, last day)``, both included."""
        return self.start, self.end

    def before(self, other: PartialDate) -> bool:
        """Whether this period ends before ``other`` begins (``2021-02`` is before
        ``2021-03``, ``2021`` is not before ``2021-03``)."""
        return last_day(self.text) < first_day(other.text)

    def overlaps(self, since: str | PartialDate | None = None,
                 until: str | PartialDate | None = None) -> bool:
        """Whether this period shares a day with the range ``since .. until``, each bound
        a partial date covering its whole period, None for an open end (see
        :func:`overlaps`)."""
        return overlaps(self.text, _text(since), _text(until))

    def days_between(self, other: PartialDate) -> int | None:
        """Days from this date to ``other`` (negative when ``other`` is earlier), or None
        unless both are whole days: a month has no single day to count from."""
        return days_between(self.text, other.text)


def _text(value: str | PartialDate | None) -> str | None:
    return value.text if isinstance(value, PartialDate) else value


# --- text-level helpers for hot paths: graph attributes are already-checked text ---------


@lru_cache(maxsize=65536)
def precision(text: str) -> Precision:
    """``"year"``, ``"month"`` or ``"day"``: how much of ``text`` is known. ValueError for
    text that is not a date."""
    return _PRECISION[len(check_date(text))]


@lru_cache(maxsize=65536)
def first_day(text: str) -> str:
    """The first day of a (checked) partial date, as ISO text: ``2021`` -> ``2021-01-01``.
    ValueError for text that is not a date."""
    if len(text) == 10:
        return check_date(text)
    return check_date(text) + "-01-01"[len(text) - 4:]


@lru_cache(maxsize=65536)
def last_day(text: str) -> str:
    """The last day of a partial date, as ISO text: ``2020-02`` -> ``2020-02-29``,
    ``2021`` -> ``2021-12-31``. ValueError for text that is not a date."""
    check_date(text)
    if len(text) == 4:
        return text + "-12-31"
    if len(text) == 7:
        return f"{text}-{calendar.monthrange(int(text[:4]), int(text[5:]))[1]:02d}"
    return text


def overlaps(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether a (possibly partial) ``date`` overlaps the range ``since .. until``: its
    last day is on or after the first day of ``since`` and its first day on or before the
    last day of ``until``. A None bound is open; an undated record (None or ``""``) is
    out when a bound is given. ValueError for text that is not a date.

    >>> overlaps("2021-03", "2021-03-15", None), overlaps("2021", None, "2020-12-31")
    (True, False)
    >>> overlaps("2021", "2021-06", "2021-06-30"), overlaps(None, None, None)
    (True, True)
    """
    if since is None and until is None:
        return True
    if not date:
        return False
    if since and last_day(date) < first_day(since):
        return False
    return not (until and first_day(date) > last_day(until))


def text_window(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Bounds ``(lo, hi)`` on the text of every date that can overlap ``since .. until``,
    for a bisect over dates sorted as text: such a date sorts at or after ``lo`` (the
    year of ``since``) and at or before ``hi`` (the last day of ``until``); None for an
    open end. Dates inside the window still need :func:`overlaps`.

    >>> text_window("2021-06-15", "2022-02")
    ('2021', '2022-02-28')
    """
    return (first_day(since)[:4] if since else None, last_day(until) if until else None)


def days_between(a: str | None, b: str | None) -> int | None:
    """Days from ``a`` to ``b`` (``b - a``) when both are whole days, else None.

    >>> days_between("2021-03-22", "2021-03-26"), days_between("2021-03", "2021-03-26")
    (4, None)
    """
    if not a or not b or len(a) != 10 or len(b) != 10:
        return None
    return (dt.date.fromisoformat(check_date(b)) - dt.date.fromisoformat(check_date(a))).days


# The Cypher form of overlaps(). Cypher engines differ on dates, and partial dates are
# not dates to them, so the test stays on text: "~" sorts after every digit and "-", so a
# date padded with it to 10 characters sorts after every day of its period, and its bare
# text before every one. Padding the date against the bare `since`, and the bare date
# against the padded `until`, gives the overlap that period bounds give in Python (the
# test suite checks both on every pair of a range of dates).
_PAD = "~" * 6


def cypher_range(date: str, since: str = "$since", until: str = "$until") -> tuple[str, str]:
    """The two Cypher conditions of :func:`overlaps` for the date expression ``date`` and
    the string parameters ``since`` and ``until`` (``''`` for an open end).

    >>> cypher_range("s.date")[0]
    "($since = '' OR left(s.date + '~~~~~~', 10) >= $since)"
    >>> cypher_range("s.date")[1]
    "($until = '' OR s.date <= left($until + '~~~~~~', 10))"
    """
    return (f"({since} = '' OR left({date} + '{_PAD}', 10) >= {since})",
            f"({until} = '' OR {date} <= left({until} + '{_PAD}', 10))")
