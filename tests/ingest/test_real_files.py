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
            "4 properties written as a single value, not a list: each read as a list of "
            "one") in changes
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
