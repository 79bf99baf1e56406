"""Statement kinds of real reporting added in round 13 (issue 14), on sentences written for
these tests (invented people; real states so the country tables know them): speakers named
in shapes the extractor missed or gave to another actor."""

from __future__ import annotations

from tests.extract.test_statement_kinds_r8 import said, speakers


def test_a_person_described_between_commas_speaks_not_the_body_in_the_description() -> None:
    assert speakers("Mara Lindqvist, speaking for the State Department, said the regime had "
                    "threatened an American think tank.") == [["mara-lindqvist"]]
    assert speakers("Tomas Brandt, once a senior U.S. diplomat and now at a think tank, "
                    "welcomed the joint action.") == [["tomas-brandt"]]
    # a post between the commas still names the person ("diplomat" is a post too)
    assert speakers("Tomas Brandt, a veteran French diplomat, condemned the "
                    "sanctions.") == [["tomas-brandt"]]


def test_a_name_with_an_initial_or_a_mc_prefix_is_one_person() -> None:
    assert speakers("Cutting the pair off shows the pressure on Tehran will grow, said Karl "
                    "J. Osterman, the Treasury's under secretary.") == [["karl-j-osterman"]]
    assert speakers("McAllister called the vote an outrageous grab for "
                    "power.") == [["mcallister"]]


def test_a_clause_after_but_with_no_subject_is_the_same_speaker() -> None:
    assert speakers("Arvex said on Wednesday that it had been punished for selling drones to "
                    "Taiwan, but argued that Beijing also wants to sell drones.") == [["arvex"]]


def test_an_actor_inside_a_relative_clause_is_not_the_speaker() -> None:
    # the name the clause describes is known by one word only: no speaker rather than Aoun
    assert speakers("Kadri, who leads the Free Movement and is married to President Michel "
                    "Aoun's daughter, tweeted that the sanctions did not scare him.") == []
    # a named antecedent still speaks
    assert speakers("Ambassador Lena Moor, who negotiated the text, said the sanctions were "
                    "fair.") == [["lena-moor"]]


def test_a_report_or_an_act_declared_is_no_statement() -> None:
    assert speakers("The war has left at least 6,417 dead since April 2014, the UN's most "
                    "recent report says.") == []
    assert speakers("The army detained President Umaro Kaba, declared a curfew and stopped "
                    "the count.") == []
    # "declared" with words said still speaks
    assert speakers("Moscow declared the sanctions illegal.") == [["ru"]]


def test_a_blocs_organ_is_the_blocs_not_the_un_security_council() -> None:
    assert speakers("ECOWAS leaders met on Friday. Chaired by Julius Bio, the bloc's Mediation "
                    "and Security Council denounced the putsch in the harshest "
                    "terms.") == [["ecowas"]]


def test_a_government_in_a_seat_is_that_states_not_the_last_blocs() -> None:
    assert speakers("The European Union on Monday prolonged by one year the sanctions it "
                    "keeps on Burundi. Since January the government in Bujumbura has insisted "
                    "that peace is back.") == [["bi"]]


def test_the_dateline_and_a_compound_adjective_are_no_speakers() -> None:
    # the dateline's capital is not the subject the participle hangs on
    assert speakers("ABUJA - West Africa's regional bloc has ended its talks with Guinea, "
                    "saying the junta must free the president. Nigeria chairs the "
                    "bloc.") == [["ecowas"]]
    assert speakers("It is the latest US penalty over their backing for Iran-supported "
                    "Hezbollah.") == []


def test_a_judging_participle_with_no_verb_before_is_the_subjects_statement() -> None:
    assert speakers("Nicaragua's government has turned down the sanctions Washington imposed "
                    "on Rosa Mena, a vice minister, calling the US steps "
                    "interventionist.") == [["ni"]]
    # "calling for" was speech already; "calling" with no object judged is not
    assert speakers("Protesters marched through Managua, calling loudly.") == []


def test_a_councils_members_voting_for_a_text_say_nothing() -> None:
    assert speakers("All 15 members backed the text, a compromise worked out by the United "
                    "States and China.") == []
    # members who speak still do
    assert speakers("The council's members said the sanctions must stay.") != []


def test_a_second_verb_after_and_with_an_auxiliary_is_a_second_statement() -> None:
    assert said("Moscow has denounced the bill and has warned more than once that it will "
                "harm relations.") == [(["ru"], "condemns"), (["ru"], "warns")]
    assert said("The Russian embassy in London condemned the move and said Moscow kept the "
                "right to answer in kind.") == [(["ru"], "condemns"), (["ru"], "threatens")]


def test_a_promised_response_and_calls_it_are_speech() -> None:
    assert said("Kremlin spokesman Dmitry Orlov also promised a response in due "
                "time.") == [(["dmitry-orlov"], "threatens")]
    assert speakers("The Kremlin calls it absurd to tie the sanctions to the Minsk "
                    "accords.") == [["ru"]]
    # "promised more steps" is a measure to come, not a statement
    assert speakers("On Friday New Zealand put sanctions on Russian officials and promised "
                    "more steps soon.") == []


def test_a_presidency_and_an_office_holder_named_after_the_office_speak() -> None:
    assert speakers("The Turkish presidency said on Thursday that the two leaders had "
                    "talked by phone.") == [["tr"]]
    assert speakers("Zarif carries out a reckless agenda, the Treasury Secretary, Steven "
                    "Marsh, said in a statement.") == [["steven-marsh"]]


def test_a_question_asked_is_no_call_and_not_going_unpunished_threatens() -> None:
    assert said("Foreign Secretary Dana Holt announced the list. Asked why China was not on "
                "the list, she said the regime was based on evidence.") == [
        (["dana-holt"], "other")]
    assert said("The attack will not go unpunished, the Canadian government "
                "said.") == [(["ca"], "threatens")]


def test_a_name_after_a_colon_opens_its_own_speakers_clause() -> None:
    assert said("Washington condemned the step: Marco Reyes, the Secretary of State, posted "
                "on X that it would do nothing for peace, and he demanded the sanctions be "
                "withdrawn.") == [(["us"], "condemns"), (["marco-reyes"], "calls_for")]
    # a colon after a speech verb still introduces its words
    assert speakers("Lavrov said: Russia will not bow to pressure.") == [["lavrov"]]


def test_a_participle_after_an_announcement_hangs_on_the_announcer() -> None:
    assert said("Mali has been suspended from the African Union over the coup, the AU's Peace "
                "and Security Council announced on Tuesday, warning that it would not "
                "hesitate to impose targeted sanctions.") == [(["au-union"], "threatens")]


def test_branded_is_speech() -> None:
    assert said("The African Union suspended Mali. The AU has branded the coup "
                "outrageous.") == [(["au-union"], "condemns")]


def test_the_spokesperson_after_a_measure_is_the_imposing_states() -> None:
    # the measure answered, told later in the sentence, is not the state the ministry is of
    assert speakers("China is placing sanctions on five US defence companies in response to "
                    "Washington's latest arms sale to Taiwan and its sanctions on Chinese "
                    "firms, a spokesperson for the foreign ministry announced on Sunday. The "
                    "spokesperson said the US moves seriously harmed China's "
                    "sovereignty.") == [["cn"]]


def test_a_measure_called_groundless_is_condemned_not_denied() -> None:
    assert said("Moscow called the step groundless.") == [(["ru"], "condemns")]
    # an accusation rejected as baseless is denied
    assert said("Moscow rejected the accusations as baseless.") == [(["ru"], "denies")]


def test_he_is_the_person_the_sentence_opens_with() -> None:
    assert speakers("Treasury Secretary Steven Marsh said the listing was fair. Foreign "
                    "Minister Javad Sharif answered on Twitter; the designation would not "
                    "touch him, he wrote.") == [["steven-marsh"], ["javad-sharif"]]


def test_voice_as_a_noun_says_nothing() -> None:
    assert speakers("Sharif is the regime's main voice around the world.") == []
    assert speakers("Japan voiced concern at the tests.") == [["jp"]]


def test_an_unnamed_official_of_a_body_is_no_speaker() -> None:
    assert speakers("The African Union met on Friday. Egypt must return to constitutional "
                    "order, a senior official of the continental body said.") == []


def test_two_actors_joined_by_comma_and_are_two_clauses_not_a_list() -> None:
    assert speakers("Exports to Japan of dual-use items are now banned, China's commerce "
                    "ministry said. The ban covers exports meant for military use in Japan, "
                    "and the ministry warned that any firm breaching it would be held "
                    "liable.") == [["cn-ministry-of-commerce"]]
    # a list with "and" still speaks together
    assert speakers("Russia and China condemned the sanctions.") == [["ru", "cn"]]


def test_a_request_denied_by_an_act_says_nothing() -> None:
    assert speakers("Venezuelan officials can now have their US assets frozen and their visas "
                    "denied or revoked.") == []


def test_a_verb_coordinated_with_unnamed_peoples_verb_has_no_speaker() -> None:
    assert speakers("Chinese officials had earlier publicly condemned Washington and warned "
                    "of consequences.") == []
    # a named subject still speaks for both verbs
    assert speakers("The EU imposed sanctions on Belarus on Monday and warned of more "
                    "measures.") == [["eu"]]


def test_places_an_organ_deals_with_and_unnamed_sources_are_no_speakers() -> None:
    assert speakers("The State Council's Hong Kong and Macao Affairs Office firmly backed the "
                    "move on Saturday.") == []
    assert speakers("According to EU sources the easing is meant to tip the balance in the "
                    "war.") == []


def test_an_unnamed_official_after_the_verb_speaks_for_the_body_named_with_him() -> None:
    # the UN inside the words said is not the speaker; the ministry (the last state's) is
    assert speakers("North Korea rejected the resolution. Neither UN sanctions nor unilateral "
                    "ones can have an effect on a nuclear power, said the director of the "
                    "Foreign Ministry's Treaty Department.") == [["kp"]]
    assert speakers("Neither UN sanctions nor others can have any effect, said the director "
                    "of a think tank.") == []
