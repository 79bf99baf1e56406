"""Weak aliases, end to end: every importer keeps them apart from the strong names, merges
keep a strong name strong, the graph and exports carry them, search ranks them lower and
says so, and a query never takes an actor by a weak alias alone.

Each list's file is written here, small, in that list's own format (names invented)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from followthemoney import model as ftm_model
from pydantic import ValidationError

import kg
from kg.cli.app import main
from kg.export.ftm import ftm_entities
from kg.export.graph import read_graphml, write_graphml
from kg.export.neo4j import write_neo4j
from kg.graph.index import resolve_name, search_actors
from kg.ingest import import_dataset
from kg.merge import merge_datasets
from kg.model.records import Actor, Dataset
from kg.readwrite.load import load
from kg.readwrite.write import write_dataset
from kg.resolve.choose import UnclearName

FTM = [
    {"id": "p1", "schema": "Person", "caption": "Rasul Karimov",
     "properties": {"name": ["Rasul Karimov"], "alias": ["Rasul Kerimli", "Abu Musa"],
                    "weakAlias": ["Abu Ali", "ABU MUSA", "Abu Ali"], "country": ["az"]}},
    {"id": "s1", "schema": "Sanction",
     "properties": {"entity": ["p1"], "authority": ["Office of Foreign Assets Control"],
                    "program": ["SDGT"], "listingDate": ["2019-05-02"]}},
]

UN = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2024-05-01T00:00:00.000Z">
  <INDIVIDUALS><INDIVIDUAL>
    <DATAID>6900001</DATAID><FIRST_NAME>SAMIR</FIRST_NAME><SECOND_NAME>QADIROV</SECOND_NAME>
    <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.901</REFERENCE_NUMBER>
    <LISTED_ON>2011-08-05</LISTED_ON>
    <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Samir al-Qadiri</ALIAS_NAME></INDIVIDUAL_ALIAS>
    <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Ali</ALIAS_NAME></INDIVIDUAL_ALIAS>
    <INDIVIDUAL_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Samir Qadir</ALIAS_NAME></INDIVIDUAL_ALIAS>
    <NATIONALITY><VALUE>Azerbaijan</VALUE></NATIONALITY>
  </INDIVIDUAL></INDIVIDUALS>
  <ENTITIES><ENTITY>
    <DATAID>6900002</DATAID><FIRST_NAME>NORTHERN LIGHT FOUNDATION</FIRST_NAME>
    <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDe.902</REFERENCE_NUMBER>
    <LISTED_ON>2012-01-10</LISTED_ON>
    <ENTITY_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>NLF</ALIAS_NAME></ENTITY_ALIAS>
  </ENTITY></ENTITIES>
</CONSOLIDATED_LIST>
"""

# OFAC's legacy CSV: weak AKAs are the quoted a.k.a.s of the primary row's remarks.
SDN = ('7301,"HALIMOV, Tahir","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
       "\"DOB 17 Jan 1961; nationality Tajikistan; a.k.a. 'ABU MUS'AB'; "
       "a.k.a. 'THE TALL'; a.k.a. 'TAHIR HALIMI'.\"\n"
       '7302,"EXAMPLE FRONT LLC",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
       '7303,"SHADOW NETWORK",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
       '"f.k.a. ""THE NETWORK""; Linked To: EXAMPLE FRONT LLC."\n')
ALT = ('7301,201,"aka","HALIMI, Tahir",-0- \n'
       '7301,202,"aka","TAHIR HALIMI",-0- \n')

UK_HEAD = ("Last Updated,21/04/2023\n"
           "Name 6,Name 1,Alias Type,Alias Quality,Group Type,Regime,Listed On,Group ID\n")
UK = UK_HEAD + (
    "KARIMOV,Bakhtiyor,Primary name,,Individual,Russia,15/03/2022,91001\n"
    "BAKHA,,AKA,Low quality,Individual,Russia,15/03/2022,91001\n"
    "KARIMOV,Bakhtier,AKA,Good quality,Individual,Russia,15/03/2022,91001\n"
    "KARIMOV,Bakhtier,AKA,Low quality,Individual,Russia,15/03/2022,91001\n"
    "THE GHOST,,AKA,Low quality,Individual,Russia,15/03/2022,91002\n"
    "SPECTRE,,AKA,Low quality,Individual,Russia,15/03/2022,91002\n")

EU = """<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-01-15T10:00:00.000+01:00">
  <sanctionEntity euReferenceNumber="EU.9101.01" logicalId="910001" designationDate="2022-02-23">
    <regulation publicationDate="2022-02-23" numberTitle="2022/261" programme="RUS"/>
    <subjectType code="person"/>
    <nameAlias wholeName="Pavel Examplenko" nameLanguage="EN" strong="true"/>
    <nameAlias wholeName="Pasha" nameLanguage="" strong="false"/>
    <nameAlias wholeName="PAVEL EXAMPLENKO" nameLanguage="" strong="false"/>
  </sanctionEntity>
</export>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _ftm_file(tmp_path: Path) -> Path:
    return _write(tmp_path, "entities.ftm.json", "".join(json.dumps(e) + "\n" for e in FTM))


# --- importers ---------------------------------------------------------------------------


def test_ftm_weak_alias_is_kept_apart(tmp_path: Path) -> None:
    ds, report = import_dataset("ftm", [_ftm_file(tmp_path)])
    assert report.ok
    person = ds.actor("ftm-p1")
    assert person is not None
    assert person.aliases == ["Rasul Kerimli", "Abu Musa"]
    # "ABU MUSA" is also a strong alias, so it stays strong; the repeat is kept once.
    assert person.weak_aliases == ["Abu Ali"]


def test_un_alias_of_quality_low_is_weak(tmp_path: Path) -> None:
    ds, report = import_dataset("un", [_write(tmp_path, "consolidated.xml", UN)])
    assert report.ok
    person, entity = ds.actor("un-qdi-901"), ds.actor("un-qde-902")
    assert person is not None and entity is not None
    assert person.aliases == ["Samir al-Qadiri", "Samir Qadir"]
    assert person.weak_aliases == ["Abu Ali"]
    assert (entity.aliases, entity.weak_aliases) == ([], ["NLF"])


def test_ofac_quoted_akas_in_the_remarks_are_weak(tmp_path: Path) -> None:
    ds, report = import_dataset("ofac", [_write(tmp_path, "sdn.csv", SDN),
                                         _write(tmp_path, "alt.csv", ALT)])
    assert report.ok, report.skipped
    person, org = ds.actor("ofac-7301"), ds.actor("ofac-7302")
    assert person is not None and org is not None
    assert person.aliases == ["HALIMI, Tahir", "TAHIR HALIMI", "Tahir HALIMOV"]
    # An apostrophe inside the quotes is part of the name; 'TAHIR HALIMI' is also an
    # alt.csv aka, so it stays strong.
    assert person.weak_aliases == ["ABU MUS'AB", "THE TALL"]
    assert person.country == "tj"
    assert "a.k.a. 'THE TALL'" in (person.description or "")  # remarks kept whole
    assert org.weak_aliases == []
    # Doubled quotes inside a quoted CSV field, and an f.k.a.
    assert ds.actor("ofac-7303").weak_aliases == ["THE NETWORK"]  # type: ignore[union-attr]


def test_uk_alias_quality_low_is_weak(tmp_path: Path) -> None:
    ds, report = import_dataset("uk", [_write(tmp_path, "ConList.csv", UK)])
    assert report.ok, report.skipped
    p, ghost = ds.actor("uk-91001"), ds.actor("uk-91002")
    assert p is not None and ghost is not None
    assert p.name == "Bakhtiyor KARIMOV" and p.aliases == ["Bakhtier KARIMOV"]
    assert p.weak_aliases == ["BAKHA"]  # the Good row of "Bakhtier KARIMOV" keeps it strong
    assert p.description is None
    # Only weak names: the first is the name, the others stay weak.
    assert (ghost.name, ghost.aliases, ghost.weak_aliases) == ("THE GHOST", [], ["SPECTRE"])


def test_eu_name_alias_not_strong_is_weak(tmp_path: Path) -> None:
    ds, report = import_dataset("eu", [_write(tmp_path, "eu.xml", EU)])
    assert report.ok, report.skipped
    p = ds.actor("eu-910001")
    assert p is not None
    assert (p.name, p.aliases, p.weak_aliases) == ("Pavel Examplenko", [], ["Pasha"])
    assert p.description is None


# --- model, files, merges ------------------------------------------------------------------


def test_a_name_is_strong_or_weak_not_both() -> None:
    with pytest.raises(ValidationError, match="'Abu Ali' is both a name or alias and a weak"):
        Actor(id="x", name="X", kind="person", aliases=["Abu Ali"], weak_aliases=["Abu Ali"])


def test_weak_aliases_round_trip_through_files(tmp_path: Path) -> None:
    a = Actor(id="x", name="X Y", kind="person", weak_aliases=["Abu Ali"])
    for name in ("d.jsonl", "d.yaml", "d.json"):
        write_dataset(Dataset(actors=[a]), tmp_path / name)
        assert load([tmp_path / name]).actor("x") == a


def test_merge_unions_weak_aliases_and_a_strong_name_stays_strong() -> None:
    # Same name, country and date of birth: evidence enough to merge (kg.resolve.identity).
    one = Actor(id="a", name="Tahir HALIMOV", kind="person", country="tj", birth_dates=["1970"],
                aliases=["Tahir Halimi"], weak_aliases=["The Tall", "Abu Musab"])
    two = Actor(id="b", name="HALIMOV, Tahir", kind="person", country="tj", birth_dates=["1970"],
                aliases=["ABU MUSAB"], weak_aliases=["Abu Ali", "the tall", "TAHIR HALIMI"])
    ds, merges = merge_datasets([Dataset(actors=[one]), Dataset(actors=[two])])
    (merged,) = ds.actors
    assert len(merges) == 1
    assert merged.aliases == ["Tahir Halimi", "HALIMOV, Tahir", "ABU MUSAB"]
    # "Abu Musab" is strong in the second record; "TAHIR HALIMI" strong in the first.
    assert merged.weak_aliases == ["The Tall", "Abu Ali"]


# --- graph, search, queries ----------------------------------------------------------------


@pytest.fixture
def graph_files(tmp_path: Path) -> list[str]:
    """The FtM and UN samples imported: two people share the weak alias "Abu Ali", and a
    third actor is called "Abu Ali Trading" (a strong name)."""
    out = []
    for kind, path in (("ftm", _ftm_file(tmp_path)),
                       ("un", _write(tmp_path, "consolidated.xml", UN))):
        ds, _ = import_dataset(kind, [path])
        target = tmp_path / f"{kind}.jsonl"
        write_dataset(ds, target)
        out.append(str(target))
    extra = tmp_path / "extra.yaml"
    extra.write_text("actors:\n  - {id: aat, name: Abu Ali Trading, kind: organization}\n"
                     "  - {id: lone, name: Ilham Nuriyev, kind: person, country: az,\n"
                     "     weak_aliases: [The Doctor]}\n", encoding="utf-8")
    return [*out, str(extra)]


def _graph(files: list[str]) -> nx.MultiDiGraph:
    return kg.build(kg.load(files))


def test_graph_nodes_carry_weak_aliases(graph_files: list[str]) -> None:
    G = _graph(graph_files)
    assert G.nodes["actor:un-qdi-901"]["weak_aliases"] == ["Abu Ali"]
    assert G.nodes["actor:un-qdi-901"]["aliases"] == ["Samir al-Qadiri", "Samir Qadir"]
    assert G.nodes["actor:aat"]["weak_aliases"] == []


def test_search_ranks_a_weak_alias_lower_and_says_so(graph_files: list[str]) -> None:
    rows = search_actors(_graph(graph_files), "Abu Ali")
    # The strong partial match ranks above the two exact weak-alias matches.
    assert [(r.id, r.how, r.weak, r.score) for r in rows] == [
        ("aat", "partial", False, 0.91),
        ("ftm-p1", "exact", True, 0.8),
        ("un-qdi-901", "exact", True, 0.8)]
    assert rows[1].matched == "Abu Ali" and rows[1].name == "Rasul Karimov"


def test_a_weak_alias_alone_never_picks_an_actor(graph_files: list[str]) -> None:
    G = _graph(graph_files)
    with pytest.raises(UnclearName) as err:
        resolve_name(G, "The Doctor")  # the only candidate, and an exact match
    assert "a weak alias alone never picks an actor" in str(err.value)
    assert [c.id for c in err.value.candidates] == ["lone"]
    assert resolve_name(G, "Ilham Nuriyev").id == "lone"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_cli_query_by_weak_alias_lists_candidates_and_exits_2(
        graph_files: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    data = [x for f in graph_files for x in ("-d", f)]
    code, out, err = _run(capsys, "query", "who-sanctioned", "The Doctor", *data)
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0].startswith(
        "kg: error: no actor is called 'The Doctor' (it matches only 'The Doctor', a weak "
        "alias of 'Ilham Nuriyev'; a weak alias alone never picks an actor")
    assert lines[1] == ("kg: error: candidate lone: Ilham Nuriyev (person, az; exact match "
                        "of 'The Doctor' (weak alias), 0.80)")
    # The person's own name answers (exactly: no note).
    code, out, err = _run(capsys, "query", "who-sanctioned", "Samir Qadirov", *data)
    assert (code, err) == (0, "") and "UN Security Council  SAMIR QADIROV" in out
    code, out, _ = _run(capsys, "search", "Abu Ali", *data)
    assert code == 0 and out.count("weak") == 2  # matched: weak alias "Abu Ali"
    code, out, _ = _run(capsys, "search", "Abu Ali", *data, "--format", "json")
    assert [(r["id"], r["weak"]) for r in json.loads(out)][-1] == ("un-qdi-901", True)


# --- exports -------------------------------------------------------------------------------


def test_ftm_export_writes_weak_alias_and_followthemoney_reads_it(
        graph_files: list[str]) -> None:
    entities = {e["id"]: e for e in ftm_entities(_graph(graph_files))}
    props = entities["kg-un-qdi-901"]["properties"]
    assert props["weakAlias"] == ["Abu Ali"]
    assert props["alias"] == ["Samir al-Qadiri", "Samir Qadir"]
    proxy = ftm_model.get_proxy(entities["kg-un-qdi-901"], cleaned=False)
    assert proxy.get("weakAlias") == ["Abu Ali"] and "Abu Ali" not in proxy.get("alias")
    assert "weakAlias" not in entities["kg-aat"]["properties"]


def test_graphml_and_neo4j_carry_weak_aliases(graph_files: list[str], tmp_path: Path) -> None:
    G = _graph(graph_files)
    write_graphml(G, tmp_path / "g.graphml")
    H = read_graphml(tmp_path / "g.graphml")
    assert H.nodes["actor:un-qdi-901"]["weak_aliases"] == ["Abu Ali"]
    write_neo4j(G, tmp_path / "neo")
    header, *rows = (tmp_path / "neo" / "actors.csv").read_text().splitlines()
    cols = header.split(",")
    assert "weak_aliases:string[]" in cols
    row = next(r for r in rows if r.startswith("un-qdi-901,"))
    assert row.split(",")[cols.index("weak_aliases:string[]")] == "Abu Ali"


def test_browser_panel_shows_weak_aliases_as_text(tmp_path: Path) -> None:
    from kg.export.html_scene import actor_info

    ds = Dataset(actors=[Actor(id="x", name="X", kind="person",
                               weak_aliases=["<b>Abu</b>", "Ali"])])
    G = kg.build(ds)
    rows = dict(actor_info(G, "actor:x", {})["rows"])
    assert rows["Weak aliases"] == "<b>Abu</b>, Ali"  # text: the page sets textContent
