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

Prints the median of ``--runs`` runs per size: seconds (wall clock, and the process's CPU
time, which a busy shared machine disturbs less), entities per second, peak RSS above the
process's baseline, and the kg/ftm ratio of both. Two sizes show whether memory stays flat
as the file grows.

    python benchmarks/ingest_ftm.py --entities 50000 200000 --runs 3
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
    ap.add_argument("--entities", type=int, nargs="+", default=[50_000, 200_000])
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
            res, cpu = {}, {}
            for name, fn in (("kg import", _run_kg), ("ftm parse", _run_ftm)):
                runs = [measure(fn, path, Path(tmp) / "out.jsonl") for _ in range(args.runs)]
                secs = statistics.median(r[0] for r in runs)
                mem = statistics.median(r[1] for r in runs) / 1024
                res[name] = secs
                cpu[name] = statistics.median(r[3] for r in runs)
                print(f"  {name:10s} {secs:7.2f} s  (CPU {cpu[name]:6.2f} s)  "
                      f"{count / secs:9.0f} entities/s  peak RSS +{mem:6.1f} MB   {runs[0][2]}")
            print(f"  ratio kg/ftm time: {res['kg import'] / res['ftm parse']:.2f}  "
                  f"(CPU time: {cpu['kg import'] / cpu['ftm parse']:.2f})")


if __name__ == "__main__":
    main()
