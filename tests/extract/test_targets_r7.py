"""Targets and reasons of real reporting, round 7 (issue 14; kg/extract/story.py and
kg/extract/targets.py): one test per kind of prose, on sentences written for the test
(states real, people and companies invented)."""

from __future__ import annotations

from kg.extract import extract_text


def reasons(text: str) -> list[list[str]]:
    ds = extract_text(text, date="2024-05-06", source_id="t").dataset
    return [[str(r.category) for r in s.reasons] for s in ds.sanctions]


def test_a_sanction_takes_the_grounds_stated_in_the_sentence_next_to_it() -> None:
    # the grounds after the measure
    assert reasons("ECOWAS suspended Guinea from all its bodies on Friday. Soldiers had "
                   "seized power in Conakry a week earlier.") == [["democracy"]]
    # the grounds before it
    assert reasons("Troops crossed into the north of the country on Monday. The EU imposed "
                   "sanctions on Russia on Tuesday.") == [["armed_conflict"]]
    # the sentence before wins over the sentence after
    assert reasons("Soldiers seized power in Bamako. ECOWAS suspended Mali on Friday. "
                   "Troops later crossed the border.") == [["democracy"]]


def test_a_sanction_with_grounds_of_its_own_or_next_to_a_counter_measure_takes_nothing() -> None:
    # its own reason is kept, the neighbour's is not added
    assert reasons("The EU imposed sanctions on Belarus over the rigged vote. Troops "
                   "crossed the border.") == [["democracy"]]
    # a retaliation cue next door belongs to the measure that answers
    assert reasons("Canada imposed sanctions on Mali. Mali announced a reciprocal ban on "
                   "Canadian flights.")[0] == []
    # two sentences away is no longer the same passage of the story
    assert reasons("Soldiers seized power in Bamako. Talks went on for weeks. ECOWAS "
                   "suspended Mali on Friday.") == [[]]
