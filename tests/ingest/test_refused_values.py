"""A value the model refuses by length or form, in every importer: an over-long name is cut
and reported by the one rule (:func:`kg.ingest.rows.fit_name`, the whole name kept as an
alias); an id of over 200 characters is shortened by one stable rule, the whole id kept as
an identifier and the change reported (:func:`kg.ingest.rows.fit_ids`); any other refused
value leaves the record out with a readable message naming file, line, record and field
(:func:`kg.ingest.rows.checked_in`). Never an internal error, never a silent cut. Each fixture is a one-entry file written
here, with invented names."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.ingest import write_import
from kg.ingest.common import MAX_NAME

NAME = "ZORVEK " + "Q" * (MAX_NAME + 50)
NEAR = "ZORVEK " + "Q" * 5000  # longer than the 4,000 characters some importers cut to

_OFAC_ROW = '{id},"{name}","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'

# kind, file name, template ({id}, {name}), the id as written, the actor id it gives, the
# field the name is reported under.
CASES = {
    "ofac-csv": ("ofac", "sdn.csv", _OFAC_ROW, "4711", "ofac-4711", "SDN_Name"),
    "ofac-xml": ("ofac", "sdn.xml", """<?xml version="1.0" standalone="yes"?>
<sdnList>
  <sdnEntry>
    <uid>{id}</uid>
    <lastName>{name}</lastName>
    <sdnType>Entity</sdnType>
    <programList><program>SDGT</program></programList>
  </sdnEntry>
</sdnList>
""", "4711", "ofac-4711", "lastName"),
    "un": ("un", "consolidated.xml", """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2024-05-01T00:00:00.000Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>{id}</DATAID>
      <FIRST_NAME>{name}</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <LISTED_ON>2016-11-30</LISTED_ON>
    </INDIVIDUAL>
  </INDIVIDUALS>
</CONSOLIDATED_LIST>
""", "4711", "un-dataid-4711", "FIRST_NAME"),
    "eu": ("eu", "xmlFullSanctionsList_1_1.xml", """<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-01-15T10:00:00.000+01:00">
  <sanctionEntity euReferenceNumber="EU.4711.01" logicalId="{id}" designationDate="2022-02-23">
    <regulation programme="RUS" numberTitle="2022/261" publicationDate="2022-02-23"/>
    <subjectType code="person"/>
    <nameAlias wholeName="{name}" nameLanguage="EN" strong="true"/>
  </sanctionEntity>
</export>
""", "4711", "eu-4711", "wholeName"),
    "uk-ofsi": ("uk", "ConList.csv", "Last Updated,21/04/2023\n"
                "Name 6,Group Type,Alias Type,Regime,Listed On,Group ID\n"
                '"{name}",Individual,Primary Name,Russia,15/03/2022,{id}\n',
                "4711", "uk-4711", "Name 6"),
    "uk-fcdo-xml": ("uk", "UK_Sanctions_List.xml", """<?xml version="1.0" encoding="utf-8"?>
<Designations>
  <DateGenerated>2024-05-09</DateGenerated>
  <Designation>
    <DateDesignated>15/03/2022</DateDesignated>
    <UniqueID>{id}</UniqueID>
    <Names><Name><Name6>{name}</Name6><NameType>Primary name</NameType></Name></Names>
    <RegimeName>Russia</RegimeName>
    <IndividualEntityShip>Individual</IndividualEntityShip>
  </Designation>
</Designations>
""", "RUS4711", "uk-rus4711", "Names/Name"),
    "uk-fcdo-csv": ("uk", "UK_Sanctions_List.csv", "Report Date: 09-May-2024\n"
                    "Unique ID,Name 6,Name type,Regime Name,Designation Type,Date Designated\n"
                    '{id},"{name}",Primary Name,Russia,Individual,15/03/2022\n',
                    "RUS4711", "uk-rus4711", "Names/Name"),
    "csl": ("csl", "consolidated.csv", "_id,source,entity_number,type,programs,name\n"
            '{id},Specially Designated Nationals (SDN) - Treasury Department,4711,Individual,'
            'SDGT,"{name}"\n', "b0b0cafe4711", "csl-b0b0cafe4711", "name"),
    "ftm": ("ftm", "entities.ftm.json",
            '{{"id": "{id}", "schema": "Person", "properties": {{"name": ["{name}"]}}}}\n'
            '{{"id": "zorvek-san", "schema": "Sanction", "properties": {{"entity": ["{id}"], '
            '"authority": ["Office of Foreign Assets Control"], "country": ["us"]}}}}\n',
            "zorvek-4711", "ftm-zorvek-4711", "name"),
    "ftm-simple": ("ftm", "targets.simple.csv",
                   "id,schema,name,aliases,birth_date,countries,addresses,identifiers,"
                   "sanctions,phones,emails,dataset,first_seen,last_seen,last_change\n"
                   '{id},Person,"{name}",,,,,,,,,Zorvek test list,,,\n',
                   "zorvek-4711", "ftm-zorvek-4711", "name"),
}


def _import(tmp_path: Path, case: str, ident: str, name: str) -> tuple[list[dict], object]:
    kind, file, template, _, _, _ = CASES[case]
    path = tmp_path / file
    path.write_text(template.format(id=ident, name=name), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    report = write_import(kind, [path], out)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()] \
        if out.exists() else []
    return lines, report


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_over_long_name_is_cut_and_reported(tmp_path: Path, case: str) -> None:
    _, file, _, ident, actor_id, field = CASES[case]
    lines, report = _import(tmp_path, case, ident, NAME)
    actor = next(x for x in lines if x["id"] == actor_id)
    assert actor["name"] == NAME[:MAX_NAME]
    assert NAME in actor["aliases"]
    # targets.simple.csv derives a listing only from a dataset it knows
    assert case == "ftm-simple" or any(x["type"] == "sanction" and actor_id in x["targets"]
                                       for x in lines)
    assert not report.skipped  # type: ignore[attr-defined]
    cut = [p for p in report.changed if "cut to" in p.message]  # type: ignore[attr-defined]
    assert [(Path(p.file).name, p.record, p.field, p.message) for p in cut] == [
        (file, actor_id if case not in ("ftm",) else f"entity {ident!r}", field,
         f"name of {len(NAME)} characters cut to {MAX_NAME} (the longest name a record "
         "holds); the whole name is kept as an alias")]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_name_the_model_takes_is_kept_whole(tmp_path: Path, case: str) -> None:
    """No importer cuts a name the model takes (some cut at 4,000 characters, silently)."""
    _, _, _, ident, actor_id, _ = CASES[case]
    lines, report = _import(tmp_path, case, ident, NEAR)
    assert next(x for x in lines if x["id"] == actor_id)["name"] == NEAR
    assert not [p for p in report.changed if "cut" in p.message]  # type: ignore[attr-defined]


#: The identifier scheme under which each importer keeps the list's own id whole.
KEPT = {"eu": "eu_logical_id", "ofac-csv": "ofac_uid", "ofac-xml": "ofac_uid",
        "uk-fcdo-csv": "uk_sanctions_list_ref", "uk-fcdo-xml": "uk_sanctions_list_ref",
        "uk-ofsi": "uk_group_id", "un": "un_dataid", "csl": "csl_id", "ftm": "opensanctions",
        "ftm-simple": "opensanctions"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_over_long_id_is_shortened_stably_kept_whole_and_reported(tmp_path: Path,
                                                                     case: str) -> None:
    """An id of over 200 characters (the model's limit), or one that a suffix makes so
    (``<id>-listing``): the entry was left out. Now it is imported under a shortened id
    (its first 180 characters and a hash of the whole: the same every run), the whole id
    is kept as the actor's identifier, every reference (the sanction's target) uses the
    short id, and the report names file, line, record and field."""
    _, file, _, ident, actor_id, _ = CASES[case]
    long_ident = ident + "7" * 200
    lines, report = _import(tmp_path, case, long_ident, "ZORVEK TRADING")
    assert not report.skipped  # type: ignore[attr-defined]
    [actor] = [x for x in lines if x["type"] == "actor" and "7777" in x["id"]]
    assert len(actor["id"]) <= 200 and actor["id"].startswith(actor_id.split("-")[0] + "-")
    assert long_ident in actor["identifiers"][KEPT[case]]
    ids = {x["id"] for x in lines}
    assert all(len(i) <= 200 for i in ids)
    on_it = [x for x in lines if x["type"] == "sanction" and actor["id"] in x["targets"]]
    assert case == "ftm-simple" or len(on_it) == 1  # (a listing only from a known dataset)
    changed = [p for p in report.changed if p.field is not None  # type: ignore[attr-defined]
               and "a record's id holds" in p.message]
    assert changed and all(Path(p.file).name == file and p.line is not None for p in changed)
    assert any(p.message.startswith(f"id of {len(actor_id) - len(ident) + len(long_ident)}")
               or f"shortened to {actor['id']!r}" in p.message for p in changed)
    assert all("the same in every run" in p.message for p in changed)
    again, _ = _import(tmp_path, case, long_ident, "ZORVEK TRADING")
    assert {x["id"] for x in again} == ids  # stable across runs


def test_ftm_over_long_sanction_and_link_ids_are_shortened_and_reported(
        tmp_path: Path) -> None:
    """Every FtM record with an over-long id (person, sanction, ownership) is imported,
    each reported once; the whole sanction id, which no identifier holds, is named in the
    report."""
    long = "zorvek-" + "9" * 250
    path = tmp_path / "entities.ftm.json"
    entities = [
        {"id": f"{long}-p", "schema": "Person", "properties": {"name": ["Ivan Zorvek"]}},
        {"id": "co-1", "schema": "Company", "properties": {"name": ["Zorvek Trading"]}},
        {"id": f"{long}-s", "schema": "Sanction", "properties": {
            "entity": [f"{long}-p"], "country": ["us"]}},
        {"id": f"{long}-o", "schema": "Ownership", "properties": {
            "owner": [f"{long}-p"], "asset": ["co-1"], "percentage": ["60"]}}]
    path.write_text("".join(json.dumps(e) + "\n" for e in entities), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    report = write_import("ftm", [path], out)
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert not report.skipped
    [person] = [r for r in recs if r.get("name") == "Ivan Zorvek"]
    [sanction] = [r for r in recs if r["type"] == "sanction"]
    [link] = [r for r in recs if r["type"] == "relationship"]
    assert sanction["targets"] == [person["id"]] and link["subject"] == person["id"]
    changed = [(p.line, p.record, p.field) for p in report.changed
               if "a record's id holds" in p.message]
    assert changed == [(1, f"entity {long + '-p'!r}", "id"),
                       (3, f"sanction {long + '-s'!r}", "id"),
                       (4, f"entity {long + '-o'!r}", "id")]


def test_cli_over_long_ofac_name_is_no_internal_error(tmp_path: Path) -> None:
    """The reported case: ``kg import ofac`` of an sdn.csv with a name of over 100,000
    characters ended in ``internal error: ValidationError``, exit 70."""
    path = tmp_path / "sdn.csv"
    path.write_text(_OFAC_ROW.format(id="4710", name="ZORVEK TRADING")
                    + _OFAC_ROW.format(id="4711", name=NAME), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kg", "import", "ofac", str(path), "-o",
                             str(tmp_path / "out.jsonl")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "internal error" not in result.stderr
    assert f"{path}:2 [ofac-4711] [SDN_Name]: name of {len(NAME)} characters cut to" \
        in result.stderr + result.stdout


def test_ofac_csv_whose_first_record_is_long_is_still_the_primary_file(
        tmp_path: Path) -> None:
    """Only the first 64 KiB were read to tell a renamed OFAC CSV's role from its columns:
    a first record longer than that was taken for a comments file (2 columns) and nothing
    was imported. The whole first record is read now."""
    path = tmp_path / "OFAC.csv"  # a name that says no role: told by its columns
    long_name = "ZORVEK " + "Q" * (70 << 10)
    path.write_text(_OFAC_ROW.format(id="4711", name=long_name)
                    + _OFAC_ROW.format(id="4712", name="ZORVEK TRADING"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    report = write_import("ofac", [path], out)
    actors = {x["id"]: x for x in map(json.loads, out.read_text(encoding="utf-8").splitlines())
              if x["type"] == "actor"}
    assert actors["ofac-4711"]["name"] == long_name
    assert actors["ofac-4712"]["name"] == "ZORVEK TRADING"
    assert not report.skipped
    assert not [n for n in report.notes if "comments file" in n]


def test_ofac_csv_long_first_record_with_a_line_break_keeps_its_width(tmp_path: Path) -> None:
    """A long quoted remark with line breaks in the first record: still 12 columns."""
    path = tmp_path / "OFAC.csv"
    remark = "; ".join(["Linked To: ZORVEK TRADING"] * 4000).replace("; L", ";\nL", 50)
    path.write_text(f'4711,"ZORVEK, Ana","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
                    f'-0- ,"{remark}"\r\n', encoding="utf-8")
    assert len(remark) > 64 << 10
    out = tmp_path / "out.jsonl"
    write_import("ofac", [path], out)
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert "ofac-4711" in ids


def test_ftm_over_long_authority_is_cut_and_reported(tmp_path: Path) -> None:
    """An FtM sanction's authority becomes an issuing body actor; over 100,000 characters,
    its name is cut by the same rule and reported (it was cut silently)."""
    authority = "Ministry of Zorvek " + "Q" * MAX_NAME
    path = tmp_path / "entities.ftm.json"
    path.write_text(json.dumps({"id": "zp", "schema": "Person",
                                "properties": {"name": ["Zorvek Ana"]}}) + "\n"
                    + json.dumps({"id": "zs", "schema": "Sanction",
                                  "properties": {"entity": ["zp"], "authority": [authority]}})
                    + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    report = write_import("ftm", [path], out)
    body = next(x for x in map(json.loads, out.read_text(encoding="utf-8").splitlines())
                if x["id"].startswith("body-ministry-of-zorvek"))
    assert body["name"] == authority[:MAX_NAME]
    assert body["aliases"] == [authority]
    assert [(p.record, p.field, p.message) for p in report.changed
            if "cut to" in p.message] == [
        ("sanction 'zs'", "authority", f"name of {len(authority)} characters cut to "
         f"{MAX_NAME} (the longest name a record holds); the whole name is kept as an alias")]
