"""Readability faults a newcomer found in the browser view, checked in Chromium: the focus
view's link labels overlapped one another (the focus node's links were all labelled, on top
of each other), ownership shares showed only at close zoom, ids and dates in the panels
broke at their hyphens, and the search box had nothing to say about a misspelt name."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.export.html import write_html
from kg.graph.build import build
from kg.model.records import Dataset
from kg.readwrite.load import load
from kg.resolve.resolver import normalize
from tests.export.label_boxes import measure


@pytest.fixture(scope="module")
def bundled() -> nx.MultiDiGraph:
    return build(load())


@pytest.mark.parametrize("focus", ["China", "United States"])
def test_focus_view_link_labels_do_not_overlap(focus: str, bundled: nx.MultiDiGraph,
                                               tmp_path: Path, open_page: Any) -> None:
    # Before: China's focus page drew 8 link labels, 7 of them on another label; the US's
    # 27, all 27 on another label.
    page, log = open_page(write_html(bundled, tmp_path / "f.html", focus=focus))
    m = measure(page)
    assert m["edgeLabels"] >= 1
    assert (m["edgeOnLabel"], m["edgeOnAny"], m["edgeClipped"]) == (0, 0, 0)
    assert m["overlapLabel"] == 0
    assert log.page_errors == []


def test_a_hovered_link_shows_its_label(bundled: nx.MultiDiGraph, tmp_path: Path,
                                        open_page: Any) -> None:
    page, _ = open_page(write_html(bundled, tmp_path / "f.html", focus="China"))
    unlabelled = page.evaluate("""(() => {
      const shown = kgView.edgeLabelBoxes();
      return Object.keys(kgView.data.emeta).find(id => kgView.edgeLabelText(id) &&
        !(id in shown) && !kgView.edges.get(id).hidden); })()""")
    assert unlabelled
    page.evaluate(f"kgView.network.unselectAll(); kgView.network.selectEdges([{unlabelled!r}]);"
                  " kgView.network.redraw()")
    page.wait_for_timeout(100)
    assert unlabelled in page.evaluate("Object.keys(kgView.edgeLabelBoxes())")
    m = measure(page)
    assert m["edgeOnLabel"] == 0 and m["overlapLabel"] == 0


def test_ownership_shares_at_the_default_zoom(html_cases: Any, tmp_path: Path,
                                              open_page: Any) -> None:
    G = build(Dataset.model_validate(html_cases.ties_records()))
    page, _ = open_page(write_html(G, tmp_path / "own.html"))
    page.evaluate("kgView.network.unselectAll(); kgView.network.redraw()")
    page.wait_for_timeout(100)
    assert page.evaluate("kgView.network.getScale()") < 1.2  # not a close zoom
    shown = page.evaluate("""Object.keys(kgView.edgeLabelBoxes()).map(
        id => kgView.edgeLabelText(id))""")
    assert sorted(shown) == ["100%", "75%", "80% until 2019, 10%", "?%"]
    m = measure(page)
    assert (m["edgeOnLabel"], m["edgeClipped"]) == (0, 0)
