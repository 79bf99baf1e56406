"""Event kinds of real reporting added in round 11 (issue 14); invented names where a real
one does not matter. Each failed on the extractor before."""

from __future__ import annotations

from tests.extract.test_event_kinds_r7 import events, run


def test_a_measure_now_in_force_reported_by_its_imposer() -> None:
    # the reporting clause closes the sentence, and may carry a clause of its own
    assert events(run("Diplomatic, economic and financial sanctions against Guinea-Bissau are "
                      "now in force, the Economic Community of West African States announced, "
                      "after talks in Banjul ended with no accord.")) == [
        (["ecowas"], ["Guinea-Bissau"], "imposed")]
    assert events(run("Sanctions against Mali are now in force, ECOWAS said.")) == [
        (["ecowas"], ["Mali"], "imposed")]
    # in force with nobody reporting it: no imposer is guessed
    assert events(run("Sanctions against Mali are now in force.")) == []


def test_a_decreed_or_enacted_measure_is_imposed() -> None:
    assert events(run("Russia's president has decreed economic sanctions against Turkey.")) == [
        (["ru"], ["Türkiye"], "imposed")]
    assert events(run("Ukraine's parliament enacted sanctions on Russia on Tuesday.")) == [
        (["ua"], ["Russia"], "imposed")]


def test_a_law_punishing_its_targets_is_a_sanction() -> None:
    assert events(run("President Obama on Thursday signed a law punishing Venezuelan "
                      "officials accused of repressing protesters.")) == [
        (["us"], ["Venezuelan officials"], "imposed")]
    # a bill only submitted is not a law signed
    assert events(run("A bill submitted to the Duma on Monday would punish American "
                      "officials.")) == []


def test_a_headline_is_a_telling_of_the_body_event_and_the_body_gives_the_date() -> None:
    from kg.extract import extract_text

    body = ("BRUSSELS, Jan 27 - European Union governments on Monday extended economic "
            "sanctions against Russia for another six months.")
    for headline in ("EU set to extend Russia sanctions", "EU extends Russia sanctions"):
        ds = extract_text(f"{headline}\n\n{body}", date="2025-01-28").dataset
        assert [(s.imposers, s.targets, str(s.status), s.date) for s in ds.sanctions] == [
            (["eu"], ["ru"], "extended", "2025-01-27")], headline
        # both the body and the headline are cited
        assert sorted(c.quote[:10] for c in ds.sanctions[0].sources) == sorted(
            [body[:10], headline[:10]])
    # a headline with a measure the body does not tell stays an event of its own
    ds = extract_text("Japan sanctions Iran\n\nBRUSSELS - European Union governments on "
                      "Monday extended economic sanctions against Russia.",
                      date="2025-01-28").dataset
    assert sorted((s.imposers, s.targets) for s in ds.sanctions) == [
        (["eu"], ["ru"]), (["jp"], ["ir"])]


def test_the_day_a_measure_ends_is_not_its_date() -> None:
    from kg.extract import extract_text

    for text in ("The EU on Monday extended sanctions on Russia that were due to expire on "
                 "January 31.",
                 "Sanctions on Russia, due to expire on January 31, were extended on Monday by "
                 "the EU."):
        ds = extract_text(text, date="2025-01-28").dataset
        assert [s.date for s in ds.sanctions] == ["2025-01-27"], text
    # with no other date, the publication date
    ds = extract_text("The EU extended its sanctions on Russia until July 31.",
                      date="2025-01-28").dataset
    assert [s.date for s in ds.sanctions] == ["2025-01-28"]
