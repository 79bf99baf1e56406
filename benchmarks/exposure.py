"""Exposure over 100,000 generated ownership edges: prints the median time of kg.query.exposure.

    python benchmarks/exposure.py [EDGES] [RUNS]

A forest of companies (each owned by one to three earlier owners, shares drawn from
10-100%, one in twenty unknown) under 1,000 sanctioned people; generated, seeded, in memory.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from kg.graph.build import build
from kg.model.records import Actor, Dataset, Relationship, Sanction, Source
from kg.query.ownership import exposure


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


def main() -> None:
    edges = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    G = build(generate(edges))
    times, rep = [], None
    for _ in range(runs):
        t = time.perf_counter()
        rep = exposure(G, imposer="us", as_of="2024-01-01")
        times.append(time.perf_counter() - t)
    assert rep is not None
    print(f"exposure over {edges:,} ownership edges: median {statistics.median(times):.3f}s "
          f"of {runs} runs; {len(rep.exposed):,} exposed, {len(rep.possibly_exposed):,} "
          f"possibly exposed, {rep.cut_paths:,} paths cut")


if __name__ == "__main__":
    main()
