"""What `kg merge` reports: records only one input holds, records several inputs hold under
one id (identical, or differing and combined with every source kept: a union, not a merge),
and records merged as duplicates of records with other ids, told apart."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kg.merge import SameId, merge
from kg.model.records import Actor, Dataset, Sanction, Source


def _src(i: str) -> Source:
    return Source(id=i, url=f"https://example.org/{i}")


US = Actor(id="us", name="United States", kind="state")
CN = Actor(id="cn", name="China", kind="state")


def _sanction(sid: str, source: str, date: str = "2021-03-22") -> Sanction:
    return Sanction(id=sid, imposers=["us"], targets=["cn"], date=date,
                    sources=[{"source": source}])


def test_identical_records_under_one_id_are_no_merge() -> None:
    one = Dataset(sources=[_src("s")], actors=[US, CN], sanctions=[_sanction("x", "s")])
    result = merge([one, one.model_copy(deep=True)])
    assert result.merges == []
    assert [str(s) for s in result.same_id] == [
        "source s in inputs 1, 2: identical, kept once",
        "actor us in inputs 1, 2: identical, kept once",
        "actor cn in inputs 1, 2: identical, kept once",
        "sanction x in inputs 1, 2: identical, kept once"]
    assert result.counts() == {
        "source": {"only_in_one_input": 0, "same_id_identical": 1, "same_id_differed": 0,
                   "merged_as_duplicates": 0, "written": 1},
        "actor": {"only_in_one_input": 0, "same_id_identical": 2, "same_id_differed": 0,
                  "merged_as_duplicates": 0, "written": 2},
        "sanction": {"only_in_one_input": 0, "same_id_identical": 1, "same_id_differed": 0,
                     "merged_as_duplicates": 0, "written": 1}}


def test_differing_records_under_one_id_keep_the_sources_of_both() -> None:
    a = Dataset(sources=[_src("s1")], actors=[US, CN], sanctions=[_sanction("x", "s1")])
    b = Dataset(sources=[_src("s2")], actors=[US, CN.model_copy(update={"aliases": ["PRC"]})],
                sanctions=[_sanction("x", "s2")])
    result = merge([a, b])
    assert result.merges == []
    assert result.same_id == [
        SameId("actor", "us", (1, 2), (), ()),
        SameId("actor", "cn", (1, 2), ("aliases",), ()),
        SameId("sanction", "x", (1, 2), ("sources",), ("s1", "s2"))]
    [x] = result.dataset.sanctions
    assert [c.source for c in x.sources] == ["s1", "s2"]  # provenance of both inputs
    assert result.dataset.actor("cn").aliases == ["PRC"]
    assert str(result.same_id[2]) == ("sanction x in inputs 1, 2: content differed (sources), "
                                      "combined; sources kept: s1, s2")
    assert result.same_id[2].to_dict() == {"kind": "sanction", "id": "x", "inputs": [1, 2],
                                           "differed": ["sources"], "sources": ["s1", "s2"],
                                           "conflicts": []}
    counts = result.counts()
    assert counts["sanction"] == {"only_in_one_input": 0, "same_id_identical": 0,
                                  "same_id_differed": 1, "merged_as_duplicates": 0,
                                  "written": 1}
    assert counts["source"]["only_in_one_input"] == 2


def test_same_id_union_and_duplicates_merged_are_counted_apart() -> None:
    # Input 1 and 3 hold sanction "x" (same id); input 2 reports the same event as "y"
    # (another id: a duplicate, merged); "z" (2020) is only in input 3.
    a = Dataset(sources=[_src("s1")], actors=[US, CN], sanctions=[_sanction("x", "s1")])
    b = Dataset(sources=[_src("s2")], actors=[US, CN],
                sanctions=[_sanction("y", "s2", "2021-03-23")])
    c = Dataset(sources=[_src("s1"), _src("s3")], actors=[US, CN],
                sanctions=[_sanction("x", "s1"), _sanction("z", "s3", "2020-01-01")])
    result = merge([a, b, c])
    assert [str(m) for m in result.merges] == ["sanction x <- y (same event)"]
    assert [(s.kind, s.id, s.inputs, s.differed) for s in result.same_id] == [
        ("source", "s1", (1, 3), ()), ("actor", "us", (1, 2, 3), ()),
        ("actor", "cn", (1, 2, 3), ()), ("sanction", "x", (1, 3), ())]
    assert result.counts()["sanction"] == {"only_in_one_input": 2, "same_id_identical": 1,
                                           "same_id_differed": 0, "merged_as_duplicates": 1,
                                           "written": 2}
    x = next(s for s in result.dataset.sanctions if s.id == "x")
    assert [c.source for c in x.sources] == ["s1", "s2"]


def kg(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


def _write(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_kg_merge_report_tells_the_three_apart(tmp_path: Path) -> None:
    us = {"type": "actor", "id": "us", "name": "United States", "kind": "state"}
    cn = {"type": "actor", "id": "cn", "name": "China", "kind": "state"}
    src = [{"type": "source", "id": f"s{i}", "url": f"https://example.org/{i}"}
           for i in (1, 2)]
    a = _write(tmp_path / "a.jsonl", src[0], us, cn,
               {"type": "actor", "id": "p1", "name": "Li Wei", "kind": "person",
                "identifiers": {"passport": "E1234"}},
               {"type": "sanction", "id": "x", "imposers": ["us"], "targets": ["cn"],
                "date": "2021-03-22", "sources": [{"source": "s1"}]})
    b = _write(tmp_path / "b.jsonl", src[1], us, {**cn, "aliases": ["PRC"]},
               {"type": "actor", "id": "p2", "name": "LI, Wei", "kind": "person",
                "identifiers": {"passport": "E1234"}},
               {"type": "sanction", "id": "x", "imposers": ["us"], "targets": ["cn"],
                "date": "2021-03-22", "sources": [{"source": "s2"}]})
    r = kg("merge", "a.jsonl", "b.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stderr.splitlines() == [
        "merged actor p1 <- p2 (identifier passport E1234)",
        "same id: actor cn in a.jsonl, b.jsonl: content differed (aliases), combined",
        "same id: sanction x in a.jsonl, b.jsonl: content differed (sources), combined; "
        "sources kept: s1, s2",
        "wrote out.jsonl: 2 sources, 3 actors, 1 sanction, 0 statements",
        "  only in one input: 4 (2 sources, 2 actors)",
        "  same id in several inputs (one record each, not a merge): 1 actor identical, "
        "kept once; 2 (1 actor, 1 sanction) differing, combined with every source kept",
        "  merged as duplicates of records with other ids: 1 actor",
        "  possible duplicates left apart: 0"]
    r = kg("merge", a, b, "-o", tmp_path / "out.jsonl", "--format", "json")
    report = json.loads(r.stdout)
    assert report["counts"]["actor"] == {"only_in_one_input": 2, "same_id_identical": 1,
                                         "same_id_differed": 1, "merged_as_duplicates": 1,
                                         "written": 3}
    assert [m["merged"] for m in report["merges"]] == [["p2"]]
    assert report["same_id"][-1] == {"kind": "sanction", "id": "x", "inputs": [1, 2],
                                     "differed": ["sources"], "sources": ["s1", "s2"],
                                     "conflicts": []}
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    [x] = [o for o in out if o.get("id") == "x"]
    assert [c["source"] for c in x["sources"]] == ["s1", "s2"]
    # kg query merges: the merge, and the ids whose records differed (one record each).
    r = kg("query", "merges", "-d", a, "-d", b, "--format", "json")
    assert json.loads(r.stdout) == [
        {"kind": "actor", "into": "p1", "merged": ["p2"],
         "rule": "identifier passport E1234", "conflicts": []},
        {"kind": "actor", "into": "cn", "merged": [],
         "rule": "same id: content differed (aliases), combined", "conflicts": []},
        {"kind": "sanction", "into": "x", "merged": [],
         "rule": "same id: content differed (sources), combined", "conflicts": []}]


def test_each_line_of_the_merge_reports_names_an_id_once(tmp_path: Path) -> None:
    # Two people of one name born years apart, and a third of that name who could be
    # either: every id is named once on its possible-duplicate line (it was listed before
    # the name and again in each pair's reason), and a same-id row of kg query merges
    # names its id once (it was "cn <- cn").
    people = [{"type": "actor", "id": f"p{i}", "name": "Salim Nasser", "kind": "person",
               **({"birth_dates": [born]} if born else {})}
              for i, born in ((1, "1965"), (2, "1988"), (3, None))]
    people[2]["birth_dates"] = ["1965", "1988"]  # overlaps both: evidence for each
    cn = {"type": "actor", "id": "cn", "name": "China", "kind": "state"}
    a = _write(tmp_path / "a.jsonl", cn, people[0], people[1])
    b = _write(tmp_path / "b.jsonl", {**cn, "aliases": ["PRC"]}, people[2])
    r = kg("merge", a, b, "-o", tmp_path / "out.jsonl")
    assert r.returncode == 0, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.startswith("possible")]
    assert lines == ["possible duplicate, not merged: Salim Nasser: p1 / p2: birth dates "
                     "differ (1965 / 1988); p3: the same name as records that cannot be one"]
    for line in lines:
        assert all(line.count(f"p{i}") == 1 for i in (1, 2, 3)), line
    r = kg("query", "merges", "-d", a, "-d", b)
    [row] = [line for line in r.stdout.splitlines() if line.startswith("actor")]
    assert row.split()[:2] == ["actor", "cn"] and row.count("cn") == 1, row
