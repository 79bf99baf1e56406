"""Country codes: a readable message (file, record, field, what is accepted, what was
meant) instead of pydantic's pattern, and codes of the right form that name no country
(``xx``) refused on load and left out, with a report entry, by the importers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli.app import main
from kg.errors import ValidationFailed
from kg.ingest import import_dataset
from kg.readwrite.load import load
from kg.resolve.resolver import is_country_code

ACCEPTED = ("use an ISO 3166-1 alpha-2 code in lower case (such as 'ru'), a former "
            "country's (ISO 3166-3, such as 'su') or a bloc's (kg/curated/blocs.yaml, such as "
            "'eu')")


def _jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_table_of_codes() -> None:
    assert all(is_country_code(c) for c in ("ru", "us", "eu", "su", "yu", "ua-43", "ge-ab"))
    assert not any(is_country_code(c) for c in ("xx", "xk", "zz", "RU", "ru-", "ru-ABC",
                                                "Russia", ""))


def test_bad_country_values_get_a_readable_message(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl",
                  {"type": "actor", "id": "a1", "name": "A", "kind": "person", "country": "R U"},
                  {"type": "actor", "id": "a2", "name": "B", "kind": "person",
                   "country": "Russia"},
                  {"type": "actor", "id": "a3", "name": "C", "kind": "person", "country": "xx"},
                  {"type": "actor", "id": "a4", "name": "D", "kind": "person",
                   "nationalities": ["ru", "RU"], "wikidata_id": "x1"},
                  {"type": "actor", "id": "a5", "name": "E", "kind": "person", "country": "ru",
                   "nationalities": ["su", "eu"]})
    with pytest.raises(ValidationFailed) as exc:
        load([path])
    assert [str(p) for p in exc.value.problems] == [
        f"{path}:1 [actor 'a1'] [country]: 'R U' is not a country code: {ACCEPTED}",
        f"{path}:2 [actor 'a2'] [country]: 'Russia' is not a country code: {ACCEPTED}; "
        "write 'ru' for Russia",
        f"{path}:3 [actor 'a3'] [country]: 'xx' is not a country code: {ACCEPTED}",
        f"{path}:4 [actor 'a4'] [wikidata_id]: 'x1' is not a Wikidata item id (Q and a "
        "number, such as 'Q30')",
        f"{path}:4 [actor 'a4'] [nationalities.1]: 'RU' is not a country code: {ACCEPTED}; "
        "write 'ru' for Russia"]


def test_yaml_lines_and_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("actors:\n  - id: a1\n    name: A\n    kind: person\n    country: xx\n",
                    encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["validate", str(path)])
    _, err = capsys.readouterr()
    assert exc.value.code == 1
    assert err.splitlines() == [
        f"kg: error: {path}:5 [actor 'a1'] [country]: 'xx' is not a country code: {ACCEPTED}",
        "kg: error: 1 problem found"]
    assert "pattern" not in err


def test_ftm_import_leaves_unknown_codes_out_and_says_so(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "e.ftm.json",
                  {"id": "p1", "schema": "Person", "datasets": ["test"],
                   "properties": {"name": ["Ivan Petrov"], "country": ["xk", "rs"]}},
                  {"id": "p2", "schema": "Person", "datasets": ["test"],
                   "properties": {"name": ["Petr Ivanov"], "country": ["xx"]}})
    ds, report = import_dataset("ftm", [path], today="2024-01-01")
    assert {a.id: a.country for a in ds.actors if a.kind == "person"} == {
        "ftm-p1": "rs", "ftm-p2": None}
    assert report.notes["country codes that are not ISO 3166 left out (xk)"] == 1
    assert report.notes["country codes that are not ISO 3166 left out (xx)"] == 1
