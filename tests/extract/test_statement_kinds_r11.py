"""Statement kinds of real reporting added in round 11 (issue 14), on sentences written for
these tests (invented people; real states so the country tables know them)."""

from __future__ import annotations

from tests.extract.test_statement_kinds_r8 import said


def test_an_actor_after_the_verb_that_starts_a_clause_is_not_the_speaker() -> None:
    # "said Chisinau had been told": Chisinau is the subject of the words said; the person
    # in apposition to a post ("official" is a post too) speaks
    assert said("Ivan Petrov, Russia's chief public health official, said Chisinau had been "
                "told again to raise quality.") == [(["ivan-petrov"], "other")]
    # an inverted speaker at the end still speaks
    assert said("The sanctions are illegal, said Moscow.") == [(["ru"], "condemns")]


def test_more_verbs_of_saying_and_objecting() -> None:
    assert said("On Twitter, Maduro wrote that the measures were illegal.") == [
        (["maduro"], "condemns")]
    assert said("Human Rights Watch disagreed, calling the move premature.") == [
        (["human-rights-watch"], "condemns")]
    assert said("Beijing hit out at Washington on Friday.") == [(["cn"], "condemns")]
    assert said("Cuba decried the embargo.") == [(["cu"], "condemns")]
    # "wrote a letter": no words reported
    assert said("Maduro wrote a letter to the council.") == []


def test_a_person_after_the_title_words_of_an_inverted_verb_speaks() -> None:
    assert said("The war has wrecked livelihoods, said Foreign Affairs Minister Nanaia "
                "Mahuta.") == [(["nanaia-mahuta"], "other")]
    assert said("The measures are unlawful, said EU High Representative Kaja Kallas.") == [
        (["kaja-kallas"], "condemns")]


def test_an_inverted_attribution_right_after_the_comma_closes_the_sentence() -> None:
    # the state's view and the named spokesman's closing attribution, each a statement
    assert said("Seoul at once welcomed the resolution, said Cho Tai-young, the Foreign "
                "Ministry spokesman.") == [(["kr"], "supports"), (["cho-tai-young"], "supports")]
    # not a person: one statement
    assert said("Seoul welcomed the resolution, said Yonhap.") == [(["kr"], "supports")]


def test_names_found_by_their_place_beside_a_verb_of_saying() -> None:
    # an apposition that describes the person without a post noun
    assert said("Yakubu Gowon, one of the bloc's founders and Nigeria's former ruler, urged "
                "the leaders to drop the sanctions.") == [(["yakubu-gowon"], "calls_for")]
    assert said("Marco Rubio, among the lead sponsors of the bill, said the sanctions were "
                "unlawful.") == [(["marco-rubio"], "condemns")]
    # a post in capitals, and verbs of judging after the apposition
    assert said("Michael Roth, Germany's Minister of State for Europe, said the provocations "
                "were unacceptable.") == [(["michael-roth"], "condemns")]
    assert said("Mike Waltz, the US envoy to the UN, hailed the vote.") == [
        (["mike-waltz"], "supports")]
    assert said("Clare O'Neil, the home affairs minister, called the attack "
                "outrageous.") == [(["clare-oneil"], "condemns")]
    # a name after its state's possessive, between commas
    assert said("The head of the commission, South Africa's Nkosazana Dlamini-Zuma, told "
                "reporters the coup was illegal.") == [
        (["nkosazana-dlamini-zuma"], "condemns")]
    # a name and the body it speaks for; the place in the body's name is not the speaker
    assert said("Thomas Soe of the Australia Burma Campaign said the lifting came too "
                "early.") == [(["thomas-soe"], "other")]
    # the one "according to" quotes
    assert said("The programme violates international law, according to Stuart Jones, the top "
                "US diplomat for the region.") == [(["stuart-jones"], "condemns")]
    assert said("David Cameron recommended lifting all sanctions except on arms.") == [
        (["david-cameron"], "calls_for")]
    # a place with an apposition is still not a person
    assert said("South Korea, a close US ally, said the sanctions were illegal.") == [
        (["kr"], "condemns")]


def test_a_counted_group_speaks_only_as_the_subject_of_the_verb() -> None:
    # the listed individuals are what was said, not who said it
    got = said("Thirty-five entities and 36 individuals were added to the list, a senior "
               "official of the prime minister's office told reporters.")
    assert all(not s.endswith(("individuals", "entities")) for ss, _ in got for s in ss)
    assert said("Forty lawmakers said the sanctions were illegal.") == [
        (["lawmakers"], "condemns")]


def test_a_speech_word_that_is_won_or_drawn_says_nothing() -> None:
    assert said("The bloc rewarded reforms that have won wide praise.") == []
    assert said("The move drew sharp criticism.") == []
    # the verb still speaks
    assert said("Chile praised the reforms.") == [(["cl"], "supports")]


def test_reckless_and_a_dangerous_escalation_condemn() -> None:
    assert said("Prime Minister Rishi Sunak called the attack reckless.") == [
        (["rishi-sunak"], "condemns")]
    assert said("Japan called the launch a dangerous escalation.") == [(["jp"], "condemns")]
