"""JSON Schema generated from :mod:`kg.model.records`: one schema per record type plus the
dataset, so editors and non-Python tools can validate data. ``schemas/`` in the repository
is written by :func:`kg.readwrite.write.write_schemas` and never edited by hand (a test
regenerates and diffs)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from kg.model.records import RECORD_TYPES, Dataset

__all__ = ["schemas"]

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
