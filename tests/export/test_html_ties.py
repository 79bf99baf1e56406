"""Ownership and control in the browser view, in Chromium, on a small inline world
(``html_cases.ties_records``: a chain, an unknown share, a stake that changed, a
directorship and a family tie): ownership drawn as an arrow owner -> asset in its own colour
and dash with the share as its label, the other ties lighter; the actor panel lists owners,
holdings and identity fields as text; the events view draws the ties too (it used to crash
with KeyError: 'OWNS')."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli.app import cli
from kg.export.html import EDGE_STYLES, write_html
from kg.export.html_scene import actors_scene, events_scene
from kg.graph.build import build
from kg.model.records import Dataset
from tests.export.label_boxes import measure

EDGES_JS = """kgView.edges.get().map(e => {
  const o = kgView.network.body.edges[e.id].options;
  return {id: e.id, from: e.from, to: e.to, r: kgView.data.emeta[e.id].r,
          color: o.color.color, dashes: o.dashes, arrow: o.arrows.to.enabled};
})"""

HOOK_JS = """(() => {
  window.__drawn = [];
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (t, ...rest) {
    window.__drawn.push(String(t));
    return fill.call(this, t, ...rest);
  };
})()"""


@pytest.fixture(scope="module")
def G(html_cases: Any) -> nx.MultiDiGraph:
    return build(Dataset.model_validate(html_cases.ties_records()))


def _ties(page: Any) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(e["from"], e["to"], e["r"]): e for e in page.evaluate(EDGES_JS)
            if e["r"] in ("OWNS", "DIRECTS", "FAMILY", "ASSOCIATE")}


def _drawn_after(page: Any, js: str) -> list[str]:
    page.evaluate("window.__drawn = []; " + js + "; kgView.network.redraw()")
    page.wait_for_timeout(100)
    return list(page.evaluate("window.__drawn"))


def test_scene_labels_and_details(G: nx.MultiDiGraph) -> None:
    sc = actors_scene(G, max_nodes=2000)
    labels = {(e["from"], e["to"], e["rel"]): e.get("label") for e in sc.edges}
    assert labels[("actor:ore", "actor:alpha", "OWNS")] == "100%"
    assert labels[("actor:alpha", "actor:beta", "OWNS")] == "75%"
    assert labels[("actor:ore", "actor:gamma", "OWNS")] == "?%"
    # Two records of one pair: one link, each record in its details.
    assert labels[("actor:ore", "actor:delta", "OWNS")] == "80% until 2019, 10%"
    assert labels[("actor:vance", "actor:ore", "FAMILY")] == "sister"
    delta = next(e for e in sc.edges if e["to"] == "actor:delta")
    assert dict(delta["info"]["rows"])["Records"] == (
        "80% · 2015 to 2019-12-31 · record o-delta1\n10% · since 2020-01-01 · record o-delta2")
    assert delta["info"]["sub"] == "ownership · 2 records"
    assert delta["info"]["src"][0]["t"] == "Company register"
    # Every actor named by a tie is drawn, though no sanction names it.
    assert {"actor:beta", "actor:gamma", "actor:vance"} <= {n["id"] for n in sc.nodes}
    ore = {n["id"]: n for n in sc.nodes}["actor:ore"]["info"]
    rows = dict(ore["rows"])
    assert rows["Holdings"] == ("Alpha Holding · 100%\nGamma Shipping · ?%\n"
                                "Delta Metals · 80% · 2015 to 2019-12-31\n"
                                "Delta Metals · 10% · since 2020-01-01")
    assert rows["Family"] == "Dora Vance · sister"
    assert rows["Born"] == "1961-04-02, 1962"
    assert rows["Nationality"] == "Cyprus (cy)"
    assert rows["Identifiers"] == "passport: K1234567"
    beta = dict({n["id"]: n for n in sc.nodes}["actor:beta"]["info"]["rows"])
    assert beta["Owned by"] == "Alpha Holding · 75% · since 2019"


def test_events_view_draws_ties_between_actors(G: nx.MultiDiGraph) -> None:
    sc = events_scene(G, max_nodes=2000)
    assert not any(n["cat"] == "relationship" for n in sc.nodes)
    rels = {(e["from"], e["to"], e["rel"]) for e in sc.edges}
    assert ("actor:alpha", "actor:beta", "OWNS") in rels
    assert ("actor:vance", "actor:alpha", "DIRECTS") in rels
    assert not any(e["from"].startswith("relationship:") or e["to"].startswith("relationship:")
                   for e in sc.edges)


@pytest.mark.parametrize("view", ["actors", "events"])
def test_ties_in_chromium(view: str, G: nx.MultiDiGraph, tmp_path: Path,
                          open_page: Any) -> None:
    page, log = open_page(write_html(G, tmp_path / f"{view}.html", view=view))
    ties = _ties(page)
    own = EDGE_STYLES["OWNS"]
    for pair in (("actor:ore", "actor:alpha"), ("actor:alpha", "actor:beta"),
                 ("actor:ore", "actor:gamma"), ("actor:ore", "actor:delta")):
        e = ties[(*pair, "OWNS")]
        assert (e["color"], e["dashes"], e["arrow"]) == (own["color"], own["dashes"], True)
    directs = ties[("actor:vance", "actor:alpha", "DIRECTS")]
    family = ties[("actor:vance", "actor:ore", "FAMILY")]
    assert directs["color"] == EDGE_STYLES["DIRECTS"]["color"] and directs["arrow"] is True
    assert family["color"] == EDGE_STYLES["FAMILY"]["color"] and family["arrow"] is False
    assert len(ties) == 6
    page.evaluate(HOOK_JS)
    # The share is the link's label, drawn when the link is selected (or hovered) ...
    chain = ties[("actor:alpha", "actor:beta", "OWNS")]["id"]
    drawn = _drawn_after(page, f"kgView.network.selectEdges([{chain!r}])")
    assert "75%" in drawn
    unknown = ties[("actor:ore", "actor:gamma", "OWNS")]["id"]
    assert "?%" in _drawn_after(page, f"kgView.network.selectEdges([{unknown!r}])")
    # ... and at the first view too, with nothing selected: the shares are what ownership
    # arrows say (they used to show only past 1.2x zoom); never over another label.
    page.evaluate("kgView.network.unselectAll()")
    first = _drawn_after(page, "kgView.network.fit({animation: false})")
    assert page.evaluate("kgView.network.getScale()") < 1.2
    assert "75%" in first and "100%" in first
    assert measure(page)["edgeOnLabel"] == 0
    near = _drawn_after(page, """(() => {
      const p = kgView.network.getPositions(['actor:alpha', 'actor:beta']);
      kgView.network.moveTo({position: {x: (p['actor:alpha'].x + p['actor:beta'].x) / 2,
                                        y: (p['actor:alpha'].y + p['actor:beta'].y) / 2},
                             scale: 2.5});
    })()""")
    assert "75%" in near
    # The details panel: owners and holdings as text; a role with markup stays text.
    page.evaluate("kgView.select('actor:ore')")
    text = page.inner_text("#kg-details")
    assert "Holdings" in text and "Gamma Shipping · ?%" in text
    assert "Delta Metals · 80% · 2015 to 2019-12-31" in text
    assert "Born" in text and "1961-04-02, 1962" in text and "Cyprus (cy)" in text
    page.evaluate("kgView.select('actor:alpha')")
    text = page.inner_text("#kg-details")
    assert "Owned by" in text and "Pavel Ore · 100%" in text
    assert 'Dora Vance · <img src=x onerror="window.__pwned=7">Director' in text
    assert page.evaluate("document.querySelectorAll('#kg-details img').length") == 0
    page.evaluate(f"kgView.showEdge({chain!r})")
    text = page.inner_text("#kg-details")
    assert "Alpha Holding → Beta Trading" in text and "75% · since 2019 · record o-beta" in text
    assert page.evaluate("window.__pwned") is None
    assert log.page_errors == [] and log.console_errors == []


def test_cli_events_view_with_ownership(html_cases: Any, tmp_path: Path) -> None:
    data = tmp_path / "ties.json"
    data.write_text(json.dumps(html_cases.ties_records()), encoding="utf-8")
    out = tmp_path / "events.html"
    res = CliRunner().invoke(cli, ["export", "html", "-d", str(data), "--view", "events",
                                   "-o", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert '"OWNS":{"name":"owns' in page and '"DIRECTS":{"name":"directs"' in page
    assert '"relationship:o-beta"' not in page  # drawn as a link, not as a node


def test_past_max_nodes_ties_are_grouped_and_cut_with_a_note() -> None:
    actors = [{"id": "us", "name": "United States", "kind": "state"}] + [
        {"id": f"c{i}", "name": f"Company {i}", "kind": "organization", "country": f"{c}"}
        for i, c in enumerate(["cy", "ru", "ae", "tr", "gb", "hk", "ch"] * 6)]
    rels = [{"id": f"o{i}", "kind": "ownership", "subject": f"c{i}", "object": f"c{i + 1}",
             "share": 50, "sources": [{"source": "s"}]} for i in range(41)]
    rels += [{"id": "o0b", "kind": "ownership", "subject": "c0", "object": "c1", "share": 10,
              "sources": [{"source": "s"}]}]
    G = build(Dataset.model_validate({
        "sources": [{"id": "s"}], "actors": actors, "relationships": rels,
        "sanctions": [{"id": "x", "imposers": ["us"], "targets": ["c0"],
                       "sources": [{"source": "s"}]}]}))
    sc = actors_scene(G, max_nodes=2)  # one actor drawn alone, the rest grouped by country
    ties = [e for e in sc.edges if e["rel"] == "OWNS"]
    assert len(ties) == 6  # 3 * max_nodes, of 8 pairs of drawn nodes
    assert "6 of 8 ownership, directorship and family links are drawn" in " ".join(sc.notes)
    # The links with the most records are kept; Company 0's two records to the group that
    # holds Company 1 are among the lightest and go.
    assert sorted(e["n"] for e in ties) == [5, 6, 6, 6, 6, 6]
    assert not any(e["from"] == "actor:c0" for e in ties)
    # A link to a group has no label; its details name each record's two actors.
    ru_ae = next(e for e in ties if e["from"] == "group:organization:ru")
    assert ru_ae["label"] == "" and ru_ae["to"] == "group:organization:ae"
    assert dict(ru_ae["info"]["rows"])["Records"].split("\n")[0] == (
        "Company 1 → Company 2 · 50% · record o1")
