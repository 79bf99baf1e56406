"""What a newcomer meets first (`kg demo`, `kg search`, the README's commands): tables
write vocabulary codes as words, as every query table does."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli.app import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_demo_writes_reasons_as_words(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = run(capsys, "demo", "-o", str(tmp_path / "s.html"))
    assert code == 0
    assert "_" not in out.split("Who sanctioned whom:")[1].split("Wrote")[0]
    assert "nuclear proliferation" in out and "human rights" in out


def test_search_writes_kinds_as_words(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "search", "Central Bank of Russia", "--limit", "1")
    assert code == 0
    lines = out.splitlines()
    row = lines[lines.index(next(x for x in lines if x.startswith("-----"))) + 1:][:2]
    assert row[0].split()[:3] == ["1.00", "cbr", "Central"] and "government" in row[0]
    assert "body" in row[1] and "…" not in out
    code, out, _ = run(capsys, "search", "Central Bank of Russia", "--limit", "1",
                       "--format", "csv")
    assert out.splitlines()[1].split(",")[2] == "government_body"  # CSV keeps the code


def _commands() -> list[tuple[list[str], object]]:
    import click

    from kg.cli import cli

    out: list[tuple[list[str], object]] = []

    def walk(path: list[str], cmd: click.Command) -> None:
        out.append((path, cmd))
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                walk([*path, name], sub)

    walk([], cli)
    return out


def test_every_help_is_plain_and_every_option_explained(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """--help shows no reStructuredText markup (``merged_from``), no stray space in a
    command list ("who-sanctioned| sanctioned-by"), an explanation for every option and a
    metavar that says what -o takes (FILE, PATH, FOLDER; not TEXT)."""
    import click

    monkeypatch.setenv("COLUMNS", "100")
    for path, cmd in _commands():
        code, out, _ = run(capsys, *path, "--help")
        assert code == 0, path
        assert "``" not in out and "| " not in out, (path, out)
        assert isinstance(cmd, click.Command)
        for p in cmd.params:
            if isinstance(p, click.Option):
                assert p.help, (path, p.opts)
                if "--output" in p.opts:
                    assert p.metavar in ("FILE", "PATH", "FOLDER", "FILE.kgz"), path


def test_import_help_names_the_files_of_each_kind(capsys: pytest.CaptureFixture[str]) -> None:
    from kg.ingest import KINDS

    _, out, _ = run(capsys, "import", "--help")
    listing = out.split("The files each SOURCE_KIND reads:")[1].split("Options:")[0]
    assert [line.split()[0] for line in listing.splitlines()
            if line.startswith("    ") and not line.startswith("     ")] == list(KINDS)
    for name in ("entities.ftm.json", "sdn.csv", "consolidated.xml", "ConList.csv",
                 "xmlFullSanctionsList_1_1.xml", "export.CSV"):
        assert name in listing


def test_a_list_file_given_as_data_says_to_import_it(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A newcomer passes a downloaded list to -d: the message says what to do."""
    sdn = tmp_path / "sdn.csv"
    sdn.write_text('9001,"EXAMPLE, Ann",individual,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
                   "-0-\n", encoding="utf-8")
    code, _, err = run(capsys, "query", "who-sanctioned", "China", "-d", str(sdn))
    assert code == 1
    assert err.splitlines()[0] == (
        f"kg: error: {sdn}: unknown file type (expected .yaml, .yml, .json or .jsonl); a "
        "sanctions list or event file? import it first: kg import KIND FILE -o data.jsonl "
        "(kg import --help lists the kinds and their files)")
    ftm = tmp_path / "entities.ftm.json"
    ftm.write_text('{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n'
                   '{"id": "b", "schema": "Person", "properties": {"name": ["B"]}}\n',
                   encoding="utf-8")
    code, _, err = run(capsys, "validate", str(ftm))
    assert code == 1
    assert err.splitlines()[0] == (
        f"kg: error: {ftm}:2: invalid JSON: Extra data (column 1); one JSON value per line? "
        "name the file .jsonl, or import an OpenSanctions (FollowTheMoney) export first: "
        "kg import ftm FILE -o data.jsonl")


@pytest.mark.parametrize("args", [
    ["query", "relations"], ["query", "who-sanctioned", "China"],
    ["query", "sanctioned-by", "China"], ["query", "coalitions"], ["query", "statements"],
    ["query", "timeline", "China"]])
def test_since_after_until_is_bad_usage(capsys: pytest.CaptureFixture[str],
                                        args: list[str]) -> None:
    code, out, err = run(capsys, *args, "--since", "2022-05", "--until", "2022-04-30")
    assert (code, out, err) == (2, "", "kg: error: --since 2022-05 is after --until "
                                       "2022-04-30: no date is in both (swap them?)\n")
    # The same month at both ends is a month, not an error.
    assert run(capsys, *args, "--since", "2021-03", "--until", "2021-03")[0] == 0


def test_own_data_naming_bundled_actors_gets_a_hint(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's own-data example, validated alone: the bundled states are unknown
    there; the last line says which file declares them."""
    monkeypatch.chdir(Path(__file__).parent.parent)
    mine = tmp_path / "my-data.yaml"
    mine.write_text(
        "sources:\n  - {id: s1, title: T}\n"
        "actors:\n  - {id: ryabkov, name: Sergei Ryabkov, kind: person, part_of: ru}\n"
        "  - {id: nobody-else, name: X, kind: group, member_of: [atlantis]}\n"
        "sanctions:\n  - {id: x1, imposers: [us, eu], targets: [ryabkov], status: imposed,"
        " sources: [{source: s1}]}\n", encoding="utf-8")
    code, _, err = run(capsys, "validate", str(mine))
    assert code == 1
    lines = err.splitlines()
    assert lines[-2] == "kg: error: 4 problems found"
    assert lines[-1] == ("kg: hint: 'ru', 'us', 'eu' are actors of the bundled data: pass "
                         "examples/actors.yaml beside your files (or declare them)")
    code, _, err = run(capsys, "validate", str(mine), "examples/actors.yaml")
    assert code == 1 and "hint" not in err  # only 'atlantis' is left: no hint
    assert err.splitlines()[0].endswith("unknown actor 'atlantis'")


def test_retaliation_table_shortens_long_lists(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Russia's counter-sanctions of 2022 answer nine states: the table names three and
    how many more, by the one listing rule; JSON keeps every one."""
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "query", "retaliation", "--no-infer")
    assert code == 0
    assert "United States, European Union, United Kingdom and 6 more" in out
    assert "Norway, Japan, Australia, Canada" not in out
    code, out, _ = run(capsys, "query", "retaliation", "--no-infer", "--format", "csv")
    assert "and 6 more" not in out
