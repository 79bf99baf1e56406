"""`kg extract`: exact outputs and exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from kg.cli.app import main
from kg.readwrite.load import load

ARTICLE = ("Japan and Australia imposed sanctions on three Russian defence companies on "
           "Thursday over the war in Ukraine. Foreign Minister Yoko Kamikawa said the "
           "measures would continue.")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_extract_writes_a_valid_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    src = tmp_path / "jp-au.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "draft.yaml"
    code, stdout, err = run(capsys, "extract", str(src), "--date", "2023-05-19", "-o", str(out),
                            "--url", "https://example.org/a")
    assert code == 0 and stdout == ""
    assert err == (f"wrote {out}: 1 sanction, 1 statement, 4 actors (2 drafts to review)\n")
    ds = load([out])
    s = ds.sanctions[0]
    assert (s.imposers, s.targets, str(s.status), s.date) == (
        ["jp", "au"], ["ru-companies"], "imposed", "2023-05-18")
    assert ds.sources[0].url == "https://example.org/a" and ds.sources[0].published == "2023-05-19"
    assert ds.statements[0].speakers == ["yoko-kamikawa"]
    code, stdout, _ = run(capsys, "validate", str(out))
    assert code == 0 and stdout.startswith("valid: 1 source, 4 actors, 1 sanction")


def test_extract_explain_prints_matched_words(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    code, stdout, _ = run(capsys, "extract", str(src), "--date", "2023-05-19", "-o",
                          str(tmp_path / "o.json"), "--explain")
    assert code == 0
    doc = yaml.safe_load(stdout)
    rec = doc["records"]["a-sanction-1"]
    assert rec["trigger"] == {"words": "imposed sanctions", "status": "imposed"}
    assert rec["reasons"][0]["keyword"] == "war" and rec["date"]["words"] == "on Thursday"
    assert doc["skipped"] == []


def test_extract_reads_stdin(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    html = f"<html><head><title>T</title></head><body><p>{ARTICLE}</p></body></html>"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(html.encode())))
    out = tmp_path / "o.jsonl"
    code, _, _ = run(capsys, "extract", "-", "--date", "2023-05-19", "-o", str(out))
    assert code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('{"type": "source", "id": "t"')
    assert len(load([out]).sanctions) == 1


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--date", "2023-02-30"], 2, "kg: error: --date: '2023-02-30' is not a real calendar date"),
    (["--date", "19/05/2023"], 2, "kg: error: --date: '19/05/2023' is not a date in the form "
                                  "YYYY-MM-DD"),
])
@pytest.mark.parametrize("name", ["a.txt", "2021-03-23-a.txt"])
def test_bad_date_is_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 args: list[str], code: int, message: str, name: str) -> None:
    # checked even when the file's name gives the article's own date (it was ignored)
    src = tmp_path / name
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "o.yaml"
    got, _, err = run(capsys, "extract", str(src), *args, "-o", str(out))
    assert (got, err.strip()) == (code, message)
    assert not out.exists()


def test_binary_file_is_data_error_missing_file_usage(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "img.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out = tmp_path / "o.yaml"
    code, _, err = run(capsys, "extract", str(binary), "--date", "2023-05-19", "-o", str(out))
    assert (code, err) == (1, f"kg: error: {binary}: looks like a binary file, not text or HTML\n")
    code, _, err = run(capsys, "extract", str(tmp_path / "nope.txt"), "--date", "2023-05-19",
                       "-o", str(out))
    assert (code, err) == (2, f"kg: error: {tmp_path / 'nope.txt'}: no such file or folder\n")
    assert not out.exists() and list(tmp_path.glob(".o.yaml*")) == []


def test_unknown_output_suffix_is_refused_before_work(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "extract", str(src), "--date", "2023-05-19", "-o",
                       str(tmp_path / "o.txt"))
    assert code == 2 and "unknown output format" in err


def test_a_draft_made_with_known_actors_loads_alone_and_beside_them(tmp_path: Path) -> None:
    import subprocess
    import sys

    from kg.readwrite.load import load

    examples = Path(__file__).resolve().parents[2] / "examples"
    out = tmp_path / "draft.yaml"
    proc = subprocess.run([sys.executable, "-m", "kg", "extract",
                           str(examples / "seed-article.txt"), "--date", "2021-03-23",
                           "-d", str(examples), "-o", str(out)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    alone = load(out)
    ids = {a.id for a in alone.actors}
    assert {"blinken", "lavrov", "wang-yi"} <= ids  # reused, not drafted again
    assert "dm-2021-03-23" in {s.id for s in alone.sources}  # what they cite comes along
    together = load([out, examples])
    assert len(together.sanctions) == len(load(examples).sanctions) + len(alone.sanctions)


def _two_articles(folder: Path) -> None:
    folder.mkdir()
    (folder / "2021-03-22-first.txt").write_text(
        "The EU imposed sanctions on four Chinese officials on Monday over abuses in "
        "Xinjiang. Beijing hit back with sanctions on ten European individuals.",
        encoding="utf-8")
    (folder / "2021-03-23-second.txt").write_text(
        "The European Union imposed sanctions on four Chinese officials on Monday over "
        "abuses in Xinjiang.", encoding="utf-8")
    (folder / "notes.csv").write_text("not an article\n", encoding="utf-8")


def test_extract_folder_merges_events_reported_twice(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    _two_articles(tmp_path / "news")
    out = tmp_path / "draft.yaml"
    code, stdout, err = run(capsys, "extract", str(tmp_path / "news"), "-o", str(out))
    assert (code, stdout) == (0, "")
    assert err == (f"wrote {out}: 2 sanctions, 0 statements, 4 actors (2 drafts to review) "
                   "from 2 articles; 1 more report of an event folded into it\n")
    ds = load([out])
    assert [s.id for s in ds.sources] == ["2021-03-22-first", "2021-03-23-second"]
    assert [s.published for s in ds.sources] == ["2021-03-22", "2021-03-23"]
    eu, cn = ds.sanctions
    assert (eu.imposers, eu.targets, eu.date) == (["eu"], ["cn-officials"], "2021-03-22")
    assert [c.source for c in eu.sources] == ["2021-03-22-first", "2021-03-23-second"]
    assert cn.in_response_to == [eu.id] and [c.source for c in cn.sources] == [
        "2021-03-22-first"]


def test_extract_several_files_to_stdout(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    _two_articles(tmp_path / "news")
    files = sorted(str(p) for p in (tmp_path / "news").glob("*.txt"))
    code, stdout, err = run(capsys, "extract", *files, "-o", "-")
    assert code == 0 and err.startswith("wrote standard output: 2 sanctions")
    doc = yaml.safe_load(stdout)
    assert [s["id"] for s in doc["sanctions"]] == ["2021-03-22-first-sanction-1",
                                                    "2021-03-22-first-sanction-2"]


def test_extract_same_file_name_twice_gets_two_sources(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "report.txt").write_text(
            "Canada sanctioned two Russian officials on Thursday.", encoding="utf-8")
    code, stdout, _ = run(capsys, "extract", str(tmp_path / "a" / "report.txt"),
                          str(tmp_path / "b" / "report.txt"), "--date", "2020-12-11", "-o", "-")
    doc = yaml.safe_load(stdout)
    assert code == 0 and [s["id"] for s in doc["sources"]] == ["report", "report-2"]
    assert [c["source"] for c in doc["sanctions"][0]["sources"]] == ["report", "report-2"]


def test_extract_several_files_usage_errors(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    _two_articles(tmp_path / "news")
    (tmp_path / "undated.txt").write_text("Canada sanctioned two Russian officials.",
                                          encoding="utf-8")
    code, _, err = run(capsys, "extract", str(tmp_path / "news"), str(tmp_path / "undated.txt"),
                       "-o", "-")
    assert (code, err) == (2, f"kg: error: {tmp_path / 'undated.txt'}: no publication date: "
                              "give --date YYYY-MM-DD or put the date in the file name "
                              "(2021-03-23-article.txt)\n")
    code, _, err = run(capsys, "extract", str(tmp_path / "news"), "--url", "https://x.org",
                       "-o", "-")
    assert (code, err) == (2, "kg: error: --url and --title describe one article; give them "
                              "with one FILE\n")
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "extract", str(tmp_path / "empty"), "-o", "-")
    assert code == 2 and "no article files in this folder" in err


def test_a_draft_writes_every_sanctions_status(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    # "imposed" is the model's default and was left out of the YAML: a reviewer saw a
    # threatened sanction's status and nothing on an imposed one
    src = tmp_path / "2022-01-03-a.txt"
    src.write_text("The EU imposed sanctions on Russia on Monday. China threatened "
                   "sanctions on Japan.", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(src), "-o", "-")
    import yaml
    got = [(s["imposers"], s["status"]) for s in yaml.safe_load(out)["sanctions"]]
    assert (code, got) == (0, [(["eu"], "imposed"), (["cn"], "threatened")])
    written = tmp_path / "d.yaml"
    assert run(capsys, "extract", str(src), "-o", str(written))[0] == 0
    assert [s["status"] for s in yaml.safe_load(written.read_text())["sanctions"]] == [
        "imposed", "threatened"]
