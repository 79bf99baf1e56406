"""--as-of and kg search on a saved graph's tables (kg/query/cold.py, cold_names.py) give the
answers of the whole graph: the same rows, split ids, undated counts and ranked candidates,
on generated data with lifts (some splitting a sanction), undated records and threats."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import scale_data as data  # tests/ is on the path (pyproject: pythonpath)

import kg.graph.store
from kg import query as q
from kg.cli.app import main
from kg.graph.build import build
from kg.graph.index import index_of, search_actors
from kg.graph.store import read_names, write_graph
from kg.query import cold
from kg.readwrite.load import load
from kg.resolve import match

DAYS = ["2012-06-30", "2016", "2019-03", "2024-12-31"]


def _with_lifts(path: Path, n: int) -> Path:
    """Generated records, then: lifts by one imposer of a sanction for one of its targets
    (a later date: the sanction splits when it had several imposers), undated sanctions
    (in force by status, lifts and threats) and undated statements."""
    records = [json.loads(line) for line in data.generated(path, n).read_text().splitlines()]
    rng = random.Random(7)
    extra: list[dict[str, Any]] = []
    for r in records:
        if r["type"] == "sanction" and r.get("status") in ("imposed", "extended") \
                and rng.random() < 0.25:
            imp, tgt = rng.choice(r["imposers"]), rng.choice(r["targets"])
            year = int(r["date"][:4]) + rng.randint(0, 6)
            extra.append({"type": "sanction", "id": f"lift-{r['id']}", "status": "lifted",
                          "imposers": [imp], "targets": [tgt], "reasons": [],
                          "date": f"{year}" if rng.random() < 0.3 else f"{year}-05-01",
                          "sources": r["sources"]})
        elif r["type"] in ("sanction", "statement") and rng.random() < 0.05:
            del r["date"]
    return data.write_jsonl(path, records + extra)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> tuple[nx.MultiDiGraph, Path]:
    folder = tmp_path_factory.mktemp("asof")
    G = build(load(_with_lifts(folder / "g.jsonl", 3000)))
    return G, write_graph(G, folder / "g.kgz")


def _sample(G: nx.MultiDiGraph) -> list[str]:
    idx = index_of(G)
    actors = [a for a, d in idx.actors.items() if d["kind"] in ("state", "bloc")][:40]
    return actors + [f"t{i}" for i in range(0, 750, 15)]


def test_as_of_relations_and_timeline_as_the_whole_graph(
        graph: tuple[nx.MultiDiGraph, Path]) -> None:
    G, kgz = graph
    split = undated = rows = 0
    with cold.open_cold(kgz) as index:  # type: ignore[union-attr]
        for day in DAYS:
            view = q.graph_as_of(G, day)
            assert index.undated() == (len(view.undated_sanctions),
                                       len(view.undated_statements))
            for a in _sample(G):
                for f in ({}, {"expand_blocs": True}, {"status": "imposed", "since": "2010"}):
                    want = q.who_sanctioned(G, a, as_of=day, **f)
                    got = cold.relations(index, target=a, as_of=day, **f)
                    assert (got, got.undated) == (want, want.undated), (a, day, f)
                    want = q.sanctioned_by(G, a, as_of=day, **f)
                    got = cold.relations(index, imposer=a, as_of=day, **f)
                    assert (got, got.undated) == (want, want.undated), (a, day, f)
                    split += sum("@" in r.sanction for r in got)
                    undated += got.undated
                    rows += len(got)
                want_t = q.timeline(view.graph, a)
                assert cold.timeline(index, a, as_of=day) == want_t, (a, day)
                assert cold.timeline(index, a, as_of=day, since="2015") == \
                    q.timeline(view.graph, a, since="2015")
            for f in ({"reason": "human_rights"}, {"since": "2018", "until": "2020-06"}):
                want = q.relations(G, as_of=day, **f)
                got = cold.relations(index, as_of=day, **f)
                assert (got, got.undated) == (want, want.undated), (day, f)
    # The data exercised the rule: split sanctions, undated ones left out, many rows.
    assert split > 0 and undated > 0 and rows > 2000


def test_search_as_of_and_stored_names_rank_as_the_index(
        graph: tuple[nx.MultiDiGraph, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    G, kgz = graph
    names = read_names(kgz)  # the in-memory index, as stored
    rng = random.Random(3)
    queries = ["Mining", "a", "Hassan", "Олег Дерипаска", "AKA", "Bank 12"]
    for a in rng.sample(names.actors, 60):
        words = a.name.split()
        longest = max(range(len(words)), key=lambda k: len(words[k]))
        typo = [w[:2] + w[3:] if k == longest else w for k, w in enumerate(words)]
        queries += [a.name, " ".join(reversed(words)), " ".join(typo),
                    f"{words[0][0]}. {words[-1]}", words[0]]
    with cold.open_cold(kgz) as index:  # type: ignore[union-attr]
        stored = index.names()
        for common in (match.COMMON, 3):  # 3: the cap on common words taken too
            monkeypatch.setattr(match, "COMMON", common)
            for text in queries:
                for opts in ({}, {"kind": "person"}, {"country": "ir", "limit": None}):
                    assert stored.search(text, **opts) == names.search(text, **opts), text
        monkeypatch.setattr(match, "COMMON", 2000)
        views = {day: q.graph_as_of(G, day).graph for day in DAYS[1:3]}
        for text in queries[:40]:
            assert cold.search(index, text) == search_actors(G, text), text
            for day, H in views.items():
                assert cold.search(index, text, as_of=day) == search_actors(H, text), text


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out, out.err


def test_cli_as_of_and_search_never_load_the_graph(
        graph: tuple[nx.MultiDiGraph, Path], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    G, kgz = graph
    jsonl = str(kgz.with_suffix(".jsonl"))
    asks = [["query", "who-sanctioned", "ir", "--as-of", "2016", "--format", "json"],
            ["query", "sanctioned-by", "us", "--as-of", "2019-03", "--ids"],
            ["query", "relations", "--reason", "terrorism", "--as-of", "2020", "--format",
             "csv"],
            ["query", "timeline", "t15", "--as-of", "2024-12-31", "--format", "json"],
            ["query", "timeline", "ir", "--as-of", "2016", "--since", "2015"],
            ["search", str(index_of(G).actors["t30"]["label"]), "--as-of", "2016"],
            ["search", "Hassan", "--kind", "person", "--limit", "3", "--format", "csv"]]
    wants = [_run([*args, "-d", jsonl], capsys) for args in asks]
    assert all(w[0] == 0 and w[1] for w in wants)
    assert "left out of --as-of" in wants[0][2]

    def no_loading(*_: Any, **__: Any) -> None:
        raise AssertionError("the whole graph was loaded")

    monkeypatch.setattr(kg.graph.store, "open_graph", no_loading)
    for args, want in zip(asks, wants, strict=True):
        assert _run([*args, "-d", str(kgz)], capsys) == want, args


def test_cli_name_errors_cold_as_loaded(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """An ambiguous name and a name with close but unclear candidates get the graph's
    error (exit 2) without loading it; only a name with no candidate at all loads the
    graph, for its "did you mean" suggestions."""
    jsonl = data.write_jsonl(tmp_path / "d.jsonl")
    kgz = str(write_graph(build(load(jsonl)), tmp_path / "d.kgz"))
    asks = [["query", "who-sanctioned", 'q"uote, comma'],
            ["query", "timeline", "European", "--as-of", "2021"],
            ["query", "relations", "--imposer", "Unitd Staets"],
            ["query", "sanctioned-by", "Sergei"]]
    wants = [_run([*args, "-d", str(jsonl)], capsys) for args in asks]
    assert [w[0] for w in wants] == [2, 2, 2, 2]
    assert "is ambiguous: it could be odd0" in wants[0][2]
    assert all("candidate " in w[2] for w in wants[1:])
    unknown = _run(["query", "who-sanctioned", "Chna", "-d", str(jsonl)], capsys)
    assert _run(["query", "who-sanctioned", "Chna", "-d", kgz], capsys) == unknown

    def no_loading(*_: Any, **__: Any) -> None:
        raise AssertionError("the whole graph was loaded")

    monkeypatch.setattr(kg.graph.store, "open_graph", no_loading)
    for args, want in zip(asks, wants, strict=True):
        assert _run([*args, "-d", kgz], capsys) == want, args
