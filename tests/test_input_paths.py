"""Every command that reads an input path, given one that does not exist (or a folder
where only a file will do): one readable line naming the path (and the option it came
with), exit 2 (bad usage), no traceback, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli.app import main
from kg.ingest import KINDS

SAMPLE = Path(__file__).parent / "ingest" / "fixtures" / "entities.ftm.json"
ARTICLE = Path(__file__).parent.parent / "examples" / "seed-article.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def _commands(missing: str, out: str) -> list[tuple[list[str], str]]:
    """(arguments, the path as the message names it) for every command taking a path."""
    d = f"-d {missing}"
    cmds: list[tuple[list[str], str]] = [
        (["import", kind, missing, "-o", out], missing) for kind in KINDS]
    cmds += [
        (["import", "ftm", str(SAMPLE), "-o", out, "--merge-with", missing],
         f"--merge-with {missing}"),
        (["validate", missing], missing),
        (["merge", missing, "-o", out], missing),
        (["merge", "examples", "-o", out, "--judgements", missing], f"--judgements {missing}"),
        (["diff", "examples", missing], missing),
        (["diff", missing, "examples"], missing),
        (["extract", missing, "--date", "2021-03-23", "-o", out], missing),
        (["extract", missing, "-o", out], missing),  # not "no publication date"
        (["extract", str(ARTICLE), "--date", "2021-03-23", "-o", out, "-d", missing], d),
        (["build", "-d", missing, "-o", str(Path(out).with_suffix(".kgz"))], d),
        (["demo", "-d", missing], d),
        (["search", "China", "-d", missing], d),
        (["export", "json", "-d", missing, "-o", out], d),
    ]
    for q in (["who-sanctioned", "China"], ["sanctioned-by", "China"], ["relations"],
              ["retaliation"], ["coalitions"], ["statements"], ["timeline", "China"],
              ["merges"], ["exposure"], ["owners", "X"], ["holdings", "X"]):
        cmds.append((["query", *q, "-d", missing], d))
    return cmds


def test_a_missing_path_is_bad_usage_everywhere(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).parent.parent)
    missing = str(tmp_path / "no-such-file.csv")
    out = str(tmp_path / "out.jsonl")
    for args, named in _commands(missing, out):
        code, _, err = run(capsys, *args)
        assert (code, err) == (2, f"kg: error: {named}: no such file or folder\n"), args
        assert list(tmp_path.iterdir()) == [], args


@pytest.mark.parametrize("kind", KINDS)
def test_a_folder_given_to_an_importer(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       kind: str) -> None:
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "import", kind, str(tmp_path), "-o", str(out))
    assert (code, err) == (2, f"kg: error: {tmp_path}: is a folder; kg import {kind} reads "
                              "files, not folders: give the files in it\n")
    assert not out.exists()


def test_a_folder_given_as_judgements(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).parent.parent)
    code, _, err = run(capsys, "merge", "examples", "-o", str(tmp_path / "o.jsonl"),
                       "--judgements", str(tmp_path))
    assert (code, err) == (2, f"kg: error: --judgements {tmp_path}: is a folder; --judgements "
                              "takes one YAML or JSON file\n")


def test_folders_still_read_where_they_are_data(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).parent.parent)
    assert run(capsys, "validate", "examples")[0] == 0
    assert run(capsys, "search", "China", "-d", "examples", "--limit", "1")[0] == 0


def _takes_data(command: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The command paths (``("query", "who-sanctioned")``) of every command with -d."""
    import click

    if isinstance(command, click.Group):
        return [p for name, sub in command.commands.items()
                for p in _takes_data(sub, (*path, name))]
    assert isinstance(command, click.Command)
    return [path] if any("-d" in getattr(p, "opts", ()) for p in command.params) else []


def test_a_folder_with_no_data_file_is_bad_usage_everywhere(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A folder that holds only other files (notes, a hidden data file) gives no data: it
    # was exit 1 with two lines ("folder holds no ... files", "1 problem found").
    from kg.cli.app import cli

    monkeypatch.chdir(Path(__file__).parent.parent)
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.txt").write_text("not data\n")
    (empty / "sub" / ".hidden.json").write_text("{}\n")
    out = tmp_path / "out" / "o.jsonl"
    out.parent.mkdir()
    cmds = [(args, named) for args, named in _commands(str(empty), str(out))
            if args[0] != "import" or "--merge-with" in args]
    cmds = [(a, n) for a, n in cmds if a[0] != "extract" or "-d" in a]
    cmds = [(a, n) for a, n in cmds if "--judgements" not in a]
    covered = {tuple(a[:2]) if a[0] == "query" else (a[0],) for a, n in cmds if "-d" in a}
    assert covered == set(_takes_data(cli))  # every command that takes -d is tried
    for args, named in cmds:
        code, _, err = run(capsys, *args)
        assert (code, err) == (2, f"kg: error: {named}: the folder holds no data file "
                                  "(.yaml, .yml, .json, .jsonl), so no data was given; "
                                  "name a file or a folder of data files\n"), args
        assert list(out.parent.iterdir()) == [], args


def test_an_output_path_in_a_missing_folder_is_bad_usage_everywhere(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # It was exit 1, as if the data were bad; the -o argument is what is wrong.
    monkeypatch.chdir(Path(__file__).parent.parent)
    nowhere = tmp_path / "no-such-folder"
    out = nowhere / "out.jsonl"
    cmds = [["import", "ftm", str(SAMPLE), "-o", str(out)],
            ["merge", "examples", "-o", str(out)],
            ["extract", str(ARTICLE), "--date", "2021-03-23", "-o", str(out)],
            ["build", "-d", "examples", "-o", str(out.with_suffix(".kgz"))],
            ["export", "html", "-d", "examples", "-o", str(out.with_suffix(".html"))],
            ["export", "json", "-d", "examples", "-o", str(out.with_suffix(".json"))],
            ["export", "neo4j", "-d", "examples", "-o", str(nowhere / "neo4j")]]
    for args in cmds:
        code, _, err = run(capsys, *args)
        target = args[args.index("-o") + 1]
        assert (code, err.splitlines()[-1]) == (
            2, f"kg: error: {target}: folder {nowhere} does not exist"), args
        assert not nowhere.exists(), args
