"""What `kg import` and `kg merge` tell a person on stderr: what was written where, what
was skipped, and why the exit code is 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli.app import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def _sdn(path: Path) -> Path:
    """An OFAC legacy sdn.csv of two entries and one broken line (4 columns of 12)."""
    path.write_text(
        '101,"EXAMPLEOV, Ivan",individual,RUSSIA-EO14024,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
        '-0- ,"DOB 01 Jan 1960."\n'
        '102,"SAMPLE TRADING LLC",-0- ,RUSSIA-EO14024,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
        '-0- ,-0- \n'
        '103,"BROKEN",-0- ,RUSSIA-EO14024\n', encoding="utf-8")
    return path


def test_partial_import_says_what_it_wrote_and_why_it_exits_1(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out, report = tmp_path / "ofac.jsonl", tmp_path / "report.json"
    code, stdout, err = run(capsys, "import", "ofac", str(_sdn(tmp_path / "sdn.csv")),
                            "-o", str(out), "--report", str(report))
    assert code == 1 and stdout == ""
    lines = err.splitlines()
    assert lines[:4] == [
        "import ofac: read 3 entries from 1 file",
        "  skipped 1 entry, not imported (file, line and reason):",
        f"    {tmp_path / 'sdn.csv'}:3: expected 12 columns (primary file), found 4",
        "  the other 2 entries gave 4 actors (1 government body, 1 organization, 1 person, "
        "1 state), 2 sanctions, 1 source"]
    assert lines[-4:] == [
        f"wrote {out}: 1 source, 4 actors, 2 sanctions, 0 statements",
        f"wrote {report}: the import report as JSON",
        "import ofac: read 3 entries from 1 file -> wrote 4 actors, 2 sanctions, 1 source; "
        "skipped 1 entry, changed 0 values (listed above)",
        f"kg: error: 1 of 3 entries skipped (each listed above with its file, line and "
        f"reason); {out} holds the others; exit 1 because the input was not read whole"]
    written = [json.loads(line)["type"] for line in out.read_text().splitlines()]
    assert sorted(written) == ["actor", "actor", "actor", "actor", "sanction", "sanction", "source"]
    assert json.loads(report.read_text())["written"] == {"source": 1, "actor": 4,
                                                         "sanction": 2}


def test_import_merged_with_data_says_what_the_output_holds(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    mine = tmp_path / "mine.jsonl"
    mine.write_text(json.dumps({"type": "statement", "id": "st1", "speakers": ["ru"],
                                "stance": "condemns", "summary": "Russia condemned it.",
                                "sources": [{"source": "s1"}]})
                    + "\n" + json.dumps({"type": "source", "id": "s1",
                                         "url": "https://example.org/1"})
                    + "\n" + json.dumps({"type": "actor", "id": "ru", "name": "Russia",
                                         "kind": "state"}) + "\n", encoding="utf-8")
    out = tmp_path / "both.jsonl"
    code, _, err = run(capsys, "import", "ofac", str(_sdn(tmp_path / "sdn.csv")),
                       "-o", str(out), "--merge-with", str(mine))
    assert code == 1
    assert f"wrote {out}: 2 sources, 5 actors, 2 sanctions, 1 statement" in err.splitlines()


def test_import_of_nothing_writes_nothing_and_says_so(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "csl.jsonl"
    code, _, err = run(capsys, "import", "csl", str(empty), "-o", str(out))
    assert code == 1 and not out.exists()
    assert err.splitlines()[-1] == ("kg: error: nothing could be imported from 0 "
                                    f"entries; {out} not written (is each file one that kg "
                                    "import csl reads? kg import --help lists them)")
    assert "wrote" not in err


def test_merge_reports_every_record_kind(capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    a = tmp_path / "a.jsonl"
    a.write_text("\n".join(json.dumps(r) for r in [
        {"type": "source", "id": "s1", "url": "https://example.org/1"},
        {"type": "actor", "id": "ru", "name": "Russia", "kind": "state"},
        {"type": "statement", "id": "st1", "speakers": ["ru"], "stance": "condemns",
         "summary": "Russia condemned it.", "sources": [{"source": "s1"}]},
        {"type": "statement", "id": "st2", "speakers": ["ru"], "stance": "warns",
         "summary": "Russia warned.", "sources": [{"source": "s1"}]}]) + "\n",
        encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "merge", str(a), "-o", str(out))
    assert code == 0
    assert f"wrote {out}: 1 source, 1 actor, 0 sanctions, 2 statements" in err.splitlines()


def test_retaliation_table_explains_its_chain_column(capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = run(capsys, "query", "retaliation")
    assert code == 0
    assert out.splitlines()[0].split()[-1] == "chain"
    assert err.splitlines() == [  # wrapped to the terminal (80 columns without one)
        "chain: rows of one number are one tit-for-tat run (they share a sanction),",
        "numbered by its first date"]
    code, out, _ = run(capsys, "query", "retaliation", "--help")
    assert '"chain": rows with the same number are one tit-for-tat run' in " ".join(
        out.split())
    code, out, err = run(capsys, "query", "retaliation", "--format", "csv")
    assert "tit-for-tat" not in out + err  # only the table says it


def test_import_report_counts_in_words_and_lists_problems_in_input_order(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # Line 1's sanction waits for a target that never comes: the importer can only say so
    # at the end, after line 2's and line 3's problems. The report lists them by file and
    # line all the same, in text and in JSON; and one record read is "1 record".
    lines = [{"id": "s-1", "schema": "Sanction",
              "properties": {"entity": ["nobody"], "country": ["us"]}},
             {"id": "no-schema", "properties": {}},
             {"id": "p-1", "schema": "Person", "properties": {"name": ["Ivan Examplov"],
                                                              "birthDate": ["1960-13-40"]}}]
    src = tmp_path / "e.ftm.json"
    src.write_text("".join(json.dumps(e) + "\n" for e in lines), encoding="utf-8")
    out, report = tmp_path / "o.jsonl", tmp_path / "r.json"
    code, _, err = run(capsys, "import", "ftm", str(src), "-o", str(out), "--report",
                       str(report))
    assert code == 1
    assert err.splitlines()[0] == "import ftm: read 3 entries from 1 file"
    listed = [line.strip().split(" ", 1)[0] for line in err.splitlines()
              if line.startswith(f"    {src}")]
    assert listed == [f"{src}:1:", f"{src}:2:", f"{src}:3"], err
    data = json.loads(report.read_text())
    assert [s["line"] for s in data["skipped"]] == [1, 2]
    assert data["skipped"][0]["record"] is None and "nobody" in data["skipped"][0]["reason"]
    one = tmp_path / "one.ftm.json"
    one.write_text(json.dumps(lines[2]) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "ftm", str(one), "-o", str(tmp_path / "one.jsonl"))
    assert code == 0 and err.splitlines()[0] == "import ftm: read 1 entry from 1 file"
    assert err.splitlines()[1:3] == ["  skipped 0 entries",
                                     "  the 1 entry gave 1 actor (1 person), 1 source"]


def test_a_file_of_the_wrong_kind_lists_twenty_problems_and_counts_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # It printed one line for each of a 5,000-line file's lines before the one that says
    # what is wrong; every line is still in --report.
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("".join(f"name {i}, note {i}, x\n" for i in range(1, 201)),
                     encoding="utf-8")
    out, report = tmp_path / "o.jsonl", tmp_path / "report.json"
    code, _, err = run(capsys, "import", "ofac", str(wrong), "-o", str(out),
                       "--report", str(report))
    lines = err.splitlines()
    listed = [ln for ln in lines if ln.startswith(f"    {wrong}:")]
    assert code == 1 and not out.exists()
    assert [ln.split(":")[1] for ln in listed] == [str(i) for i in range(1, 21)]
    assert "    ... 180 more (kg import --report FILE writes every one)" in lines
    assert lines[-1].startswith("kg: error: nothing could be imported from 200 entries")
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["skipped_total"] == 200 and len(data["skipped"]) == 200
