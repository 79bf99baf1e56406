"""``kg diff``: two versions of an OFAC-style list give exactly the listings added, removed
and changed, with the fields that changed."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.ingest import import_dataset
from kg.query.diff import diff_datasets
from kg.readwrite.write import write_dataset
from tests.test_cli import run

V1 = [
    ["1001", "EXAMPLE, Ivan", "individual", "RUSSIA-EO14024", "-0-", "-0-", "-0-", "-0-",
     "-0-", "-0-", "-0-", "nationality Russia."],
    ["1002", "FICTUS TRADING LLC", "-0-", "SDGT", "-0-", "-0-", "-0-", "-0-", "-0-", "-0-",
     "-0-", "-0-"],
    ["1003", "SEA EXAMPLE", "vessel", "IRAN", "-0-", "9BXX1", "Tanker", "-0-", "-0-", "Iran",
     "-0-", "-0-"],
    ["1005", "UNCHANGED CO", "-0-", "CYBER2", "-0-", "-0-", "-0-", "-0-", "-0-", "-0-", "-0-",
     "-0-"],
]
V2 = [
    V1[0],
    ["1002", "FICTUS TRADING LIMITED", "-0-", "SDGT] [IRGC", "-0-", "-0-", "-0-", "-0-",
     "-0-", "-0-", "-0-", "-0-"],
    ["1004", "NEW EXAMPLE BANK", "-0-", "UKRAINE-EO13662", "-0-", "-0-", "-0-", "-0-", "-0-",
     "-0-", "-0-", "-0-"],
    V1[3],
]


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


@pytest.fixture
def versions(tmp_path):
    paths = []
    for name, rows, alts in (("v1", V1, []), ("v2", V2, [["1001", "1", "aka", "Vanya EXAMPLE",
                                                          "-0-"]])):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "sdn.csv").write_text(csv_text(rows))
        files = [folder / "sdn.csv"]
        if alts:
            (folder / "alt.csv").write_text(csv_text(alts))
            files.append(folder / "alt.csv")
        ds, report = import_dataset("ofac", files)
        assert report.ok
        out = tmp_path / f"{name}.jsonl"
        write_dataset(ds, out)
        paths.append(out)
    return paths


def test_added_removed_changed_exactly(versions):
    from kg.readwrite.load import load
    changes = diff_datasets(load([versions[0]]), load([versions[1]]))
    assert [(c.change, c.sanction, c.fields) for c in changes] == [
        ("added", "ofac-1004-sdn", ()),
        ("removed", "ofac-1003-sdn", ()),
        ("changed", "ofac-1001-sdn", ("target.aliases",)),
        ("changed", "ofac-1002-sdn", ("reasons", "program", "target.name")),
    ]
    fictus = changes[3]
    assert fictus.old[1:] == ('"SDGT"', '"FICTUS TRADING LLC"')
    assert fictus.new[1:] == ('"SDGT; IRGC"', '"FICTUS TRADING LIMITED"')
    assert changes[1].target_name == "SEA EXAMPLE"


def test_no_change_is_an_empty_diff(versions):
    from kg.readwrite.load import load
    assert diff_datasets(load([versions[0]]), load([versions[0]])) == []


def test_cli_formats(versions, capsys):
    old, new = map(str, versions)
    code, out, err = run(capsys, "diff", old, new, "--format", "json")
    assert code == 0 and err == "1 added, 1 removed, 2 changed\n"
    rows = json.loads(out)
    assert [r["change"] for r in rows] == ["added", "removed", "changed", "changed"]
    assert rows[3]["fields"] == ["reasons", "program", "target.name"]
    code, out, _ = run(capsys, "diff", old, new, "--format", "csv")
    lines = out.splitlines()
    assert lines[0] == "change,sanction,target,target_name,imposers,fields,old,new"
    assert lines[1].startswith("added,ofac-1004-sdn,ofac-1004,NEW EXAMPLE BANK,us,")
    code, out, _ = run(capsys, "diff", old, new)
    assert code == 0
    assert out.splitlines()[2].split()[:3] == ["added", "NEW", "EXAMPLE"]
    assert "target.aliases" in out
    code, _, err = run(capsys, "diff", old, str(versions[0].parent / "missing.jsonl"))
    assert (code, err) == (2, f"kg: error: {versions[0].parent / 'missing.jsonl'}: no such "
                              "file or folder\n")  # bad usage, before anything is read
