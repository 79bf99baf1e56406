"""Benchmark sanctions-kg on synthetic workloads of 10k, 100k and 1M events.

For each size, in a fresh process (so peak memory is that size's own), it prints every
phase beside the plainest baseline doing the same job in the same process, and the ratio,
which survives a noisy shared machine better than seconds do:

* load + validate  vs  orjson parsing every line (nothing else)
* build            vs  networkx ``add_edges_from`` on prepared (u, v, key) tuples
* save / load .kgz vs  rebuilding from the JSONL
* each query (median of ``--runs`` runs, after one warm-up call that builds the indexes),
  with the size of its answer: a query's cost should follow its answer, not the graph
* --focus extraction (``kg.graph.subgraph.neighbourhood``) for a hub and a tail actor
* each export  vs  writing every node and edge as one orjson line
* peak memory (max RSS) of the process

Wall-clock and CPU seconds are both shown; on a shared machine CPU is the steadier one.
Baselines run with the garbage collector paused, as kg does, so ratios are not flattered.

    python benchmarks/bench.py --sizes 10k,100k                 # about two minutes
    python benchmarks/bench.py --sizes 1m --exports json,neo4j  # several minutes, ~8 GB

(GraphML and GEXF at 1M build the whole XML tree in memory: tens of GB; run them at 100k.)
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import networkx as nx  # noqa: E402

try:
    import orjson  # the baseline parser kg is measured against
except ImportError:  # not installed by `pip install -e .`: say so, no traceback
    print("benchmarks/bench.py measures kg against orjson, which is not installed: "
          "pip install -e '.[fast]' (or '.[test]') first", file=sys.stderr)
    sys.exit(2)

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def _rss_gb() -> float:
    """Peak resident memory of this process (since the last :func:`_reset_peak`), GiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / (1 << 20)
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << 20)


def _reset_peak() -> None:
    """Start a new peak-memory measurement (Linux: clear_refs 5 resets VmHWM)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    c, t = time.process_time(), time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t, time.process_time() - c


def median_ms(fn: Callable[[], Any], runs: int) -> tuple[Any, float]:
    out = fn()  # warm-up (first call builds indexes)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return out, statistics.median(times) * 1000


def row(name: str, ours: float, cpu: float | None = None, base: float | None = None,
        base_name: str = "", extra: str = "") -> None:
    text = f"  {name:<34} {ours:9.3f}s"
    text += f" (cpu {cpu:7.2f}s)" if cpu is not None else " " * 16
    if base is not None:
        text += f"   {base_name} {base:8.3f}s  ratio {ours / base:5.2f}x"
    print(text + (f"  {extra}" if extra else ""), flush=True)


def qrow(name: str, ms: float, answer: int, note: str = "") -> None:
    per = f"{ms * 1000 / answer:8.2f} us/row" if answer else " " * 15
    print(f"  {name:<44} {ms:10.3f} ms  answer {answer:>7}  {per}  {note}", flush=True)


def dataset_file(n: int, seed: int, folder: Path) -> Path:
    path = folder / f"kg-bench-{n}-seed{seed}.jsonl"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(n), "-o", str(path),
                        "--seed", str(seed)], check=True)
    return path


def _closest(G: nx.MultiDiGraph, key: str, direction: str, want: int,
             kinds: tuple[str, ...]) -> str:
    best, best_d = "", None
    for n, d in G.nodes(data=True):
        if d.get("type") != "actor" or d.get("kind") not in kinds:
            continue
        edges = G.out_edges(n, keys=True) if direction == "out" else G.in_edges(n, keys=True)
        deg = sum(1 for e in edges if e[2] == key)
        if deg and (best_d is None or abs(deg - want) < best_d):
            best, best_d = n[6:], abs(deg - want)
    return best


def bench_one(n: int, path: Path, runs: int, exports: list[str], out_dir: Path) -> None:
    from kg import query as kq
    from kg._perf import paused_gc
    from kg.graph.build import build
    from kg.graph.store import read_graph, write_graph
    from kg.graph.subgraph import neighbourhood
    from kg.query import patterns as kp
    from kg.readwrite.load import load

    size_mb = path.stat().st_size / 1e6
    print(f"\n== {n:,} events ({path.name}, {size_mb:.0f} MB) ==", flush=True)

    def parse() -> int:
        with paused_gc(), path.open("rb") as fh:
            return len([orjson.loads(line) for line in fh])

    lines, t_parse, _ = timed(parse)
    gc.collect()
    _reset_peak()
    # As the kg command does (kg.cli.app.load_graph): collector paused throughout, the
    # dataset consumed by the build, and the finished graph frozen out of the collector.
    with paused_gc():
        ds, t_load, c_load = timed(lambda: load(path))
        G, t_build, c_build = timed(lambda d=ds: build(d, consume=True))
        del ds
        gc.freeze()
    peak_build = _rss_gb()
    row("load + validate", t_load, c_load, t_parse, "orjson parse", f"{lines:,} records")
    tuples = [(u, v, k) for u, v, k in G.edges(keys=True)]

    def baseline_build(tuples: list[tuple[str, str, str]] = tuples) -> nx.MultiDiGraph:
        with paused_gc():
            H = nx.MultiDiGraph()
            H.add_edges_from(tuples)
            return H

    H, t_edges, _ = timed(baseline_build)
    del H, tuples
    gc.collect()
    row("build", t_build, c_build, t_edges, "add_edges_from",
        f"{G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")
    row("load + validate + build", t_load + t_build, c_load + c_build, t_parse + t_edges,
        "parse+add_edges", f"peak memory {peak_build:.2f} GiB")

    kgz = out_dir / "graph.kgz"
    _, t_save, c_save = timed(lambda: write_graph(G, kgz))
    row("save .kgz", t_save, c_save, extra=f"{kgz.stat().st_size / 1e6:.0f} MB")

    def read_frozen() -> nx.MultiDiGraph:
        with paused_gc():  # as kg.cli.app.load_graph reads a .kgz
            H = read_graph(kgz)
            gc.freeze()
            return H

    G2, t_read, c_read = timed(read_frozen)
    assert G2.number_of_edges() == G.number_of_edges()
    del G2
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    print(f"  {'read .kgz':<34} {t_read:9.3f}s (cpu {c_read:7.2f}s)   rebuild from JSONL "
          f"{t_load + t_build:8.3f}s  speed-up {(t_load + t_build) / t_read:5.1f}x", flush=True)

    # Queries. The index (resolver, date index, memberships) is built on the first call.
    _, t_idx, _ = timed(lambda: kq.who_sanctioned(G, "ir"))
    row("first query (builds indexes)", t_idx)
    print(f"  queries: median of {runs} runs", flush=True)
    # Actors whose answers have about the same size at every N, and a big one.
    people = ("person", "organization")
    tail_t = _closest(G, "TARGETS", "in", 5, people)
    mid_t = _closest(G, "TARGETS", "in", 100, people)
    mid_i = _closest(G, "IMPOSED", "out", 50, ("state", "bloc"))
    big_i = _closest(G, "IMPOSED", "out", 5000, ("state", "bloc"))
    for label, fn in [
        (f"who_sanctioned({tail_t!r}) tail target", lambda: kq.who_sanctioned(G, tail_t)),
        (f"who_sanctioned({mid_t!r})", lambda: kq.who_sanctioned(G, mid_t)),
        ("who_sanctioned('ir') state + nationals", lambda: kq.who_sanctioned(G, "ir")),
        (f"sanctioned_by({mid_i!r})", lambda: kq.sanctioned_by(G, mid_i)),
        (f"sanctioned_by({big_i!r})", lambda: kq.sanctioned_by(G, big_i)),
        ("relations(reason, 1 month)", lambda: kq.relations(
            G, reason="human_rights", since="2015-03-01", until="2015-03-31")),
        ("relations(reason, 1 year)", lambda: kq.relations(
            G, reason="human_rights", since="2015-01-01", until="2015-12-31")),
        (f"relations(imposer={mid_i!r}, reason, 5y)", lambda: kq.relations(
            G, imposer=mid_i, reason="human_rights", since="2010-01-01", until="2014-12-31")),
        (f"timeline({mid_t!r})", lambda: kq.timeline(G, mid_t)),
        ("timeline('ru')", lambda: kq.timeline(G, "ru")),
        ("statements(speaker='ru')", lambda: kq.statements(G, speaker="ru")),
    ]:
        out, ms = median_ms(fn, runs)
        qrow(label, ms, len(out))
    # Whole-graph analyses: their answers grow with the graph (retaliation inference
    # suggests millions of links at 1M), so fewer runs there.
    heavy_runs = 1 if n >= 1_000_000 else max(1, min(runs, 3))
    for label, fn in [
        ("retaliation(infer=False)", lambda: kp.retaliation(G, infer=False)),
        ("retaliation() with inference", lambda: kp.retaliation(G)),
        ("coalitions()", lambda: kp.coalitions(G)),
    ]:
        out, ms = median_ms(fn, heavy_runs)
        qrow(label, ms, len(out), f"(median of {heavy_runs})")

    print("  --focus subgraph (kg.graph.subgraph.neighbourhood)", flush=True)
    for actor, depth in [(tail_t, 2), (mid_t, 2), ("ir", 1), ("us", 1)]:
        sub, ms = median_ms(lambda a=actor, d=depth: neighbourhood(G, a, depth=d), heavy_runs)
        qrow(f"neighbourhood({actor!r}, depth={depth})", ms, sub.number_of_nodes(),
             f"{sub.number_of_edges():,} edges")

    if exports:
        from kg.export import graph as gx
        from kg.export.neo4j import write_neo4j

        def plain_dump() -> None:
            with (out_dir / "plain.jsonl").open("wb") as fh:
                for node, d in G.nodes(data=True):
                    fh.write(orjson.dumps([node, d]) + b"\n")
                for u, v, k, d in G.edges(keys=True, data=True):
                    fh.write(orjson.dumps([u, v, k, d]) + b"\n")

        _, t_plain, _ = timed(plain_dump)
        writers = {"json": gx.write_json, "graphml": gx.write_graphml,
                   "gexf": gx.write_gexf, "neo4j": write_neo4j}
        for fmt in exports:
            fn = writers[fmt]
            _reset_peak()
            target = out_dir / f"export.{fmt}"
            _, t, c = timed(lambda f=fn, p=target: f(G, p))
            size = (sum(p.stat().st_size for p in target.iterdir()) if target.is_dir()
                    else target.stat().st_size)
            row(f"export {fmt}", t, c, t_plain, "orjson lines",
                f"{size / 1e6:.0f} MB, peak {_rss_gb():.2f} GiB")
            shutil.rmtree(target) if target.is_dir() else target.unlink()
            gc.collect()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << 20)
    print(f"  peak memory, whole run (max RSS)   {peak:.2f} GiB", flush=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k", help="comma-separated: 10k, 100k, 1m")
    ap.add_argument("--runs", type=int, default=7, help="runs per query (median)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data-dir", default=tempfile.gettempdir(),
                    help="where generated workloads are cached")
    ap.add_argument("--exports", default="json,graphml,gexf,neo4j",
                    help="exports to time, comma-separated ('' for none)")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        n = int(args.one)
        with tempfile.TemporaryDirectory() as tmp:
            bench_one(n, dataset_file(n, args.seed, Path(args.data_dir)), args.runs,
                      [e for e in args.exports.split(",") if e], Path(tmp))
        return
    print(f"sanctions-kg benchmark: python {sys.version.split()[0]}, networkx "
          f"{nx.__version__}, {os.cpu_count()} CPUs, load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for size in args.sizes.split(","):
        n = SIZES.get(size.strip().lower()) or int(size)
        subprocess.run([sys.executable, __file__, "--one", str(n), "--runs", str(args.runs),
                        "--seed", str(args.seed), "--data-dir", args.data_dir,
                        "--exports", args.exports], check=True)


if __name__ == "__main__":
    main()
