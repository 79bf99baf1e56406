"""JSON Schema generated from :mod:`kg.model.records`: one file per record type plus the dataset,
so editors and non-Python tools can validate data. ``schemas/`` in the repository is
written by :func:`write_schemas` and never edited by hand (a test regenerates and diffs)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kg.model.records import RECORD_TYPES, Dataset
from kg.readwrite.write import atomic_open

__all__ = ["schemas", "write_schemas"]

_BASE = "https://sanctions-kg.example/schemas/"


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every record type and for a whole dataset."""
    out: dict[str, dict[str, Any]] = {}
    models: dict[str, type[BaseModel]] = {**RECORD_TYPES, "dataset": Dataset}
    for name, model in models.items():
        schema = model.model_json_schema(by_alias=True)
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": f"{_BASE}{name}.schema.json", **schema}
        out[f"{name}.schema.json"] = schema
    return out


def write_schemas(folder: str | os.PathLike[str]) -> list[Path]:
    """Write every schema into ``folder`` (created if missing); returns the paths."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = target / name
        with atomic_open(path) as fh:
            fh.write(json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n")
        written.append(path)
    return written
