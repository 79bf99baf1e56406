"""Loading a saved graph in less memory, with the same graph: plain edge attributes shared
when asked (what kg commands do), record attributes in compact dicts, the payload inflated
as it is read, and the garbage collector's young generations not walked after a bulk
build."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import scale_data as data  # tests/ is on the path (pyproject: pythonpath)

from kg._perf import paused_gc
from kg.cli.app import load_graph
from kg.graph.build import build
from kg.graph.store import build_saved, read_graph, write_graph
from kg.readwrite.load import load


def _same(H: Any, G: Any) -> None:
    assert list(H.nodes(data=True)) == list(G.nodes(data=True))
    for n in G:  # every edge, its attributes with their key order, succ and pred order
        assert [(v, [(k, list(d.items())) for k, d in keys.items()])
                for v, keys in H._succ[n].items()] == \
            [(v, [(k, list(d.items())) for k, d in keys.items()])
             for v, keys in G._succ[n].items()], n
        assert list(H._pred[n]) == list(G._pred[n]), n


def _records(tmp_path: Path) -> list[dict[str, Any]]:
    # "twice" cites a1 twice, the second time with a quote: the build merges the two
    # CITES edges into one with the quote, while the other records' CITES edges have none.
    return [*data.RECORDS,
            {"type": "sanction", "id": "twice", "imposers": ["ru"], "targets": ["gb"],
             "date": "2021-05-01", "reasons": ["retaliation"],
             "sources": [{"source": "a1"}, {"source": "a1", "quote": "said twice"}]}]


@pytest.mark.parametrize("how", ["streamed", "whole"])
def test_shared_attrs_load_the_same_graph(tmp_path: Path, how: str) -> None:
    src = data.write_jsonl(tmp_path / "d.jsonl", _records(tmp_path))
    G = build(load([src]))
    path = tmp_path / "g.kgz"
    if how == "streamed":  # kg build: the repeated citation is in the payload twice
        build_saved(load([src]), path)
    else:
        write_graph(G, path)
    H = read_graph(path, share_attrs=True)
    _same(H, G)
    assert H.edges["sanction:twice", "source:a1", "CITES"] == {"quote": "said twice",
                                                               "type": "CITES"}
    assert H.edges["sanction:counter", "source:a1", "CITES"] == {"quote": None,
                                                                 "type": "CITES"}
    # The plain attributes are one dict per edge type...
    imposed = [d for _, _, k, d in H.edges(keys=True, data=True) if k == "IMPOSED"]
    assert len(imposed) > 5 and all(d is imposed[0] for d in imposed)
    plain_cites = [d for _, _, k, d in H.edges(keys=True, data=True)
                   if k == "CITES" and d["quote"] is None]
    assert len(plain_cites) > 3 and all(d is plain_cites[0] for d in plain_cites)
    # ... and a quoted citation keeps its own.
    assert H.edges["sanction:west", "source:a1", "CITES"] is not plain_cites[0]
    # Without share_attrs (the library's default) every edge has its own dict, so
    # changing one changes no other.
    K = read_graph(path)
    _same(K, G)
    K.edges["actor:us", "sanction:west", "IMPOSED"]["x"] = 1
    assert [d for _, _, k, d in K.edges(keys=True, data=True) if "x" in d] == [
        {"type": "IMPOSED", "x": 1}]


def test_commands_load_with_shared_attrs(tmp_path: Path) -> None:
    path = write_graph(build(load([data.write_jsonl(tmp_path / "d.jsonl")])),
                       tmp_path / "g.kgz")
    gc.disable()  # load_graph freezes the collector's objects; keep the suite's as it was
    try:
        H = load_graph([str(path)])
    finally:
        gc.unfreeze()
        gc.enable()
    assert H.edges["actor:us", "sanction:west", "IMPOSED"] is \
        H.edges["actor:eu", "sanction:west", "IMPOSED"]


def test_record_attributes_are_compact(tmp_path: Path) -> None:
    # JSON parsed by orjson comes as presized dicts with a general key table; the loader
    # makes them afresh, as small as the built graph's, with repeated values shared.
    src = data.generated(tmp_path / "g.jsonl", 300)
    G = build(load([src]))
    path, _, _ = build_saved(load([src]), tmp_path / "g.kgz")  # records from the JSON rows
    H = read_graph(path)
    _same(H, G)
    records = [d for _, d in H.nodes(data=True) if d["type"] in ("sanction", "statement")]
    assert len(records) == 300
    for d in records:
        assert sys.getsizeof(d) <= sys.getsizeof(json.loads(json.dumps(d))), d
    sanctions = [d for d in records if d["type"] == "sanction"]
    assert len({id(d["status"]) for d in sanctions}) == len({d["status"] for d in sanctions})
    firsts = [d["imposers"][0] for d in sanctions]
    assert len({id(x) for x in firsts}) == len(set(firsts))


def test_paused_gc_leaves_no_young_objects_to_walk() -> None:
    with paused_gc():
        made = [[i] for i in range(20_000)]
    # What the block made went to the oldest generation, not left for a young collection
    # to walk (a million-event graph: seconds).
    assert gc.get_count()[0] < 1000
    assert any(x is made[123] for x in gc.get_objects(generation=2))
    gc.freeze()  # a process that froze objects keeps them frozen
    try:
        frozen = gc.get_freeze_count()
        with paused_gc():
            more = [[i] for i in range(1000)]
        assert gc.get_freeze_count() == frozen and len(more) == 1000
    finally:
        gc.unfreeze()
