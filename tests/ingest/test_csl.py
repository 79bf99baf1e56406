"""US Consolidated Screening List import: each row's source list kept on its sanction, the
agency as authority, programmes, end dates, identifiers."""

from kg.ingest import import_dataset
from kg.model.vocab import ActorKind, Measure, Reason, Status

FILE = "consolidated.csv"


def test_rows_keep_their_source_list_and_agency(fixtures):
    ds, report = import_dataset("csl", [fixtures / FILE], today="2025-01-01")
    assert report.ok and report.read == 7
    sources = {s.id: s for s in ds.sources}
    lists = {s.id: sources[s.sources[0].source].title for s in ds.sanctions}
    assert lists == {
        "csl-a1f0c0de0001-sdn": "Specially Designated Nationals (SDN)",
        "csl-a1f0c0de0002-el": "Entity List (EL)",
        "csl-a1f0c0de0003-dpl": "Denied Persons List (DPL)",
        "csl-a1f0c0de0004-isn": "Nonproliferation Sanctions (ISN)",
        "csl-a1f0c0de0005-ssi": "Sectoral Sanctions Identifications List (SSI)",
        "csl-a1f0c0de0006-sdn": "Specially Designated Nationals (SDN)",
        "csl-a1f0c0de0007-uvl": "Unverified List (UVL)",
    }
    assert sources["csl-list-el"].publisher == "Bureau of Industry and Security"
    assert sources["csl-list-sdn"].publisher == "Office of Foreign Assets Control"
    assert all(s.imposers == ["us"] for s in ds.sanctions)
    bodies = {a.id: a.part_of for a in ds.actors if a.kind is ActorKind.GOVERNMENT_BODY}
    assert bodies == {"us-ofac": "us", "us-bis": "us", "us-isn": "us"}
    issued = {s.id: s.authorities for s in ds.sanctions}
    assert issued["csl-a1f0c0de0006-sdn"] == ["us-ofac"]
    assert issued["csl-a1f0c0de0007-uvl"] == ["us-bis"]


def test_reasons_measures_dates(fixtures):
    ds, _ = import_dataset("csl", [fixtures / FILE], today="2025-01-01")
    s = {x.id: x for x in ds.sanctions}
    sdn = s["csl-a1f0c0de0001-sdn"]
    assert [(r.category, r.detail) for r in sdn.reasons] == [
        (Reason.ARMED_CONFLICT, "RUSSIA-EO14024"), (Reason.ARMED_CONFLICT, "UKRAINE-EO13662")]
    assert sdn.measures == [Measure.ASSET_FREEZE] and sdn.date == "2022-02-24"
    assert sdn.legal_basis == "87 FR 11111"
    el = s["csl-a1f0c0de0002-el"]
    assert el.measures == [Measure.EXPORT_CONTROL]
    assert [(r.category, r.detail) for r in el.reasons] == [(Reason.OTHER, "Entity List")]
    assert "license policy: Presumption of denial." in el.legal_basis
    dpl = s["csl-a1f0c0de0003-dpl"]
    assert dpl.end_date == "2024-05-01" and dpl.status is Status.LIFTED
    ds_before, _ = import_dataset("csl", [fixtures / FILE], today="2024-04-30")
    assert next(x for x in ds_before.sanctions if x.id == dpl.id).status is Status.IMPOSED


def test_actors_and_identifiers(fixtures):
    ds, _ = import_dataset("csl", [fixtures / FILE], today="2025-01-01")
    p = ds.actor("csl-a1f0c0de0001")
    assert p.kind is ActorKind.PERSON and p.country == "ru"
    assert p.aliases == ["Ivan Exampleoff", "Иван Экзамплов"]
    assert p.identifiers == {"csl_id": "a1f0c0de0001", "ofac_uid": "990001",
                             "birth_place": "Example City, Russia",
                             "passport": "750000001", "gender": "Male"}
    assert p.birth_dates == ["1965-07-04"] and p.nationalities == ["ru"]
    ship = ds.actor("csl-a1f0c0de0006")
    assert ship.kind is ActorKind.VESSEL and ship.country == "ir"
    assert ship.identifiers["imo"] == "9000002" and ship.identifiers["call_sign"] == "9BXX1"
    assert ds.actor("csl-a1f0c0de0002").identifiers == {"csl_id": "a1f0c0de0002"}


def test_bad_rows(tmp_path):
    f = tmp_path / "csl.csv"
    f.write_bytes(
        b"\xef\xbb\xbf_id,source,name,start_date,end_date\n"
        b"x1,Entity List (EL) - Bureau of Industry and Security,Caf\xe9 Example,2020-13-01,\n"
        b",Entity List (EL) - Bureau of Industry and Security,No Id,,\n"
        b"x1,Entity List (EL) - Bureau of Industry and Security,Again,,\n"
        b"x2,Made-up List (MUL) - Nowhere,Other,2021-01-01,2020-01-01\n")
    ds, report = import_dataset("csl", [f], today="2025-01-01")
    assert [(s.line, s.message) for s in report.skipped] == [
        (2, "field 'start_date': '2020-13-01' is not a date; left out (the rest of the row "
            "is kept)"),
        (3, "field '_id' is empty; row skipped"),
        (4, "_id x1 appears twice on one list; the first is kept"),
        (5, "field 'end_date': 2020-01-01 is before start_date 2021-01-01; left out (the "
            "rest of the row is kept)"),
    ]
    assert ds.actor("csl-x1").name == "Café Example"
    other = next(s for s in ds.sanctions if s.id == "csl-x2-list")
    assert other.imposers == ["us"] and other.measures == []
    assert [(r.category, r.detail) for r in other.reasons] == [
        (Reason.OTHER, "Made-up List (MUL) - Nowhere")]
    assert ds.sources[-1].title == "Made-up List (MUL) - Nowhere"
