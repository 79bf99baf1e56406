"""Event kinds of real reporting added in round 9 (issue 14); invented names where a real one
does not matter. Each failed on the extractor before."""

from __future__ import annotations

from tests.extract.test_event_kinds_r7 import events, run


def test_relief_a_government_prepares_or_intends_is_expected_not_done() -> None:
    assert events(run("Washington is preparing to take Norland Aluminium off its sanctions "
                      "list.")) == [(["us"], ["Norland Aluminium"], "expected")]
    assert events(run("The Treasury intends to remove the restrictions on Norland Aluminium "
                      "in 30 days.")) == [(["us"], ["Norland Aluminium"], "expected")]
    # done, not planned
    assert events(run("The Treasury removed the restrictions on Norland Aluminium on "
                      "Monday.")) == [(["us"], ["Norland Aluminium"], "lifted")]


def test_a_measure_about_to_be_taken_is_expected() -> None:
    assert events(run("Russia is about to ban imports of Georgian mineral water, the "
                      "watchdog said.")) == [(["ru"], ["Georgia"], "expected")]


def test_people_coming_off_a_list_or_freed_from_sanctions_are_delisted() -> None:
    assert events(run("Norland's president Arno Vell and 200 other officials will come off "
                      "Australia's travel and financial sanctions list.")) == [
        (["au"], ["Arno Vell", "200 other officials"], "lifted")]
    got = events(run("Australia eased its sanctions on Norland on Monday. Some 260 people "
                     "will be freed from the restrictions."))
    assert got[1][2] == "lifted" and got[1][0] == ["au"]


def test_a_resolution_that_takes_people_off_a_long_named_list_is_the_councils_act() -> None:
    assert events(run("The UN Security Council on Thursday adopted a resolution that takes "
                      "Arno Vell and Kira Dost off the Daesh and Al-Qaeda sanctions "
                      "list.")) == [(["unsc"], ["Arno Vell", "Kira Dost"], "lifted")]


def test_an_unreliable_entities_list_is_a_list() -> None:
    assert events(run("China's commerce ministry on Thursday added Kessel Dynamics and Orbit "
                      "Systems to its unreliable entities list.")) == [
        (["cn"], ["Kessel Dynamics", "Orbit Systems"], "imposed")]


def test_hit_someone_with_sanctions_names_the_target_as_the_object() -> None:
    assert events(run("Washington had already hit the Norland Central Bank with new "
                      "unilateral sanctions.")) == [(["us"], ["Norland Central Bank"],
                                                    "imposed")]
    # "hit back with sanctions on": the targets after "on"
    assert events(run("Beijing hit back with sanctions on ten European individuals.")) == [
        (["cn"], ["Ten European individuals"], "imposed")]


def test_barring_airlines_from_a_states_skies_is_a_flight_ban() -> None:
    assert events(run("Russia is to bar Georgian airlines from its skies in a retaliatory "
                      "move.")) == [(["ru"], ["Georgian airlines"], "imposed")]


def test_they_after_a_bloc_said_is_the_bloc() -> None:
    assert events(run("European Union foreign ministers said on Monday that they would keep "
                      "the sanctions on Norland in force for three more months.")) == [
        (["eu"], ["Norland"], "extended")]


def test_restrictions_imposed_on_a_state_are_a_sanction_noun() -> None:
    assert events(run("The Treasury and Commerce departments are easing restrictions imposed "
                      "on Norland decades ago.")) == [(["us"], ["Norland"], "eased"),
                                                      (["us"], ["Norland"], "imposed")]


def test_a_relief_that_could_be_reversed_is_a_threat_only_after_a_relief() -> None:
    got = events(run("Australia eased its sanctions on Burma on Monday. The minister warned "
                     "that the decision could be reversed if progress stalled."))
    assert got == [(["au"], ["Myanmar"], "eased"), (["au"], ["Myanmar"], "threatened")]
    got = events(run("The EU lifted its sanctions on Belarus for four months. The suspension "
                     "could be left to lapse if Belarus commits new abuses."))
    assert [g[2] for g in got] == ["lifted", "threatened"]
    # no relief told before: a court's decision is no sanction
    assert events(run("The court said the decision could be reversed on appeal.")) == []


def test_warning_of_significant_action_is_a_threat() -> None:
    got = events(run("The Security Council imposed sanctions on North Korea. It also warns "
                     "of significant action should the North launch again."))
    assert got == [(["unsc"], ["North Korea"], "imposed"),
                   (["unsc"], ["North Korea"], "threatened")]


def test_a_list_of_countries_whose_food_it_refuses_is_a_ban_list() -> None:
    assert events(run("Russia has put Albania and Iceland on the list of countries whose food "
                      "it refuses to import, the prime minister said on Thursday.")) == [
        (["ru"], ["Albania", "Iceland"], "imposed")]


def test_an_anti_state_adjective_names_the_target() -> None:
    assert events(run("The EU extended its anti-Russian sanctions for six months.")) == [
        (["eu"], ["Russia"], "extended")]
    got = events(run("Moscow barred 500 US citizens from entering the country in response to "
                     "the anti-Russian sanctions regularly imposed by the Biden "
                     "administration."))
    assert (["us"], ["Russia"], "imposed") in got


def test_a_speaker_with_a_long_title_after_a_comma_is_no_target() -> None:
    assert events(run("Russia is about to ban imports of Moldovan wines, the country's chief "
                      "sanitary doctor Gennady Onishchenko told a news conference.")) == [
        (["ru"], ["Moldova"], "expected")]
