"""OFAC SDN XML import: the same entry as the legacy CSV is one actor; weak AKAs apart."""

from kg.ingest import import_dataset
from kg.ingest.bodies import body
from kg.merge import merge, merge_datasets
from kg.model.records import Dataset
from kg.model.vocab import ActorKind, Measure, Reason


def _xml(fixtures, name="sdn.xml"):
    return import_dataset("ofac", [fixtures / name])


def test_entries_become_actors_and_sanctions(fixtures):
    ds, report = _xml(fixtures)
    vesk = ds.actor("ofac-9001")
    assert vesk.name == "VESK, Orlan" and vesk.kind is ActorKind.PERSON
    assert vesk.country == "kp"
    assert vesk.aliases == ["VESK, Orlan Petrovich", "Orlan VESK"]
    # dates of birth and nationalities as every importer keeps them; documents under the
    # standard schemes (the number alone), each also as OFAC writes it, with its country
    assert vesk.birth_dates == ["1961-04-02", "1960"]  # "circa 1960" is 1960
    assert vesk.nationalities == ["kp"]
    assert vesk.identifiers == {
        "ofac_uid": "9001", "birth_place": "Pyongyang, Korea, North",
        "passport": "PD0012345", "documents": "Passport PD0012345 (Korea, North)",
        "gender": "Male"}
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
    assert vesk.identifiers["passport"] == "PD0012345"
    assert vesk.birth_dates == ["1961-04-02", "1960"] and vesk.nationalities == ["kp"]
    assert {c.source for c in vesk.sources} == {"ofac-file-sdn.csv", "ofac-file-sdn.xml"}


def test_csv_and_xml_entries_merge_on_ofac_uid_whatever_the_ids(fixtures):
    """Merging needs evidence: the XML's identity fields do not conflict with the CSV's
    remarks, and the shared strong ``ofac_uid`` alone joins them, even under other ids."""
    csv, _ = import_dataset("ofac", [fixtures / "sdn.csv", fixtures / "alt.csv"])
    xml, _ = _xml(fixtures)
    moved = [a.model_copy(update={"id": f"csv-{a.id}"}) for a in csv.actors
             if a.id in ("ofac-9001", "ofac-9003")]
    result = merge([Dataset(actors=list(xml.actors)), Dataset(actors=moved)])
    assert sorted((m.merged, m.rule) for m in result.merges if m.kind == "actor") == [
        (("csv-ofac-9001",), "identifier ofac_uid 9001"),
        (("csv-ofac-9003",), "identifier ofac_uid 9003")]
    vesk = result.dataset.actor("ofac-9001")
    assert [(m.id, m.rule) for m in vesk.merged_from] == [
        ("csv-ofac-9001", "identifier ofac_uid 9001")]
    assert result.possible_duplicates == []


def test_unreadable_dates_of_birth_and_nationalities_are_reported(tmp_path):
    path = tmp_path / "sdn.xml"
    path.write_text(
        "<sdnList><sdnEntry><uid>77</uid><lastName>DOE</lastName><firstName>Jan</firstName>"
        "<sdnType>Individual</sdnType>"
        "<dateOfBirthList><dateOfBirthItem><dateOfBirth>sometime</dateOfBirth>"
        "</dateOfBirthItem><dateOfBirthItem><dateOfBirth>1968 to 1970</dateOfBirth>"
        "</dateOfBirthItem></dateOfBirthList>"
        "<nationalityList><nationality><country>Atlantis</country></nationality>"
        "</nationalityList><citizenshipList><citizenship><country>Yemen</country>"
        "</citizenship></citizenshipList></sdnEntry></sdnList>")
    ds, report = import_dataset("ofac", [path])
    doe = ds.actor("ofac-77")
    assert doe.birth_dates == ["1968", "1969", "1970"] and doe.nationalities == ["ye"]
    assert [(c.line, c.record, c.field, c.message) for c in report.changed] == [
        (1, "ofac-77", "dateOfBirth", "date of birth 'sometime' is not a date: left out"),
        (1, "ofac-77", "nationality",
         "nationality 'Atlantis' is not a country we know: left out")]


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
