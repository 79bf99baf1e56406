"""The browser view's layout (:mod:`kg.export.layout`) is the same in every run: it used to
depend on the run's string hashing (PYTHONHASHSEED) past 600 nodes and for graphs of
several pieces, so ``scripts/screenshots.py`` measured different pictures of the same data
from one run to the next."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, random, sys
import networkx as nx
sys.path.insert(0, {root!r})
from kg.export.layout import layout
rng = random.Random(3)
out = {{}}
for name, n, m in (("big", 700, 900), ("pieces", 90, 60)):
    G = nx.Graph()
    G.add_nodes_from(f"n{{i}}" for i in range(n))
    while G.number_of_edges() < m:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            G.add_edge(f"n{{a}}", f"n{{b}}")
    out[name] = {{k: [round(x, 3), round(y, 3)] for k, (x, y) in layout(G).items()}}
print(json.dumps(out, sort_keys=True))
"""


def _run(seed: str) -> dict[str, dict[str, list[float]]]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    res = subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(ROOT))], env=env,
                         capture_output=True, text=True, timeout=300, check=True)
    return dict(json.loads(res.stdout))


def test_layout_does_not_depend_on_string_hashing() -> None:
    a, b = _run("1"), _run("2")
    assert len(a["big"]) == 700 and len(a["pieces"]) == 90
    assert a["big"] == b["big"]
    assert a["pieces"] == b["pieces"]
