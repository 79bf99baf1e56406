"""The command line: exact outputs and exit codes on the bundled data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli.app import main

REPO = Path(__file__).resolve().parent.parent
SEED = ["-d", str(REPO / "examples" / "actors.yaml"), "-d",
        str(REPO / "examples" / "seed-article.yaml")]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_who_sanctioned_china_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "query", "who-sanctioned", "China", "--format", "json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    seed = [r for r in rows if r["sanction"] == "xinjiang-2021-western"]
    assert sorted((r["imposer_name"], r["reason"]) for r in seed) == [
        ("Canada", "human_rights"), ("European Union", "human_rights"),
        ("United Kingdom", "human_rights"), ("United States", "human_rights")]
    assert set(rows[0]) >= {"imposer", "imposer_name", "target", "target_name", "reason",
                            "reason_detail", "sanction", "status", "date", "sources"}
    assert all(r["sources"] == ["dm-2021-03-23"] for r in seed)


def test_who_sanctioned_china_table_on_the_seed(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "query", "who-sanctioned", "China", *SEED, "--ids")
    assert code == 0
    assert out == """\
imposer     target       reason       status   date        sanction
----------  -----------  -----------  -------  ----------  ---------------------
Canada      Chinese      human        imposed  2021-03-22  xinjiang-2021-western
            officials    rights
European    Chinese      human        imposed  2021-03-22  xinjiang-2021-western
Union       officials    rights
United      Chinese      human        imposed  2021-03-22  xinjiang-2021-western
Kingdom     officials    rights
United      Chinese      human        imposed  2021-03-22  xinjiang-2021-western
States      officials    rights
"""


def test_sanctioned_by_china_is_retaliation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "query", "sanctioned-by", "Beijing", "--format", "json", *SEED)
    assert code == 0
    rows = json.loads(out)
    assert sorted({(r["target"], r["reason"]) for r in rows}) == [
        ("eu-individuals", "disinformation"), ("eu-individuals", "retaliation"),
        ("eu-institutions", "disinformation"), ("eu-institutions", "retaliation")]


def test_retaliation_links_china_to_the_west(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "query", "retaliation", "--format", "json")
    assert code == 0
    links = {(r["response"], r["original"], r["inferred"]) for r in json.loads(out)}
    assert ("xinjiang-2021-cn-counter", "xinjiang-2021-western", False) in links


def test_statements_about_the_united_states(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "query", "statements", "--about", "United States",
                       "--format", "json", *SEED)
    assert code == 0
    speakers = {s for r in json.loads(out) for s in r["speakers"]}
    assert {"ru", "cn"} <= speakers or {"lavrov", "wang-yi"} <= speakers
    assert "lavrov" in speakers


def test_expected_sanctions_on_russia_are_not_imposed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "query", "relations", "--imposer", "US", "--target", "Russia",
                       "--format", "csv", *SEED)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("imposer,imposer_name,target,target_name,reason,")
    assert len(lines) == 2 and ",expected," in lines[1] and "election_interference" in lines[1]


def test_validate_ok_and_five_mistakes(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    code, out, _ = run(capsys, "validate", str(REPO / "examples"))
    assert code == 0 and out.startswith("valid: ")
    bad = tmp_path / "bad.yaml"
    bad.write_text("""\
sources: [{id: src}]
actors:
  - {id: us, name: US, kind: superpower}
sanctions:
  - {id: s1, imposers: [us], targets: [ghost], date: "2021-13-01", sources: [{source: src}]}
  - {id: s2, imposers: [us], targets: [us], status: rumoured, sources: [{source: nope}]}
""")
    code, out, err = run(capsys, "validate", str(bad))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 6 and lines[-1] == "kg: error: 5 problems found"
    assert "Traceback" not in err
    for needle in ("bad.yaml:3 [actor 'us'] [kind]", "bad.yaml:5 [sanction 's1'] [date]",
                   "bad.yaml:6 [sanction 's2'] [status]", "[targets]: unknown actor 'ghost'",
                   "[sources]: unknown source 'nope'"):
        assert sum(needle in line for line in lines) == 1, needle


@pytest.mark.parametrize(("args", "code", "message"), [
    (["query", "who-sanctioned", "Narnia"], 2, "kg: error: no actor is called 'Narnia'"),
    (["query", "relations", "--reason", "greed"], 2,
     "Invalid value for '--reason': 'greed' is not one of 'human_rights'"),
    (["query", "relations", "--since", "yesterday"], 2, "kg: error: --since:"),
    (["query", "nonsense"], 2, "No such command 'nonsense'"),
    (["export", "json"], 2, "Missing option '-o'"),
    (["validate", "/no/such/file.yaml"], 2, "kg: error: /no/such/file.yaml: no such file"),
])
def test_errors_are_one_line_with_exit_codes(capsys: pytest.CaptureFixture[str],
                                             args: list[str], code: int, message: str) -> None:
    got, _, err = run(capsys, *args)
    assert got == code
    assert message in err and "Traceback" not in err


def test_help_and_version_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    from kg import __version__

    assert run(capsys, "--version")[1].strip() == f"kg, version {__version__}"
    for cmd in (["validate"], ["query"], ["query", "relations"], ["query", "who-sanctioned"],
                ["query", "sanctioned-by"], ["query", "retaliation"], ["query", "coalitions"],
                ["query", "statements"], ["query", "timeline"], ["export"], ["schema"],
                ["demo"]):
        code, out, _ = run(capsys, *cmd, "--help")
        assert code == 0 and "Usage: kg " + " ".join(cmd) in out


def test_exports_write_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import networkx as nx

    for fmt in ("json", "graphml", "gexf"):
        out = tmp_path / f"g.{fmt}"
        code, _, err = run(capsys, "export", fmt, "-o", str(out), "--focus", "China",
                           "--depth", "1", *SEED)
        assert code == 0 and err.strip() == f"wrote {out}"
    G = nx.read_graphml(tmp_path / "g.graphml")
    assert "actor:cn" in G and "sanction:xinjiang-2021-cn-counter" in G
    assert "sanction:ru-election-2021-expected" not in G


def test_console_script_runs_as_a_module() -> None:
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "timeline", "Lavrov",
                           "--format", "json"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    said = [r["record"] for r in rows if r["role"] == "said" and r["date"] == "2021-03-23"]
    assert "statement:st-lavrov-measures-unacceptable" in said
    assert any(r["role"] == "targeted" and r["date"] == "2022-02-25" for r in rows)


def test_empty_csv_still_has_its_header(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "query", "relations", "--imposer", "China", "--target", "US",
                       "--format", "csv", *SEED)
    assert code == 0
    assert out == ("imposer,imposer_name,target,target_name,reason,reason_detail,sanction,"
                   "status,date,sources,via,target_via,authority,authority_ids,program\n")


def test_rows_that_would_look_alike_show_their_reason_words(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one line per row
    # one OFAC-style sanction giving two reasons of one category (two programmes)
    data = tmp_path / "two-programmes.yaml"
    data.write_text("""
sources: [{id: s1, title: A list, publisher: A publisher}]
actors:
  - {id: us, name: United States, kind: state}
  - {id: ivan, name: Ivan Exampleov, kind: person, country: ru}
sanctions:
  - id: s-1
    imposers: [us]
    targets: [ivan]
    status: imposed
    date: "2022-02-24"
    reasons:
      - {category: armed_conflict, detail: RUSSIA-EO14024}
      - {category: armed_conflict, detail: UKRAINE-EO13662}
    sources: [{source: s1}]
""", encoding="utf-8")
    code, out, _ = run(capsys, "query", "who-sanctioned", "ivan", "-d", str(data))
    assert code == 0
    lines = out.splitlines()[2:]
    # one row for the one sanction, its two programmes told apart in the reason column
    assert len(lines) == 1
    assert "armed conflict (RUSSIA-EO14024), armed conflict (UKRAINE-EO13662)" in lines[0]
    code, out, _ = run(capsys, "query", "who-sanctioned", "ivan", "-d", str(data),
                       "--format", "json")
    assert sorted(r["reason_detail"] for r in json.loads(out)) == [
        "RUSSIA-EO14024", "UKRAINE-EO13662"]
    assert {r["reason"] for r in json.loads(out)} == {"armed_conflict"}
