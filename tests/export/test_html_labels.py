"""Legibility of the browser view in Chromium, on the bundled data: at first view no label
overlaps another and at most 1 node in 10 has a label over another node; the important
names are there; links keep their legend colour when selected; search finds capitals and
demonyms; filters zoom to fit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.export.html import write_html
from kg.graph.build import build
from kg.readwrite.load import load
from tests.export.label_boxes import measure


@pytest.fixture(scope="module")
def bundled() -> nx.MultiDiGraph:
    return build(load())


@pytest.mark.parametrize("view", ["actors", "events"])
def test_first_view_labels_do_not_overlap(view: str, bundled: nx.MultiDiGraph, tmp_path: Path,
                                          open_page: Any) -> None:
    page, log = open_page(write_html(bundled, tmp_path / f"{view}.html", view=view))
    m = measure(page)
    assert m["nodes"] == (147 if view == "actors" else 406)
    assert m["overlapLabel"] == 0
    assert m["overlapAny"] <= m["nodes"] / 10
    assert m["clipped"] == 0
    assert m["labelled"] >= 25  # names are shown, not just hidden
    boxes = page.evaluate("Object.keys(kgView.labelBoxes())")
    for hub in ("actor:ru", "actor:us", "actor:cn", "actor:eu"):
        assert hub in boxes
    assert log.page_errors == [] and log.console_errors == []


def test_hover_shows_a_hidden_label(bundled: nx.MultiDiGraph, tmp_path: Path,
                                    open_page: Any) -> None:
    page, _ = open_page(write_html(bundled, tmp_path / "a.html"))
    hidden = page.evaluate("""kgView.nodes.getIds().find(
        id => !(id in kgView.labelBoxes()))""")
    assert hidden
    page.evaluate(f"kgView.network.selectNodes([{hidden!r}]); kgView.network.redraw()")
    page.wait_for_timeout(200)
    assert hidden in page.evaluate("Object.keys(kgView.labelBoxes())")
    assert measure(page)["overlapLabel"] == 0


def test_search_finds_capitals_and_demonyms(bundled: nx.MultiDiGraph, tmp_path: Path,
                                            open_page: Any) -> None:
    page, _ = open_page(write_html(bundled, tmp_path / "a.html"))
    for query, node in (("Beijing", "actor:cn"), ("Kremlin", "actor:ru"),
                        ("Brussels", "actor:eu")):
        page.fill("#kg-search", query)
        assert page.locator("#kg-matches button").first.get_attribute("data-node") == node


def test_filters_zoom_to_fit_and_selected_links_keep_their_colour(
        bundled: nx.MultiDiGraph, tmp_path: Path, open_page: Any) -> None:
    page, _ = open_page(write_html(bundled, tmp_path / "a.html"))
    before = page.evaluate("kgView.network.getScale()")
    page.select_option("#kg-reason", "nuclear_proliferation")
    after = page.evaluate("kgView.network.getScale()")
    assert after > before  # fewer nodes, drawn larger
    inside = page.evaluate("""(() => {
        const c = document.querySelector('#kg-network canvas');
        return kgView.nodes.getIds().filter(id => !kgView.nodes.get(id).hidden).every(id => {
          const p = kgView.network.canvasToDOM(kgView.network.getPositions([id])[id]);
          return p.x >= 0 && p.y >= 0 && p.x <= c.clientWidth && p.y <= c.clientHeight; });
    })()""")
    assert inside
    colours = page.evaluate("""kgView.edges.get().map(
        e => [e.color.color, e.color.highlight, e.color.hover])""")
    assert all(c[0] == c[1] == c[2] for c in colours) and "#000000" not in str(colours)
