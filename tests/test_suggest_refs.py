""""Did you mean" for a misspelt id in a data file (YAML, JSON, JSONL) and on the command
line: the error names file, record and field, then the closest known ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli.app import main
from kg.errors import ValidationFailed
from kg.model.records import Actor
from kg.readwrite.load import load
from kg.resolve.suggest import MAX_LOOKUPS, Suggester

YAML = """\
sources:
  - id: s1
    url: https://example.org/a
actors:
  - id: russia
    name: Russia
    kind: state
  - id: cn
    name: China
    kind: state
    aliases: [PRC]
sanctions:
  - id: x1
    imposers: [cn]
    targets: [rusia]
    sources: [{source: s1}]
  - id: x2
    imposers: [prc]
    targets: [russia]
    sources: [{source: s1}]
  - id: x3
    imposers: [cn]
    targets: [atlantis]
    sources: [{source: s1}]
"""


def messages(path: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as exc:
        load([path])
    return [str(p) for p in exc.value.problems]


def test_yaml_names_file_record_field_and_the_closest_id(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(YAML, encoding="utf-8")
    assert messages(f) == [
        f"{f}:13 [sanction 'x1'] [targets]: unknown actor 'rusia'; did you mean 'russia'?",
        f"{f}:17 [sanction 'x2'] [imposers]: unknown actor 'prc'; did you mean 'cn' (China)?",
        f"{f}:21 [sanction 'x3'] [targets]: unknown actor 'atlantis'"]  # nothing close


def test_json_and_jsonl(tmp_path: Path) -> None:
    f = tmp_path / "bad.json"
    f.write_text(json.dumps({
        "sources": [{"id": "s1", "url": "https://example.org"}],
        "actors": [{"id": "ru", "name": "Russia", "kind": "state"}],
        "sanctions": [{"id": "x", "imposers": ["ru"], "targets": ["russia"],
                       "sources": [{"source": "sl"}]}]}), encoding="utf-8")
    assert messages(f) == [
        f"{f} [sanction 'x'] [targets]: unknown actor 'russia'; did you mean 'ru' (Russia)?",
        f"{f} [sanction 'x'] [sources]: unknown source 'sl'"]  # 's1': too short to tell
    g = tmp_path / "bad.jsonl"
    g.write_text("\n".join(json.dumps(r) for r in [
        {"type": "actor", "id": "ukraine", "name": "Ukraine", "kind": "state"},
        {"type": "source", "id": "kyiv-post", "url": "https://example.org"},
        {"type": "sanction", "id": "y", "imposers": ["ukraine"], "targets": ["ukrain"],
         "sources": [{"source": "kiev-post"}]},
        # an invalid record's references are checked too
        {"type": "sanction", "id": "z", "imposers": ["ukrane"], "targets": ["ukraine"],
         "status": "bogus", "sources": [{"source": "kyiv-post"}]}]) + "\n", encoding="utf-8")
    got = messages(g)
    assert f"{g}:3 [sanction 'y'] [targets]: unknown actor 'ukrain'; did you mean " \
           "'ukraine'?" in got
    assert f"{g}:3 [sanction 'y'] [sources]: unknown source 'kiev-post'; did you mean " \
           "'kyiv-post'?" in got
    assert f"{g}:4 [sanction 'z'] [imposers]: unknown actor 'ukrane'; did you mean " \
           "'ukraine'?" in got


def test_cli_exit_1_with_the_suggestion(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(YAML, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["validate", str(f)])
    _, err = capsys.readouterr()
    assert exc.value.code == 1
    assert f"kg: error: {f}:13 [sanction 'x1'] [targets]: unknown actor 'rusia'; did you " \
           "mean 'russia'?" in err.splitlines()
    assert "Traceback" not in err


def test_command_line_names_suggest_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["query", "sanctioned-by", "chnia", "-d", "examples"])
    _, err = capsys.readouterr()
    assert exc.value.code == 2
    assert err == "kg: error: no actor is called 'chnia'; did you mean 'China', 'Czechia'?\n"


def test_judgement_on_a_misspelt_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.yaml"
    a.write_text("actors:\n  - {id: ofac-9001, name: VESK Orlan, kind: person}\n"
                 "  - {id: un-kpi-1, name: Orlan Vesk, kind: person}\n", encoding="utf-8")
    j = tmp_path / "j.yaml"
    j.write_text("- {ids: [ofac-9010, un-kpi-1], same: true}\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["merge", str(a), "-o", str(tmp_path / "m.jsonl"), "--judgements", str(j)])
    _, err = capsys.readouterr()
    assert "note: judgement on ofac-9010, un-kpi-1: ofac-9010 not in the data (left out); " \
           "did you mean 'ofac-9001'?" in err.splitlines()


def test_suggester_ranks_and_stops() -> None:
    actors = [Actor(id="ru", name="Russia", kind="state"),
              Actor(id="russia-gov", name="Government of Russia", kind="government_body"),
              Actor(id="by", name="Belarus", kind="state")]
    s = Suggester({"actor": actors})
    assert s.close("russia", "actor") == ["'ru' (Russia)"]  # its name: alone
    assert s.close("russia-govt", "actor") == ["'russia-gov'"]
    assert s.close("rusia", "actor") == ["'ru' (Russia)"]  # 'russia-gov' far short of it
    assert s.message("belarus", "actor") == "; did you mean 'by' (Belarus)?"
    assert s.message("zzz", "actor") == ""
    assert s.close("rusia", "source") == []
    for i in range(MAX_LOOKUPS):
        s.close(f"x{i}", "actor")
    assert s.close("belaruss", "actor") == []  # a load past that many gets no more


def test_own_data_naming_bundled_actors_by_a_near_id(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """An id nothing in the user's data comes close to, but a bundled actor does: the hint
    names it and the file that declares it."""
    monkeypatch.chdir(Path(__file__).parent.parent)
    mine = tmp_path / "own.yaml"
    mine.write_text("sources:\n  - {id: s1, title: T}\n"
                    "actors:\n  - {id: ryabkov, name: Sergei Ryabkov, kind: person}\n"
                    "sanctions:\n  - {id: x1, imposers: [us, unitedstates], "
                    "targets: [ryabkov, russia, atlantis], sources: [{source: s1}]}\n",
                    encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["validate", str(mine)])
    err = capsys.readouterr()[1].splitlines()
    assert exc.value.code == 1
    assert err[2] == f"kg: error: {mine}:6 [sanction 'x1'] [targets]: unknown actor 'russia'"
    assert err[-1] == ("kg: hint: 'us' is an actor of the bundled data; 'unitedstates' may be "
                       "'us' (United States) of the bundled data; 'russia' may be 'ru' "
                       "(Russia) of the bundled data: pass examples/actors.yaml beside your "
                       "files (or declare them)")
