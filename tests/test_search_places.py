"""`kg search` finds a state by the place names news uses for it (a capital or seat of
government, a demonym, another country name: the resolver's tables, which the news
extractor reads too) and says so in "matched"; its "sanctioned by" column is shortened by
the one listing rule and never cuts a name in the middle."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.cli.app import main
from kg.graph.build import build
from kg.graph.index import search_actors
from kg.graph.store import write_graph
from kg.query import cold
from kg.readwrite.load import load


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


@pytest.mark.parametrize(("query", "state", "matched_as"), [
    ("Beijing", "cn", "seat of government"),
    ("the Kremlin", "ru", "seat of government"),
    ("Washington", "us", "seat of government"),
    ("Chinese", "cn", "demonym"),
])
def test_a_place_name_finds_its_state(capsys: pytest.CaptureFixture[str], query: str,
                                      state: str, matched_as: str) -> None:
    code, out, _ = run(capsys, "search", query, "--format", "json")
    assert code == 0
    first = json.loads(out)[0]
    assert (first["id"], first["score"], first["matched"], first["matched_as"],
            first["how"]) == (state, 1.0, query, matched_as, "exact")


def test_the_table_says_why(capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "search", "Beijing")
    assert code == 0
    row = out.splitlines()[2]
    assert row.split()[:3] == ["1.00", "cn", "China"]
    assert 'seat of government "Beijing"' in row


def test_own_names_and_filters_unchanged() -> None:
    G = build(load())
    # The state's own name matched: its row says "name", no place.
    [ru] = [r for r in search_actors(G, "Russia") if r.id == "ru"]
    assert (ru.matched, ru.matched_as) == ("Russia", None)
    # A filter the state does not pass leaves it out.
    assert "cn" not in {r.id for r in search_actors(G, "Beijing", kind="person")}
    assert "cn" not in {r.id for r in search_actors(G, "Beijing", country="ru")}
    # A place whose state the data does not hold (Pyongyang: kp): nothing invented.
    assert "kp" not in {r.id for r in search_actors(G, "Pyongyang")}
    assert all(r.matched_as is None for r in search_actors(G, "Pyongyang"))


def test_cold_search_finds_places_too(tmp_path: Path) -> None:
    G = build(load())
    kgz = write_graph(G, tmp_path / "g.kgz")
    index = cold.open_cold(kgz)
    assert index is not None
    with index:
        for name in ("Beijing", "Kremlin", "Chinese", "Russian Federation"):
            assert cold.search(index, name) == search_actors(G, name), name
        assert cold.search(index, "Beijing")[0].matched_as == "seat of government"


def test_sanctioned_by_is_listed_and_whole_at_80_columns(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "search", "Russia", "--limit", "1")
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    start = lines[0].index("sanctioned")
    end = lines[0].index("matched")
    cell = " ".join(line[start:end].strip() for line in lines[2:])
    # Russia has six imposers of its own in the bundled data: three named and "and 3
    # more"; then the two whose sanctions reach it only through its officials, and whom.
    assert re.fullmatch(r"[A-Z][\w ]+, [A-Z][\w ]+, [A-Z][\w ]+ and 3 more; "
                        r"Canada, United Kingdom via [A-Z][\w ]+, [A-Z][\w ]+ and \d+ more",
                        cell), cell
    assert "…" not in out.split("matched")[0] and "…" not in cell
    assert "Switzerland," in out
