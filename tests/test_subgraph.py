from __future__ import annotations

from pathlib import Path

import pytest
from world import world_graph

from kg.cli.app import main
from kg.graph.build import who_sanctioned_whom
from kg.graph.subgraph import neighbourhood


def test_focus_keeps_every_record_whole() -> None:
    G = world_graph()
    H = neighbourhood(G, "Canada", depth=1)
    # Canada's one sanction (s4) is kept with its target, reason and source...
    assert {"actor:ca", "sanction:s4", "actor:cn-officials", "reason:human_rights",
            "source:src"} <= set(H)
    assert "sanction:s1" not in H  # ...but not US/EU's sanction on the same target
    H2 = neighbourhood(G, "Canada", depth=3)
    # depth 3 reaches s1 through cn-officials; every imposer of s1 comes with it.
    assert {"sanction:s1", "actor:us", "actor:eu"} <= set(H2)
    for n, d in H2.nodes(data=True):
        if d["type"] == "sanction":
            assert all("actor:" + a in H2 for a in d["imposers"] + d["targets"]), n
    P = who_sanctioned_whom(H2)
    assert set(P.edges) >= {("actor:us", "actor:cn-officials"), ("actor:eu", "actor:cn-officials")}


def test_focus_on_the_actors_view_and_ftm(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["html", "--view", "actors"], ["html", "--view", "events"], ["ftm"],
                 ["json"], ["neo4j"]):
        out = tmp_path / f"out-{args[0]}-{len(args)}"
        with pytest.raises(SystemExit) as exc:
            main(["export", args[0], "-o", str(out), "--focus", "China", "--depth", "2",
                  *args[1:]])
        assert exc.value.code == 0, capsys.readouterr().err
        assert out.exists()
