"""Event kinds of real reporting added in round 12 (issue 14), on sentences written for these
tests (real states so the country tables know them)."""

from __future__ import annotations

from kg.extract import extract_text


def events(text: str, date: str) -> list[tuple[list[str], list[str], str, str | None]]:
    ds = extract_text(text, date=date, source_id="t").dataset
    return [(s.imposers, s.targets, s.status.value, s.date) for s in ds.sanctions]


def test_a_measure_of_years_before_is_not_the_news_told_again() -> None:
    # one imposer, one target, one status: the 2006 embargo and this week's ban are two
    assert events("Russia banned imports of Moldovan wine on Tuesday. Moscow placed an embargo "
                  "on wine from Moldova in 2006, too.", "2013-09-12") == [
        (["ru"], ["md"], "imposed", "2013-09-10"), (["ru"], ["md"], "imposed", "2006")]


def test_the_news_told_again_is_still_one_event() -> None:
    assert events("The EU imposed sanctions on Russia on Monday. The EU sanctions on Russia "
                  "target 12 officials.", "2014-03-18") == [
        (["eu"], ["ru"], "imposed", "2014-03-17")]


def test_a_standing_measure_is_not_the_new_one() -> None:
    assert events("The United States imposed new sanctions on Cuba on Friday. Washington has "
                  "maintained a decades-old embargo on Cuba.", "2019-04-19") == [
        (["us"], ["cu"], "imposed", "2019-04-19"), (["us"], ["cu"], "imposed", None)]


def test_added_to_its_sanctions_list_then_the_listed() -> None:
    got = events("Retaliating in kind, Iran on Wednesday added to its sanctions list 22 "
                 "individuals and three entities of the European Union, the Foreign Ministry "
                 "said.", "2023-01-25")
    assert [(e[0], e[2]) for e in got] == [(["ir"], "imposed")]
    assert got[0][1], got


def test_a_measure_in_a_relative_clause_with_its_target() -> None:
    # "the sanctions Canberra has put on it": Australia's measure on Russia, answered
    got = events("Moscow has forbidden 228 Australian politicians to enter Russia in reply to "
                 "the sanctions Canberra has put on it.", "2022-04-07")
    assert (["au"], ["ru"], "imposed", "2022-04-07") in got
    # "the sanctions Russia imposed on Friday": a date, not a target, so no event of its own
    assert events("The embassy is studying the sanctions Russia imposed on Friday.",
                  "2021-04-16") == []


def test_the_same_step_by_other_imposers() -> None:
    assert events("The European Union on Friday put sanctions on eight Russian officials over "
                  "the naval clash. Its spokeswoman called the step a firm answer, noting that "
                  "the United States and Canada had made similar decisions.", "2019-03-15") == [
        (["eu"], ["ru-officials"], "imposed", "2019-03-15"),
        (["us", "ca"], ["ru-officials"], "imposed", "2019-03-15")]
    got = events("Japan froze the assets of the Foreign Trade Bank of North Korea on Tuesday. "
                 "Australia has taken the same step, and New Zealand is expected to follow "
                 "shortly.", "2013-05-07")
    assert [(e[0], e[2]) for e in got] == [(["jp"], "imposed"), (["au"], "imposed"),
                                           (["nz"], "expected")]
    assert got[1][1] == got[0][1] == got[2][1]


def test_similar_measures_taken_by_an_agent() -> None:
    got = events("In step with similar measures already taken by the European Union and the "
                 "United States, Canberra will freeze the assets of three Myanmar officers.",
                 "2018-10-23")
    assert [(e[0], e[2]) for e in got] == [(["au"], "imposed"), (["eu", "us"], "imposed")]
    assert got[0][1] == got[1][1]


def test_a_lifting_names_the_measure_imposed_before() -> None:
    got = events("Meeting in Addis Ababa on January 22, 2026, the AU Peace and Security Council "
                 "decided to end the suspension imposed on the country after the 2021 military "
                 "coup in Guinea.", "2026-01-23")
    assert got == [(["au-union"], ["gn"], "lifted", "2026-01-22"),
                   (["au-union"], ["gn"], "imposed", None)]
    # the date after "imposed" is when it was imposed, not when it was lifted
    got = events("He had told the Treasury Secretary to lift all the sanctions imposed on "
                 "October 14 on Turkey, Trump said.", "2019-10-23")
    assert got == [(["us"], ["tr"], "lifted", "2019-10-23"),
                   (["us"], ["tr"], "imposed", "2019-10-14")]


def test_a_state_taking_over_a_blocs_measure_tells_the_blocs_too() -> None:
    assert events("The Swiss Federal Council on Friday lifted some of its sanctions on Syria, "
                  "in line with an EU decision of 24 February to ease its own restrictions.",
                  "2025-02-28") == [(["ch"], ["sy"], "eased", "2025-02-28"),
                                    (["eu"], ["sy"], "eased", "2025-02-24")]
    got = events("The Federal Council decided today to tighten its economic sanctions on "
                 "Belarus. The package mirrors comparable steps the European Union took in "
                 "June.", "2021-08-11")
    assert [(e[0], e[1], e[2]) for e in got] == [(["ch"], ["by"], "imposed"),
                                                 (["eu"], ["by"], "imposed")]


def test_the_measure_a_lifting_leaves_in_force() -> None:
    assert events("Foreign ministers of the European Union have made the end of their sanctions "
                  "on Myanmar permanent, scrapping every measure except the embargo on arms.",
                  "2013-04-22") == [(["eu"], ["mm"], "lifted", "2013-04-22"),
                                    (["eu"], ["mm"], "imposed", None)]


def test_a_listing_in_the_passive_with_its_agent() -> None:
    got = events("It is the first time North Korean officials have been targeted by Washington "
                 "over human rights abuses.", "2016-07-07")
    assert [(e[0], e[2]) for e in got] == [(["us"], "imposed")]
    assert events("A further 21 people and companies were listed by OFAC on January 16.",
                  "2026-01-20")[0][0] == ["us"]
