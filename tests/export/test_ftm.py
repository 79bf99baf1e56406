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
