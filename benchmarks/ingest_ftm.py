"""Benchmark: importing a large FollowTheMoney file, against followthemoney merely parsing it.

Builds synthetic, realistic FtM JSON-lines files by replicating the test fixture's records
(people, companies, vessels, sanctions, an address) with varied ids, then, each in a fresh
process so peak memory is per run:

* ``kg``: ``kg.ingest.write_import("ftm", ...)`` -> JSONL (what ``kg import ftm`` does);
* ``ftm``: followthemoney's own file reader, ``followthemoney.cli.util.binary_entities``
  (what ``ftm`` commands read files with: orjson, then ``EntityProxy.from_dict``), every
  entity of the file (parsing only).

Each side's modules are imported before its clock starts (followthemoney's model, kg's
importer); what either loads on first use is timed.

The two sides run alternately (kg, ftm, kg, ftm...), so a change of load hits both.
Prints, per size, kg's figure beside followthemoney's: the median of ``--runs`` runs of the
process's CPU time (which a busy shared machine disturbs less) and wall clock, entities per
second, peak RSS above the process's baseline, the kg/ftm ratio of both, and the load
average when the size ended. Two sizes show whether memory stays flat as the file grows.

    python benchmarks/ingest_ftm.py --entities 100000 --runs 3
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Use this checkout's ``kg`` (also in the spawned measuring processes).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "ingest" / "fixtures" / \
    "entities.ftm.json"


def build_file(path: Path, n_entities: int) -> int:
    """Write about ``n_entities`` entities; returns the exact count."""
    template = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        try:
            data = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and isinstance(data.get("properties"), dict) and all(
                isinstance(v, list) for v in data["properties"].values()) \
                and data["id"] != "gb-hmt-ghost":
            template.append(data)
    written = 0
    with path.open("w", encoding="utf-8") as fh:
        copy = 0
        while written < n_entities:
            for data in template:
                entity = dict(data, id=f"{data['id']}-{copy}")
                props = dict(entity["properties"])
                if "entity" in props:
                    props["entity"] = [f"{e}-{copy}" for e in props["entity"]]
                if "name" in props and entity["schema"] != "Sanction":
                    props["name"] = [f"{props['name'][0]} {copy}"]
                entity["properties"] = props
                entity.pop("caption", None)
                fh.write(json.dumps(entity, ensure_ascii=False) + "\n")
                written += 1
            copy += 1
    return written


def _rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _run_kg(path: str, out: str, q: mp.Queue) -> None:
    import kg.ingest.ftm  # noqa: F401  (imported before the clock, as followthemoney is)
    from kg.ingest import write_import

    base = _rss_kb()
    t, c = time.perf_counter(), time.process_time()
    report = write_import("ftm", [path], out)
    q.put((time.perf_counter() - t, _rss_kb() - base, dict(report.imported),
           time.process_time() - c))


def _run_ftm(path: str, out: str, q: mp.Queue) -> None:
    from followthemoney.cli.util import binary_entities
    from followthemoney.proxy import EntityProxy

    base = _rss_kb()
    t, c = time.perf_counter(), time.process_time()
    n = 0
    with open(path, "rb") as fh:
        for _entity in binary_entities(fh, EntityProxy):
            n += 1
    q.put((time.perf_counter() - t, _rss_kb() - base, {"entities": n},
           time.process_time() - c))


def measure(fn, path: Path, out: Path) -> tuple[float, int, dict, float]:
    ctx = mp.get_context("spawn")
    q: mp.Queue = ctx.Queue()
    p = ctx.Process(target=fn, args=(str(path), str(out), q))
    p.start()
    result = q.get()
    p.join()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--entities", type=int, nargs="+", default=[100_000])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.entities:
            path = Path(tmp) / f"entities-{n}.ftm.json"
            count = build_file(path, n)
            size = path.stat().st_size / 1e6
            print(f"\n{count} entities, {size:.1f} MB")
            sides = (("kg import", _run_kg), ("ftm parse", _run_ftm))
            runs: dict[str, list] = {name: [] for name, _ in sides}
            for _ in range(args.runs):  # alternated
                for name, fn in sides:
                    runs[name].append(measure(fn, path, Path(tmp) / "out.jsonl"))
            res, cpu = {}, {}
            for name, _ in sides:
                secs = statistics.median(r[0] for r in runs[name])
                mem = statistics.median(r[1] for r in runs[name]) / 1024
                res[name] = secs
                cpu[name] = statistics.median(r[3] for r in runs[name])
                print(f"  {name:10s} CPU {cpu[name]:6.2f} s  (wall {secs:6.2f} s)  "
                      f"{count / cpu[name]:9.0f} entities/s  peak RSS +{mem:6.1f} MB   "
                      f"{runs[name][0][2]}")
            print(f"  ratio kg/ftm CPU time: {cpu['kg import'] / cpu['ftm parse']:.2f}  "
                  f"(wall: {res['kg import'] / res['ftm parse']:.2f}; target 1.5)  "
                  f"load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
