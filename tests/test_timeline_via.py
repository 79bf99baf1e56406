"""A timeline row shows every person or body of the actor's it stands for (``via``): in
full in JSON and CSV, shortened with a count in a table, the same on a saved graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factory import actor, dataset, graph_of, sanction, statement, write

from kg import query as q
from kg.cli.app import main
from kg.graph.store import write_graph
from kg.query import cold

OFFICIALS = [f"off{i}" for i in range(1, 8)]
DATA = dataset(
    actors=[actor("us", "United States"), actor("ru", "Russia"),
            *(actor(o, f"Official {o[-1]}", kind="person", country="ru") for o in OFFICIALS)],
    sanctions=[sanction("seven", ["us"], OFFICIALS, date="2014-03-17"),
               sanction("two", ["us"], ["off2", "off5"], date="2014-03-20"),
               sanction("direct", ["us"], ["ru", "off1"], date="2014-04-01")],
    statements=[statement("st", ["off3"], date="2014-03-18", stance="condemns",
                          about_actors=["us"])])


def test_a_row_lists_every_official_it_stands_for(tmp_path: Path) -> None:
    G = graph_of(DATA)
    rows = q.timeline(G, "Russia")
    assert [(r.record, r.role, r.via) for r in rows] == [
        ("sanction:seven", "targeted", tuple(OFFICIALS)),
        ("statement:st", "said", ("off3",)),
        ("sanction:two", "targeted", ("off2", "off5")),
        ("sanction:direct", "targeted", ()),  # Russia itself is a target: its own row
    ]
    index = cold.open_cold(write_graph(G, tmp_path / "g.kgz", index=True))
    assert index is not None
    with index:
        assert cold.timeline(index, "Russia") == rows
        assert cold.timeline(index, "Russia", as_of="2014-03-31") == \
            q.timeline(q.graph_as_of(G, "2014-03-31").graph, "Russia")


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out, out.err


def test_table_shortens_with_a_count_json_and_csv_list_all(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # one line a row
    data = write(tmp_path / "d.yaml", DATA)
    code, out, _ = _run(["query", "timeline", "Russia", "-d", str(data)], capsys)
    assert code == 0
    lines = out.splitlines()
    head = lines[0]
    assert head.split()[:4] == ["date", "role", "via", "status"]
    via = slice(head.index("via"), head.index("status"))
    assert [line[via].strip() for line in lines[2:]] == [
        "Official 1, Official 2, Official 3 and 4 more", "Official 3",
        "Official 2, Official 5", ""]
    code, out, _ = _run(["query", "timeline", "Russia", "-d", str(data), "--format", "json"],
                        capsys)
    assert [r["via"] for r in json.loads(out)] == [OFFICIALS, ["off3"], ["off2", "off5"], []]
    code, out, _ = _run(["query", "timeline", "Russia", "-d", str(data), "--format", "csv"],
                        capsys)
    # via, then the actor asked about and the record's every imposer, target and speaker
    assert out.splitlines()[1].endswith(",off1|off2|off3|off4|off5|off6|off7,ru,us,"
                                        "off1|off2|off3|off4|off5|off6|off7,")
    # The saved graph's index gives the same table.
    kgz = str(tmp_path / "g.kgz")
    assert _run(["build", "-d", str(data), "-o", kgz], capsys)[0] == 0
    assert _run(["query", "timeline", "Russia", "-d", kgz], capsys) == \
        _run(["query", "timeline", "Russia", "-d", str(data)], capsys)
