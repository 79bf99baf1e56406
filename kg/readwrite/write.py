"""Writing files safely: every output goes to a temporary file that is renamed into place,
so an interrupted run (Ctrl-C, a full disk, an exception) leaves the previous file intact.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from kg.errors import OutputError
from kg.readwrite.atomic import atomic_dir, atomic_open

__all__ = ["atomic_dir", "atomic_open", "dataset_to_records", "dump_readable", "write_dataset",
           "write_schemas"]


def dataset_to_records(dataset: Any) -> Iterator[dict[str, Any]]:
    """The dataset as plain JSON-ready records, each with its ``type``, for JSONL."""
    for kind, rec in dataset.records():
        yield {"type": kind, **rec.model_dump(mode="json", exclude_defaults=True)}


def dump_readable(dataset: Any) -> dict[str, Any]:
    """A :class:`~kg.model.Dataset` as the plain data a YAML or JSON file holds: every field
    left at its default is left out (``model_dump(exclude_defaults=True)``), but a
    sanction's ``status`` is always written, after its targets (a reviewer reading a draft
    must see "imposed" as plainly as "threatened")."""
    data: dict[str, Any] = dataset.model_dump(mode="json", exclude_defaults=True, by_alias=True)
    for i, rec in enumerate(data.get("sanctions") or []):
        if "status" not in rec:
            keys = list(rec)
            at = keys.index("targets") + 1 if "targets" in keys else len(keys)
            data["sanctions"][i] = {**{k: rec[k] for k in keys[:at]}, "status": "imposed",
                                    **{k: rec[k] for k in keys[at:]}}
    return data


def write_dataset(dataset: Any, path: str | os.PathLike[str]) -> Path:
    """Write a :class:`~kg.model.Dataset` as YAML, JSON or JSONL (by the file's suffix)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".jsonl", ".json", ".yaml", ".yml"):  # a wrong argument: exit 2
        raise OutputError(f"{target}: unknown output format (use .yaml, .json or .jsonl)",
                          usage=True)
    if suffix == ".jsonl":
        with atomic_open(target) as fh:
            for rec in dataset_to_records(dataset):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return target
    data = dump_readable(dataset)
    with atomic_open(target) as fh:
        if suffix == ".json":
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        else:  # .yaml, .yml (checked above)
            yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False, width=100)
    return target


def write_schemas(folder: str | os.PathLike[str]) -> list[Path]:
    """Write every schema of :func:`kg.model.jsonschema.schemas` into ``folder`` (created
    if missing); returns the paths."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    from kg.model.jsonschema import schemas

    for name, schema in schemas().items():
        path = target / name
        with atomic_open(path) as fh:
            fh.write(json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n")
        written.append(path)
    return written
