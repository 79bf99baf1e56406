"""FtM export: the topics OpenSanctions tools read as "is sanctioned"."""

import json

from followthemoney import model

from kg.export.ftm import write_ftm
from kg.graph.build import build


def test_only_a_measure_in_force_gives_its_target_the_sanction_topic(tmp_path):
    """A newcomer's threatened UK sanction made Venezuela 'sanctioned' for OpenSanctions
    tools (topic ``sanction``); the Sanction entity, with its status, is still written."""
    from kg.model.records import Dataset

    ds = Dataset.model_validate({
        "sources": [{"id": "s", "url": "https://example.org/a"}],
        "actors": [{"id": "gb", "name": "United Kingdom", "kind": "state"},
                   {"id": "ve", "name": "Venezuela", "kind": "state"},
                   {"id": "ir", "name": "Iran", "kind": "state"},
                   {"id": "ru", "name": "Russia", "kind": "state"}],
        "sanctions": [
            {"id": "t1", "imposers": ["gb"], "targets": ["ve"], "status": "threatened",
             "sources": [{"source": "s"}]},
            {"id": "l1", "imposers": ["gb"], "targets": ["ir"], "status": "lifted",
             "sources": [{"source": "s"}]},
            {"id": "r1", "imposers": ["gb"], "targets": ["ru"], "status": "imposed",
             "reasons": ["retaliation"], "sources": [{"source": "s"}]}]})
    out = tmp_path / "x.ftm.json"
    write_ftm(build(ds), out)
    ents = [model.get_proxy(json.loads(line)) for line in out.read_text().splitlines()]
    topics = {e.first("name"): sorted(e.get("topics")) for e in ents
              if e.schema.name == "PublicBody"}
    assert topics["Venezuela"] == [] and topics["Iran"] == []
    assert topics["Russia"] == ["sanction", "sanction.counter"]
    statuses = sorted(e.first("status") for e in ents if e.schema.name == "Sanction")
    assert statuses == ["imposed", "lifted", "threatened"]
