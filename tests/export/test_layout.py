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


def test_shapes_do_not_sit_on_each_other_around_a_hub() -> None:
    """A hub with many leaves (as Russia and the US in the bundled data): stress
    majorization puts the leaves at one distance, close together; after layout no two nodes
    are nearer than NODE_GAP, and the hub's leaves still sit around it, not pushed away."""
    import math

    import networkx as nx

    from kg.export.layout import EDGE_PX, NODE_GAP, layout

    G = nx.star_graph(60)  # node 0 and 60 leaves
    nx.add_path(G, [0, 61, 62, 63])
    pos = layout(G)
    nearest = min(math.dist(pos[u], pos[v]) for u in G for v in G if u < v)
    assert nearest >= NODE_GAP - 0.5
    leaves = [math.dist(pos[0], pos[v]) for v in range(1, 61)]
    assert max(leaves) < 4 * EDGE_PX
