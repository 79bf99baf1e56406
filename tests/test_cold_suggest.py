"""A name no actor has, asked of a saved graph: the error and its "did you mean"
suggestions come from the saved graph's name tables, the same as the whole graph gives,
without loading the graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from factory import actor, dataset, graph_of, sanction, write

from kg import query as q
from kg.cli.app import main
from kg.errors import ResolveError
from kg.graph.store import write_graph
from kg.query import cold

DATA = dataset(
    actors=[actor("us", "United States", aliases=["U.S.A."]), actor("ru", "Russia"),
            actor("p1", "Ivan Petrov", kind="person", country="ru", aliases=["I. Petrov"]),
            actor("p2", "Ivana Petrova", kind="person", country="ru"),
            # One key ("acme trading") spelled two ways by two actors: the first one's.
            actor("o1", "ACME Trading", kind="organization", country="us"),
            actor("o2", "Acme-Trading", kind="organization", country="gb"),
            actor("o3", "Zenith Holdings", kind="organization", country="ru",
                  weak_aliases=["Zenit"])],
    sanctions=[sanction("s1", ["us"], ["p1", "p2", "o3"], date="2022-02-24"),
               sanction("s2", ["us"], ["o1"], date="2022-03-01")])

# Names the matcher finds no candidate for (the resolver's suggestions answer), and names
# it finds unclear candidates for (its own suggestions).
UNKNOWN = ["Rsu", "Ivn Ptrv", "Acmetrading", "Petrov Ivanovich Sidorov", "Nobody At All",
           "Unitd Stetes Amerika", "acme tradng co", "Zenitt"]


def _error(call: object, name: str) -> str:
    with pytest.raises(ResolveError) as exc:
        call(name)  # type: ignore[operator]
    return str(exc.value)


def test_same_error_and_suggestions_as_the_graph(tmp_path: Path) -> None:
    G = graph_of(DATA)
    index = cold.open_cold(write_graph(G, tmp_path / "g.kgz", index=True))
    assert index is not None
    with index:
        for name in UNKNOWN:
            assert _error(index.resolve, name) == _error(lambda n: q.resolve_actor(G, n),
                                                         name), name
        # "rus" (Russia's ISO alpha-3 code) is a key the resolver adds for the state, not
        # a name of it: suggested by neither.
        assert index.q("SELECT id FROM names WHERE key = 'rus'") == [("ru",)]
        assert _error(index.resolve, "Rsu") == "no actor is called 'Rsu'"
        # Names and aliases as the first actor holding each spelled them.
        assert _error(index.resolve, "Ivn Ptrv") == (
            "no actor is called 'Ivn Ptrv'; did you mean 'Ivan Petrov', 'Ivana Petrova', "
            "'I. Petrov'?")
        assert _error(index.resolve, "Acmetrading") == \
            "no actor is called 'Acmetrading'; did you mean 'ACME Trading'?"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out, out.err


def test_cli_answers_from_the_tables_without_loading_the_graph(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = str(write(tmp_path / "d.yaml", DATA))
    kgz = str(tmp_path / "g.kgz")
    assert _run(["build", "-d", data, "-o", kgz], capsys)[0] == 0
    wanted = {}
    for name in ["Ivn Ptrv", "Acmetrading", "Nobody At All"]:
        wanted[name] = _run(["query", "who-sanctioned", name, "-d", data], capsys)
    assert wanted["Acmetrading"] == (2, "", "kg: error: no actor is called 'Acmetrading'; "
                                            "did you mean 'ACME Trading'?\n")

    def no_graph(*args: object, **kw: object) -> None:
        raise AssertionError("the whole graph was loaded")

    monkeypatch.setattr("kg.cli.query.load_graph", no_graph)
    for name, want in wanted.items():
        assert _run(["query", "who-sanctioned", name, "-d", kgz], capsys) == want, name
        assert _run(["query", "timeline", name, "-d", kgz], capsys) == want, name
