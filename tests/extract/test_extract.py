"""The extractor on the cases of issue 6: each with the values it must produce."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import NOT_AN_EVENT, Problem, SourceFormatError, UsageError
from kg.extract import extract_file, extract_text
from kg.extract.context import skip_entry
from kg.model.records import Actor, Dataset
from kg.readwrite.load import load
from kg.readwrite.write import write_dataset

SEED_LIKE = (
    "BEIJING: Russia and China have called for a United Nations Security Council summit.\n"
    "The joint statement came after the United States, European Union, United Kingdom and "
    "Canada imposed sanctions on a handful of Chinese officials on Monday for alleged human "
    "rights abuses against the Uighur population in Xinjiang.\n"
    "US Secretary of State Antony Blinken said in a statement that the united response "
    "“sends a strong signal to those who violate human rights,” as he warned of further "
    "actions. China responded by imposing sanctions on 10 European individuals and four "
    "institutions that it said had “maliciously spread lies and disinformation”.\n"
    "Russia too is braced for a new round of US sanctions over what Washington says was its "
    "meddling in the 2020 US presidential election, which Moscow denies.\n"
    "“Interference in internal affairs is unacceptable,” said the statement. Wang sharply "
    "criticised the moves. “Countries should oppose unilateral sanctions,” he said. Lavrov "
    "was cited by the TASS news agency as telling reporters that the US was trying to "
    "destroy international legal architecture.")


def run(text: str, date: str = "2021-03-23") -> Dataset:
    return extract_text(text, date=date, source_id="t").dataset


def one(text: str, date: str = "2021-03-23") -> dict[str, object]:
    ds = run(text, date)
    assert len(ds.sanctions) == 1, ds.sanctions
    s = ds.sanctions[0]
    return {"imposers": s.imposers, "targets": s.targets, "status": str(s.status),
            "reasons": [str(r.category) for r in s.reasons], "date": s.date}


@pytest.fixture(scope="module")
def seed() -> Dataset:
    return run(SEED_LIKE)


def test_several_imposers_one_clause_and_demonym_group(seed: Dataset) -> None:
    s = seed.sanctions[0]
    assert s.imposers == ["us", "eu", "gb", "ca"]
    assert s.targets == ["cn-officials"] and str(s.status) == "imposed"
    assert s.date == "2021-03-22"  # "on Monday", published Tuesday 2021-03-23
    assert str(s.reasons[0].category) == "human_rights"
    assert s.reasons[0].detail == ("alleged human rights abuses against the Uighur population "
                                   "in Xinjiang")
    group = seed.actor("cn-officials")
    assert group is not None and group.country == "cn" and group.draft and group.count is None


def test_unnamed_targets_with_counts_and_retaliation_link(seed: Dataset) -> None:
    counter = seed.sanctions[1]
    assert counter.imposers == ["cn"]
    assert counter.targets == ["eu-individuals", "eu-institutions"]
    assert [(a.count, a.country, a.kind.value) for a in map(seed.actor, counter.targets)
            if a] == [(10, "eu", "group"), (4, "eu", "group")]
    assert [str(r.category) for r in counter.reasons] == ["retaliation", "disinformation"]
    assert counter.in_response_to == [seed.sanctions[0].id]


def test_braced_for_is_expected_with_imposer_from_the_noun(seed: Dataset) -> None:
    s = seed.sanctions[2]
    assert (s.imposers, s.targets, str(s.status)) == (["us"], ["ru"], "expected")
    assert str(s.reasons[0].category) == "election_interference"
    assert s.date == "2021-03-23"  # not yet imposed: dated by the report


def test_exact_statement_list(seed: Dataset) -> None:
    got = [(st.speakers, str(st.stance)) for st in seed.statements]
    assert got[:6] == [
        (["ru", "cn"], "calls_for"), (["antony-blinken"], "supports"),
        (["antony-blinken"], "warns"), (["us"], "condemns"), (["ru"], "denies"),
        (["ru", "cn"], "condemns")]
    # Wang and Lavrov are only ever named by surname here: drafted under that name.
    assert got[6:] == [(["wang"], "condemns"), (["wang"], "calls_for"), (["lavrov"], "condemns")]


def test_reported_speech_names_the_person_not_the_agency() -> None:
    ds = run("Deputy Foreign Minister Sergei Ryabkov was cited by the RIA Novosti news agency "
             "as saying that Moscow would respond to any new sanctions.", "2022-03-04")
    assert [(st.speakers, str(st.stance)) for st in ds.statements] == [
        (["sergei-ryabkov"], "threatens")]
    person = ds.actor("sergei-ryabkov")
    assert person is not None and person.country == "ru" and person.draft
    assert person.position == "Deputy Foreign Minister"


def test_joint_statement_then_said_the_statement_is_one_statement() -> None:
    ds = run("Russia and China issued a joint statement on Tuesday condemning unilateral "
             "sanctions. \"Such measures undermine the international order,\" said the "
             "statement.", "2021-03-24")
    assert len(ds.statements) == 1
    st = ds.statements[0]
    assert st.speakers == ["ru", "cn"] and str(st.stance) == "condemns"
    assert len(st.sources) == 2 and st.date == "2021-03-23"


def test_he_said_resolves_to_the_last_named_speaker() -> None:
    ds = run("Foreign Minister Sergei Lavrov condemned the new round of Western sanctions on "
             "Wednesday. The measures will only hurt European consumers, he said.", "2022-04-07")
    assert [(st.speakers, str(st.stance)) for st in ds.statements] == [
        (["sergei-lavrov"], "condemns"), (["sergei-lavrov"], "warns")]


@pytest.mark.parametrize(("text", "date", "want"), [
    ("President Joe Biden threatened Russia with severe sanctions on Wednesday if its troops "
     "cross into Ukraine.", "2022-01-20",
     {"imposers": ["us"], "targets": ["ru"], "status": "threatened",
      "reasons": ["armed_conflict"], "date": "2022-01-19"}),
    ("The European Union is expected to adopt sanctions against Russian lawmakers this week "
     "over Moscow's recognition of separatist regions.", "2022-02-21",
     {"imposers": ["eu"], "targets": ["ru-lawmakers"], "status": "expected",
      "reasons": ["armed_conflict"], "date": "2022-02-21"}),
    ("EU governments on Thursday renewed economic sanctions on Russia for another six months.",
     "2023-07-21", {"imposers": ["eu"], "targets": ["ru"], "status": "extended", "reasons": [],
                    "date": "2023-07-20"}),
    ("Brussels eased restrictive measures against Zimbabwe on Thursday but kept an arms "
     "embargo in place.", "2020-01-24",
     {"imposers": ["eu"], "targets": ["zw"], "status": "eased", "reasons": [],
      "date": "2020-01-23"}),
    ("The European Union and the United States lifted nuclear-related sanctions on Iran on "
     "Saturday.", "2016-01-18",
     {"imposers": ["eu", "us"], "targets": ["ir"], "status": "lifted",
      "reasons": ["nuclear_proliferation"], "date": "2016-01-16"}),
    ("Canada sanctioned two Russian officials last week because of the poisoning of an "
     "opposition leader.", "2020-12-16",
     {"imposers": ["ca"], "targets": ["ru-officials"], "status": "imposed",
      "reasons": ["human_rights"], "date": "2020-12"}),
    ("Lebanon's former foreign minister Gebran Bassil was sanctioned by the United States on "
     "Friday for corruption.", "2020-11-10",
     {"imposers": ["us"], "targets": ["gebran-bassil"], "status": "imposed",
      "reasons": ["corruption"], "date": "2020-11-06"}),
    ("Beijing announced counter-sanctions against three US lawmakers yesterday.", "2020-07-14",
     {"imposers": ["cn"], "targets": ["us-lawmakers"], "status": "imposed",
      "reasons": ["retaliation"], "date": "2020-07-13"}),
])
def test_statuses_reasons_and_dates(text: str, date: str, want: dict[str, object]) -> None:
    assert one(text, date) == want


@pytest.mark.parametrize(("text", "why"), [
    ("Britain did not impose sanctions on Saudi officials over the killing.",
     ["negated by 'not'"]),
    ("Germany ruled out sanctions on Russian gas on Monday.", []),  # no trigger verb at all
    ("Germany ruled out imposing sanctions on Russian gas.", ["negated by 'ruled out'"]),
    ("India refused to impose sanctions on Russia and abstained.",
     ["negated by 'refused to'"]),
    ("Ukraine urged the European Union on Wednesday to impose an embargo on Russian oil.",
     ["a call on others ('urged')"]),
])
def test_negation_and_calls_produce_no_sanction(text: str, why: list[str]) -> None:
    r = extract_text(text, date="2022-06-28", source_id="t")
    assert r.dataset.sanctions == []
    assert [s.message for s in r.skipped] == why


def test_negated_trigger_is_explained() -> None:
    r = extract_text("Britain did not impose sanctions on Saudi officials.", date="2020-09-15")
    assert r.skipped == [Problem("negated by 'not'", record="sentence 0", kind=NOT_AN_EVENT,
                                 words="Britain did not impose sanctions")]
    assert [skip_entry(p) for p in r.skipped] == [
        {"sentence": 0, "words": "Britain did not impose sanctions", "why": "negated by 'not'"}]


def test_retaliation_answering_an_event_mentioned_after_it() -> None:
    ds = run("Beijing announced counter-sanctions against three US lawmakers on Monday after "
             "Washington penalised Chinese officials over Xinjiang.", "2020-07-14")
    assert [(s.imposers, s.targets) for s in ds.sanctions] == [
        (["cn"], ["us-lawmakers"]), (["us"], ["cn-officials"])]
    assert ds.sanctions[0].in_response_to == [ds.sanctions[1].id]
    assert ds.sanctions[1].in_response_to == []


def test_citations_quote_the_sentence_with_offsets(seed: Dataset) -> None:
    r = extract_text(SEED_LIKE, date="2021-03-23", source_id="t")
    records = [*r.dataset.sanctions, *r.dataset.statements]
    assert records
    for rec in records:
        for c in rec.sources:
            assert c.source == "t" and c.quote and c.start is not None and c.end is not None
            assert r.text[c.start:c.end] == c.quote
        assert rec.confidence is not None and 0 < rec.confidence <= 1
    first = r.dataset.sanctions[0].sources[0].quote
    assert first is not None and first.startswith("The joint statement came after")


def test_offsets_point_into_text_extracted_from_html() -> None:
    html = ("<html><head><title>Sanctions</title><script>x = 'imposed sanctions on Mars'"
            "</script></head><body><p>Japan imposed sanctions on Russia on Monday.</p>"
            "</body></html>")
    r = extract_text(html, date="2022-03-01")
    s = r.dataset.sanctions[0]
    assert (s.imposers, s.targets, s.date) == (["jp"], ["ru"], "2022-02-28")
    c = s.sources[0]
    assert r.text[c.start:c.end] == c.quote == "Japan imposed sanctions on Russia on Monday."  # type: ignore[misc]
    assert r.dataset.sources[0].title == "Sanctions" and r.dataset.sources[0].id == "sanctions"


def test_dataset_is_valid_and_round_trips(tmp_path: Path, seed: Dataset) -> None:
    out = tmp_path / "draft.yaml"
    write_dataset(seed, out)
    again = load([out])
    assert again.model_dump() == seed.model_dump()
    assert {a.id: a.draft for a in again.actors}["us"] is False
    assert all(a.draft for a in again.actors if a.kind.value in ("person", "group"))


def test_deterministic() -> None:
    a = extract_text(SEED_LIKE, date="2021-03-23", url="https://example.org/news/1")
    b = extract_text(SEED_LIKE, date="2021-03-23", url="https://example.org/news/1")
    assert a.dataset.model_dump() == b.dataset.model_dump()
    assert a.explain == b.explain
    assert a.dataset.sources[0].id == "example-org-news-1"


def test_explain_names_the_words_behind_each_field(seed: Dataset) -> None:
    r = extract_text(SEED_LIKE, date="2021-03-23", source_id="t")
    ex = r.explain["t-sanction-2"]
    assert ex["trigger"] == {"words": "imposing sanctions", "status": "imposed"}
    assert ex["reasons"][0] == {"category": "retaliation", "words": "responded by"}
    assert [t["words"] for t in ex["targets"]] == ["10 European individuals", "four institutions"]
    assert ex["in_response_to"]["id"] == "t-sanction-1"
    st = next(v for k, v in r.explain.items() if "statement" in k and v["verb"] == "cited")
    assert st["speakers"][0]["words"] == "Lavrov"


def test_known_actors_are_reused_by_name() -> None:
    known = [Actor(id="blinken", name="Antony Blinken", kind="person", country="us"),
             Actor(id="us", name="United States", kind="state", country="us")]
    r = extract_text("US Secretary of State Antony Blinken warned China on Monday.",
                     date="2021-03-23", known=known)
    assert r.dataset.statements[0].speakers == ["blinken"]
    assert r.dataset.actor("blinken") is not None and not r.dataset.actor("blinken").draft  # type: ignore[union-attr]


def test_a_known_ministry_is_reused_whatever_its_wording() -> None:
    # with -d examples, "Russia's Foreign Ministry" is the bundled ru-mfa ("Russian foreign
    # ministry"), and "the Chinese foreign ministry" the bundled cn-mfa ("Chinese Ministry of
    # Foreign Affairs"), not new drafts beside them
    known = [Actor(id="ru", name="Russia", kind="state", country="ru"),
             Actor(id="ru-mfa", name="Russian foreign ministry", kind="government_body",
                   country="ru", part_of="ru"),
             Actor(id="cn", name="China", kind="state", country="cn"),
             Actor(id="cn-mfa", name="Chinese Ministry of Foreign Affairs",
                   kind="government_body", country="cn")]
    for text, want in (("Russia's Foreign Ministry condemned the sanctions.", "ru-mfa"),
                       ("The Russian foreign ministry condemned the sanctions.", "ru-mfa"),
                       ("The Chinese foreign ministry condemned the sanctions.", "cn-mfa")):
        r = extract_text(text, date="2021-03-23", known=known)
        assert [s.speakers for s in r.dataset.statements] == [[want]], text
        assert not any(a.id.endswith("foreign-ministry") for a in r.dataset.actors)
    # another ministry of that state is still drafted
    r = extract_text("Russia's Defence Ministry condemned the sanctions.", date="2021-03-23",
                     known=known)
    assert [s.speakers for s in r.dataset.statements] == [["ru-ministry-of-defence"]]


def test_bad_date_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="2021-02-30"):
        extract_text("x", date="2021-02-30")
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x7fELF\x00\x00\x01")
    with pytest.raises(SourceFormatError, match="binary"):
        extract_file(binary, date="2021-03-23")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Sanctions on Caf\xe9".encode("latin-1"))
    with pytest.raises(SourceFormatError, match="not UTF-8"):
        extract_file(latin, date="2021-03-23")
    with pytest.raises(SourceFormatError, match="cannot read"):
        extract_file(tmp_path / "missing.txt", date="2021-03-23")


def test_a_modal_before_a_coordinated_verb_does_not_make_a_threat() -> None:
    from kg.extract import extract_text

    r = extract_text("Tehran said it would respond and announced sanctions on eight EU "
                     "lawmakers in retaliation.", date="2022-10-18")
    [s] = r.dataset.sanctions
    assert (s.status, s.imposers) == ("imposed", ["ir"])
    r = extract_text("Tehran said it would announce sanctions on EU lawmakers.",
                     date="2022-10-18")
    assert [s.status for s in r.dataset.sanctions] == ["threatened"]


def test_an_unnamed_official_speaks_for_the_state_about_its_own_sanctions() -> None:
    from kg.extract import extract_text

    r = extract_text("The EU imposed sanctions on eight Iranian officials over the crackdown. "
                     "Japan lifted sanctions on North Korean shipping companies. "
                     '"These sanctions are illegal," said the Iranian foreign minister.',
                     date="2022-10-18")
    [st] = r.dataset.statements
    eu = next(s.id for s in r.dataset.sanctions if s.imposers == ["eu"])
    assert (st.speakers, st.about_sanctions) == (["ir-foreign-minister"], [eu])
    # the office holder the text does not name is an actor of its own, part of the state
    minister = next(a for a in r.dataset.actors if a.id == "ir-foreign-minister")
    assert (minister.name, str(minister.kind), minister.part_of, minister.position) == (
        "Iranian Foreign Minister", "person", "ir", "Foreign Minister")


def test_a_group_noun_after_a_modifier_noun_keeps_every_word() -> None:
    from kg.extract import extract_text

    r = extract_text("Japan imposed sanctions on three North Korean shipping companies on "
                     "Monday.", date="2022-05-11")
    [s] = r.dataset.sanctions
    [group] = [a for a in r.dataset.actors if a.id in s.targets]
    assert (group.name, group.count, group.country) == (
        "Three North Korean shipping companies", 3, "kp")
    assert s.date == "2022-05-09"


def test_blocs_and_ministries_named_by_description() -> None:
    from kg.extract.bodies import LAST_BLOC, LAST_STATE, find_bodies

    got = [(b.text, b.code) for b in find_bodies(
        "The 27-member bloc, the 55-member body, the regional bloc and the ministry; "
        "Russia's foreign ministry and the Swiss Federal Council.")]
    assert got == [("The 27-member bloc", "eu"), ("the 55-member body", "au-union"),
                   ("the regional bloc", LAST_BLOC), ("the ministry", LAST_STATE),
                   ("the Swiss Federal Council", "ch")]
    r = extract_text("ECOWAS suspended Niger on Sunday. The regional bloc also froze the "
                     "assets of 12 officers. The ministry in Niamey said it was illegal.",
                     date="2023-07-31")
    assert [(s.imposers, s.targets) for s in r.dataset.sanctions] == [
        (["ecowas"], ["ne"]), (["ecowas"], ["officers"])]
    # "the ministry" is a state's (the last named: the bloc acted); "Niamey" is a place; with
    # no ministry named before, it is the foreign ministry, part of that state
    assert [(st.speakers, str(st.stance)) for st in r.dataset.statements] == [
        (["ne-foreign-ministry"], "condemns")]
    ministry = next(a for a in r.dataset.actors if a.id == "ne-foreign-ministry")
    assert (ministry.name, str(ministry.kind), ministry.part_of) == (
        "Nigerien Foreign Ministry", "government_body", "ne")


def test_agentless_passive_takes_the_state_that_reports_it() -> None:
    r = extract_text("Russia's Foreign Ministry said on Wednesday that 63 Japanese citizens "
                     "are barred from entering the country indefinitely.", date="2022-05-04")
    s = r.dataset.sanctions[0]
    assert (s.imposers, s.targets, str(s.status)) == (["ru"], ["jp-citizens"], "imposed")
    assert r.explain[s.id]["imposers"][0]["how"] == "country name"


def test_known_groups_are_reused_by_name_or_by_id_stem_and_count() -> None:
    # With -d, a group the known data already has is the same actor, not "by-officials-2":
    # by its name ("Belarusian officials"), or, when counted, by its id stem and count.
    known = [Actor(id="by", name="Belarus", kind="state", country="by"),
             Actor(id="by-officials", name="Belarusian officials", kind="group", country="by"),
             Actor(id="by-entities", name="Three companies of Belarus", kind="group",
                   country="by", count=3),
             Actor(id="by-individuals", name="Five Belarusians", kind="group",
                   country="by", count=5)]
    text = ("The European Union on Tuesday imposed sanctions on Belarusian officials. "
            "Canada froze the assets of three Belarusian entities and seven Belarusian "
            "individuals.")
    r = extract_text(text, date="2024-05-07", known=known)
    targets = [t for s in r.dataset.sanctions for t in s.targets]
    assert "by-officials" in targets and "by-entities" in targets
    assert not any(a.draft and a.kind == "group" and a.count in (None, 3)
                   for a in r.dataset.actors)
    # a count the known group does not have is a new group
    sevens = [a for a in r.dataset.actors if a.count == 7]
    assert len(sevens) == 1 and sevens[0].draft and sevens[0].id != "by-individuals"
    without = extract_text(text, date="2024-05-07")
    assert {"by-officials", "by-entities"} <= {a.id for a in without.dataset.actors if a.draft}


def test_a_group_of_an_unknown_name_is_one_target() -> None:
    # "three officials of Freedonia": the officials are sanctioned, named with what they
    # belong to; the unknown name is not a second target (nor an organisation drafted)
    r = extract_text("The European Union on Monday imposed asset freezes on three officials "
                     "of Freedonia over the crackdown on protesters, the bloc said.",
                     date="2026-11-30")
    (s,) = r.dataset.sanctions
    assert s.imposers == ["eu"] and len(s.targets) == 1
    group = r.dataset.actor(s.targets[0])
    assert group is not None and group.kind == "group" and group.count == 3
    assert group.name == "Three officials of Freedonia"
    assert not any(a.kind == "organization" for a in r.dataset.actors)
