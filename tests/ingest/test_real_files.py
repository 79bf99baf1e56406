"""Faults met importing real list files published elsewhere (round 6, "realists"): each test
writes its own small fixture of the same shape as the real file it stands for."""

from __future__ import annotations

import json
from pathlib import Path

from kg.ingest import import_dataset
from kg.ingest.common import slug_id


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- FtM: a property written as one bare value, not a list (hand-made and converted
# exports do this; one real file had it on 191 of its 1,565 entities) ---

def test_ftm_bare_property_values_are_read_not_the_entity_skipped(tmp_path):
    person = {"id": "Q900001", "schema": "Person",
              "properties": {"name": ["Talal Nasser"], "birthPlace": "Taif",
                             "birthDate": "1961-04-02", "nationality": ["sa"],
                             "notes": ["Governor"], "publications": [{"title": "A book"}],
                             "weakAlias": "Abu Nasser", "height": 181}}
    family = {"id": "fam-1", "schema": "Family",
              "properties": {"person": ["Q900001"], "relative": ["Q900002"],
                             "relationship": "brother"}}
    brother = {"id": "Q900002", "schema": "Person", "properties": {"name": "Fahd Nasser"}}
    path = _write(tmp_path / "entities.ftm.json",
                  "".join(json.dumps(e) + "\n" for e in (person, family, brother)))
    ds, report = import_dataset("ftm", [path])
    assert report.skipped_total == 0
    talal = ds.actor(slug_id("ftm", "Q900001"))
    assert talal.name == "Talal Nasser"
    assert talal.birth_dates == ["1961-04-02"]
    assert talal.weak_aliases == ["Abu Nasser"]
    assert ds.actor(slug_id("ftm", "Q900002")).name == "Fahd Nasser"
    [rel] = ds.relationships
    assert (rel.subject, rel.object, rel.role) == (talal.id, slug_id("ftm", "Q900002"),
                                                   "brother")
    changes = {(c.record, c.field, c.message) for c in report.changed}
    assert ("entity 'Q900001'", "birthPlace, birthDate, weakAlias, height",
            "4 properties written as a single value, not a list: read as a list of one") \
        in changes
    assert ("entity 'Q900001'", "publications",
            "a value of type object is not text: left out") in changes


def test_ftm_properties_that_are_not_an_object_still_skip_the_entity(tmp_path):
    path = _write(tmp_path / "e.ftm.json",
                  json.dumps({"id": "x1", "schema": "Person", "properties": ["a"]}) + "\n")
    ds, report = import_dataset("ftm", [path])
    assert not ds.actors
    [skip] = report.skipped
    assert skip.line == 1 and "'properties' must be an object" in skip.message


# --- UN: xs:date values with a time zone (2015-07-01-04:00), as the UN list writes some ---

UN_TZ = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2020-11-17T00:00:00.000-05:00">
 <INDIVIDUALS>
  <INDIVIDUAL><DATAID>7001</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>OMAR</FIRST_NAME>
   <SECOND_NAME>HADI</SECOND_NAME><UN_LIST_TYPE>Yemen</UN_LIST_TYPE>
   <REFERENCE_NUMBER>YEi.009</REFERENCE_NUMBER><LISTED_ON>2015-04-14-04:00</LISTED_ON>
   <NATIONALITY><VALUE>Yemen</VALUE></NATIONALITY>
   <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE>
    <DATE>1966-02-02-05:00</DATE></INDIVIDUAL_DATE_OF_BIRTH>
  </INDIVIDUAL>
 </INDIVIDUALS>
 <ENTITIES/>
</CONSOLIDATED_LIST>
"""


def test_un_dates_with_a_time_zone_are_read(tmp_path):
    ds, report = import_dataset("un", [_write(tmp_path / "consolidated.xml", UN_TZ)])
    actor = ds.actor("un-yei-009")
    assert actor.birth_dates == ["1966-02-02"]
    [sanction] = ds.sanctions
    assert sanction.date == "2015-04-14" and sanction.imposers == ["unsc"]
    assert report.changed_total == 0 and report.skipped_total == 0


# --- Country names as the lists write them: "Democratic Republic of the Congo" (UN),
# "Congo, Democratic Republic of the" (OFAC), demonyms ("Yemeni"), and OFAC's
# "Nationality of Registration" of a company; passports OFAC writes as "Diplomatic
# Passport" or "Passport #" ---

UN_NATIONS = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST>
 <INDIVIDUALS>
  <INDIVIDUAL><DATAID>7101</DATAID><FIRST_NAME>JEAN</FIRST_NAME><SECOND_NAME>MUKENDI</SECOND_NAME>
   <UN_LIST_TYPE>DRC</UN_LIST_TYPE><REFERENCE_NUMBER>CDi.101</REFERENCE_NUMBER>
   <LISTED_ON>2012-12-31</LISTED_ON>
   <NATIONALITY><VALUE>Democratic Republic of the Congo</VALUE></NATIONALITY>
   <INDIVIDUAL_ADDRESS><COUNTRY>Rwanda</COUNTRY></INDIVIDUAL_ADDRESS>
  </INDIVIDUAL>
  <INDIVIDUAL><DATAID>7102</DATAID><FIRST_NAME>SALIM</FIRST_NAME><SECOND_NAME>QASIM</SECOND_NAME>
   <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.901</REFERENCE_NUMBER>
   <LISTED_ON>2010-01-20</LISTED_ON>
   <NATIONALITY><VALUE>Yemeni</VALUE><VALUE>Algerian</VALUE></NATIONALITY>
  </INDIVIDUAL>
 </INDIVIDUALS>
</CONSOLIDATED_LIST>
"""


def test_un_nationalities_as_the_list_writes_them(tmp_path):
    ds, report = import_dataset("un", [_write(tmp_path / "consolidated.xml", UN_NATIONS)])
    mukendi = ds.actor("un-cdi-101")
    assert mukendi.nationalities == ["cd"] and mukendi.country == "cd"
    assert ds.actor("un-qdi-901").nationalities == ["ye", "dz"]
    assert report.changed_total == 0


OFAC_SDN = (
    '9101,"KABILA-NTUMBA, Pierre","individual","DRC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"DOB 04 Jan 1971; alt. DOB circa 1979-1982; nationality Congo, Democratic Republic of '
    'the; Diplomatic Passport '
    'DP0001520 (Congo, Democratic Republic of the); alt. Passport #H0044232."\r\n'
    '9102,"SONGBONG SHIPPING CO",-0- ,"DPRK4",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"Nationality of Registration Korea, North; Registration ID 5 (Korea, North)."\r\n')
OFAC_ADD = ('9101,201,-0- ,"Kigali","Rwanda",-0- \r\n'
            '9102,202,-0- ,"Dalian","China",-0- \r\n')


def test_ofac_nationality_registration_and_passports_as_ofac_writes_them(tmp_path):
    sdn = tmp_path / "sdn.csv"
    sdn.write_bytes(OFAC_SDN.encode())
    add = tmp_path / "add.csv"
    add.write_bytes(OFAC_ADD.encode())
    ds, report = import_dataset("ofac", [sdn, add])
    person = ds.actor("ofac-9101")
    assert person.nationalities == ["cd"] and person.country == "cd"
    assert person.identifiers["passport"] == "DP0001520; H0044232"
    assert person.birth_dates == ["1971-01-04", "1979", "1980", "1981", "1982"]
    company = ds.actor("ofac-9102")
    assert company.country == "kp"  # registered there; its address is in China
    assert company.nationalities == []  # a company's registration is no nationality
    assert report.changed_total == 0 and report.skipped_total == 0
    assert {s.imposers[0] for s in ds.sanctions} == {"us"}


# --- OFAC: the consolidated (non-SDN) list saved under another name than consolidated.xml
# (ofac_consolidated.xml) is still the non-SDN list, with no asset freeze; a legacy CSV
# renamed so its name says no role (OFAC.csv holding alt.csv) is told by its columns ---

OFAC_CONS_XML = """<?xml version="1.0" standalone="yes"?>
<sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
  <publshInformation><Publish_Date>05/06/2024</Publish_Date><Record_Count>1</Record_Count>
  </publshInformation>
  <sdnEntry><uid>9639</uid><lastName>NORTHERN LEDGER BANK</lastName><sdnType>Entity</sdnType>
    <programList><program>UKRAINE-EO13662</program></programList></sdnEntry>
</sdnList>
"""


def test_ofac_consolidated_list_under_another_name_is_no_asset_freeze(tmp_path):
    path = _write(tmp_path / "ofac_consolidated.xml", OFAC_CONS_XML)
    ds, report = import_dataset("ofac", [path])
    [sanction] = ds.sanctions
    assert sanction.id == "ofac-9639-cons" and sanction.measures == []
    assert sanction.imposers == ["us"] and sanction.program == "UKRAINE-EO13662"
    assert report.notes["ofac_consolidated.xml: read as OFAC's consolidated (non-SDN) list, "
                        "as its name says: no asset freeze"] == 1
    # the SDN list under its own name is still the SDN list
    ds, _ = import_dataset("ofac", [_write(tmp_path / "sdn.xml", OFAC_CONS_XML)])
    assert [s.measures for s in ds.sanctions] == [["asset_freeze"]]


def test_ofac_csv_renamed_is_told_by_its_columns(tmp_path):
    sdn = tmp_path / "sdn.csv"
    sdn.write_bytes(OFAC_SDN.encode())
    renamed = tmp_path / "OFAC.csv"
    renamed.write_bytes(b'9102,77,"aka","SONGBONG CO",-0- \r\n\x1a')
    ds, report = import_dataset("ofac", [sdn, renamed])
    assert ds.actor("ofac-9102").aliases == ["SONGBONG CO"]
    assert report.skipped_total == 0
    assert report.notes["OFAC.csv: read as OFAC's alt file (its records have 5 columns; its "
                        "name does not say)"] == 1


# --- CSL: one _id on two lists (an OFAC uid on the SSI and NS-MBS lists, or on the SDN and
# PLC lists: seven in a real 2020 file) is one actor with a sanction per list; a header row
# repeated inside the file (files joined) is not an actor named "name" ---

CSL_HEADER = ("_id,source,entity_number,type,programs,name,title,addresses,"
              "federal_register_notice,start_date,end_date,standard_order,license_requirement,"
              "license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,"
              "vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,"
              "dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n")


def _csl_row(uid: str, source: str, programs: str, name: str, alt: str) -> str:
    cells = [uid, source, uid, "Entity", programs, name, "", "Moscow, RU", "", "2014-07-16",
             "", "", "", "", "", "", "", "", "", "", "", "", alt, "", "", "", "", "", ""]
    return ",".join(f'"{c}"' for c in cells) + "\n"


def test_csl_one_id_on_two_lists_is_one_actor_with_two_sanctions(tmp_path):
    text = (CSL_HEADER
            + _csl_row("17016", "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury "
                       "Department", "RUSSIA-EO14024", "Volga Credit Bank", "VCB")
            + CSL_HEADER
            + _csl_row("17016", "Sectoral Sanctions Identifications List (SSI) - Treasury "
                       "Department", "UKRAINE-EO13662", "VOLGA CREDIT BANK", "VCB; Volgabank")
            + _csl_row("17016", "Sectoral Sanctions Identifications List (SSI) - Treasury "
                       "Department", "UKRAINE-EO13662", "VOLGA CREDIT BANK", "VCB"))
    ds, report = import_dataset("csl", [_write(tmp_path / "consolidated.csv", text)],
                                today="2025-01-01")
    assert [a.id for a in ds.actors if a.id.startswith("csl-")] == ["csl-17016"]
    assert ds.actor("csl-17016").name == "Volga Credit Bank"
    assert sorted(s.id for s in ds.sanctions) == ["csl-17016-ns-mbs-list", "csl-17016-ssi"]
    [dup] = report.skipped  # the same _id twice on one list is a duplicate
    assert dup.line == 5 and "appears twice on one list" in dup.message
    [change] = report.changed
    assert change.line == 4 and change.record == "csl-17016" and "'Volgabank'" in change.message
    assert report.notes["consolidated.csv: the header row again (as in files joined into "
                        "one): passed over, not read as a record"] == 1
    assert report.read == 3


def test_csl_older_layout_without_id_column_is_read(tmp_path):
    header = CSL_HEADER.removeprefix("_id,")
    sdn = _csl_row("9647", "Specially Designated Nationals (SDN) - Treasury Department",
                   "SDGT", "ZAHAR, Mahmoud", "")[len('"9647",'):]
    dpl = ('"Denied Persons List (DPL) - Bureau of Industry and Security",,,, ADRIAN MORENO,,'
           '"3037 S. 69TH DRIVE, PHOENIX, AZ, 85043",82 F.R. 48792,2017-10-16,2020-10-13,Y,,,,'
           ',,,,,FR NOTICE ADDED,,,,,,,,\n')
    path = _write(tmp_path / "csl.csv", header + sdn + dpl)
    ds, report = import_dataset("csl", [path], today="2025-01-01")
    assert report.skipped_total == 0 and report.read == 2
    assert ds.actor("csl-9647").name == "ZAHAR, Mahmoud"
    [moreno] = [a for a in ds.actors if a.name == "ADRIAN MORENO"]
    assert moreno.id.startswith("csl-h") and len(moreno.id) == len("csl-h") + 16
    dpl_sanction = next(s for s in ds.sanctions if s.targets == [moreno.id])
    assert (dpl_sanction.date, dpl_sanction.end_date) == ("2017-10-16", "2020-10-13")
    assert dpl_sanction.status.value == "lifted"
    # the same file read again gives the same ids
    again, _ = import_dataset("csl", [path], today="2025-01-01")
    assert sorted(a.id for a in again.actors) == sorted(a.id for a in ds.actors)


# --- A file of another format given to an XML importer: the message names its root element
# (a real OFAC Enhanced XML, root <sanctionsData>, was answered with a bare "is this sdn.xml?")

def test_another_xml_format_is_named_by_its_root_element(tmp_path):
    enhanced = _write(tmp_path / "IRGC_sanctions.xml",
                      '<?xml version="1.0" encoding="utf-8"?>\n<sanctionsData xmlns="https://'
                      'sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/'
                      'ENHANCED_XML"><publicationInfo/><entities/></sanctionsData>\n')
    ds, report = import_dataset("ofac", [enhanced])
    assert ds.actors == []
    [skip] = report.skipped
    assert "(its root element is <sanctionsData>)" in skip.message
    assert "Enhanced and Advanced XML" in skip.message
    _, report = import_dataset("un", [enhanced])
    assert report.skipped[0].message == ("no INDIVIDUAL or ENTITY entries (its root element "
                                         "is <sanctionsData>): is this the UN consolidated "
                                         "list XML?")


# --- OFAC: a long remark goes on in sdn_comments.csv, cut mid-word ("Linked To: PROMO RAI" +
# "Z S.A.S.; Linked To: ..."): joined as it is, so both links are made (24 links in a real
# file were lost or reported as names cut short) ---

def test_ofac_remarks_continued_mid_word_in_the_comments_file(tmp_path):
    sdn = tmp_path / "sdn.csv"
    sdn.write_bytes(
        b'9201,"PROMO RAIZ S.A.S.",-0- ,"SDNTK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
        b'9202,"RED MUNDIAL INMOBILIARIA, S.A. DE C.V.",-0- ,"SDNTK",-0- ,-0- ,-0- ,-0- ,-0- ,'
        b'-0- ,-0- ,-0- \r\n'
        b'9203,"SOLANO  GRUPO",-0- ,"SDNTK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
        b'"Linked To: PROMO RAI"\r\n')
    comments = tmp_path / "sdn_comments.csv"
    comments.write_bytes(b'9203,"Z S.A.S.; Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V."'
                         b'\r\n')
    ds, report = import_dataset("ofac", [sdn, comments])
    assert sorted((r.subject, r.object) for r in ds.relationships) == [
        ("ofac-9203", "ofac-9201"), ("ofac-9203", "ofac-9202")]
    assert ds.actor("ofac-9203").description == (
        "Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V.")
    assert report.changed_total == 0 and report.skipped_total == 0


def test_csl_header_with_a_damaged_id_column_is_not_read_as_the_older_layout(tmp_path):
    path = _write(tmp_path / "consolidated.csv", "\x01" + CSL_HEADER + _csl_row(
        "17016", "Sectoral Sanctions Identifications List (SSI) - Treasury Department",
        "UKRAINE-EO13662", "VOLGA CREDIT BANK", ""))
    ds, report = import_dataset("csl", [path])
    assert ds.actors == []
    [skip] = report.skipped
    assert skip.message.startswith("no _id column: is this the Consolidated Screening List")
