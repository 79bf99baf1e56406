"""Statuses of real reporting read in round 14 (issue 14): the measure a lifting undoes, and
second events of another status by an imposer already found. Sentences written for these
tests (real states so the country tables know them)."""

from __future__ import annotations

from kg.extract import extract_text


def events(text: str, date: str) -> list[tuple[list[str], list[str], str, str | None]]:
    ds = extract_text(text, date=date, source_id="t").dataset
    return [(s.imposers, s.targets, s.status.value, s.date) for s in ds.sanctions]


def test_a_lifting_in_a_story_that_tells_the_measure_as_old_gives_the_imposition() -> None:
    got = events("Canada lifted its sanctions on Uruguay on Monday. The measures had been in "
                 "force since 2019, officials said.", "2024-05-14")
    assert got == [(["ca"], ["uy"], "lifted", "2024-05-13"), (["ca"], ["uy"], "imposed", None)]


def test_an_easing_that_keeps_the_embargo_gives_the_imposition() -> None:
    got = events("Norway eased its sanctions on Peru on Friday. Officials said the rest "
                 "would stay.", "2021-02-06")
    assert [(e[0], e[2], e[3]) for e in got] == [(["no"], "eased", "2021-02-05"),
                                                 (["no"], "imposed", None)]


def test_no_imposition_added_beside_one_told_or_without_a_standing_measure() -> None:
    # the imposition is told: not twice
    got = events("Canada imposed sanctions on Uruguay in 2019. Canada lifted them on Monday, "
                 "though an arms embargo remains.", "2024-05-14")
    assert [e[2] for e in got].count("imposed") == 1, got
    # nothing tells the measure as standing: the lifting alone
    got = events("Canada lifted its sanctions on Uruguay on Monday. Trade is expected to "
                 "grow.", "2024-05-14")
    assert [e[2] for e in got] == ["lifted"]
    # a lone sentence gives only the change it announces
    got = events("Canada eased its sanctions on Uruguay, leaving the arms embargo in place.",
                 "2024-05-14")
    assert [e[2] for e in got] == ["eased"]


def test_further_measures_on_a_condition_are_a_second_event() -> None:
    got = events("Canada sanctioned five Belarusian officials on Monday. Ottawa would take "
                 "further measures if needed, the minister said.", "2024-05-14")
    assert [(e[0], e[2]) for e in got] == [(["ca"], "imposed"), (["ca"], "threatened")]


def test_a_threat_of_more_names_the_state_of_its_condition() -> None:
    got = events("Japan froze the assets of 12 North Korean officials on Friday. Tokyo will "
                 "not hesitate to do more should North Korea test again, he said.", "2017-09-16")
    assert got[1][:3] == (["jp"], ["kp"], "threatened")


def test_measures_to_follow_after_a_condition_before_them() -> None:
    got = events("China put Lockheed Martin on its unreliable entity list on Thursday. Unless "
                 "the firm pays within 15 days, further measures will follow.", "2023-02-17")
    assert [(e[0], e[2]) for e in got] == [(["cn"], "imposed"), (["cn"], "threatened")]
    got = events("Japan imposed sanctions on Russia on Wednesday. Should the situation worsen, "
                 "however, Japan will quickly add measures, Kishida said.", "2022-02-23")
    assert got[1][:3] == (["jp"], ["ru"], "threatened")


def test_more_steps_soon_are_expected() -> None:
    got = events("New Zealand put sanctions on senior Russian officials on Friday and promised "
                 "more steps soon.", "2022-03-12")
    assert [e[2] for e in got] == ["imposed", "expected"]


def test_no_second_event_for_a_vague_warning_or_a_new_speaker() -> None:
    # an unnamed measure warned of with no condition is a statement (the seed's Blinken)
    got = events("Canada sanctioned five Belarusian officials on Monday. The minister warned "
                 "of further actions.", "2024-05-14")
    assert [e[2] for e in got] == ["imposed"]
    # a state that has imposed nothing in the article promises on its own behalf: none
    got = events("The United States sanctioned two Russian banks on Monday, and President "
                 "Putin has promised reciprocal steps.", "2024-05-14")
    assert [(e[0], e[2]) for e in got] == [(["us"], "imposed")]
    # negated
    got = events("Canada sanctioned five Belarusian officials on Monday. Ottawa will not "
                 "impose further sanctions if talks resume, the minister said.", "2024-05-14")
    assert [e[2] for e in got] == ["imposed"]


def test_may_no_longer_is_a_prohibition_in_force() -> None:
    got = events("Forty-eight more Australians may no longer enter Russia, the Russian Foreign "
                 "Ministry announced on Wednesday, answering the sanctions Canberra has placed "
                 "on Russian officials.", "2023-05-10")
    assert ["ru"] in [e[0] for e in got]
    assert {e[2] for e in got if e[0] == ["ru"]} == {"imposed"}, got


def test_the_second_of_two_reported_clauses_is_the_decision() -> None:
    got = events("Its Foreign Ministry said the visit had undermined China's sovereignty, and "
                 "that China would impose sanctions on Lithuania.", "2022-08-05")
    assert got[0][:3] == (["cn"], ["lt"], "imposed")
    # a condition keeps it a threat
    got = events("Its Foreign Ministry said the visit had undermined China's sovereignty, and "
                 "that China would impose sanctions on Lithuania if it went ahead.", "2022-08-05")
    assert got[0][:3] == (["cn"], ["lt"], "threatened")


def test_in_force_until_a_condition_is_no_extension() -> None:
    got = events("The African Union suspended Egypt on Friday. The suspension stays in force "
                 "until Egypt restores constitutional democracy, the union said.", "2013-07-06")
    assert [e[2] for e in got] == ["imposed"]
    got = events("The EU said on Monday that its sanctions against Russia will remain in force "
                 "until July 31.", "2016-01-04")
    assert [e[2] for e in got] == ["extended"]


def test_a_modal_before_the_sanctions_it_has_placed_is_the_main_verbs() -> None:
    got = events("Washington may lift more of the sanctions it has placed on Venezuela, the "
                 "Treasury Secretary said on Friday.", "2025-01-11")
    assert ("us", "threatened") not in {(i, e[2]) for e in got for i in e[0]}, got
    assert ("us", "imposed") in {(i, e[2]) for e in got for i in e[0]}, got


def test_a_passive_measure_with_a_modal_and_a_condition_is_a_threat() -> None:
    got = events("Britain sanctioned 20 Russian officials on Monday. Further sanctions would be "
                 "imposed if Moscow did not withdraw, the Foreign Office said.", "2022-02-21")
    assert [(e[0], e[1], e[2]) for e in got] == [(["gb"], ["ru-officials"], "imposed"),
                                                 (["gb"], ["ru"], "threatened")]
