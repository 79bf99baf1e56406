"""The browser view's search box in Chromium: it finds an actor by every name the CLI
accepts (names, aliases, country names, seats of government, demonyms; weak aliases marked
as such), and it folds what is typed exactly as kg.resolve folds names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli.app import cli
from kg.export.html import write_html
from kg.graph.build import build
from kg.model.records import Dataset
from kg.readwrite.load import load
from kg.resolve.resolver import normalize
from kg.resolve.translit import name_tokens


@pytest.fixture(scope="module")
def bundled() -> nx.MultiDiGraph:
    return build(load())


def _names_graph() -> nx.MultiDiGraph:
    """A few list-style names (made up in the style of OFAC's), and a weak alias."""
    return build(Dataset.model_validate({
        "sources": [{"id": "s", "title": "test list"}],
        "actors": [
            {"id": "us", "name": "United States", "kind": "state"},
            {"id": "p1", "name": "DERIPASKA, Oleg Vladimirovich", "kind": "person",
             "country": "ru", "aliases": ["Олег Владимирович Дерипаска"],
             "weak_aliases": ["The Boss"]},
            {"id": "o1", "name": "UNITED COMPANY RUSAL PLC", "kind": "organization"},
            {"id": "o2", "name": "Boss Holdings LLC", "kind": "organization"},
            {"id": "o3", "name": "BOSS", "kind": "organization"},
        ],
        "sanctions": [{"id": "x1", "imposers": ["us"], "targets": ["p1", "o1", "o2", "o3"],
                       "date": "2018-04-06", "sources": [{"source": "s"}]}]}))


def _first(page: Any, query: str) -> tuple[str | None, str | None]:
    page.fill("#kg-search", query)
    b = page.locator("#kg-matches button").first
    if not b.count():
        return None, None
    return b.get_attribute("data-node"), b.get_attribute("data-how")


def test_beijing_and_every_name_the_cli_accepts_find_china(
        bundled: nx.MultiDiGraph, tmp_path: Path, open_page: Any) -> None:
    page, log = open_page(write_html(bundled, tmp_path / "a.html"))
    for query, how in (("Beijing", "seat of government"), ("Chinese", "demonym"),
                       ("PRC", "alias"), ("chn", "country name"), ("Mainland China", "country name"),
                       ("People's Republic of China", "alias"), ("china", "name"),
                       ("  the  BEIJING ", "seat of government")):
        assert _first(page, query) == ("actor:cn", how), query
        # ... and the CLI takes the same name for China.
        res = CliRunner().invoke(cli, ["query", "sanctioned-by", query.strip(), "--format",
                                       "json"])
        assert res.exit_code == 0 and '"imposer": "cn"' in res.stdout, (query, res.output)
    assert _first(page, "Kremlin") == ("actor:ru", "seat of government")
    _first(page, "Beijing")
    assert page.inner_text("#kg-matches button >> nth=0") == "China\nbeijing · seat of government"
    page.keyboard.press("Enter")
    assert page.inner_text("#kg-details h2") == "China"
    assert log.page_errors == [] and log.console_errors == []


def test_list_names_transliteration_and_weak_aliases(tmp_path: Path, open_page: Any) -> None:
    page, _ = open_page(write_html(_names_graph(), tmp_path / "n.html"))
    assert _first(page, "Oleg Deripaska") == ("actor:p1", "name")  # any word order
    assert _first(page, "oleg vlad deri") == ("actor:p1", "name")  # words' starts
    assert _first(page, "Deripaska") == ("actor:p1", "name")
    assert _first(page, "Дерипаска") == ("actor:p1", "name")
    assert _first(page, "Олег Владимирович") == ("actor:p1", "alias")
    assert _first(page, "Rusal") == ("actor:o1", "name")
    assert _first(page, "United Company Rusal") == ("actor:o1", "name")
    page.fill("#kg-search", "boss")
    got = [(b.get_attribute("data-node"), b.get_attribute("data-how"))
           for b in page.locator("#kg-matches button").all()]
    # The same name as a weak alias ranks after it as a strong name; before a mere prefix.
    assert got == [("actor:o3", "name"), ("actor:p1", "weak alias"), ("actor:o2", "name")]
    assert "The Boss · weak alias" in page.inner_text("#kg-matches")
    page.fill("#kg-search", "boss hold")
    assert [b.get_attribute("data-node") for b in page.locator("#kg-matches button").all()] \
        == ["actor:o2"]


TRICKY = ["  The U.S.  ", "Côte d’Ivoire", "AT&T Inc.", "O'Brien_Smith", "Straße",
          "Ελληνική Δημοκρατία", "Παπαδόπουλος", "Олег Дерипаска", "ÆON Ltd", "Łódź",
          "Ünal-Çelik, Ayşe", "the the", "PJSC «Sberbank»", "Ǆemal", "x² ½"]


def test_the_page_folds_names_as_python_does(bundled: nx.MultiDiGraph, tmp_path: Path,
                                             open_page: Any) -> None:
    page, _ = open_page(write_html(bundled, tmp_path / "a.html"))
    names = sorted({str(t) for _, d in bundled.nodes(data=True) if d["type"] == "actor"
                    for t in [d["label"], *(d.get("aliases") or [])]})
    assert len(names) > 150
    texts = names + TRICKY
    got = page.evaluate("ts => ts.map(t => [kgView.normalize(t), kgView.tokensKey(t)])", texts)
    want = [[normalize(t), " ".join(name_tokens(t))] for t in texts]
    wrong = [(t, g, w) for t, g, w in zip(texts, got, want, strict=True) if g != w]
    assert wrong == []
