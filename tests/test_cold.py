"""Cold queries on a saved graph's index (kg/query/cold.py) give the graph's answers: the
same rows in the same order, for every actor, name form and filter (and kg search the same
candidates from the stored name index); a changed or damaged file is never answered from."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import scale_data as data  # tests/ is on the path (pyproject: pythonpath)

from kg import query as q
from kg.cli.app import main
from kg.errors import ResolveError, SavedGraphError
from kg.graph.build import build
from kg.graph.index import index_of, search_actors
from kg.graph.schema import GRAPH_VERSION
from kg.graph.sqlstore import seal, verify_saved
from kg.graph.store import write_graph
from kg.query import cold
from kg.readwrite.load import load

FILTERS: list[dict[str, Any]] = [
    {}, {"expand_blocs": True}, {"reason": "human_rights"}, {"status": "imposed"},
    {"since": "2021"}, {"until": "2021-03"}, {"since": "2014-03-01", "until": "2021-03-22"},
    {"reason": "retaliation", "since": "2010", "expand_blocs": True},
    {"status": "threatened", "until": "2022-06"}]


def _saved(G: nx.MultiDiGraph, folder: Path) -> cold.ColdGraph:
    index = cold.open_cold(write_graph(G, folder / "g.kgz", index=True))
    assert index is not None
    return index


def _same(G: nx.MultiDiGraph, index: cold.ColdGraph, actors: list[str],
          filters: list[dict[str, Any]]) -> int:
    """Compare every question on every actor; return how many rows were compared."""
    n = 0
    for a in actors:
        for f in filters:
            want = q.who_sanctioned(G, a, **f)
            assert cold.relations(index, target=a, **f) == want, (a, f)
            got = cold.relations(index, imposer=a, **f)
            assert got == q.sanctioned_by(G, a, **f), (a, f)
            n += len(want) + len(got)
        for f in ({}, {"since": "2021"}, {"since": "2014-03", "until": "2020"}):
            want_t = q.timeline(G, a, **f)
            assert cold.timeline(index, a, **f) == want_t, (a, f)
            n += len(want_t)
    for f in FILTERS:
        want = q.relations(G, **f)
        assert cold.relations(index, **f) == want, f
        n += len(want)
    return n


def test_bundled_data_every_actor(tmp_path: Path) -> None:
    G = build(load())
    with _saved(G, tmp_path) as index:
        actors = sorted(index_of(G).actors)
        assert len(actors) > 100
        assert _same(G, index, actors, FILTERS) > 5000
        # Names, aliases, capitals, demonyms and countries resolve as on the graph.
        for name in ["China", "PRC", "Beijing", "Washington", "the Kremlin", "Brussels",
                     "Lavrov", "EU", "U.S.", "United Kingdom", "cn", "CN"]:
            assert index.resolve(name) == q.resolve_actor(G, name), name
            assert cold.relations(index, target=name) == q.who_sanctioned(G, name)
        both = cold.relations(index, imposer="France", target="Russia", expand_blocs=True)
        assert both == q.relations(G, imposer="France", target="Russia", expand_blocs=True)
        assert {r.via for r in both} == {"eu"}
        # A name no actor has: the graph's error and suggestions, from the tables.
        with pytest.raises(ResolveError) as on_disk:
            index.resolve("Chna")
        with pytest.raises(ResolveError) as on_graph:
            q.who_sanctioned(G, "Chna")
        assert str(on_disk.value) == str(on_graph.value) == \
            "no actor is called 'Chna'; did you mean 'China', 'Canada'?"


def test_generated_data(tmp_path: Path) -> None:
    G = build(load(data.generated(tmp_path / "g.jsonl", 3000)))
    with _saved(G, tmp_path) as index:
        idx = index_of(G)
        # States (with nationals and officials), blocs, officials and a sample of targets.
        actors = [a for a, d in idx.actors.items() if d["kind"] in ("state", "bloc")][:60]
        actors += [a for a in idx.actors if "-official-" in a][:10]
        actors += [f"t{i}" for i in range(0, 750, 25)]
        assert _same(G, index, actors, FILTERS[:6]) > 20000
        assert any(r.target_via == "country" for r in cold.relations(index, target="ir"))


def test_inline_data_hostile_names(tmp_path: Path) -> None:
    G = build(load(data.write_jsonl(tmp_path / "d.jsonl")))
    with _saved(G, tmp_path) as index:
        _same(G, index, sorted(index_of(G).actors), FILTERS)
        rows = cold.relations(index, target="China")
        assert {r.target_via for r in rows} == {"country", "part_of"}
        assert rows == q.who_sanctioned(G, "China")


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out, out.err


def test_cli_same_output_cold_and_loaded(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    kgz = str(tmp_path / "g.kgz")
    assert _run(["build", "-o", kgz], capsys)[0] == 0
    for args in (["who-sanctioned", "China"], ["sanctioned-by", "Beijing", "--ids"],
                 ["relations", "--imposer", "France", "--expand-blocs", "--format", "csv"],
                 ["relations", "--reason", "human_rights", "--since", "2021", "--format",
                  "json"],
                 ["timeline", "Lavrov", "--ids"], ["timeline", "China", "--format", "json"],
                 ["who-sanctioned", "Olegg Deripaska"]):  # the matcher, with its note
        want = _run(["query", *args], capsys)
        assert want[0] == 0 and want[1]
        assert _run(["query", *args, "-d", kgz], capsys) == want, args
    for args in (["Deripaska"], ["Олег Дерипаска", "--format", "json"],
                 ["Rusal", "--kind", "organization"], ["china", "--limit", "3"]):
        want = _run(["search", *args], capsys)
        assert want[0] == 0 and want[1]
        assert _run(["search", *args, "-d", kgz], capsys) == want, args
    # Saved without its indexes, the .kgz is loaded: the same answer.
    want = _run(["query", "who-sanctioned", "China", "-d", kgz], capsys)
    write_graph(build(load()), kgz, index=False)
    assert cold.open_cold(kgz) is None
    assert _run(["query", "who-sanctioned", "China", "-d", kgz], capsys) == want
    assert _run(["search", "Deripaska", "-d", kgz], capsys) == _run(["search", "Deripaska"],
                                                                   capsys)
    # An unknown name on the cold path: the usual error and suggestions, exit 2.
    _run(["build", "-o", kgz], capsys)
    code, _, err = _run(["query", "who-sanctioned", "Chna", "-d", kgz], capsys)
    assert code == 2 and "did you mean 'China'" in err


def test_cold_search_and_resolution_use_the_stored_names(tmp_path: Path) -> None:
    G = build(load())
    with _saved(G, tmp_path) as index:
        for name in ("Deripaska", "Sergei Lavrov", "Huawei", "Zarif", "xinjiang police"):
            assert cold.search(index, name) == search_actors(G, name), name
        assert index.resolve("Olegg Deripaska") == "oleg-deripaska"
        assert index.notes == [("Olegg Deripaska", "Oleg Deripaska", "oleg-deripaska",
                                "transliterated match of 'Oleg Deripaska', score 0.97; "
                                "no other name comes close")]


def test_damaged_or_changed_file_refused(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    G = build(load(data.write_jsonl(tmp_path / "d.jsonl")))
    kgz = write_graph(G, tmp_path / "g.kgz")
    good = kgz.read_bytes()
    assert verify_saved(kgz)["graph_version"] == GRAPH_VERSION
    # Changed through SQLite: the seal no longer matches; refused on open, exit 1.
    con = sqlite3.connect(kgz)
    con.execute("UPDATE actors SET label = 'X' WHERE id = 'cn'")
    con.commit()
    con.close()
    with pytest.raises(SavedGraphError, match="changed or damaged after it was built"):
        cold.open_cold(kgz)
    code, _, err = _run(["query", "who-sanctioned", "China", "-d", str(kgz)], capsys)
    assert code == 1 and "changed or damaged" in err and "Traceback" not in err
    # Sealed again: the open checks pass, the full check finds the change.
    seal(kgz)
    with pytest.raises(SavedGraphError, match=r"index is damaged \(checksum mismatch"):
        verify_saved(kgz)
    # A record's bytes changed on disk (SQLite does not notice): its CRC does.
    con = sqlite3.connect(tmp_path / "copy.kgz")
    (tmp_path / "copy.kgz").write_bytes(good)
    (row,) = con.execute("SELECT data FROM records WHERE node = 'sanction:west'").fetchone()
    con.close()
    raw = bytearray(good)
    at = good.index(row.encode()) + row.index("2021-03-22")
    raw[at + 3] = ord("9")  # 2029: still a date, still JSON
    kgz.write_bytes(bytes(raw))
    with cold.open_cold(kgz) as index, pytest.raises(
            SavedGraphError, match="record sanction:west does not match its checksum"):
        cold.relations(index, imposer="us")
    # Not a database at all: a clear error, exit 1, no traceback.
    kgz.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    with pytest.raises(SavedGraphError, match="not a saved sanctions-kg graph"):
        cold.open_cold(kgz)
    code, _, err = _run(["query", "who-sanctioned", "China", "-d", str(kgz)], capsys)
    assert code == 1 and "not a saved sanctions-kg graph" in err and "Traceback" not in err


def test_cold_query_imports_no_networkx(tmp_path: Path) -> None:
    """Start-up is most of a cold query: networkx and the graph layer stay unimported."""
    import subprocess
    import sys

    kgz = write_graph(build(load(data.write_jsonl(tmp_path / "d.jsonl"))), tmp_path / "g.kgz")
    code = ("import sys\nfrom kg.cli.app import main\nimport kg.cli\n"
            "for args in (['query', 'who-sanctioned', 'China'], ['search', 'Wang']):\n"
            "    try:\n        main([*args, '-d', sys.argv[1]])\n"
            "    except SystemExit as e:\n        assert not e.code, e.code\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] == 'networkx'\n"
            "               or m in ('kg.graph.index', 'kg.graph.build', 'kg.readwrite.load'))\n"
            "print('HEAVY', heavy)\n")
    out = subprocess.run([sys.executable, "-c", code, str(kgz)], capture_output=True,
                         text=True, check=True).stdout
    assert "Chinese officials" in out
    assert out.splitlines()[-1] == "HEAVY []"


def test_status_alone_reads_only_that_status(tmp_path: Path) -> None:
    # `relations --status X` reads the records of that status (the status index), not
    # every sanction, and answers as the graph does.
    G = build(load(data.generated(tmp_path / "g.jsonl", 2000)))
    with _saved(G, tmp_path) as index:
        read: list[int] = []
        real = index.records

        def counted(nodes: Any) -> dict[str, dict[str, Any]]:
            nodes = list(nodes)
            read.append(len(nodes))
            return real(nodes)

        index.records = counted  # type: ignore[method-assign]
        sanctions = [d["status"] for _, d in G.nodes(data=True) if d["type"] == "sanction"]
        for status in ("imposed", "lifted", "threatened"):
            read.clear()
            assert cold.relations(index, status=status) == q.relations(G, status=status)
            assert sum(read) == sanctions.count(status) > 0, status
        assert sum(sanctions.count(s) for s in ("lifted", "threatened")) < len(sanctions) / 2
