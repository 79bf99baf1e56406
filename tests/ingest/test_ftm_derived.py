"""OpenSanctions without Sanction records: listings derived from a dataset's publisher
(FtM topics, and targets.simple.csv rows)."""

import json

import pytest

from kg.curated import load_table
from kg.ingest import import_dataset
from kg.ingest.bodies import body
from kg.ingest.ftm_derived import DATASETS, dataset_named
from kg.ingest.ftm_simple import is_simple_csv
from kg.resolve.resolver import country_name


def _entity(eid, topics, datasets, schema="Company", name=None):
    return {"id": eid, "schema": schema, "caption": name or eid,
            "properties": {"name": [name or eid], "topics": topics}, "datasets": datasets}


def _sanction(sid, target, datasets, country):
    return {"id": sid, "schema": "Sanction",
            "properties": {"entity": [target], "country": [country], "program": ["X"]},
            "datasets": datasets}


def _write(tmp_path, rows):
    f = tmp_path / "entities.ftm.json"
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return f


@pytest.mark.parametrize("name", sorted(load_table("opensanctions_datasets")))
def test_each_dataset_entry_names_a_polity_and_a_body_of_it(name):
    ds = DATASETS[name]
    assert country_name(ds.polity) is not None, ds.polity
    if ds.authority is not None:
        assert body(ds.authority).part_of == ds.polity
    assert ds.publisher and ds.titles
    for title in ds.titles:
        assert dataset_named(title) == name
    assert dataset_named(name) == name


def test_table_holds_the_lists_the_issue_names():
    assert {k: (d.polity, d.authority) for k, d in DATASETS.items()} == {
        "us_ofac_sdn": ("us", "us-ofac"), "us_ofac_cons": ("us", "us-ofac"),
        "eu_fsf": ("eu", "eu-council"), "gb_hmt_sanctions": ("gb", "gb-ofsi"),
        "gb_fcdo_sanctions": ("gb", "gb-fcdo"), "un_sc_sanctions": ("unsc", None),
        "ch_seco_sanctions": ("ch", "ch-seco")}


def test_a_sanctioned_topic_without_a_sanction_record_is_a_listing(tmp_path):
    f = _write(tmp_path, [
        _entity("co-1", ["sanction"], ["eu_fsf", "gb_hmt_sanctions", "ch_seco_sanctions"]),
        # the EU's own Sanction record comes after the entity: no EU listing is derived
        _sanction("eu-san-1", "co-1", ["eu_fsf"], "eu"),
        # a Sanction before its entity counts as well
        _sanction("ch-san-2", "co-2", ["ch_seco_sanctions"], "ch"),
        _entity("co-2", ["sanction"], ["ch_seco_sanctions", "un_sc_sanctions"]),
        _entity("co-3", ["sanction.linked"], ["us_ofac_sdn"]),
        _entity("co-4", ["sanction"], ["xx_unknown_list"]),
        _entity("co-5", [], ["us_ofac_sdn"]),
    ])
    ds, report = import_dataset("ftm", [f])
    derived = {s.id: s for s in ds.sanctions if "-listed-" in s.id}
    assert sorted(derived) == ["ftm-co-1-listed-ch-seco-sanctions",
                               "ftm-co-1-listed-gb-hmt-sanctions",
                               "ftm-co-2-listed-un-sc-sanctions"]
    gb = derived["ftm-co-1-listed-gb-hmt-sanctions"]
    assert (gb.imposers, gb.authorities, gb.targets) == (["gb"], ["gb-ofsi"], ["ftm-co-1"])
    assert gb.program.startswith("derived from the OpenSanctions dataset gb_hmt_sanctions")
    assert [c.source for c in gb.sources] == ["ftm-dataset-gb-hmt-sanctions"]
    assert gb.date is None and gb.measures == [] and gb.reasons == []  # nothing guessed
    un = derived["ftm-co-2-listed-un-sc-sanctions"]
    assert (un.imposers, un.authorities) == (["unsc"], [])
    assert ds.actor("gb-ofsi").part_of == "gb" and ds.actor("ch-seco").part_of == "ch"
    notes = " ".join(report.notes)
    assert "sanction.linked" in notes and "xx_unknown_list" in notes
    assert report.notes[next(n for n in report.notes if n.startswith("listings derived"))] == 3


def test_targets_simple_csv_is_read_by_header(fixtures):
    assert is_simple_csv(fixtures / "targets.simple.csv")
    assert not is_simple_csv(fixtures / "entities.ftm.json")
    ds, report = import_dataset("ftm", [fixtures / "targets.simple.csv"])
    vesk = ds.actor("ftm-nk-vesk7qa-8135a39e")  # the id the JSON export gives it
    assert vesk.name == "Orlan Vesk" and vesk.country == "kp"
    assert vesk.aliases == ["O. Vesk", "Orlan VESK"]
    assert vesk.birth_dates == ["1961-04-02"] and "birth_date" not in vesk.identifiers
    assert vesk.identifiers == {"opensanctions": "NK-Vesk7Qa", "identifiers": "PD0012345"}
    by_id = {s.id: s for s in ds.sanctions}
    s = by_id["ftm-nk-vesk7qa-8135a39e-listed-us-ofac-sdn"]
    assert (s.imposers, s.authorities) == (["us"], ["us-ofac"])
    assert s.program.startswith("DPRK3 - 2017-06-01 (derived from the OpenSanctions dataset")
    nord = [x for x in by_id.values() if x.targets == ["ftm-ru-inn-7700000001"]]
    assert sorted(x.imposers[0] for x in nord) == ["eu", "gb", "us"]
    # several datasets: their sanction texts cannot be told apart, so the actor keeps them
    assert "RUSSIA-EO14024" in ds.actor("ftm-ru-inn-7700000001").description
    # an unknown dataset, a row with no sanctions, a non-actor schema: no listing, reported
    assert ds.actor("ftm-q98765402") and not [x for x in ds.sanctions
                                              if x.targets == ["ftm-q98765402"]]
    assert ds.actor("ftm-pep-1").identifiers["email"] == "ana@example.org"
    assert [(x.line, x.message) for x in report.skipped] == [
        (7, "field 'id' is empty; row skipped")]
    assert any("CryptoWallet" in n for n in report.notes)
    assert any("first_seen" in n for n in report.notes)


def test_simple_csv_and_json_export_give_the_same_actor(fixtures):
    csv_ds, _ = import_dataset("ftm", [fixtures / "targets.simple.csv"])
    json_ds, _ = import_dataset("ftm", [fixtures / "entities.ftm.json"])
    a, b = csv_ds.actor("ftm-nk-vesk7qa-8135a39e"), json_ds.actor("ftm-nk-vesk7qa-8135a39e")
    assert (a.name, a.kind, a.country) == (b.name, b.kind, b.country)


def test_simple_csv_birth_dates_read_as_every_importer_reads_them(tmp_path):
    path = tmp_path / "targets.simple.csv"
    path.write_text(
        "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,"
        "phones,emails,dataset,first_seen,last_seen,last_change\n"
        "p1,Person,Jan Doe,,1965-03;not known,,,,,,,Every Politician,,,\n")
    ds, report = import_dataset("ftm", [path])
    doe = ds.actor("ftm-p1")
    assert doe.birth_dates == ["1965-03"] and "birth_date" not in doe.identifiers
    assert [(c.line, c.record, c.field, c.message) for c in report.changed] == [
        (2, "ftm-p1", "birth_date", "date of birth 'not known' is not a date: left out")]
