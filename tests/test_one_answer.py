"""One answer to "who sanctioned X?": the CLI, the Python API, the notebook's chart
(``kg.query.stats``) and the browser view's panel count the same sanctions on the bundled
data. A state's count includes the sanctions on its officials, bodies and nationals."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

import kg
from kg.cli.app import main
from kg.export.html import render_html
from kg.query import stats


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return kg.build(kg.load())


def cli_count(capsys: pytest.CaptureFixture[str], name: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(["query", "who-sanctioned", name, "--format", "json"])
    out, _ = capsys.readouterr()
    assert exc.value.code == 0
    return len({r["sanction"] for r in json.loads(out)})


def panel_count(G: nx.MultiDiGraph, actor: str, view: str, **kw: object) -> int:
    """The count in the "Sanctioned" row of the actor's panel in the rendered page."""
    page = render_html(G, view=view, **kw)  # type: ignore[arg-type]
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>',
                                page, re.S).group(1))  # type: ignore[union-attr]
    rows = dict(data["nmeta"]["actor:" + actor]["info"]["rows"])
    return int(rows["Sanctioned"].split()[0])


@pytest.mark.parametrize(("name", "actor", "expected"), [("China", "cn", 7),
                                                         ("Russia", "ru", 40)])
def test_every_way_of_asking_gives_one_count(G: nx.MultiDiGraph, name: str, actor: str,
                                             expected: int,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    api = len({r.sanction for r in kg.who_sanctioned(G, name)})
    chart = {c.key: c.count for c in stats.most_targeted(G, by_state=True, n=1000)}
    assert cli_count(capsys, name) == api == expected
    assert chart[name] == expected
    assert len(stats.sanctions_on(G)[actor]) == expected
    assert panel_count(G, actor, "actors") == expected
    assert panel_count(G, actor, "events") == expected
    # a focus view keeps a neighbourhood only, but counts as the whole graph does
    for depth in (1, 2, 3):
        assert panel_count(G, actor, "actors", focus=name, depth=depth) == expected
    assert panel_count(G, actor, "events", focus=name, depth=1) == expected


def test_a_focus_on_a_day_counts_as_the_query_on_that_day(
        capsys: pytest.CaptureFixture[str]) -> None:
    from kg.query import graph_as_of

    day = graph_as_of(kg.build(kg.load()), "2014-12-31").graph
    with pytest.raises(SystemExit) as exc:
        main(["query", "who-sanctioned", "Russia", "--as-of", "2014-12-31", "--format", "json"])
    out, _ = capsys.readouterr()
    assert exc.value.code == 0
    cli = len({r["sanction"] for r in json.loads(out)["results"]})
    assert cli == 13
    assert panel_count(day, "ru", "actors", focus="Russia") == cli


def test_the_chart_counts_states_only(G: nx.MultiDiGraph) -> None:
    chart = stats.most_targeted(G, by_state=True, n=1000)
    assert {c.group for c in chart} == {"state"}
    keys = {c.key for c in chart}
    assert "European Union" not in keys and "Hong Kong SAR Government" not in keys
    # Hong Kong's government is part of China: a sanction on it counts for China
    on_china = stats.sanctions_on(G)["cn"]
    assert {"ca-2020-07-03-hk", "us-2020-07-14-hk"} <= on_china


def test_the_panel_says_what_it_counts(G: nx.MultiDiGraph) -> None:
    page = render_html(G)
    assert ("7 sanctions on it or on its officials, bodies and nationals (0 on it directly)"
            in page)
