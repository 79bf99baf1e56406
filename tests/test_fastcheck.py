"""The fast first check of records (kg.model.fastcheck): it accepts only what the model
accepts, gives the same instance, and leaves every message to model_validate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from factory import actor, sanction, write
from pydantic import BaseModel, ValidationError

from kg.errors import ValidationFailed
from kg.model.dates import check_date
from kg.model.fastcheck import fast_validator
from kg.model.records import RECORD_TYPES, Actor, Sanction, Source
from kg.readwrite.load import load


def _slow(model: type[BaseModel], raw: dict[str, Any]) -> BaseModel | None:
    try:
        return model.model_validate(raw)
    except ValidationError:
        return None


def _same(fast: BaseModel, slow: BaseModel) -> bool:
    return (type(fast) is type(slow) and fast == slow
            and fast.model_fields_set == slow.model_fields_set)


def _dates(year: int) -> list[str]:
    y = f"{year:04d}"
    return [y, *(f"{y}-{m:02d}" for m in range(14)),
            *(f"{y}-{m:02d}-{d:02d}" for m in range(14) for d in range(33))]


@pytest.mark.parametrize("year", [0, 1, 400, 999, 1000, 1582, 1600, 1700, 1900, 1996, 2000,
                                  2019, 2020, 2021, 2024, 2100, 2400, 9996, 9999])
def test_a_date_is_accepted_only_if_check_date_accepts_it(year: int) -> None:
    check = fast_validator(Source)
    for text in _dates(year):
        try:
            valid = check_date(text) == text
        except ValueError:
            valid = False
        got = check({"id": "s", "published": text})
        if got is not None:
            assert valid, text
            assert got.published == text
        else:  # the fast check leaves only years before 1000 (and bad dates) to pydantic
            assert not valid or year < 1000, text


@pytest.mark.parametrize("rid", [
    "us", "a.b:c_d-e", "0x", " us ", "us\n", "a" * 200, "a" * 201, "", " ", "US", "-us",
    "u s", "é", "ü1", "\u0661", "us\u00a0", "\u00a0us", "us\x1c", "\x1cus", "a/b", "us$",
    "us\n\nx"])
def test_an_id_is_accepted_only_as_the_model_accepts_it(rid: str) -> None:
    raw = {"id": rid, "name": "X", "kind": "state"}
    fast, slow = fast_validator(Actor)(raw), _slow(Actor, raw)
    if slow is None:
        assert fast is None
    elif fast is not None:
        assert _same(fast, slow)
    if rid.strip(" \n") in ("us", "a.b:c_d-e", "0x", "a" * 200):
        assert fast is not None and fast.id == rid.strip()  # the usual case is decided fast


def test_repeated_ids_and_broken_rules_are_left_to_model_validate() -> None:
    check = fast_validator(Sanction)
    base = {"id": "s1", "imposers": ["us"], "targets": ["cn"], "sources": [{"source": "a"}]}
    assert check(base) is not None
    for bad in ({"imposers": ["us", "us"]}, {"targets": ["cn", "ir", "cn"]},
                {"in_response_to": ["s1"]}, {"date": "2021-03-01", "end_date": "2021-02"},
                {"sources": [{"source": "a", "start": 5, "end": 2}]}, {"extra": 1},
                {"date": 2021}, {"measures": ["nope"]}, {"imposers": []}):
        raw = {**base, **bad}
        assert check(raw) is None, bad
    # A date YAML read as a number is not text: the model's own coercion takes it.
    assert check({**base, "date": 2021}) is None
    assert Sanction.model_validate({**base, "date": 2021}).date == "2021"


def test_every_example_record_comes_out_the_same(tmp_path: Path) -> None:
    records = [(kind, r.model_dump(mode="json", exclude_unset=True))
               for kind, r in load().records()]
    assert len(records) > 100
    fast_count = 0
    for kind, raw in records:
        model = RECORD_TYPES[kind]
        slow = model.model_validate(raw)
        fast = fast_validator(model)(raw)
        if fast is not None:
            fast_count += 1
            assert _same(fast, slow), raw
    assert fast_count == len(records)  # none of them needed the slow path


def test_loading_reports_the_same_problems_as_before(tmp_path: Path) -> None:
    """Records the fast check refuses are validated by the model: every message stays."""
    rows = [
        {"type": "actor", **actor("us", "United States")},
        {"type": "actor", **actor("cn", "China")},
        {"type": "actor", "id": "Bad Id", "name": "X", "kind": "state"},
        {"type": "source", "id": "src"},
        {"type": "sanction", **sanction("s1", ["us", "us"], ["cn"], date="2021-02-29")},
        {"type": "sanction", **sanction("s2", ["us"], ["cn"], date="0999-02-28")},
        {"type": "sanction", **sanction("s3", ["us"], ["cn"], date="2021-02-30")},
    ]
    path = write(tmp_path / "d.jsonl", rows)
    with pytest.raises(ValidationFailed) as exc:
        load([path])
    got = sorted(str(p) for p in exc.value.problems)
    assert got == sorted([
        f"{path}:3 [actor 'Bad Id'] [id]: 'Bad Id' is not a valid id (use lower-case "
        "letters, digits and . _ : -, starting with a letter or digit)",
        f"{path}:5 [sanction 's1'] [date]: '2021-02-29' is not a real calendar date",
        f"{path}:5 [sanction 's1'] [imposers]: lists 'us' twice",
        f"{path}:7 [sanction 's3'] [date]: '2021-02-30' is not a real calendar date",
    ]), json.dumps(got, indent=1)


def test_the_fast_check_calls_no_python_validator() -> None:
    """The point of it: a valid record of each type is checked without one call back into
    Python per id, date or list (pydantic-core would otherwise reuse the model's own
    validator, Python validators included)."""
    import sys

    names = {"_check_slug", "_no_duplicates", "check_date", "coerce_date"}
    called: list[str] = []

    def watch(frame: Any, event: str, arg: Any) -> None:
        if event == "call" and frame.f_code.co_name in names:
            called.append(frame.f_code.co_name)

    records = {
        Source: {"id": "src", "published": "2021-03-22", "title": "T"},
        Actor: {"id": "fr", "name": "France", "kind": "state", "member_of": ["eu"],
                "birth_dates": ["1960"], "sources": [{"source": "src"}]},
        Sanction: {"id": "s1", "imposers": ["us", "eu"], "targets": ["cn"], "date": "2021-03",
                   "reasons": ["human_rights"], "sources": [{"source": "src", "quote": "q"}]},
        RECORD_TYPES["statement"]: {"id": "st", "speakers": ["cn"], "date": "2021-03-23",
                                    "about_sanctions": ["s1"], "sources": [{"source": "src"}]},
    }
    checks = {model: fast_validator(model) for model in records}
    sys.setprofile(watch)
    try:
        out = [checks[model](raw) for model, raw in records.items()]
    finally:
        sys.setprofile(None)
    assert all(rec is not None for rec in out)
    assert called == []
    for (model, raw), rec in zip(records.items(), out, strict=True):
        assert _same(rec, model.model_validate(raw))
