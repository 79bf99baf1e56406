"""``kg diff`` on two datasets that are not list imports (curated YAML, folders): listings
added, removed and changed, with the fields (of the listing and of its targets) that changed,
as a table, JSON and CSV."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path

import pytest

from tests.factory import actor, dataset, sanction, write
from tests.test_cli import run

OLD = dataset(
    actors=[actor("us"), actor("ru"), actor("cn"),
            actor("oleg", "Oleg Example", kind="person", country="ru"),
            actor("acme", "Acme Holding", kind="organization", country="ru")],
    sanctions=[
        sanction("threat", ["us"], ["ru"], status="threatened", date="2021-03-23"),
        sanction("two", ["us"], ["oleg", "acme"], date="2014-03-20"),
        sanction("gone", ["us"], ["cn"], date="2020-07-01"),
        sanction("same", ["cn"], ["us"], date="2020-07-13"),
    ])


@pytest.fixture
def versions(tmp_path: Path) -> tuple[str, str]:
    new = copy.deepcopy(OLD)
    threat, two, _, same = new["sanctions"]
    threat.update(status="imposed", date="2021-09-01")  # the threat was carried out
    two["end_date"] = "2024-01-01"
    new["actors"][3]["aliases"] = ["Oleg Primer"]  # a target of a listing with two targets
    new["sanctions"] = [threat, two, same, sanction("fresh", ["us"], ["acme"], date="2024")]
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    old_dir.mkdir()
    new_dir.mkdir()
    # Folders: the actors in one file, the listings in another, as curated data is kept.
    for folder, data in ((old_dir, OLD), (new_dir, new)):
        write(folder / "actors.yaml", {"sources": data["sources"], "actors": data["actors"]})
        write(folder / "listings.yaml", {"sanctions": data["sanctions"]})
    return str(old_dir), str(new_dir)


def test_json_names_each_change_and_its_values(capsys: pytest.CaptureFixture[str],
                                               versions: tuple[str, str]) -> None:
    code, out, err = run(capsys, "diff", *versions, "--format", "json")
    assert code == 0, err
    assert err == "1 added, 1 removed, 2 changed\n"
    rows = {r["sanction"]: r for r in json.loads(out)}
    assert {s: r["change"] for s, r in rows.items()} == {
        "fresh": "added", "gone": "removed", "threat": "changed", "two": "changed"}
    assert rows["threat"]["fields"] == ["status", "date"]
    assert rows["threat"]["old"] == ['"threatened"', '"2021-03-23"']
    assert rows["threat"]["new"] == ['"imposed"', '"2021-09-01"']
    # Two targets: a target's field is named by its id.
    assert rows["two"]["fields"] == ["end_date", "oleg.aliases"]
    assert rows["two"]["new"] == ['"2024-01-01"', '["Oleg Primer"]']
    assert rows["gone"]["target_name"] == "CN"


def test_table_and_csv(capsys: pytest.CaptureFixture[str], versions: tuple[str, str]) -> None:
    code, out, _ = run(capsys, "diff", *versions)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["change", "target", "fields", "sanction"]
    assert [ln.split()[0] for ln in lines[2:]] == ["added", "removed", "changed", "changed"]
    assert "status, date" in out and "end_date, oleg.aliases" in out
    code, out, _ = run(capsys, "diff", *versions, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["change"], r["sanction"], r["fields"]) for r in rows] == [
        ("added", "fresh", ""), ("removed", "gone", ""),
        # Sorted by target name: "Oleg Example; Acme Holding" before "RU".
        ("changed", "two", "end_date|oleg.aliases"), ("changed", "threat", "status|date")]


def test_the_same_data_twice_is_no_change(capsys: pytest.CaptureFixture[str],
                                          versions: tuple[str, str]) -> None:
    code, out, err = run(capsys, "diff", versions[0], versions[0], "--format", "json")
    assert (code, json.loads(out), err) == (0, [], "0 added, 0 removed, 0 changed\n")
