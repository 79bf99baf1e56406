"""OFAC legacy CSV import: -0- nulls, Windows-1252, 0x1A, aliases, addresses, bad rows."""

from kg.ingest import import_dataset
from kg.ingest.crosswalks import ofac_program_reasons
from kg.model.vocab import ActorKind, Measure, Reason


def _load(fixtures, *names):
    return import_dataset("ofac", [fixtures / n for n in names or ("sdn.csv", "alt.csv",
                                                                    "add.csv")])


def test_entries_become_actors_and_sanctions(fixtures):
    ds, report = _load(fixtures)
    vesk = ds.actor("ofac-9001")
    assert vesk.name == "VESK, Orlan" and vesk.kind is ActorKind.PERSON
    assert vesk.country == "kp"  # "nationality Korea, North" in the remarks
    assert vesk.aliases == ["VESK, Orlan Petrovich", "Orlan VESK"]
    assert vesk.identifiers == {"ofac_uid": "9001"}
    s = next(x for x in ds.sanctions if x.id == "ofac-9003-sdn")
    assert s.imposers == ["us"] and s.targets == ["ofac-9003"]
    assert s.program == "IRAN; SDGT"
    assert [(r.category, r.detail) for r in s.reasons] == [
        (Reason.NUCLEAR_PROLIFERATION, "IRAN"), (Reason.TERRORISM, "SDGT")]
    assert s.measures == [Measure.ASSET_FREEZE]
    vessel = ds.actor("ofac-9003")
    assert vessel.kind is ActorKind.VESSEL and vessel.country == "pa"
    assert vessel.identifiers["call_sign"] == "9VAB1"
    assert report.imported == {"actor": 7, "sanction": 5, "source": 1}  # us and OFAC too


def test_nulls_cp1252_and_end_byte(fixtures):
    ds, report = _load(fixtures)
    cafe = ds.actor("ofac-9002")
    assert cafe.name == "CAFÉ NEGRO TRADING S.A."
    assert cafe.kind is ActorKind.ORGANIZATION  # SDN_Type -0- is an entity
    assert cafe.position is None and cafe.country == "co"  # from add.csv
    assert cafe.aliases == ["CAFÉ NEGRO S.A.", "BLACK COFFEE TRADING"]
    front = ds.actor("ofac-9006")
    assert front.description is None  # Remarks was -0-
    assert report.notes["end-of-file bytes (0x1A) ignored"] == 3
    assert report.notes["sdn.csv: lines decoded as Windows-1252"] == 1


def test_bad_rows_reported_and_rest_kept(fixtures):
    ds, report = _load(fixtures)
    got = sorted((s.file.rsplit("/", 1)[-1], s.line, s.message) for s in report.skipped)
    assert got == [
        ("alt.csv", 4, "ent_num 9999 is not in any sdn primary file given (pass sdn.csv or "
                       "cons_prim.csv too)"),
        ("alt.csv", 5, "expected 5 columns (alt file), found 3"),
        ("sdn.csv", 4, "expected 12 columns (primary file), found 4"),
    ]
    assert ds.actor("ofac-9004") is None and ds.actor("ofac-9005") is not None


def test_program_table():
    assert ofac_program_reasons("UKRAINE-EO13685") == (Reason.ARMED_CONFLICT,)
    assert ofac_program_reasons("GLOMAG") == (Reason.HUMAN_RIGHTS, Reason.CORRUPTION)
    assert ofac_program_reasons("CYBER3") == (Reason.CYBER,)
    assert ofac_program_reasons("NO-SUCH-PROGRAM") == (Reason.OTHER,)


def test_consolidated_list_and_undecodable(tmp_path):
    prim = tmp_path / "cons_prim.csv"
    prim.write_bytes(b'17,"ACME FRONT",-0- ,"UKRAINE-EO13662",-0- ,-0- ,-0- ,-0- ,-0- ,'
                     b'-0- ,-0- ,-0- \r\n18,"BAD \x81 BYTE",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,'
                     b'-0- ,-0- ,-0- ,-0- \r\nx1,"NOT A NUMBER",-0- ,"SDGT",-0- ,-0- ,-0- ,'
                     b'-0- ,-0- ,-0- ,-0- ,-0- \r\n')
    ds, report = import_dataset("ofac", [prim])
    assert [s.id for s in ds.sanctions] == ["ofac-17-cons"]
    assert ds.sanctions[0].measures == []  # non-SDN lists are not all blocking
    assert ds.sanctions[0].reasons[0].category is Reason.ARMED_CONFLICT
    assert [(s.line, s.message) for s in report.skipped] == [
        (2, "neither UTF-8 nor Windows-1252 (byte 0x81 at column 9)"),
        (3, "ent_num must be a number, not 'x1'"),
    ]


def test_aircraft_are_aircraft_and_export_as_ftm_airplanes(tmp_path):
    import json

    from followthemoney import model

    from kg.export.ftm import write_ftm
    from kg.graph.build import build

    sdn = tmp_path / "sdn.csv"
    sdn.write_text('36001,"EXAMPLE AIR 123","aircraft","IRAN","-0- ","-0- ","-0- ",'
                   '"-0- ","-0- ","-0- ","-0- ","Aircraft Manufacture Date 1990."\n')
    ds, _ = import_dataset("ofac", [sdn])
    plane = ds.actor("ofac-36001")
    assert plane is not None and plane.kind is ActorKind.AIRCRAFT
    out = tmp_path / "out.ftm.json"
    write_ftm(build(ds), out)
    schemas = {model.get_proxy(json.loads(line)).schema.name
               for line in out.read_text().splitlines()}
    assert "Airplane" in schemas


def test_linked_to_becomes_an_associate_when_the_name_is_unique(tmp_path):
    rows = [
        '7001,"EXAMPLE SHIPPING CO. LTD.",-0- ,"IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
        '"Linked To: EXAMPLE BANK S.A.; Linked To: NOBODY TRADING."',
        '7002,"EXAMPLE BANK S.A.",-0- ,"IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
        '7003,"TWIN LLC",-0- ,"IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
        '7004,"TWIN LLC",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
        '7005,"ASK LTD",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Linked To: TWIN LLC."',
    ]
    (tmp_path / "sdn.csv").write_text("\n".join(rows) + "\n", encoding="cp1252")
    ds, report = import_dataset("ofac", [tmp_path / "sdn.csv"])
    assert [(r.kind, r.subject, r.object, r.role) for r in ds.relationships] == [
        ("associate", "ofac-7001", "ofac-7002", "Linked To")]
    # Not found, or not unique: reported with record and field, never guessed.
    msgs = {(c.record, c.field, c.message) for c in report.changed if "Linked To" in c.message}
    assert msgs == {
        ("ent_num 7001", "remarks", "'Linked To: NOBODY TRADING.' not linked: no entry of that "
         "name in this file; kept in the remarks only"),
        ("ent_num 7005", "remarks", "'Linked To: TWIN LLC.' not linked: 2 entries of that name "
         "in this file; kept in the remarks only")}
