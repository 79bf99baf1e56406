"""`kg search` as a table: the "matched" column always says what matched (the name, an
alias, a weak alias), never a blank cell; JSON keeps the matched text itself."""

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


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", "200")
    recs = [{"type": "actor", "id": "ivan", "name": "Ivan Petrov", "kind": "person",
             "aliases": ["Vanya Petrov"], "weak_aliases": ["The Accountant"]}]
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("name", "matched", "how"), [
    ("Ivan Petrov", "name", "exact"),
    ("Иван Петров", "name", "transliterated"),
    ("Vanya Petrov", 'alias "Vanya Petrov"', "exact"),
    ("The Accountant", 'weak alias "The Accountant"', "exact")])
def test_matched_column_is_filled(capsys: pytest.CaptureFixture[str], data: str, name: str,
                                  matched: str, how: str) -> None:
    code, out, _ = run(capsys, "search", name, "-d", data)
    assert code == 0
    header, _, row = out.splitlines()[:3]
    cells = [c.strip() for c in row.split("  ") if c.strip()]
    assert header.split() == ["score", "id", "name", "kind", "country", "sanctioned", "by",
                              "matched", "how"]
    assert cells[-2:] == [matched, how]


def test_json_keeps_the_matched_text(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, out, _ = run(capsys, "search", "Vanya Petrov", "-d", data, "--format", "json")
    assert code == 0
    [row] = json.loads(out)
    assert (row["matched"], row["how"], row["weak"]) == ("Vanya Petrov", "exact", False)


def test_a_respelled_name_is_taken_with_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    """"Rusia" is Russia spelled another way (the same spelling key, the whole name, far
    ahead of the next): taken, saying so on stderr. A typo by edit distance ("Chna") or one
    word that is only part of a name still is not."""
    code, out, err = run(capsys, "query", "who-sanctioned", "Rusia", "--format", "json")
    assert code == 0 and {r["target"] for r in json.loads(out)} >= {"ru"}
    assert err == ("kg: note: 'Rusia' taken as Russia (ru): the same name as 'Russia' spelled "
                   "another way (a typo or another romanisation), score 0.95; the next best, "
                   "'Central Bank of the Russian Federation', scores 0.81\n")
    code, _, err = run(capsys, "query", "who-sanctioned", "Chna")
    assert code == 2 and "no actor is called 'Chna'; did you mean 'China'" in err


def test_decide_takes_only_a_whole_respelled_name() -> None:
    from kg.resolve.choose import decide
    from kg.resolve.match import ActorNames, NameIndex

    idx = NameIndex([ActorNames("ru", "Russia", kind="state"),
                     ActorNames("d", "DERIPASKA, Oleg Vladimirovich", kind="person")])
    assert decide(idx.search("Rusia")).chose.id == "ru"  # type: ignore[union-attr]
    part = decide(idx.search("Deripasca"))
    assert part.chose is None and part.why == "one inexact word is too little to go on"
    # Two names spelled alike: neither is taken.
    two = NameIndex([ActorNames("a", "Rusia", kind="organization"),
                     ActorNames("b", "Russia", kind="state")])
    d = decide(two.search("Russsia"))
    assert d.chose is None and d.why.startswith("several names come close")


def test_at_80_columns_ids_and_words_stay_whole(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # Eight columns at 80: ids were cut at their hyphens ("ofac-" / "90017"), names and
    # kinds one word a line. When every word cannot fit whole, the table shows six
    # columns (country beside kind, how beside matched); an id is never broken.
    recs = [{"type": "source", "id": "s1", "url": "https://example.org/1"},
            {"type": "actor", "id": "us", "name": "United States", "kind": "state"},
            {"type": "actor", "id": "ftm-nk-2abcd3ef", "name": "Petrovsky Shipping "
             "and Trading Company", "kind": "organization", "country": "ru",
             "aliases": ["Petrovsky Shipping Company of the Northern Seas"]},
            {"type": "actor", "id": "ofac-90017", "name": "Ivan Petrovsky", "kind": "person",
             "country": "ru"},
            {"type": "sanction", "id": "x1", "imposers": ["us"], "targets": ["ofac-90017"],
             "sources": [{"source": "s1"}]}]
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "search", "Petrovsky", "-d", str(path))
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].split()[:4] == ["score", "id", "name", "kind"]
    assert "(country)" in lines[0] + lines[1] and "(how)" in lines[0] + lines[1]
    ids = [line.split()[1] for line in lines[3:] if line[:4].replace(".", "").isdigit()]
    assert sorted(ids) == ["ftm-nk-2abcd3ef", "ofac-90017"]
    assert "…" not in out  # no word cut
    assert "person (ru)" in out and "United States" in out and " organization " in out
    assert out.count("(partial)") == 2
    monkeypatch.setenv("COLUMNS", "200")  # wide enough: the eight columns, as before
    code, out, _ = run(capsys, "search", "Petrovsky", "-d", str(path))
    assert out.splitlines()[0].split() == ["score", "id", "name", "kind", "country",
                                           "sanctioned", "by", "matched", "how"]
