"""The Neo4j export: neo4j-admin CSV files read back by the importer's rules, loaded into
Ladybug (embedded Cypher, the maintained fork of Kùzu), and every query of queries.cypher
checked against kg.query on the same graph."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import ladybug
import pandas as pd
import pytest
import scale_data as data  # tests/ is on the path (pyproject: pythonpath)

from kg import query as kq
from kg.cli.app import main
from kg.export.cypher import QUERIES, queries
from kg.export.neo4j import UNIT_SEPARATOR, read_csv_rows, write_neo4j
from kg.graph.build import build
from kg.query import patterns as kp
from kg.readwrite.load import default_data_path, load

_TYPES = {"string": "STRING", "int": "INT64", "float": "DOUBLE", "boolean": "BOOLEAN",
          "string[]": "STRING[]"}


def _parse(value: str, typ: str, delim: str) -> Any:
    if value == "":
        return None
    if typ == "string[]":
        return value.split(delim)
    if typ == "int":
        return int(value)
    if typ == "float":
        return float(value)
    if typ == "boolean":
        return {"true": True, "false": False}[value]
    return value


def array_delimiter(folder: Path) -> str:
    script = (folder / "import.sh").read_text()
    return UNIT_SEPARATOR if "--array-delimiter=U+001F" in script else ";"


def load_folder(folder: Path) -> ladybug.Connection:
    delim = array_delimiter(folder)
    conn = ladybug.Connection(ladybug.Database(":memory:"))
    for f in sorted(folder.glob("*.csv")):
        if f.name.startswith("rel_"):
            continue
        header, rows = read_csv_rows(f)
        space = re.fullmatch(r"id:ID\((\w+)\)", header[0]).group(1)  # type: ignore[union-attr]
        assert header[1] == ":LABEL"
        cols = []
        for h in header[2:]:
            name, _, typ = h.partition(":")
            cols.append((name, typ or "string"))
        ddl = ", ".join(f"{n} {_TYPES[t]}" for n, t in cols)
        conn.execute(f"CREATE NODE TABLE {space}(id STRING, {ddl}, PRIMARY KEY(id))")
        data: dict[str, list[Any]] = {"id": [r[0] for r in rows]}
        for j, (n, t) in enumerate(cols, start=2):
            data[n] = [_parse(r[j], t, delim) for r in rows]
            for r in rows:
                assert r[1].split(delim)[0] == space
        if rows:
            # Object columns keep None as null (pandas would turn an int column into NaNs).
            df = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in data.items()})
            conn.execute(f"COPY {space} FROM df")
    rels: dict[str, list[tuple[str, str, Path, list[str], list[list[str]]]]] = defaultdict(list)
    for f in sorted(folder.glob("rel_*.csv")):
        header, rows = read_csv_rows(f)
        su = re.fullmatch(r":START_ID\((\w+)\)", header[0]).group(1)  # type: ignore[union-attr]
        sv = re.fullmatch(r":END_ID\((\w+)\)", header[1]).group(1)  # type: ignore[union-attr]
        assert header[2] == ":TYPE"
        etype = rows[0][2] if rows else f.stem.split("_")[1]
        rels[etype].append((su, sv, f, header, rows))
    for etype, files in rels.items():
        props = [h.partition(":")[0] for h in files[0][3][3:]]
        pairs = ", ".join(f"FROM {su} TO {sv}" for su, sv, *_ in files)
        extra = "".join(f", {p} STRING" for p in props)
        conn.execute(f"CREATE REL TABLE {etype}({pairs}{extra})")
        for su, sv, _, _, rows in files:
            if not rows:
                continue
            # Ladybug's COPY ... FROM df reads the local variable by name.
            df = pd.DataFrame({"from": [r[0] for r in rows], "to": [r[1] for r in rows],  # noqa: F841
                               **{p: [_parse(r[3 + k], "string", delim) for r in rows]
                                  for k, p in enumerate(props)}})
            assert all(r[2] == etype for r in rows)
            opts = f" (from='{su}', to='{sv}')" if len(files) > 1 else ""
            conn.execute(f"COPY {etype} FROM df{opts}")
    return conn


def run(conn: ladybug.Connection, query: str, **params: Any) -> list[dict[str, Any]]:
    result = conn.execute(query, params)
    cols = result.get_column_names()
    out = []
    while result.has_next():
        out.append(dict(zip(cols, result.get_next(), strict=True)))
    return out


# --- the tests ---------------------------------------------------------------------------

EMPTY = {"imposer": "", "target": "", "reason": "", "status": "", "since": "", "until": ""}


def _rel(r: Any) -> tuple[Any, ...]:
    if isinstance(r, dict):
        return (r["imposer"], r["imposer_name"], r["target"], r["target_name"], r["reason"],
                r["reason_detail"], r["sanction"], r["status"], r["date"],
                tuple(r["sources"] or ()))
    return (r.imposer, r.imposer_name, r.target, r.target_name, r.reason, r.reason_detail,
            r.sanction, r.status, r.date, r.sources)


def _coalitions(rows: list[dict[str, Any]], window_days: int = 30,
                min_imposers: int = 2) -> set[tuple[str, tuple[str, ...]]]:
    """Group the Cypher rows as kg does: per state acted against, in date order, a group
    runs from its first sanction's date for ``window_days`` days."""
    import datetime as dt

    def start(date: str) -> dt.date:  # a partial date counts from its first day
        return dt.date.fromisoformat(date + "-01-01"[len(date) - 4:] if len(date) < 10 else date)

    groups: list[tuple[str, list[dict[str, Any]]]] = []
    for r in rows:  # ordered by against, date
        if (not groups or groups[-1][0] != r["against"]
                or (start(r["date"]) - start(groups[-1][1][0]["date"])).days > window_days):
            groups.append((r["against"], []))
        groups[-1][1].append(r)
    return {(against, tuple(sorted(x["sanction"] for x in g))) for against, g in groups
            if len({i for x in g for i in x["imposers"]}) >= min_imposers}


def check_same_answers(G: Any, conn: ladybug.Connection, targets: list[str],
                       imposers: list[str], windows: tuple[str, str]) -> int:
    """Run every Cypher query and the kg query it mirrors; return how many rows matched."""
    Q = queries()
    assert set(Q) == {"relations", "who-sanctioned", "sanctioned-by", "retaliation",
                      "coalitions", "statements", "timeline"}
    since, until = windows
    checked = 0

    def same(cypher: list[Any], kg: list[Any]) -> None:
        nonlocal checked
        assert cypher == kg
        checked += len(kg)

    for t in targets:
        same([_rel(r) for r in run(conn, Q["who-sanctioned"], **{**EMPTY, "target": t})],
             [_rel(r) for r in kq.who_sanctioned(G, t)])
        same([_rel(r) for r in run(conn, Q["relations"], **{
            **EMPTY, "target": t, "since": since, "until": until})],
            [_rel(r) for r in kq.relations(G, target=t, since=since, until=until)])
        rows = run(conn, Q["timeline"], actor=t, since="", until="")
        same(sorted((r["date"] or "", r["role"], r["record"], r["status"]) for r in rows),
             sorted((e.date or "", e.role, e.record.split(":", 1)[1], e.status)
                    for e in kq.timeline(G, t)))
        rows = run(conn, Q["statements"], about=t, speaker="", stance="", since="", until="")
        same([r["statement"] for r in rows], [s.statement for s in kq.statements(G, about=t)])
        rows = run(conn, Q["statements"], about="", speaker=t, stance="", since="", until="")
        same([r["statement"] for r in rows],
             [s.statement for s in kq.statements(G, speaker=t)])
    for i in imposers:
        for reason in ("", "human_rights"):
            same([_rel(r) for r in run(conn, Q["sanctioned-by"], **{
                **EMPTY, "imposer": i, "reason": reason, "since": since, "until": until})],
                [_rel(r) for r in kq.sanctioned_by(G, i, reason=reason or None, since=since,
                                                   until=until)])
    same([_rel(r) for r in run(conn, Q["relations"], **{**EMPTY, "status": "imposed",
                                                         "reason": "human_rights"})],
         [_rel(r) for r in kq.relations(G, status="imposed", reason="human_rights")])
    rows = run(conn, Q["retaliation"])
    # kg orders links by chain, which Cypher does not compute: compare as sets.
    same(sorted((r["response"], tuple(r["response_imposers"]), r["original"]) for r in rows),
         sorted((x.response, x.response_imposers, x.original)
                for x in kp.retaliation(G, infer=False)))
    rows = run(conn, Q["coalitions"], since="", until="")
    same(sorted(_coalitions(rows)), sorted({(c.against, c.sanctions) for c in kp.coalitions(G)}))
    return checked


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, ladybug.Connection, Path]:
    tmp = tmp_path_factory.mktemp("neo4j")
    G = build(load(data.write_jsonl(tmp / "d.jsonl")))
    out = write_neo4j(G, tmp / "out")
    return G, load_folder(out), out


def test_cypher_matches_kg_query_on_small_data(small: Any) -> None:
    G, conn, _ = small
    n = check_same_answers(G, conn, ["cn", "cn-officials", "ru", "us", "eu", "odd1"],
                           ["us", "eu", "gb", "ca", "cn"], ("2021-03-01", "2021-12-31"))
    assert n > 40
    # The widening rules really are exercised: China finds its officials and ministries.
    rows = run(small[1], queries()["who-sanctioned"], **{**EMPTY, "target": "cn"})
    assert {r["target"] for r in rows} == {"cn-officials", "cn-mfa", "wang-yi", "odd0", "odd1",
                                          "odd2", "odd4"}


def test_hostile_text_survives_csv(small: Any) -> None:
    _, conn, out = small
    # Every hostile name and alias comes back exactly, through CSV and the importer rules.
    rows = run(conn, "MATCH (a:Actor) WHERE a.id STARTS WITH 'odd' "
                     "RETURN a.id AS id, a.name AS name, a.aliases AS aliases ORDER BY id")
    assert [r["name"] for r in rows] == data.HOSTILE
    assert rows[0]["aliases"] == [data.HOSTILE[0] + ";alias", 'q"uote, comma']
    # Aliases hold ';', so the export switched to the unit separator and says so.
    assert "--array-delimiter=U+001F" in (out / "import.sh").read_text()
    q = run(conn, "MATCH (s:Sanction {id: 'west'})-[c:CITES]->(x:Source) RETURN c.quote AS q")
    assert q == [{"q": 'line one\nline "two", three; \\four'}]
    detail = run(conn, "MATCH (:Sanction {id: 'west'})-[b:BECAUSE_OF]->(r:Reason) "
                       "RETURN b.detail AS d")
    assert detail == [{"d": 'abuses, "Uighur"\npopulation'}]


def test_files_headers_and_types(small: Any) -> None:
    _, _, out = small
    header, rows = read_csv_rows(out / "actors.csv")
    assert header[:6] == ["id:ID(Actor)", ":LABEL", "name", "kind", "country",
                          "aliases:string[]"]
    assert "count:int" in header and "draft:boolean" in header
    by_id = {r[0]: dict(zip(header, r, strict=True)) for r in rows}
    assert by_id["cn-officials"][":LABEL"] == f"Actor{UNIT_SEPARATOR}Group"
    assert by_id["cn-officials"]["count:int"] == "4"
    assert by_id["us"]["count:int"] == ""  # missing, not zero
    header, rows = read_csv_rows(out / "rel_IMPOSED_Actor_Sanction.csv")
    assert header == [":START_ID(Actor)", ":END_ID(Sanction)", ":TYPE"]
    assert ["us", "west", "IMPOSED"] in rows
    header, rows = read_csv_rows(out / "sanctions.csv")
    west = dict(zip(header, next(r for r in rows if r[0] == "west"), strict=True))
    assert west["day:int"] == "18708"  # 2021-03-22
    script = (out / "import.sh").read_text()
    assert "--relationships=rel_IMPOSED_Actor_Sanction.csv" in script
    assert "--nodes=actors.csv" in script
    assert (out / "queries.cypher").read_text() == QUERIES


def test_plain_data_uses_semicolon(tmp_path: Path) -> None:
    recs = [{**r, "name": f"Plain {r['id']}", "aliases": []}
            if r["type"] == "actor" and r["id"].startswith("odd") else r for r in data.RECORDS]
    G = build(load(data.write_jsonl(tmp_path / "d.jsonl", recs)))
    out = write_neo4j(G, tmp_path / "out")
    assert "--array-delimiter=';'" in (out / "import.sh").read_text()
    header, rows = read_csv_rows(out / "sanctions.csv")
    west = dict(zip(header, next(r for r in rows if r[0] == "west"), strict=True))
    assert west["imposers:string[]"] == "us;eu;gb;ca"


def test_cypher_matches_kg_query_on_generated_data(tmp_path: Path) -> None:
    G = build(load(data.generated(tmp_path / "g.jsonl", 2000)))
    conn = load_folder(write_neo4j(G, tmp_path / "out"))
    targets = ["ir", "ru", "t0", "t1", "cn"]
    n = check_same_answers(G, conn, targets, ["us", "eu", "gb"], ("2012-01-01", "2016-12-31"))
    assert n > 500


def test_cypher_matches_kg_query_on_bundled_examples(tmp_path: Path) -> None:
    G = build(load(default_data_path()))
    conn = load_folder(write_neo4j(G, tmp_path / "out"))
    actors = [n[6:] for n, d in G.nodes(data=True) if d["type"] == "actor"]
    assert check_same_answers(G, conn, actors, actors, ("2021-01-01", "2021-12-31")) > 10


def test_cli_export_neo4j(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = data.write_jsonl(tmp_path / "d.jsonl")
    with pytest.raises(SystemExit) as exc:
        main(["export", "neo4j", "-o", str(tmp_path / "neo"), "-d", str(src)])
    assert exc.value.code == 0
    assert sorted(p.name for p in (tmp_path / "neo").iterdir())[:3] == [
        "actors.csv", "import.sh", "queries.cypher"]
    # Only the actor's neighbourhood with --focus.
    with pytest.raises(SystemExit):
        main(["export", "neo4j", "-o", str(tmp_path / "f"), "-d", str(src), "--focus", "ru",
              "--depth", "1"])
    _, rows = read_csv_rows(tmp_path / "f" / "sanctions.csv")
    assert [r[0] for r in rows] == ["expected"]


def test_relationships_are_direct_neo4j_relationships(tmp_path: Path) -> None:
    from ownership_data import ownership_dataset

    from kg.model.refs import ensure_valid

    out = write_neo4j(build(ensure_valid(ownership_dataset())), tmp_path / "own")
    assert not (out / "relationships.csv").exists()  # no record nodes in between
    script = (out / "import.sh").read_text()
    assert "--relationships=rel_OWNS_Actor_Actor.csv" in script
    conn = load_folder(out)
    rows = run(conn, "MATCH (a:Actor)-[o:OWNS]->(b:Actor) WHERE b.id = 'h' "
                     "RETURN a.id AS a, o.id AS id, o.share AS share, o.start_date AS s, "
                     "o.end_date AS e, o.sources AS src ORDER BY o.id")
    assert rows == [
        {"a": "x", "id": "o-xh1", "share": "80.0", "s": "2015", "e": "2019-12-31",
         "src": "register"},
        {"a": "x", "id": "o-xh2", "share": "10.0", "s": "2020-01-01", "e": None,
         "src": "register"}]
    # A chain read in Cypher: x owns b owns c.
    assert run(conn, "MATCH (x:Actor)-[:OWNS]->(m:Actor)-[:OWNS]->(c:Actor) WHERE c.id = 'c' "
                     "RETURN x.id AS x, m.id AS m") == [{"x": "x", "m": "b"}]
    assert run(conn, "MATCH (a:Actor)-[d:DIRECTS]->(b:Actor) RETURN a.id AS a, b.id AS b, "
                     "d.role AS role") == [{"a": "y", "b": "c", "role": "CEO"}]
    assert run(conn, "MATCH (a:Actor)-[f:FAMILY]->(b:Actor) RETURN a.id AS a, b.id AS b, "
                     "f.relationship AS r") == [{"a": "x", "b": "y", "r": "spouse"}]
    assert run(conn, "MATCH (a:Actor)-[o:OWNS]->(b:Actor) WHERE b.id = 'g' "
                     "RETURN o.share AS share") == [{"share": None}]  # unknown, never 0
