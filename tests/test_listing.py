"""One rule for shortening a list of names in text ("A, B and N more"), and the actor a
query asks about always among the names shown (issue: a timeline hid the very actor)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg._listing import listed
from kg.cli.app import main
from kg.query.asof_rule import part_label


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one table row a line


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_listed_keeps_the_wanted_names_in_their_order() -> None:
    names = ["Putin", "Mishustin", "Lavrov", "Shoigu", "Peskov"]
    assert listed(names, 2) == "Putin, Mishustin and 3 more"
    assert listed(names, 2, keep=[3]) == "Putin, Shoigu and 3 more"
    assert listed(names, 2, keep=[4, 2]) == "Lavrov, Peskov and 3 more"
    assert listed(names, 2, keep=[9]) == "Putin, Mishustin and 3 more"
    assert listed(names, 4) == "Putin, Mishustin, Lavrov, Shoigu, Peskov"  # never "and 1 more"
    assert part_label(["A", "B", "C", "D", "E"], ["X", "Y", "Z"]) == "A, B, C and 2 more → X, Y, Z"


def _data(tmp_path: Path) -> Path:
    """One sanction on five Russian officials, Sergey Lavrov fourth."""
    people = ["vladimir-putin", "mikhail-mishustin", "sergei-shoigu", "sergey-lavrov",
              "dmitry-peskov"]
    recs = [{"type": "source", "id": "s1", "url": "https://example.org/1"},
            {"type": "actor", "id": "ch", "name": "Switzerland", "kind": "state"},
            {"type": "actor", "id": "ru", "name": "Russia", "kind": "state"},
            *({"type": "actor", "id": p, "name": p.replace("-", " ").title(),
               "kind": "person", "country": "ru", "part_of": "ru"} for p in people),
            {"type": "sanction", "id": "ch-2022", "imposers": ["ch"], "targets": people,
             "date": "2022-02-28", "sources": [{"source": "s1"}]},
            {"type": "statement", "id": "st1", "speakers": people[1:], "stance": "condemns",
             "date": "2022-03-01", "sources": [{"source": "s1"}]}]
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


def test_timeline_table_names_the_actor_asked_about(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    data = str(_data(tmp_path))
    code, out, _ = run(capsys, "query", "timeline", "sergey-lavrov", "-d", data)
    assert code == 0
    assert "Switzerland → Vladimir Putin, Sergey Lavrov and 3 more" in out
    assert "Mikhail Mishustin, Sergey Lavrov and 2 more: condemns" in out
    assert "+" not in out
    # JSON keeps every name: the full lists of ids, the label shortened by the same rule.
    code, out, _ = run(capsys, "query", "timeline", "sergey-lavrov", "-d", data,
                       "--format", "json")
    row = json.loads(out)[0]
    assert row["targets"] == ["vladimir-putin", "mikhail-mishustin", "sergei-shoigu",
                              "sergey-lavrov", "dmitry-peskov"]
    assert row["imposers"] == ["ch"] and row["actor"] == "sergey-lavrov"
    assert row["summary"] == "Switzerland → Vladimir Putin, Mikhail Mishustin and 3 more"
    # Through a state: its officials the row stands for come first among those shown.
    code, out, _ = run(capsys, "query", "timeline", "Russia", "-d", data, "--format", "csv")
    assert "vladimir-putin|mikhail-mishustin|sergei-shoigu|sergey-lavrov|dmitry-peskov" in out
    code, out, _ = run(capsys, "query", "timeline", "Russia", "-d", data, "--format", "json")
    assert {r["actor"] for r in json.loads(out)} == {"ru"}
    # Through a state: the people of its the row stands for are shown first.
    code, out, _ = run(capsys, "query", "timeline", "Russia", "-d", data)
    assert "Sergey Lavrov, Dmitry Peskov and 2 more: condemns" in out  # via: Peskov, Lavrov ...


def test_saved_graph_timeline_names_the_actor_too(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    saved = str(tmp_path / "g.kgz")
    assert run(capsys, "build", "-d", str(_data(tmp_path)), "-o", saved)[0] == 0
    code, out, _ = run(capsys, "query", "timeline", "Dmitry Peskov", "-d", saved)
    assert code == 0
    assert "Switzerland → Vladimir Putin, Dmitry Peskov and 3 more" in out
