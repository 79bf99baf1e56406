"""Every kind of edge an import can put in the graph has a style in the browser view, and
both views render imported lists (issuing authorities, ownership) without error."""

import subprocess
import sys
from pathlib import Path

import pytest

from kg.export.html import EDGE_STYLES
from kg.graph.schema import EdgeType


def test_every_edge_type_has_a_style_in_the_view() -> None:
    # RELATED_TO runs through a relationship node, which the view draws as one direct link
    # between the two actors (OWNS, DIRECTS, FAMILY, ASSOCIATE: kg.export.html_ties).
    assert set(EdgeType) - set(EDGE_STYLES) == {EdgeType.RELATED_TO}


@pytest.mark.parametrize("view", ["actors", "events"])
def test_both_views_render_imported_lists(tmp_path: Path, fixtures: Path, view: str) -> None:
    data = []
    for kind, names in [("ofac", ["sdn.csv", "alt.csv", "add.csv"]), ("uk", ["ConList.csv"]),
                        ("ftm", ["ownership.ftm.json"])]:
        out = tmp_path / f"{kind}.jsonl"
        r = subprocess.run([sys.executable, "-m", "kg", "import", kind,
                            *[fixtures / n for n in names], "-o", out],
                           capture_output=True, text=True)
        assert r.returncode in (0, 1) and out.exists(), r.stderr
        data += ["-d", str(out)]
    html = tmp_path / f"{view}.html"
    r = subprocess.run([sys.executable, "-m", "kg", "export", "html", *data, "-o", html,
                        "--view", view], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    page = html.read_text(encoding="utf-8")
    # The events view draws the OFAC and OFSI bodies' links to their listings (and says what
    # they are in the legend); the actors view folds them into who sanctioned whom.
    assert ("issued (the authority)" in page) == (view == "events")
