"""FtM Ownership, Directorship, Family and UnknownLink entities become relationships, and
the exposure they imply is computed (a sanctioned person's company cluster, made up)."""

from __future__ import annotations

import json
from pathlib import Path

from kg.graph.build import build
from kg.ingest import import_dataset
from kg.query.ownership import exposure, owners


def _e(eid: str, schema: str, **props: list[str]) -> str:
    return json.dumps({"id": eid, "schema": schema, "properties": props,
                       "datasets": ["us_ofac_sdn"]})


def _write(path: Path) -> Path:
    lines = [
        _e("own-1", "Ownership", owner=["p1"], asset=["c-full"], percentage=["100"],
           startDate=["2012-05-01"]),  # before its ends: held until they arrive
        _e("p1", "Person", name=["Ivan Examplov"]),
        _e("c-listed", "Company", name=["Listed Holding LLC"]),
        _e("c-full", "Company", name=["Full Subsidiary LLC"]),
        _e("c-major", "Company", name=["Major Stake JSC"]),
        _e("c-unknown", "Company", name=["Unknown Share LLC"]),
        _e("s1", "Sanction", entity=["p1"], authority=["Office of Foreign Assets Control"],
           startDate=["2018-04-06"]),
        _e("s2", "Sanction", entity=["c-listed"], authority=["Office of Foreign Assets Control"],
           startDate=["2018-04-06"]),
        _e("own-2", "Ownership", owner=["p1"], asset=["c-major"], percentage=["75%"]),
        _e("own-3", "Ownership", owner=["p1"], asset=["c-unknown"], sharesValue=["1000000"]),
        _e("own-4", "Ownership", owner=["p1"], asset=["c-listed"], percentage=["66.6"],
           startDate=["2010"]),
        _e("own-5", "Ownership", owner=["p1"], asset=["c-major"], percentage=["250"]),
        _e("dir-1", "Directorship", director=["p1"], organization=["c-full"], role=["CEO"]),
        _e("fam-1", "Family", person=["p1"], relative=["p2"], relationship=["son"]),
        _e("p2", "Person", name=["Petr Examplov"]),
        _e("ul-1", "UnknownLink", subject=["p2"], object=["c-major"], role=["nominee"]),
        _e("own-6", "Ownership", owner=["p1"], asset=["nowhere"], percentage=["10"]),
    ]
    p = path / "cluster.ftm.json"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_links_are_imported_with_shares_roles_and_dates(tmp_path: Path) -> None:
    ds, report = import_dataset("ftm", [_write(tmp_path)], today="2024-01-01")
    rel = {r.id: r for r in ds.relationships}
    assert sorted(rel) == ["ftm-dir-1", "ftm-fam-1", "ftm-own-1", "ftm-own-2", "ftm-own-3",
                           "ftm-own-4", "ftm-own-5", "ftm-ul-1"]
    assert (rel["ftm-own-1"].share, rel["ftm-own-1"].start_date) == (100.0, "2012-05-01")
    assert rel["ftm-own-2"].share == 75.0 and rel["ftm-own-3"].share is None
    assert rel["ftm-own-5"].share is None  # 250 is not a share: left out, reported
    assert (rel["ftm-dir-1"].kind, rel["ftm-dir-1"].role) == ("directorship", "CEO")
    assert (rel["ftm-fam-1"].kind, rel["ftm-fam-1"].role) == ("family", "son")
    assert (rel["ftm-ul-1"].kind, rel["ftm-ul-1"].subject) == ("associate", "ftm-p2")
    assert [s.source for s in rel["ftm-own-1"].sources] == ["ftm-dataset-us-ofac-sdn"]
    assert any("'250' is not a share" in c["message"] for c in report.to_dict()["changed"])
    skipped = [s["reason"] for s in report.to_dict()["skipped"]]
    assert skipped == ["Ownership 'own-6': asset 'nowhere' not in the input as an actor"]
    assert not any("Ownership" in n for n in report.notes)


def test_the_cluster_is_exposed_but_the_listed_company_is_not(tmp_path: Path) -> None:
    ds, _ = import_dataset("ftm", [_write(tmp_path)], today="2024-01-01")
    G = build(ds)
    rep = exposure(G, imposer="us", as_of="2024-01-01")
    assert {e.entity: e.share for e in rep.exposed} == {
        "ftm-c-full": 100.0, "ftm-c-major": 75.0}
    assert [e.entity for e in rep.possibly_exposed] == ["ftm-c-unknown"]
    full = rep.exposed[0]
    assert full.context == ("Ivan Examplov directs Full Subsidiary LLC (CEO)",)
    assert [(h.owner_name, h.share, h.start_date) for h in owners(G, "Listed Holding LLC")] == [
        ("Ivan Examplov", 66.6, "2010")]
