"""Exposure through ownership, and the ownership tree (kg.query.ownership)."""

from __future__ import annotations

import networkx as nx
import pytest
from ownership_data import ownership_dataset

from kg.errors import UsageError
from kg.graph.build import build
from kg.model.records import Relationship
from kg.model.refs import ensure_valid
from kg.query.ownership import exposure, holdings, owners


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return build(ensure_valid(ownership_dataset()))


def _rows(report: object, which: str = "exposed") -> dict[str, float]:
    return {e.entity: e.share for e in getattr(report, which)}


def test_chain_multiplies_and_owners_add(G: nx.MultiDiGraph) -> None:
    us = exposure(G, imposer="us", as_of="2024-01-01")
    # c: 60% of 60% through b (36%) + 20% held by y = 56%; b: 60%; d: 30% + 25%; e: 70%.
    assert _rows(us) == {"b": 60.0, "c": 56.0, "d": 55.0, "e": 70.0}
    c = next(e for e in us.exposed if e.entity == "c")
    assert [p.text for p in c.paths] == ["X -60%-> B Ltd -60%-> C Ltd", "Y -20%-> C Ltd"]
    assert [p.share for p in c.paths] == [36.0, 20.0]
    assert c.owners == ("x", "y") and c.imposers == ("us",)
    assert c.sources == ("register", "list")
    assert c.context == ("Y directs C Ltd (CEO)",)  # shown, never counted


def test_chain_alone_stays_under_the_threshold(G: nx.MultiDiGraph) -> None:
    eu = exposure(G, imposer="eu", as_of="2024-01-01")
    # The EU does not sanction y: c is 36% only, d 30%; the listed lst is not listed by the EU.
    assert _rows(eu) == {"b": 60.0, "e": 70.0, "lst": 100.0}
    assert "c" not in _rows(eu) and "d" not in _rows(eu)
    assert exposure(G, imposer="eu", threshold=35, as_of="2024-01-01").exposed[3].entity == "c"


def test_the_listed_company_is_not_in_the_list(G: nx.MultiDiGraph) -> None:
    assert "lst" not in _rows(exposure(G, imposer="us", as_of="2024-01-01"))


def test_a_cycle_ends_and_counts_nothing_twice(G: nx.MultiDiGraph) -> None:
    us = exposure(G, imposer="us", as_of="2024-01-01", threshold=1)
    # e: 70% direct (the 40% back from f is a path that revisits e: not counted);
    # f: 70% of 50% = 35%.
    assert _rows(us)["e"] == 70.0 and _rows(us)["f"] == 35.0


def test_unknown_share_is_possibly_exposed_never_a_share(G: nx.MultiDiGraph) -> None:
    us = exposure(G, imposer="us", as_of="2024-01-01")
    assert _rows(us, "possibly_exposed") == {"g": 0.0}
    g = us.possibly_exposed[0]
    assert g.possibly and g.paths[0].share is None and g.paths[0].text == "X -?%-> G Ltd"


def test_as_of_picks_the_holding_of_that_day(G: nx.MultiDiGraph) -> None:
    assert _rows(exposure(G, imposer="us", as_of="2018-06-01"))["h"] == 80.0
    assert "h" not in _rows(exposure(G, imposer="us", as_of="2021-06-01"))
    # Before the sanctions: nothing is exposed.
    assert exposure(G, imposer="us", as_of="2010-01-01").exposed == ()


def test_every_imposer_when_none_is_given(G: nx.MultiDiGraph) -> None:
    both = exposure(G, as_of="2024-01-01")
    b = next(e for e in both.exposed if e.entity == "b")
    assert b.imposers == ("eu", "us")
    # lst is listed by us, exposed for the EU.
    assert next(e for e in both.exposed if e.entity == "lst").imposers == ("eu",)


def test_cascade_counts_a_caught_company_in_full(G: nx.MultiDiGraph) -> None:
    # For the EU, b is caught (60%), so its 60% of c counts in full: c at 60%, not 36%.
    eu = exposure(G, imposer="eu", as_of="2024-01-01", rule="cascade")
    assert _rows(eu)["c"] == 60.0
    # An entity caught in the first round keeps the share that caught it (at least that).
    assert _rows(exposure(G, imposer="us", as_of="2024-01-01", rule="cascade"))["c"] == 56.0


def test_bad_options_are_usage_errors(G: nx.MultiDiGraph) -> None:
    with pytest.raises(UsageError, match="threshold"):
        exposure(G, threshold=0)
    with pytest.raises(UsageError, match="as-of"):
        exposure(G, as_of="yesterday")
    with pytest.raises(UsageError, match="rule"):
        exposure(G, rule="guess")


def test_owners_and_holdings_walk_the_tree(G: nx.MultiDiGraph) -> None:
    up = owners(G, "C Ltd")
    assert [(h.owner, h.asset, h.share, h.depth) for h in up] == [
        ("b", "c", 60.0, 1), ("y", "c", 20.0, 1), ("x", "b", 60.0, 2)]
    down = holdings(G, "x", as_of="2018-01-01", depth=1)
    assert {h.asset: h.share for h in down} == {
        "b": 60.0, "d": 30.0, "e": 70.0, "g": None, "h": 80.0, "lst": 100.0}
    h = [x for x in holdings(G, "x", depth=1) if x.asset == "h"]
    assert [(x.share, x.start_date, x.end_date) for x in h] == [
        (80.0, "2015", "2019-12-31"), (10.0, "2020-01-01", None)]


def test_share_must_be_a_percentage() -> None:
    for bad in (0, -5, 100.5):
        with pytest.raises(ValueError, match="share"):
            Relationship(id="r", kind="ownership", subject="a", object="b", share=bad,
                         sources=[{"source": "s"}])
    with pytest.raises(ValueError, match="only for relationships of kind 'ownership'"):
        Relationship(id="r", kind="family", subject="a", object="b", share=5,
                     sources=[{"source": "s"}])
