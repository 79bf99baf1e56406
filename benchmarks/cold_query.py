"""Cold queries: what one ``kg query`` costs, start-up and imports included, answered from
JSONL, from a saved graph (``.kgz``, one SQLite file with its indexes), and by the plainest
script.

For each size, every figure comes from fresh processes (as a user running one command per
question), medians over ``--runs``, each beside its baseline, with the peak memory (max RSS)
of each process:

* ``kg build -d big.jsonl -o big.kgz``: load, validate, build, save the graph and its index,
  its time and peak memory beside the floor's (the floor runs first);
* ``kg query who-sanctioned X -d big.jsonl``: the whole graph built to answer one question;
* the floor: a plain ``json`` + ``networkx`` script that reads the same file, adds the same
  edges and answers the same question (direct targets only: no names, no widening);
* ``kg query ... -d big.kgz``: the saved graph's index answers (who-sanctioned for a tail
  target, a hub and a state with its nationals; sanctioned-by; relations; timeline), and
  ``kg search`` and ``--as-of`` from its name, lift and undated-record tables, each beside
  its baseline: the same question in a fresh process that loads the whole stored name
  index, or the whole graph (what answered them before those tables);
* the whole graph loaded from ``big.kgz`` as a command loads it (``kg.cli.app.load_graph``:
  what an export, a retaliation question or anything else the index does not answer pays), its time and peak memory
  beside the floor's (skipped with ``--baseline-runs 0``);
* ``python -c pass`` and ``kg --help``: the start-up every command pays.

    python benchmarks/cold_query.py --sizes 100k            # a few minutes
    python benchmarks/cold_query.py --sizes 100k --build-runs 3 --baseline-runs 0
    python benchmarks/cold_query.py --sizes 1m --jsonl-runs 1   # ~15 minutes, ~6 GB
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
KG = [sys.executable, "-c", "from kg.cli import main; main()"]


def timed_runs(cmd: list[str], runs: int) -> tuple[float, float, float, bytes]:
    """Medians of wall and CPU over ``runs`` runs, the largest peak memory, the output."""
    walls, cpus, peak, out = [], [], 0.0, b""
    for _ in range(runs):
        wall, cpu, mem, out = _reaped(cmd)
        walls.append(wall)
        cpus.append(cpu)
        peak = max(peak, mem)
    return statistics.median(walls), statistics.median(cpus), peak, out


def _reaped(cmd: list[str]) -> tuple[float, float, float, bytes]:
    # wait4 gives this one child's own CPU time and max RSS.
    start = time.perf_counter()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: stdout to the pipe, stderr to /dev/null, then exec
        os.close(r)
        os.dup2(w, 1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.execv(cmd[0], cmd)
    os.close(w)
    chunks = []
    with os.fdopen(r, "rb") as fh:
        while chunk := fh.read(1 << 16):
            chunks.append(chunk)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{' '.join(cmd)} failed with {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / (1 << 20), b"".join(chunks)


FLOOR = r'''
import json, sys
import networkx as nx
path, target = sys.argv[1], sys.argv[2]
G = nx.MultiDiGraph()
add = G.add_edge
with open(path, "rb") as fh:
    for line in fh:
        r = json.loads(line)
        t, rid = r["type"], r["id"]
        if t == "actor":
            n = "actor:" + rid
            G.add_node(n, **r)
            for b in r.get("member_of") or ():
                add(n, "actor:" + b, "MEMBER_OF")
            if r.get("part_of"):
                add(n, "actor:" + r["part_of"], "PART_OF")
        elif t == "source":
            G.add_node("source:" + rid, **r)
        elif t == "sanction":
            n = "sanction:" + rid
            G.add_node(n, **r)
            for i in r["imposers"]:
                add("actor:" + i, n, "IMPOSED")
            for x in r["targets"]:
                add(n, "actor:" + x, "TARGETS")
            for x in r.get("reasons") or ():
                add(n, "reason:" + (x if isinstance(x, str) else x["category"]), "BECAUSE_OF")
            for x in r.get("in_response_to") or ():
                add(n, "sanction:" + x, "RESPONDS_TO")
            for c in r.get("sources") or ():
                add(n, "source:" + c["source"], "CITES")
        elif t == "statement":
            n = "statement:" + rid
            G.add_node(n, **r)
            for x in r["speakers"]:
                add("actor:" + x, n, "MADE")
            for x in r.get("about_sanctions") or ():
                add(n, "sanction:" + x, "ABOUT")
            for x in r.get("about_actors") or ():
                add(n, "actor:" + x, "ABOUT")
            for c in r.get("sources") or ():
                add(n, "source:" + c["source"], "CITES")
for u, _, k in G.in_edges("actor:" + target, keys=True):
    if k == "TARGETS":
        d = G.nodes[u]
        for i in d["imposers"]:
            print(i, target, d.get("date"), d["status"])
'''


def line(name: str, wall: float, cpu: float, mem: float,
         base: tuple[str, float] | tuple[str, float, float] | None = None,
         extra: str = "") -> None:
    """One figure; beside ``base`` (name, wall[, cpu]) with the ratios."""
    text = f"  {name:<52} {wall:8.3f}s (cpu {cpu:7.2f}s, peak {mem:5.2f} GiB)"
    if base:
        text += f"   {base[0]} {base[1]:8.3f}s  ratio {wall / base[1]:6.2f}x"
        if len(base) == 3:
            text += f" (cpu {base[2]:.2f}s, ratio {cpu / base[2]:.2f}x)"
    print(text + (f"  {extra}" if extra else ""), flush=True)


def bench(n: int, data_dir: Path, runs: int, jsonl_runs: int, seed: int,
          reuse: bool = False, base_runs: int = 1, out_dir: Path | None = None,
          build_runs: int = 1) -> None:
    jsonl = data_dir / f"kg-bench-{n}-seed{seed}.jsonl"
    if not jsonl.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(n), "-o", str(jsonl),
                        "--seed", str(seed)], check=True)
    print(f"\n== {n:,} events ({jsonl.name}, {jsonl.stat().st_size / 1e6:.0f} MB) ==",
          flush=True)
    kgz = (out_dir or data_dir) / jsonl.with_suffix(".kgz").name
    tail, hub = f"t{n // 8}", "t3"
    floor: tuple[float, float, float, bytes] | None = None
    if jsonl_runs:  # first, so kg build's memory is printed beside the floor's
        floor = timed_runs([sys.executable, "-c", FLOOR, str(jsonl), tail], jsonl_runs)
    if reuse and kgz.exists():
        b_wall = b_cpu = b_mem = float("nan")
    else:  # medians of build_runs (a million events: one, ~5 minutes of CPU)
        b_wall, b_cpu, b_mem, _ = timed_runs([*KG, "build", "-d", str(jsonl), "-o", str(kgz)],
                                             build_runs)
    sizes = f"{kgz.stat().st_size / 1e6:.0f} MB .kgz (one file: graph and indexes)"
    if floor:
        sizes += f"; peak {b_mem / floor[2]:.2f}x the floor's {floor[2]:.2f} GiB"
    line("kg build -o big.kgz", b_wall, b_cpu, b_mem,
         ("floor", floor[0], floor[1]) if floor else None, sizes)
    p_wall, p_cpu, p_mem, _ = timed_runs([sys.executable, "-c", "pass"], runs)
    line("python -c pass", p_wall, p_cpu, p_mem)
    h_wall, h_cpu, h_mem, _ = timed_runs([*KG, "--help"], runs)
    line("kg --help (start-up and imports)", h_wall, h_cpu, h_mem)

    j_wall = float("nan")
    if floor:
        f_wall, f_cpu, f_mem, f_out = floor
        line(f"floor: json + networkx script, who-sanctioned {tail}", f_wall, f_cpu, f_mem,
             extra=f"{len(f_out.splitlines())} rows")
        j_wall, j_cpu, j_mem, j_out = timed_runs(
            [*KG, "query", "who-sanctioned", tail, "-d", str(jsonl), "--format", "csv"],
            jsonl_runs)
        line(f"kg query who-sanctioned {tail} -d big.jsonl", j_wall, j_cpu, j_mem,
             ("floor", f_wall), f"{len(j_out.splitlines()) - 1} rows; peak "
             f"{j_mem / f_mem:.2f}x the floor's")
    if base_runs:  # the whole graph loaded from big.kgz: what every command not answered
        # from the index pays (an export, retaliation, ...), beside the floor's build
        l_wall, l_cpu, l_mem, l_out = timed_runs([sys.executable, "-c", LOAD, str(kgz)],
                                                 base_runs)
        extra = l_out.decode().strip()
        if floor:
            extra += f"; peak {l_mem / floor[2]:.2f}x the floor's {floor[2]:.2f} GiB"
        line("whole-graph load of big.kgz (as kg commands)", l_wall, l_cpu, l_mem,
             ("floor", floor[0], floor[1]) if floor else None, extra)
    print(f"  cold queries on big.kgz: median of {runs} fresh processes", flush=True)
    asks = [
        (["who-sanctioned", tail], "tail target"),
        (["who-sanctioned", hub], "hub target"),
        (["who-sanctioned", "ir"], "state + nationals"),
        (["sanctioned-by", "ch"], ""),
        (["relations", "--reason", "human_rights", "--since", "2015-03",
          "--until", "2015-03"], ""),
        (["relations", "--imposer", "France", "--target", "Iran", "--expand-blocs"], ""),
        (["timeline", tail], ""),
    ]
    name = _name_of(jsonl, tail)  # e.g. "Ivan Petrov 12500": searched, and misspelt
    day = "2020-06-30"
    asks += [(["search", name], "the name tables"),
             (["who-sanctioned", _typo(name)], "name with a typo: the matcher"),
             (["who-sanctioned", tail, "--as-of", day], "in force that day"),
             (["who-sanctioned", "ir", "--as-of", day], "state + nationals, that day"),
             (["sanctioned-by", "ch", "--as-of", day], ""),
             (["timeline", tail, "--as-of", day], ""),
             (["search", name, "--as-of", day], "imposers that day")]
    # The baselines of search and --as-of: what answered them before the tables did, in a
    # fresh process (the stored name index unpickled whole; the whole graph loaded).
    base = {"search": (BASE_SEARCH, [str(kgz), name], "whole name index loaded"),
            "as-of": (BASE_AS_OF, [str(kgz), tail, day], "whole graph loaded")}
    ref: dict[str, tuple[float, float, float, bytes]] = {}
    for key, (script, argv, what) in base.items():
        if base_runs:
            ref[key] = r = timed_runs([sys.executable, "-c", script, *argv], base_runs)
            line(f"baseline: {what}, {key} {argv[1]}", r[0], r[1], r[2],
                 extra=f"{len(r[3].splitlines())} rows")
    for args, note in asks:
        command = [] if args[0] == "search" else ["query"]  # kg search is its own command
        label = " ".join(["kg", *command, *args]) + " -d big.kgz"
        try:
            c_wall, c_cpu, c_mem, c_out = timed_runs(
                [*KG, *command, *args, "-d", str(kgz), "--format", "csv"], runs)
        except SystemExit as exc:  # one failed question does not lose the others
            print(f"  {label}: FAILED ({str(exc).rsplit(' ', 3)[-3:]})", flush=True)
            continue
        extra = f"{len(c_out.splitlines()) - 1} rows" + (f" ({note})" if note else "")
        against = "as-of" if args[1:] == [tail, "--as-of", day] and args[0] != "timeline" \
            else "search" if args == ["search", name] else None
        if args == ["who-sanctioned", tail]:
            line(label, c_wall, c_cpu, c_mem, ("-d big.jsonl", j_wall), extra)
            print(f"  {'':<52} -> {j_wall / c_wall:.1f}x faster than from JSONL, "
                  f"{b_wall / c_wall:.1f}x faster than kg build", flush=True)
        elif against in ref:
            b = ref[against]
            line(label, c_wall, c_cpu, c_mem, ("baseline", b[0]), extra)
            print(f"  {'':<52} -> {b[0] / c_wall:.1f}x faster (cpu {b[1] / c_cpu:.1f}x), "
                  f"{b[2] / max(c_mem, 1e-9):.1f}x less memory", flush=True)
        else:
            line(label, c_wall, c_cpu, c_mem, extra=extra)


LOAD = r'''
import sys
from kg.cli.app import load_graph  # what a kg command does with -d (and its start-up)
G = load_graph([sys.argv[1]])
print(f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
'''
BASE_SEARCH = r'''
import sys
import kg.cli.app  # the start-up every kg command pays
from kg.graph.store import read_names
for c in read_names(sys.argv[1]).search(sys.argv[2]):
    print(c.id, c.score)
'''
BASE_AS_OF = r'''
import sys
import kg.cli.app  # the start-up every kg command pays
from kg.graph.store import read_graph
from kg.query import who_sanctioned
G = read_graph(sys.argv[1])
for r in who_sanctioned(G, sys.argv[2], as_of=sys.argv[3]):
    print(r.imposer, r.target, r.sanction)
'''


def _typo(name: str) -> str:
    """``name`` with its longest word of letters (the last of equal ones: a person's
    surname) missing its third letter ("Jong Miing 12500", "Yusuf Smth 125000"): a typo
    the matcher must still take (a given name alone or a number with a digit gone is
    another actor's, or too ambiguous)."""
    words = name.split()
    i = max(range(len(words)), key=lambda k: (words[k].isalpha(), len(words[k]), k))
    words[i] = words[i][:2] + words[i][3:]
    return " ".join(words)


def _name_of(jsonl: Path, actor: str) -> str:
    import json

    key = f'"id": "{actor}"'.encode()
    with jsonl.open("rb") as fh:
        for raw in fh:
            if key in raw or f'"id":"{actor}"'.encode() in raw:
                return str(json.loads(raw)["name"])
    raise SystemExit(f"{jsonl}: no actor {actor}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100k", help="comma-separated: 10k, 100k, 1m")
    ap.add_argument("--runs", type=int, default=5, help="runs per cold query (median)")
    ap.add_argument("--jsonl-runs", type=int, default=3,
                    help="runs of the query from JSONL and of the floor script (median)")
    ap.add_argument("--baseline-runs", type=int, default=1,
                    help="runs of the whole-graph load and of the search and --as-of "
                    "baselines, which load the whole name index or graph (0: skip them)")
    ap.add_argument("--build-runs", type=int, default=1,
                    help="runs of kg build (median; its CPU ratio to the floor's is printed)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reuse-kgz", action="store_true",
                    help="query the saved graph left by an earlier run instead of building")
    ap.add_argument("--data-dir", default=tempfile.gettempdir(),
                    help="where generated workloads are cached")
    ap.add_argument("--out-dir", default=None,
                    help="where kg build writes big.kgz (default: the data dir)")
    args = ap.parse_args(argv)
    print(f"sanctions-kg cold queries: python {sys.version.split()[0]}, {os.cpu_count()} "
          f"CPUs, load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    for size in args.sizes.split(","):
        n = SIZES.get(size.strip().lower()) or int(size)
        bench(n, Path(args.data_dir), args.runs, args.jsonl_runs, args.seed, args.reuse_kgz,
              args.baseline_runs, Path(args.out_dir) if args.out_dir else None,
              args.build_runs)


if __name__ == "__main__":
    main()
