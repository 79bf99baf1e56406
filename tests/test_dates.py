"""Partial dates (kg.model.dates): parsing, periods, order, ranges, day counts, Cypher."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from kg.model.dates import (
    PartialDate,
    cypher_range,
    days_between,
    first_day,
    last_day,
    overlaps,
    text_window,
)
from kg.model.records import Sanction

NOT_A_DATE = "is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)"
NOT_REAL = "is not a real calendar date"


@pytest.mark.parametrize(("text", "precision"), [
    ("2021", "year"), ("2021-03", "month"), ("2021-03-22", "day"), ("2020-02-29", "day"),
    ("0999", "year"), ("9999-12-31", "day"),
])
def test_valid_dates_keep_their_text(text: str, precision: str) -> None:
    d = PartialDate.parse(text)
    assert d.text == str(d) == text and d.precision == precision
    assert repr(d) == f"PartialDate({text!r})"


@pytest.mark.parametrize(("value", "message"), [
    ("2021-02-30", f"'2021-02-30' {NOT_REAL}"),
    ("2021-02-29", f"'2021-02-29' {NOT_REAL}"),   # 2021 is not a leap year
    ("1900-02-29", f"'1900-02-29' {NOT_REAL}"),   # nor is 1900
    ("0000", f"'0000' {NOT_REAL}"),               # there is no year 0
    ("2021-13", f"'2021-13' {NOT_A_DATE}"),
    ("2021-00", f"'2021-00' {NOT_A_DATE}"),
    ("2021-03-32", f"'2021-03-32' {NOT_A_DATE}"),
    ("2021-3", f"'2021-3' {NOT_A_DATE}"),
    ("20210322", f"'20210322' {NOT_A_DATE}"),
    ("13_18", f"'13_18' {NOT_A_DATE}"),
    ("2021\n", f"'2021\\n' {NOT_A_DATE}"),
    ("2021-03-22T10:00", f"'2021-03-22T10:00' {NOT_A_DATE}"),
    ("\u0662\u0660\u0662\u0661", f"'\u0662\u0660\u0662\u0661' {NOT_A_DATE}"),  # Arabic digits
    ("", f"'' {NOT_A_DATE}"),
    (20210322, f"20210322 {NOT_A_DATE}"),
    (None, f"None {NOT_A_DATE}"),
])
def test_invalid_dates_are_refused_with_the_rule_they_break(value: object, message: str) -> None:
    with pytest.raises(ValueError) as err:
        PartialDate.parse(value)
    assert str(err.value) == message


def test_yaml_values_become_text() -> None:
    assert PartialDate.parse(dt.date(2021, 3, 22)).text == "2021-03-22"
    assert PartialDate.parse(dt.datetime(2021, 3, 22, 10, 30)).text == "2021-03-22"
    assert PartialDate.parse(2021).text == "2021"


def test_the_model_keeps_text_and_its_messages() -> None:
    src = [{"source": "a"}]
    s = Sanction(id="s", imposers=["us"], targets=["cn"], sources=src, date=2021,
                 end_date=dt.date(2022, 1, 5))
    assert (s.date, s.end_date) == ("2021", "2022-01-05")
    for bad, message in [("2021-02-30", f"'2021-02-30' {NOT_REAL}"),
                         ("13_18", f"'13_18' {NOT_A_DATE}"),
                         (20210322, f"20210322 {NOT_A_DATE}")]:
        with pytest.raises(ValidationError) as err:
            Sanction(id="s", imposers=["us"], targets=["cn"], sources=src, date=bad)
        assert err.value.errors()[0]["msg"].removeprefix("Value error, ") == message
    with pytest.raises(ValidationError, match="end_date 2021 is before date 2021-03"):
        Sanction(id="s", imposers=["us"], targets=["cn"], sources=src, date="2021-03",
                 end_date="2021")


@pytest.mark.parametrize(("text", "first", "last"), [
    ("2021", "2021-01-01", "2021-12-31"),
    ("2020-02", "2020-02-01", "2020-02-29"),   # leap year
    ("2021-02", "2021-02-01", "2021-02-28"),
    ("1900-02", "1900-02-01", "1900-02-28"),   # divisible by 100: not a leap year
    ("2000-02", "2000-02-01", "2000-02-29"),   # divisible by 400: a leap year
    ("2021-04", "2021-04-01", "2021-04-30"),
    ("2021-12", "2021-12-01", "2021-12-31"),
    ("2021-03-22", "2021-03-22", "2021-03-22"),
])
def test_period_bounds(text: str, first: str, last: str) -> None:
    d = PartialDate(text)
    assert d.period() == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert (d.start, d.end) == d.period()
    assert (first_day(text), last_day(text)) == (first, last)


@pytest.mark.parametrize(("date", "since", "until", "expected"), [
    ("2021", "2021-06", "2021-06-30", True),     # the year contains the range
    ("2021-03", None, "2021-02", False),         # March starts after February ends
    ("2021-03", None, "2021", True),
    ("2021-02-28", None, "2021-02", True),       # a month bound covers its last day
    ("2021-03", "2021-03-31", None, True),       # the month reaches its last day
    ("2021-03", "2021-04", None, False),
    ("2020-12-31", "2021", None, False),
    ("2021-01-01", "2021", "2021", True),
    ("2021", None, "2020-12-31", False),
    ("2020-02", "2020-02-29", "2020-03-01", True),
    (None, "2021", None, False),                 # undated: out once a bound is given
    ("", None, "2021", False),
    (None, None, None, True),
    ("2021-03-22", None, None, True),
])
def test_overlap_with_partial_bounds(date: str | None, since: str | None, until: str | None,
                                     expected: bool) -> None:
    assert overlaps(date, since, until) is expected
    if date:
        assert PartialDate(date).overlaps(since, until) is expected


def test_overlap_refuses_text_that_is_not_a_date() -> None:
    with pytest.raises(ValueError, match="'2021-13' is not a date"):
        overlaps("2021-03", None, "2021-13")


def test_days_between_counts_whole_days_only() -> None:
    assert days_between("2021-03-22", "2021-03-26") == 4
    assert days_between("2021-03-26", "2021-03-22") == -4
    assert days_between("2020-02-28", "2020-03-01") == 2   # 29 February in between
    assert days_between("2021-02-28", "2021-03-01") == 1
    assert days_between("1970-01-01", "2021-03-22") == 18708
    assert days_between("2021-03", "2021-03-22") is None
    assert days_between("2021-03-22", "2021") is None
    assert days_between(None, "2021-03-22") is None
    assert PartialDate("2021-03-22").days_between(PartialDate("2021-04-01")) == 10
    assert PartialDate("2021").days_between(PartialDate("2021-04-01")) is None


def test_order_is_by_first_day_coarser_first() -> None:
    texts = ["2021-02", "2021-01-02", "2021", "2020-12-31", "2021-01", "2021-01-01"]
    assert [d.text for d in sorted(PartialDate(t) for t in texts)] == [
        "2020-12-31", "2021", "2021-01", "2021-01-01", "2021-01-02", "2021-02"]
    assert sorted(texts) == [d.text for d in sorted(PartialDate(t) for t in texts)]
    assert PartialDate("2021-02").before(PartialDate("2021-03"))
    assert not PartialDate("2021").before(PartialDate("2021-03"))
    assert not PartialDate("2021-03").before(PartialDate("2021"))
    assert PartialDate("2021") == PartialDate.parse(2021)
    assert PartialDate("2021") != PartialDate("2021-01")


@pytest.mark.parametrize(("text", "expected"), [
    ("2021-03-22T00:00:00", "2021-03-22"), ("20210322", "2021-03-22"), (" 2021-03 ", "2021-03"),
    ("2021", "2021"), ("2021-3-5", "2021"), ("202103", "2021"), ("2021-13-01", None),
    ("2021-02-30", None), ("-0-", None), ("", None), (None, None), ("0000", None),
    ("2020-02-29 12:00", "2020-02-29"),
])
def test_from_source_reads_the_leading_date(text: str | None, expected: str | None) -> None:
    got = PartialDate.from_source(text)
    assert (got.text if got else None) == expected


def test_text_window_bounds_a_bisect() -> None:
    assert text_window("2021-06-15", "2022-02") == ("2021", "2022-02-28")
    assert text_window(None, "2020") == (None, "2020-12-31")
    assert text_window("2020-02", None) == ("2020", None)


def test_cypher_range_is_the_text_kg_exports() -> None:
    assert cypher_range("s.date") == (
        "($since = '' OR left(s.date + '~~~~~~', 10) >= $since)",
        "($until = '' OR s.date <= left($until + '~~~~~~', 10))")
    assert cypher_range("r.date", "$from", "$to")[1] == (
        "($to = '' OR r.date <= left($to + '~~~~~~', 10))")


# --- properties ---------------------------------------------------------------------------

partial_dates = st.builds(
    lambda day, size: day.isoformat()[:size],
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from([4, 7, 10]))
near_dates = st.builds(  # a narrow span, so that overlaps and misses both come up often
    lambda day, size: day.isoformat()[:size],
    st.dates(min_value=dt.date(2019, 11, 1), max_value=dt.date(2021, 3, 31)),
    st.sampled_from([4, 7, 10]))
bounds = st.none() | near_dates


def _cypher_rule(date: str, since: str | None, until: str | None) -> bool:
    """What the Cypher of cypher_range() computes, in Python (left(x + pad, 10))."""
    return ((not since or (date + "~~~~~~")[:10] >= since)
            and (not until or date <= (until + "~~~~~~")[:10]))


@given(near_dates, bounds, bounds)
def test_overlaps_agrees_with_period_bounds_and_with_cypher(
        date: str, since: str | None, until: str | None) -> None:
    d = PartialDate(date)
    by_period = ((since is None or d.end >= PartialDate(since).start)
                 and (until is None or d.start <= PartialDate(until).end))
    assert overlaps(date, since, until) is by_period
    assert d.overlaps(since, until) is by_period
    assert _cypher_rule(date, since, until) is by_period
    lo, hi = text_window(since, until)
    if by_period:  # the bisect window never loses a match
        assert (lo is None or date >= lo) and (hi is None or date <= hi)


@given(partial_dates, partial_dates)
def test_order_and_periods_agree(a: str, b: str) -> None:
    x, y = PartialDate(a), PartialDate(b)
    assert (x < y) is (a < b)
    rank = {"year": 0, "month": 1, "day": 2}
    assert (x < y) is ((x.start, rank[x.precision]) < (y.start, rank[y.precision]))
    assert x.start <= x.end and PartialDate(x.start.isoformat()).text == first_day(a)
    if x.precision == "day" and y.precision == "day":
        assert days_between(a, b) == (y.start - x.start).days
    assert x.before(y) is (x.end < y.start)
