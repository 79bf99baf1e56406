"""Big graphs: the browser view aggregates, cuts details short, or refuses with advice."""

from __future__ import annotations

import json
import re

import pytest
from world import world_graph

import kg.export.html as html
from kg.errors import UsageError


def page_data(page: str) -> dict:  # type: ignore[type-arg]
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def test_too_many_records_are_refused_with_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html, "MAX_RECORDS", 5)
    with pytest.raises(UsageError) as exc:
        html.render_html(world_graph())
    assert str(exc.value).startswith("the browser view draws at most 5 sanctions and "
                                     "statements; there are 9 in the data. Use --focus")
    # One actor's neighbourhood is small enough.
    data = page_data(html.render_html(world_graph(), focus="Canada", depth=1))
    assert {n["id"] for n in data["nodes"]} >= {"actor:ca", "actor:cn-officials"}


def test_past_max_nodes_links_are_cut_to_the_heaviest_and_the_page_says_so() -> None:
    data = page_data(html.render_html(world_graph(), max_nodes=2))
    sanctioned = [e for e in data["emeta"].values() if e["r"] in ("SANCTIONED", "RETALIATION")]
    assert len(sanctioned) == 6  # 3 * max_nodes links at most
    notes = " ".join(data["meta"]["notes"])
    assert "The 6 links with the most sanctions are drawn" in notes
    assert "grouped by kind and country" in notes
