"""Exposure over 100,000 generated ownership edges: the median time of kg.query.exposure,
beside two baselines measured in the same process on the same edges.

    python benchmarks/exposure.py [EDGES] [RUNS] [BASELINE_RUNS]

A forest of companies (each owned by one to three earlier owners, shares drawn from
10-100%, one in twenty unknown) under 1,000 sanctioned people; generated, seeded, in memory.
Baselines: a plain networkx pass over the same ownership links (build a DiGraph and its
condensation: about the least any whole-graph computation costs here), and the path-by-path
enumeration kg used before (tests/ownership_reference.py with its old cut-offs, 1e-4% and
12 links; BASELINE_RUNS times, default 1, 0 to skip: it takes minutes at 100,000 edges).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from ownership_reference import reach

from kg.graph.build import build
from kg.model.records import Actor, Dataset, Relationship, Sanction, Source
from kg.query.ownership import _ownership_graph, exposure


def generate(edges: int, seed: int = 7) -> Dataset:
    """``edges`` ownership records over about ``edges / 2`` companies."""
    rng = random.Random(seed)
    people = [f"p{i}" for i in range(1000)]
    firms: list[str] = []
    rels: list[Relationship] = []
    cite = [{"source": "gen"}]
    while len(rels) < edges:
        firm = f"c{len(firms)}"
        pool = people + firms[-5000:]
        for owner in rng.sample(pool, k=min(rng.randint(1, 3), edges - len(rels))):
            share = None if rng.random() < 0.05 else float(rng.randint(10, 100))
            rels.append(Relationship(id=f"o{len(rels)}", kind="ownership", subject=owner,
                                     object=firm, share=share, sources=cite))
        firms.append(firm)
    actors = [Actor(id="us", name="US", kind="state"),
              *(Actor(id=p, name=p, kind="person") for p in people),
              *(Actor(id=f, name=f, kind="organization") for f in firms)]
    return Dataset(sources=[Source(id="gen")], actors=actors, relationships=rels,
                   sanctions=[Sanction(id="s", imposers=["us"], targets=people[::10],
                                       sources=cite)])


def _median(runs: int, fn: object) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main() -> None:
    edges = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    base_runs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    G = build(generate(edges))
    took, rep = _median(runs, lambda: exposure(G, imposer="us", as_of="2024-01-01"))
    print(f"exposure over {edges:,} ownership edges: median {took:.3f}s of {runs} runs; "
          f"{len(rep.exposed):,} exposed, {len(rep.possibly_exposed):,} "  # type: ignore[union-attr]
          f"possibly exposed, {rep.cut_paths:,} paths cut")  # type: ignore[union-attr]
    owned = _ownership_graph(G, "2024-01-01")
    took, _ = _median(runs, lambda: nx.condensation(nx.DiGraph(
        [(a, b) for a, held in owned.items() for b in held])))
    print(f"baseline, networkx DiGraph + condensation of the same links: median {took:.3f}s")
    if base_runs:
        roots = {f"p{i}" for i in range(0, 1000, 10)}
        took, old = _median(base_runs, lambda: reach(owned, roots, min_share=1e-4,
                                                     max_depth=12))
        print(f"baseline, the old path-by-path enumeration: median {took:.3f}s of "
              f"{base_runs} runs; {sum(r.share >= 50 for r in old.values()):,} at 50% "  # type: ignore[union-attr]
              f"or more")


if __name__ == "__main__":
    main()
