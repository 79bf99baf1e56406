"""Sentence splitting with offsets, HTML to text, and relative dates."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import extract_text
from kg.extract.dates import find_date, find_dates, parse_iso_date
from kg.extract.text import html_to_text, looks_like_html, split_sentences

TUE = dt.date(2021, 3, 23)


def test_sentences_are_exact_slices_with_offsets() -> None:
    text = ('BEIJING: The U.S. and the EU acted on Monday. "We object," Mr. Wang said.\n'
            "Headline without a stop\nLast one?  Yes.")
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "BEIJING: The U.S. and the EU acted on Monday.", '"We object," Mr. Wang said.',
        "Headline without a stop", "Last one?", "Yes."]
    for s in sents:
        assert text[s.start:s.end] == s.text
    assert [s.index for s in sents] == [0, 1, 2, 3, 4]


def test_sentence_end_needs_a_capital_after() -> None:
    assert len(split_sentences("Sanctions on Jan. 5 were lifted. then more")) == 1


def test_html_drops_script_and_style_and_keeps_paragraphs() -> None:
    html = ("<html><head><title>EU acts</title><style>p{color:red}</style></head><body>"
            "<script>var s = 'imposed sanctions on Mars';</script>"
            "<p>The EU imposed sanctions &amp; more.</p><p>Second&nbsp;paragraph</p></body></html>")
    text, title = html_to_text(html)
    assert title == "EU acts"
    assert text == "The EU imposed sanctions & more.\nSecond paragraph"
    assert looks_like_html(html) and not looks_like_html("Plain <b> text")


@pytest.mark.parametrize(("words", "value"), [
    ("on Monday", "2021-03-22"),
    ("on Tuesday", "2021-03-23"),      # the publication day itself
    ("on Wednesday", "2021-03-17"),    # news reports the past: last Wednesday
    ("last Tuesday", "2021-03-16"),
    ("Monday’s sanctions", "2021-03-22"),
    ("yesterday", "2021-03-22"),
    ("last week", "2021-03"),          # a week is not a day: the month is what we know
    ("last month", "2021-02"),
    ("last year", "2020"),
    ("March 17, 2014", "2014-03-17"),
    ("17 March 2014", "2014-03-17"),
    ("on March 25", "2020-03-25"),     # no year and after publication: the year before
    ("2019-12-31", "2019-12-31"),
])
def test_dates_resolve_against_publication(words: str, value: str) -> None:
    text = f"Officials acted {words} in Brussels."
    found = find_date(text, TUE)
    assert found is not None and found.value == value
    assert text[found.start:found.end] == found.words and found.words in words


def test_last_week_spanning_two_months_is_the_year() -> None:
    assert find_date("last week", dt.date(2021, 4, 7)).value == "2021"  # type: ignore[union-attr]


def test_nearest_date_to_a_position_and_none() -> None:
    text = "On Monday the EU acted, and on Friday Japan followed."
    assert [d.value for d in find_dates(text, TUE)] == ["2021-03-22", "2021-03-19"]
    assert find_date(text, TUE, near=text.index("Japan")).value == "2021-03-19"  # type: ignore[union-attr]
    assert find_date("No date here.", TUE) is None


@pytest.mark.parametrize("bad", ["2021-13-01", "2021-02-30", "23/03/2021", ""])
def test_bad_dates_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_iso_date(bad)


@pytest.mark.parametrize(("text", "dates"), [
    # a standing sanction the article mentions: no date, not the publication date
    ("The assembly again condemned the decades-old Norwegian embargo on Chile.",
     [None]),
    ("Norway lifted sanctions on Acme Holdings while keeping Ivan Petrovic on its list.",
     ["2021-03-23", None]),
    ("Norway said its long-standing sanctions on Chile would stay.", [None]),
    ("Norway confirmed that its sanctions on Chile remain in force.", [None]),
    # expected at a vague time to come: no date yet
    ("Norway is expected to impose sanctions on Chile in the coming weeks.", [None]),
    ("Norway is expected to lift its sanctions on Chile soon, diplomats said.", [None]),
    # the same shapes with a date in the sentence, or news of the day, keep their dates
    ("Norway is expected to impose sanctions on Chile on 26 March 2021.", ["2021-03-26"]),
    ("Norway imposed sanctions on Chile on Monday.", ["2021-03-22"]),
    ("Norway is expected to impose sanctions on Chile.", ["2021-03-23"]),
])
def test_standing_or_vaguely_timed_sanctions_have_no_date(text: str,
                                                          dates: list[str | None]) -> None:
    ds = extract_text(text, date="2021-03-23").dataset
    assert [s.date for s in ds.sanctions] == dates
