from __future__ import annotations

import pytest
from pydantic import ValidationError

from kg.model.records import Actor, Sanction, Statement
from kg.model.vocab import Reason, Status

SRC = [{"source": "a", "quote": "exact words"}]


def test_reason_shorthand_and_detail() -> None:
    s = Sanction(id="s", imposers=["us"], targets=["cn"], sources=SRC,
                 reasons=["human_rights", {"category": "retaliation", "detail": "hit back"}])
    assert [r.category for r in s.reasons] == [Reason.HUMAN_RIGHTS, Reason.RETALIATION]
    assert s.reasons[1].detail == "hit back"
    assert s.status is Status.IMPOSED
    assert s.sources[0].quote == "exact words"


@pytest.mark.parametrize("value", ["2021", "2021-03", "2021-03-22"])
def test_partial_dates_are_allowed(value: str) -> None:
    assert Sanction(id="s", imposers=["us"], targets=["cn"], sources=SRC, date=value).date == value


@pytest.mark.parametrize("value", ["2021-02-30", "22/03/2021", "2021-13", "21-03-22", ""])
def test_bad_dates_are_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="date"):
        Sanction(id="s", imposers=["us"], targets=["cn"], sources=SRC, date=value)


def test_end_date_before_date_is_an_error() -> None:
    with pytest.raises(ValidationError, match="end_date 2021-01-01 is before date 2021-03-22"):
        Sanction(id="s", imposers=["us"], targets=["cn"], sources=SRC,
                 date="2021-03-22", end_date="2021-01-01")


def test_a_sanction_cannot_respond_to_itself() -> None:
    with pytest.raises(ValidationError, match="cannot respond to itself"):
        Sanction(id="s", imposers=["us"], targets=["cn"], sources=SRC, in_response_to=["s"])


def test_a_state_cannot_be_a_member_of_itself() -> None:
    with pytest.raises(ValidationError, match="member of itself"):
        Actor(id="fr", name="France", kind="state", member_of=["fr"])


def test_count_is_only_for_groups() -> None:
    g = Actor(id="eu-ind", name="10 European individuals", kind="group", count=10)
    assert g.count == 10
    with pytest.raises(ValidationError, match="only for actors of kind 'group'"):
        Actor(id="x", name="X", kind="person", count=3)


@pytest.mark.parametrize("bad", ["US", "-us", "has space", "ü"])
def test_ids_are_slugs(bad: str) -> None:
    with pytest.raises(ValidationError, match="not a valid id"):
        Actor(id=bad, name="X", kind="state")


def test_unknown_fields_and_vocabulary_are_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        Statement(id="st", speakers=["ru"], sources=SRC, stance="grumbles", mood="bad")
    fields = {e["loc"][0] for e in exc.value.errors()}
    assert fields == {"stance", "mood"}


def test_sanctions_need_imposers_targets_and_sources() -> None:
    with pytest.raises(ValidationError) as exc:
        Sanction(id="s", imposers=[], targets=[], sources=[])
    assert {e["loc"][0] for e in exc.value.errors()} == {"imposers", "targets", "sources"}


def test_duplicate_imposers_are_refused() -> None:
    with pytest.raises(ValidationError, match="lists 'us' twice"):
        Sanction(id="s", imposers=["us", "us"], targets=["cn"], sources=SRC)
