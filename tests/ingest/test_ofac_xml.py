"""OFAC SDN XML import: the same entry as the legacy CSV is one actor; weak AKAs apart."""

from kg.ingest import import_dataset
from kg.ingest.bodies import body
from kg.merge import merge_datasets
from kg.model.vocab import ActorKind, Measure, Reason


def _xml(fixtures, name="sdn.xml"):
    return import_dataset("ofac", [fixtures / name])


def test_entries_become_actors_and_sanctions(fixtures):
    ds, report = _xml(fixtures)
    vesk = ds.actor("ofac-9001")
    assert vesk.name == "VESK, Orlan" and vesk.kind is ActorKind.PERSON
    assert vesk.country == "kp"
    assert vesk.aliases == ["VESK, Orlan Petrovich", "Orlan VESK"]
    assert vesk.identifiers == {
        "ofac_uid": "9001", "birth_date": "1961-04-02; circa 1960",
        "birth_place": "Pyongyang, Korea, North", "nationality": "Korea, North",
        "passport": "PD0012345 (Korea, North)", "gender": "Male"}
    ship = ds.actor("ofac-9003")
    assert ship.kind is ActorKind.VESSEL and ship.country == "pa"
    assert ship.identifiers["imo"] == "9123456" and ship.identifiers["call_sign"] == "9VAB1"
    s = next(x for x in ds.sanctions if x.id == "ofac-9003-sdn")
    assert s.imposers == ["us"] and s.targets == ["ofac-9003"]
    assert [(r.category, r.detail) for r in s.reasons] == [
        (Reason.NUCLEAR_PROLIFERATION, "IRAN"), (Reason.TERRORISM, "SDGT")]
    assert s.measures == [Measure.ASSET_FREEZE]
    assert ds.sources[0].published == "2024-03-14"  # Publish_Date is mm/dd/yyyy
    assert report.imported == {"actor": 5, "sanction": 3, "source": 1}


def test_weak_akas_are_weak_aliases(fixtures):
    ds, _ = _xml(fixtures)
    firm = ds.actor("ofac-9007")
    assert firm.aliases == ["SEVERNY VETER OOO"]  # the weak NORTHWIND is not an alias
    assert firm.weak_aliases == ["NORTHWIND"] and firm.description is None
    assert ds.actor("ofac-9001").weak_aliases == ["THE FERRYMAN"]


def test_bad_entries_are_skipped_by_line(fixtures):
    _, report = _xml(fixtures)
    assert [(s.line, s.message) for s in report.skipped] == [
        (70, "sdnEntry: uid must be a number, not 'not-a-number'"),
        (75, "uid 9008: sdnEntry has no lastName")]


def test_the_authority_is_ofac_a_body_of_the_us(fixtures):
    ds, _ = _xml(fixtures)
    assert ds.actor("us-ofac") == body("us-ofac")
    assert ds.actor("us-ofac").part_of == "us"


def test_same_entry_from_csv_and_xml_is_one_actor(fixtures):
    csv, _ = import_dataset("ofac", [fixtures / "sdn.csv", fixtures / "alt.csv"])
    xml, _ = _xml(fixtures)
    for uid in ("9001", "9003"):
        a, b = csv.actor(f"ofac-{uid}"), xml.actor(f"ofac-{uid}")
        assert (a.id, a.name, a.kind, a.country) == (b.id, b.name, b.kind, b.country)
    assert {s.id for s in csv.sanctions} & {s.id for s in xml.sanctions} == {
        "ofac-9001-sdn", "ofac-9003-sdn"}
    merged, _ = merge_datasets([csv, xml])
    assert [a.id for a in merged.actors].count("ofac-9001") == 1
    assert [s.id for s in merged.sanctions].count("ofac-9001-sdn") == 1
    vesk = merged.actor("ofac-9001")
    assert vesk.identifiers["passport"] == "PD0012345 (Korea, North)"


def test_csv_and_xml_in_one_import_keep_each_entry_once(fixtures):
    ds, report = import_dataset("ofac", [fixtures / "sdn.xml", fixtures / "sdn.csv"])
    assert [a.id for a in ds.actors].count("ofac-9001") == 1
    assert any("uid 9001" in s.message or "ent_num 9001 appears twice" in s.message
               for s in report.skipped)


def test_consolidated_xml_is_the_cons_list(tmp_path, fixtures):
    cons = tmp_path / "consolidated.xml"
    cons.write_bytes((fixtures / "sdn.xml").read_bytes())
    ds, _ = import_dataset("ofac", [cons])
    s = next(x for x in ds.sanctions if x.targets == ["ofac-9003"])
    assert s.id == "ofac-9003-cons" and s.measures == []


def test_not_an_ofac_file(tmp_path):
    bad = tmp_path / "other.xml"
    bad.write_text("<root><item/></root>")
    ds, report = import_dataset("ofac", [bad])
    assert ds.actors == [] and "no sdnEntry" in report.skipped[0].message
