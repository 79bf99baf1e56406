"""A value the model refuses by length or form, in every importer: an over-long name is cut
and reported by the one rule (:func:`kg.ingest.rows.fit_name`, the whole name kept as an
alias); any other refused value (an id of over 200 characters) leaves the record out with a
readable message naming file, line, record and field (:func:`kg.ingest.rows.checked_in`).
Never an internal error, never a silent cut. Each fixture is a one-entry file written
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


#: Importers whose ids are the list's own ids as written (``ofac-<uid>``), or ids made by
#: :func:`kg.ingest.common.slug_id` (shortened with a hash to 194 characters), whose
#: sanction (``<id>-listing``) is then longer than the model takes.
REFUSED_IDS = ["eu", "ofac-csv", "ofac-xml", "uk-fcdo-csv", "uk-fcdo-xml", "uk-ofsi", "un"]


@pytest.mark.parametrize("case", REFUSED_IDS)
def test_an_id_the_model_refuses_is_a_readable_skip(tmp_path: Path, case: str) -> None:
    """An id of over 200 characters (the model's limit): the entry is left out, the report
    says which file, line, record and field, and why; the rest of the file is read."""
    _, file, _, ident, actor_id, _ = CASES[case]
    long_ident = ident + "7" * 200
    lines, report = _import(tmp_path, case, long_ident, "ZORVEK TRADING")
    assert not [x for x in lines if x["type"] in ("actor", "sanction")
                and "7777" in x["id"]]
    skipped = report.skipped  # type: ignore[attr-defined]
    assert [(Path(p.file).name, p.line is not None, p.field) for p in skipped] == [
        (file, True, "id")]
    assert skipped[0].message.startswith("entry left out: its ")
    assert skipped[0].message.endswith(" record refuses the value: id is longer than 200 "
                                       "characters")
    assert skipped[0].record.startswith(actor_id.split("-")[0] + "-")
    assert "7" * 150 in skipped[0].record


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
