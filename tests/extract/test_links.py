"""Retaliation links (kg/extract/links.py) and statement -> sanction links
(kg/extract/about.py), one test per kind of prose, on passages written for these tests."""

from __future__ import annotations

from kg.extract import extract_text
from kg.model.records import Dataset


def run(text: str, date: str = "2023-05-10") -> Dataset:
    return extract_text(text, date=date, source_id="t").dataset


def by_imposer(ds: Dataset) -> dict[str, list[str]]:
    return {s.imposers[0]: [next(x.imposers[0] for x in ds.sanctions if x.id == r)
                            for r in s.in_response_to] for s in ds.sanctions}


def test_answered_measure_in_the_same_sentence_is_not_itself_an_answer() -> None:
    ds = run("Russia imposed sanctions on 40 Polish officials on Monday in answer to "
             "Warsaw's sanctions against Russia.")
    assert by_imposer(ds) == {"ru": ["pl"], "pl": []}
    ru = next(s for s in ds.sanctions if s.imposers == ["ru"])
    assert "retaliation" in [str(r.category) for r in ru.reasons]


def test_long_answering_phrase_before_the_measure() -> None:
    # no retaliation word: "in response to X's arms sale and its sanctions" names the answered
    ds = run("China has decided to sanction four US drone makers in response to "
             "Washington's latest arms sale to Taiwan and its sanctions on Chinese firms.",
             "2024-01-07")
    assert by_imposer(ds) == {"cn": ["us"], "us": []}


def test_the_move_answers_names_the_counter_measure_back() -> None:
    ds = run("Beijing announced on Monday that it is imposing sanctions on 9 Canadian "
             "lawmakers. The move answers Ottawa's sanctions on Friday against four Chinese "
             "officials.", "2021-03-29")
    assert by_imposer(ds) == {"cn": ["ca"], "ca": []}


def test_the_step_in_retaliation_for_names_the_counter_measure_back() -> None:
    ds = run("Russia on Thursday banned imports of fish from Canada, Norway and Australia. "
             "The Kremlin ordered the step in retaliation for the sanctions those countries "
             "imposed on Russia's banks.", "2014-08-08")
    ru = next(s for s in ds.sanctions if s.imposers == ["ru"])
    other = next(s for s in ds.sanctions if s.imposers != ["ru"])
    assert ru.in_response_to == [other.id] and other.in_response_to == []


def test_hit_back_at_links_one_way() -> None:
    ds = run("Moscow hit back on Thursday at Washington's new sanctions, announcing entry "
             "bans on nine American lawmakers.", "2014-03-20")
    links = by_imposer(ds)
    assert links["ru"] == ["us"] and links["us"] == []


def test_criticism_is_about_the_sanctions_on_the_speakers_side() -> None:
    # the statement names no sanction of its own sentence: the criticism is about the
    # sanctions on Russia (the speaker's side), not about Russia's answer
    ds = run("The EU imposed sanctions on 12 Russian officials on Monday. Russia responded by "
             "imposing sanctions on 8 EU officials. Russian Foreign Minister Lev Orlin condemned "
             "the sanctions as illegal.")
    eu = next(s for s in ds.sanctions if s.imposers == ["eu"])
    [st] = [st for st in ds.statements if str(st.stance) == "condemns"]
    assert st.about_sanctions == [eu.id]


def test_a_call_on_bare_sanctions_is_about_those_on_the_speakers_side() -> None:
    ds = run("The EU imposed sanctions on four Chinese officials on Monday. China responded "
             "by imposing sanctions on 10 European lawmakers. Countries should oppose "
             "unilateral sanctions, Chinese Foreign Minister Bo Ren said.")
    eu = next(s for s in ds.sanctions if s.imposers == ["eu"])
    [st] = [st for st in ds.statements if str(st.stance) == "calls_for"]
    assert st.about_sanctions == [eu.id]


def test_support_by_a_target_is_for_the_relief_on_it() -> None:
    ds = run("The African Union ended the suspension of Gabon on Tuesday. The bloc had "
             "suspended Gabon after the coup in 2023. Gabon's foreign ministry welcomed the "
             "decision.", "2025-05-01")
    lifted = next(s for s in ds.sanctions if str(s.status) == "lifted")
    [st] = [st for st in ds.statements if str(st.stance) == "supports"]
    assert st.about_sanctions == [lifted.id]


def test_the_status_the_words_name_picks_the_event() -> None:
    ds = run("The Security Council renewed the arms embargo on Somalia on Friday and lifted "
             "the sanctions on Eritrea. The council had imposed them in 2009. The vote "
             "showed that sanctions can be lifted, British Ambassador Rhea Tolland said.",
             "2018-11-14")
    lifted = next(s for s in ds.sanctions if str(s.status) == "lifted")
    st = ds.statements[-1]
    assert st.about_sanctions == [lifted.id]


def test_the_imposer_named_with_the_measure_picks_the_event() -> None:
    ds = run("The African Union suspended Guinea on Friday. ECOWAS had suspended Guinea a "
             "day earlier. The council endorsed the ECOWAS move and called on the UN "
             "Security Council to back it.", "2021-09-11")
    ecowas = next(s for s in ds.sanctions if s.imposers == ["ecowas"])
    st = ds.statements[-1]
    assert st.about_sanctions == [ecowas.id]


def test_answered_measure_named_by_its_imposer_is_its_fuller_telling() -> None:
    # round 12: "hit back at Ottawa's sanctions" and "Canada had imposed sanctions on 14
    # Russian officials" are one measure, told twice; the counter-measure answers it
    ds = run("Moscow hit back on Friday at Ottawa's sanctions, barring 11 Canadian "
             "lawmakers from entering the country. Canada had on Tuesday imposed sanctions "
             "on 14 Russian officials over the poisoning.", "2024-03-08")
    ca = [s for s in ds.sanctions if s.imposers == ["ca"]]
    assert len(ca) == 1, [(s.imposers, s.targets) for s in ds.sanctions]
    assert len(ca[0].sources) == 2
    (ru,) = [s for s in ds.sanctions if s is not ca[0]]
    assert ru.imposers == ["ru"] and ru.in_response_to == [ca[0].id]


def test_responded_to_the_coup_by_a_measure_is_the_response() -> None:
    ds = run("ECOWAS imposed sanctions on the junta leaders on Thursday. The bloc first "
             "responded to the coup on September 8 by suspending Guinea's membership.",
             "2021-09-17")
    assert all(not s.in_response_to for s in ds.sanctions)
    assert any(s.targets == ["gn"] for s in ds.sanctions)


def test_a_mirroring_measure_after_after_is_the_one_answered() -> None:
    ds = run("Russia on Saturday banned entry to 18 American officials, one day after "
             "Washington announced matching sanctions against 18 Russians.", "2013-04-13")
    assert by_imposer(ds) == {"ru": ["us"], "us": []}


def test_it_was_answering_names_the_answerer_said_before() -> None:
    ds = run("China barred the Canadian lawmaker Michael Chong from entering the country. "
             "Beijing said it was answering sanctions Canada had levied on Chinese officials "
             "over Xinjiang.", "2021-03-27")
    assert by_imposer(ds) == {"cn": ["ca"], "ca": []}
