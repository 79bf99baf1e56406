"""Reference fields are declared once (``Ref`` tags in the model); the reference check, the
loader, merging and the graph build all derive from that declaration."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Annotated, Any

import pytest
from pydantic import AfterValidator, BaseModel, Field

from kg.errors import ValidationFailed
from kg.graph.build import _plan, build
from kg.graph.schema import EDGE_ATTRIBUTES, EDGE_ENDS, EdgeType, NodeType
from kg.merge import canonicalize, merge_datasets
from kg.model.records import (
    RECORD_TYPES,
    SECTIONS,
    Actor,
    Citation,
    Dataset,
    Ref,
    Relationship,
    Sanction,
    Slug,
    Source,
    Statement,
    _check_slug,
    record_type,
)
from kg.model.refs import check_references, ensure_valid, reference_fields, references
from kg.readwrite.load import load, load_records

# --- every id field is tagged --------------------------------------------------------------


def _is_slug(obj: Any) -> bool:
    """Whether an annotation (or annotation metadata) holds a Slug anywhere inside."""
    if isinstance(obj, AfterValidator):
        return obj.func is _check_slug
    if typing.get_origin(obj) is Annotated:
        return any(_is_slug(m) for m in obj.__metadata__) or _is_slug(obj.__origin__)
    return any(_is_slug(a) for a in typing.get_args(obj))


def _models() -> list[type[BaseModel]]:
    """The record models and every sub-model they hold (citations, reasons)."""
    todo: list[type[BaseModel]] = list(RECORD_TYPES.values())
    seen: list[type[BaseModel]] = []
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.append(model)
        for info in model.model_fields.values():
            for arg in (info.annotation, *typing.get_args(info.annotation)):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    todo.append(arg)
    return seen


def test_every_field_holding_record_ids_is_tagged_and_nothing_else_is() -> None:
    slug_fields: set[str] = set()
    tags: dict[str, Ref] = {}
    for model in _models():
        for name, info in model.model_fields.items():
            if name != "id" and (_is_slug(info.annotation)
                                 or any(_is_slug(m) for m in info.metadata)):
                slug_fields.add(f"{model.__name__}.{name}")
            for m in info.metadata:
                if isinstance(m, Ref):
                    tags[f"{model.__name__}.{name}"] = m
    assert Citation in _models()
    assert slug_fields == set(tags) == {
        "Actor.member_of", "Actor.part_of", "Sanction.imposers", "Sanction.authorities",
        "Sanction.targets",
        "Sanction.in_response_to", "Statement.speakers", "Statement.about_sanctions",
        "Statement.about_actors", "Citation.source", "Relationship.subject",
        "Relationship.object"}
    assert all(t.kind in RECORD_TYPES for t in tags.values())


def test_the_tags_agree_with_the_graph_schema() -> None:
    """Each reference becomes an edge the schema declares, between the node types it names,
    carrying the attributes it lists."""
    for kind, model in RECORD_TYPES.items():
        for f in _plan(kind, model).links:
            edge = EdgeType(f.edge)
            here, there = NodeType(kind), NodeType(f.kind)
            starts, ends = EDGE_ENDS[edge]
            start, end = (there, here) if f.incoming else (here, there)
            assert start in starts and end in ends, (kind, f)
            assert EDGE_ATTRIBUTES[edge] == ((f.edge_attr,) if f.edge_attr else ()), f


def test_reference_fields_reads_the_tags_in_field_order() -> None:
    assert [(f.name, f.kind, f.edge, f.many, f.incoming, f.item)
            for f in reference_fields(Actor)] == [
        ("member_of", "actor", "MEMBER_OF", True, False, None),
        ("part_of", "actor", "PART_OF", False, False, None),
        ("sources", "source", "CITES", True, False, "source")]
    assert [f.name for f in reference_fields(Statement)] == [
        "speakers", "about_sanctions", "about_actors", "sources"]
    assert reference_fields(Source) == ()
    s = Sanction(id="s", imposers=["us", "eu"], targets=["cn"], in_response_to=["t"],
                 sources=[{"source": "a", "quote": "q"}])
    assert list(references(s)) == [
        ("imposers", "actor", "us"), ("imposers", "actor", "eu"), ("targets", "actor", "cn"),
        ("in_response_to", "sanction", "t"), ("sources", "source", "a")]


def test_every_graph_edge_type_comes_from_the_model() -> None:
    edges = {e for kind, model in RECORD_TYPES.items() for f in _plan(kind, model).links
             for e in (f.edge, *(edge for _, edge in f.by_kind))}
    assert edges == {str(t) for t in EdgeType}


# --- the record-type <-> section mapping ---------------------------------------------------


def test_dataset_add_and_section_follow_the_record_type() -> None:
    ds = Dataset()
    recs = [Source(id="a"), Actor(id="us", name="US", kind="state"),
            Sanction(id="s", imposers=["us"], targets=["us2"], sources=[{"source": "a"}]),
            Statement(id="t", speakers=["us"], sources=[{"source": "a"}]),
            Relationship(id="r", kind="family", subject="us", object="us2",
                         sources=[{"source": "a"}])]
    for rec in reversed(recs):
        ds.add(rec)
    assert [record_type(r) for r in recs] == list(RECORD_TYPES) == list(SECTIONS)
    assert [k for k, _ in ds.records()] == ["source", "actor", "sanction", "statement",
                                              "relationship"]
    assert ds.section("actor") is ds.actors and ds.actors == [recs[1]]
    with pytest.raises(KeyError):
        ds.section("reason")


def test_ensure_valid_lists_every_problem() -> None:
    ds = Dataset(actors=[Actor(id="fr", name="France", kind="state", member_of=["eu"])],
                 sanctions=[Sanction(id="s", imposers=["fr"], targets=["xx"],
                                     sources=[{"source": "nowhere"}])])
    with pytest.raises(ValidationFailed) as err:
        ensure_valid(ds)
    assert [(p.record, p.field, p.message) for p in err.value.problems] == [
        ("actor 'fr'", "member_of", "unknown actor 'eu'"),
        ("sanction 's'", "targets", "unknown actor 'xx'"),
        ("sanction 's'", "sources", "unknown source 'nowhere'")]
    ok = Dataset(actors=[Actor(id="eu", name="EU", kind="bloc")])
    assert ensure_valid(ok) is ok


# --- a new reference field is picked up everywhere -----------------------------------------


class EndorsedSanction(Sanction):
    """A sanction with one more reference field, declared the same way as the others (the
    actors it mentions besides its targets), as an ABOUT edge."""

    endorsed_by: Annotated[list[Slug], Ref("actor", edge="ABOUT")] = Field(
        default_factory=list)


@pytest.fixture
def endorsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RECORD_TYPES, "sanction", EndorsedSanction)


def _actors(*ids: str) -> list[Actor]:
    return [Actor(id=i, name=i.upper(), kind="state") for i in ids]


def _sanction(sid: str, **kw: Any) -> EndorsedSanction:
    return EndorsedSanction(id=sid, imposers=["us"], targets=["cn"],
                            sources=[{"source": "a"}], **kw)


@pytest.mark.usefixtures("endorsed")
def test_a_new_reference_field_is_checked_merged_and_built(tmp_path: Path) -> None:
    assert [f.name for f in reference_fields(EndorsedSanction)][-2:] == [  # subclass: last
        "sources", "endorsed_by"]
    # check_references
    ds = Dataset(sources=[Source(id="a")], actors=_actors("us", "cn", "gb"),
                 sanctions=[_sanction("s", endorsed_by=["gb", "ghost"])])
    assert [(p.id, p.field, p.message) for p in check_references(ds)] == [
        ("s", "endorsed_by", "unknown actor 'ghost'")]
    # the loader, for a valid record and for one that fails validation
    path = tmp_path / "d.jsonl"
    lines = [{"type": "source", "id": "a"},
             *({"type": "actor", "id": i, "name": i, "kind": "state"} for i in ("us", "cn")),
             {"type": "sanction", "id": "ok", "imposers": ["us"], "targets": ["cn"],
              "endorsed_by": ["nobody"], "sources": [{"source": "a"}]},
             {"type": "sanction", "id": "bad", "imposers": ["us"], "targets": ["cn"],
              "status": "maybe", "endorsed_by": ["noone"], "sources": [{"source": "a"}]}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    _, problems = load_records([path])
    assert [(p.line, p.field, p.message) for p in problems if p.field != "status"] == [
        (4, "endorsed_by", "unknown actor 'nobody'"),
        (5, "endorsed_by", "unknown actor 'noone'")]
    # merge: a merged actor is renamed in the new field too
    a = Dataset(sources=[Source(id="a")],
                actors=[*_actors("us", "cn"),
                        Actor(id="acme", name="Acme", kind="organization", wikidata_id="Q5")],
                sanctions=[_sanction("s1", date="2021-01-01", endorsed_by=["acme"])])
    b = Dataset(sources=[Source(id="a")],
                actors=[*_actors("us", "cn"),
                        Actor(id="ofac-9", name="ACME", kind="organization", wikidata_id="Q5")],
                sanctions=[_sanction("s2", date="2022-06-01", endorsed_by=["ofac-9", "us"])])
    merged, _ = merge_datasets([a, b])
    assert {s.id: s.endorsed_by for s in merged.sanctions} == {  # type: ignore[attr-defined]
        "s1": ["acme"], "s2": ["acme", "us"]}
    # build: the new field becomes edges of its declared type and direction
    G = build(ensure_valid(merged))
    assert G.edges["sanction:s2", "actor:acme", "ABOUT"] == {"type": "ABOUT"}
    assert G.has_edge("sanction:s2", "actor:us", key="ABOUT")
    assert not G.has_edge("actor:us", "sanction:s2", key="ABOUT")
    assert not G.has_edge("sanction:s1", "actor:us", key="ABOUT")


def test_canonicalize_renames_drops_repeats_and_self_references() -> None:
    s = Sanction(id="s1", imposers=["a", "b"], targets=["c"], in_response_to=["s2", "s3"],
                 sources=[{"source": "x", "quote": "q"}])
    out = canonicalize(s, {"actor": {"b": "a"}, "sanction": {"s2": "s1"},
                           "source": {"x": "y"}})
    assert out.imposers == ["a"] and out.targets == ["c"] and out.in_response_to == ["s3"]
    assert [(c.source, c.quote) for c in out.sources] == [("y", "q")]
    assert s.imposers == ["a", "b"]  # the record itself is not changed
    assert canonicalize(s, {"actor": {"zz": "a"}}) is s
    child = Actor(id="m", name="M", kind="government_body", part_of="old")
    assert canonicalize(child, {"actor": {"old": "m"}}).part_of is None
    assert canonicalize(child, {"actor": {"old": "new"}}).part_of == "new"


def test_bundled_data_still_loads_with_the_derived_checks() -> None:
    ds = load()
    assert check_references(ds) == []
    G = build(ds)
    assert G.has_edge("actor:us", "sanction:xinjiang-2021-western", key="IMPOSED")
