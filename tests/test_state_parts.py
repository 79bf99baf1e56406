"""A state answers for the actors that belong to it (its ministries, bodies, officials and
nationals) on both sides of a sanction, the same from the graph and from a saved graph:
`kg query who-sanctioned China` and `kg search China`'s "sanctioned by" count the sanctions
on its officials; `kg query sanctioned-by China` counts those its Ministry of Commerce
(part_of) or a body of its country imposed, saying via which."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import query as q
from kg.cli.app import main
from kg.graph.build import build
from kg.graph.index import search_actors
from kg.graph.store import write_graph
from kg.query import cold
from kg.readwrite.load import load

_S = [{"source": "s1"}]
RECORDS = [
    {"type": "source", "id": "s1", "url": "https://example.org/1"},
    {"type": "actor", "id": "cn", "name": "China", "kind": "state"},
    {"type": "actor", "id": "us", "name": "United States", "kind": "state"},
    {"type": "actor", "id": "cn-mofcom", "name": "Ministry of Commerce of China",
     "kind": "government_body", "part_of": "cn", "country": "cn"},
    {"type": "actor", "id": "body-uel", "name": "Unreliable Entity Working Mechanism",
     "kind": "government_body", "country": "cn"},
    {"type": "actor", "id": "chen", "name": "Chen Example", "kind": "person", "part_of": "cn"},
    {"type": "actor", "id": "lockheed", "name": "Lockheed Example Corp",
     "kind": "organization", "country": "us"},
    {"type": "actor", "id": "raytheon", "name": "Raytheon Example Co",
     "kind": "organization", "country": "us"},
    {"type": "actor", "id": "rubio", "name": "Marco Example", "kind": "person",
     "country": "us"},
    {"type": "sanction", "id": "x-mofcom", "imposers": ["cn-mofcom"], "targets": ["lockheed"],
     "date": "2023-02-16", "sources": _S},
    {"type": "sanction", "id": "x-uel", "imposers": ["body-uel"], "targets": ["raytheon"],
     "date": "2023-04-01", "sources": _S},
    {"type": "sanction", "id": "x-cn", "imposers": ["cn"], "targets": ["rubio"],
     "date": "2020-07-13", "sources": _S},
    {"type": "sanction", "id": "x-both", "imposers": ["cn", "cn-mofcom"],
     "targets": ["raytheon"], "date": "2023-05-01", "sources": _S},
    {"type": "sanction", "id": "x-us", "imposers": ["us"], "targets": ["chen"],
     "date": "2021-03-22", "sources": _S},
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_sanctions_by_parts_of_a_state_are_the_states_via_them(data: Path,
                                                              tmp_path: Path) -> None:
    G = build(load([data]))
    rows = q.sanctioned_by(G, "China")
    # Its ministry's and its body's sanctions were missing: only x-cn and x-both were
    # China's. A sanction China imposed itself (x-both) is one row, with no via.
    assert [(r.sanction, r.imposer, r.via, r.target) for r in rows] == [
        ("x-cn", "cn", None, "rubio"), ("x-mofcom", "cn", "cn-mofcom", "lockheed"),
        ("x-uel", "cn", "body-uel", "raytheon"), ("x-both", "cn", None, "raytheon")]
    # The ministry asked about itself answers as before.
    assert [r.sanction for r in q.sanctioned_by(G, "cn-mofcom")] == ["x-mofcom", "x-both"]
    assert [r.sanction for r in q.relations(G, imposer="China", target="Raytheon Example Co")
            ] == ["x-uel", "x-both"]
    kgz = write_graph(G, tmp_path / "g.kgz")
    index = cold.open_cold(kgz)
    assert index is not None
    with index:
        assert cold.relations(index, imposer="China") == rows
        assert cold.relations(index, imposer="China", as_of="2023-04-15") == \
            q.sanctioned_by(G, "China", as_of="2023-04-15")
        assert cold.search(index, "China") == search_actors(G, "China")


def test_search_counts_sanctions_on_a_states_officials_as_who_sanctioned_does(
        data: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    G = build(load([data]))
    [china] = [r for r in search_actors(G, "China") if r.id == "cn"]
    # "sanctioned by" was empty: the US sanctioned a Chinese official, not China.
    assert {r.imposer for r in q.who_sanctioned(G, "China")} == {"us"}
    assert (china.imposers, china.imposers_via, china.via) == (["us"], ["us"], ["chen"])
    rubio = search_actors(G, "Marco Example")[0]
    assert (rubio.imposers, rubio.imposers_via, rubio.via) == (["cn"], [], [])
    monkeypatch.setenv("COLUMNS", "160")
    code, out, _ = run(capsys, "search", "China", "-d", str(data), "--limit", "1")
    assert code == 0 and "United States via Chen Example" in out
    code, out, _ = run(capsys, "query", "sanctioned-by", "China", "-d", str(data))
    assert code == 0
    head, _, *lines = out.splitlines()
    assert head.split()[:3] == ["imposer", "via", "target"]
    assert [line.split("  ")[0:1] for line in lines] == [["China"]] * 4
    assert "Ministry of Commerce of China" in lines[1]
