"""Small inline datasets shared by the scale, store and Neo4j tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HOSTILE = ['"Star" Trading, Ltd.', "=HYPERLINK(\"http://x\")", "+Plus; Co", "-Minus\\LLC",
           "@Handle\nGroup"]

RECORDS: list[dict[str, Any]] = [
    {"type": "source", "id": "a1", "url": "https://example.org/a1", "title": "Article"},
    {"type": "actor", "id": "us", "name": "United States", "kind": "state"},
    {"type": "actor", "id": "eu", "name": "European Union", "kind": "bloc"},
    {"type": "actor", "id": "gb", "name": "United Kingdom", "kind": "state"},
    {"type": "actor", "id": "ca", "name": "Canada", "kind": "state"},
    {"type": "actor", "id": "fr", "name": "France", "kind": "state", "member_of": ["eu"]},
    {"type": "actor", "id": "cn", "name": "China", "kind": "state", "aliases": ["PRC"]},
    {"type": "actor", "id": "ru", "name": "Russia", "kind": "state"},
    {"type": "actor", "id": "cn-officials", "name": "Chinese officials", "kind": "group",
     "country": "cn", "count": 4},
    {"type": "actor", "id": "cn-mfa", "name": "Chinese foreign ministry",
     "kind": "government_body", "part_of": "cn"},
    {"type": "actor", "id": "wang-yi", "name": "Wang Yi", "kind": "person", "part_of": "cn-mfa"},
    {"type": "actor", "id": "lavrov", "name": "Sergei Lavrov", "kind": "person", "country": "ru",
     "part_of": "ru"},
    {"type": "actor", "id": "eu-individuals", "name": "European individuals", "kind": "group",
     "count": 10},
    *({"type": "actor", "id": f"odd{i}", "name": name, "kind": "organization", "country": "cn",
       "aliases": [name + ";alias", 'q"uote, comma']} for i, name in enumerate(HOSTILE)),
    {"type": "sanction", "id": "west", "imposers": ["us", "eu", "gb", "ca"],
     "targets": ["cn-officials"], "reasons": [{"category": "human_rights",
                                              "detail": "abuses, \"Uighur\"\npopulation"}],
     "measures": ["asset_freeze", "travel_ban"], "date": "2021-03-22",
     "sources": [{"source": "a1", "quote": "line one\nline \"two\", three; \\four"}]},
    {"type": "sanction", "id": "counter", "imposers": ["cn"], "targets": ["eu-individuals"],
     "reasons": ["retaliation", "disinformation"], "date": "2021-03-22",
     "in_response_to": ["west"], "sources": [{"source": "a1"}]},
    {"type": "sanction", "id": "expected", "imposers": ["us"], "targets": ["ru"],
     "status": "expected", "reasons": ["election_interference"], "date": "2021-03",
     "sources": [{"source": "a1"}]},
    {"type": "sanction", "id": "mfa", "imposers": ["gb"], "targets": ["cn-mfa", "odd0"],
     "reasons": ["cyber"], "date": "2021-04-10", "sources": [{"source": "a1"}]},
    {"type": "sanction", "id": "odd", "imposers": ["eu"], "targets": ["odd1", "odd2", "odd4"],
     "reasons": ["human_rights"], "date": "2020-05-01", "sources": [{"source": "a1"}]},
    {"type": "sanction", "id": "partial", "imposers": ["ca"], "targets": ["wang-yi"],
     "date": "2021", "sources": [{"source": "a1"}]},
    {"type": "statement", "id": "joint", "speakers": ["ru", "cn"], "stance": "condemns",
     "date": "2021-03-23", "about_sanctions": ["west"], "about_actors": ["us"],
     "summary": "Against \"interference\"", "sources": [{"source": "a1", "quote": "no"}]},
    {"type": "statement", "id": "wang", "speakers": ["wang-yi"], "stance": "denies",
     "date": "2021-03-24", "about_actors": ["eu"], "sources": [{"source": "a1"}]},
    {"type": "statement", "id": "lav", "speakers": ["lavrov"], "stance": "expects",
     "date": "2021-03", "about_sanctions": ["expected"], "sources": [{"source": "a1"}]},
]


def write_jsonl(path: Path, records: list[dict[str, Any]] = RECORDS) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def generated(path: Path, n: int, seed: int = 3) -> Path:
    """A workload from benchmarks/generate.py, written to ``path``."""
    import importlib.util

    gen = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("kg_bench_generate", gen)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return write_jsonl(path, list(mod.generate(n, seed)))
