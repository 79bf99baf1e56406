"""Saved graphs (.kgz): round trip, the CLI, and every way a bad file is refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import scale_data as data  # tests/ is on the path (pyproject: pythonpath)

from kg.cli.app import main
from kg.errors import SavedGraphError
from kg.graph.build import build
from kg.graph.index import index_of, search_actors
from kg.graph.schema import GRAPH_VERSION
from kg.graph.sqlstore import OLD_MAGIC, seal, verify_saved
from kg.graph.store import FORMAT_VERSION, build_saved, read_graph, write_graph
from kg.graph.writer import write_saved
from kg.query import who_sanctioned
from kg.readwrite.load import load


def _edges(G: Any) -> list[tuple[Any, ...]]:
    return sorted((u, v, k, json.dumps(d, sort_keys=True))
                  for u, v, k, d in G.edges(keys=True, data=True))


@pytest.fixture()
def graph(tmp_path: Path) -> Any:
    return build(load(data.write_jsonl(tmp_path / "d.jsonl")))


def test_round_trip_keeps_everything(graph: Any, tmp_path: Path) -> None:
    path = write_graph(graph, tmp_path / "g.kgz")
    H = read_graph(path)
    assert list(H.nodes(data=True)) == list(graph.nodes(data=True))
    assert _edges(H) == _edges(graph)
    assert H.graph == graph.graph == {"kg_graph_version": GRAPH_VERSION}
    # Pred and succ share each edge's data, as networkx keeps them.
    H.edges["actor:us", "sanction:west", "IMPOSED"]["x"] = 1
    assert H.pred["sanction:west"]["actor:us"]["IMPOSED"]["x"] == 1
    # The quote with a newline and the hostile names come back exactly.
    assert H.edges["sanction:west", "source:a1", "CITES"]["quote"].startswith("line one\n")
    assert H.nodes["actor:odd0"]["label"] == data.HOSTILE[0]
    assert who_sanctioned(H, "China") == who_sanctioned(graph, "China")
    # The name-search index comes from the file, not rebuilt, with the same answers.
    assert index_of(H).stored_names is not None
    for name in ("Wang", "odd", "European individuals", "Chna"):
        assert search_actors(H, name) == search_actors(graph, name), name
    assert len(index_of(H).names) == len(index_of(graph).names) == 28


def test_round_trip_generated(tmp_path: Path) -> None:
    G = build(load(data.generated(tmp_path / "g.jsonl", 2000)))
    H = read_graph(write_graph(G, tmp_path / "g.kgz"))
    assert list(H.nodes(data=True)) == list(G.nodes(data=True))
    assert _edges(H) == _edges(G)
    assert H.number_of_edges() == G.number_of_edges() > 9000


def _same_graph(H: Any, G: Any) -> None:
    """H is G: nodes and attributes in order, each node's successors and predecessors in
    order (what fixes the order of answers), each edge's data shared by both ends."""
    assert H.graph == G.graph
    assert list(H.nodes(data=True)) == list(G.nodes(data=True))
    for n in G:
        assert list(H._succ[n].items()) == list(G._succ[n].items()), n
        assert list(H._pred[n].items()) == list(G._pred[n].items()), n
        assert all(H._succ[n][v] is H._pred[v][n] for v in H._succ[n])


@pytest.mark.parametrize("source", ["examples", "small", "generated"])
def test_build_saved_is_write_graph_of_build(tmp_path: Path, source: str) -> None:
    # kg build streams the graph to the file; the file is the one the built graph makes.
    def paths() -> list[Path] | None:
        if source == "examples":
            return None
        if source == "small":
            return [data.write_jsonl(tmp_path / "d.jsonl")]
        return [data.generated(tmp_path / "g.jsonl", 2000)]

    G = build(load(paths()))
    ds = load(paths())
    path, nodes, edges = build_saved(ds, tmp_path / "streamed.kgz")
    assert ds.sanctions == [] and ds.actors == []  # consumed as it went
    assert (nodes, edges) == (G.number_of_nodes(), G.number_of_edges())
    whole = write_graph(G, tmp_path / "whole.kgz")
    streamed, kept = verify_saved(path), verify_saved(whole)
    for key in ("content_sha256", "index", "nodes", "edges", "names_sha256"):
        assert streamed[key] == kept[key], key
    _same_graph(read_graph(path), G)
    _same_graph(read_graph(whole), G)  # the predecessor order is kept too
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".jsonl") == [
        "streamed.kgz", "whole.kgz"]  # no temporary file left


def test_cli_build_then_query(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = data.write_jsonl(tmp_path / "d.jsonl")
    kgz = tmp_path / "g.kgz"
    with pytest.raises(SystemExit) as exc:
        main(["build", "-d", str(src), "-o", str(kgz)])
    assert exc.value.code == 0
    assert "saved 32 nodes and 46 edges with their indexes to" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.jsonl", "g.kgz"]  # one file
    outs = []
    for d in (src, kgz):
        with pytest.raises(SystemExit) as exc:
            main(["query", "who-sanctioned", "China", "-d", str(d), "--format", "json"])
        assert exc.value.code == 0
        outs.append(json.loads(capsys.readouterr().out))
    assert outs[0] == outs[1]
    assert {r["target"] for r in outs[1]} >= {"cn-officials", "cn-mfa", "wang-yi"}


def test_cli_build_needs_kgz_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = data.write_jsonl(tmp_path / "d.jsonl")
    with pytest.raises(SystemExit) as exc:
        main(["build", "-d", str(src), "-o", str(tmp_path / "g.json")])
    assert exc.value.code == 2
    assert "must end in .kgz" in capsys.readouterr().err
    assert not (tmp_path / "g.json").exists()


def _bad(path: Path, match: str) -> None:
    with pytest.raises(SavedGraphError, match=match):
        read_graph(path)


def _edit(path: Path, sql: str, *args: Any, reseal: bool = True) -> None:
    """Change a saved graph through SQLite (then seal it again, as a well-formed file of
    that content would be, unless ``reseal`` is False)."""
    con = sqlite3.connect(path)
    con.execute(sql, args)
    con.commit()
    con.close()
    if reseal:
        seal(path)


def test_refuses_other_files(tmp_path: Path, graph: Any) -> None:
    p = tmp_path / "x.kgz"
    p.write_text('{"nodes": []}')
    _bad(p, "not a saved sanctions-kg graph")
    p.write_bytes(b"")
    _bad(p, "not a saved sanctions-kg graph")
    p.write_bytes(b"\x80\x04\x95" + b"pickle" * 10)  # a pickle is never read
    _bad(p, "not a saved sanctions-kg graph")
    other = sqlite3.connect(tmp_path / "other.kgz")  # an SQLite file of another program
    other.execute("CREATE TABLE meta (key, value)")
    other.commit()
    other.close()
    _bad(tmp_path / "other.kgz", "not a saved sanctions-kg graph")
    _bad(tmp_path / "missing.kgz", "cannot read")
    # The old two-file form (format 1: a pickle file with the index beside it).
    p.write_bytes(OLD_MAGIC + b"\x00\x00\x00\x02{}" + b"x" * 200)
    _bad(p, r"old two-file form \(format 1, its index in x.kgz.sqlite\); this "
            rf"sanctions-kg reads format {FORMAT_VERSION}, one file: rebuild it with `kg build")


def test_refuses_truncated_changed_and_damaged(tmp_path: Path, graph: Any) -> None:
    path = write_graph(graph, tmp_path / "g.kgz")
    good = path.read_bytes()
    p = tmp_path / "bad.kgz"
    p.write_bytes(good[: len(good) - 10])
    _bad(p, "changed or damaged after it was built")
    p.write_bytes(good + b"\0" * 8192)
    _bad(p, "changed or damaged after it was built")
    p.write_bytes(good[:10])
    _bad(p, "not a saved sanctions-kg graph")
    # Any change through SQLite breaks the seal, even one that keeps the checksums.
    p.write_bytes(good)
    _edit(p, "UPDATE actors SET label = 'X' WHERE id = 'cn'", reseal=False)
    _bad(p, "changed or damaged after it was built")
    p.write_bytes(good)
    con = sqlite3.connect(p)
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    _bad(p, "changed or damaged after it was built")
    # A byte of the graph payload flipped on disk (SQLite does not see it): the checksum.
    con = sqlite3.connect(path)
    packed = b"".join(c for (c,) in con.execute("SELECT chunk FROM payload WHERE "
                                                "part = 'graph' ORDER BY n"))
    con.close()
    at = good.index(packed[100:140]) + 20
    flipped = bytearray(good)
    flipped[at] ^= 0xFF
    p.write_bytes(bytes(flipped))
    _bad(p, "checksum mismatch")


def test_refuses_other_versions(tmp_path: Path, graph: Any) -> None:
    good = write_graph(graph, tmp_path / "g.kgz").read_bytes()
    p = tmp_path / "old.kgz"
    for key, value, match in (
            ("version", FORMAT_VERSION + 1,
             rf"format version {FORMAT_VERSION + 1}; this sanctions-kg reads version "
             rf"{FORMAT_VERSION}\. Rebuild"),
            ("version", FORMAT_VERSION - 1,  # an older file (format 4: records pickled too)
             rf"format version {FORMAT_VERSION - 1}; this sanctions-kg reads version "
             rf"{FORMAT_VERSION}\. Rebuild"),
            ("graph_version", 0, "graph schema v0"),
            ("graph_raw", 5, "length differs"),
            ("graph_bytes", 5, "truncated or damaged"),
            ("format", "something else", "header is damaged")):
        p.write_bytes(good)
        _edit(p, "UPDATE meta SET value = ? WHERE key = ?", json.dumps(value), key)
        _bad(p, match)


def test_build_writes_each_record_once(tmp_path: Path) -> None:
    # kg build stores a sanction's or statement's attributes once, as the records row's
    # JSON, which the graph payload names in order: a changed, missing or extra row is
    # refused when the graph is loaded.
    src = data.write_jsonl(tmp_path / "d.jsonl")
    path, _, _ = build_saved(load(src), tmp_path / "g.kgz")
    whole = write_graph(build(load(src)), tmp_path / "whole.kgz")
    assert verify_saved(path)["graph_raw"] < verify_saved(whole)["graph_raw"]
    _same_graph(read_graph(path), build(load(src)))
    good = path.read_bytes()
    p = tmp_path / "bad.kgz"
    p.write_bytes(good)
    _edit(p, "UPDATE records SET data = replace(data, '\"imposed\"', '\"lifted\"') "
          "WHERE node = 'sanction:west'")
    _bad(p, r"record sanction:west does not match its checksum")
    p.write_bytes(good)
    _edit(p, "DELETE FROM records WHERE rowid = (SELECT max(rowid) FROM records)")
    _bad(p, "saved graph is damaged .*more records than the records table holds")
    p.write_bytes(good)
    _edit(p, "INSERT INTO records SELECT 'sanction:extra', type, date, status, data, crc "
          "FROM records LIMIT 1")
    _bad(p, "saved graph is damaged .*count differs")


def _kgz_with_body(path: Path, raw: bytes) -> Path:
    import zlib

    return write_saved(None, path, {"graph": (zlib.compress(raw), len(raw))}, {})


def test_refuses_well_formed_nonsense(tmp_path: Path) -> None:
    # A body with a valid checksum but the wrong shape is still refused, not misread.
    import pickle

    for body in ({"graph": {}, "nodes": {"a": {}}, "succ": {"a": {"b": {}}},
                  "pred": {"a": {}}},
                 {"graph": {}, "nodes": {"a": {}}, "succ": {}, "pred": {}},
                 {"graph": {}, "nodes": {"a": []}, "succ": {"a": {}}, "pred": {"a": {}}},
                 {"graph": [], "nodes": {}, "succ": {}, "pred": {}},
                 {"graph": {}, "nodes": {}},
                 [1, 2]):
        _bad(_kgz_with_body(tmp_path / "n.kgz", pickle.dumps(body)), "saved graph is damaged")
    # The layout of this version (a head, then node, edge and predecessor parts, then the
    # counts), each part checked.
    head = pickle.dumps(("sanctions-kg graph", 4, {}))
    node = pickle.dumps(("n", [("a", {}), ("b", {})]))
    edge = pickle.dumps(("e", [("a", "b", "X", {"type": "X"})]))
    end = pickle.dumps(("end", 2, 1))
    assert read_graph(_kgz_with_body(tmp_path / "ok.kgz", head + node + edge + end)
                      ).has_edge("a", "b", "X")
    for raw in (pickle.dumps(("sanctions-kg graph", 3, {})) + node + end,  # other layout
                head + node + edge,  # no end
                head + node + edge + pickle.dumps(("end", 2, 2)),  # counts differ
                head + node + edge + end + end,  # trailing parts
                head + pickle.dumps(("e", [("a", "b", "X", {})])) + end,  # unknown nodes
                head + pickle.dumps(("n", [("a", [])])) + end,  # attributes not a mapping
                head + node + node + end,  # a node twice
                head + node + edge + pickle.dumps(("p", [("b", ["a", "a", "c"])])) + end,
                head + node + pickle.dumps(("x", [])) + end):  # unknown part
        _bad(_kgz_with_body(tmp_path / "n.kgz", raw), "saved graph is damaged")
    _bad(_kgz_with_body(tmp_path / "n.kgz", b"not a pickle"), "saved graph is damaged")


class _Evil:
    def __reduce__(self) -> tuple[Any, ...]:
        return (print, ("this must never run",))


def test_never_runs_code_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                     ) -> None:
    import pickle

    body = {"graph": {}, "nodes": {"a": {"x": _Evil()}}, "succ": {"a": {}}, "pred": {"a": {}}}
    _bad(_kgz_with_body(tmp_path / "evil.kgz", pickle.dumps(body)),
         r"saved graph is damaged \(UnpicklingError: refers to builtins.print")
    assert "must never run" not in capsys.readouterr().out


def test_refuses_to_save_what_it_could_not_read(tmp_path: Path, graph: Any) -> None:
    import datetime as dt

    from kg.errors import OutputError

    graph.nodes["actor:us"]["since"] = dt.date(1776, 7, 4)
    with pytest.raises(OutputError, match=r"cannot be saved .* a datetime\.date value"):
        write_graph(graph, tmp_path / "g.kgz")
    assert [p.name for p in tmp_path.iterdir()] == ["d.jsonl"]  # nothing half-written
    assert not (tmp_path / "g.kgz").exists()


def test_cli_reports_bad_kgz(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "x.kgz"
    p.write_text("hello")
    with pytest.raises(SystemExit) as exc:
        main(["query", "coalitions", "-d", str(p)])
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"kg: error: {p}: not a saved sanctions-kg graph")
    assert "Traceback" not in err
