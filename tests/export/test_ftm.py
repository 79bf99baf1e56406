"""FtM export read back by the followthemoney library."""

import json
from pathlib import Path

from followthemoney import model

from kg.export.ftm import write_ftm
from kg.graph.build import build
from kg.ingest import import_dataset
from kg.merge import merge_datasets
from kg.model.identity import Judgement

FIX = Path(__file__).parent.parent / "ingest" / "fixtures"


def test_followthemoney_reads_every_line(tmp_path):
    parts = [import_dataset("ftm", [FIX / "entities.ftm.json"])[0],
             import_dataset("un", [FIX / "consolidated.xml"])[0],
             import_dataset("gdelt", [FIX / "events.export.CSV"])[0]]
    # The UN entry gives no date of birth, so only a reviewer's judgement makes it the FtM
    # person (the same name alone does not).
    same = Judgement(ids=["ftm-nk-vesk7qa-8135a39e", "un-kpi-901"], same=True)
    ds, _ = merge_datasets(parts, judgements=[same])
    out = write_ftm(build(ds), tmp_path / "out.ftm.json")
    proxies = {}
    for line in out.read_text().splitlines():
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        # Nothing we wrote was dropped by FtM's cleaning: every value is valid for its type.
        for prop, values in data["properties"].items():
            assert sorted(proxy.get(prop)) == sorted(set(values)), (data["id"], prop)
        proxies[proxy.id] = proxy
    person = proxies["kg-ftm-nk-vesk7qa-8135a39e"]
    assert person.schema.name == "Person" and person.get("country") == ["kp"]
    assert "ORLAN VESK" not in person.get("name")
    un = proxies["kg-un-kpi-901-listing-ftm-nk-vesk7qa-8135a39e"]
    assert un.schema.name == "Sanction"
    assert un.get("entity") == ["kg-ftm-nk-vesk7qa-8135a39e"]
    assert un.get("authority") == ["UN Security Council"]
    assert un.get("startDate") == ["2016-11-30"]
    assert un.get("reason") == ["DPRK (resolution 1718)"]
    counter = proxies["kg-ftm-ru-mfa-lindqvist-ftm-q98765402"]
    assert counter.get("country") == ["ru"]
    assert "sanction.counter" in proxies["kg-ftm-q98765402"].get("topics")
    gd = proxies["kg-gdelt-1100001-ru"]
    assert sorted(gd.get("sourceUrl")) == ["https://news.example.com/us-sanctions-russia",
                                           "https://wire.example.net/story/123"]
    vessel = proxies["kg-ftm-imo-9000001"]
    assert vessel.schema.name == "Vessel"
    # Its IMO number fails the check digit: FtM would drop it, so it is kept in notes.
    assert vessel.get("imoNumber") == []
    assert "imo (not a valid imoNumber for FtM): 9000001" in vessel.get("notes")
    assert proxies["kg-us"].schema.name == "PublicBody"


def test_relationships_round_trip_through_ftm(tmp_path):
    from ownership_data import ownership_dataset

    from kg.model.records import Relationship
    from kg.model.refs import ensure_valid

    ds = ownership_dataset()
    ds = ensure_valid(ds.model_copy(update={"relationships": [*ds.relationships, Relationship(
        id="a-yb", kind="associate", subject="y", object="b", role="business partner",
        start_date="2016-05", sources=[{"source": "register"}])]}))
    out = write_ftm(build(ds), tmp_path / "own.ftm.json")
    links = {}
    for line in out.read_text().splitlines():
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        for prop, values in data["properties"].items():
            assert sorted(proxy.get(prop)) == sorted(set(values)), (data["id"], prop)
        if proxy.schema.name in ("Ownership", "Directorship", "Family", "UnknownLink"):
            links[proxy.id] = proxy
    assert len(links) == len(ds.relationships)
    h1 = links["kg-o-xh1"]
    assert (h1.schema.name, h1.get("owner"), h1.get("asset"), h1.get("percentage"),
            h1.get("startDate"), h1.get("endDate")) == (
        "Ownership", ["kg-x"], ["kg-h"], ["80"], ["2015"], ["2019-12-31"])
    assert links["kg-o-xg"].get("percentage") == []  # unknown stays unknown, never 0 or 100
    d = links["kg-d-yc"]
    assert (d.schema.name, d.get("director"), d.get("organization"), d.get("role")) == (
        "Directorship", ["kg-y"], ["kg-c"], ["CEO"])
    f = links["kg-f-xy"]
    assert (f.schema.name, f.get("person"), f.get("relative"), f.get("relationship")) == (
        "Family", ["kg-x"], ["kg-y"], ["spouse"])
    a = links["kg-a-yb"]
    assert (a.schema.name, a.get("subject"), a.get("object"), a.get("role"),
            a.get("startDate")) == ("UnknownLink", ["kg-y"], ["kg-b"], ["business partner"],
                                    ["2016-05"])
    # kg import ftm reads them back as the same relationships (ids prefixed as for any FtM).
    back, _ = import_dataset("ftm", [out])
    def key(r, ids):
        return (r.kind, ids(r.subject), ids(r.object), r.share, r.role, r.start_date,
                r.end_date)
    got = sorted(key(r, lambda i: i.removeprefix("ftm-kg-")) for r in back.relationships)
    assert got == sorted(key(r, lambda i: i) for r in ds.relationships)


def test_identity_fields_read_back_by_followthemoney(tmp_path):
    from kg.ingest.identity import FTM_ID_PROPS
    from kg.model.identity import FTM_PROPERTIES
    from kg.model.records import Dataset

    # Made-up values that pass FtM's checks (INN, LEI and IMO check digits).
    ds = Dataset.model_validate({"actors": [
        {"id": "p", "name": "Pavel Ore", "kind": "person", "wikidata_id": "Q5",
         "birth_dates": ["1961-04-02", "1962"], "nationalities": ["cy", "ru"],
         "identifiers": {"passport": "K1234; K5678", "national_id": "AB 123",
                         "un_reference": "QDi.901", "birth_place": "Limassol",
                         "imo": "9123453"}},
        {"id": "v", "name": "Sea Star", "kind": "vessel",
         "identifiers": {"imo": "IMO 9123453", "mmsi": "123456789", "call_sign": "ABCD"}},
        {"id": "o", "name": "Alpha LLC", "kind": "organization", "birth_dates": [],
         "identifiers": {"inn": "7700000016", "lei": "5493001KJTIIGC8Y1R12",
                         "ofac_uid": "4711", "imo": "9123453",
                         "swift_bic": "DEUTDEFF500"}}]})
    out = write_ftm(build(ds), tmp_path / "id.ftm.json")
    proxies = {}
    for line in out.read_text().splitlines():
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        for prop, values in data["properties"].items():
            assert sorted(proxy.get(prop)) == sorted(set(values)), (data["id"], prop)
        proxies[proxy.id] = proxy
    p, v, o = proxies["kg-p"], proxies["kg-v"], proxies["kg-o"]
    assert p.get("birthDate") == ["1961-04-02", "1962"]
    assert sorted(p.get("nationality")) == ["cy", "ru"]
    assert sorted(p.get("passportNumber")) == ["K1234", "K5678"]
    assert p.get("idNumber") == ["AB 123"] and p.get("birthPlace") == ["Limassol"]
    assert p.get("wikidataId") == ["Q5"]
    # No FtM property for a list reference, none for an IMO number on a person: in notes.
    assert sorted(p.get("notes")) == ["imo: IMO9123453", "un_reference: QDi.901"]
    assert v.get("imoNumber") == ["IMO9123453"] and v.get("mmsi") == ["123456789"]
    assert v.get("callSign") == ["ABCD"]
    assert o.get("innCode") == ["7700000016"] and o.get("imoNumber") == ["IMO9123453"]
    assert o.get("leiCode") == ["5493001KJTIIGC8Y1R12"]
    # FtM keeps a BIC's first 8 characters: the whole one is kept in notes.
    assert o.get("swiftBic") == ["DEUTDEFF"]
    assert sorted(o.get("notes")) == ["ofac_uid: 4711", "swift_bic: DEUTDEFF500"]
    # The importer reads back what the exporter writes, under the same schemes.
    assert {p: s for s, p in FTM_PROPERTIES.items() if p in FTM_ID_PROPS} == FTM_ID_PROPS


CHECKED = {  # property -> values, valid and not (made up; check digits computed)
    "imoNumber": ["9123453", "IMO 9123453", "IMO9000001", "9000001", "1234567", "0000000",
                  "IMO 12345", "ABC"],
    "innCode": ["7700000016", "7700000017", "500100732259", "500100732250", "77000000"],
    "ogrnCode": ["1027700132195", "1027700132196", "0027700132195", "315774600002662"],
    "leiCode": ["5493001KJTIIGC8Y1R12", "5493001KJTIIGC8Y1R13", "5493001kjtiigc8y1r12"],
    "swiftBic": ["DEUTDEFF", "DEUTDEFF500", "deutdeff", "DEUT1EFF", "DEUTDE"],
}


def test_ftm_value_agrees_with_followthemoney():
    from kg.export.ftm_ids import ftm_value

    schema = {"imoNumber": "Vessel"}
    for prop, values in CHECKED.items():
        for v in values:
            proxy = model.get_proxy({"id": "x", "schema": schema.get(prop, "Organization"),
                                     "properties": {prop: [v]}}, cleaned=False)
            kept = ftm_value(prop, v)
            assert proxy.get(prop) == ([] if kept is None else [kept]), (prop, v, kept)
    assert ftm_value("imoNumber", "9000001") is None  # some really are refused
