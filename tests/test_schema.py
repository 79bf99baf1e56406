from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from kg.model.jsonschema import schemas
from kg.readwrite.write import write_schemas

REPO = Path(__file__).resolve().parent.parent


def test_committed_schemas_are_fresh(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    fresh = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schemas").iterdir()}
    assert fresh == committed, "schemas/ is stale: run `kg schema -o schemas`"


def test_bundled_examples_validate_against_the_dataset_schema() -> None:
    schema = schemas()["dataset.schema.json"]
    checked = 0
    for path in sorted((REPO / "examples").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert "$schema=../schemas/dataset.schema.json" in text.splitlines()[0]
        # Dates are strings in our files (quoted), so the schema's string types apply.
        jsonschema.validate(yaml.safe_load(text), schema)
        checked += 1
    assert checked >= 3


def test_schema_rejects_what_the_model_rejects() -> None:
    schema = schemas()["sanction.schema.json"]
    bad = {"id": "s", "imposers": [], "targets": ["cn"], "sources": [{"source": "a"}],
           "colour": "red"}
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(bad))
    assert {e.validator for e in errors} == {"minItems", "additionalProperties"}
    assert json.dumps(schema).count('"human_rights"') >= 1
