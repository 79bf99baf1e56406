"""The data faults people who process real sanctions lists meet (issue 13), each with a small
fixture of the same kind written here: byte-order marks, CSV records that span lines, wrong
encodings, list date forms, long text, GDELT 1.0 backfiles, who imposed a sanction, YAML
traps, XML-forbidden characters in exports, and output to a terminal that cannot show a
script."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import OutputError, ValidationFailed
from kg.export.graph import write_gexf, write_graphml
from kg.export.neo4j import read_buffer_size, write_neo4j
from kg.graph.build import build
from kg.ingest import import_dataset
from kg.model.records import Actor, Citation, Dataset, Sanction, Source
from kg.model.source_dates import read_source_date
from kg.model.vocab import ActorKind, Reason
from kg.readwrite.atomic import atomic_open
from kg.readwrite.load import load

BOM = codecs.BOM_UTF8
SDN_ROW = '7301,"BRANDT, Oskar","individual","RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,' \
          '-0- ,"nationality Russia."\r\n'
SDN_MULTI = ('7401,"VOSS, Ilka","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
             '"DOB circa 1961;\r\nnationality Iran; Passport B55 (Iran)."\r\n'
             '7402,"HELIOS ""EAST"" SHIPPING, LTD.",-0- ,"IRAN] [NPWMD",-0- ,-0- ,-0- ,-0- ,'
             '-0- ,-0- ,-0- ,"Linked To: VOSS, Ilka."\r\n'
             '7403,"too few columns"\r\n')
UN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST>
 <INDIVIDUALS>
  <INDIVIDUAL><DATAID>91</DATAID><FIRST_NAME>ANNA</FIRST_NAME><SECOND_NAME>{name}</SECOND_NAME>
   <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.901</REFERENCE_NUMBER>
   <LISTED_ON>{listed}</LISTED_ON></INDIVIDUAL>
  <INDIVIDUAL><DATAID>92</DATAID><FIRST_NAME>BORIS</FIRST_NAME>
   <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.902</REFERENCE_NUMBER>
   <LISTED_ON>2016-03-02</LISTED_ON></INDIVIDUAL>
 </INDIVIDUALS>
</CONSOLIDATED_LIST>
"""
FTM_PERSON = ('{"id": "p-1", "schema": "Person", "caption": "Lena Falk", "properties": '
              '{"name": ["Lena Falk"], "country": ["ru"]}, "datasets": ["test"]}\n')


def _gdelt_row(event_id: int, columns: int) -> str:
    cells = [""] * columns
    cells[:8] = [str(event_id), "20120123", "201201", "2012", "2012.06", "USAGOV",
                 "UNITED STATES", "USA"]
    cells[15:18] = ["IRN", "IRAN", "IRN"]
    cells[26:29] = ["163", "163", "16"]
    cells[-1] = "https://news.example.org/a" if columns != 57 else "20120123"
    return "\t".join(cells) + "\n"


def _write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# --- 1. encodings and records --------------------------------------------------------------


def test_a_leading_bom_is_dropped_by_every_importer(tmp_path):
    sdn = _write(tmp_path / "sdn.csv", BOM + SDN_ROW.encode())
    alt = _write(tmp_path / "alt.csv", BOM + b'7301,1,"aka","BRANDT, Ossi",-0- \r\n')
    ds, report = import_dataset("ofac", [sdn, alt])
    assert ds.actor("ofac-7301").aliases[0] == "BRANDT, Ossi" and report.ok
    ftm = _write(tmp_path / "e.ftm.json", BOM + FTM_PERSON.encode())
    ds, report = import_dataset("ftm", [ftm])
    assert ds.actor("ftm-p-1").name == "Lena Falk" and report.ok
    un = _write(tmp_path / "un.xml", BOM + UN_XML.format(name="X", listed="2016-03-02").encode())
    ds, report = import_dataset("un", [un])
    assert {a.id for a in ds.actors} >= {"un-kpi-901", "un-kpi-902"} and report.ok
    gd = _write(tmp_path / "g.CSV", BOM + _gdelt_row(5, 61).encode())
    ds, report = import_dataset("gdelt", [gd])
    assert [s.id for s in ds.sanctions] == ["gdelt-5"] and report.ok


def test_a_utf16_file_is_read_as_utf16(tmp_path):
    sdn = _write(tmp_path / "sdn.csv", SDN_ROW.encode("utf-16"))
    ds, report = import_dataset("ofac", [sdn])
    assert ds.actor("ofac-7301").country == "ru" and report.ok
    assert any("UTF-16" in n for n in report.notes)


def test_csv_is_read_as_records_with_the_line_each_starts_on(tmp_path):
    sdn = _write(tmp_path / "sdn.csv", SDN_MULTI)
    ds, report = import_dataset("ofac", [sdn])
    person = ds.actor("ofac-7401")
    assert person.country == "ir"  # the nationality after the quoted line break
    assert person.description == "DOB circa 1961; nationality Iran; Passport B55 (Iran)."
    assert ds.actor("ofac-7402").name == 'HELIOS "EAST" SHIPPING, LTD.'
    # The short record starts on line 4: the first record took lines 1-2.
    assert [(s.line, s.message) for s in report.skipped] == [
        (4, "expected 12 columns (primary file), found 2")]
    assert report.read == 3


def test_an_unclosed_quote_is_reported_not_a_traceback(tmp_path):
    sdn = _write(tmp_path / "sdn.csv", SDN_ROW + '7302,"OPEN, Quote,"individual"\r\n')
    ds, report = import_dataset("ofac", [sdn])
    assert ds.actor("ofac-7301")
    assert report.skipped_total == 1 and "not valid CSV" in report.skipped[0].message
    assert report.skipped[0].line == 2


def test_windows_1252_lines_are_kept_and_the_encoding_named(tmp_path):
    row = SDN_ROW.replace("BRANDT, Oskar", "BRÄNDT, Oskar").encode("cp1252")
    ds, report = import_dataset("ofac", [_write(tmp_path / "sdn.csv", row)])
    assert ds.actor("ofac-7301").name == "BRÄNDT, Oskar"
    (change,) = report.changed
    assert change.line == 1 and "Windows-1252" in change.message and "UTF-8" in change.message


def test_an_xml_file_in_another_encoding_than_it_declares_keeps_every_entry(tmp_path):
    text = UN_XML.format(name="MÜLLER", listed="2016-03-02")
    un = _write(tmp_path / "un.xml", text.encode("cp1252"))  # declares UTF-8
    ds, report = import_dataset("un", [un])
    assert ds.actor("un-kpi-901").name == "ANNA MÜLLER" and ds.actor("un-kpi-902")
    assert report.ok
    (change,) = report.changed
    assert change.line == 4 and change.field == "encoding"
    assert "declares UTF-8" in change.message and "Windows-1252" in change.message


def test_a_terminal_that_cannot_show_a_script_gets_replacements(tmp_path):
    data = _write(tmp_path / "d.yaml", """\
sources: [{id: s, title: "Wire"}]
actors:
  - {id: cn, name: China, kind: state}
  - {id: p1, name: "Пётр Тестов", kind: person, country: ru}
sanctions:
  - {id: x, imposers: [cn], targets: [p1], date: "2021-03-22", sources: [{source: s}]}
""")
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    r = subprocess.run([sys.executable, "-m", "kg", "query", "sanctioned-by", "China",
                        "-d", data], capture_output=True, env=env)
    assert r.returncode == 0, r.stderr
    assert b"???? ??????" in r.stdout and b"Traceback" not in r.stderr


# --- 2. YAML traps --------------------------------------------------------------------------


def _problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ValidationFailed) as err:
        load(_write(tmp_path / "d.yaml", text))
    return [f"{p.field}: {p.message}" for p in err.value.problems]


def test_yaml_no_is_explained(tmp_path):
    got = _problems(tmp_path, """\
sources: [{id: s, title: "Wire"}]
actors:
  - {id: NO, name: Norway, kind: state}
  - {id: ru, name: Russia, kind: state}
sanctions:
  - {id: x, imposers: [NO], targets: [ru], sources: [{source: s}]}
""")
    assert "id: Input should be a valid string; `NO` was read by YAML as false: quote it, " \
           "'NO'" in got
    assert any(g.startswith("imposers.0:") and "quote it, 'NO'" in g for g in got)


@pytest.mark.parametrize("written,expected", [
    ("2_019", "'2_019' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY); `2_019` is read by "
              "YAML 1.1 as a number; kg keeps it as the text written"),
    ("20210322", "20210322 is not a date (use YYYY-MM-DD, YYYY-MM or YYYY); `20210322` was "
                 "read by YAML as the number 20210322: quote it, '20210322'"),
])
def test_yaml_numbers_that_are_not_dates_are_explained(tmp_path, written, expected):
    got = _problems(tmp_path, f"""\
sources: [{{id: s, title: "Wire"}}]
actors: [{{id: us, name: United States, kind: state}}, {{id: ru, name: Russia, kind: state}}]
sanctions:
  - {{id: x, imposers: [us], targets: [ru], date: {written}, sources: [{{source: s}}]}}
""")
    assert got == [f"date: {expected}"]


# --- 3. exports always readable -------------------------------------------------------------


def _graph_with(name: str, description: str | None = None) -> nx.MultiDiGraph:
    ds = Dataset(sources=[Source(id="s", title="t")],
                 actors=[Actor(id="eu", name="European Union", kind=ActorKind.BLOC),
                         Actor(id="p", name=name, kind=ActorKind.PERSON,
                               description=description)],
                 sanctions=[Sanction(id="x", imposers=["eu"], targets=["p"],
                                     program="RUS\x1b[31m", sources=[Citation(source="s")])])
    return build(ds)


@pytest.mark.parametrize("write,read", [(write_graphml, nx.read_graphml),
                                        (write_gexf, nx.read_gexf)])
def test_xml_forbidden_characters_are_replaced_and_reported(tmp_path, write, read):
    G = _graph_with("Ivo\bPet\x01rov")
    path = tmp_path / "g.xml"
    fixed = write(G, path)
    labels = {d.get("label") for _, d in read(path).nodes(data=True)}
    assert "Ivo\ufffdPet\ufffdrov" in labels
    assert {(p.record, p.field) for p in fixed} >= {("actor:p", "label"),
                                                     ("sanction:x", "program")}


def test_an_output_that_does_not_parse_is_never_written(tmp_path):
    path = tmp_path / "bad.graphml"

    def refuse(tmp: Path) -> None:
        raise OutputError("does not parse")

    with pytest.raises(OutputError), atomic_open(path, "wb", check=refuse) as fh:
        fh.write(b"<graphml>\x01</graphml>")
    assert not path.exists() and not list(tmp_path.iterdir())


def test_neo4j_gets_a_read_buffer_for_its_longest_field(tmp_path):
    assert read_buffer_size(100) is None and read_buffer_size(3 << 20) == 8 << 20
    write_neo4j(_graph_with("Short"), tmp_path / "small")
    assert "--read-buffer-size" not in (tmp_path / "small" / "import.sh").read_text()
    write_neo4j(_graph_with("Long", "x" * (3 << 20)), tmp_path / "big")
    assert "--read-buffer-size=8388608 \\" in (tmp_path / "big" / "import.sh").read_text()


# --- 4. nothing cut or dropped silently -----------------------------------------------------


def test_long_text_is_kept_whole(tmp_path):
    name, notes, reason = "N" * 5000, "note " * 2000, "reason " * 1500
    lines = [
        f'{{"id": "big", "schema": "Company", "caption": "{name}", "properties": {{"name": '
        f'["{name}"], "notes": ["{notes}"], "country": ["ru"]}}}}',
        f'{{"id": "big-s", "schema": "Sanction", "properties": {{"entity": ["big"], '
        f'"country": ["gb"], "reason": ["{reason}"], "program": ["{"P" * 4500}"]}}}}']
    ds, report = import_dataset("ftm", [_write(tmp_path / "e.ftm.json", "\n".join(lines))])
    actor, sanction = ds.actor("ftm-big"), ds.sanctions[0]
    assert (len(actor.name), actor.description) == (5000, notes.strip())
    assert sanction.reasons[0].detail == reason.strip() and len(sanction.program) == 4500
    assert report.ok and not report.changed


@pytest.mark.parametrize("text,convention,date,note", [
    ("2001-10-06", None, "2001-10-06", None),
    ("2001-10-06T00:00:00", None, "2001-10-06", None),
    ("2001/10/06", None, "2001-10-06", "read as year/month/day"),
    ("2001-10-6", None, "2001-10-06", "read as year/month/day"),
    ("06/10/2001", "dmy", "2001-10-06", "read as day/month/year"),
    ("06/10/2001", "mdy", "2001-06-10", "read as month/day/year"),
    ("06/10/2001", None, None, "could be day/month or month/day (ambiguous)"),
    ("25/10/2001", None, "2001-10-25", "read as day/month/year"),
    ("10/2001", None, "2001-10", "read as month/year"),
    ("6 Oct 2001", None, "2001-10-06", "read with a month name"),
    ("October 6, 2001", None, "2001-10-06", "read with a month name"),
    ("circa 1960", None, "1960", "is approximate"),
    ("1999, 2003", None, "1999", "holds 2 dates (1999, 2003); the earliest is used"),
    ("16-07-68", "dmy", None, "has a two-digit year (the century is unknown)"),
    ("31/02/2001", "dmy", None, "is not a real date"),
    ("unknown", None, None, "is not a date"),
])
def test_list_date_forms(text, convention, date, note):
    got = read_source_date(text, convention=convention)
    assert (str(got.date) if got.date else None, got.note) == (date, note)


def test_un_dates_are_read_day_first_and_every_other_form_reported(tmp_path):
    un = _write(tmp_path / "un.xml", UN_XML.format(name="X", listed="06/10/2001"))
    ds, report = import_dataset("un", [un])
    assert {s.id: s.date for s in ds.sanctions}["un-kpi-901-listing"] == "2001-10-06"
    (change,) = report.changed
    assert (change.line, change.record, change.field) == (4, "un-kpi-901", "LISTED_ON")
    assert change.message == "date '06/10/2001' read as day/month/year: kept 2001-10-06"


# --- 5. GDELT 1.0 backfiles -----------------------------------------------------------------


def test_gdelt_1_backfile_rows_import_and_the_message_names_the_layouts(tmp_path):
    path = _write(tmp_path / "20120123.export.CSV",
                  _gdelt_row(7, 57) + _gdelt_row(8, 57) + "1\t2\t3\n")
    ds, report = import_dataset("gdelt", [path])
    (s,) = ds.sanctions
    assert (s.id, s.imposers, s.targets, s.date) == ("gdelt-7", ["us"], ["ir"], "2012-01-23")
    (skip,) = report.skipped
    assert "61 (GDELT 2.0 events), 58 (GDELT 1.0 daily events) or 57 (GDELT 1.0 " \
           "backfile events, before April 2013)" in skip.message and skip.line == 3


# --- 6. who sanctioned ----------------------------------------------------------------------


def test_the_polity_the_record_names_imposes_and_programmes_are_not_guessed(tmp_path):
    sanctions = [("s-fr", "Direction Générale du Trésor", "France", "RUSSIA"),
                 ("s-eu", "Directorate-General for Financial Stability, Financial Services "
                          "and Capital Markets Union", "eu", "UKR"),
                 ("s-gb1", "Office of Financial Sanctions Implementation", "UK", "Russia"),
                 ("s-gb2", "HM Treasury", "United Kingdom", "Russia"),
                 ("s-us", "Bureau of Industry and Security", "us", "Reciprocal")]
    lines = [FTM_PERSON.strip()] + [
        f'{{"id": "{sid}", "schema": "Sanction", "properties": {{"entity": ["p-1"], '
        f'"authority": ["{auth}"], "country": ["{country}"], "program": ["{prog}"]}}}}'
        for sid, auth, country, prog in sanctions]
    ds, report = import_dataset("ftm", [_write(tmp_path / "e.ftm.json", "\n".join(lines))])
    imposers = {s.id: s.imposers for s in ds.sanctions}
    assert imposers == {"ftm-s-fr": ["fr"], "ftm-s-eu": ["eu"], "ftm-s-gb1": ["gb"],
                        "ftm-s-gb2": ["gb"], "ftm-s-us": ["us"]}
    bodies = {a.name: a.part_of for a in ds.actors if a.kind is ActorKind.GOVERNMENT_BODY}
    assert bodies["Direction Générale du Trésor"] == "fr"
    assert bodies["Office of Financial Sanctions Implementation"] == "gb"
    assert bodies["Bureau of Industry and Security"] == "us"
    reasons = {s.id: [(r.category, r.detail) for r in s.reasons] for s in ds.sanctions}
    assert reasons["ftm-s-us"] == [(Reason.OTHER, "Reciprocal")]  # not retaliation
    assert reasons["ftm-s-fr"] == [(Reason.OTHER, "RUSSIA")]
    assert report.ok
