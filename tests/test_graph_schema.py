"""The graph schema (kg/graph/schema.py) against what build writes and what readers use."""

from __future__ import annotations

import pickle
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import networkx as nx
import pytest
from ownership_data import ownership_dataset
from world import world_graph

import kg
from kg.errors import UsageError
from kg.export import ftm, graph, html, neo4j
from kg.graph import store, subgraph
from kg.graph.build import _actor_attrs, _sanction_attrs
from kg.graph.index import index_of, resolve_actor
from kg.graph.schema import (
    EDGE_ATTRIBUTES,
    EDGE_ENDS,
    GRAPH_VERSION,
    IN_FORCE,
    LIST_ATTRIBUTES,
    NODE_ATTRIBUTES,
    TENTATIVE,
    EdgeType,
    NodeType,
    attribute_types,
    node_id,
    node_type,
    prefix,
    record_id,
    require_kg_graph,
)
from kg.model.records import Actor, Sanction
from kg.model.vocab import Status
from kg.query import patterns, sanctions, speech, stats

# --- ids ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(NodeType))
@pytest.mark.parametrize("rid", ["us", "xinjiang-2021-western", "ofac:12345", "é-1"])
def test_node_ids_round_trip(kind: NodeType, rid: str) -> None:
    nid = node_id(kind, rid)
    assert nid == f"{kind.value}:{rid}" == prefix(kind) + rid
    assert record_id(nid) == rid
    assert node_type(nid) is kind
    assert node_id(kind.value, rid) == nid  # the plain string works too


@pytest.mark.parametrize("bad", ["us", "", "country:us", ":us", "Actor:us"])
def test_record_id_refuses_what_is_not_a_node_id(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a node id"):
        record_id(bad)
    with pytest.raises(ValueError, match="is not a node id"):
        node_type(bad)


def test_node_id_refuses_an_unknown_type() -> None:
    with pytest.raises(ValueError, match="'country' is not a node type"):
        node_id("country", "us")
    with pytest.raises(ValueError, match="is not a node type"):
        prefix("edge")


# --- what build writes -------------------------------------------------------------------


def _conforms(value: Any, tp: Any) -> bool:
    """Whether ``value`` has the shape of the annotation ``tp`` (str | None, list[str]...)."""
    if isinstance(tp, types.UnionType):
        return any(_conforms(value, t) for t in get_args(tp))
    if tp is type(None):
        return value is None
    origin = get_origin(tp)
    if origin is Literal:
        return value in get_args(tp)
    if origin is list:
        return type(value) is list and all(_conforms(v, get_args(tp)[0]) for v in value)
    if origin is dict:
        kt, vt = get_args(tp)
        return type(value) is dict and all(
            _conforms(k, kt) and _conforms(v, vt) for k, v in value.items())
    return type(value) is tp  # exact: an enum member or a bool where an int goes is wrong


@pytest.fixture(scope="module")
def GR(bundled: kg.Dataset) -> nx.MultiDiGraph:
    """The bundled data with the ownership test world added (the bundled data holds no
    relationships)."""
    extra = ownership_dataset()
    have = {a.id for a in bundled.actors}
    # and one sanction that names its issuing authority (the bundled data names none)
    body = Actor(id="us-ofac", name="Office of Foreign Assets Control",
                 kind="government_body", country="us", part_of="us")
    issued = bundled.sanctions[0].model_copy(update={"id": "issued-by-ofac",
                                                     "imposers": ["us"],
                                                     "authorities": ["us-ofac"]})
    return kg.build(kg.Dataset(
        sources=[*bundled.sources, *extra.sources],
        actors=[*bundled.actors, *(a for a in extra.actors if a.id not in have), body],
        sanctions=[*bundled.sanctions, *extra.sanctions, issued],
        statements=bundled.statements, relationships=extra.relationships))


def test_every_bundled_node_has_exactly_its_declared_attributes(GR: nx.MultiDiGraph) -> None:
    G = GR
    seen: set[str] = set()
    for n, d in G.nodes(data=True):
        kind = node_type(n)
        assert d["type"] == kind, n
        assert list(d) == list(NODE_ATTRIBUTES[kind]), n  # same keys, in declared order
        assert node_id(kind, record_id(n)) == n
        for attr, tp in attribute_types(kind).items():
            assert _conforms(d[attr], tp), (n, attr, d[attr])
        seen.add(kind)
    assert seen == set(NodeType)


def test_the_shape_check_catches_a_wrong_value() -> None:
    types_ = attribute_types(NodeType.SANCTION)
    assert not _conforms(Status.IMPOSED, types_["status"])  # must be the plain string
    assert not _conforms(["us", None], types_["imposers"])
    assert not _conforms(True, types_["confidence"])
    assert _conforms([None, "words"], types_["reason_details"])


def test_every_bundled_edge_follows_its_declared_type(GR: nx.MultiDiGraph) -> None:
    G = GR
    used = set()
    for u, v, k, d in G.edges(keys=True, data=True):
        assert type(k) is str and type(d["type"]) is str  # plain data, as .kgz files hold
        etype = EdgeType(k)
        assert d["type"] == k
        assert set(d) == {"type", *EDGE_ATTRIBUTES[etype]}, (u, v, k)
        starts, ends = EDGE_ENDS[etype]
        assert node_type(u) in starts and node_type(v) in ends, (u, v, k)
        used.add(etype)
    assert used == set(EdgeType)


def test_attribute_lists_are_the_collection_valued_ones() -> None:
    assert {
        "aliases", "weak_aliases", "identifiers", "birth_dates", "nationalities", "sources",
        "imposers", "authorities", "targets", "measures", "reasons", "reason_details",
        "in_response_to", "quotes", "speakers", "about_sanctions", "about_actors"} == LIST_ATTRIBUTES
    assert NODE_ATTRIBUTES[NodeType.SOURCE] == (
        "type", "label", "url", "title", "publisher", "published")


# --- statuses ------------------------------------------------------------------------------


def test_in_force_and_tentative_are_defined_once() -> None:
    assert {"imposed", "extended"} == IN_FORCE
    assert {"threatened", "expected"} == TENTATIVE
    assert not IN_FORCE & TENTATIVE
    assert {s for s in Status if s.is_tentative} == TENTATIVE
    assert stats.IN_FORCE is IN_FORCE and patterns.IN_FORCE is IN_FORCE
    assert not hasattr(Status.IMPOSED, "in_force")  # the unused, disagreeing definition


def test_counts_use_in_force() -> None:
    G = world_graph()  # s3 (us -> ru, election interference) is only expected
    counted = {(r.key, r.group) for r in stats.reasons_by_imposer(G)}
    assert ("United States", "election_interference") not in counted
    assert ("United States", "cyber") in counted
    targeted = {r.key for r in stats.most_targeted(G, statuses=IN_FORCE)}
    assert "Russia" not in targeted and "Chinese officials" in targeted
    assert "Russia" in {r.key for r in stats.most_targeted(G)}  # every status by default


# --- a graph kg did not build ----------------------------------------------------------------


def _entry_points(tmp_path: Path) -> dict[str, Callable[[Any], object]]:
    return {
        "relations": lambda G: sanctions.relations(G),
        "who_sanctioned": lambda G: kg.who_sanctioned(G, "China"),
        "sanctioned_by": lambda G: kg.sanctioned_by(G, "China"),
        "statements": lambda G: speech.statements(G),
        "timeline": lambda G: speech.timeline(G, "China"),
        "retaliation": lambda G: patterns.retaliation(G),
        "coalitions": lambda G: patterns.coalitions(G),
        "sanctions_per_year": lambda G: stats.sanctions_per_year(G),
        "most_targeted": lambda G: stats.most_targeted(G),
        "sanctions_on": lambda G: stats.sanctions_on(G),
        "reasons_by_imposer": lambda G: stats.reasons_by_imposer(G),
        "summary": lambda G: stats.summary(G),
        "resolve_actor": lambda G: resolve_actor(G, "China"),
        "neighbourhood": lambda G: subgraph.neighbourhood(G, "China"),
        "who_sanctioned_whom": lambda G: kg.who_sanctioned_whom(G),
        "write_graph": lambda G: store.write_graph(G, tmp_path / "g.kgz"),
        "write_json": lambda G: graph.write_json(G, tmp_path / "g.json"),
        "write_graphml": lambda G: graph.write_graphml(G, tmp_path / "g.graphml"),
        "write_gexf": lambda G: graph.write_gexf(G, tmp_path / "g.gexf"),
        "write_neo4j": lambda G: neo4j.write_neo4j(G, tmp_path / "neo4j"),
        "ftm_entities": lambda G: ftm.ftm_entities(G),
        "render_html": lambda G: html.render_html(G),
    }


NOT_BUILT = ("this graph was not built by kg.build (no kg_graph_version); build it with "
             "kg.build(kg.load(...)) or read a saved .kgz")


def test_every_entry_point_refuses_a_foreign_graph(tmp_path: Path) -> None:
    foreign = nx.MultiDiGraph()
    foreign.add_edge("actor:us", "sanction:s1", key="IMPOSED")
    for name, call in _entry_points(tmp_path).items():
        with pytest.raises(UsageError) as err:
            call(foreign)
        assert str(err.value) == NOT_BUILT, name
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_every_entry_point_takes_a_kg_graph(tmp_path: Path) -> None:
    G = world_graph()
    got = {name: call(G) for name, call in _entry_points(tmp_path).items()}
    assert {r.imposer for r in got["who_sanctioned"]} == {"us", "eu", "ca"}
    assert got["resolve_actor"] == "cn"
    assert {p.name for p in tmp_path.iterdir()} == {
        "g.kgz", "g.json", "g.graphml", "g.gexf", "neo4j"}


def test_other_versions_and_non_graphs_are_refused() -> None:
    with pytest.raises(UsageError, match=f"kg graph schema v{GRAPH_VERSION + 1}; this sanctions-kg reads v{GRAPH_VERSION}"):
        require_kg_graph(nx.MultiDiGraph(kg_graph_version=GRAPH_VERSION + 1))
    with pytest.raises(UsageError, match=r"expected a graph built by kg\.build, got list"):
        require_kg_graph([])
    require_kg_graph(nx.MultiDiGraph(kg_graph_version=GRAPH_VERSION))


def test_graphml_read_back_keeps_the_mark_and_gexf_is_refused(tmp_path: Path) -> None:
    G = world_graph()
    graph.write_graphml(G, tmp_path / "g.graphml")
    H = graph.read_graphml(tmp_path / "g.graphml")
    assert H.graph["kg_graph_version"] == GRAPH_VERSION
    assert kg.who_sanctioned(H, "China") == kg.who_sanctioned(G, "China")
    graph.write_gexf(G, tmp_path / "g.gexf")  # GEXF has no graph attributes: no mark
    with pytest.raises(UsageError, match=r"not built by kg\.build"):
        kg.who_sanctioned(graph.read_gexf(tmp_path / "g.gexf"), "China")


# --- exporters -----------------------------------------------------------------------------


def test_exporters_take_their_columns_from_the_schema() -> None:
    assert graph.FLATTENED == LIST_ATTRIBUTES
    for kind in NodeType:
        attrs = [a for a, _ in neo4j.NODE_COLUMNS[kind] if a not in ("day", "polity")]
        declared = [a for a in NODE_ATTRIBUTES[kind]
                    if a not in ("type", "reason_details", "quotes")]  # those go on edges
        assert attrs == declared, kind
    assert neo4j.NODE_COLUMNS["actor"][:2] == [("label", "name"), ("kind", "kind")]
    assert ("aliases", "aliases:string[]") in neo4j.NODE_COLUMNS["actor"]
    assert ("count", "count:int") in neo4j.NODE_COLUMNS["actor"]
    assert ("draft", "draft:boolean") in neo4j.NODE_COLUMNS["actor"]
    assert ("identifiers", "identifiers") in neo4j.NODE_COLUMNS["actor"]
    assert neo4j.NODE_COLUMNS["sanction"][7:9] == [("date", "date"), ("day", "day:int")]
    assert ("confidence", "confidence:float") in neo4j.NODE_COLUMNS["statement"]
    assert neo4j.EDGE_COLUMNS == {"BECAUSE_OF": "detail", "CITES": "quote"}
    # Relationship records are written as direct actor-to-actor relationships, not nodes.
    assert list(neo4j.NODE_FILES.values()) == [
        "actors.csv", "sanctions.csv", "statements.csv", "reasons.csv", "sources.csv"]
    assert neo4j.SPACES["statement"] == "Statement"


# --- the index follows the graph -------------------------------------------------------------


def test_a_mutated_graph_answers_afresh() -> None:
    G = world_graph()
    with pytest.raises(kg.ResolveError):
        resolve_actor(G, "Zedland")
    before = index_of(G)
    assert index_of(G) is before  # kept between queries
    dated = [r.sanction for r in kg.relations(G, since="2022-01-01")]
    assert dated == []

    G.add_node("actor:zz", **_actor_attrs(Actor(id="zz", name="Zedland", kind="state")))
    new = Sanction(id="s9", imposers=["us"], targets=["zz"], status="imposed",
                   date="2022-05-01", sources=[{"source": "src"}])
    G.add_node("sanction:s9", **_sanction_attrs(new, {"us": "United States"}))
    G.add_edge("actor:us", "sanction:s9", key="IMPOSED", type="IMPOSED")
    G.add_edge("sanction:s9", "actor:zz", key="TARGETS", type="TARGETS")

    assert index_of(G) is not before
    assert resolve_actor(G, "Zedland") == "zz"
    assert [r.sanction for r in kg.relations(G, since="2022-01-01")] == ["s9"]
    assert [r.imposer for r in kg.who_sanctioned(G, "Zedland")] == ["us"]


def test_the_index_survives_pickling_and_a_disabled_cache() -> None:
    G = world_graph()
    expected = kg.who_sanctioned(G, "China")
    H = pickle.loads(pickle.dumps(G))  # the cached index travels without its lookups
    assert kg.who_sanctioned(H, "China") == expected
    G.__networkx_cache__ = None  # networkx's way to turn caching off
    assert kg.who_sanctioned(G, "China") == expected
