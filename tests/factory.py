"""A tiny factory for test records and data files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

from kg.graph.build import build
from kg.model.records import Dataset

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


def actor(aid: str, name: str | None = None, kind: str = "state", **kw: Any) -> dict[str, Any]:
    """An actor record; states get their own id as country."""
    rec: dict[str, Any] = {"id": aid, "name": name or aid.upper(), "kind": kind}
    if kind == "state":
        rec["country"] = aid
    rec.update(kw)
    return rec


def sanction(sid: str, imposers: list[str], targets: list[str], **kw: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": sid, "imposers": imposers, "targets": targets,
                           "sources": [{"source": "src"}]}
    rec.update(kw)
    return rec


def statement(sid: str, speakers: list[str], **kw: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": sid, "speakers": speakers, "sources": [{"source": "src"}]}
    rec.update(kw)
    return rec


def dataset(actors: list[dict[str, Any]] = (), sanctions: list[dict[str, Any]] = (),  # type: ignore[assignment]
            statements: list[dict[str, Any]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    return {"sources": [{"id": "src", "title": "A source"}], "actors": list(actors),
            "sanctions": list(sanctions), "statements": list(statements)}


def write(path: Path, data: Any) -> Path:
    """Write data as YAML, JSON or JSONL according to the suffix."""
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in data), encoding="utf-8")
    elif path.suffix == ".json":
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def graph_of(data: dict[str, Any]) -> nx.MultiDiGraph:
    return build(Dataset.model_validate(data))
