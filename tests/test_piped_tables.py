"""Tables written to a pipe or a file (``kg query ... | less``, ``> file.txt``) keep every
name whole on one line; on a terminal they fit it; ``--width N`` and ``$COLUMNS`` choose."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli.app import main
from kg.output.table import column_widths, fits_whole, format_table

LONG = "32 individuals and entities designated for election interference"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    assert exc.value.code == 0, err
    return out


def rows_of(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    """The table's rows as the JSON counts them: one per sanction, imposer, via, target."""
    data = json.loads(run(capsys, *args, "--format", "json", "--width", "80"))
    return list({(r["sanction"], r["imposer"], r["via"], r["target"]): r
                 for r in data}.values())


@pytest.fixture
def piped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard output is not a terminal (pytest's capture) and no $COLUMNS is set."""
    monkeypatch.delenv("COLUMNS", raising=False)


def test_piped_table_has_one_line_per_row_and_whole_names(
        piped: None, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "query", "who-sanctioned", "Russia")
    lines = out.splitlines()
    rows = rows_of(capsys, "query", "who-sanctioned", "Russia")
    assert len(rows) == 106
    assert len(lines) == 2 + len(rows)  # header, rule, one line a row: nothing wrapped
    assert max(len(line) for line in lines) > 80
    assert any(LONG in line for line in lines)
    assert "…" not in out
    # every name of the answer is on a line of its own row, whole
    for r in rows:
        assert any(str(r["target_name"]) in line and str(r["imposer_name"]) in line
                   for line in lines[2:]), r


def test_piped_output_of_a_real_pipe(tmp_path: Path) -> None:
    """The console script writing to a pipe (subprocess), as ``| less`` would read it."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    done = subprocess.run([sys.executable, "-m", "kg", "query", "who-sanctioned", "Russia"],
                          capture_output=True, text=True, env=env, check=True)
    lines = done.stdout.splitlines()
    assert len(lines) == 108
    assert lines[0].split() == ["imposer", "target", "reason", "status", "date"]
    assert any(line.startswith("United States") and LONG in line for line in lines)


def test_width_option_and_columns(piped: None, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out = run(capsys, "query", "who-sanctioned", "Russia", "--width", "60")
    assert max(len(line) for line in out.splitlines()) <= 60
    assert LONG not in out and "32" in out  # wrapped between words
    monkeypatch.setenv("COLUMNS", "70")
    out = run(capsys, "query", "who-sanctioned", "Russia")
    assert max(len(line) for line in out.splitlines()) <= 70
    out = run(capsys, "query", "who-sanctioned", "Russia", "--width", "0")  # beats $COLUMNS
    assert len(out.splitlines()) == 108 and LONG in out


def test_terminal_keeps_fitting(piped: None, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal of 80 columns the table fits it, as before."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr("kg.cli.app.terminal_width", lambda: 80)
    out = run(capsys, "query", "who-sanctioned", "Russia")
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80 and len(lines) > 108
    assert LONG not in out


def test_piped_search_and_demo_are_whole(piped: None, capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    out = run(capsys, "search", "Beijing", "--limit", "1")
    head, _, row = out.splitlines()
    assert head.split()[:5] == ["score", "id", "name", "kind", "country"]  # all 8 columns
    assert row.split()[:5] == ["1.00", "cn", "China", "state", "cn"]
    assert row.endswith('seat of government "Beijing"  exact')
    out = run(capsys, "demo", "-o", str(tmp_path / "s.html"))
    table = out.split("Who sanctioned whom:\n")[1].split("\n\nWrote")[0].splitlines()
    assert any("Ten Russian and Crimean officials listed by Canada" in line for line in table)
    out = run(capsys, "demo", "-o", str(tmp_path / "s.html"), "--width", "80")
    table = out.split("Who sanctioned whom:\n")[1].split("\n\nWrote")[0].splitlines()
    assert max(len(line) for line in table) <= 80


def test_library_width_zero_means_no_limit() -> None:
    rows = [{"a": "one two three four five six", "b": "x"}]
    assert column_widths(["a", "b"], [["one two three four five six", "x"]], 0) == [27, 1]
    assert format_table(rows, ["a", "b"], width=0).splitlines()[2] == \
        "one two three four five six  x"
    assert format_table(rows, ["a", "b"], width=12).splitlines()[2:4] == ["one two    x",
                                                                          "three"]
    assert fits_whole(rows, ["a", "b"], width=0)
    assert not fits_whole(rows, ["a", "b"], width=7)  # "three", the gap and "x": 8
