"""kg.model.trusted (records built without validation) and kg.ingest.rows (records written
by orjson) against pydantic: a record the fast path accepts is one pydantic accepts and
keeps unchanged, and the line orjson writes is the line pydantic writes."""

from __future__ import annotations

import hashlib
import inspect
import json
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kg.ingest import record_line
from kg.ingest.rows import fast_row
from kg.model import base, dates, records, trusted
from kg.model.records import Actor, Citation, ReasonRef, Sanction
from kg.model.vocab import ActorKind, Measure, Reason, Status

ALL_CHARS = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]


def test_the_strip_check_is_stricter_than_pydantic_for_every_character() -> None:
    """A text trusted.py takes (nothing str.strip removes at either end) is kept unchanged by
    pydantic's str_strip_whitespace: checked for every character at each end."""
    taken = [t for c in ALL_CHARS for t in (c + "a", "a" + c) if trusted._plain(t)]
    assert len(taken) > 2 * 1_100_000 - 100  # only white space is not taken
    actor = Actor(id="a", name="n", kind="person", aliases=taken)
    assert actor.aliases == taken
    refused = [c for c in ALL_CHARS if not trusted._plain(c + "a")]
    assert "\x1f" in refused and "\xa0" in refused and "\u3000" in refused


def test_lone_surrogates_are_refused_by_both() -> None:
    for c in map(chr, range(0xD800, 0xE000)):
        assert not trusted._plain("a" + c + "a")
        with pytest.raises(ValidationError):
            Actor(id="a", name="a" + c, kind="person")


def test_the_models_are_the_ones_the_fast_path_was_written_for() -> None:
    """Fields and validators of Actor and Sanction as trusted.py and rows.py know them: a
    change to the models must be reviewed there (then update this test)."""
    assert list(Actor.model_fields) == list(trusted._actor_dict())
    assert list(Sanction.model_fields) == list(trusted._sanction_dict())
    assert set(trusted.ACTOR_RULES) < set(Actor.model_fields)
    assert set(trusted.SANCTION_RULES) < set(Sanction.model_fields)
    for model in (Actor, Sanction, Citation, ReasonRef):
        for name, field in model.model_fields.items():
            default = field.get_default(call_default_factory=True)
            if not field.is_required():
                have = (trusted._actor_dict() if model is Actor else
                        trusted._sanction_dict() if model is Sanction else None)
                if have is not None:
                    assert have[name] == default, (model.__name__, name)
    source = "".join(inspect.getsource(f) for f in (
        Actor._rules, Sanction._rules, base._check_slug, base._no_duplicates,
        base.Citation._offsets, dates.check_date, dates.coerce_date,
        records._reason_from_str))
    schema = json.dumps([_no_descriptions(m.model_json_schema())
                         for m in (Actor, Sanction, Citation, ReasonRef)], sort_keys=True)
    digest = hashlib.sha256((source + schema).encode()).hexdigest()[:16]
    assert digest == "41a8a31acc52589b", (
        f"Actor, Sanction, Citation or ReasonRef changed ({digest}): review the rules in "
        "kg/model/trusted.py and the writer in kg/ingest/rows.py, then update this digest")


def _no_descriptions(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _no_descriptions(v) for k, v in schema.items() if k != "description"}
    if isinstance(schema, list):
        return [_no_descriptions(v) for v in schema]
    return schema


edge = st.sampled_from(["", " ", "\t", "\n", "\x1f", "\xa0", "\u2028", "\ud800", "é", "\x00"])
texts = st.builds(lambda a, b, c: a + b + c, edge, st.text(max_size=6), edge)
slugs = st.one_of(st.sampled_from(["us", "ftm-a", "a" * 201, "A", "a\n", "-a", "a b", ""]),
                  st.from_regex(r"[a-z0-9][a-z0-9._:-]{0,8}", fullmatch=True), texts)
day = st.one_of(st.sampled_from(["2021", "2021-03", "2021-02-30", "0000", " 2021", "2021\n",
                                 "\u0662\u0660\u0662\u0661", "2021-13"]),
                st.dates().map(lambda d: d.isoformat()))
cites = st.lists(st.sampled_from([Citation(source="a"), Citation(source="b", quote="q ")]),
                 max_size=2)
countries = st.sampled_from(["ru", "RU", "ru-mow", "r", "ru\n", "\u212ab", None])
qids = st.sampled_from([None, "Q42", "Q0", "Q42\n", " Q42", "Q\u0661", "q1"])


@st.composite
def actor_fields(draw: Any) -> dict[str, Any]:
    name = draw(st.one_of(texts, st.sampled_from(["a" * 100_000, "a" * 100_001])))
    aliases = draw(st.lists(st.one_of(texts, st.just(name)), max_size=3))
    fields = {"id": draw(slugs), "name": name,
              "kind": draw(st.sampled_from([ActorKind.PERSON, "person", ActorKind.VESSEL])),
              "country": draw(countries), "aliases": aliases,
              "weak_aliases": draw(st.lists(st.one_of(texts, st.sampled_from([name, *aliases])),
                                            max_size=2)),
              "description": draw(st.one_of(st.none(), texts)), "wikidata_id": draw(qids),
              "position": draw(st.one_of(st.none(), texts)),
              "identifiers": draw(st.dictionaries(texts, texts, max_size=2)),
              "birth_dates": draw(st.lists(day, max_size=2)),
              "nationalities": draw(st.lists(countries.filter(bool), max_size=2)),
              "sources": draw(cites)}
    if draw(st.booleans()):
        fields["count"] = 2
    return {k: v for k, v in fields.items() if draw(st.integers(0, 9)) or k in ("id", "name")}


@st.composite
def sanction_fields(draw: Any) -> dict[str, Any]:
    fields = {"id": draw(slugs), "imposers": draw(st.lists(slugs, max_size=2)),
              "authorities": draw(st.lists(slugs, max_size=2)),
              "targets": draw(st.lists(slugs, max_size=2)),
              "status": draw(st.sampled_from([Status.IMPOSED, Status.LIFTED, "lifted"])),
              "measures": draw(st.lists(st.sampled_from([Measure.ASSET_FREEZE, "asset_freeze"]),
                                        max_size=2)),
              "reasons": draw(st.lists(st.sampled_from(
                  [ReasonRef(category=Reason.OTHER, detail="x"), "other"]), max_size=2)),
              "date": draw(st.one_of(st.none(), day)),
              "end_date": draw(st.one_of(st.none(), day)),
              "program": draw(st.one_of(st.none(), texts)), "sources": draw(cites)}
    return {k: v for k, v in fields.items() if draw(st.integers(0, 9)) or k == "id"}


def _outcome(make: Any, fields: dict[str, Any]) -> tuple[Any, ...]:
    try:
        rec = make(**fields)
    except ValidationError as exc:
        return ("error", str(exc))
    return (rec.__dict__, list(rec.__dict__), rec.__pydantic_fields_set__,
            rec.__pydantic_extra__, rec.__pydantic_private__, record_line(rec))


@settings(max_examples=300, deadline=None)
@given(actor_fields())
def test_trusted_actor_is_pydantics_actor(fields: dict[str, Any]) -> None:
    assert _outcome(trusted.actor, fields) == _outcome(Actor, fields)


@settings(max_examples=300, deadline=None)
@given(sanction_fields())
def test_trusted_sanction_is_pydantics_sanction(fields: dict[str, Any]) -> None:
    assert _outcome(trusted.sanction, fields) == _outcome(Sanction, fields)


def test_the_checker_takes_what_importers_make() -> None:
    """The plain case is built directly (the checks are not simply always failing)."""
    fields = {"id": "ftm-a", "name": "A", "kind": ActorKind.PERSON, "aliases": ["B"],
              "birth_dates": ["1961-04-02"], "sources": [Citation(source="s")]}
    assert trusted._passes(trusted.ACTOR_RULES, fields)
    assert trusted.actor(**fields) == Actor(**fields)


def _pydantic_bytes(rec: Any) -> bytes:
    return record_line(rec).encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(st.one_of(actor_fields().map(lambda f: (Actor, f)),
                 sanction_fields().map(lambda f: (Sanction, f))))
def test_fast_row_writes_pydantics_line(made: tuple[Any, dict[str, Any]]) -> None:
    model, fields = made
    try:
        rec = model(**fields)
    except ValidationError:
        return
    fast = fast_row(rec)
    assert fast is None or fast == _pydantic_bytes(rec)


def test_fast_row_writes_every_character_as_pydantic_does() -> None:
    text = "".join(ALL_CHARS)
    rec = Actor(id="a", name="x" + text[:90_000] + "x", kind="person", aliases=list(ALL_CHARS[:300]),
                identifiers={"k" + text[:200]: text[:500] + "x"}, description="x" + text,
                sources=[Citation(source="s", quote="x" + text[:3000] + "x", start=1, end=2)])
    assert fast_row(rec) == _pydantic_bytes(rec)


def test_fast_row_writes_every_field_as_pydantic_does() -> None:
    actor = Actor(id="a", name="n", kind="group", country="ru", aliases=["b"], weak_aliases=["c"],
                  member_of=["eu"], part_of="ru", count=3, description="d", wikidata_id="Q1",
                  position="p", identifiers={"imo": "1"}, birth_dates=["2001"],
                  nationalities=["ru"], sources=[Citation(source="s")], draft=True)
    sanction = Sanction(id="s", imposers=["us"], authorities=["us-ofac"], targets=["a"],
                        status="lifted", measures=["asset_freeze"],
                        reasons=[{"category": "other", "detail": "x"}, "terrorism"],
                        date="2020", effective_date="2020-01", end_date="2021",
                        program="P", legal_basis="L", in_response_to=["t"],
                        sources=[Citation(source="s", quote="q")])
    for rec in (actor, sanction, Actor(id="a", name="n", kind="person"),
                Sanction(id="s", imposers=["us"], targets=["a"], sources=[{"source": "s"}])):
        assert fast_row(rec) == _pydantic_bytes(rec)
    assert fast_row(sanction.model_copy(update={"confidence": 0.5})) is None
