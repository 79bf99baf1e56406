"""The browser view's controls in Chromium, on the bundled data: the time control agrees
with the CLI's --since/--until, "Show only its neighbourhood" lays the neighbourhood out
afresh and fits it on screen, and the legend holds every colour and line style drawn."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli.app import cli
from kg.export.html import write_html
from kg.graph.build import build
from kg.model.dates import first_day, last_day, overlaps
from kg.model.records import Dataset
from kg.readwrite.load import load

INSIDE_JS = """(() => {
  const c = document.querySelector('#kg-network canvas');
  const ids = kgView.nodes.getIds().filter(id => !kgView.nodes.get(id).hidden);
  const pos = kgView.network.getPositions(ids);
  return ids.filter(id => {
    const p = kgView.network.canvasToDOM(pos[id]);
    return !(p.x >= 0 && p.y >= 0 && p.x <= c.clientWidth && p.y <= c.clientHeight); });
})()"""

#: Width and height of the box around the shown nodes (or every node), in graph units.
EXTENT_JS = """(all) => {
  const ids = kgView.nodes.getIds().filter(id => all || !kgView.nodes.get(id).hidden);
  const pos = Object.values(kgView.network.getPositions(ids));
  const xs = pos.map(p => p.x), ys = pos.map(p => p.y);
  return [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
}"""

SHOWN_PAIRS_JS = """kgView.edges.get({filter: e => !e.hidden &&
    ['SANCTIONED', 'RETALIATION'].includes(kgView.data.emeta[e.id].r)}).map(e => [e.from, e.to])"""


@pytest.fixture(scope="module")
def bundled() -> nx.MultiDiGraph:
    return build(load())


def _cli_pairs(*args: str) -> set[tuple[str, str]]:
    res = CliRunner().invoke(cli, ["query", "relations", *args, "--format", "json"])
    assert res.exit_code == 0, res.output
    return {("actor:" + r["imposer"], "actor:" + r["target"]) for r in json.loads(res.stdout)}


def _slide(page: Any, first: str, since: str | None, until: str | None) -> None:
    """Move the handles to the days ``since`` and ``until`` (None: leave at the end)."""
    day0 = date.fromisoformat(first)
    if since:
        page.locator("#kg-from-slider").fill(str((date.fromisoformat(since) - day0).days))
    if until:
        page.locator("#kg-to-slider").fill(str((date.fromisoformat(until) - day0).days))
    for _ in range(100):  # moves close together are applied as one, a moment later
        if page.evaluate("kgView.settled()"):
            break
        page.wait_for_timeout(20)


@pytest.mark.parametrize("since, until", [("2020-01-01", "2021-06-30"),
                                          ("2014-03-01", "2014-12-31"),
                                          ("2022-02-24", None)])
def test_time_control_agrees_with_the_cli(since: str, until: str | None,
                                          bundled: nx.MultiDiGraph, tmp_path: Path,
                                          open_page: Any) -> None:
    page, log = open_page(write_html(bundled, tmp_path / "a.html"))
    dates = page.evaluate("kgView.data.meta.dates")
    records = [d for _, d in bundled.nodes(data=True) if d["type"] in ("sanction", "statement")]
    dated = sorted(d["date"] for d in records if d.get("date"))
    assert dates == {"first": first_day(dated[0]), "last": max(map(last_day, dated)),
                     "undated": len(records) - len(dated)}
    everything = page.evaluate(SHOWN_PAIRS_JS)
    scale0 = page.evaluate("kgView.network.getScale()")
    page.uncheck("#kg-undated")  # the CLI leaves undated records out when a bound is given
    _slide(page, dates["first"], since, until)
    assert page.input_value("#kg-since") == since
    assert page.input_value("#kg-until") == (until or "")
    shown = {tuple(p) for p in page.evaluate(SHOWN_PAIRS_JS)}
    cli_args = ["--since", since] + (["--until", until] if until else [])
    assert shown == _cli_pairs(*cli_args)
    assert 0 < len(shown) < len(everything)
    # The page says how many dated records are in the range; the CLI's sanctions plus the
    # statements dated in it.
    n_in = sum(1 for d in records if d.get("date") and overlaps(d["date"], since, until))
    assert f": {n_in} of " in page.inner_text("#kg-range-text")
    assert page.evaluate(INSIDE_JS) == []  # zoomed to what is left
    # zoomed in when what is left takes less room than everything did, in both directions
    (w, h), (w0, h0) = page.evaluate(EXTENT_JS, False), page.evaluate(EXTENT_JS, True)
    if w < w0 * 0.9 and h < h0 * 0.9:
        assert page.evaluate("kgView.network.getScale()") > scale0
    page.click("#kg-reset")
    assert len(page.evaluate(SHOWN_PAIRS_JS)) == len(everything)
    assert page.input_value("#kg-from-slider") == "0"
    assert log.page_errors == [] and log.console_errors == []


def test_typed_dates_move_the_handles_and_undated_are_counted(
        bundled: nx.MultiDiGraph, tmp_path: Path, open_page: Any) -> None:
    page, _ = open_page(write_html(bundled, tmp_path / "e.html", view="events"))
    first = page.evaluate("kgView.data.meta.dates.first")
    page.fill("#kg-since", "2021")
    assert int(page.input_value("#kg-from-slider")) == (date(2021, 1, 1)
                                                        - date.fromisoformat(first)).days
    page.fill("#kg-since", "")
    undated = [n for n, d in bundled.nodes(data=True)
               if d["type"] in ("sanction", "statement") and not d.get("date")]
    assert len(undated) == 2
    assert page.inner_text("#kg-undated-text") == "undated (2), shown"

    def visible(ids: list[str]) -> list[bool]:
        return [bool(x) for x in page.evaluate(
            "ids => ids.map(id => !kgView.nodes.get(id).hidden)", ids)]

    assert visible(undated) == [True, True]
    page.uncheck("#kg-undated")
    assert visible(undated) == [False, False]
    assert page.inner_text("#kg-undated-text") == "undated (2), hidden"


def test_neighbourhood_is_laid_out_afresh_and_fits(bundled: nx.MultiDiGraph, tmp_path: Path,
                                                   open_page: Any) -> None:
    page, log = open_page(write_html(bundled, tmp_path / "a.html"))
    before = page.evaluate("kgView.network.getPositions()")
    page.evaluate("kgView.select('actor:cn')")
    page.click("#kg-details button:has-text('Show only its neighbourhood')")
    shown = page.evaluate("kgView.nodes.getIds().filter(id => !kgView.nodes.get(id).hidden)")
    assert 5 < len(shown) < len(before)
    after = page.evaluate("kgView.network.getPositions()")
    moved = [n for n in shown if n != "actor:cn" and
             abs(after[n]["x"] - before[n]["x"]) + abs(after[n]["y"] - before[n]["y"]) > 5]
    assert len(moved) == len(shown) - 1  # every node but the centre has a new place
    cn = after["actor:cn"]
    # The new layout is centred on China: its neighbours around it, not where they were.
    assert (cn["x"], cn["y"]) == (0, 0)
    assert page.evaluate(INSIDE_JS) == []
    page.click("#kg-reset")
    back = page.evaluate("kgView.network.getPositions()")
    assert all(abs(back[n]["x"] - before[n]["x"]) < 0.5 for n in before)
    assert log.page_errors == [] and log.console_errors == []


COLOURS_JS = """(() => {
  const hex = c => {
    const m = String(c).match(/^rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)(?:,\\s*([\\d.]+))?\\)$/);
    if (!m) return String(c).toLowerCase();
    if (m[4] !== undefined && +m[4] === 0) return null;  // transparent
    return '#' + [m[1], m[2], m[3]].map(x => (+x).toString(16).padStart(2, '0')).join('');
  };
  const body = kgView.network.body, used = new Set(), dashes = new Set();
  const add = c => { if (c) used.add(hex(c)); };
  for (const id of kgView.nodes.getIds()) {
    const c = body.nodes[id].options.color;
    [c.background, c.border, c.highlight.background, c.highlight.border,
     c.hover.background, c.hover.border].forEach(add);
    const d = body.nodes[id].options.shapeProperties.borderDashes;
    if (d) dashes.add(JSON.stringify(d));
  }
  for (const id of kgView.edges.getIds()) {
    const o = body.edges[id].options;
    [o.color.color, o.color.highlight, o.color.hover].forEach(add);
    if (o.dashes) dashes.add(JSON.stringify(o.dashes));
  }
  const legend = new Set(), legendDashes = new Set();
  for (const sw of document.querySelectorAll('#kg-legend .kg-sw, #kg-legend .kg-line')) {
    const st = getComputedStyle(sw);
    const texts = [st.backgroundColor, st.borderTopColor, st.borderLeftColor,
                   ...(st.backgroundImage.match(/rgba?\\([^)]*\\)/g) || [])];
    if (st.borderTopWidth === '0px') texts.splice(1, 2);
    texts.map(hex).forEach(c => { if (c) legend.add(c); });
    if (sw.dataset.dashes) legendDashes.add(sw.dataset.dashes);
  }
  return {used: [...used].sort(), legend: [...legend].sort(), dashes: [...dashes].sort(),
          legendDashes: [...legendDashes].sort()};
})()"""


@pytest.mark.parametrize("case", ["actors", "events", "china", "grouped", "ties",
                                  "ties-events"])
def test_every_colour_and_line_drawn_is_in_the_legend(case: str, bundled: nx.MultiDiGraph,
                                                      tmp_path: Path, open_page: Any,
                                                      html_cases: Any) -> None:
    kw: dict[str, Any] = {"actors": {}, "events": {"view": "events"},
                          "china": {"focus": "China", "depth": 2},
                          "grouped": {"max_nodes": 60}, "ties": {},
                          "ties-events": {"view": "events"}}[case]
    # Ownership, directorship and family links (tests/export/conftest.py: ties_records).
    G = (build(Dataset.model_validate(html_cases.ties_records()))
         if case.startswith("ties") else bundled)
    page, log = open_page(write_html(G, tmp_path / "a.html", **kw))
    # The focus and selection outline is drawn.
    page.evaluate("kgView.select('actor:ore')" if case.startswith("ties")
                  else "kgView.select('actor:cn')")
    got = page.evaluate(COLOURS_JS)
    missing = sorted(set(got["used"]) - set(got["legend"]))
    assert missing == [], f"colours drawn but not in the legend: {missing}"
    assert set(got["dashes"]) <= set(got["legendDashes"])
    assert "#000000" in got["used"] and "#000000" in got["legend"]  # the selection outline
    assert len(got["used"]) >= 6 and len(got["dashes"]) >= 1
    if case.startswith("ties"):
        assert {"#117733", "#44aa99", "#ddaa33"} <= set(got["used"])
        assert {"[14,3]", "[6,3]", "[1,3]"} <= set(got["dashes"])
    if case == "grouped":
        assert "#333333" in got["used"]
    assert log.page_errors == [] and log.console_errors == []
