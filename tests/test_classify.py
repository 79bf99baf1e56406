"""The one reason and measure lexicon (kg.resolve.classify), shared by importers and the
extractor: the same words, two selection policies."""

from __future__ import annotations

import pytest

import kg.extract.fields
import kg.extract.statements
import kg.ingest.ftm_sanctions
from kg.model.vocab import Measure, Reason
from kg.resolve.classify import classify_measures, classify_reason

R = Reason


def reasons(text: str, pick: str = "all") -> list[tuple[str, str | None]]:
    return [(m.reason.value, m.words) for m in classify_reason(text, pick=pick)]  # type: ignore[arg-type]


def test_importers_and_extractor_call_the_same_function() -> None:
    assert kg.ingest.ftm_sanctions.classify_reason is classify_reason
    assert kg.extract.fields.classify_reason is classify_reason
    assert kg.extract.statements.classify_reason is classify_reason
    assert kg.ingest.ftm_sanctions.classify_measures is classify_measures


def test_the_phrase_the_two_classifiers_disagreed_on() -> None:
    # Before: the importer said democracy, the extractor human_rights. Now the importer
    # gets both, in order, and the extractor the first of them.
    text = "crackdown on protesters after the rigged election"
    assert reasons(text) == [("human_rights", "crackdown"), ("democracy", "rigged")]
    assert reasons(text, "first") == [("human_rights", "crackdown")]


@pytest.mark.parametrize("text", [
    "crackdown on protesters after the rigged election",
    "spreading disinformation about the war",
    "its meddling in the 2020 US presidential election",
    "involved in the torture of detainees and electoral fraud",
    "financing of terrorism and money laundering",
    "the annexation of Crimea",
    "no reason given",
])
def test_first_is_the_head_of_all(text: str) -> None:
    assert classify_reason(text, pick="first") == classify_reason(text)[:1]


@pytest.mark.parametrize("text, want", [
    ("alleged human rights abuses against the Uighur population", [R.HUMAN_RIGHTS]),
    ("its meddling in the 2020 US presidential election", [R.ELECTION_INTERFERENCE]),
    ("election meddling", [R.ELECTION_INTERFERENCE]),
    ("spreading disinformation about the war", [R.DISINFORMATION, R.ARMED_CONFLICT]),
    ("Financing of terrorism", [R.TERRORISM]),
    ("ballistic missile programme", [R.NUCLEAR_PROLIFERATION]),
    ("counter-sanctions in response to EU sanctions", [R.RETALIATION]),
    # Whole words only: "triggered" is not "rigged", "harms" not "arms", "software" not "war".
    ("the sale triggered harms to software makers", [R.OTHER]),
    # Words often said of other things count only in the phrases that make them a reason.
    ("after the military seized power in a coup", [R.DEMOCRACY]),
    ("over an arms sale to Taiwan", [R.OTHER]),
    ("arms trafficking to armed groups", [R.ARMED_CONFLICT]),
    ("the junta's continued assault on civilians", [R.HUMAN_RIGHTS]),
    ("violence against civilians", [R.HUMAN_RIGHTS]),
])
def test_reason_categories(text: str, want: list[Reason]) -> None:
    assert [m.reason for m in classify_reason(text)] == want


def test_nothing_found_is_other_with_no_words() -> None:
    [m] = classify_reason("")
    assert (m.reason, m.words, m.start) == (R.OTHER, None, 0)
    with pytest.raises(ValueError, match="pick"):
        classify_reason("war", pick="best")  # type: ignore[arg-type]


def test_measures_in_provisions_read_words_and_phrases() -> None:
    M = Measure
    assert classify_measures(["Asset freeze", "Travel ban"]) == [M.ASSET_FREEZE, M.TRAVEL_BAN]
    assert classify_measures(["Arms embargo"]) == [M.ARMS_EMBARGO, M.TRADE_RESTRICTIONS]
    assert classify_measures(["Export ban"]) == [M.EXPORT_CONTROL]  # not "port": transport
    assert classify_measures(["Prohibition to satisfy claims"]) == [M.UNSPECIFIED]
    assert classify_measures([]) == []


def test_measures_in_prose_read_phrases_only() -> None:
    M = Measure
    text = "The EU froze the assets of ten officials and imposed travel bans over trade."
    assert classify_measures([text], prose=True) == [M.ASSET_FREEZE, M.TRAVEL_BAN]
    assert classify_measures(["Talks on trade and investment stalled."], prose=True) == []
    assert classify_measures(["an import ban on Russian oil"], prose=True) == [M.IMPORT_BAN]
