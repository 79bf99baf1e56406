"""A ministry or an unnamed office holder that speaks is an actor of its own, part of its
state (kg/extract/offices.py); invented names throughout."""

from __future__ import annotations

from kg.extract import extract_text
from kg.model.records import Dataset


def run(text: str) -> Dataset:
    return extract_text(text, date="2024-03-05").dataset


def speakers(ds: Dataset) -> list[tuple[list[str], str]]:
    return [(st.speakers, str(st.stance)) for st in ds.statements]


def actor(ds: Dataset, aid: str) -> tuple[str, str, str | None, str | None]:
    a = next(a for a in ds.actors if a.id == aid)
    return a.name, str(a.kind), a.part_of, a.country


def test_a_ministry_named_with_its_state_in_capitals_speaks() -> None:
    # "The Russian Foreign Ministry condemned ..." was no statement at all (the office
    # after a demonym was only read in lower case)
    ds = run("Russia imposed sanctions on Norland on Monday. The Russian Foreign Ministry "
             "condemned the Norland government's hostile course.")
    assert speakers(ds) == [(["ru-foreign-ministry"], "condemns")]
    assert actor(ds, "ru-foreign-ministry") == (
        "Russian Foreign Ministry", "government_body", "ru", "ru")
    # the state it is part of is in the draft, so the reference holds
    assert "ru" in {a.id for a in ds.actors}


def test_ministry_of_a_brief_is_no_person_and_the_ministry_points_back_to_it() -> None:
    ds = run("China's Ministry of Commerce said on Tuesday that it had put five Norland "
             "firms on its unreliable entity list. The firms are barred from trading with "
             "China, the ministry warned.")
    ids = [a.id for a in ds.actors]
    assert "commerce" not in ids and not any(a.kind == "person" for a in ds.actors)
    assert {sp for st in ds.statements for sp in st.speakers} == {"cn-ministry-of-commerce"}
    assert actor(ds, "cn-ministry-of-commerce")[0] == "Chinese Ministry of Commerce"


def test_the_last_words_of_a_ministry_name_are_not_a_person() -> None:
    ds = run("Japan lifted its export curbs on Norland on Friday. Trust has been restored, "
             "the Ministry of Trade, Industry and Energy said.")
    assert all(a.kind != "person" for a in ds.actors)  # was a person "Energy"
    assert speakers(ds) == [(["jp-ministry-of-trade-industry-and-energy"], "other")]
    assert actor(ds, "jp-ministry-of-trade-industry-and-energy")[0] == (
        "Japanese Ministry of Trade, Industry and Energy")


def test_an_unnamed_office_holder_is_a_position_and_a_named_one_a_person() -> None:
    ds = run("Should troops cross the border, the United States will impose severe costs "
             "on Norland, the national security adviser warned.")
    assert speakers(ds) == [(["us-national-security-adviser"], "warns")]
    a = next(a for a in ds.actors if a.id == "us-national-security-adviser")
    assert (a.name, a.position, a.part_of) == (
        "US National Security Adviser", "National Security Adviser", "us")
    ds = run("Norland's foreign minister Ivo Marek condemned the sanctions imposed by Russia.")
    assert [sp for sp, _ in speakers(ds)] == [["ivo-marek"]]


def test_a_state_named_alone_stays_the_state() -> None:
    ds = run("Moscow condemned the sanctions imposed by Norland on Monday.")
    assert speakers(ds) == [(["ru"], "condemns")]


def test_an_announcement_and_its_ministry_are_one_side() -> None:
    # "Moscow said it had barred ..." tells its own measure (the event, no statement); "The
    # ministry called the move ..." is the ministry's statement; the people barred are no
    # wrong the speaker names
    ds = run("On Friday, Moscow said it had barred 40 Norland citizens, among them several "
             "lawmakers and journalists, from entering Russia. The ministry called the move "
             "a response to Norland's \"hostile course\".")
    assert speakers(ds) == [(["ru-foreign-ministry"], "condemns")]
    assert [(s.imposers, str(s.status)) for s in ds.sanctions] == [(["ru"], "imposed")]


def test_a_named_person_with_a_post_speaks_not_the_place_of_the_post() -> None:
    # the post's place between title and name, a person "of" a state, a perfect tense
    # after an apposition: each gave the state or the body before
    ds = run("The embassy is studying the information, US Ambassador to Norland Jon Sul told "
             "reporters.")
    assert [sp for sp, _ in speakers(ds)] == [["jon-sul"]]
    ds = run("No member is immune, ECOWAS chairman President Nana Akufo-Addo of Ghana said.")
    assert [sp for sp, _ in speakers(ds)] == [["nana-akufo-addo"]]
    assert next(a.name for a in ds.actors if a.id == "nana-akufo-addo") == "Nana Akufo-Addo"
    ds = run("Ivo Marek Tal, chair of the African Union Commission, had already condemned "
             "the coup.")
    assert speakers(ds) == [(["ivo-marek-tal"], "condemns")]


def test_the_words_the_source_uses_for_an_office_are_an_alias() -> None:
    ds = run("The United States imposed sanctions on Iran's oil exports. Iran's foreign "
             "minister called the measures economic terrorism on Wednesday.")
    a = next(a for a in ds.actors if a.id == "ir-foreign-minister")
    assert (a.name, a.aliases) == ("Iranian Foreign Minister", ["Iran's foreign minister"])
