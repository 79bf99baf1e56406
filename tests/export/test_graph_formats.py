from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from world import world_graph

from kg.errors import OutputError
from kg.export.graph import read_gexf, read_graphml, write_gexf, write_graphml, write_json


def same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    ea = {(u, v, k): d for u, v, k, d in a.edges(keys=True, data=True)}
    eb = {(u, v, k): d for u, v, k, d in b.edges(keys=True, data=True)}
    assert ea == eb


def without_nones(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    H.add_nodes_from((n, {k: v for k, v in d.items() if v is not None})
                     for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, k, {a: b for a, b in d.items() if b is not None})
                     for u, v, k, d in G.edges(keys=True, data=True))
    return H


def test_node_link_json_round_trips(tmp_path: Path) -> None:
    G = world_graph()
    write_json(G, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    H = nx.node_link_graph(data, edges="edges")
    assert isinstance(H, nx.MultiDiGraph)
    same_graph(G, H)


def test_graphml_round_trips_through_networkx(tmp_path: Path) -> None:
    G = world_graph()
    write_graphml(G, tmp_path / "g.graphml")
    raw = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert raw.nodes["sanction:s1"]["imposers"] == '["us", "eu"]'  # lists flattened as JSON
    same_graph(without_nones(G), read_graphml(tmp_path / "g.graphml"))


def test_gexf_round_trips_through_networkx(tmp_path: Path) -> None:
    G = world_graph()
    write_gexf(G, tmp_path / "g.gexf")
    raw = nx.read_gexf(tmp_path / "g.gexf")
    assert raw.nodes["actor:us"]["kg_type"] == "actor"
    same_graph(without_nones(G), read_gexf(tmp_path / "g.gexf"))


def test_unicode_names_survive_every_format(tmp_path: Path) -> None:
    G = world_graph()
    G.nodes["actor:cn"]["label"] = "中华人民共和国 — Ürümqi «test» مرحبا"
    write_graphml(G, tmp_path / "u.graphml")
    write_gexf(G, tmp_path / "u.gexf")
    write_json(G, tmp_path / "u.json")
    assert read_graphml(tmp_path / "u.graphml").nodes["actor:cn"]["label"] == G.nodes["actor:cn"]["label"]
    assert read_gexf(tmp_path / "u.gexf").nodes["actor:cn"]["label"] == G.nodes["actor:cn"]["label"]
    assert "中华人民共和国" in (tmp_path / "u.json").read_text(encoding="utf-8")


def test_a_failed_write_leaves_the_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    write_json(world_graph(), out)

    class Boom(Exception):
        pass

    def explode(*_: object, **__: object) -> None:
        raise Boom

    import kg.export.graph as gx

    original = gx.nx.write_graphml
    gx.nx.write_graphml = explode  # type: ignore[assignment]
    try:
        (tmp_path / "h.graphml").write_text("previous")
        with pytest.raises(Boom):
            write_graphml(world_graph(), tmp_path / "h.graphml")
    finally:
        gx.nx.write_graphml = original
    assert (tmp_path / "h.graphml").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json", "h.graphml"]


def test_writing_into_a_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_json(world_graph(), tmp_path / "nope" / "g.json")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_relationships_are_direct_edges_for_plain_readers(fmt: str, tmp_path: Path) -> None:
    from ownership_data import ownership_dataset

    from kg.graph.build import build

    G = build(ownership_dataset())
    path = tmp_path / f"g.{fmt}"
    (write_graphml if fmt == "graphml" else write_gexf)(G, path)
    raw = (nx.read_graphml(path, force_multigraph=True) if fmt == "graphml"
           else nx.read_gexf(path))
    kind = "type" if fmt == "graphml" else "kg_type"  # GEXF reserves "type" on edges
    direct = {(u, v, d["relationship"]): d for u, v, d in raw.edges(data=True)
              if "relationship" in d}
    # One per record, owner -> asset; two records of one pair stay two edges.
    assert len(direct) == len(ownership_dataset().relationships) == 14
    chain = direct[("actor:x", "actor:b", "o-xb")]
    assert (chain[kind], chain["kind"], chain["share"]) == ("OWNS", "ownership", 60.0)
    assert json.loads(chain["sources"]) == ["register"] and chain["label"] == "X owns 60% of B Ltd"
    assert "share" not in direct[("actor:x", "actor:g", "o-xg")]  # unknown: left out, not 0
    h1, h2 = direct[("actor:x", "actor:h", "o-xh1")], direct[("actor:x", "actor:h", "o-xh2")]
    assert (h1["share"], h1["start_date"], h1["end_date"]) == (80.0, "2015", "2019-12-31")
    assert (h2["share"], h2["start_date"], "end_date" in h2) == (10.0, "2020-01-01", False)
    ceo = direct[("actor:y", "actor:c", "d-yc")]
    assert (ceo[kind], ceo["role"]) == ("DIRECTS", "CEO")
    assert direct[("actor:x", "actor:y", "f-xy")][kind] == "FAMILY"
    # The record nodes are there too, and kg's reader gives back the graph written.
    assert raw.nodes["relationship:o-xb"]["share"] == 60.0
    back = read_graphml(path) if fmt == "graphml" else read_gexf(path)
    same_graph(without_nones(G), back)


def test_gexf_date_comes_from_kg_clock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from kg.errors import UsageError

    G = world_graph()
    write_gexf(G, tmp_path / "a.gexf", today="2021-03-23")
    assert '<meta lastmodifieddate="2021-03-23">' in (tmp_path / "a.gexf").read_text("utf-8")
    monkeypatch.setattr("kg._clock.today", lambda: dt.date(2024, 2, 29))
    write_gexf(G, tmp_path / "b.gexf")
    assert '<meta lastmodifieddate="2024-02-29">' in (tmp_path / "b.gexf").read_text("utf-8")
    same_graph(read_gexf(tmp_path / "a.gexf"), read_gexf(tmp_path / "b.gexf"))
    with pytest.raises(UsageError):
        write_gexf(G, tmp_path / "c.gexf", today="2021-02-30")
    assert not (tmp_path / "c.gexf").exists()
