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
