"""UN consolidated list XML import: regimes, dates, aliases, broken and hostile XML."""

from kg.ingest import import_dataset
from kg.model.vocab import ActorKind, Measure, Reason


def test_entries(fixtures):
    ds, report = import_dataset("un", [fixtures / "consolidated.xml"])
    person = ds.actor("un-kpi-901")
    assert person.name == "ORLAN VESK" and person.kind is ActorKind.PERSON
    assert person.country == "kp" and person.position == "Director"
    assert person.aliases == ["Orlan Vesk"]
    assert person.weak_aliases == ["Ol Vesk"]  # QUALITY Low
    assert person.identifiers == {"un_reference": "KPi.901", "un_dataid": "7000101"}
    s = next(x for x in ds.sanctions if x.id == "un-kpi-901-listing")
    assert s.imposers == ["unsc"] and s.date == "2016-11-30"
    assert s.reasons[0].category is Reason.NUCLEAR_PROLIFERATION
    assert s.reasons[0].detail == "DPRK (resolution 1718)"
    assert s.measures == [Measure.ASSET_FREEZE, Measure.TRAVEL_BAN, Measure.ARMS_EMBARGO]
    entity = ds.actor("un-kpe-970")
    assert entity.kind is ActorKind.ORGANIZATION and entity.country == "kp"
    assert entity.aliases == ["Tanbong Trading Corporation"]
    qd = ds.actor("un-qdi-950")
    assert qd.name == "ABU EXAMPLE AL-FICTUS" and "أبو المثال" in qd.aliases
    assert next(x for x in ds.sanctions if x.id == "un-qdi-950-listing").reasons[0].category \
        is Reason.TERRORISM
    assert [(s.line, s.message) for s in report.skipped] == [
        (31, "INDIVIDUAL LYi.960 has no FIRST_NAME")]


def test_broken_xml_keeps_entries_before_the_error(tmp_path):
    f = tmp_path / "list.xml"
    f.write_text("<CONSOLIDATED_LIST><INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME>"
                 "<REFERENCE_NUMBER>TAi.1</REFERENCE_NUMBER></INDIVIDUAL>\n"
                 "<INDIVIDUAL><FIRST_NAME>B</SECOND_NAME></INDIVIDUAL>\n")
    ds, report = import_dataset("un", [f])
    assert [a.id for a in ds.actors] == ["unsc", "un-tai-1"]
    assert report.skipped[0].line == 3
    assert report.skipped[0].message.startswith("broken XML (mismatched tag)")


def test_entity_bomb_and_external_entity_refused(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
                    "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&b;</FIRST_NAME>"
                    "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n")
    ext = tmp_path / "ext.xml"
    ext.write_text('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">'
                   ']>\n<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&e;'
                   "</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n")
    ds, report = import_dataset("un", [bomb, ext])
    assert ds.actors == []
    assert [s.message.split(" (")[0] for s in report.skipped] == [
        "refused: EntitiesForbidden", "refused: EntitiesForbidden"]


def test_not_the_un_list(tmp_path):
    f = tmp_path / "other.xml"
    f.write_text("<rss><channel><title>x</title></channel></rss>")
    ds, report = import_dataset("un", [f])
    assert ds.actors == [] and "no INDIVIDUAL or ENTITY" in report.skipped[0].message


def test_nationality_qualifiers_keep_the_country_and_say_so(tmp_path):
    """The UN list qualifies nationalities ("Sudanese by birth", "Iraqi (by birth)",
    "naturalized British"): the country is kept and the report says how each was read;
    what is no nationality ("citizenship withdrawn") is still left out, reported."""
    values = ["Sudanese by birth", "Iraqi (by birth)", "naturalized British",
              "Bosnia and Herzegovina (naturalised)", "Jordanian", "Kuwaiti citizenship withdrawn"]
    nats = "".join(f"<VALUE>{v}</VALUE>" for v in values)
    f = tmp_path / "list.xml"
    f.write_text("<CONSOLIDATED_LIST><INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME>"
                 "<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER>"
                 f"<NATIONALITY>{nats}</NATIONALITY></INDIVIDUAL>\n"
                 "</INDIVIDUALS></CONSOLIDATED_LIST>\n", encoding="utf-8")
    ds, report = import_dataset("un", [f])
    person = ds.actor("un-qdi-1")
    assert person.nationalities == ["sd", "iq", "gb", "ba", "jo"]
    assert person.country == "sd"
    assert [(c.line, c.record, c.field, c.message) for c in report.changed] == [
        (2, "un-qdi-1", "NATIONALITY",
         "nationality 'Sudanese by birth' read as sd (Sudan), by birth"),
        (2, "un-qdi-1", "NATIONALITY",
         "nationality 'Iraqi (by birth)' read as iq (Iraq), by birth"),
        (2, "un-qdi-1", "NATIONALITY",
         "nationality 'naturalized British' read as gb (United Kingdom), naturalized"),
        (2, "un-qdi-1", "NATIONALITY", "nationality 'Bosnia and Herzegovina (naturalised)' "
         "read as ba (Bosnia and Herzegovina), naturalised"),
        (2, "un-qdi-1", "NATIONALITY",
         "nationality 'Kuwaiti citizenship withdrawn' is not a country we know: left out")]
    assert report.skipped == []
