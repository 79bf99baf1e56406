"""Event kinds of real reporting added in round 8 (issue 14); invented names where a real one
does not matter. Each failed on the extractor before."""

from __future__ import annotations

from kg.extract.context import dateline_state, without_dateline
from tests.extract.test_event_kinds_r7 import events, run


def test_a_dateline_place_the_story_never_names_is_no_actor() -> None:
    # a colon after a place in capitals is a dateline too; a capitalised heading is not
    assert dateline_state("KABUL (Pajhwok): Russia acted.") == "af"
    assert dateline_state("NEW DELHI: India acted.") == "in"
    assert dateline_state("Sanctions: ordinance on measures against Sudan.") is None
    assert without_dateline("LUXEMBOURG - The EU acted.") == " " * 13 + "The EU acted."
    ds = run("LUXEMBOURG - The European Union on Monday suspended most sanctions on Norland, "
             "a news agency said.")
    assert events(ds) == [(["eu"], ["Norland"], "eased")]
    assert "lu" not in {a.id for a in ds.actors}
    ds = run("KABUL (Pajhwok): Russia has prolonged the ban on food imports from "
             "Norway, a media report said on Thursday.")
    assert events(ds) == [(["ru"], ["Norway"], "extended")]
    assert "af" not in {a.id for a in ds.actors}
    # a dateline whose state the story names again stays as it was read
    assert events(run("MOSCOW - Russia on Monday banned imports of fish from Norway.")) == [
        (["ru"], ["Norway"], "imposed")]


def test_a_passive_with_a_sanction_noun_subject_names_its_targets_after_on() -> None:
    assert events(run("Sanctions were imposed on three Norlandic firms by the Treasury.")) == [
        (["us"], ["Three Norlandic firms"], "imposed")]
    assert events(run("Asset freezes were imposed on three Iranian firms, the Treasury "
                      "said.")) == [(["us"], ["Three Iranian firms"], "imposed")]


def test_suspended_with_an_adverb_before_been_or_ending_the_sentence() -> None:
    got = events(run("The African Union suspended Egypt on Friday. Mali and Chad have also "
                     "been suspended over coups."))
    assert got == [(["au-union"], ["Egypt"], "imposed"),
                   (["au-union"], ["Mali", "Chad"], "imposed")]
    got = events(run("The African Union suspended Egypt on Friday. Mali, Guinea and Chad have "
                     "also been suspended."))
    assert got[1] == (["au-union"], ["Mali", "Guinea", "Chad"], "imposed")
    # what a measure bars the imposer's own people from doing is not a second measure
    assert events(run("The EU adopted asset freezes against 40 Norlandic officials. EU "
                      "citizens and firms are also barred from making funds available to "
                      "them.")) == [(["eu"], ["40 Norlandic officials"], "imposed")]


def test_facing_sanctions_as_the_alternative_to_a_demand_is_a_threat() -> None:
    assert events(run("Chad's military rulers have two weeks to hand power back or they "
                      "will face sanctions from the African Union.")) == [
        (["au-union"], ["Chad"], "threatened")]
    # announced, not threatened
    assert events(run("Forty Norlandic officials will face Canadian sanctions, the foreign "
                      "ministry announced.")) == [(["ca"], ["Forty Norlandic officials"],
                                                   "imposed")]


def test_aid_withheld_from_a_state_is_a_measure_against_it() -> None:
    assert events(run("The United States, France and the European Union have stopped "
                      "non-humanitarian aid to Mali in response to the coup.")) == [
        (["us", "fr", "eu"], ["Mali"], "imposed")]
    assert events(run("Germany cut off development aid for Rwanda.")) == [
        (["de"], ["Rwanda"], "imposed")]
    # aid given is no measure
    assert events(run("Japan sent humanitarian aid to Mali.")) == []


def test_relief_given_from_sanctions_is_easing() -> None:
    assert events(run("In exchange, the United States will provide limited relief from "
                      "sanctions to Iran.")) == [(["us"], ["Iran"], "eased")]
    assert events(run("Washington gave Venezuela some sanctions relief in October.")) == [
        (["us"], ["Venezuela"], "eased")]
    # humanitarian relief, or relief in a sentence that speaks of no sanction, is none
    assert events(run("The EU offered humanitarian relief to Syria.")) == []
    assert events(run("The EU offered relief to Syria after the earthquake.")) == []


def test_relief_that_may_come_or_comes_on_a_condition_is_expected() -> None:
    assert events(run("The European Union could soon suspend its sanctions on Syria's energy "
                      "sector.")) == [(["eu"], ["Syria"], "expected")]
    assert events(run("Washington said it might ease sanctions on Venezuela if talks "
                      "succeed.")) == [(["us"], ["Venezuela"], "expected")]
    assert events(run("The EU will lift sanctions on Syria if the new government protects "
                      "minorities.")) == [(["eu"], ["Syria"], "expected")]
    # done, not offered
    assert events(run("The EU lifted sanctions on Syria.")) == [(["eu"], ["Syria"], "lifted")]
    # imposing on a condition stays a threat
    assert events(run("The EU will impose sanctions on Syria if the attacks go on.")) == [
        (["eu"], ["Syria"], "threatened")]


def test_a_numbered_un_resolution_is_the_security_councils_act() -> None:
    got = events(run("Resolution 2216, passed by 14 votes to none with Russia abstaining, "
                     "places an asset freeze and a travel ban on two key figures, Norlandic "
                     "commander Abdul Vesk and Ahmed Tarn."))
    assert got == [(["unsc"], ["Two key figures", "Abdul Vesk", "Ahmed Tarn"], "imposed")]
    # a state that only voted is not who acts
    got = events(run("The Security Council, with China and Russia abstaining, renewed the "
                     "arms embargo on South Sudan."))
    assert got == [(["unsc"], ["South Sudan"], "extended")]


def test_cut_off_from_technology_or_a_payment_system() -> None:
    assert events(run("The U.S. Commerce Department cut six Chinese companies off from "
                      "American technology.")) == [(["us"], ["Six Chinese companies"],
                                                    "imposed")]
    assert events(run("The EU cut seven Russian banks off from SWIFT.")) == [
        (["eu"], ["Seven Russian banks"], "imposed")]


def test_the_next_sentence_spelling_out_whom_a_measure_on_a_state_hits_is_the_same_event(
        ) -> None:
    ds = run("Japan will impose further sanctions on North Korea, the government said. A "
             "spokesman told reporters that Tokyo would freeze the assets of six more "
             "organisations and two more individuals linked to the North.")
    assert events(ds) == [(["jp"], ["North Korea", "Six more organisations",
                                    "Two more individuals"], "imposed")]
    assert len(ds.sanctions[0].sources) == 2  # both sentences cited
    # a measure added, or on people of a state named, is a measure of its own
    ds = run("Japan imposed sanctions on North Korea on Friday. It also froze the assets of "
             "six more organisations.")
    assert len(ds.sanctions) == 2
    ds = run("Japan imposed sanctions on North Korea on Friday. A spokesman said Tokyo would "
             "freeze the assets of six Chinese firms.")
    assert len(ds.sanctions) == 2


def test_a_power_to_sanction_a_regime_or_measures_in_general_are_no_event() -> None:
    assert events(run("The EU will now be able to sanction people and entities involved in "
                      "chemical weapons anywhere.")) == []
    assert events(run("Britain backed Norway. The Council adopted a new regime of restrictive "
                      "measures against the use of chemical weapons.")) == []
    got = events(run("The African Union suspended Mali. Nigeria and Ghana argued that the "
                     "soldiers should be given some time before such measures were "
                     "adopted."))
    assert got == [(["au-union"], ["Mali"], "imposed")]


def test_a_place_someone_is_barred_from_is_no_target() -> None:
    got = events(run("China sanctioned 10 EU individuals. They and their families are barred "
                     "from the mainland, Hong Kong and Macao."))
    assert got == [(["cn"], ["10 EU individuals"], "imposed")]


def test_the_object_of_a_first_verb_is_not_who_acts_in_the_second() -> None:
    assert events(run("The EU condemned Russia and imposed sanctions on 12 officials.")) == [
        (["eu"], ["12 officials"], "imposed")]
    assert events(run("The United States on Monday declared Venezuela a threat to its "
                      "national security and ordered sanctions against seven officials.")) == [
        (["us"], ["Seven officials"], "imposed")]
    # a list that is the subject acts
    assert events(run("Officials said Britain and France imposed sanctions on Iran.")) == [
        (["gb", "fr"], ["Iran"], "imposed")]


def test_common_shapes_of_wire_copy() -> None:
    # the sanctions offices named alone
    assert events(run("OFAC designated two Chinese companies for supplying drones.")) == [
        (["us"], ["Two Chinese companies"], "imposed")]
    assert events(run("OFSI froze the assets of two Russian banks.")) == [
        (["gb"], ["Two Russian banks"], "imposed")]
    # trade halted, visas revoked, an export control list, a price cap, part of the aid
    assert events(run("Turkey halted all trade with Israel.")) == [(["tr"], ["Israel"],
                                                                    "imposed")]
    assert events(run("The United States revoked the visas of 20 Nicaraguan officials.")) == [
        (["us"], ["20 Nicaraguan officials"], "imposed")]
    assert events(run("China's commerce ministry added 12 US firms to its export control "
                      "list.")) == [(["cn"], ["12 US firms"], "imposed")]
    assert events(run("Japan joined Western allies in imposing a price cap on Russian "
                      "oil.")) == [(["jp"], ["Russia"], "imposed")]
    assert events(run("The EU will suspend part of its aid to Niger.")) == [
        (["eu"], ["Niger"], "imposed")]


def test_borders_closed_to_people_answering_sanctions_a_state_keeps_imposing() -> None:
    ds = run("Russia is closing its borders to 500 Americans in response to the sanctions "
             "Washington imposes again and again.")
    assert events(ds) == [(["ru"], ["500 Americans"], "imposed"), (["us"], ["Russia"],
                                                                  "imposed")]
    assert ds.sanctions[0].in_response_to == [ds.sanctions[1].id]
    # a verb in a first clause does not govern the sanction noun of a second one
    got = events(run("Norland's sanctions hurt Russia by hitting its officials personally, "
                     "and the entry bans are a countermeasure, Moscow said."))
    assert ("ru", "imposed") not in {(e[0][0], e[2]) for e in got}


def test_the_leaders_of_a_bloc_act_for_it() -> None:
    assert events(run("EU leaders agreed to impose new sanctions on Belarus.")) == [
        (["eu"], ["Belarus"], "imposed")]
    assert events(run("G7 leaders agreed to impose new sanctions on Russia.")) == [
        (["g7"], ["Russia"], "imposed")]
    # counted ministers are people, a target group
    assert events(run("The US sanctioned three Russian ministers.")) == [
        (["us"], ["Three Russian ministers"], "imposed")]


def test_statuses_of_plans_removals_countermeasures_and_open_threats() -> None:
    assert events(run("The EU is expected to extend its sanctions on Russia next week.")) == [
        (["eu"], ["Russia"], "expected")]
    assert events(run("Canada removed five Venezuelan officials from its sanctions list.")) == [
        (["ca"], ["Five Venezuelan officials"], "lifted")]
    assert events(run("Beijing said it would take countermeasures against the U.S. "
                      "firms.")) == [(["cn"], ["U.S. firms"], "threatened")]
    assert events(run("Washington has not ruled out sanctions on India over its oil "
                      "purchases.")) == [(["us"], ["India"], "threatened")]
    assert events(run("The EU ruled out sanctions on Norway.")) == []
    # "Iran, officials said": the comma ends the target; no group "Iran, officials"
    ds = run("Britain is preparing fresh sanctions against Iran, officials said.")
    assert events(ds) == [(["gb"], ["Iran"], "expected")]
    assert "ir-officials" not in {a.id for a in ds.actors}


def test_the_object_of_a_first_predicate_in_a_list_of_predicates_does_not_act() -> None:
    got = events(run("ECOWAS suspended Guinea from all its bodies until constitutional order "
                     "returns, put sanctions and travel bans on members of the junta."))
    assert got[0][0] == ["ecowas"]
    assert events(run("Turkey said it has decided to cut its commercial ties with Israel "
                      "completely and to close its airspace to Israeli aircraft.")) == [
        (["tr"], ["Israel"], "imposed")]


def test_sanctions_put_on_hold_are_eased() -> None:
    assert events(run("The European Union on Monday put its sanctions on Burma on hold for a "
                      "year.")) == [(["eu"], ["Myanmar"], "eased")]
    assert events(run("The EU put sanctions on Russia.")) == [(["eu"], ["Russia"], "imposed")]


def test_a_capital_naming_a_deal_is_not_its_state() -> None:
    # "the Minsk accords" name a deal, not Belarus
    ds = run("The EU extended its sanctions on Russia. The Council decided to keep the "
             "measures in place until January 31, after EU leaders reviewed the "
             "implementation of the Minsk accords.")
    assert events(ds) == [(["eu"], ["Russia"], "extended")]
    assert "by" not in {a.id for a in ds.actors}


def test_a_duration_between_verb_and_noun_export_restrictions_and_border_closures() -> None:
    assert events(run("The Security Council renewed for a year its arms embargo on the "
                      "Central African Republic.")) == [
        (["unsc"], ["Central African Republic"], "extended")]
    assert events(run("The US placed export restrictions on 28 Chinese entities, including "
                      "Hikvision.")) == [(["us"], ["28 Chinese entities", "Hikvision"],
                                         "imposed")]
    assert events(run("ECOWAS leaders imposed border closures on Niger.")) == [
        (["ecowas"], ["Niger"], "imposed")]


def test_a_measure_taking_effect_told_by_its_imposer() -> None:
    assert events(run("New sanctions on Russia took effect on Monday, the EU said.")) == [
        (["eu"], ["Russia"], "imposed")]
    assert events(run("Sanctions on 12 Russian officials came into force on Friday, the "
                      "Foreign Office said.")) == [(["gb"], ["12 Russian officials"],
                                                    "imposed")]
    # an opinion on new sanctions is no measure
    assert events(run("New sanctions on Russia would hurt Europe, the EU said.")) == []


def test_hit_by_sanctions_and_following_others_in_imposing() -> None:
    assert events(run("Syria has been hit by US and EU sanctions since 2011.")) == [
        (["us", "eu"], ["Syria"], "imposed")]
    assert events(run("Australia followed the US and Britain in sanctioning Russian "
                      "hackers.")) == [(["au", "us", "gb"], ["Russia"], "imposed")]


def test_a_frame_in_the_passive_takes_its_subject_as_target() -> None:
    assert events(run("The EU imposed sanctions on Russia on Monday. Three Russian firms were "
                      "designated.")) == [(["eu"], ["Russia"], "imposed"),
                                          (["eu"], ["Three Russian firms"], "imposed")]
    got = events(run("The EU imposed new sanctions on Russia. Sberbank was cut off from "
                     "SWIFT."))
    assert got == [(["eu"], ["Russia", "Sberbank"], "imposed")]
    # "is closing" is no passive
    assert events(run("Russia is closing its borders to 500 Americans.")) == [
        (["ru"], ["500 Americans"], "imposed")]
