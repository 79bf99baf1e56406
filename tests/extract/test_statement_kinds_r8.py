"""Statement kinds of real reporting (issue 14, round 8), one test per kind, on sentences
written for these tests (invented people; real states so the country tables know them)."""

from __future__ import annotations

from kg.extract import extract_text


def said(text: str) -> list[tuple[list[str], str]]:
    return [(st.speakers, str(st.stance)) for st in extract_text(
        text, date="2023-05-10", source_id="t").dataset.statements]


def speakers(text: str) -> list[list[str]]:
    return [s for s, _stance in said(text)]


def test_a_speech_participle_used_as_an_adjective_says_nothing() -> None:
    # "so-called", "widely praised": no one calls or praises here
    assert speakers("Norway froze the assets of 12 Iranian officials and the so-called "
                    "guidance patrols.") == []
    assert speakers("The bloc lifted its measures on Chile, rewarding a wave of widely "
                    "praised reforms.") == []
    # the verb itself still speaks
    assert speakers("Chile praised the reforms.") == [["cl"]]


def test_a_passive_participle_with_no_object_says_nothing() -> None:
    assert speakers("Four Peruvian generals accused of abuses will face Canadian "
                    "sanctions.") == []
    assert speakers("Canada accused Peru of abuses.") == [["ca"]]


def test_a_closing_attribution_names_its_speaker_after_the_comma_or_nowhere() -> None:
    # an unnamed report, release or agency is no speaker; the state inside the reported
    # clause is what was said about
    assert speakers("The list was later widened to take in Ukraine, the report said.") == []
    assert speakers("Caracas had cut ties with 22 firms from Panama, the state-run news "
                    "agency BNV said.") == []
    # a speaker after the comma still speaks, and so does a name in apposition
    assert speakers("The list was later widened to take in Ukraine, Moscow said.") == [["ru"]]
    assert speakers("The bloc's chairman, Ana Torvik, had warned of heavy "
                    "sanctions.") == [["ana-torvik"]]


def test_an_apposition_after_an_inverted_speaker_is_no_second_speaker() -> None:
    assert speakers("Our measures are working, said Ana Reyes, the EU's envoy to the "
                    "talks.") == [["ana-reyes"]]
    # a list of speakers after the verb ends in "and"
    assert speakers("The measures are unlawful, said Russia, China and Iran.") == [
        ["ru", "cn", "ir"]]


def test_according_to_names_its_speaker_after_it_or_nowhere() -> None:
    assert speakers("Moscow has prolonged its food embargo, according to a document posted "
                    "on a website on Wednesday.") == []
    assert speakers("Moscow has prolonged its food embargo, according to Kazakhstan.") == [
        ["kz"]]


def test_an_announcement_with_a_date_before_that_is_speech() -> None:
    assert speakers("Foreign Minister Ana Reyes announced on 6 June that Chile has lifted "
                    "its visa ban on Peru.") == [["ana-reyes"]]


def test_a_threat_word_describing_a_decided_measure_is_no_threat() -> None:
    # the counter-measure told, not threatened (the imposer telling its own measure is the
    # event's source, no statement: the shared cases' convention)
    assert said("Moscow has decided to bar 30 Chilean citizens from entering Russia in "
                "retaliation for Chile's new sanctions, the Russian Foreign Ministry said.") == []
    # a threat word with no decided measure near it still threatens
    assert said("The Russian Foreign Ministry said Chile's sanctions would not go without "
                "retaliation.")[0][1] == "threatens"


def test_threaten_with_a_good_as_object_is_a_wrong_and_an_opposed_threat_is_none() -> None:
    assert said("Chile said the arms sales threaten peace and stability in the region.") == [
        (["cl"], "condemns")]
    assert said("Chile has always opposed imposing or threatening sanctions, Ana Reyes "
                "said.") == [(["cl"], "condemns"), (["ana-reyes"], "condemns")]
    assert said("Foreign Minister Ana Reyes threatened Peru with a firm response.") == [
        (["ana-reyes"], "threatens")]


def test_a_warning_of_a_measure_or_a_measure_faced_is_a_threat() -> None:
    assert said("The bloc's chairman, Ana Reyes, had warned of heavy sanctions the day "
                "before.") == [(["ana-reyes"], "threatens")]
    assert said("Ana Reyes told reporters that anyone obstructing the vote would face "
                "targeted sanctions.") == [(["ana-reyes"], "threatens")]
    # a warning of a harm is a warning
    assert said("Ana Reyes warned of a humanitarian disaster.") == [(["ana-reyes"], "warns")]


def test_words_of_outrage_and_broken_norms_condemn() -> None:
    for text in ("Foreign Minister Ana Reyes called the move outrageous.",
                 "Ana Reyes said she was deeply disappointed.",
                 "The new sanctions break every possible international norm, Ana Reyes said.",
                 "Peru keeps inflicting intolerable cruelty on its own people, Ana Reyes said."):
        assert said(text) == [(["ana-reyes"], "condemns")], text


def test_a_warning_that_the_own_side_will_impose_is_a_threat() -> None:
    # a body named by its kind as the subject
    assert said("Should the soldiers fail to hand back power, the council stands ready to "
                "impose targeted sanctions, the African Union warned.")[0][1] == "threatens"
    # reported speech of a decision is no threat
    assert said("Foreign Minister Ana Reyes told the House that the government would impose "
                "travel bans on Peruvians.")[0][1] != "threatens"


def test_a_wrong_written_inside_a_capitalised_name_is_no_wrong() -> None:
    # "Human Rights" of an organisation's name is no wrong the speaker names
    got = said("Chile's Foreign Ministry said on Monday that Peru had imposed sanctions on "
               "Ana Reyes, director of Human Rights Watch.")
    assert got == [(["cl-foreign-ministry"], "other")]
    got = said("Chile's Foreign Ministry said on Monday that Peru had imposed sanctions on "
               "Ana Reyes over human rights abuses.")
    assert got[0][1] != "other"


def test_the_speakers_own_relative_clause_tells_the_stance() -> None:
    got = said("Foreign Minister Ana Reyes said the steps answer Peru's signing of the "
               "Andean Trade Act, which she called serious interference in Chile's affairs.")
    assert got == [(["ana-reyes"], "condemns")]


def test_an_office_named_back_is_the_person_named_with_it_before() -> None:
    text = ("Foreign Minister Ana Reyes announced on Monday that Chile has imposed travel bans "
            "on three Peruvian officials. The bans are meant to punish abuses, the minister "
            "said.")
    # one statement of hers, citing both sentences
    [st] = extract_text(text, date="2023-05-10", source_id="t").dataset.statements
    assert st.speakers == ["ana-reyes"] and [c.start for c in st.sources] == [0, 111]
    text = ("Peru barred nine Chileans, Foreign Minister Ana Reyes among them. The Chilean "
            "foreign minister called the step unacceptable.")
    assert said(text) == [(["ana-reyes"], "condemns")]
    # two people with that post: no one is guessed, the office holder stays unnamed
    text = ("Foreign Minister Ana Reyes met Foreign Minister Ivo Marek. The Chilean foreign "
            "minister called the step unacceptable.")
    assert said(text) == [(["cl-foreign-minister"], "condemns")]


def test_a_pronoun_inside_the_reported_clause_is_no_closing_speaker() -> None:
    text = ("Chile imposed travel bans on Peru. The bans make it harder for them to travel, "
            "the report said.")
    assert speakers(text) == []


def test_a_threat_to_respond_is_about_the_measure_it_would_answer() -> None:
    text = ("Chile on Monday banned imports of fruit from Peru and Bolivia for a year. "
            "Chile's move answers the sanctions those countries imposed on Chile's banks. "
            "Peru said it reserved the right to respond.")
    ds = extract_text(text, date="2023-05-10", source_id="t").dataset
    chile = [s.id for s in ds.sanctions if s.imposers == ["cl"]]
    [st] = [st for st in ds.statements if st.speakers == ["pe"]]
    assert str(st.stance) == "threatens" and st.about_sanctions == chile


def test_a_call_addressed_to_someone_beside_the_own_measure_stays_a_call() -> None:
    text = ("European Union leaders agreed on Monday to impose more sanctions on Belarus, "
            "called on their airlines to avoid Belarusian airspace and set work in motion.")
    assert said(text) == [(["eu"], "calls_for")]


def test_more_verbs_of_saying_of_real_reporting() -> None:
    assert said("The bloc stays firm in its support for Ukraine, European Council spokesperson "
                "Ana Reyes tweeted.") == [(["ana-reyes"], "supports")]
    assert speakers("Foreign Minister Ana Reyes answered that Chile would take steps of its "
                    "own.") == [["ana-reyes"]]
    assert said("The African Union endorsed the ECOWAS move and called on the Security "
                "Council to back it too.") == [(["au-union"], "supports"),
                                               (["au-union"], "calls_for")]
    assert speakers("Iran's grave breaches of international law are well known, Ana Reyes "
                    "wrote later.") == [["ana-reyes"]]
    # "answered" alone is no speech ("the move answers Washington's sanctions")
    assert speakers("Chile's move answered Peru's sanctions.") == []


def test_a_speech_word_after_a_possessive_is_a_noun() -> None:
    assert speakers("The bloc stays firm in its support for Ukraine, Ana Reyes said.") == [
        ["ana-reyes"]]


def test_a_clause_joined_by_and_is_about_what_the_clause_before_is_about() -> None:
    ds = extract_text("The African Union suspended Mali on Friday. ECOWAS had suspended Mali "
                      "a day earlier. The council endorsed the ECOWAS move and called on the "
                      "United Nations to back it.", date="2021-09-11", source_id="t").dataset
    ecowas = [s.id for s in ds.sanctions if s.imposers == ["ecowas"]]
    assert ecowas and [st.about_sanctions for st in ds.statements] == [ecowas, ecowas]


def test_a_relative_clause_between_commas_describes_the_speaker() -> None:
    assert speakers("U.S. Ambassador Ana Reyes, who negotiated the text with her Chilean "
                    "counterpart, said the sanctions would bite hard.") == [["ana-reyes"]]


def test_a_name_between_commas_before_the_verb_is_no_inverted_attribution() -> None:
    # the words after "said" are what was said, not who said it
    assert speakers("The AU Commission chairman, Ivo Marek, said the union was ready to help "
                    "those countries.") == [["ivo-marek"]]


def test_a_participle_of_judging_after_a_comma_is_a_second_statement() -> None:
    got = said("Chile urged its Peruvian counterparts to come to their senses, denouncing the "
               "decision as illegal.")
    assert got == [(["cl"], "calls_for"), (["cl"], "condemns")]
    # "warning that" is the clause's own words, no second statement
    assert len(said("Chile urged Peru to talk, warning that time was short.")) == 1


def test_words_of_unreason_condemn() -> None:
    for word in ("illogical", "unreasonable", "irresponsible", "arbitrary", "unwarranted"):
        assert said(f"Foreign Minister Ana Reyes called the decision {word}.") == [
            (["ana-reyes"], "condemns")], word


def test_a_name_before_a_perfect_speech_verb_is_a_person() -> None:
    assert said("Commission Chairperson Ivo Dan Marek had told the council that Peru had "
                "reached a milestone, and urged members to lift the suspension.") == [
        (["ivo-dan-marek"], "calls_for")]


def test_a_ministry_with_a_capitalised_brief_speaks_for_the_last_state() -> None:
    text = ("Chile plans to list foreign firms it deems unreliable. The Commerce Ministry said "
            "on Friday it would create the list.")
    assert speakers(text) == [["cl-ministry-of-commerce"]]
    text = ("Chile barred ten Peruvian officials. Peru's sanctions are illegal, "
            "a Foreign Ministry spokesperson said.")
    assert said(text) == [(["cl-foreign-ministry"], "condemns")]


def test_a_measure_told_in_its_parts_is_about_the_measure_before() -> None:
    ds = extract_text("Chile decided on Wednesday to impose new sanctions on Peru. Government "
                      "spokesman Ivo Marek said ships that called at Peruvian ports will be "
                      "turned away.", date="2016-02-10", source_id="t").dataset
    chile = [s.id for s in ds.sanctions if s.imposers == ["cl"]]
    assert chile and [st.about_sanctions for st in ds.statements] == [chile]


def test_the_relative_clause_speaker_is_before_the_clause_not_inside_it() -> None:
    text = ("Soldiers detained President Tomas Rell on Monday. General Ivo Marek, who detained "
            "Rell on July 26, says his transition will last three years.")
    assert speakers(text) == [["ivo-marek"]]


def test_a_name_ending_in_ly_is_no_adverb() -> None:
    text = ("Foreign Minister Ana Joly announced sanctions on Peru on Monday. Peru's breaches "
            "of international law are well known, Joly wrote later.")
    assert all(s == ["ana-joly"] for s in speakers(text)) and speakers(text)


def test_a_measure_called_natural_or_justified_is_supported() -> None:
    for text in ("Since Peru started it, it is only natural that Chile takes matching "
                 "measures, Ana Reyes said.",
                 "The challenge is unprecedented, so the response naturally matches the threat, "
                 "Ana Reyes said.",
                 "The measures are fully justified, Ana Reyes said."):
        assert said(text) == [(["ana-reyes"], "supports")], text
    # "unjustified" condemns
    assert said("The measures are unjustified, Ana Reyes said.") == [(["ana-reyes"], "condemns")]


def test_an_accord_named_is_no_wrong() -> None:
    text = ("A broad ban on imports comes to an end, a step Ana Reyes said reflects Peru's "
            "compliance with the international agreement curbing its nuclear research.")
    assert [st for st in said(text) if st[1] == "condemns"] == []
    assert said("Ana Reyes said the sanctions punished Peru's nuclear programme.")[0][1] != \
        "other"


def test_a_call_with_an_ultimatum_threatens() -> None:
    assert said("Foreign Minister Ana Reyes urged Peru to withdraw the sanctions, or bear all "
                "the consequences.") == [(["ana-reyes"], "threatens")]
    assert said("Foreign Minister Ana Reyes urged Peru to withdraw the sanctions.") == [
        (["ana-reyes"], "calls_for")]


def test_the_own_sides_measure_before_a_call_in_the_words_threatens() -> None:
    assert said("Chilean Foreign Minister Ana Reyes answered that Chile would take steps that "
                "hurt Peru's economy and would urge its friends to impose sanctions on "
                "Peru.") == [(["ana-reyes"], "threatens")]


def test_the_ministry_is_the_last_ministry_named_before_it() -> None:
    text = ("Japan's Ministry of Finance froze the assets of Peruvian officials in May. "
            "Japan's Ministry of Economy, Trade and Industry tightened export controls on Peru "
            "on Monday. The curbs are lawful, the ministry said.")
    assert speakers(text) == [["jp-ministry-of-economy-trade-and-industry"]]
