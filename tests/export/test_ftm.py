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
    assert proxies["kg-ftm-imo-9000001"].schema.name == "Vessel"
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
