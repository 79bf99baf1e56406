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
