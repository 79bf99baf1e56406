"""Event kinds of real reporting added in round 13 (issue 14), on sentences written for these
tests (real states so the country tables know them)."""

from __future__ import annotations

from kg.extract import extract_text


def events(text: str, date: str) -> list[tuple[list[str], list[str], str]]:
    ds = extract_text(text, date=date, source_id="t").dataset
    return [(s.imposers, s.targets, s.status.value) for s in ds.sanctions]


def test_put_on_its_sanctions_list_is_a_listing() -> None:
    # the verb "put" before "on its sanctions list" is the listing, not "sanctions on" nobody
    got = events("The United States put three Iranian officials on its sanctions list.",
                 "2024-03-08")
    assert [(e[0], e[2]) for e in got] == [(["us"], "imposed")]
    assert got[0][1] and all(t.startswith("ir") for t in got[0][1]), got


def test_a_committee_concerning_a_state_is_not_that_state() -> None:
    got = events("The Security Council Committee concerning Mali has put three individuals "
                 "on its sanctions list.", "2024-03-08")
    assert [(e[0], e[2]) for e in got] == [(["unsc"], "imposed")]


def test_more_sanctions_could_follow_is_a_threat() -> None:
    got = events("ECOWAS suspended Guinea-Bissau from all its decision-making bodies and "
                 "warned that more sanctions could follow.", "2025-11-28")
    assert got == [(["ecowas"], ["gw"], "imposed"), (["ecowas"], ["gw"], "threatened")]


def test_shut_out_of_every_body_is_a_suspension() -> None:
    got = events("ECOWAS has shut Guinea-Bissau out of every body in which it takes decisions "
                 "after the coup.", "2025-11-28")
    assert got == [(["ecowas"], ["gw"], "imposed")]


def test_us_abbreviation_owns_its_sanctions() -> None:
    # "U.S." ends with a full stop: still the owner of the noun after it
    assert events("Tehran hit back at U.S. sanctions on Iranian firms.", "2017-03-26")[0][0] \
        == ["us"]


def test_owned_sanctions_with_a_participle_before_their_targets() -> None:
    got = events("The step answers U.S. sanctions imposed in February on dozens of Iranian "
                 "entities.", "2017-03-26")
    assert [(e[0], e[2]) for e in got] == [(["us"], "imposed")]
    assert got[0][1] and got[0][1][0].startswith("ir"), got


def test_the_month_may_is_not_the_modal() -> None:
    got = events("Switzerland first imposed sanctions on Syria on 18 May 2011, joining the "
                 "measures the EU had adopted on 9 May 2011.", "2025-06-20")
    assert [(e[0], e[2]) for e in got] == [(["ch"], "imposed"), (["eu"], "imposed")]
    assert events("In May the EU imposed sanctions on Syria.", "2023-09-01")[0][2] == "imposed"
    assert events("The EU may impose sanctions on Syria.", "2023-09-01")[0][2] == "threatened"


def test_shut_its_market_to_a_firm() -> None:
    assert events("Moscow has shut its market to Roshen, a Ukrainian chocolate maker.",
                  "2013-07-29") == [(["ru"], ["roshen"], "imposed")]


def test_the_owner_of_sanctions_answered_is_not_the_subject() -> None:
    got = events("Moscow will hit back at the latest U.S. sanctions by adding more Americans "
                 "to the list of people barred from entering Russia.", "2018-03-16")
    assert (["ru"], ["americans"], "imposed") in got, got


def test_swiss_sanctions_offices() -> None:
    assert events("The State Secretariat for Economic Affairs added 20 Russian people to its "
                  "sanctions list.", "2025-08-12")[0][0] == ["ch"]
    assert events("SECO added 20 Russian people to its sanctions list.", "2025-08-12")[0][0] \
        == ["ch"]


def test_aid_halted_by_states_in_the_passive() -> None:
    assert events("Aid to Mali other than humanitarian help has already been halted by the "
                  "United States, France and the European Union.", "2012-03-27") == [
        (["us", "fr", "eu"], ["ml"], "imposed")]


def test_suspended_visas_for_a_nationality() -> None:
    assert events("Russia had suspended visas for Turkish visitors.", "2016-06-29") == [
        (["ru"], ["tr"], "imposed")]


def test_shut_its_doors_to_foreigners() -> None:
    got = events("Russia has shut its doors indefinitely to 27 more Australians.", "2023-07-05")
    assert [(e[0], e[2]) for e in got] == [(["ru"], "imposed")]


def test_a_relative_clause_whose_subject_has_a_given_name() -> None:
    got = events("Moscow acted in answer to the anti-Russian sanctions that the Joe Biden "
                 "administration keeps imposing.", "2023-05-19")
    assert (["us"], ["ru"], "imposed") in got, got


def test_a_harsher_round_would_follow_if() -> None:
    got = events("The EU imposed sanctions on Turkey on Monday. A second, harsher round would "
                 "follow if Ankara did not change course.", "2019-07-15")
    assert got == [(["eu"], ["tr"], "imposed"), (["eu"], ["tr"], "threatened")]


def test_sanctions_will_return_if() -> None:
    got = events("The EU lifted its sanctions on Iran. The sanctions will return if Iran breaks "
                 "any of the conditions.", "2016-01-16")
    assert got == [(["eu"], ["ir"], "lifted"), (["eu"], ["ir"], "threatened")]


def test_will_with_a_time_to_come_is_a_plan() -> None:
    assert events("Washington will hit Iran with new sanctions within days.", "2024-04-16") == [
        (["us"], ["ir"], "expected")]
    # without such a time, the government announcing it decides (imposed)
    assert events("China will impose sanctions on Lockheed Martin.", "2024-04-16")[0][2] \
        == "imposed"


def test_renewed_the_restrictions_it_applies_to_a_state() -> None:
    # "to" after a relative clause is not "extended sanctions to 20 more officials"
    assert events("The Council of the European Union renewed the economic restrictions it "
                  "applies to Russia for six more months.", "2025-01-27") == [
        (["eu"], ["ru"], "extended")]


def test_decided_to_maintain_is_a_renewal() -> None:
    got = events("ECOWAS decided to maintain the asset freeze and travel ban on the leaders of "
                 "the coup in Guinea.", "2021-11-08")
    assert [(e[0], e[2]) for e in got] == [(["ecowas"], "extended")]


def test_a_passive_renewal_in_turn() -> None:
    got = events("Russia banned food from the EU. In late June its embargo on the EU was in "
                 "turn prolonged to 31 December 2017.", "2016-12-21")
    assert got == [(["ru"], ["eu"], "imposed"), (["ru"], ["eu"], "extended")]


def test_freed_of_the_sanctions_a_bloc_applied() -> None:
    got = events("ECOWAS imposed sanctions on Mali in August. Mali is to be freed of the "
                 "sanctions the West African bloc ECOWAS applied after the coup, the region's "
                 "leaders have decided.", "2020-10-06")
    assert (["ecowas"], ["ml"], "lifted") in got, got
    assert {tuple(e[0]) for e in got} == {("ecowas",)}


def test_a_state_named_in_an_aside_is_not_the_subject() -> None:
    got = events("The Federal Council, citing the situation in Ukraine, today decided on further "
                 "measures against Russia.", "2014-08-27")
    assert [e[0] for e in got] == [["ch"]], got


def test_a_states_purchases_are_no_measure() -> None:
    got = events("Japan said it had decided to sanction nine Russian entities over Moscow's "
                 "purchases of weapons.", "2024-03-08")
    assert [e[0] for e in got] == [["jp"]], got


def test_a_second_predicate_shares_the_subject_and_its_pronoun_the_targets() -> None:
    got = events("Britain, joined by Canada and Norway, has frozen the assets of Israel's "
                 "finance minister Bezalel Smotrich and barred them from travel to the three "
                 "countries.", "2025-06-10")
    assert len(got) == 1 and got[0][0] == ["gb", "ca", "no"] and "il" not in got[0][0], got


def test_the_blacklisting_of_is_a_listing() -> None:
    got = events("The Biden administration announced the expulsion of 10 Russian diplomats and "
                 "the blacklisting of 30 Russian companies.", "2021-04-15")
    assert [(e[0], e[2]) for e in got] == [(["us"], "imposed")]


def test_frozen_participation_is_a_suspension() -> None:
    assert events("In June the African Union had frozen Sudan's participation in its "
                  "activities.", "2019-09-06") == [(["au-union"], ["sd"], "imposed")]


def test_a_vow_to_respond_is_the_answerers_threat_not_the_measures() -> None:
    got = events("The Kremlin vowed to respond to the latest EU sanctions.", "2024-05-10")
    assert sorted(got) == [(["eu"], ["ru"], "imposed"), (["ru"], ["eu"], "threatened")]


def test_expanded_its_blacklist_of() -> None:
    got = events("Moscow expanded its blacklist of Japanese citizens barred from entering "
                 "Russia.", "2024-05-10")
    assert [(e[0], e[2]) for e in got] == [(["ru"], "imposed")] and got[0][1][0].startswith("jp")


def test_the_united_nations_imposing_is_the_security_council() -> None:
    assert events("The United Nations imposed an arms embargo on Libya in 2011.",
                  "2024-05-10") == [(["unsc"], ["ly"], "imposed")]


def test_similar_steps_by_other_states() -> None:
    got = events("The EU imposed sanctions on Belarus on Monday. The decision follows similar "
                 "steps by the United States, Britain and Canada last month.", "2024-03-08")
    assert [(e[0], e[1], e[2]) for e in got] == [(["eu"], ["by"], "imposed"),
                                                 (["us", "gb", "ca"], ["by"], "imposed")]


def test_a_bloc_package_a_state_would_align_with_is_in_force() -> None:
    got = events("Norway said it would align itself with the EU's latest sanctions package "
                 "against Russia.", "2024-05-10")
    assert (["eu"], ["ru"], "imposed") in got, got


def test_sanctions_under_consideration_are_expected() -> None:
    assert events("A U.S. official said more sanctions on Russia's energy sector were under "
                  "consideration.", "2024-05-10") == [(["us"], ["ru"], "expected")]


def test_an_owners_measures_against_a_person() -> None:
    got = events("Brazil's foreign ministry rejected the U.S. measures against Justice "
                 "Alexandre de Moraes.", "2025-07-31")
    assert [(e[0], e[2]) for e in got] == [(["us"], "imposed")]


def test_granted_a_state_a_waiver() -> None:
    got = events("Washington granted Iraq a 120-day waiver to keep buying Iranian electricity.",
                 "2019-03-20")
    assert [(e[0], e[2]) for e in got] == [(["us"], "eased")]


def test_would_respond_in_kind_to_british_sanctions() -> None:
    got = events("Moscow said it would respond in kind to the British sanctions.", "2022-03-15")
    assert sorted(got) == [(["gb"], ["ru"], "imposed"), (["ru"], ["gb"], "threatened")]


def test_the_one_warned_could_face_sanctions() -> None:
    assert events("The US warned Turkey it could face sanctions if it went ahead with the "
                  "purchase.", "2019-07-10") == [(["us"], ["tr"], "threatened")]


def test_a_vow_of_retaliation_for_a_blocs_sanctions() -> None:
    got = events("Tehran has vowed retaliation for the EU sanctions.", "2024-05-10")
    assert sorted(e[:3] for e in got) == [(["eu"], ["ir"], "imposed"),
                                          (["ir"], ["eu"], "threatened")]


def test_a_demonym_after_a_few_words_is_the_target() -> None:
    got = events("The EU decided to prolong by six months its economic sanctions targeting "
                 "specific sectors of the Russian economy.", "2024-05-10")
    assert got == [(["eu"], ["ru"], "extended")]


def test_by_imposing_the_main_subject_acts() -> None:
    got = events("Beijing retaliated against Washington's decision by imposing sanctions on U.S. "
                 "defense contractors.", "2024-05-10")
    assert [(e[0], e[2]) for e in got] == [(["cn"], "imposed")]


def test_a_sanction_noun_subject_with_an_aside() -> None:
    # the second sentence tells the same measure (merged into it): its reason comes from there
    ds = extract_text("The EU imposed new sanctions on Russia on Monday. The package, the 12th "
                      "since the invasion, bans imports of Russian diamonds.", date="2023-12-18",
                      source_id="t").dataset
    assert [(s.imposers, s.targets) for s in ds.sanctions] == [(["eu"], ["ru"])]
    assert [str(r.category) for r in ds.sanctions[0].reasons] == ["armed_conflict"]


def test_relief_once_a_condition_is_met_is_expected() -> None:
    got = events("The Treasury said it would lift sanctions on Rusal once Deripaska gives up "
                 "control of the company.", "2018-12-19")
    assert [(e[0], e[2]) for e in got] == [(["us"], "expected")]


def test_phase_out_is_a_lifting_and_expect_to_roll_over_a_plan() -> None:
    assert events("The EU will phase out sanctions on Myanmar over the next year.",
                  "2012-04-23") == [(["eu"], ["mm"], "lifted")]
    assert events("EU diplomats expect the bloc to roll over its sanctions on Russia in July.",
                  "2016-06-10") == [(["eu"], ["ru"], "expected")]


def test_an_owned_sanction_noun_subject_and_new_zealanders() -> None:
    assert events("China's retaliatory sanctions also target the Mercator Institute for China "
                  "Studies.", "2021-03-22")[0][:1] == (["cn"],)
    got = events("Russia has banned 31 New Zealanders from entering the country.", "2023-04-20")
    assert got[0][0] == ["ru"] and got[0][1][0].startswith("nz"), got


def test_the_freezing_of_assets_of_and_a_known_head_of_government() -> None:
    assert events("Japan's cabinet approved the freezing of assets of three Russian banks on "
                  "Friday.", "2022-03-04")[0][0] == ["jp"]
    got = events("The government of Prime Minister Anthony Albanese announced targeted financial "
                 "sanctions and travel bans on 13 Iranian individuals.", "2023-07-05")
    assert [(e[0], e[2]) for e in got] == [(["au"], "imposed")]


def test_a_passive_sanction_noun_with_a_relative_aside() -> None:
    got = events("The sanctions on Russia, which include an asset freeze and a travel ban, were "
                 "imposed by the Council of the EU on Monday.", "2024-05-10")
    assert [(e[0], e[1], e[2]) for e in got] == [(["eu"], ["ru"], "imposed")]


def test_to_explore_or_discuss_a_measure_is_expected() -> None:
    assert events("The G7 leaders agreed to explore a price cap on Russian oil.",
                  "2022-06-28") == [(["g7"], ["ru"], "expected")]
    assert events("EU foreign ministers will discuss new sanctions against Belarus next week.",
                  "2021-06-15") == [(["eu"], ["by"], "expected")]
