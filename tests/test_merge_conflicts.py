"""When records combined into one disagree on a single value, the merge report says which
value was kept, which were dropped, and the record and file each came from (nothing is
dropped silently); lists, aliases, identifiers and sources are unioned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli.app import main
from kg.merge import merge
from kg.model.records import Actor, Dataset, Source
from kg.resolve.combine import Conflict, Held

A = """\
sources: [{id: list-a, url: "https://example.org/a"}]
actors:
  - {id: us, name: United States, kind: state}
  - id: vesk
    name: Orlan Vesk
    kind: person
    country: kp
    position: Trade envoy
    identifiers: {passport: "P1"}
    sources: [{source: list-a}]
  - id: ship
    name: Calm Horizon
    kind: vessel
    country: kp
    identifiers: {imo: "9000001"}
    description: Tanker, 2004
    sources: [{source: list-a}]
sanctions:
  - {id: s1, imposers: [us], targets: [vesk], date: 2021-03-22, sources: [{source: list-a}]}
"""

B = """\
sources: [{id: list-b, url: "https://example.org/b"}]
actors:
  - {id: us, name: United States, kind: state}
  - id: vesk
    name: Orlan Vesk
    kind: person
    country: ru
    position: Trade envoy
    aliases: [O. Vesk]
    sources: [{source: list-b}]
  - id: b-ship
    name: CALM HORIZON
    kind: vessel
    country: pa
    identifiers: {imo: "9000001"}
    sources: [{source: list-b}]
sanctions:
  - {id: t1, imposers: [us], targets: [vesk], date: 2021-03-24, sources: [{source: list-b}]}
"""

C = """\
sources: [{id: list-c, url: "https://example.org/c"}]
actors:
  - {id: vesk, name: Orlan Vesk, kind: person, country: by, sources: [{source: list-c}]}
"""


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    out = []
    for name, text in (("a.yaml", A), ("b.yaml", B), ("c.yaml", C)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        out.append(str(tmp_path / name))
    return out


def test_same_id_says_kept_and_dropped_values(files: list[str]) -> None:
    from kg.readwrite.load import load

    result = merge([load(f) for f in files])
    vesk = next(s for s in result.same_id if s.id == "vesk")
    assert vesk.conflicts == (Conflict("country", Held("kp", "vesk", 1),
                                       (Held("ru", "vesk", 2), Held("by", "vesk", 3))),)
    assert vesk.conflicts[0].text(files) == (
        f"country: kept 'kp' ({files[0]}), dropped 'ru' ({files[1]}), 'by' ({files[2]})")
    written = next(a for a in result.dataset.actors if a.id == "vesk")
    assert written.country == "kp" and written.aliases == ["O. Vesk"]
    assert [c.source for c in written.sources] == ["list-a", "list-b", "list-c"]
    assert vesk.to_dict()["conflicts"] == [{
        "field": "country", "kept": {"value": "kp", "record": "vesk", "input": 1},
        "dropped": [{"value": "ru", "record": "vesk", "input": 2},
                    {"value": "by", "record": "vesk", "input": 3}]}]


def test_merge_of_two_ids_says_kept_and_dropped(files: list[str]) -> None:
    from kg.readwrite.load import load

    result = merge([load(f) for f in files[:2]])
    ship = next(m for m in result.merges if m.into == "ship")
    assert ship.rule == "identifier imo 9000001"
    assert [c.text(files) for c in ship.conflicts] == [
        f"country: kept 'kp' (ship in {files[0]}), dropped 'pa' (b-ship in {files[1]})"]
    event = next(m for m in result.merges if m.kind == "sanction")
    assert (event.into, event.merged, event.rule) == ("s1", ("t1",), "same event")
    assert [str(c) for c in event.conflicts] == [
        "date: kept '2021-03-22' (s1 in input 1), dropped '2021-03-24' (t1 in input 2)"]
    # A value only the other record has is taken, not a conflict (description: a's).
    assert [c.field for c in ship.conflicts] == ["country"]


def test_kg_merge_text_and_json_reports(files: list[str], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.jsonl"
    with pytest.raises(SystemExit) as exc:
        main(["merge", *files, "-o", str(out)])
    _, err = capsys.readouterr()
    assert exc.value.code == 0, err
    lines = err.splitlines()
    i = lines.index("merged actor ship <- b-ship (identifier imo 9000001)")
    assert lines[i + 1] == (f"  country: kept 'kp' (ship in {files[0]}), dropped 'pa' "
                            f"(b-ship in {files[1]})")
    i = lines.index("merged sanction s1 <- t1 (same event)")
    assert lines[i + 1] == (f"  date: kept '2021-03-22' (s1 in {files[0]}), dropped "
                            f"'2021-03-24' (t1 in {files[1]})")
    i = next(n for n, line in enumerate(lines) if line.startswith("same id: actor vesk in "))
    assert lines[i + 1] == (f"  country: kept 'kp' ({files[0]}), dropped 'ru' ({files[1]}), "
                            f"'by' ({files[2]})")
    with pytest.raises(SystemExit):
        main(["merge", *files, "-o", str(out), "--format", "json"])
    report = json.loads(capsys.readouterr()[0])
    same = next(s for s in report["same_id"] if s["id"] == "vesk")
    assert same["conflicts"][0]["dropped"][1] == {"value": "by", "record": "vesk", "input": 3}
    ship = next(m for m in report["merges"] if m["into"] == "ship")
    assert ship["conflicts"] == [{"field": "country",
                                  "kept": {"value": "kp", "record": "ship", "input": 1},
                                  "dropped": [{"value": "pa", "record": "b-ship",
                                               "input": 2}]}]


def test_import_merge_with_lists_dropped_values(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("actors:\n  - {id: ofac-9001, name: 'VESK, Orlan', kind: person, "
                    "country: ru}\n", encoding="utf-8")
    sdn = Path(__file__).parent / "ingest" / "fixtures" / "sdn.csv"
    report = tmp_path / "r.json"
    with pytest.raises(SystemExit):
        main(["import", "ofac", str(sdn), "-o", str(tmp_path / "o.yaml"), "--merge-with",
              str(mine), "--report", str(report)])
    err = capsys.readouterr()[1]
    assert (f"    {sdn} [actor ofac-9001] [country]: values differ: kept 'ru' ({mine}), "
            f"dropped 'kp' ({sdn})") in err.splitlines()
    changed = json.loads(report.read_text(encoding="utf-8"))["changed"]
    assert {"file": str(sdn), "line": None, "record": "actor ofac-9001", "field": "country",
            "message": f"values differ: kept 'ru' ({mine}), dropped 'kp' ({sdn})"} in changed


def test_lists_lose_nothing_and_report_nothing() -> None:
    src = [Source(id="s", url="https://example.org")]
    a = Actor(id="x", name="X", kind="person", aliases=["A"], birth_dates=["1960"])
    b = Actor(id="x", name="X", kind="person", aliases=["B"], birth_dates=["1961"])
    result = merge([Dataset(sources=src, actors=[a]), Dataset(sources=src, actors=[b])])
    (same,) = [s for s in result.same_id if s.kind == "actor"]
    assert same.differed == ("aliases", "birth_dates") and same.conflicts == ()
    assert result.dataset.actors[0].birth_dates == ["1960", "1961"]
    assert result.dataset.actors[0].aliases == ["A", "B"]


def test_query_merges_shows_the_values(files: list[str],
                                       capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    args = ["query", "merges", "-d", files[0], "-d", files[1]]
    with pytest.raises(SystemExit):
        main(args)
    lines = capsys.readouterr()[0].splitlines()
    assert lines[0].split() == ["kind", "into", "merged", "rule", "values"]
    assert lines[2].split("  ")[0] == "actor" and lines[2].endswith(
        f"country: kept 'kp' (ship in {files[0]}), dropped 'pa' (b-ship in {files[1]})")
    with pytest.raises(SystemExit):
        main([*args, "--format", "csv"])
    csv_lines = capsys.readouterr()[0].splitlines()
    assert csv_lines[0] == "kind,into,merged,rule,conflicts"
    assert csv_lines[2] == (f"sanction,s1,t1,same event,\"date: kept '2021-03-22' (s1 in "
                            f"{files[0]}), dropped '2021-03-24' (t1 in {files[1]})\"")
    with pytest.raises(SystemExit):
        main([*args, "--format", "json"])
    rows = json.loads(capsys.readouterr()[0])
    assert rows[1]["conflicts"][0]["kept"] == {"value": "2021-03-22", "record": "s1",
                                               "input": 1}


def test_extract_of_several_articles_says_which_date_it_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "2021-04-15-a.txt").write_text("The United States imposed sanctions on Russia over "
                                           "election interference, the Treasury said.\n")
    (arts / "2021-04-16-b.txt").write_text("The United States imposed sanctions on Russia over "
                                           "election interference, officials said.\n")
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(arts), "-o", str(tmp_path / "d.yaml")])
    err = capsys.readouterr()[1]
    assert exc.value.code == 0
    assert err.splitlines()[0] == (
        "note: sanction 2021-04-15-a-sanction-1 (one event in several articles): date: kept "
        "'2021-04-15' (2021-04-15-a-sanction-1 in 2021-04-15-a), dropped '2021-04-16' "
        "(2021-04-16-b-sanction-1 in 2021-04-16-b)")
