"""``kg import ftm`` writes the common entity straight from its JSON to its line
(kg/ingest/ftm_fast.py: an actor whose reading reports nothing, a sanction whose text was
written before). It must change nothing: the output bytes and the import report are compared with the fast path
switched off, on inputs made to take it (the benchmark's replicated entities, shuffled so
sanctions wait for their targets, repeated ids) and to leave it (the fixtures, generated
hostile entities), and the fast path must be taken where it can be.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.ingest.ftm as ftm
import kg.ingest.ftm_fast as ftm_fast
import kg.ingest.ftm_sanctions as ftm_sanctions
from kg.ingest import write_import
from tests.ingest.test_ftm_trusted import _write, entities  # the hostile entities

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = "2026-06-01"


def _both(paths: list[Path], tmp: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """Import ``paths`` with the fast path and without it; the bytes and reports must be
    the same. Returns the output."""
    got = []
    for fast in (True, False):
        out = tmp / f"out-{fast}.jsonl"
        with monkeypatch.context() as m:
            m.setattr(ftm, "FAST", fast)
            report = write_import("ftm", paths, out, today=TODAY)
        got.append((out.read_bytes() if out.exists() else None, report.to_dict()))
    assert got[0] == got[1]
    return got[0][0] or b""


def _replicated(path: Path, copies: int, shuffle: bool = False) -> int:
    """The benchmark's file (benchmarks/ingest_ftm.py build_file) of the fixture's
    entities, ``copies`` times; shuffled (sanctions before their targets, ids repeated)
    when asked. Returns the number of lines."""
    sys.path.insert(0, str(Path(__file__).parents[2]))
    from benchmarks.ingest_ftm import build_file

    n = build_file(path, copies * 10)
    if shuffle:
        lines = path.read_bytes().splitlines()
        random.Random(7).shuffle(lines)
        lines += lines[:15]
        path.write_bytes(b"\n".join(lines) + b"\n")
    return n


@pytest.mark.parametrize("shuffle", [False, True])
def test_replicated_entities_same_both_ways(shuffle: bool, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.ftm.json"
    _replicated(path, 40, shuffle)
    out = _both([path, FIXTURES / "entities.ftm.json"], tmp_path, monkeypatch)
    assert out.count(b'"type":"sanction"') >= 160


def test_fast_path_is_taken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nearly every actor and sanction of the replicated file is written by ftm_fast (else
    the comparisons above prove nothing)."""
    path = tmp_path / "big.ftm.json"
    _replicated(path, 50)
    taken = {"actor": 0, "sanction": 0}

    def count(kind: str, fn: Any, written: Any) -> Any:
        def wrapped(*args: Any) -> Any:
            got = fn(*args)
            taken[kind] += bool(written(got))
            return got
        return wrapped

    monkeypatch.setattr(ftm, "actor_fast", count("actor", ftm_fast.actor_fast, bool))
    monkeypatch.setattr(ftm, "sanction_raw",
                        count("sanction", ftm_fast.sanction_raw, lambda got: got[0]))
    monkeypatch.setattr(ftm, "sanction_fast", count("sanction", ftm_fast.sanction_fast, bool))
    report = write_import("ftm", [path], tmp_path / "o.jsonl", today=TODAY)
    assert report.imported["sanction"] == 200  # and 250 actors, with the imposers
    assert taken["actor"] == 250
    assert taken["sanction"] >= 190  # each text read in full once


@pytest.mark.parametrize("names", [["entities.ftm.json"], ["ownership.ftm.json"],
                                   ["targets.simple.csv"],
                                   ["entities.ftm.json", "ownership.ftm.json"]])
def test_fixtures_same_both_ways(names: list[str], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _both([FIXTURES / n for n in names], tmp_path, monkeypatch)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(st.lists(entities(), min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_generated_entities_same_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           groups: list[list[dict[str, Any]]],
                                           rnd: random.Random) -> None:
    """Hostile entities, each group's sanctions repeated under other ids (so a text is met
    again: the remembered lines are used) and targets repeated."""
    out: list[dict[str, Any]] = []
    for group in groups:
        out += group
        for e in group:
            if e["schema"] == "Sanction" and rnd.random() < 0.7:
                out.append(dict(e, id=e["id"] + "-again"))
    path = tmp_path / "g.ftm.json"
    _write(out, path)
    _both([path], tmp_path, monkeypatch)


@pytest.mark.parametrize("mutation", ["crlf", "bom", "cp1252", "bare", "numbers",
                                      "surrogate", "long_text"])
def test_mutated_replicated_same_both_ways(mutation: str, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.ftm.json"
    _replicated(path, 8)
    data = path.read_bytes()
    if mutation == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif mutation == "bom":
        data = b"\xef\xbb\xbf" + data
    elif mutation == "cp1252":  # some lines only
        data = data.replace(b"Vesk 3", "V\xe9sk 3".encode("cp1252"))
    elif mutation == "bare":  # a sanction's property as one value, after the same text as lists
        data = data.replace(b'"program": ["DPRK3"], "provisions": ["Block"], '
                            b'"listingDate": ["2017-06-01"], "sourceUrl": '
                            b'["https://ofac.example.org/recent-actions/20170601"]}, '
                            b'"datasets": ["us_ofac_sdn"]}\n{"id": "eu-fsf-nordlight-5"',
                            b'"program": "DPRK3", "provisions": ["Block"], '
                            b'"listingDate": ["2017-06-01"], "sourceUrl": '
                            b'["https://ofac.example.org/recent-actions/20170601"]}, '
                            b'"datasets": ["us_ofac_sdn"]}\n{"id": "eu-fsf-nordlight-5"')
        assert b'"program": "DPRK3"' in data
    elif mutation == "numbers":
        data = data.replace(b'"innCode": ["7700000001"]', b'"innCode": [7700000001]', 3)
    elif mutation == "long_text":  # past ftm_fast.MAX_KEY: not remembered by its JSON
        data = data.replace(b'"reason": ["Financing of terrorism"]',
                            b'"reason": ["Financing of terrorism ' + b"x" * 20_000 + b'"]')
    elif mutation == "surrogate":
        data = data.replace(b'"Orlan Vesk 2"', b'"\\ud800Orlan Vesk 2"')
    path.write_bytes(data)
    _both([path], tmp_path, monkeypatch)


def test_long_line_is_not_held(tmp_path: Path) -> None:
    """A line longer than the limit is reported, and the lines around it are read."""
    path = tmp_path / "long.ftm.json"
    entity = {"id": "p1", "schema": "Person", "properties": {"name": ["A"]}}
    path.write_bytes(b"\n".join([json.dumps(entity).encode(), b"x" * 5000,
                                 json.dumps(dict(entity, id="p2")).encode()]))
    from kg.ingest.common import ImportReport, iter_lines

    report = ImportReport("ftm")
    got = list(iter_lines(path, report, limit=1000))
    assert [n for n, _ in got] == [1, 3]
    assert [s.message for s in report.skipped] == ["line is longer than 1000 bytes"]


@pytest.mark.parametrize("slugs", [1, 3])
def test_forgotten_actor_ids_same_both_ways(slugs: int, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The actors' record ids remembered for the sanctions that name them next
    (``State.slugs``) are forgotten when there are SLUGS: a sanction whose target is no
    longer remembered makes its id again, the same."""
    monkeypatch.setattr(ftm_fast, "SLUGS", slugs)
    path = tmp_path / "big.ftm.json"
    _replicated(path, 12, shuffle=True)
    out = _both([path], tmp_path, monkeypatch)
    assert out.count(b'"type":"sanction"') >= 40


def test_sanctioned_pairs_of_listed_targets_only(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A sanction written as its remembered line notes (target, dataset) only for a target
    listed by a topic (the only pairs a derived listing looks up; the listings derived are
    the full reading's: compared above)."""
    path = tmp_path / "big.ftm.json"
    _replicated(path, 6)
    made: list[Any] = []

    def state(*args: Any, **kw: Any) -> Any:
        made.append(ftm_sanctions.State(*args, **kw))
        return made[-1]

    monkeypatch.setattr(ftm, "State", state)
    write_import("ftm", [path], tmp_path / "o.jsonl", today=TODAY)
    derived = made[0].derived
    targets = {t for t, _ in derived.sanctioned}
    assert "NK-Vesk7Qa-3" in targets and "NK-Vesk7Qa-3" in derived.listed
    # not listed: only the targets of sanctions read before them (noted as they waited)
    assert {t.rsplit("-", 1)[0] for t in targets - set(derived.listed)} == {
        "ru-inn-7700000001"}
