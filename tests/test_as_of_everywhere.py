"""``--as-of`` on every question and export: one small dataset with impositions,
extensions, easings, lifts (by the same imposer and by another), end dates past and future,
threats, expectations and undated records, asked on several days through the Python API,
each ``kg query`` command, ``kg search`` and the html, graphml and ftm exports read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg import graph_as_of
from kg.errors import UsageError
from kg.export import export_graph
from kg.export.graph import read_graphml
from kg.graph.schema import record_id
from kg.query import coalitions, exposure, relations, retaliation, statements, timeline
from kg.query.stats import most_targeted, summary
from tests.factory import actor, dataset, graph_of, sanction, statement, write
from tests.test_cli import run

DATA = dataset(
    actors=[actor("us"), actor("gb"), actor("fr"), actor("ru"), actor("ir"), actor("kp"),
            actor("cu"), actor("eu", "European Union", kind="bloc"),
            actor("oleg", "Oleg Example", kind="person", country="ru"),
            actor("acme", "Acme Holding", kind="organization", country="ru")],
    sanctions=[
        # Imposed jointly; lifted by the US for Iran (its part ends, the UK's stays); a lift
        # by France, which never imposed it, changes nothing.
        sanction("joint", ["us", "gb"], ["ir"], date="2012-01-23"),
        sanction("us-lift", ["us"], ["ir"], status="lifted", date="2016-01-16"),
        sanction("fr-lift", ["fr"], ["ir"], status="lifted", date="2013-01-01"),
        # An end date in the past, and an easing whose end date is still to come.
        sanction("ending", ["us"], ["oleg"], date="2014-03-20", end_date="2015-03-20"),
        sanction("eased", ["gb"], ["oleg"], status="eased", date="2019-06",
                 end_date="2030-01-01"),
        sanction("extended", ["us"], ["kp"], status="extended", date="2017"),
        # Threats and expectations never count.
        sanction("threat", ["us"], ["cu"], status="threatened", date="2018-01-01"),
        sanction("expect", ["gb"], ["cu"], status="expected", date="2018-01-01"),
        # No date: left out, counted.
        sanction("undated", ["us"], ["ru"]),
        # Two imposers on two targets; the US lifts Russia only: what stands is not every
        # pair of some imposers and some targets, so the record splits.
        sanction("pair", ["us", "gb"], ["ru", "kp"], date="2020-01-01"),
        sanction("pair-lift", ["us"], ["ru"], status="lifted", date="2021-01-01"),
        # A stated counter-sanction.
        sanction("counter", ["ru"], ["us"], date="2014-04-01", in_response_to=["ending"]),
    ],
    statements=[
        statement("s-ru", ["ru"], stance="condemns", date="2014-03-21",
                  about_sanctions=["ending"], summary="Russia condemns."),
        statement("s-gb", ["gb"], stance="warns", date="2022-01-01", about_actors=["cu"],
                  summary="The UK warns Cuba."),
        statement("s-undated", ["us"], stance="other", summary="Undated."),
    ])
DATA["relationships"] = [{"id": "own-1", "kind": "ownership", "subject": "oleg",
                          "object": "acme", "share": 60, "start_date": "2010",
                          "sources": [{"source": "src"}]}]

#: Day -> the (imposer, target, sanction) triples in force.
IN_FORCE = {
    "2011-01-01": set(),
    "2013-06-01": {("us", "ir", "joint"), ("gb", "ir", "joint")},
    "2014-06-01": {("us", "ir", "joint"), ("gb", "ir", "joint"), ("us", "oleg", "ending"),
                   ("ru", "us", "counter")},
    "2016-01-16": {("gb", "ir", "joint"), ("ru", "us", "counter")},
    "2021-06-01": {("gb", "ir", "joint"), ("ru", "us", "counter"), ("gb", "oleg", "eased"),
                   ("us", "kp", "extended"), ("us", "kp", "pair"), ("gb", "ru", "pair@gb"),
                   ("gb", "kp", "pair@gb")},
    "2030-01-01": {("gb", "ir", "joint"), ("ru", "us", "counter"), ("us", "kp", "extended"),
                   ("us", "kp", "pair"), ("gb", "ru", "pair@gb"), ("gb", "kp", "pair@gb")},
}
DAYS = sorted(IN_FORCE)


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph_of(DATA)


@pytest.fixture(scope="module")
def data_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(write(tmp_path_factory.mktemp("asof") / "d.yaml", DATA))


def triples(rows: Any) -> set[tuple[str, str, str]]:
    return {(r.imposer, r.target, r.sanction) for r in rows}


def sanction_ids(H: nx.MultiDiGraph) -> set[str]:
    return {record_id(n) for n, d in H.nodes(data=True) if d.get("type") == "sanction"}


# --- the Python API ------------------------------------------------------------------------


@pytest.mark.parametrize("day", DAYS)
def test_graph_of_the_day_holds_exactly_what_was_in_force(G: nx.MultiDiGraph, day: str) -> None:
    view = graph_as_of(G, day)
    assert sanction_ids(view.graph) == {s for _, _, s in IN_FORCE[day]}
    assert triples(relations(view.graph)) == IN_FORCE[day]
    assert triples(relations(G, as_of=day)) == IN_FORCE[day]
    assert view.undated_sanctions == ("undated",)
    assert view.undated_statements == ("s-undated",)
    assert view.undated == 2 and view.day == day
    assert view.graph.graph["as_of"] == day
    # Every edge joins records the day's graph holds, and a split record targets only the
    # pairs that stand.
    H = view.graph
    for sid in sanction_ids(H):
        d = H.nodes[f"sanction:{sid}"]
        assert {record_id(v) for _, v, k in H.out_edges(f"sanction:{sid}", keys=True)
                if k == "TARGETS"} == set(d["targets"])
        assert {record_id(u) for u, _, k in H.in_edges(f"sanction:{sid}", keys=True)
                if k == "IMPOSED"} == set(d["imposers"])
    assert G.number_of_nodes() == 27  # the graph asked about is not changed


def test_a_split_record_keeps_its_reasons_sources_and_label(G: nx.MultiDiGraph) -> None:
    H = graph_as_of(G, "2021-06-01").graph
    assert H.nodes["sanction:pair"]["imposers"] == ["us"]
    assert H.nodes["sanction:pair"]["targets"] == ["kp"]
    assert H.nodes["sanction:pair@gb"]["label"] == "GB → RU, KP"
    assert {v for _, v in H.out_edges("sanction:pair@gb")} == {
        "actor:ru", "actor:kp", "source:src"}
    # The original graph still has the whole record.
    assert G.nodes["sanction:pair"]["imposers"] == ["us", "gb"]


def test_statements_and_timeline_on_a_day(G: nx.MultiDiGraph) -> None:
    def said(day: str) -> list[str]:
        return [r.statement for r in statements(graph_as_of(G, day).graph)]

    assert said("2014-03-20") == []
    assert said("2014-03-21") == ["s-ru"]
    assert said("2030-01-01") == ["s-ru", "s-gb"]
    assert [(e.record, e.role) for e in timeline(graph_as_of(G, "2014-06-01").graph,
                                                 "oleg")] == [("sanction:ending", "targeted")]
    assert [(e.record, e.role) for e in timeline(graph_as_of(G, "2021-06-01").graph,
                                                 "oleg")] == [("sanction:eased", "targeted")]


def test_retaliation_coalitions_and_counts_on_a_day(G: nx.MultiDiGraph) -> None:
    def links(day: str) -> set[tuple[str, str]]:
        return {(r.response, r.original)
                for r in retaliation(graph_as_of(G, day).graph, infer=False)}

    assert links("2014-06-01") == {("counter", "ending")}
    assert links("2016-01-16") == set()  # what it answered had ended
    groups = {(c.against, c.imposers)
              for c in coalitions(graph_as_of(G, "2013-06-01").graph)}
    assert groups == {("ir", ("gb", "us"))}
    assert coalitions(graph_as_of(G, "2016-01-16").graph) == []
    H = graph_as_of(G, "2021-06-01").graph
    assert summary(H)["sanctions"] == 6
    # Every status counts in most_targeted: on the day's graph, only what was in force.
    assert [(c.key, c.count) for c in most_targeted(H)] == [
        ("KP", 3), ("IR", 1), ("Oleg Example", 1), ("RU", 1), ("US", 1)]
    assert [(c.key, c.count) for c in most_targeted(G, n=2)] == [("IR", 3), ("RU", 3)]


def test_exposure_follows_the_rule(G: nx.MultiDiGraph) -> None:
    on = exposure(G, imposer="us", as_of="2014-06-01")
    assert [(e.entity, e.share) for e in on.exposed] == [("acme", 60.0)]
    assert on.undated == 1
    # Ended, and the undated record is left out rather than taken as in force.
    assert exposure(G, imposer="us", as_of="2016-01-16").exposed == ()


def test_a_bad_day_is_a_usage_error(G: nx.MultiDiGraph) -> None:
    with pytest.raises(UsageError, match="--as-of"):
        graph_as_of(G, "2021-13-01")


# --- the CLI -------------------------------------------------------------------------------


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[dict[str, Any], str]:
    code, out, err = run(capsys, *args, "--format", "json")
    assert code == 0, err
    return json.loads(out), err


@pytest.mark.parametrize("day", ["2014-06-01", "2021-06-01"])
def test_relation_commands(capsys: pytest.CaptureFixture[str], data_file: str,
                           day: str) -> None:
    out, err = cli_json(capsys, "query", "relations", "-d", data_file, "--as-of", day)
    assert out["as_of"] == day and out["undated"] == {"sanctions": 1, "statements": 0}
    assert {(r["imposer"], r["target"], r["sanction"]) for r in out["results"]} \
        == IN_FORCE[day]
    assert err == "note: 1 sanction with no date left out of --as-of\n"
    out, err = cli_json(capsys, "query", "who-sanctioned", "kp", "-d", data_file,
                        "--as-of", day)
    assert {(r["imposer"], r["sanction"]) for r in out["results"]} == {
        (i, s) for i, t, s in IN_FORCE[day] if t == "kp"}
    assert out["undated"]["sanctions"] == 0 and err == ""  # the undated one is not on kp
    out, _ = cli_json(capsys, "query", "sanctioned-by", "gb", "-d", data_file, "--as-of", day)
    assert {(r["target"], r["sanction"]) for r in out["results"]} == {
        (t, s) for i, t, s in IN_FORCE[day] if i == "gb"}


def test_other_query_commands(capsys: pytest.CaptureFixture[str], data_file: str) -> None:
    out, err = cli_json(capsys, "query", "retaliation", "-d", data_file, "--as-of",
                        "2014-06-01")
    assert [(r["response"], r["original"]) for r in out["results"]] == [("counter", "ending")]
    assert err == "note: 1 sanction with no date left out of --as-of\n"
    out, _ = cli_json(capsys, "query", "retaliation", "-d", data_file, "--as-of", "2016-01-16")
    assert out["results"] == []
    out, _ = cli_json(capsys, "query", "coalitions", "-d", data_file, "--as-of", "2013-06-01")
    assert [(c["against"], c["imposers"]) for c in out["results"]] == [("ir", ["gb", "us"])]
    out, err = cli_json(capsys, "query", "statements", "-d", data_file, "--as-of",
                        "2021-06-01")
    assert [r["statement"] for r in out["results"]] == ["s-ru"]
    assert out["undated"] == {"sanctions": 0, "statements": 1}
    assert err == "note: 1 statement with no date left out of --as-of\n"
    out, err = cli_json(capsys, "query", "timeline", "oleg", "-d", data_file, "--as-of",
                        "2021-06-01")
    assert [r["record"] for r in out["results"]] == ["sanction:eased"]
    assert err == "note: 1 sanction and 1 statement with no date left out of --as-of\n"
    out, err = cli_json(capsys, "query", "exposure", "--imposer", "us", "-d", data_file,
                        "--as-of", "2014-06-01")
    assert [(e["entity"], e["share"]) for e in out["results"]] == [("acme", 60.0)]
    assert out["undated"]["sanctions"] == 1
    out, err = cli_json(capsys, "query", "owners", "acme", "-d", data_file, "--as-of", "2009")
    assert out["results"] == [] and err == ""
    out, _ = cli_json(capsys, "query", "holdings", "oleg", "-d", data_file, "--as-of", "2011")
    assert [h["asset"] for h in out["results"]] == ["acme"]
    out, _ = cli_json(capsys, "search", "Oleg Example", "-d", data_file, "--as-of",
                      "2014-06-01")
    assert out["results"][0]["imposers"] == ["us"]
    out, _ = cli_json(capsys, "search", "Oleg Example", "-d", data_file, "--as-of",
                      "2016-01-16")
    assert out["results"][0]["imposers"] == []


def test_tables_and_csv_keep_their_shape(capsys: pytest.CaptureFixture[str],
                                         data_file: str) -> None:
    code, out, err = run(capsys, "query", "timeline", "ir", "-d", data_file, "--as-of",
                         "2016-01-16", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "date,role,record,status,summary,via,actor,imposers,targets,speakers"
    assert [ln.split(",")[2] for ln in out.splitlines()[1:]] == ["sanction:joint"]
    code, out, err = run(capsys, "query", "coalitions", "-d", data_file, "--as-of", "2016")
    assert code == 0 and out == "(no results)\n"
    assert err == "note: 1 sanction with no date left out of --as-of\n"


@pytest.mark.parametrize("command", [
    ["query", "relations"], ["query", "who-sanctioned", "ir"], ["query", "sanctioned-by", "us"],
    ["query", "retaliation"], ["query", "coalitions"], ["query", "statements"],
    ["query", "timeline", "ir"], ["query", "exposure"], ["query", "owners", "acme"],
    ["query", "holdings", "oleg"], ["search", "Oleg"], ["export", "ftm", "-o", "x.json"],
    ["demo", "-o", "x.html"]])
@pytest.mark.parametrize("bad", ["2021-02-30", "yesterday", "21-01-01"])
def test_every_command_refuses_a_bad_day(capsys: pytest.CaptureFixture[str], data_file: str,
                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         command: list[str], bad: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *command, "-d", data_file, "--as-of", bad)
    assert code == 2 and out == "", err
    assert err.startswith("kg: error: --as-of: ") and "Traceback" not in err
    assert not any(tmp_path.iterdir())  # nothing written


# --- exports read back ---------------------------------------------------------------------


@pytest.mark.parametrize("day", ["2014-06-01", "2021-06-01"])
def test_exports_hold_the_day(capsys: pytest.CaptureFixture[str], data_file: str,
                              tmp_path: Path, day: str) -> None:
    want = {s for _, _, s in IN_FORCE[day]}
    html = tmp_path / "v.html"
    code, _, err = run(capsys, "export", "html", "-o", str(html), "-d", data_file,
                       "--as-of", day)
    assert code == 0, err
    assert "kg: note: 1 sanction and 1 statement with no date left out of --as-of" in err
    page = html.read_text(encoding="utf-8")
    data = json.loads(page.split('<script type="application/json" id="kg-data">')[1]
                      .split("</script>")[0])
    assert data["meta"]["title"] == f"Who sanctioned whom, as of {day}"
    drawn = {e["info"]["h"] for e in data["emeta"].values() if e["r"] == "SANCTIONED"}
    names = {"oleg": "Oleg Example"}
    assert drawn == {f"{names.get(i, i.upper())} → {names.get(t, t.upper())}"
                     for i, t, _ in IN_FORCE[day]}
    assert f"{len(want)} sanctions · 1 statement" in data["meta"]["summary"]

    graphml = tmp_path / "g.graphml"
    code, _, err = run(capsys, "export", "graphml", "-o", str(graphml), "-d", data_file,
                       "--as-of", day)
    assert code == 0, err
    back = read_graphml(graphml)
    assert sanction_ids(back) == want
    assert back.graph["as_of"] == day
    said = {record_id(n) for n, d in back.nodes(data=True) if d.get("type") == "statement"}
    assert said == {"s-ru"}

    ftm = tmp_path / "f.ftm.json"
    code, _, err = run(capsys, "export", "ftm", "-o", str(ftm), "-d", data_file,
                       "--as-of", day)
    assert code == 0, err
    entities = [json.loads(line) for line in ftm.read_text().splitlines()]
    assert {e["id"] for e in entities if e["schema"] == "Sanction"} == {
        f"kg-{s}-{t}" for _, t, s in IN_FORCE[day]}


def test_export_graph_of_the_day_from_the_library(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = export_graph(graph_as_of(G, "2016-01-16").graph, "graphml", tmp_path / "g.graphml")
    assert sanction_ids(read_graphml(out)) == {"joint", "counter"}
