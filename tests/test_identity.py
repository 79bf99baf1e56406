"""One actor across lists: identity fields, the merge rules (judgements, strong identifiers,
name with evidence, conflicts), possible duplicates, judgements files, and why each merge
happened (``merged_from``, ``kg query merges``)."""

import json
import subprocess
import sys

import pytest
from pydantic import ValidationError

from kg.errors import ValidationFailed
from kg.merge import merge
from kg.model.identity import Judgement
from kg.model.records import Actor, Dataset
from kg.readwrite.judgements import load_judgements


def person(aid, name="Salim Nasser", **kw):
    return Actor(id=aid, name=name, kind="person", **kw)


def run(*datasets, judgements=()):
    return merge([Dataset(actors=list(d)) for d in datasets],
                 judgements=[Judgement(**j) for j in judgements])


def kg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


# --- the model -------------------------------------------------------------------------


def test_birth_dates_take_partial_dates_and_nationalities_iso_codes():
    a = person("p", birth_dates=["1965", "1965-03", "1965-03-02"], nationalities=["ye"])
    assert a.birth_dates == ["1965", "1965-03", "1965-03-02"]
    with pytest.raises(ValidationError, match="not a date"):
        person("p", birth_dates=["11/02/1965"])
    with pytest.raises(ValidationError, match="pattern"):
        person("p", nationalities=["Yemen"])


# --- the rules -------------------------------------------------------------------------


def test_same_name_and_country_with_different_birth_years_stay_two_and_are_reported():
    r = run([person("un-qdi-911", country="ye", nationalities=["ye"], birth_dates=["1965-02-11"],
                    identifiers={"un_reference": "QDi.911"}),
             person("un-qdi-912", country="ye", nationalities=["ye"], birth_dates=["1988-09-30"],
                    identifiers={"un_reference": "QDi.912"})])
    assert [a.id for a in r.dataset.actors] == ["un-qdi-911", "un-qdi-912"] and r.merges == []
    [d] = r.possible_duplicates
    assert d.to_dict() == {
        "ids": ["un-qdi-911", "un-qdi-912"], "name": "Salim Nasser",
        "why": "un-qdi-911 / un-qdi-912: birth dates differ (1965-02-11 / 1988-09-30); "
               "un_reference differs (QDi.911 / QDi.912)"}


def test_a_year_and_a_day_in_it_do_not_conflict_and_merge_on_name_with_birth_date():
    r = run([person("ofac-1", name="NASSER, Salim", birth_dates=["1965"])],
            [person("un-1", birth_dates=["1965-03-02"], aliases=["S. Nasser"])])
    [a] = r.dataset.actors
    assert a.id == "ofac-1" and a.birth_dates == ["1965", "1965-03-02"]
    assert a.aliases == ["Salim Nasser", "S. Nasser"]
    assert [(m.id, m.rule) for m in a.merged_from] == [("un-1", "name+birth date")]
    assert r.possible_duplicates == []


def test_name_alone_is_a_possible_duplicate_not_a_merge():
    r = run([person("a", country="ye")], [person("b", country="ye")])
    assert len(r.dataset.actors) == 2 and r.merges == []
    assert [d.why for d in r.possible_duplicates] == [
        "a / b: only the name matches (no date of birth on both to compare)"]


def test_a_strong_identifier_merges_across_lists_whatever_the_names():
    un = Actor(id="un-qde-950", name="FICTUS TRADING COMPANY", kind="organization",
               identifiers={"un_reference": "QDe.950"})
    uk = Actor(id="uk-90002", name="FICTUS TRADING LLC", kind="organization",
               identifiers={"un_reference": "QDe.950", "uk_group_id": "90002"})
    r = run([un], [uk])
    [a] = r.dataset.actors
    assert a.id == "un-qde-950" and a.aliases == ["FICTUS TRADING LLC"]
    assert a.identifiers == {"un_reference": "QDe.950", "uk_group_id": "90002"}
    assert [str(m) for m in r.merges] == [
        "actor un-qde-950 <- uk-90002 (identifier un_reference QDe.950)"]


@pytest.mark.parametrize("scheme, left, right", [
    ("imo", "IMO 9123456", "9123456"), ("passport", "A 123-45", "a12345"),
    ("national_id", "55.66", "5566")])
def test_identifiers_match_as_written_differently(scheme, left, right):
    r = run([Actor(id="x", name="One", kind="vessel", identifiers={scheme: left})],
            [Actor(id="y", name="Two", kind="vessel", identifiers={scheme: right})])
    assert [a.id for a in r.dataset.actors] == ["x"]
    assert r.merges[0].rule == f"identifier {scheme} {left}"


def test_conflicts_block_even_a_shared_identifier_and_are_reported():
    base = {"identifiers": {"un_reference": "QDi.1"}}
    r = run([person("a", birth_dates=["1965"], **base)],
            [person("b", name="Other Name", birth_dates=["1988"], **base)])
    assert len(r.dataset.actors) == 2
    assert [d.why for d in r.possible_duplicates] == [
        "a / b: share un_reference QDi.1 but birth dates differ (1965 / 1988)"]
    r = run([person("a", nationalities=["ye"], **base)], [person("b", nationalities=["so"], **base)])
    assert len(r.dataset.actors) == 2 and "nationalities differ (ye / so)" in \
        r.possible_duplicates[0].why
    r = run([person("a", birth_dates=["1965"], identifiers={"passport": "A1"})],
            [person("b", birth_dates=["1965"], identifiers={"passport": "B2"})])
    assert len(r.dataset.actors) == 2 and "passport differs (A1 / B2)" in \
        r.possible_duplicates[0].why


def test_one_record_matching_two_that_differ_merges_neither():
    r = run([person("un-1", birth_dates=["1945-01-01"], identifiers={"un_reference": "SOi.1"}),
             person("un-2", birth_dates=["1945-01-01"], identifiers={"un_reference": "QDi.2"})],
            [person("ofac-1", birth_dates=["1945"])])
    assert len(r.dataset.actors) == 3 and r.merges == []
    assert r.possible_duplicates[0].why == ("un-1 / un-2: un_reference differs (SOi.1 / "
                                            "QDi.2); ofac-1: the same name as records "
                                            "that cannot be one")


def test_a_conflict_is_checked_against_the_whole_group():
    # b shares a's passport and is merged into a (born 1970).
    r = run([person("a", identifiers={"passport": "P1"}, birth_dates=["1970"])],
            [person("b", name="Another", identifiers={"passport": "P1"})],
            [person("c", name="Another", birth_dates=["1980"])])
    # c has b's name and no conflict with b alone, but the group a+b was born in 1970.
    assert sorted(a.id for a in r.dataset.actors) == ["a", "c"]
    assert r.possible_duplicates[0].why == "a / c: birth dates differ (1970 / 1980)"


def test_organisations_merge_on_name_and_country_vessels_never_on_names():
    r = run([Actor(id="o1", name="Acme Ltd", kind="organization", country="ru"),
             Actor(id="v1", name="Ocean Star", kind="vessel", country="pa")],
            [Actor(id="o2", name="ACME LTD", kind="organization", country="ru"),
             Actor(id="v2", name="OCEAN STAR", kind="vessel", country="pa")])
    assert sorted(a.id for a in r.dataset.actors) == ["o1", "v1", "v2"]
    assert [str(m) for m in r.merges] == ["actor o1 <- o2 (name+country+kind)"]


# --- judgements -------------------------------------------------------------------------


def test_same_false_blocks_a_strong_identifier_and_same_true_merges_a_conflict():
    ids = {"identifiers": {"imo": "9123456"}}
    r = run([person("a", **ids)], [person("b", **ids)],
            judgements=[{"ids": ["a", "b"], "same": False}])
    assert len(r.dataset.actors) == 2 and r.possible_duplicates == []
    r = run([person("a", birth_dates=["1965"])], [person("b", name="X", birth_dates=["1988"])],
            judgements=[{"ids": ["b", "a"], "same": True}])
    [a] = r.dataset.actors
    assert a.id == "a" and [(m.id, m.rule) for m in a.merged_from] == [("b", "judgement")]
    assert a.birth_dates == ["1965", "1988"]


def test_judgements_name_ids_folded_by_an_earlier_merge_and_contradictions_are_noted():
    merged = person("a", merged_from=[{"id": "ofac-7", "rule": "identifier ofac_uid 7"}])
    r = run([merged], [person("b")], judgements=[{"ids": ["ofac-7", "b"], "same": True}])
    [a] = r.dataset.actors
    assert [m.id for m in a.merged_from] == ["ofac-7", "b"]
    r = run([person("a")], [person("b")],
            judgements=[{"ids": ["a", "b"], "same": True}, {"ids": ["b", "a"], "same": False}])
    assert len(r.dataset.actors) == 2
    assert r.notes == ["judgement same: true on a, b not applied: another judgement says they "
                       "differ"]
    r = run([person("a")], judgements=[{"ids": ["a", "gone"], "same": False}])
    assert r.notes == ["judgement on a, gone: gone not in the data (left out)"]


def test_judgements_file_yaml_json_and_readable_errors(tmp_path):
    y = tmp_path / "j.yaml"
    y.write_text("judgements:\n  - ids: [a, b]\n    same: false\n    note: two people\n",
                 encoding="utf-8")
    [j] = load_judgements(y)
    assert (j.ids, j.same, j.note) == (["a", "b"], False, "two people")
    js = tmp_path / "j.json"
    js.write_text(json.dumps([{"ids": ["a", "b"], "same": True}]), encoding="utf-8")
    assert [j.same for j in load_judgements(js)] == [True]
    bad = tmp_path / "bad.yaml"
    bad.write_text("- ids: [a, b]\n  same: true\n- ids: [a]\n  same: perhaps\n- {ids: [a, b]}\n",
                   encoding="utf-8")
    with pytest.raises(ValidationFailed) as exc:
        load_judgements(bad)
    assert [str(p) for p in exc.value.problems] == [
        f"{bad}:3 [judgement #2] [ids]: List should have at least 2 items after validation, "
        "not 1",
        f"{bad}:4 [judgement #2] [same]: Input should be a valid boolean, unable to interpret "
        "input",
        f"{bad}:5 [judgement #3] [same]: required field is missing"]
    notalist = tmp_path / "n.json"
    notalist.write_text('{"ids": ["a", "b"]}', encoding="utf-8")
    with pytest.raises(ValidationFailed, match="1 problem"):
        load_judgements(notalist)


# --- end to end: UN + UK, and the command line --------------------------------------------

UN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2024-05-01T00:00:00.000Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID><FIRST_NAME>SALIM</FIRST_NAME><SECOND_NAME>NASSER</SECOND_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.911</REFERENCE_NUMBER>
      <LISTED_ON>2010-03-01</LISTED_ON><NATIONALITY><VALUE>Yemen</VALUE></NATIONALITY>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1965-02-11</DATE>
      </INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>A 100</NUMBER>
      </INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
    <INDIVIDUAL>
      <DATAID>2</DATAID><FIRST_NAME>SALIM</FIRST_NAME><SECOND_NAME>NASSER</SECOND_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.912</REFERENCE_NUMBER>
      <LISTED_ON>2015-07-20</LISTED_ON><NATIONALITY><VALUE>Yemen</VALUE></NATIONALITY>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1987</FROM_YEAR>
        <TO_YEAR>1988</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>sometime</DATE>
      </INDIVIDUAL_DATE_OF_BIRTH>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>3</DATAID><FIRST_NAME>FICTUS TRADING COMPANY</FIRST_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDe.950</REFERENCE_NUMBER>
      <LISTED_ON>2010-01-05</LISTED_ON>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""

UK_HEADER = ("Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,DOB,"
             "Town of Birth,Country of Birth,Nationality,Passport Number,"
             "National Identification Number,Position,Address 1,Address 2,Address 3,"
             "Address 4,Address 5,Address 6,Post/Zip Code,Country,Other Information,"
             "Group Type,Alias Type,Alias Quality,Regime,Listed On,"
             "UK Sanctions List Date Designated,Last Updated,Group ID")
UK_CSV = "\n".join([
    "Last Updated,21/04/2023", UK_HEADER,
    "FICTUS TRADING LLC,,,,,,,,,,,,,,,,,,,,,,Syria,(UN Ref):QDe.950,Entity,Primary name,,"
    "ISIL (Da'esh) and Al-Qaida,01/02/2010,,01/02/2010,90002",
    "NASSER,Salim,,,,,,,00/00/1988,,,Yemen,,,,,,,,,,,,,Individual,Primary name,,"
    "ISIL (Da'esh) and Al-Qaida,01/02/2016,,01/02/2016,90003",
    "NASSER,Salim,,,,,,,00/00/1989,,,Atlantis,,,,,,,,,,,,,Individual,Primary name,,"
    "ISIL (Da'esh) and Al-Qaida,01/02/2016,,01/02/2016,90004",
    ""])


@pytest.fixture
def lists(tmp_path):
    (tmp_path / "consolidated.xml").write_text(UN_XML, encoding="utf-8")
    (tmp_path / "ConList.csv").write_text(UK_CSV, encoding="utf-8")
    return tmp_path


def test_importers_read_birth_dates_nationalities_documents_and_report_the_rest(lists):
    from kg.ingest import import_dataset

    un, report = import_dataset("un", [lists / "consolidated.xml"])
    a, b = un.actor("un-qdi-911"), un.actor("un-qdi-912")
    assert (a.birth_dates, a.nationalities, a.identifiers["passport"]) == (
        ["1965-02-11"], ["ye"], "A 100")
    assert b.birth_dates == ["1987", "1988"]
    assert [(str(p.record), p.field, p.message) for p in report.changed] == [
        ("un-qdi-912", "INDIVIDUAL_DATE_OF_BIRTH",
         "date of birth 'sometime' is not a date: left out")]
    uk, report = import_dataset("uk", [lists / "ConList.csv"])
    assert uk.actor("uk-90003").birth_dates == ["1988"]
    assert uk.actor("uk-90003").nationalities == ["ye"]
    assert uk.actor("uk-90004").nationalities == []
    assert [(p.record, p.field, p.message) for p in report.changed] == [
        ("uk-90004", "Nationality", "nationality 'Atlantis' is not a country we know: left out")]


def test_ofac_remarks_and_ftm_properties_become_identity(tmp_path):
    from kg.ingest import import_dataset

    (tmp_path / "sdn.csv").write_text(
        '7301,"OSTAAN, Hadir","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
        '"DOB 02 Jan 1945; alt. DOB 1946; nationality Somalia; Passport P-55 (Somalia); '
        'National ID No. 778 (Somalia); DOB 16-07-68."\n', encoding="utf-8")
    ds, report = import_dataset("ofac", [tmp_path / "sdn.csv"])
    a = ds.actor("ofac-7301")
    assert (a.birth_dates, a.nationalities) == (["1945-01-02", "1946"], ["so"])
    assert a.identifiers == {"ofac_uid": "7301", "passport": "P-55", "national_id": "778"}
    assert [p.message for p in report.changed] == [
        "date of birth '16-07-68' has a two-digit year (the century is unknown): left out"]
    (tmp_path / "e.ftm.json").write_text(json.dumps({
        "id": "p1", "schema": "Person", "properties": {
            "name": ["Hadir Ostaan"], "birthDate": ["1945-01", "n/a"], "nationality": ["so"],
            "passportNumber": ["P-55"], "idNumber": ["778"], "wikidataId": ["Q42"]}}) + "\n",
        encoding="utf-8")
    ds, report = import_dataset("ftm", [tmp_path / "e.ftm.json"])
    a = ds.actors[-1]
    assert (a.birth_dates, a.nationalities, a.wikidata_id) == (["1945-01"], ["so"], "Q42")
    assert a.identifiers == {"opensanctions": "p1", "passport": "P-55", "national_id": "778"}
    assert [(p.field, p.message) for p in report.changed] == [
        ("birthDate", "date of birth 'n/a' is not a date: left out")]


def test_un_and_uk_merge_into_one_node_sanctioned_by_both(lists, tmp_path):
    from kg.graph.build import build
    from kg.readwrite.load import load

    r = kg("import", "un", lists / "consolidated.xml", "-o", tmp_path / "un.jsonl")
    assert r.returncode == 0 and "'sometime' is not a date: left out" in r.stderr
    r = kg("import", "uk", lists / "ConList.csv", "-o", tmp_path / "uk.jsonl")
    assert r.returncode == 0 and "'Atlantis' is not a country we know" in r.stderr
    r = kg("merge", tmp_path / "un.jsonl", tmp_path / "uk.jsonl", "-o", tmp_path / "all.jsonl",
           "--format", "json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    # The UK's Salim Nasser born 1988 in Yemen is the UN's born 1987-1988 (name and birth
    # date); the 1965 one and the UK's 1989 one conflict with both: possible duplicates.
    assert report["merges"] == [
        {"kind": "actor", "into": "un-qdi-912", "merged": ["uk-90003"],
         "rule": "name+birth date", "conflicts": []},
        {"kind": "actor", "into": "un-qde-950", "merged": ["uk-90002"],
         "rule": "identifier un_reference QDe.950", "conflicts": []}]
    [dupes] = report["possible_duplicates"]
    assert dupes["ids"] == ["un-qdi-911", "un-qdi-912", "uk-90004"]
    assert dupes["why"].startswith("un-qdi-911 / un-qdi-912: birth dates differ (1965-02-11 / "
                                   "1987, 1988); un_reference differs")
    ds = load(tmp_path / "all.jsonl")
    G = build(ds)
    imposers = sorted(imp for s in ds.sanctions if "un-qde-950" in s.targets
                      for imp in s.imposers)
    assert imposers == ["gb", "unsc"] and "actor:uk-90002" not in G
    r = kg("query", "merges", "-d", tmp_path / "all.jsonl", "--format", "json")
    assert json.loads(r.stdout) == report["merges"]
    # Decisions as data: the 1988 entries are two people; the UK's 1989 one is the 1965 one.
    (tmp_path / "j.yaml").write_text("- {ids: [uk-90003, un-qdi-912], same: false}\n"
                                     "- {ids: [uk-90004, un-qdi-911], same: true}\n",
                                     encoding="utf-8")
    r = kg("merge", tmp_path / "un.jsonl", tmp_path / "uk.jsonl", "-o", tmp_path / "j.jsonl",
           "--judgements", tmp_path / "j.yaml")
    assert "merged actor un-qdi-911 <- uk-90004 (judgement)" in r.stderr
    assert "un-qdi-912 <- uk-90003" not in r.stderr
    r = kg("query", "merges", "-d", tmp_path / "j.jsonl")
    assert [line.split() for line in r.stdout.split("\n")[2:4]] == [
        ["actor", "un-qdi-911", "uk-90004", "judgement"],
        ["actor", "un-qde-950", "uk-90002", "identifier", "un_reference", "QDe.950"]]


def test_bad_judgements_file_exits_1_with_file_record_and_field(tmp_path):
    (tmp_path / "j.yaml").write_text("- {ids: [a, b], same: 3}\n", encoding="utf-8")
    (tmp_path / "d.yaml").write_text("actors: []\n", encoding="utf-8")
    r = kg("merge", tmp_path / "d.yaml", "-o", tmp_path / "o.jsonl",
           "--judgements", tmp_path / "j.yaml")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"{tmp_path / 'j.yaml'}:1 [judgement #1] [same]" in r.stderr
    assert not (tmp_path / "o.jsonl").exists()
