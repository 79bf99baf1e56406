from __future__ import annotations

import pytest
from world import world_graph

from kg.errors import ResolveError, UsageError
from kg.query import (
    relations,
    sanctioned_by,
    statements,
    timeline,
    who_sanctioned,
)
from kg.query.patterns import coalitions, retaliation

G = world_graph()


def triples(rows):  # type: ignore[no-untyped-def]
    return [(r.imposer, r.target, r.reason, r.sanction) for r in rows]


def test_relations_lists_every_triple_in_date_order() -> None:
    rows = relations(G)
    assert triples(rows) == [
        ("eu", "cn-officials", "human_rights", "s1"),
        ("us", "cn-officials", "human_rights", "s1"),
        ("cn", "eu-people", "retaliation", "s2"),
        ("us", "ru", "election_interference", "s3"),
        ("ca", "cn-officials", "human_rights", "s4"),
        ("us", "mfa-ru", "cyber", "s6"),
        ("ru", "us", None, "s5"),
    ]
    assert rows[1].imposer_name == "United States" and rows[1].target_name == "Chinese officials"
    assert rows[1].reason_detail == "Uighur abuses" and rows[1].sources == ("src",)


def test_who_sanctioned_finds_a_states_officials() -> None:
    rows = who_sanctioned(G, "China")
    assert [(r.imposer, r.reason, r.target_via) for r in rows] == [
        ("eu", "human_rights", "country"), ("us", "human_rights", "country"),
        ("ca", "human_rights", "country")]


def test_sanctioned_by_and_filters() -> None:
    assert triples(sanctioned_by(G, "PRC")) == [("cn", "eu-people", "retaliation", "s2")]
    assert triples(relations(G, status="expected")) == [
        ("us", "ru", "election_interference", "s3")]
    assert [r.sanction for r in relations(G, reason="human_rights", since="2021-03-23")] == ["s4"]
    assert [r.sanction for r in relations(G, imposer="us", until="2021-03-22")] == ["s1"]
    assert relations(G, imposer="ru", target="cn") == []


def test_who_sanctioned_russia_includes_its_ministry() -> None:
    rows = who_sanctioned(G, "Moscow")
    assert [(r.sanction, r.target, r.target_via) for r in rows] == [
        ("s3", "ru", None), ("s6", "mfa-ru", "part_of")]


def test_expand_blocs_answers_for_members() -> None:
    assert relations(G, imposer="France", target="China") == []
    rows = relations(G, imposer="France", target="China", expand_blocs=True)
    assert [(r.imposer, r.via, r.sanction) for r in rows] == [("fr", "eu", "s1")]
    every = relations(G, target="China", expand_blocs=True)
    assert sorted({(r.imposer, r.via) for r in every}) == [
        ("ca", None), ("de", "eu"), ("eu", None), ("fr", "eu"), ("us", None)]


def test_bad_arguments_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="unknown reason 'greed'"):
        relations(G, reason="greed")
    with pytest.raises(UsageError, match="--since"):
        relations(G, since="last week")
    with pytest.raises(ResolveError, match="did you mean 'China'"):
        who_sanctioned(G, "Chna")  # a letter missing: an edit, not a respelling


def test_retaliation_stated_and_inferred() -> None:
    rows = retaliation(G)
    assert [(r.chain, r.response, r.original, r.inferred, r.lag_days) for r in rows] == [
        (1, "s2", "s1", False, 0), (2, "s5", "s6", True, 5)]
    assert rows[0].response_imposers == ("cn",) and rows[0].original_imposers == ("us", "eu")
    assert [r.response for r in retaliation(G, infer=False)] == ["s2"]
    assert [r.response for r in retaliation(G, window_days=3)] == ["s2"]


def test_coalitions_within_window() -> None:
    wide = coalitions(G, window_days=30)
    assert [(c.against, c.imposers, c.sanctions, c.first, c.last) for c in wide] == [
        ("cn", ("ca", "eu", "us"), ("s1", "s4"), "2021-03-22", "2021-03-25")]
    assert wide[0].target_names == ("Chinese officials",)
    narrow = coalitions(G, window_days=1)
    assert [(c.imposers, c.sanctions) for c in narrow] == [(("eu", "us"), ("s1",))]
    assert coalitions(G, min_imposers=4) == []


def test_statements_by_subject_speaker_and_stance() -> None:
    # st3 is the US on its own sanction: about the US only when someone else speaks.
    assert [r.statement for r in statements(G, about="United States")] == ["st1", "st2"]
    assert [r.statement for r in statements(G, about="China")] == ["st3", "st1"]
    assert [r.statement for r in statements(G, speaker="Russia")] == ["st1"]
    rows = statements(G, stance="condemns")
    assert [(r.statement, r.speaker_names, r.quote) for r in rows] == [
        ("st1", ("Sergey Lavrov",), "unacceptable")]


def test_timeline_of_a_state_includes_its_officials() -> None:
    rows = timeline(G, "Russia")
    assert [(r.date, r.role, r.record, r.via) for r in rows] == [
        ("2021-03-23", "targeted", "sanction:s3", ()),
        ("2021-03-23", "said", "statement:st1", ("lavrov",)),
        ("2021-04-15", "targeted", "sanction:s6", ("mfa-ru",)),
        ("2021-04-20", "imposed", "sanction:s5", ()),
    ]


def test_partial_bounds_cover_their_whole_period() -> None:
    assert [r.sanction for r in relations(G, imposer="us", since="2021-03", until="2021-03")] \
        == ["s1", "s3"]
    assert [r.sanction for r in relations(G, until="2021")] == [r.sanction for r in relations(G)]
    assert relations(G, until="2020") == []
    assert [r.sanction for r in relations(G, reason="cyber", since="2021-04", until="2021-04")] \
        == ["s6"]


def test_a_country_with_no_actor_answers_for_its_nationals() -> None:
    from factory import actor, dataset, graph_of, sanction

    H = graph_of(dataset(
        actors=[actor("us", "United States"),
                actor("p1", "Ivan Ivanov", kind="person", country="ru"),
                actor("c1", "Rosexample LLC", kind="organization", country="ru")],
        sanctions=[sanction("x1", ["us"], ["p1"], date="2022-01-01"),
                   sanction("x2", ["us"], ["c1"], date="2022-02-01")]))
    rows = who_sanctioned(H, "Russia")
    assert [(r.target, r.target_via) for r in rows] == [("p1", "country"), ("c1", "country")]
    assert [t.record for t in timeline(H, "Moscow")] == ["sanction:x1", "sanction:x2"]
    with pytest.raises(ResolveError):
        who_sanctioned(H, "France")  # no actor and no nationals: still an unknown name
