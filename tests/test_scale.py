"""Scale work: the JSONL fast path keeps every check and message, the bulk graph build
equals the plain one, indexes and query shortcuts give the same answers as a full scan,
and the workload generator is deterministic and realistic (small sizes only here; timings
live in benchmarks/bench.py)."""

from __future__ import annotations

import gc
import json
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import scale_data as data  # tests/ is on the path (pyproject: pythonpath)

from kg import query as kq
from kg._perf import paused_gc
from kg.errors import ValidationFailed
from kg.graph.build import build
from kg.graph.index import Index
from kg.graph.schema import GRAPH_VERSION
from kg.model.dates import overlaps
from kg.model.records import Citation, Dataset, Sanction
from kg.query import patterns as kp
from kg.readwrite.load import Limits, load


def _problems(path: Path, **limits: Any) -> list[str]:
    with pytest.raises(ValidationFailed) as exc:
        load(path, limits=Limits(**limits))
    return [str(p) for p in exc.value.problems]


# --- the JSONL fast path -----------------------------------------------------------------


@pytest.mark.parametrize("parser", ["orjson", "json"])
def test_fast_path_still_reports_every_bad_line(tmp_path: Path, parser: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    if parser == "json":  # the standard-library fallback when orjson is not installed
        import sys

        monkeypatch.setattr(sys.modules["kg.readwrite.load"], "loads", json.loads)
    good = json.dumps({"type": "source", "id": "a1"})
    lines = [
        b"\xef\xbb\xbf" + good.encode(),                            # 1: BOM: still fine
        b'{"type": "source", "id": "x\xff"}',                        # 2: not UTF-8
        b'{"type": "source", "id": "n", "published": NaN}',          # 3: NaN (json reads it)
        b'{"type": "source", "id": "z\x00"}',                        # 4: NUL byte
        b"[1, 2]",                                                   # 5: not an object
        b'{"type": "source", "id": "deep", "title": ' + b"[" * 9 + b"]" * 9 + b"}",  # 6
        b'{"type": "sourse", "id": "t"}',                            # 7: unknown type
        b'{"type": "source", "id": "Bad Id"}',                       # 8: model check
        b"",                                                         # 9: blank: skipped
        b'{"type": "source", "id": "broken"',                        # 10: syntax
        b'{"type": "source", "id": "a1", "title": "other"}',         # 11: duplicate
    ]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    got = _problems(path, max_depth=5)
    f = str(path)
    assert got == [
        f"{f}:2: not UTF-8 text (byte 0xff at offset 27); save the file as UTF-8",
        f"{f}:3 [source 'n'] [published]: nan is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)",
        f"{f}:4: contains NUL bytes; this looks like a binary file",
        f"{f}:5: each line must be a JSON object",
        f"{f}:6: JSON is nested more than 5 levels deep",
        f"{f}:7 [line 7] [type]: 'type' must be one of source, actor, sanction, "
        "statement, relationship, not 'sourse'",
        f"{f}:8 [source 'Bad Id'] [id]: 'Bad Id' is not a valid id (use lower-case "
        "letters, digits and . _ : -, starting with a letter or digit)",
        f"{f}:10: invalid JSON: Expecting ',' delimiter (column 34); the line ends before "
        "the JSON value does (cut short?)",
        f"{f}:11 [source 'a1'] [id]: duplicate source id 'a1' (first defined in {f}:1)",
    ]


def test_fast_path_depth_limit_counts_brackets_conservatively(tmp_path: Path) -> None:
    # Brackets inside strings push the count over the limit; the real depth is checked.
    rec = {"type": "source", "id": "s", "title": "[[[[[[[[[[{{{{{{"}
    path = tmp_path / "ok.jsonl"
    path.write_text(json.dumps(rec) + "\n")
    assert load(path, limits=Limits(max_depth=3)).sources[0].title == "[[[[[[[[[[{{{{{{"


def test_fast_path_gives_the_same_dataset_as_yaml(tmp_path: Path) -> None:
    import yaml

    jsonl = data.write_jsonl(tmp_path / "d.jsonl")
    doc: dict[str, list[Any]] = {"sources": [], "actors": [], "sanctions": [],
                                 "statements": []}
    for r in data.RECORDS:
        doc[r["type"] + "s"].append({k: v for k, v in r.items() if k != "type"})
    (tmp_path / "y").mkdir()
    (tmp_path / "y" / "d.yaml").write_text(yaml.safe_dump(doc))
    assert load(jsonl) == load(tmp_path / "y" / "d.yaml")


def test_unknown_references_still_reported(tmp_path: Path) -> None:
    recs = [*data.RECORDS,
            {"type": "sanction", "id": "dangling", "imposers": ["us"], "targets": ["nobody"],
             "in_response_to": ["ghost"], "sources": [{"source": "a1"}]}]
    got = _problems(data.write_jsonl(tmp_path / "d.jsonl", recs))
    line = len(recs)
    assert got == [
        f"{tmp_path / 'd.jsonl'}:{line} [sanction 'dangling'] [targets]: unknown actor 'nobody'",
        f"{tmp_path / 'd.jsonl'}:{line} [sanction 'dangling'] [in_response_to]: "
        "unknown sanction 'ghost'",
    ]


def test_loaded_records_share_their_sets_of_fields(tmp_path: Path) -> None:
    # A million validated records held one set of field names each (40% of their memory):
    # records with the same fields set share one, and nothing they are used for changes.
    recs = [*data.RECORDS, *({"type": "sanction", "id": f"same{i}", "imposers": ["us"],
                              "targets": ["ru"], "sources": [{"source": "a1"}]}
                             for i in range(2))]
    ds = load(data.write_jsonl(tmp_path / "d.jsonl", recs))
    one, two = (next(s for s in ds.sanctions if s.id == i) for i in ("same0", "same1"))
    assert one.model_fields_set is two.model_fields_set
    assert one.model_fields_set == {"id", "imposers", "targets", "sources"}
    assert one.sources[0].model_fields_set is two.sources[0].model_fields_set == {"source"}
    west = next(s for s in ds.sanctions if s.id == "west")
    assert west.sources[0].model_fields_set == {"source", "quote"}  # its own fields
    assert two.model_dump(exclude_unset=True) == {
        "id": "same1", "imposers": ["us"], "targets": ["ru"], "sources": [{"source": "a1"}]}
    copied = one.model_copy(update={"program": "X"})
    assert copied.model_dump(exclude_unset=True)["program"] == "X"
    assert two.model_fields_set == {"id", "imposers", "targets", "sources"}  # untouched


# --- the bulk build ----------------------------------------------------------------------


def reference_build(ds: Dataset) -> nx.MultiDiGraph:
    """The graph built the plain way, one add_edge at a time (build's contract)."""
    from kg.graph.build import _actor_attrs, _sanction_attrs, _statement_attrs

    H = nx.MultiDiGraph(kg_graph_version=GRAPH_VERSION)
    names = {a.id: a.name for a in ds.actors}
    for s in ds.sources:
        H.add_node("source:" + s.id, type="source", label=s.title or s.publisher or s.id,
                   url=s.url, title=s.title, publisher=s.publisher, published=s.published)
    for a in ds.actors:
        H.add_node("actor:" + a.id, **_actor_attrs(a))
    for s in ds.sanctions:
        H.add_node("sanction:" + s.id, **_sanction_attrs(s, names))
    for st in ds.statements:
        H.add_node("statement:" + st.id, **_statement_attrs(st, names))
    used = {str(r.category) for s in ds.sanctions for r in s.reasons}
    for r in ("human_rights", "democracy", "election_interference", "armed_conflict",
              "terrorism", "nuclear_proliferation", "cyber", "corruption",
              "drug_trafficking", "disinformation", "retaliation", "other"):
        if r in used:
            H.add_node("reason:" + r, type="reason", label=r.replace("_", " "))

    def edge(u: str, v: str, k: str, **attrs: Any) -> None:
        if H.has_edge(u, v, key=k):
            old = H.edges[u, v, k]
            if attrs.get("quote") and not old.get("quote"):
                old["quote"] = attrs["quote"]
            return
        H.add_edge(u, v, key=k, **attrs, type=k)

    for a in ds.actors:
        for m in a.member_of:
            edge("actor:" + a.id, "actor:" + m, "MEMBER_OF")
        if a.part_of:
            edge("actor:" + a.id, "actor:" + a.part_of, "PART_OF")
        for c in a.sources:
            edge("actor:" + a.id, "source:" + c.source, "CITES", quote=c.quote)
    for s in ds.sanctions:
        n = "sanction:" + s.id
        for i in s.imposers:
            edge("actor:" + i, n, "IMPOSED")
        for t in s.targets:
            edge(n, "actor:" + t, "TARGETS")
        for r in s.reasons:
            edge(n, "reason:" + str(r.category), "BECAUSE_OF", detail=r.detail)
        for o in s.in_response_to:
            edge(n, "sanction:" + o, "RESPONDS_TO")
        for c in s.sources:
            edge(n, "source:" + c.source, "CITES", quote=c.quote)
    for st in ds.statements:
        n = "statement:" + st.id
        for a_id in st.speakers:
            edge("actor:" + a_id, n, "MADE")
        for o in st.about_sanctions:
            edge(n, "sanction:" + o, "ABOUT")
        for o in st.about_actors:
            edge(n, "actor:" + o, "ABOUT")
        for c in st.sources:
            edge(n, "source:" + c.source, "CITES", quote=c.quote)
    return H


def assert_same_graph(A: nx.MultiDiGraph, B: nx.MultiDiGraph) -> None:
    assert A.graph == B.graph
    assert list(A.nodes(data=True)) == list(B.nodes(data=True))
    ea = [(u, v, k, list(d.items())) for u, v, k, d in A.edges(keys=True, data=True)]
    eb = [(u, v, k, list(d.items())) for u, v, k, d in B.edges(keys=True, data=True)]
    assert ea == eb
    for n in A:
        assert list(A.pred[n]) == list(B.pred[n])
        assert A.pred[n] == B.pred[n]


@pytest.mark.parametrize("source", ["inline", "generated"])
def test_bulk_build_equals_plain_build(tmp_path: Path, source: str) -> None:
    path = data.write_jsonl(tmp_path / "d.jsonl") if source == "inline" \
        else data.generated(tmp_path / "g.jsonl", 2000)
    ds = load(path)
    expected = reference_build(ds)
    assert_same_graph(build(ds), expected)
    n_sanctions = len(ds.sanctions)
    G = build(ds, consume=True)
    assert_same_graph(G, expected)
    assert ds.sanctions == ds.actors == ds.statements == ds.sources == []
    assert sum(1 for _, d in G.nodes(data=True) if d["type"] == "sanction") == n_sanctions


def test_build_merges_repeated_citations_and_keeps_dangling_refs() -> None:
    s = Sanction(id="s", imposers=["us"], targets=["cn"], sources=[
        Citation(source="a"), Citation(source="a", quote="second"), Citation(source="a",
                                                                              quote="third")])
    G = build(Dataset(sanctions=[s]))  # built in code, never validated: refs dangle
    assert G.edges["sanction:s", "source:a", "CITES"] == {"quote": "second", "type": "CITES"}
    assert G.number_of_edges("sanction:s", "source:a") == 1
    assert G.nodes["actor:us"] == {} and G.nodes["source:a"] == {}
    assert G.has_edge("actor:us", "sanction:s", key="IMPOSED")
    G.edges["actor:us", "sanction:s", "IMPOSED"]["w"] = 2
    assert G.pred["sanction:s"]["actor:us"]["IMPOSED"]["w"] == 2


def test_paused_gc_restores_state() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- indexes and query shortcuts ---------------------------------------------------------


@pytest.fixture(scope="module")
def gen_graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    return build(load(data.generated(tmp_path_factory.mktemp("g") / "g.jsonl", 2000)))


def test_belonging_lists_each_actor_once(tmp_path: Path) -> None:
    G = build(load(data.write_jsonl(tmp_path / "d.jsonl")))
    idx = Index(G)
    assert sorted(idx.belonging_to("cn")) == sorted([
        ("cn-mfa", "part_of"), ("wang-yi", "part_of"), ("cn-officials", "country"),
        *((f"odd{i}", "country") for i in range(5))])
    assert idx.members == {"eu": ["fr"]} and idx.blocs_of == {"fr": ["eu"]}
    assert idx.polity("wang-yi") == "cn" and idx.polity("lavrov") == "ru"


def test_relations_reason_and_dates_equals_full_scan(gen_graph: nx.MultiDiGraph) -> None:
    for reason, since, until in [("human_rights", "2012-03-01", "2012-03-31"),
                                 ("retaliation", "2010", "2011-06"),
                                 ("cyber", None, "2006-12-31")]:
        got = kq.relations(gen_graph, reason=reason, since=since, until=until)
        everything = kq.relations(gen_graph)
        want = [r for r in everything
                if r.reason == reason and overlaps(r.date, since, until)]
        assert got == want and got


def test_statements_by_speaker_equals_full_scan(gen_graph: nx.MultiDiGraph) -> None:
    everything = kq.statements(gen_graph)
    for speaker in ("us", "ru", "eu"):
        got = kq.statements(gen_graph, speaker=speaker)
        idx = Index(gen_graph)
        mine = {speaker, *(a for a, how in idx.belonging_to(speaker) if how == "part_of")}
        assert got == [s for s in everything if mine & set(s.speakers)]
        assert got


# --- the workload generator --------------------------------------------------------------


def test_generator_is_deterministic_and_realistic(tmp_path: Path) -> None:
    a = data.generated(tmp_path / "a.jsonl", 2000, seed=5).read_bytes()
    b = data.generated(tmp_path / "b.jsonl", 2000, seed=5).read_bytes()
    c = data.generated(tmp_path / "c.jsonl", 2000, seed=6).read_bytes()
    assert a == b != c
    ds = load(tmp_path / "a.jsonl")  # every record valid, every reference resolves
    assert len(ds.sanctions) + len(ds.statements) == 2000
    assert len(ds.statements) == 240
    imposers = Counter(i for s in ds.sanctions for i in s.imposers)
    top = imposers.most_common(3)
    assert top[0][0] == "us" and top[0][1] > 0.15 * len(ds.sanctions)  # skewed
    assert len(imposers) > 50  # with a long tail
    targets = Counter(t for s in ds.sanctions for t in s.targets)
    hits = sum(targets.values())
    assert sum(n for _, n in targets.most_common(len(targets) // 50)) > 0.2 * hits  # heads
    assert sum(1 for n in targets.values() if n == 1) > 0.25 * len(targets)  # and a tail
    kinds = Counter(a.kind for a in ds.actors)
    assert kinds["person"] > 100 and kinds["organization"] > 100
    responses = [s for s in ds.sanctions if s.in_response_to]
    assert 0.04 * len(ds.sanctions) < len(responses) < 0.15 * len(ds.sanctions)
    assert all(s.reasons[0].category == "retaliation" for s in responses)
    years = {s.date[:4] for s in ds.sanctions if s.date}
    assert min(years) == "2005" and max(years) == "2024"
    assert {str(r.category) for s in ds.sanctions for r in s.reasons} >= {
        "human_rights", "terrorism", "cyber", "retaliation"}


# --- --focus subgraph --------------------------------------------------------------------


def test_neighbourhood_equals_induced_subgraph(gen_graph: nx.MultiDiGraph) -> None:
    from kg.graph.subgraph import neighbourhood

    for actor, depth in (("us", 1), ("ir", 2), ("t5", 2), ("ru", 0)):
        H = neighbourhood(gen_graph, actor, depth=depth)
        expected = gen_graph.subgraph(H.nodes).copy()
        assert list(H.nodes) == sorted(H.nodes)
        assert dict(H.nodes(data=True)) == dict(expected.nodes(data=True))
        assert sorted(H.edges(keys=True)) == sorted(expected.edges(keys=True))
        assert all(H.edges[e] == expected.edges[e] for e in H.edges(keys=True))
        assert "actor:" + actor in H
        # Attributes are copies: editing the focus graph leaves the big one alone.
        n = next(iter(H.nodes))
        H.nodes[n]["x"] = 1
        assert "x" not in gen_graph.nodes[n]
    ru = neighbourhood(gen_graph, "ru", depth=1)
    assert {d["type"] for _, d in ru.nodes(data=True)} >= {"actor", "sanction", "reason",
                                                           "source"}
    # Depth 1 holds exactly ru's own sanctions and statements (plus their details).
    own = {n for n in (*gen_graph.succ["actor:ru"], *gen_graph.pred["actor:ru"])}
    assert {n for n, d in ru.nodes(data=True) if d["type"] in ("sanction", "statement")} \
        == {n for n in own if gen_graph.nodes[n]["type"] in ("sanction", "statement")}


def test_inferred_retaliation_equals_pairwise_definition(gen_graph: nx.MultiDiGraph) -> None:
    import datetime as dt

    # The generator gives every sanction a reason; clear the reasons of every third one so
    # there are unexplained sanctions for inference to work on.
    G = gen_graph.copy()
    for i, (_, d) in enumerate(n for n in G.nodes(data=True)
                               if n[1]["type"] == "sanction"):
        if i % 3 == 0:
            d["reasons"], d["reason_details"] = [], []
    idx = Index(G)
    stated = {(u, v) for u, v, k in G.edges(keys=True) if k == "RESPONDS_TO"}
    events = []  # (imposer polity, target polity, date, node) of dated sanctions in force
    for n, d in G.nodes(data=True):
        if d["type"] == "sanction" and d["status"] in ("imposed", "extended") \
                and d["date"] and len(d["date"]) == 10:
            events += [(i, t, d["date"], n) for i in {idx.polity(x) for x in d["imposers"]}
                       for t in {idx.polity(x) for x in d["targets"]} if i != t]
    explained = {u for u, _ in stated}
    for window in (90,):
        want = set()
        for a, b, rdate, r in events:  # every pair of events, the slow and obvious way
            # Only a sanction with no stated response and no reason but retaliation...
            if r in explained or not set(G.nodes[r]["reasons"]) <= {"retaliation"}:
                continue
            start = (dt.date.fromisoformat(rdate) - dt.timedelta(days=window)).isoformat()
            for b2, a2, odate, o in events:
                # ...answers a strictly earlier one in the window that is not its answer.
                if (a2, b2) == (a, b) and start <= odate < rdate and (o, r) not in stated:
                    want.add((r[9:], o[9:]))
        got = {(x.response, x.original) for x in kp.retaliation(G, window_days=window)
               if x.inferred}
        assert got == want
    assert want
