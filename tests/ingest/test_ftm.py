"""FtM JSON lines import: actors, sanctions, imposers, reasons, odd corners."""

import json

import pytest

from kg.errors import UsageError
from kg.ingest import import_dataset
from kg.ingest.common import slug_id
from kg.model.vocab import ActorKind, Measure, Reason, Status


def _load(fixtures):
    return import_dataset("ftm", [fixtures / "entities.ftm.json"])


def test_actors_keep_names_aliases_country_and_identifiers(fixtures):
    ds, _ = _load(fixtures)
    vesk = ds.actor(slug_id("ftm", "NK-Vesk7Qa"))
    assert vesk.name == "Orlan Vesk" and vesk.kind is ActorKind.PERSON
    assert vesk.aliases == ["O. Vesk", "Orlan VESK"]
    assert vesk.country == "kp"
    assert vesk.position == "Director of the Tanbong Trading Bureau"
    assert vesk.identifiers == {"opensanctions": "NK-Vesk7Qa"}
    company = ds.actor("ftm-ru-inn-7700000001")
    assert company.kind is ActorKind.ORGANIZATION and company.country == "ru"
    assert company.wikidata_id == "Q98765401"
    assert company.identifiers["inn"] == "7700000001"
    # An entity id that is a Wikidata id is the actor's wikidata_id.
    assert ds.actor("ftm-q98765402").wikidata_id == "Q98765402"


def test_ids_are_deterministic_and_case_safe():
    assert slug_id("ftm", "NK-Vesk7Qa") == slug_id("ftm", "NK-Vesk7Qa")
    assert slug_id("ftm", "NK-abc") != slug_id("ftm", "NK-ABC")
    assert slug_id("ftm", "ofac-123") == "ftm-ofac-123"


def test_entity_without_sanction_is_kept_as_actor(fixtures):
    ds, _ = _load(fixtures)
    vessel = ds.actor("ftm-imo-9000001")
    assert vessel.kind is ActorKind.VESSEL and vessel.country == "pa"
    assert vessel.identifiers["imo"] == "9000001"
    assert not [s for s in ds.sanctions if vessel.id in s.targets]


def test_sanction_mapping(fixtures):
    ds, _ = _load(fixtures)
    s = {x.id: x for x in ds.sanctions}
    ofac = s["ftm-ofac-san-vesk"]
    assert ofac.imposers == ["us"] and ofac.targets == [slug_id("ftm", "NK-Vesk7Qa")]
    assert ofac.date == "2017-06-01" and ofac.program == "DPRK3"
    assert [(r.category, r.detail) for r in ofac.reasons] == [
        (Reason.NUCLEAR_PROLIFERATION, "DPRK3")]
    assert ofac.measures == [Measure.ASSET_FREEZE]
    urls = {x.id: x.url for x in ds.sources}
    assert [urls[c.source] for c in ofac.sources if urls[c.source]] == [
        "https://ofac.example.org/recent-actions/20170601"]
    # The EU sanction came before its target in the file: it waited and was kept.
    eu = s["ftm-eu-fsf-nordlight"]
    assert eu.imposers == ["eu"] and eu.targets == ["ftm-ru-inn-7700000001"]
    assert eu.reasons[0].category is Reason.ARMED_CONFLICT
    assert eu.reasons[0].detail.startswith("Responsible for actions which undermine")
    assert eu.measures == [Measure.ASSET_FREEZE, Measure.FINANCIAL_RESTRICTIONS]


def test_counter_topic_makes_retaliation(fixtures):
    ds, _ = _load(fixtures)
    s = next(x for x in ds.sanctions if x.id == "ftm-ru-mfa-lindqvist")
    assert s.imposers == ["ru"]
    assert [r.category for r in s.reasons] == [Reason.RETALIATION]
    assert s.measures == [Measure.TRAVEL_BAN]


def test_the_polity_imposes_and_the_authority_is_kept_as_its_body(fixtures):
    ds, _ = _load(fixtures)
    s = next(x for x in ds.sanctions if x.id == "ftm-ge-fma-san-delta")
    assert s.imposers == ["ge"]  # the record's country, not its authority's name
    body = ds.actor("body-financial-monitoring-service-of-georgia")
    assert body.kind is ActorKind.GOVERNMENT_BODY and body.part_of == "ge"
    assert s.status is Status.LIFTED and s.end_date == "2020-11-12"
    assert s.reasons[0].category is Reason.TERRORISM
    assert s.authorities == [body.id]  # the sanction names the body that issued it
    # a body kg/curated/issuing_bodies.yaml knows is the node every importer writes for it
    ofac = ds.actor("us-ofac")
    assert (ofac.part_of, ofac.country) == ("us", "us")
    assert ds.actor("body-office-of-foreign-assets-control") is None
    by_id = {x.id: x for x in ds.sanctions}
    assert by_id["ftm-ofac-san-vesk"].authorities == ["us-ofac"]
    assert by_id["ftm-eu-fsf-nordlight"].authorities == ["eu-council"]


def test_bad_lines_reported_with_line_and_rest_imported(fixtures):
    _, report = _load(fixtures)
    where = {(s.line, s.message.split(":")[0]) for s in report.skipped}
    assert (12, "invalid JSON") in where
    # a bare value is read as FtM's own reader reads it (a list of one), and reported
    assert not any(s.line == 13 for s in report.skipped)
    assert any(c.line == 13 and c.field == "name" and "single value" in c.message
               for c in report.changed)
    assert any(s.line == 14 and "JSON object" in s.message for s in report.skipped)
    ghost = [s for s in report.skipped if "gb-hmt-ghost" in s.message]
    assert ghost[0].line == 11 and "NK-Missing1" in ghost[0].message
    assert report.skipped_total == 3 and report.read == 14
    # 11 actors (one of them 'bad-props', its bare name read as a list of one), and the 3
    # issuing authorities that are not a polity's own name
    assert report.imported == {"actor": 14, "sanction": 4, "source": 8}
    assert report.notes["not imported: FtM Address entities (not an actor or a sanction)"] == 1


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text("\n\n")
    ds, report = import_dataset("ftm", [empty, tmp_path / "nope.json"])
    assert ds.actors == [] and report.read == 0
    assert [s.message.split(":")[0] for s in report.skipped] == ["cannot read"]


def test_sanction_without_imposer_or_target(tmp_path):
    f = tmp_path / "e.json"
    lines = [
        {"id": "p", "schema": "Person", "properties": {"name": ["A Person"]}},
        {"id": "s1", "schema": "Sanction", "properties": {"entity": ["p"]}},
        {"id": "s2", "schema": "Sanction", "properties": {"authority": ["OFAC"]}},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    ds, report = import_dataset("ftm", [f])
    assert ds.sanctions == []
    reasons = [(s.line, s.message) for s in report.skipped]
    assert reasons == [(2, "sanction 's1' names no authority or country, so no imposer"),
                       (3, "sanction 's2' names no 'entity' (target)")]


def test_an_end_date_means_lifted_only_once_the_pinned_day_reaches_it(tmp_path):
    # The same sanction, ending 2030-06-30, read on two pinned days: before its end it is
    # in force; on or after it, lifted. Nothing reads the machine's clock.
    path = tmp_path / "end.ftm.json"
    path.write_text(json.dumps({
        "id": "x-san", "schema": "Sanction", "properties": {
            "entity": ["x-person"], "authority": ["Office of Foreign Assets Control"],
            "startDate": ["2024-01-10"], "endDate": ["2030-06-30"]}}) + "\n" + json.dumps({
        "id": "x-person", "schema": "Person", "properties": {"name": ["X Person"]}}) + "\n")

    def status(today):
        ds, _ = import_dataset("ftm", [path], today=today)
        return [(s.status, s.end_date) for s in ds.sanctions]

    assert status("2026-11-30") == [(Status.IMPOSED, "2030-06-30")]
    assert status("2030-06-29") == [(Status.IMPOSED, "2030-06-30")]
    assert status("2030-06-30") == [(Status.LIFTED, "2030-06-30")]
    assert status("2031-01-01") == [(Status.LIFTED, "2030-06-30")]


def test_a_pinned_day_must_be_a_real_date(fixtures):
    with pytest.raises(UsageError, match="2021-02-30"):
        import_dataset("ftm", [fixtures / "entities.ftm.json"], today="2021-02-30")
    with pytest.raises(UsageError, match="not a YYYY-MM-DD date"):
        import_dataset("ftm", [fixtures / "entities.ftm.json"], today="20210322")
