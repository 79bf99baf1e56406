"""The import report's counts say what each counts, so a reader can reconcile them: entries
read (per file), entries skipped, the records the others gave (actors by kind), records
merged, values changed; and the last line says it all at once."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kg.cli.app import main
from kg.ingest import import_dataset, write_import
from kg.ingest.report import ImportReport

FIX = Path(__file__).parent / "fixtures"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return int(exc.value.code or 0), capsys.readouterr()[1]


def test_ofac_counts_per_file_and_adds_up(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(FIX / n) for n in ("sdn.csv", "alt.csv", "add.csv")]
    out, rep = tmp_path / "ofac.jsonl", tmp_path / "r.json"
    code, err = run(capsys, "import", "ofac", *files, "-o", str(out), "--report", str(rep))
    lines = err.splitlines()
    assert code == 1
    assert lines[0] == ("import ofac: read 13 entries from 3 files (sdn.csv: 6, alt.csv: 5, "
                        "add.csv: 2)")
    assert lines[1] == "  skipped 3 entries, not imported (file, line and reason):"
    assert lines[5] == ("  the other 10 entries gave 7 actors (2 organizations, 2 people, 1 "
                        "government body, 1 state, 1 vessel), 5 sanctions, 1 source")
    assert lines[6].startswith("    (an sdn.csv row (an XML entry) is a listed actor and its "
                               "sanction; alt.csv and add.csv rows add aliases")
    assert lines[7] == ("  changed 3 values in the records imported (file, line, record and "
                        "field):")
    assert lines[-2] == ("import ofac: read 13 entries from 3 files -> wrote 7 actors, 5 "
                         "sanctions, 1 source; skipped 3 entries, changed 3 values (listed "
                         "above)")
    assert lines[-1].startswith("kg: error: 3 of 13 entries skipped")
    data = json.loads(rep.read_text(encoding="utf-8"))
    assert data["files"] == files and data["read_per_file"] == [6, 5, 2]
    assert data["read"] == 13 == sum(data["read_per_file"])
    assert data["actor_kinds"] == {"state": 1, "government_body": 1, "person": 2,
                                   "organization": 2, "vessel": 1}
    assert sum(data["actor_kinds"].values()) == data["imported"]["actor"] == 7
    assert data["summary"] == ("read 13 entries from 3 files -> wrote 7 actors, 5 sanctions, "
                               "1 source; skipped 3 entries, changed 3 values")
    written = Counter(json.loads(line).get("kind") for line in out.read_text().splitlines()
                      if json.loads(line)["type"] == "actor")
    assert written == data["actor_kinds"]


def test_ftm_written_lines_are_counted_by_kind(tmp_path: Path) -> None:
    """FtM actors written as lines, never built as records, are counted by kind too."""
    out = tmp_path / "ftm.jsonl"
    report = write_import("ftm", [FIX / "entities.ftm.json"], out, today="2024-01-01")
    kinds = Counter(r.get("kind") for r in map(json.loads, out.read_text().splitlines())
                    if r["type"] == "actor")
    assert report.actor_kinds == kinds
    assert kinds == {"government_body": 4, "person": 3, "state": 3, "organization": 2,
                     "bloc": 1, "vessel": 1}
    assert report.read_by_file() == {str(FIX / "entities.ftm.json"): 14}
    _, again = import_dataset("ftm", [FIX / "entities.ftm.json"], today="2024-01-01")
    assert again.actor_kinds == kinds  # records counted as they are read: the same


def test_gdelt_says_what_was_merged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "import", "gdelt", str(FIX / "events.export.CSV"), "-o",
                    str(tmp_path / "g.jsonl"))
    lines = err.splitlines()
    assert code == 1  # the sample holds two broken rows
    assert lines[0] == "import gdelt: read 11 entries from 1 file"  # one file: no per-file
    assert ("  the other 9 entries gave 5 actors (4 states, 1 bloc), 4 sanctions, 1 "
            "statement, 6 sources") in lines
    assert ("  merged 2 records into others (the same event reported again, or a record of "
            "the data merged with)") in lines
    assert lines[-2] == ("import gdelt: read 11 entries from 1 file -> wrote 5 actors, 4 "
                         "sanctions, 1 statement, 6 sources; skipped 2 entries, merged 2 "
                         "records into others, changed 0 values (listed above)")


def test_a_clean_import_and_thousands(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "import", "uk", str(FIX / "ConList.csv"), "-o",
                    str(tmp_path / "uk.jsonl"))
    lines = err.splitlines()
    assert code == 0
    assert lines[:3] == [
        "import uk: read 7 entries from 1 file", "  skipped 0 entries",
        "  the 7 entries gave 6 actors (2 organizations, 1 government body, 1 person, 1 "
        "state, 1 vessel), 4 sanctions, 1 source"]
    assert lines[-1] == ("import uk: read 7 entries from 1 file -> wrote 6 actors, 4 "
                         "sanctions, 1 source; skipped 0 entries, changed 1 value (listed "
                         "above)")
    big = ImportReport("ofac")
    big.files.append("a.csv")
    big.read = 12_345
    big.files += ["b.csv"]
    big.read += 5
    assert big.read_by_file() == {"a.csv": 12_345, "b.csv": 5}
    assert big.totals() == ("read 12,350 entries from 2 files -> wrote nothing; skipped 0 "
                            "entries, changed 0 values")


def test_long_lists_point_to_the_report(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "sdn.csv"
    good = '{n},"NAME {n}",-0- ,SDGT,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
    csv.write_text(good.format(n=1) + "".join(f"{n},broken\n" for n in range(2, 40)),
                   encoding="utf-8")
    code, err = run(capsys, "import", "ofac", str(csv), "-o", str(tmp_path / "o.jsonl"))
    assert code == 1
    assert err.splitlines()[-2] == (
        "import ofac: read 39 entries from 1 file -> wrote 3 actors, 1 sanction, 1 source; "
        "skipped 38 entries, changed 0 values (the first 20 of each listed above; every one "
        "in --report FILE)")
