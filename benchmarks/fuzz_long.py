"""A longer run of hostile input through every `kg` command that reads files.

Prints one row per kind of hostile input: how many cases, the outcomes (ok = success,
error = a clear KGError with exit 1 or 2), anything else (crash, traceback, internal error,
half-written output), and the worst time and memory seen for one case.

    python benchmarks/fuzz_long.py [--cases 300] [--seed 1] [--big]

``--big`` adds the 2 GiB JSONL line (a sparse file; slow to read, bounded in memory).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.cli.app import main  # noqa: E402

SEED = yaml.safe_load((REPO / "examples" / "seed-article.yaml").read_text(encoding="utf-8"))
ACTORS = REPO / "examples" / "actors.yaml"
ARTICLE = (REPO / "examples" / "seed-article.txt").read_text(encoding="utf-8")
HOSTILE = ["<script>window.pwned=1</script>", "<img src=x onerror=alert(1)>",
           "javascript:alert(1)", "\"'><svg onload=alert(1)>", "=cmd|'/C calc'!A0",
           "\u202eevil", "\x00", "\\", "'); MATCH (n) DETACH DELETE n; //", "中文 Русский عربي"]


@dataclass
class Row:
    kind: str
    cases: int = 0
    ok: int = 0
    errors: int = 0
    bad: list[str] = field(default_factory=list)
    worst_s: float = 0.0
    worst_mib: float = 0.0


def run_cli(args: list[str], outputs: list[Path] = (),  # type: ignore[assignment]
            partial_ok: bool = False) -> tuple[int, str]:
    """Run ``kg`` in-process. A failed run must leave its outputs as they were, except an
    import (``partial_ok``), which writes what it could read: that must then load cleanly."""
    before = {p: p.read_bytes() if p.exists() else None for p in outputs}
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
    text = err.getvalue()
    problem = ""
    if code not in (0, 1, 2) or "Traceback" in text or "internal error" in text:
        problem = f"exit {code}: {text.strip()[:200]}"
    for p, old in before.items():
        if code and p.exists() and p.read_bytes() != old:
            if not partial_ok:
                problem = f"failed run changed {p.name}"
            else:
                from kg.errors import KGError
                from kg.readwrite.load import load

                try:
                    load(p)
                except KGError as exc:
                    problem = f"partial import output does not load: {exc.lines()[:2]}"
        leftovers = [q.name for q in p.parent.glob(f".{p.name}.*")]
        if leftovers:
            problem = f"temporary files left: {leftovers}"
    return code, problem


def measure(row: Row, fn: Callable[[], tuple[int, str]]) -> None:
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        code, problem = fn()
    except BaseException as exc:  # anything escaping main() is a failure of ours
        code, problem = -1, f"{type(exc).__name__}: {exc}"[:200]
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    row.cases += 1
    row.worst_s = max(row.worst_s, elapsed)
    row.worst_mib = max(row.worst_mib, peak)
    if problem:
        row.bad.append(problem)
    elif code == 0:
        row.ok += 1
    else:
        row.errors += 1


def mutate(rng: random.Random, value: object, depth: int = 0) -> object:
    choices = [None, True, -1, 10**30, 1.5, float("nan"), "", rng.choice(HOSTILE), [], {},
               "2021-02-30", "x" * rng.randint(0, 500), [rng.choice(HOSTILE)]]
    if isinstance(value, dict) and value and depth < 4:
        out = dict(value)
        k = rng.choice(sorted(out))
        action = rng.random()
        if action < 0.3:
            out.pop(k)
        elif action < 0.8:
            out[k] = mutate(rng, out[k], depth + 1)
        else:
            out[rng.choice(["extra", k + "_", "type"])] = rng.choice(choices)
        return out
    if isinstance(value, list) and value and depth < 4:
        out_l = list(value)
        i = rng.randrange(len(out_l))
        out_l[i] = mutate(rng, out_l[i], depth + 1)
        if rng.random() < 0.2:
            out_l.append(out_l[i])  # duplicates
        return out_l
    return rng.choice(choices)


def cases(args: argparse.Namespace) -> Iterator[tuple[str, Callable[[Path, random.Random], tuple[int, str]]]]:
    n = args.cases

    def random_bytes(tmp: Path, rng: random.Random) -> tuple[int, str]:
        suffix = rng.choice([".yaml", ".json", ".jsonl"])
        p = tmp / f"r{suffix}"
        p.write_bytes(rng.randbytes(rng.randint(0, 2000)))
        return run_cli(["validate", str(p)])

    def mutated(tmp: Path, rng: random.Random) -> tuple[int, str]:
        p = tmp / "m.json"
        p.write_text(json.dumps(mutate(rng, SEED), default=str), encoding="utf-8")
        return run_cli(["validate", str(ACTORS), str(p)])

    def bombs(tmp: Path, rng: random.Random) -> tuple[int, str]:
        kind = rng.choice(["laughs", "nest-json", "nest-yaml", "gzip", "utf16", "nul",
                           "merge-key", "python-tag"])
        p = tmp / "b.yaml"
        if kind == "laughs":
            lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
            lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
            p.write_text("\n".join(lines))
        elif kind == "nest-json":
            p = tmp / "b.json"
            p.write_text("[" * 200_000 + "]" * 200_000)
        elif kind == "nest-yaml":
            p.write_text("a: " + "[" * 5000 + "]" * 5000)
        elif kind == "gzip":
            p.write_bytes(gzip.compress(b"sources: []" * 1000))
        elif kind == "utf16":
            p.write_bytes("sources: []".encode("utf-16"))
        elif kind == "nul":
            p.write_bytes(b"sources:\n  - id: a\x00b\n")
        elif kind == "merge-key":
            p.write_text("base: &b {id: x}\nsources:\n  - <<: *b\n")
        else:
            p.write_text("sources: !!python/object/apply:os.system ['echo pwned']\n")
        return run_cli(["validate", str(p)])

    words = ["query", "relations", "who-sanctioned", "sanctioned-by", "retaliation",
             "coalitions", "statements", "timeline", "export", "validate", "extract",
             "json", "csv", "table", "html", "graphml", "gexf", "--format", "--since",
             "--until", "--reason", "--status", "--imposer", "--target", "--focus", "--depth",
             "China", "US", "2021-03-22", "-1", "999999", "human_rights", "-d", "/dev/null",
             "/nonexistent", "-o", "--date", "--view", "events", *HOSTILE]

    def arguments(tmp: Path, rng: random.Random) -> tuple[int, str]:
        argv = [rng.choice(words) for _ in range(rng.randint(0, 7))]
        argv = [a.replace("-o", "-o") for a in argv]
        cwd = os.getcwd()
        os.chdir(tmp)
        try:
            return run_cli(argv)
        finally:
            os.chdir(cwd)

    def extract_text(tmp: Path, rng: random.Random) -> tuple[int, str]:
        sentences = ARTICLE.split(". ")
        rng.shuffle(sentences)
        text = ". ".join(sentences[: rng.randint(0, len(sentences))])
        text += " " + " ".join(rng.choice(HOSTILE) for _ in range(rng.randint(0, 5)))
        p = tmp / rng.choice(["a.txt", "a.html"])
        p.write_text(text, encoding="utf-8")
        out = tmp / "draft.yaml"
        return run_cli(["extract", str(p), "--date", "2021-03-23", "-o", str(out)], [out])

    def extract_bytes(tmp: Path, rng: random.Random) -> tuple[int, str]:
        p = tmp / "a.html"
        p.write_bytes(rng.randbytes(rng.randint(0, 5000)))
        out = tmp / "draft.yaml"
        return run_cli(["extract", str(p), "--date", "2021-03-23", "-o", str(out)], [out])

    def export_hostile(tmp: Path, rng: random.Random) -> tuple[int, str]:
        data = json.loads(json.dumps(SEED))
        for rec in data["actors"]:
            rec["name"] = rng.choice(HOSTILE) + rec["name"]
        for rec in data["statements"]:
            rec["sources"][0]["quote"] = rng.choice(HOSTILE)
        data["sources"][0]["url"] = rng.choice(["javascript:alert(1)", "http://x/\"><b>",
                                                "https://ok.example/"])
        p = tmp / "h.json"
        p.write_text(json.dumps(data), encoding="utf-8")
        fmt = rng.choice(["html", "json", "graphml", "gexf"])
        out = tmp / f"out.{fmt}"
        return run_cli(["export", fmt, "-o", str(out), "-d", str(ACTORS), "-d", str(p)], [out])

    fixtures = REPO / "tests" / "ingest" / "fixtures"
    lists = {"ftm": "entities.ftm.json", "ofac": "sdn.csv", "un": "consolidated.xml",
             "gdelt": "events.export.CSV"}

    def import_mutated(tmp: Path, rng: random.Random) -> tuple[int, str]:
        kind = rng.choice(sorted(lists))
        data = bytearray((fixtures / lists[kind]).read_bytes())
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(data) + 1)
            action = rng.random()
            if action < 0.3:
                del data[at:at + rng.randint(1, 200)]
            elif action < 0.6:
                data[at:at] = rng.randbytes(rng.randint(1, 50))
            else:
                data[at:at] = rng.choice(HOSTILE).encode()
        src = tmp / lists[kind]
        src.write_bytes(bytes(data))
        out = tmp / "imported.jsonl"
        return run_cli(["import", kind, str(src), "-o", str(out)], [out], partial_ok=True)

    def import_bombs(tmp: Path, rng: random.Random) -> tuple[int, str]:
        kind = rng.choice(["laughs", "external", "huge-line", "gzip", "wrong-kind"])
        if kind == "laughs":
            ents = '<!ENTITY a0 "lol">' + "".join(
                f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
            body = f'<?xml version="1.0"?><!DOCTYPE x [{ents}]><CONSOLIDATED_LIST>&a9;</CONSOLIDATED_LIST>'
            src, k = tmp / "bomb.xml", "un"
            src.write_text(body)
        elif kind == "external":
            src, k = tmp / "ext.xml", "un"
            src.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM '
                           '"file:///etc/passwd">]><CONSOLIDATED_LIST>&e;</CONSOLIDATED_LIST>')
        elif kind == "huge-line":
            src, k = tmp / "huge.json", "ftm"
            src.write_text('{"id": "x", "schema": "Person", "properties": {"name": ["'
                           + "a" * (40 << 20) + '"]}}\n')
        elif kind == "gzip":
            src, k = tmp / "sdn.csv", "ofac"
            src.write_bytes(gzip.compress((fixtures / "sdn.csv").read_bytes()))
        else:
            src, k = tmp / "events.CSV", rng.choice(["gdelt", "ofac", "un", "ftm"])
            src.write_bytes((fixtures / rng.choice(sorted(lists.values()))).read_bytes())
        out = tmp / "imported.jsonl"
        return run_cli(["import", k, str(src), "-o", str(out)], [out], partial_ok=True)

    yield "random bytes -> kg validate", random_bytes
    yield "mutated records -> kg validate", mutated
    yield "bombs, encodings, YAML tags -> validate", bombs
    yield "random arguments -> kg", arguments
    yield "shuffled article + payloads -> extract", extract_text
    yield "random bytes -> kg extract", extract_bytes
    yield "hostile names/quotes/URLs -> export", export_hostile
    yield "mutated list files -> kg import (4 kinds)", import_mutated
    yield "XML bombs, huge lines, gzip, wrong kind -> import", import_bombs
    _ = n


def big_line(tmp: Path) -> tuple[int, str]:
    p = tmp / "huge.jsonl"
    with p.open("wb") as fh:
        fh.write(b'{"type": "source", "id": "a", "title": "')
        fh.truncate(2 << 30)
    try:
        return run_cli(["validate", str(p)])
    finally:
        p.unlink()


def main_() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cases", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--big", action="store_true")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for name, fn in cases(args):
            row = Row(name)
            rng = random.Random(f"{args.seed}-{name}")
            count = args.cases if "bombs" not in name else max(20, args.cases // 10)
            for _ in range(count):
                measure(row, lambda fn=fn, rng=rng: fn(tmp, rng))  # type: ignore[misc]
            rows.append(row)
        if args.big:
            row = Row("2 GiB JSONL line -> kg validate")
            measure(row, lambda: big_line(tmp))
            rows.append(row)
    print(f"{'hostile input':42} {'cases':>6} {'ok':>5} {'error':>6} {'other':>6} "
          f"{'worst s':>8} {'worst MiB':>10}")
    for r in rows:
        print(f"{r.kind:42} {r.cases:6} {r.ok:5} {r.errors:6} {len(r.bad):6} "
              f"{r.worst_s:8.2f} {r.worst_mib:10.1f}")
        for b in r.bad[:5]:
            print("    !", b)
    if any(r.bad for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main_()
