from __future__ import annotations

from world import WORLD, world_graph

from kg.graph.build import build, who_sanctioned_whom
from kg.model.records import Dataset


def test_nodes_are_namespaced_and_typed() -> None:
    G = world_graph()
    assert G.nodes["actor:us"]["type"] == "actor"
    assert G.nodes["actor:us"]["label"] == "United States"
    assert G.nodes["sanction:s1"]["imposers"] == ["us", "eu"]
    assert G.nodes["sanction:s1"]["label"] == "United States, European Union → Chinese officials"
    assert G.nodes["statement:st1"]["stance"] == "condemns"
    assert G.nodes["reason:human_rights"] == {"type": "reason", "label": "human rights"}
    assert "reason:terrorism" not in G  # only reasons in use
    assert G.nodes["source:src"]["label"] == "A source"


def test_edges_follow_the_schema() -> None:
    G = world_graph()
    assert set(G["actor:us"]["sanction:s1"]) == {"IMPOSED"}
    assert set(G["sanction:s1"]["actor:cn-officials"]) == {"TARGETS"}
    assert G.edges["sanction:s1", "reason:human_rights", "BECAUSE_OF"]["detail"] == "Uighur abuses"
    assert G.has_edge("sanction:s2", "sanction:s1", key="RESPONDS_TO")
    assert G.has_edge("actor:lavrov", "statement:st1", key="MADE")
    assert G.has_edge("statement:st1", "sanction:s1", key="ABOUT")
    assert G.has_edge("statement:st2", "actor:us", key="ABOUT")
    assert G.has_edge("actor:fr", "actor:eu", key="MEMBER_OF")
    assert G.has_edge("actor:lavrov", "actor:ru", key="PART_OF")
    assert G.edges["sanction:s1", "source:src", "CITES"]["quote"] == "imposed sanctions"
    assert {d["type"] for _, _, d in G.edges(data=True)} == {
        "IMPOSED", "TARGETS", "BECAUSE_OF", "RESPONDS_TO", "MADE", "ABOUT", "MEMBER_OF",
        "PART_OF", "CITES"}


def test_build_is_deterministic() -> None:
    a, b = world_graph(), build(Dataset.model_validate(WORLD))
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


def test_projection_is_one_edge_per_pair() -> None:
    P = who_sanctioned_whom(world_graph())
    e = P.edges["actor:us", "actor:cn-officials"]
    assert e["sanctions"] == ["s1"] and e["reasons"] == ["human_rights"] and e["count"] == 1
    assert P.edges["actor:us", "actor:ru"]["tentative"] is True
    assert P.edges["actor:us", "actor:ru"]["statuses"] == ["expected"]
    assert P.edges["actor:cn", "actor:eu-people"]["first"] == "2021-03-22"
    assert P.number_of_edges() == 7
