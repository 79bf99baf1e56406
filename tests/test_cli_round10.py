"""What a newcomer met in round 10: usage errors that exited 1, ``kg export -o -`` writing a
file named ``-``, ``kg demo | head`` exiting 1 without writing the page."""

from __future__ import annotations

import json
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent


def _kg(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True,
                          timeout=300)


def test_a_wrong_output_path_is_bad_usage(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x")
    r = _kg("export", "html", "-o", "folder", cwd=tmp_path)
    assert r.returncode == 2 and b"folder: is a folder" in r.stderr
    r = _kg("export", "neo4j", "-o", "file", cwd=tmp_path)
    assert r.returncode == 2 and b"exists and is not a folder" in r.stderr
    assert (tmp_path / "file").read_text() == "x"
    sdn = ROOT / "tests" / "ingest" / "fixtures" / "sdn.csv"
    r = _kg("import", "ofac", str(sdn), "-o", "out.csv", cwd=tmp_path)
    assert r.returncode == 2 and b"unknown output format" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "folder"]
    assert b"Traceback" not in r.stderr


def test_export_to_standard_output(tmp_path: Path) -> None:
    r = _kg("export", "json", "-o", "-", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    G = nx.node_link_graph(json.loads(r.stdout), edges="edges")
    assert G.number_of_nodes() > 100
    r = _kg("export", "graphml", "-o", "-", cwd=tmp_path)
    assert nx.read_graphml(BytesIO(r.stdout)).number_of_nodes() == G.number_of_nodes()
    assert list(tmp_path.iterdir()) == []  # no file named "-"
    r = _kg("export", "neo4j", "-o", "-", cwd=tmp_path)
    assert r.returncode == 2


def test_demo_piped_to_head_writes_the_page_and_exits_0(tmp_path: Path) -> None:
    p = subprocess.run(f"{sys.executable} -m kg demo | head -3", shell=True, cwd=tmp_path,
                       capture_output=True, timeout=300,
                       executable="/bin/bash")
    assert p.stdout.decode().splitlines()[0].startswith("Graph: ")
    assert (tmp_path / "sanctions.html").stat().st_size > 100_000
    q = subprocess.run(f"{sys.executable} -m kg demo | head -3; exit ${{PIPESTATUS[0]}}",
                       shell=True, cwd=tmp_path, capture_output=True, timeout=300,
                       executable="/bin/bash")
    assert q.returncode == 0, q.stderr
