"""``python scripts/screenshots.py`` (the README's command for docs/*.png) runs as written:
here on two of its pictures, into a temporary folder, with the legibility it prints."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]


def _readme_row(picture: str) -> list[str]:
    """The README's figures for one picture: nodes, labels, on a label, on a label or node,
    cut, link labels, link labels on a label (as the script prints them, without % and ,)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(ln for ln in readme.splitlines() if ln.startswith(f"| {picture} "))
    cells = [c.strip() for c in line.strip("|").split("|")][1:]
    return [c.split()[0].replace(",", "") for c in cells]


def test_screenshots_script_writes_pictures_and_measures_labels(tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--out", str(tmp_path),
         "--only", "seed-graph", "--only", "view-1k-events"],
        capture_output=True, text=True, timeout=300, check=False)
    assert res.returncode == 0, res.stderr
    rows = {ln.split()[0]: ln.split()[1:] for ln in res.stdout.splitlines()[1:-1]}
    assert set(rows) == {"seed-graph", "view-1k-events"}
    nodes, labels, on_label = (int(x) for x in rows["view-1k-events"][:3])
    assert nodes == 1006 and labels >= 20 and on_label == 0
    assert int(rows["seed-graph"][0]) == 12
    # The README's table states what the script prints (the same in every run).
    for name, row in (("seed-graph", "seed article, actors"),
                      ("view-1k-events", "generated 1k, events")):
        printed = [x for x in rows[name][:-1] if not x.endswith("%")]
        assert printed == _readme_row(row), name
    for name in rows:
        img = Image.open(tmp_path / f"{name}.png")
        assert img.size == (1400, 850)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed-graph.png",
                                                          "view-1k-events.png"]
    assert re.search(r"wrote .*\*\.png", res.stdout)


def test_screenshots_script_refuses_an_unknown_picture(tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--out", str(tmp_path),
         "--only", "nope"], capture_output=True, text=True, timeout=300, check=False)
    assert res.returncode == 2 and "unknown picture 'nope'" in res.stderr


def test_screenshots_script_leaves_the_tracked_pictures_alone() -> None:
    """Run as the README writes it (no folder given), it writes to a new temporary folder,
    never over docs/*.png (it used to rewrite them on every run)."""
    docs = ROOT / "docs" / "seed-graph.png"
    before = docs.read_bytes(), docs.stat().st_mtime_ns
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--only", "seed-graph"],
        capture_output=True, text=True, timeout=300, check=False)
    assert res.returncode == 0, res.stderr
    assert (docs.read_bytes(), docs.stat().st_mtime_ns) == before
    m = re.search(r"^wrote (\S+)/\*\.png", res.stdout, re.M)
    assert m
    out = Path(m.group(1))
    try:
        assert ROOT not in out.parents
        assert sorted(p.name for p in out.iterdir()) == ["seed-graph.png"]
    finally:
        shutil.rmtree(out)
    both = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--docs", "--out", "x",
         "--only", "seed-graph"], capture_output=True, text=True, timeout=300, check=False)
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
