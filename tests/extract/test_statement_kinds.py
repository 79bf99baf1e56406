"""Speaker and stance kinds of real reporting (issue 14), one test per kind, on sentences
written for these tests (invented people; real states so the country tables know them)."""

from __future__ import annotations

from kg.extract import extract_text
from kg.model.records import Dataset


def run(text: str, date: str = "2023-05-10") -> Dataset:
    return extract_text(text, date=date, source_id="t").dataset


def said(text: str) -> list[tuple[list[str], str]]:
    return [(st.speakers, str(st.stance)) for st in run(text).statements]


def test_negated_speech_verb_is_no_statement() -> None:
    got = said("Spain will sanction three Chilean firms, spokesman Ivo Marek said. "
               "He did not say whether Madrid would retaliate against Chile.")
    assert got == [(["ivo-marek"], "other")]


def test_coordinated_speech_verb_takes_the_clause_subject() -> None:
    # nearest actor before "said" is Burkina Faso; the subject of both verbs is the AU
    got = said("The African Union suspended Burkina Faso on Friday and said it would slap "
               "sanctions on the leaders of the coup unless they free the president.")
    assert got == [(["au-union"], "threatens")]


def test_person_in_apposition_to_a_post_is_the_speaker() -> None:
    got = said("Leyla Ortun, head of the AU's Peace and Security Council, said it had zero "
               "tolerance for coups.")
    assert got == [(["leyla-ortun"], "other")]


def test_spokesperson_in_apposition_who_voiced_opposition() -> None:
    got = said("Arlo Venn, spokesperson for the State Council's trade office, also voiced "
               "opposition to the sale.")
    assert got == [(["arlo-venn"], "condemns")]


def test_a_presidents_administration_speaks_for_the_state() -> None:
    got = said("US President Tomas Velder's administration has said Chile should do more "
               "to pressure its neighbour.")
    assert got == [(["us"], "calls_for")]


def test_the_ministry_accused_is_a_statement_of_the_ministry() -> None:
    got = said("Peru's foreign ministry said on Monday it had barred 12 Chilean officials "
               "from entering the country. The ministry accused the Chilean government of "
               "waging a hostile campaign.")
    assert got == [(["pe-foreign-ministry"], "condemns")]


def test_accusing_participle_of_a_sanction_is_not_a_statement() -> None:
    # the reason of the measure, not a statement of the person named before it
    got = said("ECOWAS on Tuesday placed travel bans on 20 businessmen from Togo, among them "
               "a nephew of President Kofi Amedo, accusing them of blocking the talks.")
    assert all(sp != ["kofi-amedo"] for sp, _st in got)


def test_a_news_agency_said_is_not_a_speaker() -> None:
    got = said("The issue is a delicate one for Japan, the agency said, since a sanctions "
               "policy could harm relations with Russia.")
    assert got == []


def test_closing_attribution_after_which_reports_the_whole_sentence() -> None:
    got = said("Madrid firmly opposes the sales, which gravely harm the region's security, "
               "spokesman Ivo Marek said.")
    assert got == [(["ivo-marek"], "condemns")]


def test_own_side_coming_measure_is_a_threat() -> None:
    got = said("Spain will sanction three Chilean firms, spokesman Ivo Marek said. Madrid "
               "would take further action if needed, he warned.")
    assert got[-1] == (["ivo-marek"], "threatens")


def test_warning_that_it_would_impose_is_a_threat() -> None:
    got = said("Mali has been suspended from the African Union, the AU's Peace and Security "
               "Council said, warning that it would not hesitate to impose targeted sanctions.")
    assert got == [(["au-union"], "threatens")]


def test_announced_decision_is_not_a_threat() -> None:
    got = said("China will impose sanctions on Arvex Dynamics over arms sales to Taiwan, a "
               "foreign ministry spokesperson said on Tuesday.")
    # the imposer telling its own decided measure: the event, neither a threat nor a statement
    assert got == []
    ds = run("China will impose sanctions on Arvex Dynamics over arms sales to Taiwan, a "
             "foreign ministry spokesperson said on Tuesday.")
    assert [(s.imposers, str(s.status)) for s in ds.sanctions] == [(["cn"], "imposed")]


def test_requested_measures_is_a_call() -> None:
    got = said("Peru's government had requested the measures in August, pointing to armed "
               "groups breaking the ceasefire.")
    assert got == [(["pe"], "calls_for")]


def test_stance_cues_of_real_reporting() -> None:
    assert said("The European Commission said it reserved the right to respond.") == [
        (["eu"], "threatens")]
    assert said("Tougher sanctions are needed to end the war, Japanese government "
                "spokesman Ren Okabe told reporters.") == [(["ren-okabe"], "calls_for")]
    assert said("The bloc said those falling short deserved sanctions.")[0][1] == "supports"
    assert said("Swiss President Nils Amsler had called it probable that Bern would follow "
                "the EU line.") == [(["nils-amsler"], "expects")]
    assert said("Peru restated its firm rejection of arbitrary sanctions.") == [
        (["pe"], "condemns")]


def test_opposition_leader_is_no_stance_cue() -> None:
    assert said("Berlin ruled out sanctions on Moscow over the poisoning of the opposition "
                "leader for now, Chancellor Ida Brenner said on Wednesday.") == [
        (["ida-brenner"], "other")]


def test_second_verb_of_the_speaker_with_its_own_stance() -> None:
    got = said("Spokesman Ivo Marek said Madrid resolutely opposed the sale and urged Lima "
               "to end the talks.")
    assert got == [(["ivo-marek"], "condemns"), (["ivo-marek"], "calls_for")]


def test_apposition_naming_a_place_still_gives_the_person() -> None:
    got = said("Lin Worra, spokesperson for the State Council's Taiwan Affairs Office, also "
               "voiced opposition.")
    assert got == [(["lin-worra"], "condemns")]


def test_a_vow_of_sanctions_is_the_event_not_a_statement() -> None:
    ds = run("West African leaders vowed on Sunday to impose targeted penalties on anyone "
             "blocking Guinea-Bissau's return to civilian rule.")
    assert [str(s.status) for s in ds.sanctions] == ["threatened"] and ds.statements == []


def test_announced_that_is_reported_speech() -> None:
    got = said("China's foreign ministry announced on Monday that Norland is imposing "
               "sanctions on 11 Chinese firms.")
    assert got == [(["cn-foreign-ministry"], "other")]


def test_an_imposer_telling_its_own_measure_is_the_event_not_a_statement() -> None:
    # (p05 of the shared real-prose cases, as a kind): the announcement is where the event
    # comes from; the event cites the sentence
    for text in ("China's foreign ministry announced on Monday that it is imposing sanctions "
                 "on 11 Americans.",
                 "West African leaders will shut their borders with Mali and freeze its assets, "
                 "the 15-nation bloc said on Sunday."):
        ds = run(text)
        assert len(ds.sanctions) == 1 and ds.statements == [], text


def test_declined_to_discuss_is_a_statement_of_both_named() -> None:
    got = said("Foreign Minister Aki Soda and Chief Cabinet Secretary Ren Okabe have "
               "repeatedly declined to discuss any concrete measures.")
    [(speakers, stance)] = got
    assert speakers[0] == "aki-soda" and speakers[1].endswith("ren-okabe") and len(speakers) == 2
    assert stance == "other"


def test_a_wrong_its_own_measure_punishes_is_support() -> None:
    got = said("Beijing said on Tuesday that its halt to coal purchases from North Korea "
               "showed it was serious about punishing Pyongyang for its nuclear programme.")
    assert got == [(["cn"], "supports")]


def test_it_said_after_a_body_acted_is_that_body() -> None:
    # no one spoke before: "It" is the bloc that acted, not a pronoun left unresolved
    ds = run("The European Council adopted sanctions on Belarus on Monday. It said the "
             "listings target those behind the crackdown.")
    assert [st.speakers for st in ds.statements] == [["eu"]]


def test_it_said_after_a_body_spoke_is_that_body() -> None:
    got = said("The Swiss government said on Monday it would follow the EU line. The Federal "
               "Council is adopting the packages the EU imposed in February, it said.")
    # (the second "it said" is the Swiss government again, not the EU that acted after it;
    # the two neutral statements of one speaker are one)
    assert got == [(["ch"], "other")]


def test_according_to_a_statement_from_names_its_author() -> None:
    assert said("The measures are unlawful, according to a statement from the Kremlin.") == [
        (["ru"], "condemns")]


def test_the_city_an_embassy_sits_in_is_not_the_speaker() -> None:
    assert said("The Chinese embassy in London said the sanctions were based on lies.") == [
        (["cn"], "condemns")]


def test_apposition_with_the_post_alone() -> None:
    assert said("Ivo Marek, the Czech foreign minister, said the sanctions were unjust.") == [
        (["ivo-marek"], "condemns")]


def test_other_verbs_of_saying() -> None:
    assert said("Czech Foreign Minister Ivo Marek wrote on Twitter that the sanctions were "
                "overdue.") == [(["ivo-marek"], "other")]
    assert said("Czech Foreign Minister Ivo Marek argued that sanctions do not work.") == [
        (["ivo-marek"], "other")]


def test_a_possessive_is_not_part_of_a_titled_name() -> None:
    ds = run("Czech Foreign Minister Ivo Marek's spokesman Jan Doll said the step was hostile.")
    assert [st.speakers for st in ds.statements] == [["jan-doll"]]
    ds = run("Prime Minister Ivo Marek's office said the sanctions were overdue.")
    assert [st.speakers for st in ds.statements] == [["ivo-marek"]]


def test_the_spokesperson_said_is_the_ministrys_state_again() -> None:
    got = said("China has decided to sanction four US drone makers, a foreign ministry "
               "spokesperson said on Sunday. The spokesperson said the US moves seriously "
               "harmed China's sovereignty.")
    assert got == [(["cn"], "condemns")]


def test_harm_condemns_only_with_what_is_harmed() -> None:
    got = said("Russian Prime Minister Lev Orlin stressed that the measures were aimed only at "
               "firms that harm Russia.")
    assert got == [(["lev-orlin"], "other")]


def test_should_with_a_time_is_a_forecast() -> None:
    assert said("The nuclear deal should take effect in early January, Iranian Deputy "
                "Foreign Minister Ali Rezai said.") == [(["ali-rezai"], "expects")]
    assert said("The EU should lift the sanctions, Iranian Deputy Foreign Minister Ali "
                "Rezai said.") == [(["ali-rezai"], "calls_for")]


def test_same_speaker_and_stance_again_is_one_statement() -> None:
    ds = run("Commissioner Ana Velder told reporters that the African Union had suspended "
             "Mali. No trade measure is planned, Velder added, because bilateral deals exist. "
             "Velder later condemned the coup in Bamako.")
    got = [(st.speakers, str(st.stance), len(st.sources)) for st in ds.statements]
    assert got == [(["ana-velder"], "condemns", 3)]
    ds = run("Chinese spokesman Lu Fen urged Washington to end the sales. Beijing opposes the "
             "sales, Lu said. Lu again called on Washington to revoke the decision.")
    assert [(st.speakers, str(st.stance), len(st.sources)) for st in ds.statements] == [
        (["lu-fen"], "calls_for", 2), (["lu-fen"], "condemns", 1)]
    # a call naming a state the first did not is a statement of its own
    ds = run("Chinese spokesman Lu Fen urged Washington to end the sales. Lu also urged Iran to "
             "return to the talks.")
    assert [(st.speakers, str(st.stance)) for st in ds.statements] == [
        (["lu-fen"], "calls_for"), (["lu-fen"], "calls_for")]


def test_its_own_threatened_measure_makes_the_statement_a_threat() -> None:
    assert said("Norway said it was ready to sanction Chilean officials if the vote goes "
                "ahead.") == [(["no"], "threatens")]


def test_an_unnamed_official_or_source_is_no_speaker() -> None:
    assert said("Chile is unhappy with the new rules, a senior government official said on "
                "Monday.") == []
    assert said("A source in Brussels had said earlier that the council would decide on "
                "Chile next week.") == []


def test_a_month_name_after_a_given_name_is_a_surname() -> None:
    assert said("Prime Minister Tessa May announced that talks with Chile would resume. "
                "She told parliament the talks were overdue.") == [(["tessa-may"], "other")]
    assert said("Foreign Minister Ana Velder May 3 said Chile must free the "
                "reporters.") == [(["ana-velder"], "calls_for")]


def test_a_closing_attribution_after_a_reported_view_is_a_statement_too() -> None:
    got = said("Chile has already called the sanctions illegal and Russia fully supports that "
               "view, Kremlin spokesman Ivan Borov told journalists, calling them interference.")
    assert got == [(["cl"], "condemns"), (["ivan-borov"], "condemns")]
    # a participle after the comma continues the first speaker's statement
    got = said("Spokeswoman Lia Moreno voiced firm opposition, saying China rejects any "
               "unilateral sanctions.")
    assert got == [(["lia-moreno"], "condemns")]


def test_a_person_of_the_imposing_state_supports_its_measure() -> None:
    # a person of unknown state speaking of the state that imposed: supports
    assert said("Britain froze the assets of 12 Chilean officials on Monday. Ana Velder said "
                "the UK would be no safe haven for dirty money.") == [(["ana-velder"],
                                                                        "supports")]
    # a bloc's spokesperson reporting the bloc's decision stays neutral
    assert said("The EU extended its sanctions on Chile for six months on Monday. Spokesman "
                "Ivo Marek said the decision was unanimous.") == [(["ivo-marek"], "other")]
    # a counter-measure's side speaks of the measure answered, not in support
    assert said("Russia banned 20 British lawmakers from entering on Monday in retaliation "
                "for London's sanctions. Ivan Borov said Russia would not be "
                "intimidated.") == [(["ivan-borov"], "other")]


def test_a_speech_verb_after_a_comma_in_a_list_of_verbs_takes_the_subject() -> None:
    # the nearest name (Borov) is the object of the first verb; "She" is the subject
    got = said("Prime Minister Tessa May told parliament on Monday that the talks had failed. "
               "She also withdrew an invitation to Foreign Minister Ivan Borov, said no "
               "ministers would attend the games in Russia, and said the UK would expel "
               "Russian diplomats.")
    assert got == [(["tessa-may"], "other")]
    # a name in apposition before the comma is the speaker itself
    assert said("Chile's UN ambassador, Keisha Marr, said the embargo held back the "
                "region.") == [(["keisha-marr"], "other")]


def test_a_counter_measure_justified_by_the_other_sides_wrong_condemns() -> None:
    # the speaker's own measure answers another side's: its words condemn that side,
    # whether the answer is said in the sentence ("in return") or in a later one
    r = extract_text("The Chinese foreign ministry said the Lithuanian move was based on "
                     "nothing but lies and announced sanctions on six Lithuanian officials in "
                     "return.", date="2021-03-23")
    assert [str(s.stance) for s in r.dataset.statements] == ["condemns"]
    r = extract_text("On Friday, Moscow said it had barred 40 British citizens, among them "
                     "several lawmakers and journalists, from entering Russia. The ministry "
                     "called the move a response to London's hostile course.",
                     date="2022-05-13")
    assert {str(s.stance) for s in r.dataset.statements} == {"condemns"}
    # (test_a_wrong_its_own_measure_punishes_is_support keeps the supporting case)
