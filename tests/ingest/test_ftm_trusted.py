"""The FtM importer builds actors and sanctions without pydantic's validation when it is
sure they pass (kg.model.trusted.build_actor / build_sanction) and writes them with orjson
(kg.ingest.rows.fast_row). These tests import every FtM fixture and generated, hostile
entities three ways and compare:

* fast: as ``kg import ftm`` does;
* validated: every record through ``Actor(**fields)`` / ``Sanction(**fields)`` and every
  line through pydantic's serializer (the importer before the fast path);
* checked: the fast path, with each record it builds without validation also built by
  pydantic and compared (fields, fields set, JSON line), so a record the fast path accepts
  and pydantic would refuse or change fails the test where it is made.

The output bytes, the import report and any error must be the same.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.ingest
import kg.ingest.ftm as ftm
import kg.ingest.ftm_sanctions as ftm_sanctions
import kg.ingest.rows as rows
from kg.ingest import write_import
from kg.model import trusted
from kg.model.records import Actor, Sanction

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = "2026-06-01"


def _pydantic_line(rec: Any) -> bytes:
    return kg.ingest.record_line(rec).encode("utf-8")


def _run(paths: list[Path], out: Path, mode: str, monkeypatch: pytest.MonkeyPatch,
         ) -> tuple[bytes | None, dict[str, Any] | None, str | None]:
    """(output bytes, report, error) of one import in ``mode``."""
    with monkeypatch.context() as m:
        if mode != "fast":  # records built, then written (no line written straight away),
            m.setattr(kg.ingest, "_LINE_READERS", frozenset())  # every sanction read whole
            m.setattr(ftm_sanctions, "SAME_MAX", 0)
        if mode == "validated":
            m.setattr(trusted, "build_actor", lambda f: Actor(**f))
            m.setattr(trusted, "build_sanction", lambda f: Sanction(**f))
            m.setattr(kg.ingest, "fast_row", lambda rec: None)
        elif mode == "checked":
            fast_actor, fast_sanction = trusted.build_actor, trusted.build_sanction

            def check(model: type[Any], fast: Any, fields: dict[str, Any]) -> Any:
                built = fast(fields)
                slow = model(**fields)  # raises if pydantic refuses what the fast path took
                assert built.__dict__ == slow.__dict__
                assert list(built.__dict__) == list(slow.__dict__)
                assert built.__pydantic_fields_set__ == slow.__pydantic_fields_set__
                assert built == slow
                assert kg.ingest.record_bytes(built) == _pydantic_line(slow)
                return built

            m.setattr(trusted, "build_actor", lambda f: check(Actor, fast_actor, f))
            m.setattr(trusted, "build_sanction", lambda f: check(Sanction, fast_sanction, f))
        if out.exists():
            out.unlink()
        try:
            report = write_import("ftm", paths, out, today=TODAY)
        except Exception as exc:  # the same error both ways is part of the contract
            return None, None, f"{type(exc).__name__}: {exc}"
        return (out.read_bytes() if out.exists() else None), report.to_dict(), None


def _same_three_ways(paths: list[Path], tmp: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    fast = _run(paths, tmp / "fast.jsonl", "fast", monkeypatch)
    validated = _run(paths, tmp / "validated.jsonl", "validated", monkeypatch)
    checked = _run(paths, tmp / "checked.jsonl", "checked", monkeypatch)
    assert fast == validated
    assert checked == fast
    return fast[0] or b""


@pytest.mark.parametrize("names", [["entities.ftm.json"], ["ownership.ftm.json"],
                                   ["targets.simple.csv"],
                                   ["entities.ftm.json", "ownership.ftm.json"]])
def test_every_fixture_same_three_ways(names: list[str], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    out = _same_three_ways([FIXTURES / n for n in names], tmp_path, monkeypatch)
    assert out.count(b'"type":"actor"') >= 2


@pytest.mark.parametrize("lines", [True, False])
def test_fast_path_is_taken(lines: bool, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture's plain entities are built without validation, and written by
    write_import as lines with no record built (else nothing is proven)."""
    built: list[str] = []
    written: list[str] = []
    fast, line, entity_line = trusted.build_actor, rows.actor_line, ftm.actor_fast

    def straight(*args: Any) -> Any:  # the whole-entity fast path (kg.ingest.ftm_fast)
        got = entity_line(*args)
        if got:
            written.append(json.loads(got[1])["id"])  # (new sources, its line)
        return got

    monkeypatch.setattr(trusted, "build_actor", lambda f: built.append(f["id"]) or fast(f))
    monkeypatch.setattr(ftm, "actor_line",
                        lambda f, s=None: written.append(f["id"]) or line(f, s))
    monkeypatch.setattr(ftm, "actor_fast", straight)
    if not lines:
        monkeypatch.setattr(kg.ingest, "_LINE_READERS", frozenset())
    write_import("ftm", [FIXTURES / "entities.ftm.json"], tmp_path / "o.jsonl", today=TODAY)
    made = written if lines else built
    assert "ftm-q98765402" in made and len(made) >= 4
    assert (built if lines else written) == []


# Values that sit on the edge of a model rule: white space pydantic strips or does not
# (U+001F is white space to str.strip, not to pydantic), lone surrogates (pydantic refuses
# them; json.dumps writes them as escapes, orjson refuses the line, json reads it), digits
# that are not ASCII, trailing line breaks, impossible dates, long ids.
EDGE = ["", " ", "\t", "\n", "\x1f", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "\u180e",
        "\u200b", "\ufeff", "\ud800", "\udfff", "\x00", "\x7f", "é", "K", "\u212a"]
texts = st.builds(lambda a, core, b: a + core + b, st.sampled_from(EDGE),
                  st.one_of(st.sampled_from(["Orlan Vesk", "ACME", "ru", "Q42", "x"]),
                            st.text(max_size=8)),
                  st.sampled_from(EDGE))
ids = st.one_of(st.sampled_from(["Q42", "Q42\n", " Q7 ", "Q\u0661\u0662", "NK-AbC", "ofac-12",
                                 "a b", "x" * 250, "ü-1", "-a-", "a.", "Q0"]), texts)
dates = st.one_of(st.sampled_from(["1961-04-02", "1965 to 1967", "0000 to 0003",
                                   "0999 to 1001", "circa 1950", "16-07-68", "2021-02-30",
                                   "\u0661\u0669\u0666\u0665", "2019", "2030-01-01",
                                   "2001/10/06", "06/10/2001", "2021-03", "bad"]), texts)
countries = st.one_of(st.sampled_from(["ru", "RU", " gb", "xx-123", "\u212ab", "zz", "kp",
                                       "Russia", "Iranian", "Korea, North", "eu", "un"]), texts)


def _props(draw: Any, keys: dict[str, Any]) -> dict[str, list[str]]:
    out = {}
    for key, strategy in keys.items():
        vals = draw(st.lists(strategy, max_size=2))
        if vals:
            out[key] = vals
    return out


@st.composite
def entities(draw: Any) -> list[dict[str, Any]]:
    actor_ids = draw(st.lists(ids, min_size=1, max_size=3))
    out: list[dict[str, Any]] = []
    for eid in actor_ids:
        props = _props(draw, {
            "name": texts, "alias": texts, "weakAlias": texts, "previousName": texts,
            "country": countries, "nationality": countries, "citizenship": countries,
            "birthDate": dates, "wikidataId": ids, "innCode": texts, "passportNumber": texts,
            "position": texts, "notes": texts,
            "topics": st.sampled_from(["sanction", "sanction.counter", "sanction.linked"]),
            "sourceUrl": st.sampled_from(["https://a.example/x", "ftp://b", " "])})
        entity = {"id": eid, "schema": draw(st.sampled_from(["Person", "Company", "Vessel",
                                                              "Organization"])),
                  "properties": props,
                  "datasets": draw(st.lists(st.sampled_from(["us_ofac_sdn", "eu_fsf",
                                                             "unknown_ds", " "]), max_size=2))}
        if draw(st.booleans()):
            entity["caption"] = draw(texts)
        out.append(entity)
    for i in range(draw(st.integers(0, 3))):
        props = _props(draw, {
            "authority": st.sampled_from(["Office of Foreign Assets Control",
                                          "Council of the European Union", "Nobody", " "]),
            "country": countries, "program": texts, "reason": texts,
            "provisions": st.sampled_from(["Block", "Asset freeze", "Travel ban", "x"]),
            "startDate": dates, "listingDate": dates, "endDate": dates,
            "status": st.sampled_from(["active", "delisted", " "])})
        props["entity"] = draw(st.lists(st.sampled_from([*actor_ids, "missing"]),
                                        min_size=1, max_size=3))
        out.insert(draw(st.integers(0, len(out))),
                   {"id": draw(ids) + f"-s{i}", "schema": "Sanction", "properties": props,
                    "datasets": ["us_ofac_sdn"]})
    if draw(st.booleans()):
        out.append({"id": "own-1", "schema": "Ownership",
                    "properties": {"owner": [actor_ids[0]], "asset": [actor_ids[-1]],
                                   "percentage": [draw(st.sampled_from(["51", "0", "x"]))],
                                   "startDate": [draw(dates)]}})
    return out


def _write(entities: list[dict[str, Any]], path: Path) -> None:
    lines = []
    for e in entities:
        try:  # a string with a lone surrogate cannot be UTF-8: write it as an escape
            lines.append(json.dumps(e, ensure_ascii=False).encode("utf-8"))
        except UnicodeEncodeError:
            lines.append(json.dumps(e).encode("ascii"))
    path.write_bytes(b"\n".join(lines) + b"\n")


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(entities())
def test_generated_entities_same_three_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            generated: list[dict[str, Any]]) -> None:
    path = tmp_path / "g.ftm.json"
    _write(generated, path)
    _same_three_ways([path], tmp_path, monkeypatch)


@pytest.mark.parametrize("mutation", ["crlf", "bom", "cp1252", "control", "long_name",
                                      "surrogate", "bad_json"])
def test_mutated_fixture_same_three_ways(mutation: str, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "entities.ftm.json").read_bytes()
    if mutation == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif mutation == "bom":
        data = b"\xef\xbb\xbf" + data
    elif mutation == "cp1252":
        data = data.replace(b"Vesk", "V\xe9sk".encode("cp1252"))
    elif mutation == "control":
        data = data.replace(b"Orlan", b"Or\x1flan\x1f")
    elif mutation == "long_name":  # cut at 100,000 characters, right after a space
        data = data.replace(b'"O. Vesk"', b'"' + b"a" * 99_999 + b' b"')
        data = data.replace(b'"Orlan Vesk"', b'"' + b"a" * 99_999 + b' b"')
    elif mutation == "surrogate":
        data = data.replace(b"Orlan", b"\\ud800Orlan")
    elif mutation == "bad_json":
        data = data.replace(b'"schema": "Vessel"', b'"schema": "Vessel",,')
    path = tmp_path / "m.ftm.json"
    path.write_bytes(data)
    out = _same_three_ways([path], tmp_path, monkeypatch)
    assert out.count(b'"type":"actor"') >= 2


def _slug_id_before(prefix: str, raw: str) -> str:
    """kg.ingest.common.slug_id as it was before its shortcut for values already slugs."""
    import hashlib
    import re

    value = raw.strip()
    folded = re.sub(r"[^a-z0-9._:-]+", "-", value.lower()).strip("-._:") or "x"
    if folded != value and not re.fullmatch(r"Q[1-9]\d*", value):
        folded += "-" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]
    out = f"{prefix}-{folded}"
    if len(out) > 200:
        out = out[:180] + "-" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:12]
    return out


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["ftm", "ofac", "x" * 190]),
       st.one_of(ids, st.from_regex(r"[a-z0-9._:-]{0,220}", fullmatch=True),
                 st.text(alphabet="aZ09._:- \n", max_size=205)))
def test_slug_id_shortcut_gives_the_same_ids(prefix: str, raw: str) -> None:
    from kg.ingest.common import slug_id

    def outcome(f: Any) -> str:
        try:
            return f(prefix, raw)
        except UnicodeEncodeError as exc:  # a lone surrogate: both refuse it alike
            return repr(exc)

    assert outcome(slug_id) == outcome(_slug_id_before)


def _import_lines(tmp: Path, *lines: str) -> tuple[list[dict[str, Any]], Any]:
    path = tmp / "h.ftm.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = write_import("ftm", [path], tmp / "h.jsonl", today=TODAY)
    rows = [json.loads(x) for x in (tmp / "h.jsonl").read_text(encoding="utf-8").splitlines()]
    return rows, report


def test_hostile_values_that_crashed_validation_are_reported(tmp_path: Path) -> None:
    """Four inputs the generated entities found that ended in a traceback before."""
    long_id = "x" * 230
    rows, report = _import_lines(
        tmp_path,
        '{"id": "p1", "schema": "Person", "properties": {"name": ["A"], '
        '"birthDate": ["0000 to 0003", "0999 to 1001"]}}',
        '{"id": "p2", "schema": "Person", "properties": {"name": ["\\ud800B"]}}',
        '{"id": "s1", "schema": "Sanction", "properties": {"entity": ["p1"], '
        '"authority": ["Nobody", "Nobody"]}}',
        f'{{"id": "{long_id}", "schema": "Person", "properties": {{"name": ["C"], '
        '"topics": ["sanction"]}, "datasets": ["eu_fsf"]}')
    actors = {r["id"]: r for r in rows if r["type"] == "actor"}
    assert actors["ftm-p1"]["birth_dates"] == ["0999", "1000", "1001"]
    assert actors["ftm-p2"]["name"] == "\ufffdB"
    assert actors["body-nobody"].get("part_of") is None
    sanction = next(r for r in rows if r["type"] == "sanction" and r["id"] == "ftm-s1")
    assert sanction["imposers"] == ["body-nobody"]
    long_actor = next(a for a in actors if a.startswith("ftm-xxx"))
    listing = next(r for r in rows if r["type"] == "sanction" and r["targets"] == [long_actor])
    assert len(listing["id"]) == 193 and listing["imposers"] == ["eu"]
    messages = [c["message"] for c in report.to_dict()["changed"]]
    assert any("range of years from 0000" in m for m in messages)
    assert any("read as U+FFFD" in m for m in messages)
    assert report.skipped_total == 0


def test_slug_id_same_past_its_cache() -> None:
    """slug_id remembers the ids it made of ids that are not slugs (a plain dict, emptied
    when full): the ids are the same before, across and after it is emptied."""
    from kg.ingest import ids

    raws = [f"NK-Ab{i}" for i in range(ids._MADE_MAX + 50)] + ["Q42", " x ", "ü"]
    first = [ids.slug_id("ftm", r) for r in raws]
    assert first == [_slug_id_before("ftm", r) for r in raws]
    assert [ids.slug_id("ftm", r) for r in reversed(raws)] == first[::-1]
    assert len(ids._MADE) <= ids._MADE_MAX
