"""Event kinds of real reporting added in round 10 (issue 14); invented names where a real
one does not matter. Each failed on the extractor before."""

from __future__ import annotations

from kg.model import Dataset
from tests.extract.test_event_kinds_r7 import events, run


def test_a_passive_sanction_noun_is_imposed_by_its_owner() -> None:
    assert events(run("US sanctions on Norland were lifted on Saturday.")) == [
        (["us"], ["Norland"], "lifted")]
    assert events(run("The EU's sanctions on Norland were removed on Saturday.")) == [
        (["eu"], ["Norland"], "lifted")]
    assert events(run("Washington's remaining sanctions on Norland will be eased next "
                      "month.")) == [(["us"], ["Norland"], "eased")]
    # with no owner and no state before, nobody is guessed
    assert events(run("Sanctions on Norland were lifted on Saturday.")) == []


def test_harsher_measures_promised_on_a_condition_are_a_threat() -> None:
    assert events(run("BRUSSELS - The EU cut its funding for Turkey on Monday. It warned "
                      "that harsher sanctions would follow if Ankara did not change "
                      "course.")) == [(["eu"], ["Türkiye"], "threatened")]
    assert events(run("BRUSSELS - The EU cut its funding for Turkey on Monday. Further "
                      "measures will follow unless Ankara withdraws, it said.")) == [
        (["eu"], ["Türkiye"], "threatened")]
    # no condition: not a threat
    assert events(run("BRUSSELS - The EU cut its funding for Turkey on Monday. Further "
                      "measures will follow next year, it said.")) == []


def test_dates_counted_back_from_publication() -> None:
    import datetime as dt

    from kg.extract.dates import find_dates

    ref = dt.date(2020, 6, 10)  # a Wednesday
    got = {s: [d.value for d in find_dates(f"Norland acted {s}.", ref)] for s in (
        "three days ago", "two weeks ago", "a week ago", "a month ago", "14 months ago",
        "two years ago", "earlier this year")}
    assert got == {"three days ago": ["2020-06-07"],
                   "two weeks ago": ["2020-05"],  # May 24-30
                   "a week ago": ["2020"],  # May 31 - June 6: two months, so the year
                   "a month ago": ["2020-05"], "14 months ago": ["2019-04"],
                   "two years ago": ["2018"], "earlier this year": ["2020"]}
    # the event takes it, not the publication date
    ds = run("Canada imposed sanctions on Norland two weeks ago.")  # published 2024-03-05
    assert [str(s.date) for s in ds.sanctions] == ["2024-02"]


def speakers(ds: Dataset) -> list[tuple[list[str], str]]:
    names = {a.id: a.name for a in ds.actors}
    return [([names[s] for s in st.speakers], str(st.stance)) for st in ds.statements]


def test_a_name_before_an_apposition_naming_a_post_speaks() -> None:
    """Not the state or body the post belongs to (which the speaker used to be)."""
    assert [s for s, _ in speakers(run(
        "The AU suspended Norland. The coup was a terrorist act, Mull Kalde, Uganda's "
        "ambassador to the AU, told reporters."))] == [["Mull Kalde"]]
    assert speakers(run("Japan approved sanctions on Russia. The G7 must act decisively, Kiro "
                        "Seiji, the deputy chief cabinet secretary, said.")) == [
        (["Kiro Seiji"], "calls_for")]
    assert speakers(run("Australia sanctioned Norland's junta. Tasna Roe, manager of the "
                        "Norland Campaign Network, told AAP the sanctions were a welcome "
                        "first step.")) == [(["Tasna Roe"], "supports")]


def test_hyphenated_names_with_a_capital_after_the_hyphen_speak() -> None:
    assert speakers(run("Australia sanctioned Norland's junta. Gas revenue should come next, "
                        "said Tun-Aung Shwe, who represents the exiled government.")) == [
        (["Tun-Aung Shwe"], "calls_for")]
    assert [s for s, _ in speakers(run("The junta must go, Kofi Mensah-Bonsu said."))] == [
        ["Kofi Mensah-Bonsu"]]


def test_targets_under_a_states_sanctions() -> None:
    assert events(run("Seventeen Saudi nationals are now under Canadian sanctions, the "
                      "government announced on Thursday.")) == [
        (["ca"], ["Seventeen Saudi nationals"], "imposed")]
    assert events(run("Five Russian banks are now subject to EU sanctions.")) == [
        (["eu"], ["Five Russian banks"], "imposed")]
    assert events(run("Seventeen Saudi nationals are now under sanctions, Ottawa announced "
                      "on Thursday.")) == [(["ca"], ["Seventeen Saudi nationals"], "imposed")]
    # "parliamentarians" is a group noun now
    assert events(run("Thirteen Canadian parliamentarians were sanctioned by Russia on "
                      "Monday.")) == [(["ru"], ["Thirteen Canadian parliamentarians"], "imposed")]


def test_deciding_on_a_measure() -> None:
    assert events(run("EU ministers decided on an oil embargo against Iran on Monday.")) == [
        (["eu"], ["Iran"], "imposed")]
    assert events(run("The EU is expected to decide on an oil embargo against Iran later "
                      "this month.")) == [(["eu"], ["Iran"], "expected")]


def test_a_noun_before_the_measure_gives_its_status() -> None:
    assert events(run("The EU announced the extension of its sanctions on Russia by six "
                      "months.")) == [(["eu"], ["Russia"], "extended")]
    assert events(run("Washington announced the lifting of its sanctions on Sudan on "
                      "Friday.")) == [(["us"], ["Sudan"], "lifted")]
    assert events(run("The US announced an end to its sanctions on Myanmar.")) == [
        (["us"], ["Myanmar"], "lifted")]
    assert events(run("The EU approved the easing of its sanctions on Syria.")) == [
        (["eu"], ["Syria"], "eased")]
    assert events(run("The EU announced the imposition of sanctions on Russia.")) == [
        (["eu"], ["Russia"], "imposed")]


def test_assets_frozen_by_an_agent() -> None:
    assert events(run("The assets of 12 Russian officials were frozen by the EU on "
                      "Monday.")) == [(["eu"], ["12 Russian officials"], "imposed")]
    assert events(run("Nearly 1,000 Burmese companies had their assets frozen by the "
                      "EU.")) == [(["eu"], ["1,000 Burmese companies"], "imposed")]
    # no agent: most often a detail of a measure told before, not an event of its own
    assert events(run("Russian state assets will be frozen, she said.")) == []


def test_reworded_shapes_of_relief_and_bans() -> None:
    """Shapes the copy check's rewording of the evaluation passages brought (the same facts
    in new words) that the extractor had caught only in their first wording."""
    got = events(run("Washington eased its sanctions on Venezuela. Penalties that punished "
                     "the crushing of protests stay in force."))
    assert got == [(["us"], ["Venezuela"], "eased"), (["us"], ["Venezuela"], "imposed")]
    got = events(run("Washington eased its sanctions on Venezuela. Washington warned it could "
                     "take the relief back should the election agreement collapse."))
    assert got == [(["us"], ["Venezuela"], "eased"), (["us"], ["Venezuela"], "threatened")]
    assert events(run("In August 2014 Moscow barred the bulk of imported food from the "
                      "European Union and the United States.")) == [
        (["ru"], ["European Union", "United States"], "imposed")]
    # no condition: taking relief back is not threatened
    assert events(run("Washington eased its sanctions on Venezuela. Washington may take the "
                      "relief back.")) == [(["us"], ["Venezuela"], "eased")]


def test_more_reworded_shapes() -> None:
    assert events(run("China is placing sanctions on Kessel Dynamics in response to "
                      "Washington's arms sale to Taiwan.")) == [
        (["cn"], ["Kessel Dynamics"], "imposed")]
    assert events(run("Beijing had earlier threatened to punish U.S. companies that take part "
                      "in arms sales to Taiwan.")) == [(["cn"], ["U.S. companies"], "threatened")]
    assert events(run("The Obama administration said it would relax curbs on investment in "
                      "Myanmar.")) == [(["us"], ["Myanmar"], "eased")]
    # "curbs" alone is no measure: it must bear on something
    assert events(run("The Obama administration said it would relax its curbs.")) == []


def test_a_dateline_that_is_no_seat_of_government_is_no_actor() -> None:
    """"LUXEMBOURG - ..." (where EU ministers meet): "it" in the story was read as
    Luxembourg, because a place that is not a seat of government was kept as a mention
    whenever the story named anything without a country code."""
    got = events(run("LUXEMBOURG - On Monday the European Union suspended its sanctions on "
                     "Burma for a year, but it will keep its arms embargo in place, officials "
                     "said."))
    assert got == [(["eu"], ["Myanmar"], "eased"), (["eu"], ["Myanmar"], "imposed")]
