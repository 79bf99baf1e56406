"""Statement kinds of real reporting added in round 14 (issue 14), on sentences written for
these tests (invented people; real states so the country tables know them): words said that
go on after their attribution, speech words that report no one's words, and an unnamed
speaker after an inverted verb."""

from __future__ import annotations

from kg.extract import extract_text
from kg.extract.continued import goes_on
from tests.extract.test_statement_kinds_r8 import said


def test_words_after_a_semicolon_go_on_with_their_own_stance() -> None:
    # the view before the attribution condemns; the words after the semicolon call for
    assert said("Moscow is undermining security in Europe, Foreign Minister Lena Hardwick "
                "said; Russia must pull its troops back.") == [
        (["lena-hardwick"], "condemns"), (["lena-hardwick"], "calls_for")]
    # a neutral continuation adds nothing
    assert said("Moscow is undermining security in Europe, Foreign Minister Lena Hardwick "
                "said; the talks resume in May.") == [(["lena-hardwick"], "condemns")]


def test_goes_on_needs_a_closed_attribution_and_no_speech_verb() -> None:
    t = "Settlers erode security, Cameron said; Israel must act."
    assert goes_on(t, (0, 39), (39, len(t)))
    assert not goes_on("Settlers erode security; Israel must act.", (0, 25), (25, 41))
    t = "Settlers erode security, Cameron said; Israel, he added, must act."
    assert not goes_on(t, (0, 39), (39, len(t)))


def test_adding_that_is_a_second_statement_of_the_speaker() -> None:
    assert said("The junta is crushing its own people, Treasury Secretary Tom Bexley said, "
                "adding that Washington would warn of further sanctions.") == [
        (["tom-bexley"], "threatens")]
    assert said("The blockade is a crime, Foreign Minister Ana Reyes said, adding that "
                "it was illegal.") == [(["ana-reyes"], "condemns")]


def test_added_with_an_object_is_no_word_said() -> None:
    assert said("Canada has added another round of sanctions on Russia, listing 24 "
                "individuals.") == []
    assert said("Moscow keeps adding new sanctions on Australian citizens.") == []
    assert said("Among the eight people added are two ministers of Nicaragua.") == []
    # "added that" is still speech
    assert said("Canada added that the measures were illegal.") == [(["ca"], "condemns")]


def test_an_unnamed_official_after_the_verb_is_no_speaker() -> None:
    # not the Kremlin, which is in the words said
    assert said("The move targets the Kremlin, said a senior administration official who "
                "asked not to be named.") == []
    assert said("The move targets the Kremlin, said one diplomat.") == []


def test_a_past_saying_that_dates_the_clause_is_no_statement() -> None:
    assert said("The protests began in April when President Joseph Kamba said he would "
                "seek a third term.") == []
    # nor the speech words inside what was then said
    assert said("Ties have worsened since Prime Minister Aiko Tanaka said an attack on "
                "Taiwan could threaten Japan.") == []
    assert said("Four men will be listed, among them a police spokesman, who in July said "
                "patrols would return.") == []
    assert said("A month after President Barack Obama said Washington and Havana would "
                "restore ties, his administration loosened rules on travel to Cuba.") == []
    # a saying the story tells is one
    assert said("President Joseph Kamba said the sanctions were illegal.") == [
        (["joseph-kamba"], "condemns")]


def test_a_list_after_the_verb_that_acts_in_the_words_said_is_not_the_speaker() -> None:
    assert said("President Lee Minho spoke with Prime Minister Abe Taro on Monday. Lee, "
                "quoted as agreeing with that assessment, said Tokyo, Seoul and Washington "
                "should lead the response.") == [(["lee-minho"], "calls_for")]
    # an inverted list of speakers with no verb after it still speaks
    assert said("Canada, France and Germany should act, said Russia, Iran and "
                "Syria.") == [(["ru", "ir", "sy"], "calls_for")]


def test_a_name_before_a_post_with_an_abbreviated_state_speaks() -> None:
    # "the U.S. envoy": the dots of the abbreviation are part of the apposition
    assert said("The vote shows North Korea that its violations bring consequences, Susan "
                "Marlow, the U.S. envoy, told reporters.") == [(["susan-marlow"], "condemns")]


def test_the_ministry_in_a_clause_after_the_subject_state_is_that_state_s() -> None:
    text = ("Washington sanctioned ten officials. On Thursday Pyongyang hit back, calling the "
            "step an open declaration of war, the KCNA news agency reported; the foreign "
            "ministry demanded that Washington withdraw the sanctions.")
    assert said(text)[-1] == (["kp-foreign-ministry"], "calls_for")
    # a possessive opener is no subject: the last state that acted
    text = ("Chile barred ten Peruvian officials. Peru's sanctions are illegal, a Foreign "
            "Ministry spokesperson said.")
    assert said(text) == [(["cl-foreign-ministry"], "condemns")]


def test_a_delegate_or_representative_with_a_demonym_speaks_for_the_state() -> None:
    assert said("The American delegate said the renewal was illegal.") == [(["us"], "condemns")]
    assert said("The French representative condemned the coup.") == [(["fr"], "condemns")]


def test_added_to_a_quoted_list_past_a_dotted_name_is_no_word_said() -> None:
    assert said('The U.S. Commerce Department had added Huawei Technologies Co. and its '
                'affiliates to an "entity list".') == []


def test_a_gift_pledged_a_participle_after_its_noun_and_a_vote_say_nothing() -> None:
    assert said("Ottawa also pledged $3m to UN-led humanitarian appeals for Sri Lanka.") == []
    assert said("The G7 leaders pledged more military aid to Kyiv.") == []
    assert said("Washington hopes to encourage talks between President Nicolas Maduro and the "
                "opposition backed by the United States.") == []
    assert said("All 15 members, China included, backed the U.S.-drafted text.") == []
    # a pledge of action is still a statement, and so is a state that backs a measure
    assert said("Canada pledged to keep up the pressure on Russia.") == [(["ca"], "other")]
    assert said("China backed the sanctions.") == [(["cn"], "supports")]


def test_the_audience_told_and_unnamed_subjects_are_no_speakers() -> None:
    # "told journalists in the Ghanaian capital": the audience, not an inverted speaker
    assert said("The measures aim to force the soldiers to restore order, Jean-Claude Kassi "
                "Brou, president of the ECOWAS Commission, told journalists in the Ghanaian "
                "capital.") == [(["jean-claude-kassi-brou"], "other")]
    assert said("Iran's parliament may vote next week to stop selling oil to Europe, one of "
                "its senior members says.") == []
    assert said("Seoul hit back. His officials did not spell out what they found wrong with "
                "Japan's controls, and said they would try to limit the damage.") == []


def test_a_speaker_keeps_at_most_two_stances() -> None:
    text = ("Foreign Minister Ana Reyes condemned the sanctions. Reyes urged Washington to lift "
            "them. Reyes warned of further steps. Reyes welcomed the support of Brazil.")
    assert said(text) == [(["ana-reyes"], "condemns"), (["ana-reyes"], "calls_for")]
    # the third stance's sentence is cited on the second statement
    ds = extract_text(text, date="2023-05-10", source_id="t").dataset
    assert [len(st.sources) for st in ds.statements] == [1, 3]
    # a stance told again about another state is no new stance
    text = ("Russia and China condemned the sanctions. Russia and China urged Washington to "
            "act. Russia and China also urged Tehran to talk.")
    assert [st for _sp, st in said(text)] == ["condemns", "calls_for", "calls_for"]


def test_unnamed_officials_speak_for_their_state() -> None:
    text = ("Britain sanctioned six officials. Russian officials deny any role and have "
            "rejected the sanctions. EU diplomats told Reuters the sanctions were illegal. "
            "Forty Russian lawmakers said the move was hostile.")
    assert said(text) == [(["ru"], "denies"), (["eu"], "condemns"),
                          (["ru-lawmakers"], "condemns")]


def test_people_listed_for_what_they_back_say_nothing() -> None:
    assert said("That day the EAER changed the ordinance on measures against individuals and "
                "entities who support Hamas.") == []
    assert said("Switzerland supports the measures.") == [(["ch"], "supports")]


def test_crowds_and_followers_are_no_speakers() -> None:
    assert said("Protests against the government of Madagascar began on September 25, when "
                "demonstrators took to the streets to demand that President Andry Rajoelina "
                "resign.") == []
    assert said("President Mohamed Morsi was removed. Morsi's supporters kept up their rallies "
                "in Cairo, vowing to fight to the death.") == []
    # protesters as the object of a measure do not stop its speaker
    assert said("Moscow barred 20 protesters, calling them hostile.") == [(["ru"], "condemns")]


def test_the_office_named_back_speaks_for_its_state() -> None:
    text = ("Britain listed 107 firms, according to a statement from the Foreign Office. For "
            "the first time, the office added, Britain is also turning new powers against "
            "foreign banks.")
    assert said(text) == [(["gb"], "other")]
