"""The CSV importers (uk, csl, OFAC's legacy CSV, targets.simple.csv) write a record the
model could not change straight to its line (kg/ingest/sure_lines.py, and the importers'
own fast paths). That must change nothing: the output bytes and the import report are
compared with every record going through the model (``FAST = False``), on the fixtures,
on the benchmark's generated files and on the fixtures' rows mutated with hostile values
(white space the model strips, control characters, long ids and names, bad and reversed
dates, weak aliases that are also names, repeated ids, bytes that are not UTF-8); and the
shortcut must be taken for nearly every record of a clean file.
"""

from __future__ import annotations

import csv
import io
import random
import sys
from pathlib import Path
from typing import Any

import pytest

import kg.ingest.sure_lines as sure_lines
from kg.ingest import write_import
from kg.ingest.written import Line

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = "2025-06-01"

#: Values a list may hold that the model cleans, refuses or reads specially.
HOSTILE = ["", " ", "  padded  ", "x\u00a0", "\u2003lead", "tail\u2028", "a\x01b", "\x7f",
           "x" * 230, "1" * 230, "31/02/2020", "00/05/1970", "05/00/1970", "2020-13-01",
           "1999-01-01", "2030-01-01", "2001", "Low", "low", "Good", "Primary name", "AKA",
           "Individual", "Entity", "Ship", "vessel", "-0-", "a.k.a. 'ANON'", "Korea, North",
           "Russia", "(1) Russia (2) Ukraine", "Narnia", "Q42", "NK-123", ";;", "a; b; a",
           '"quoted"', "ñandú", "İstanbul", "K\u212a", "tab\there", "line\nbreak",
           "12345", "abc", "Q0", "us", "GB", "ANONYMOUS FRONT LLC 5", "Passport, 12; IMO, 9",
           "Russia/Ukraine territorial integrity - 2022-02-25", "SDGT] [IRAN", "\ufffd"]


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _mutated(rows: list[list[str]], rng: random.Random, copies: int,
             id_col: int | None) -> list[list[str]]:
    """``rows`` repeated ``copies`` times (new ids in ``id_col``, some ids repeated), a
    few cells of each copy replaced by hostile values."""
    out = []
    for i in range(copies):
        for row in rows:
            row = list(row)
            if id_col is not None and rng.random() > 0.1:
                row[id_col] = f"{row[id_col]}{i}" if row[id_col] else row[id_col]
            for _ in range(rng.choice((0, 1, 1, 2, 3))):
                row[rng.randrange(len(row))] = rng.choice(HOSTILE)
            out.append(row)
    return out


def _write(path: Path, head: list[list[str]], rows: list[list[str]],
           encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, errors="replace", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows([*head, *rows])
    return path


def hostile_files(tmp: Path, kind: str, seed: int) -> list[Path]:
    """The fixture of ``kind`` with its rows mutated (see the module docstring)."""
    rng = random.Random(seed)
    if kind == "uk":
        raw = (FIXTURES / "ConList.csv").read_bytes().decode("cp1252")
        rows = _rows(raw)
        return [_write(tmp / "ConList.csv", rows[:2], _mutated(rows[2:], rng, 6, -1),
                       "cp1252" if seed % 2 else "utf-8")]
    if kind == "csl":
        rows = _rows((FIXTURES / "consolidated.csv").read_text(encoding="utf-8"))
        return [_write(tmp / "consolidated.csv", rows[:1], _mutated(rows[1:], rng, 6, 0))]
    if kind == "ftm":
        rows = _rows((FIXTURES / "targets.simple.csv").read_text(encoding="utf-8"))
        return [_write(tmp / "targets.simple.csv", rows[:1], _mutated(rows[1:], rng, 6, 0))]
    out = []
    for name in ("sdn.csv", "alt.csv", "add.csv"):
        rows = _rows((FIXTURES / name).read_bytes().decode("cp1252").replace("\x1a", ""))
        out.append(_write(tmp / name, [], _mutated([r for r in rows if r], rng, 4, 0),
                          "cp1252"))
    return out


def _made_is_sure(m: pytest.MonkeyPatch) -> None:
    """Make every ``made_*`` check that passes fields also check them in full: what an
    importer says it made itself must pass the whole rules (``sure_*``)."""
    for kind in ("actor", "sanction"):
        made, sure = getattr(sure_lines, f"made_{kind}"), getattr(sure_lines, f"sure_{kind}")

        def checked(f: dict[str, Any], _made: Any = made, _sure: Any = sure) -> bool:
            ok = _made(f)
            assert not ok or _sure(f), f
            return bool(ok)
        m.setattr(sure_lines, f"made_{kind}", checked)


def _both(kind: str, paths: list[Path], tmp: Path,
          monkeypatch: pytest.MonkeyPatch) -> bytes:
    """Import ``paths`` with the shortcut and without it: the same bytes and report."""
    got = []
    for fast in (True, False):
        out = tmp / f"out-{fast}.jsonl"
        with monkeypatch.context() as m:
            _made_is_sure(m)
            m.setattr(sure_lines, "FAST", fast)
            report = write_import(kind, paths, out, today=TODAY)
        got.append((out.read_bytes() if out.exists() else None, report.to_dict(),
                    report.summary()))
        out.unlink(missing_ok=True)
    assert got[0] == got[1]
    return got[0][0] or b""


FIXTURE_CASES = [("uk", ["ConList.csv"]), ("uk", ["UK_Sanctions_List.csv"]),
                 ("csl", ["consolidated.csv"]), ("ofac", ["sdn.csv", "alt.csv", "add.csv"]),
                 ("ofac", ["sdn.csv"]), ("ftm", ["targets.simple.csv"])]


@pytest.mark.parametrize(("kind", "names"), FIXTURE_CASES)
def test_fixtures_same_both_ways(kind: str, names: list[str], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert _both(kind, [FIXTURES / n for n in names], tmp_path, monkeypatch)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("kind", ["uk", "csl", "ofac", "ftm"])
def test_hostile_rows_same_both_ways(kind: str, seed: int, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _both(kind, hostile_files(tmp_path, kind, seed), tmp_path, monkeypatch)


def _bench(label: str, tmp: Path, n: int) -> list[Path]:
    sys.path.insert(0, str(Path(__file__).parents[2]))
    from benchmarks.ingest_official import CASES

    _, name, make, _ = CASES[label]
    path = tmp / name
    return make(path, n) or [path]


@pytest.mark.parametrize(("label", "kind"), [("uk", "uk"), ("csl", "csl"),
                                             ("ofac-csv", "ofac"), ("ftm-simple", "ftm")])
def test_benchmark_files_same_both_ways_and_fast(label: str, kind: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The benchmark's files: the same both ways, and nearly every actor and sanction
    written by the shortcut (else the comparisons prove nothing)."""
    paths = _bench(label, tmp_path, 300)
    out = _both(kind, paths, tmp_path, monkeypatch)
    made: dict[str, int] = {"lines": 0, "records": 0}
    for name in ("actor_out", "sanction_out"):
        fn = getattr(sure_lines, name)

        def counted(*args: Any, _fn: Any = fn, **kw: Any) -> Any:
            got = _fn(*args, **kw)
            made["lines" if type(got) is Line else "records"] += 1
            return got
        for module in ("uk", "csl", "ofac", "ftm_simple"):
            mod = sys.modules[f"kg.ingest.{module}"]
            if hasattr(mod, name):
                monkeypatch.setattr(mod, name, counted)
    write_import(kind, paths, tmp_path / "counted.jsonl", today=TODAY)
    assert made["lines"] >= 0.9 * out.count(b'"type":"actor"'), made
