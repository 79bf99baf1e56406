"""The browser view, checked in real headless Chromium (see conftest.py) on the bundled seed
data and on a generated 5,000-node graph: offline, no errors, the right nodes and edges,
a drawing that is not blank, details on hover, search and filters, and hostile text that
stays text."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli.app import cli
from kg.errors import OutputError, ResolveError, UsageError
from kg.export.html import _script_json, render_html, write_html
from kg.export.html_scene import http_url
from kg.graph.build import build, who_sanctioned_whom
from kg.graph.subgraph import neighbourhood
from kg.model.records import Dataset
from kg.readwrite.load import load

PageLog = Any  # tests/export/conftest.py: requests, blocked, console_errors, page_errors

PAGE_SCRIPTS = 2  # vis-network and the view; the data element is JSON, not script


def _merged(*parts: dict[str, Any]) -> nx.MultiDiGraph:
    data: dict[str, list[Any]] = {"sources": [], "actors": [], "sanctions": [],
                                  "statements": []}
    for p in parts:
        for k, v in p.items():
            data[k] += v
    return build(Dataset.model_validate(data))


SEED_FILES = [Path(__file__).resolve().parents[2] / "examples" / name
              for name in ("actors.yaml", "seed-article.yaml")]


@pytest.fixture(scope="module")
def seed() -> nx.MultiDiGraph:
    """The seed article's data (with the shared actors), as the issue asks."""
    return build(load(SEED_FILES))


@pytest.fixture(scope="module")
def hostile_seed(html_cases: Any) -> nx.MultiDiGraph:
    base = load(SEED_FILES).model_dump(mode="json", exclude_defaults=True, by_alias=True)
    base.pop("$schema", None)
    return _merged(base, html_cases.hostile_records())


@pytest.fixture(scope="module")
def big(html_cases: Any) -> nx.MultiDiGraph:
    return _merged(html_cases.synthetic_records(), html_cases.hostile_records())


def _write(tmp_path: Path, G: nx.MultiDiGraph, name: str, **kw: Any) -> Path:
    return write_html(G, tmp_path / name, **kw)


def _assert_clean(page: Any, log: PageLog, path: Path) -> None:
    assert log.requests == [path.resolve().as_uri()], log.requests
    assert log.blocked == []
    assert log.console_errors == []
    assert log.page_errors == []
    assert page.evaluate("window.__pwned") is None


def _page_graph(page: Any) -> tuple[set[str], list[tuple[str, str, str]]]:
    nodes = page.evaluate("kgView.network.body.data.nodes.getIds()")
    edges = page.evaluate("""kgView.network.body.data.edges.get().map(
        e => [e.from, e.to, kgView.data.emeta[e.id].r])""")
    drawn = page.evaluate("Object.keys(kgView.network.getPositions())")
    assert set(drawn) == set(nodes)
    return set(nodes), [tuple(e) for e in edges]


def _canvas_variance(page: Any) -> float:
    from PIL import Image, ImageStat

    png = page.locator("#kg-network canvas").screenshot()
    img = Image.open(io.BytesIO(png)).convert("L")
    return float(ImageStat.Stat(img).var[0])


def _details(page: Any) -> str:
    return str(page.inner_text("#kg-details"))


# ---- the seed data --------------------------------------------------------------------------

def test_seed_actors_view_offline_and_complete(seed: nx.MultiDiGraph, tmp_path: Path,
                                               open_page: Any) -> None:
    path = _write(tmp_path, seed, "seed.html")
    page, log = open_page(path)
    _assert_clean(page, log, path)
    nodes, edges = _page_graph(page)
    P = who_sanctioned_whom(seed)
    assert {(u, v) for u, v, r in edges if r in ("SANCTIONED", "RETALIATION")} == set(P.edges)
    assert {"actor:us", "actor:eu", "actor:gb", "actor:ca", "actor:cn", "actor:ru",
            "actor:cn-officials", "actor:eu-individuals", "actor:eu-institutions"} <= nodes
    assert ("actor:cn", "actor:eu-individuals", "RETALIATION") in edges
    assert page.inner_text("#kg-title") == "Who sanctioned whom"
    n_sanctions = sum(1 for _, d in seed.nodes(data=True) if d["type"] == "sanction")
    assert f"{n_sanctions} sanctions" in page.inner_text("#kg-summary")
    assert "2021-03-22" in page.inner_text("#kg-summary")
    assert _canvas_variance(page) > 50
    # No CDN, no external file of any kind: the page is the only file.
    text = path.read_text(encoding="utf-8")
    assert "<script src" not in text and "<link" not in text
    assert len(re.findall(r"^<script\b", text, re.M)) == PAGE_SCRIPTS + 1


def test_seed_us_china_edge_shows_reason_and_source(seed: nx.MultiDiGraph, tmp_path: Path,
                                                    open_page: Any) -> None:
    path = _write(tmp_path, seed, "seed.html")
    page, _ = open_page(path)
    eid = page.evaluate("""Object.keys(kgView.data.emeta).find(id => {
        const e = kgView.edges.get(id);
        return e.from === 'actor:us' && e.to === 'actor:cn-officials'; })""")
    # Hover the middle of the drawn edge with the real mouse.
    x, y = page.evaluate("""(id) => {
        const e = kgView.network.body.edges[id], p = e.edgeType.getPoint(0.5);
        const d = kgView.network.canvasToDOM(p);
        const r = document.getElementById('kg-network').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; }""", eid)
    page.mouse.move(x, y)
    page.wait_for_function("document.querySelector('#kg-details h2') !== null")
    text = _details(page)
    assert "United States → Chinese officials" in text
    assert "human rights" in text
    assert "Uighur" in text
    assert seed.nodes["source:dm-2021-03-23"]["title"] in text
    page.mouse.click(x, y)
    assert page.evaluate("kgView.network.getSelectedEdges()") == [eid]


def test_seed_events_view_holds_the_whole_graph(seed: nx.MultiDiGraph, tmp_path: Path,
                                                open_page: Any) -> None:
    path = _write(tmp_path, seed, "events.html", view="events")
    page, log = open_page(path)
    _assert_clean(page, log, path)
    nodes, edges = _page_graph(page)
    assert nodes == set(seed.nodes)
    assert sorted(edges) == sorted((u, v, k) for u, v, k in seed.edges(keys=True))
    page.evaluate("kgView.select('sanction:xinjiang-2021-western')")
    text = _details(page)
    for expected in ("United States", "Canada", "Chinese officials", "human rights",
                     "2021-03-22", "imposed"):
        assert expected in text
    assert _canvas_variance(page) > 50


def test_search_by_alias_and_filters(seed: nx.MultiDiGraph, tmp_path: Path,
                                     open_page: Any) -> None:
    page, _ = open_page(_write(tmp_path, seed, "seed.html"))
    page.fill("#kg-search", "people's rep")
    assert page.inner_text("#kg-matches") == "China\nPeople's Republic of China · alias"
    page.click("#kg-matches button")
    assert page.inner_text("#kg-details h2") == "China"

    def shown_pairs() -> set[tuple[str, str]]:
        return {tuple(p) for p in page.evaluate(  # type: ignore[misc]
            """kgView.edges.get({filter: e => !e.hidden &&
                 ['SANCTIONED', 'RETALIATION'].includes(kgView.data.emeta[e.id].r)})
               .map(e => [e.from, e.to])""")}

    def expected(keep: Any) -> set[tuple[str, str]]:
        # Worked out from the graph's sanction nodes, independently of the page.
        return {("actor:" + i, "actor:" + t) for _, d in seed.nodes(data=True)
                if d["type"] == "sanction" and keep(d) for i in d["imposers"]
                for t in d["targets"]}

    assert shown_pairs() == expected(lambda d: True) == set(who_sanctioned_whom(seed).edges)
    page.select_option("#kg-reason", "election_interference")
    assert shown_pairs() == expected(lambda d: "election_interference" in d["reasons"])
    assert ("actor:us", "actor:ru") in shown_pairs()
    page.select_option("#kg-reason", "")
    page.uncheck("#kg-statuses input[data-key=expected]")
    assert shown_pairs() == expected(lambda d: d["status"] != "expected")
    assert ("actor:us", "actor:ru") not in shown_pairs()
    page.check("#kg-statuses input[data-key=expected]")
    page.fill("#kg-since", "2021-03-23")
    assert shown_pairs() == expected(lambda d: (d["date"] or "9") >= "2021-03-23")
    assert ("actor:us", "actor:cn-officials") not in shown_pairs()
    page.click("#kg-reset")
    page.uncheck("#kg-legend-nodes input[data-key=group]")
    kinds = {n: d.get("kind") for n, d in seed.nodes(data=True)}
    assert shown_pairs() == {(u, v) for u, v in expected(lambda d: True)
                             if "group" not in (kinds[u], kinds[v])}
    assert ("actor:us", "actor:ru") in shown_pairs()


def test_focus_keeps_the_neighbourhood(seed: nx.MultiDiGraph, tmp_path: Path,
                                       open_page: Any) -> None:
    path = _write(tmp_path, seed, "focus.html", view="events", focus="China", depth=1)
    page, log = open_page(path)
    _assert_clean(page, log, path)
    nodes, _ = _page_graph(page)
    assert "actor:cn" in nodes and "sanction:xinjiang-2021-cn-counter" in nodes
    assert nodes == set(neighbourhood(seed, "China", depth=1).nodes) != set(seed.nodes)
    assert page.inner_text("#kg-details h2") == "China"
    assert "around China" in page.inner_text("#kg-title")


def test_hostile_text_stays_text(hostile_seed: nx.MultiDiGraph, tmp_path: Path,
                                 open_page: Any, html_cases: Any) -> None:
    c = html_cases
    for view in ("actors", "events"):
        path = _write(tmp_path, hostile_seed, f"hostile-{view}.html", view=view)
        page, log = open_page(path)
        _assert_clean(page, log, path)
        page.fill("#kg-search", "Evil")
        assert page.inner_text("#kg-matches") == c.name
        page.click("#kg-matches button")
        assert page.inner_text("#kg-details h2") == c.name
        if view == "actors":
            eid = page.evaluate("""Object.keys(kgView.data.emeta).find(id =>
                kgView.edges.get(id).to === 'actor:evil')""")
            page.evaluate("(id) => kgView.showEdge(id)", eid)
        else:
            page.evaluate("kgView.select('sanction:evil-sanction')")
        text = _details(page)
        assert c.quote in text
        assert "<b>Evil</b> source" in text
        assert c.url in text  # shown as text...
        # ...never a link: every link on the page is http(s), and the hostile one is text.
        assert page.evaluate("""Array.from(document.querySelectorAll('a'))
            .filter(a => !/^https?:/.test(a.href)).length""") == 0
        assert page.locator("#kg-details a", has_text="Evil").count() == 0
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("document.querySelectorAll('script').length") == PAGE_SCRIPTS + 1
        assert page.evaluate("window.__pwned") is None
        assert log.console_errors == [] and log.page_errors == []


def test_only_http_links_are_clickable(seed: nx.MultiDiGraph, tmp_path: Path,
                                       open_page: Any) -> None:
    G = seed.copy()
    G.nodes["source:dm-2021-03-23"]["url"] = "https://example.org/a?b=1&c=<2>"
    page, _ = open_page(_write(tmp_path, G, "links.html", view="events"))
    page.evaluate("kgView.select('sanction:xinjiang-2021-western')")
    hrefs = page.evaluate("Array.from(document.querySelectorAll('#kg-details a'), a => a.href)")
    assert hrefs and set(hrefs) == {"https://example.org/a?b=1&c=%3C2%3E"}


# ---- a generated 5,000-node graph -------------------------------------------------------------

def test_big_events_view(big: nx.MultiDiGraph, tmp_path: Path, open_page: Any,
                         html_cases: Any) -> None:
    c = html_cases
    path = _write(tmp_path, big, "big-events.html", view="events")
    page, log = open_page(path)
    _assert_clean(page, log, path)
    nodes, edges = _page_graph(page)
    drawn = {n for n, d in big.nodes(data=True) if d["type"] not in ("source", "reason")}
    assert len(drawn) >= 5000
    assert nodes == drawn  # past max_nodes, sources and reasons are left out, and it says so
    assert len(edges) == sum(1 for u, v in big.edges() if u in drawn and v in drawn)
    assert "Sources and reasons are not drawn" in page.inner_text("#kg-notes")
    assert _canvas_variance(page) > 5
    page.fill("#kg-search", "Evil")
    page.click("#kg-matches button")
    assert page.inner_text("#kg-details h2") == c.name
    page.evaluate("kgView.select('sanction:evil-sanction')")
    assert c.quote in _details(page)
    assert page.evaluate("window.__pwned") is None


def test_big_actors_view_groups_with_a_note(big: nx.MultiDiGraph, tmp_path: Path,
                                            open_page: Any) -> None:
    path = _write(tmp_path, big, "big-actors.html")
    page, log = open_page(path)
    _assert_clean(page, log, path)
    nodes, _ = _page_graph(page)
    assert 1000 <= len(nodes) <= 2000
    assert any(n.startswith("group:") for n in nodes)
    assert "grouped by kind and country" in page.inner_text("#kg-notes")
    assert _canvas_variance(page) > 5
    page.fill("#kg-search", "Target 17 ")
    assert page.locator("#kg-matches button").count() >= 1
    assert page.evaluate("window.__pwned") is None


# ---- the library and the command line, without a browser -----------------------------------

def test_script_json_cannot_close_the_script() -> None:
    text = _script_json({"q": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text


def test_http_url() -> None:
    assert http_url("https://example.org/x") == "https://example.org/x"
    assert http_url(" http://example.org ") == "http://example.org"
    for bad in ("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//x.org",
                "file:///etc/passwd", "example.org", None, 3):
        assert http_url(bad) is None


def test_bad_options(seed: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown view"):
        render_html(seed, view="map")
    with pytest.raises(ResolveError):
        render_html(seed, focus="Atlantis")
    with pytest.raises(OutputError):
        write_html(seed, tmp_path / "missing" / "x.html")
    assert not (tmp_path / "missing").exists()


def test_write_is_atomic_and_leaves_nothing_else(seed: nx.MultiDiGraph, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = write_html(seed, "view.html", title="Xinjiang — 2021")
    assert out == Path("view.html")
    assert sorted(os.listdir(tmp_path)) == ["view.html"]  # no lib/ folder, no temp file
    text = out.read_bytes().decode("utf-8")
    assert "<title>Xinjiang — 2021</title>" in text


def test_cli_export_html(tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    res = CliRunner().invoke(cli, ["export", "html", "-o", str(out), "--view", "events",
                                   "--focus", "Russia", "--depth", "1"])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert "Sanctions events around Russia (1 hop)" in text
    data = json.loads(text.split('<script type="application/json" id="kg-data">')[1]
                      .split("</script>")[0])
    assert set(data["nmeta"]) == set(neighbourhood(build(load()), "ru", depth=1).nodes)
    assert "actor:ru" in data["nmeta"]
