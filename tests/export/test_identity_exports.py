"""Dates of birth, nationalities and identifiers reach every graph export: actor node
attributes in the graph, JSON, GraphML and GEXF (read back with networkx), and Neo4j
columns."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from kg.export.graph import read_graphml, write_gexf, write_graphml, write_json
from kg.export.neo4j import read_csv_rows, write_neo4j
from kg.graph.build import build
from kg.model.records import Dataset


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return build(Dataset.model_validate({"actors": [
        {"id": "ore", "name": "Pavel Ore", "kind": "person", "birth_dates": ["1961-04-02", "1962"],
         "nationalities": ["cy", "ru"], "identifiers": {"passport": "K1234; K5678"}},
        {"id": "alpha", "name": "Alpha LLC", "kind": "organization"}]}))


def test_actor_nodes_carry_identity(G: nx.MultiDiGraph) -> None:
    d = G.nodes["actor:ore"]
    assert d["birth_dates"] == ["1961-04-02", "1962"] and d["nationalities"] == ["cy", "ru"]
    assert G.nodes["actor:alpha"]["birth_dates"] == []


def test_json_graphml_gexf(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_json(G, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    ore = next(n for n in data["nodes"] if n["id"] == "actor:ore")
    assert ore["birth_dates"] == ["1961-04-02", "1962"] and ore["nationalities"] == ["cy", "ru"]
    write_graphml(G, tmp_path / "g.graphml")
    raw = nx.read_graphml(tmp_path / "g.graphml")
    assert json.loads(raw.nodes["actor:ore"]["birth_dates"]) == ["1961-04-02", "1962"]
    assert json.loads(raw.nodes["actor:ore"]["identifiers"]) == {"passport": "K1234; K5678"}
    assert read_graphml(tmp_path / "g.graphml").nodes["actor:ore"]["nationalities"] == ["cy", "ru"]
    write_gexf(G, tmp_path / "g.gexf")
    assert json.loads(nx.read_gexf(tmp_path / "g.gexf").nodes["actor:ore"]["nationalities"]) == [
        "cy", "ru"]


def test_neo4j_columns(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_neo4j(G, tmp_path / "neo")
    header, rows = read_csv_rows(tmp_path / "neo" / "actors.csv")
    row = dict(zip(header, next(r for r in rows if r[0] == "ore"), strict=True))
    assert row["birth_dates:string[]"] == "1961-04-02;1962"
    assert row["nationalities:string[]"] == "cy;ru"
    assert json.loads(row["identifiers"]) == {"passport": "K1234; K5678"}
