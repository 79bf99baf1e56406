"""Statement kinds of real reporting added in round 12 (issue 14), on sentences written for
these tests (invented people; real states so the country tables know them): speech words
that report no one's words."""

from __future__ import annotations

from tests.extract.test_statement_kinds_r8 import said


def test_a_passive_speech_verb_makes_its_subject_no_speaker() -> None:
    assert said("Earlier on Monday, Lukashenko was formally declared the winner of the "
                "vote.") == []
    assert said("Their assets are frozen and must be declared to the authorities at "
                "once.") == []
    assert said("Other European countries and Ukraine were later added to the list.") == []
    # the progressive is active: "was threatening" has its speaker
    assert [s for s, _ in said("Maduro said last week that imperialism was threatening to "
                               "blockade Venezuela.")] == [["maduro"]]


def test_added_to_a_list_is_no_word_said() -> None:
    assert said("Ottawa on Monday added 43 people close to the government to its sanctions "
                "list.") == []
    assert said("Moscow will hit back by adding more Americans to the list of people barred "
                "from entering Russia.") == []
    # "added that" is still speech
    assert said("Canada added that the measures were illegal.") == [(["ca"], "condemns")]


def test_a_name_given_is_no_word_said() -> None:
    assert said("Ottawa put 30 Russian citizens under its Justice for Victims of Corrupt "
                "Foreign Officials Act, also called the Sergei Magnitsky Law.") == []


def test_a_law_or_plan_is_not_a_speaker() -> None:
    assert said("His death led Congress to pass a law calling for visa bans on those "
                "involved.") == []
    assert said("Damascus should accept a ceasefire, as the Annan plan demands.") == []


def test_why_a_measure_hits_people_is_no_statement() -> None:
    assert said("President Obama signed a law punishing Venezuelan officials whom Washington "
                "accuses of repressing protesters.") == []
    assert said("The European Union has put sanctions on four Burundians it accuses of "
                "undermining the peace talks.") == []
    # an accusation of one's own is one
    assert [s for s, _ in said("Moscow accused Kyiv of sabotage.")] == [["ru"]]


def test_speech_words_used_as_nouns() -> None:
    assert said("Washington passed legislation last week in support of the protesters.") == []
    assert said("There were renewed calls for sanctions on Monday.") == []


def test_a_body_named_back_in_its_sentence_or_after_its_place() -> None:
    # "the department": the US Treasury Department named before, not Venezuela
    assert [s for s, _ in said(
        "The Treasury Department on Friday fined a Venezuelan bank, and the department "
        "said Caracas had broken the law.")] == [["us"]]
    # "In Moscow the foreign ministry": Russia's, not Japan's (the last state named)
    assert [s for s, _ in said(
        "Japan imposed new sanctions on Tuesday. In Moscow the foreign ministry voiced "
        "disappointment at the new Japanese measures.")] == [["ru-foreign-ministry"]]


def test_an_imposer_telling_its_own_measure_after_a_comma_says_nothing_more() -> None:
    # the shared news case p05, with "according to" closing the sentence
    assert said("The US Treasury Department imposed sanctions on a Venezuelan minister on "
                "Friday, according to a statement from the department.") == []


def test_an_actor_inside_a_relative_clause_is_not_the_subject() -> None:
    assert said("An American drone maker that equips Ukraine's military says Chinese "
                "sanctions will disrupt its supply chain.") == []


def test_a_speech_word_after_an_adjective_is_a_noun() -> None:
    assert said("The ministers adopted an amendment allowing more non-lethal support for the "
                "rebels.") == []


def test_a_firms_name_after_a_title_word_is_no_person() -> None:
    # "General Atomics Aeronautical Systems" is a firm, not a general who speaks
    assert all("systems" not in s[0] for s, _ in said(
        "At a briefing on Thursday, spokesperson He Yadong said Chinese law had been followed "
        "in adding General Atomics Aeronautical Systems, General Dynamics Land Systems and "
        "Boeing Defense, Space & Security to the list."))


def test_blaming_charging_and_posting_are_words_said() -> None:
    assert said("In December North Korea blamed America for a long outage of its internet.") \
        == [(["kp"], "condemns")]
    assert [s for s, _ in said("In a live address, Maduro charged that the US was out to steal "
                               "Citgo.")] == [["maduro"]]
    assert [s for s, _ in said("Marco Rubio, the Secretary of State, posted on X that the step "
                               "would do nothing for a truce.")] == [["marco-rubio"]]
    # "Americans it blames for rights violations": why a measure hits them, no statement
    assert said("Russia has answered in the past by barring Americans it blames for rights "
                "violations.") == []
