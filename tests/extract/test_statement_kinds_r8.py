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
