"""The FCDO's UK Sanctions List (XML), read by `kg import uk` beside OFSI's ConList."""

from kg.ingest import import_dataset
from kg.model.vocab import ActorKind, Measure, Reason

FILE = "UK_Sanctions_List.xml"


def test_designations_become_actors_listed_by_gb_issued_by_the_fcdo(fixtures):
    ds, _ = import_dataset("uk", [fixtures / FILE])
    ivan = ds.actor("uk-rus9001")
    assert ivan.name == "Ivan Petrovich EXAMPLEOV" and ivan.kind is ActorKind.PERSON
    assert ivan.aliases == ["Ivan EXAMPLEOFF", "Иван Петрович Экзамплов"]
    assert "VANYA" not in ivan.aliases and ivan.weak_aliases == ["VANYA"]
    assert ivan.country == "ru" and ivan.position == "Member of the Example Council"
    assert ivan.identifiers["uk_sanctions_list_ref"] == "RUS9001"
    assert ivan.identifiers["uk_group_id"] == "90001"
    assert ivan.birth_dates == ["1965-07-04"] and ivan.nationalities == ["ru"]
    assert "birth_date" not in ivan.identifiers and "nationality" not in ivan.identifiers
    s = {x.id: x for x in ds.sanctions}
    listing = s["uk-rus9001-listing"]
    assert (listing.imposers, listing.authorities) == (["gb"], ["gb-fcdo"])
    assert listing.date == "2022-03-15"
    assert listing.measures == [Measure.ASSET_FREEZE, Measure.TRAVEL_BAN]
    assert [(r.category, r.detail) for r in listing.reasons] == [
        (Reason.ARMED_CONFLICT, "Russia")]
    un = ds.actor("uk-cti9002")
    assert un.identifiers["un_reference"] == "QDe.950"
    assert un.identifiers["designation_source"] == "UN"
    ship = ds.actor("uk-rus9003")
    assert ship.kind is ActorKind.VESSEL and ship.identifiers["imo"] == "9000003"
    assert ds.actor("gb-fcdo").part_of == "gb"
    assert ds.sources[0].publisher.startswith("Foreign, Commonwealth and Development Office")


def test_bad_values_are_reported_by_record_and_field(fixtures):
    ds, report = import_dataset("uk", [fixtures / FILE])
    assert [(c.record, c.field) for c in report.changed] == [
        ("uk-rus9001", "DOB"), ("uk-rus9003", "DateDesignated")]
    assert {x.id: x.date for x in ds.sanctions}["uk-rus9003-listing"] is None
    assert [(x.line, x.message) for x in report.skipped] == [
        (58, "Designation has no UniqueID")]


def test_conlist_and_fcdo_list_in_one_import(fixtures):
    ds, _ = import_dataset("uk", [fixtures / "ConList.csv", fixtures / FILE])
    bodies = {a.id for a in ds.actors if a.kind is ActorKind.GOVERNMENT_BODY}
    assert bodies == {"gb-ofsi", "gb-fcdo"}
    assert [a.id for a in ds.actors].count("gb") == 1  # one polity, one id


def test_dates_of_birth_and_nationalities_as_every_importer_keeps_them(tmp_path):
    path = tmp_path / "UK_Sanctions_List.xml"
    path.write_text(
        "<Designations><Designation><UniqueID>RUS0077</UniqueID>"
        "<IndividualEntityShip>Individual</IndividualEntityShip>"
        "<Names><Name><Name1>Jan</Name1><Name6>DOE</Name6><NameType>Primary Name</NameType>"
        "</Name></Names><IndividualDetails><Individual>"
        "<DOBs><DOB>00/00/1965</DOB><DOB>00/05/1966</DOB><DOB>someday</DOB></DOBs>"
        "<Nationalities><Nationality>Russia</Nationality><Nationality>Atlantis</Nationality>"
        "</Nationalities></Individual></IndividualDetails></Designation></Designations>")
    ds, report = import_dataset("uk", [path])
    doe = ds.actor("uk-rus0077")
    assert doe.birth_dates == ["1965", "1966-05"] and doe.nationalities == ["ru"]
    assert [(c.record, c.field, c.message) for c in report.changed] == [
        ("uk-rus0077", "DOB", "date of birth 'someday' is not a date: left out"),
        ("uk-rus0077", "Nationality",
         "nationality 'Atlantis' is not a country we know: left out")]
