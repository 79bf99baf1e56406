"""``--focus X``: an actor whose country is X is one hop from X (and X one hop from it),
though the graph holds the country as an attribute, not an edge: a Chinese company no
sanction links to China is in China's neighbourhood, in every export and the HTML view."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from factory import actor, dataset, graph_of, sanction, write

from kg.graph.subgraph import neighbourhood

DATA = dataset(
    [actor("cn", "China"), actor("us", "United States"), actor("ru", "Russia"),
     actor("huawei", "Huawei Technologies", kind="organization", country="cn"),
     actor("lonely", "Lonely Trading Co", kind="organization", country="cn"),
     actor("ofc", "Xinjiang Official", kind="person", country="cn", part_of="cn"),
     actor("rosneft", "Rosneft", kind="organization", country="ru")],
    [sanction("s1", ["us"], ["huawei"], date="2019-05-15", reasons=["other"]),
     sanction("s2", ["us"], ["ofc"], date="2021-03-22", reasons=["human_rights"])])


def _actors(H: object) -> list[str]:
    return sorted(n for n, d in H.nodes(data=True) if d["type"] == "actor")  # type: ignore[attr-defined]


def test_a_state_has_the_actors_of_its_country_one_hop_away() -> None:
    G = graph_of(DATA)
    assert _actors(neighbourhood(G, "China", depth=1)) == [
        "actor:cn", "actor:huawei", "actor:lonely", "actor:ofc"]
    assert _actors(neighbourhood(G, "China", depth=0)) == ["actor:cn"]
    # two hops: the sanction on Huawei, whole (its imposer too); never Russia's company
    H = neighbourhood(G, "China", depth=2)
    assert "sanction:s1" in H and "actor:us" in H and "actor:rosneft" not in H


def test_an_actor_has_its_state_one_hop_away() -> None:
    G = graph_of(DATA)
    assert _actors(neighbourhood(G, "huawei", depth=1)) == ["actor:cn", "actor:huawei",
                                                            "actor:us"]
    assert "actor:lonely" in neighbourhood(G, "huawei", depth=2)
    # a country that is no actor of the graph is no hop
    alone = dataset([actor("x", "X Corp", kind="organization", country="de")])
    assert _actors(neighbourhood(graph_of(alone), "X Corp", depth=3)) == ["actor:x"]


def test_kg_export_focus_keeps_the_country_linked_actors(tmp_path: Path) -> None:
    path = write(tmp_path / "d.yaml", DATA)
    run = subprocess.run([sys.executable, "-m", "kg", "export", "json", "--focus", "China",
                          "--depth", "1", "-d", str(path), "-o", "-"],
                         capture_output=True, timeout=300, text=True)
    assert run.returncode == 0, run.stderr
    labels = sorted(n["label"] for n in json.loads(run.stdout)["nodes"])
    assert labels == ["China", "Huawei Technologies", "Lonely Trading Co", "Xinjiang Official"]
    page = tmp_path / "p.html"
    run = subprocess.run([sys.executable, "-m", "kg", "export", "html", "--view", "events",
                          "--focus", "China", "--depth", "1", "-d", str(path), "-o", str(page)],
                         capture_output=True, timeout=300, text=True)
    assert run.returncode == 0, run.stderr
    text = page.read_text(encoding="utf-8")
    assert "Lonely Trading Co" in text and "Huawei Technologies" in text
    assert "Rosneft" not in text
    helped = subprocess.run([sys.executable, "-m", "kg", "export", "--help"],
                            capture_output=True, timeout=300, text=True).stdout
    assert "country counting as a link" in " ".join(helped.split())
