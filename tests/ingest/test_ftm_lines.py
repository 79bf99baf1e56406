"""``kg import ftm`` writes the actors and sanctions it is sure of straight to their JSONL
lines (kg.ingest.rows.actor_line / sanction_line), never building the record. Each line
must be the bytes the record would have been written as: the built record through
kg.ingest.rows.fast_row and through pydantic's own serializer, on generated fields (every
optional field present, empty or missing; odd characters), and the whole import must give
the records read_records yields (tests/ingest/test_ftm_trusted.py compares whole imports).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.ingest
import kg.ingest.ftm_sanctions as ftm_sanctions
from kg.ingest import import_dataset, record_line, write_import
from kg.ingest.ftm_cites import Cites
from kg.ingest.rows import actor_line, cites_json, fast_row, sanction_line
from kg.model import trusted
from kg.model.records import RECORD_TYPES, Actor, Citation, ReasonRef, Sanction
from kg.model.vocab import ActorKind, Measure, Reason, Status

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = "2026-06-01"

texts = st.one_of(st.sampled_from(["Orlan Vesk", "é\u2028x", "a\"b\\c", "\u212a", "😀",
                                   "</script>", "x" * 300]),
                  st.text(min_size=1, max_size=6).map(str.strip).filter(bool))
cites = st.lists(st.sampled_from([Citation(source="ftm-dataset-us-ofac-sdn"),
                                  Citation(source="url-0123456789abcdef"),
                                  Citation(source="s", quote="q", start=1, end=2)]),
                 min_size=1, max_size=3, unique_by=lambda c: c.source)
MISSING = object()


def _maybe(value: Any, empty: Any) -> Any:
    """The value, its empty form, or (MISSING) no key at all."""
    return st.sampled_from([value, empty, MISSING])


@st.composite
def actor_fields(draw: Any) -> dict[str, Any]:
    name = draw(texts)
    fields: dict[str, Any] = {
        "id": draw(st.sampled_from(["ftm-q42", "ftm-nk-vesk-0-1a2b3c4d", "ftm-" + "a" * 196])),
        "name": name, "kind": draw(st.sampled_from(list(ActorKind))),
        "identifiers": draw(st.sampled_from([{"opensanctions": "Q42"},
                                             {"opensanctions": "x", "inn": "77; 78"}])),
        "sources": draw(cites)}
    optional = {
        "country": _maybe(draw(st.sampled_from(["ru", "gb-sct"])), None),
        "aliases": _maybe([a for a in draw(st.lists(texts, max_size=3, unique=True))
                           if a != name], []),
        "weak_aliases": _maybe(["Abu Ali"] if name != "Abu Ali" else [], []),
        "description": _maybe(draw(texts), None), "wikidata_id": _maybe("Q98765401", None),
        "position": _maybe(draw(texts), None),
        "birth_dates": _maybe(draw(st.sampled_from([["1961-04-02"], ["1965", "1966"]])), []),
        "nationalities": _maybe(["kp", "ir"], []),
    }
    for key, choice in optional.items():
        value = draw(choice)
        if value is not MISSING:
            fields[key] = value
    if set(fields.get("weak_aliases", ())) & {fields["name"], *fields.get("aliases", ())}:
        fields["weak_aliases"] = []
    return fields


@st.composite
def sanction_fields(draw: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": "ftm-ofac-san-vesk-0", "imposers": draw(st.sampled_from([["us"], ["eu", "gb"]])),
        "targets": draw(st.sampled_from([["ftm-a"], ["ftm-a", "ftm-b"]])),
        "sources": draw(cites)}
    optional = {
        "authorities": _maybe(["us-ofac"], []),
        "status": st.sampled_from([Status.IMPOSED, Status.LIFTED, MISSING]),
        "measures": _maybe([Measure.ASSET_FREEZE, Measure.TRAVEL_BAN], []),
        "reasons": _maybe([ReasonRef(category=Reason.OTHER, detail=draw(texts)),
                           ReasonRef(category=Reason.RETALIATION)], []),
        "date": _maybe("2017-06-01", None), "end_date": _maybe("2030", None),
        "program": _maybe(draw(texts), None),
    }
    for key, choice in optional.items():
        value = draw(choice)
        if value is not MISSING:
            fields[key] = value
    return fields


@settings(max_examples=300, deadline=None)
@given(actor_fields())
def test_actor_line_is_the_records_line(fields: dict[str, Any]) -> None:
    line = actor_line(fields)
    assert line is not None and line.type == "actor" and line.id == fields["id"]
    assert line.data == fast_row(trusted.build_actor(fields))
    assert line.data == record_line(Actor(**fields)).encode("utf-8")
    shared = actor_line(fields, cites_json(fields["sources"]))  # the citations written once
    assert shared is not None and shared.data == line.data


@settings(max_examples=300, deadline=None)
@given(sanction_fields())
def test_sanction_line_is_the_records_line(fields: dict[str, Any]) -> None:
    line = sanction_line(fields)
    assert line is not None and line.type == "sanction" and line.id == fields["id"]
    assert line.data == fast_row(trusted.build_sanction(fields))
    assert line.data == record_line(Sanction(**fields)).encode("utf-8")
    shared = sanction_line(fields, cites_json(fields["sources"]))
    assert shared is not None and shared.data == line.data


def _key(row: dict[str, Any]) -> tuple[str, str]:
    return row["type"], row["id"]


def test_import_writes_lines_for_sanctions_too(tmp_path: Path, monkeypatch: Any) -> None:
    """Both kinds of line are taken on the fixture (else the comparisons prove nothing),
    and the file holds what import_dataset (records, no line) reads, record for record."""
    made: list[str] = []
    line = kg.ingest.rows.sanction_line
    monkeypatch.setattr(ftm_sanctions, "sanction_line",
                        lambda f, s=None: made.append(f["id"]) or line(f, s))
    out = tmp_path / "o.jsonl"
    report = write_import("ftm", [FIXTURES / "entities.ftm.json"], out, today=TODAY)
    assert len(made) >= 3
    ds, again = import_dataset("ftm", [FIXTURES / "entities.ftm.json"], today=TODAY)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    expected = [json.loads(record_line(r)) for kind in RECORD_TYPES
                for r in ds.section(kind)]
    assert sorted(rows, key=_key) == sorted(expected, key=_key)
    assert report.to_dict() == again.to_dict()


def _repeated_sanctions(path: Path) -> int:
    """A file of sanctions that repeat one text, with the variants that report something
    (an unreadable date, an end before the start, an unknown country), a counter-sanctioned
    target, a target named twice, a lone surrogate and a list among the datasets; returns
    the number of sanctions."""
    text = {"authority": ["Office of Foreign Assets Control"], "country": ["us"],
            "program": ["DPRK3"], "provisions": ["Block"], "listingDate": ["2017-06-01"],
            "sourceUrl": ["https://ofac.example.org/recent-actions/20170601"]}
    variants: list[tuple[dict[str, list[str]], Any]] = [
        ({}, ["us_ofac_sdn"]), ({}, ["us_ofac_sdn"]), ({"listingDate": ["16-07-68"]}, None),
        ({"endDate": ["2001"]}, ["us_ofac_sdn"]), ({"country": ["us", "Atlantis"]}, None),
        ({}, ["us_ofac_sdn", ["x"]]), ({"endDate": ["2020-01-01"]}, ["eu_fsf"]), ({}, None)]
    lines, count = [], 0
    for copy in range(6):
        for v, (over, datasets) in enumerate(variants):
            who = f"p-{copy}-{v}"
            person: dict[str, Any] = {"id": who, "schema": "Person",
                                      "properties": {"name": [f"Person {copy} {v}"]}}
            if v == 7:
                person["properties"]["topics"] = ["sanction.counter"]
            lines.append(json.dumps(person))
            targets = [who, who] if v == 1 else [who]
            entity: dict[str, Any] = {"id": f"s-{copy}-{v}", "schema": "Sanction",
                                      "properties": {**text, **over, "entity": targets}}
            if datasets is not None:
                entity["datasets"] = datasets
            line = json.dumps(entity)
            if v == 2 and copy == 3:
                line = line.replace("DPRK3", "\\ud800DPRK3")
            lines.append(line)
            count += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count


def test_repeated_sanction_texts_read_once_give_what_reading_each_gives(
        tmp_path: Path, monkeypatch: Any) -> None:
    path = tmp_path / "s.ftm.json"
    total = _repeated_sanctions(path)
    reads: list[str] = []
    read_text = ftm_sanctions._read_text
    monkeypatch.setattr(ftm_sanctions, "_read_text",
                        lambda e, *a: reads.append(e["id"]) or read_text(e, *a))
    runs = []
    for same_max in (ftm_sanctions.SAME_MAX, ftm_sanctions.SAME_MAX, 0):
        reads.clear()
        monkeypatch.setattr(ftm_sanctions, "SAME_MAX", same_max)
        out = tmp_path / f"o{len(runs)}.jsonl"
        report = write_import("ftm", [path], out, today=TODAY)
        runs.append((out.read_bytes(), report.to_dict(), len(reads)))
    (first, rep1, n1), (second, rep2, n2), (whole, rep0, n0) = runs
    assert first == second == whole  # the second import in one process writes its sources
    assert rep1 == rep2 == rep0
    assert n0 == total and n1 == n2 <= total - 15  # the memory was used, and is per import
    assert rep0["changed_total"] >= 6 * 2  # each reported variant, reported on every entry
    assert rep0["notes"]["end dates before the start date left out"] == 6
    assert whole.count(b'"category":"retaliation"') == 6


def test_shared_citations_are_written_once_and_others_with_the_line() -> None:
    from kg.ingest.common import Seen
    from kg.model.records import Source

    cites, seen = Cites(), Seen()
    src = Source(id="file-x", title="x")
    one = {"id": "a", "datasets": ["us_ofac_sdn"], "properties": {}}
    two = {"id": "b", "datasets": ["us_ofac_sdn", "gb_hmt_sanctions"], "properties": {}}
    url = {"id": "c", "datasets": ["us_ofac_sdn"],
           "properties": {"sourceUrl": ["https://example.org/x"]}}
    for entity in (one, two):
        _, first = cites.of(entity, src, seen)
        _, again = cites.of(dict(entity, id="z"), src, seen)
        assert again is first  # the one shared list
        written = cites.json(first)
        assert type(written) is orjson.Fragment and cites.json(again) is written
        assert orjson.dumps({"s": written}) == \
            b'{"s":' + json.dumps([{"source": c.source} for c in first],
                                  separators=(",", ":")).encode() + b"}"
    _, own = cites.of(url, src, seen)  # a list made for this entity: written with the line
    assert len(own) == 2 and cites.json(own) is own
    assert cites.json([Citation(source="s")]) == [Citation(source="s")]


def test_import_without_shared_citations_writes_the_same_bytes(tmp_path: Path,
                                                                 monkeypatch: Any) -> None:
    fixture = FIXTURES / "entities.ftm.json"
    fast = write_import("ftm", [fixture], tmp_path / "fast.jsonl")
    monkeypatch.setattr(Cites, "json", lambda self, cites: cites)
    slow = write_import("ftm", [fixture], tmp_path / "slow.jsonl")
    assert (tmp_path / "fast.jsonl").read_bytes() == (tmp_path / "slow.jsonl").read_bytes()
    assert fast.to_dict() == slow.to_dict()
