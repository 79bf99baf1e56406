"""References between records, read from the model, and the checks across records.

Which fields hold ids of other records is declared once, by tagging them with
:class:`~kg.model.records.Ref` in :mod:`kg.model.records`. :func:`reference_fields` reads
those tags; the reference check here, the loader's report on records that failed validation
(:mod:`kg.readwrite.load`), the id rewrite of :mod:`kg.merge` and the edges of
:mod:`kg.graph.build` all derive from it, so a new reference field is picked up by each.

:func:`check_references` finds unknown ids, duplicate ids and ``part_of`` cycles;
:func:`ensure_valid` raises on any, for datasets built in code (importers, the extractor).
"""

from __future__ import annotations

import functools
import typing
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from operator import attrgetter
from typing import Any, NamedTuple

from pydantic import BaseModel

from kg.errors import UNKNOWN_REF, Problem, ValidationFailed
from kg.model.records import RECORD_TYPES, Dataset, Record, Ref

__all__ = ["RefField", "RefProblem", "check_references", "ensure_valid", "field_ids",
           "reference_fields", "references"]


class RefField(NamedTuple):
    """One field of a model that holds ids of other records, as its :class:`Ref` tag says."""

    name: str
    """The field of the record (``imposers``, ``sources``)."""
    kind: str
    """The type of record its ids name (``actor``, ``source``)."""
    edge: str
    """The graph edge type each id becomes (``IMPOSED``, ``CITES``)."""
    many: bool
    """True for a list of ids (or of sub-records); False for one id or None."""
    incoming: bool = False
    """True when the edge runs from the referred record to this one."""
    item: str | None = None
    """For a list of sub-records (a record's citations): the sub-record field holding the id
    (``source``); None when the field holds the ids themselves."""
    edge_attr: str | None = None
    """For sub-records: the sub-record field carried on the edge (the citation's ``quote``)."""
    by_kind: tuple[tuple[str, str], ...] = ()
    """``(kind value, edge type)`` pairs when the record's ``kind`` picks the edge."""


def _tag(metadata: list[Any]) -> Ref | None:
    return next((m for m in metadata if isinstance(m, Ref)), None)


@functools.cache
def reference_fields(model: type[BaseModel]) -> tuple[RefField, ...]:
    """The reference fields of a record model, in field declaration order.

    A field is one when its annotation carries a :class:`Ref` (``member_of``, ``part_of``),
    or when it is a list of sub-records with such a field (``sources``: a list of
    :class:`~kg.model.records.Citation`, whose ``source`` is tagged). Computed once per
    model.

    >>> from kg.model.records import Sanction
    >>> for f in reference_fields(Sanction):
    ...     print(f.name, f.kind, f.edge, f.item)
    imposers actor IMPOSED None
    authorities actor ISSUED None
    targets actor TARGETS None
    in_response_to sanction RESPONDS_TO None
    sources source CITES source
    """
    out: list[RefField] = []
    for name, info in model.model_fields.items():
        many = typing.get_origin(info.annotation) is list
        ref = _tag(info.metadata)
        if ref is not None:
            out.append(RefField(name, ref.kind, ref.edge, many, ref.incoming,
                                by_kind=ref.by_kind))
            continue
        args = typing.get_args(info.annotation) if many else ()
        sub = args[0] if args else None
        if isinstance(sub, type) and issubclass(sub, BaseModel):
            for sub_name, sub_info in sub.model_fields.items():
                sub_ref = _tag(sub_info.metadata)
                if sub_ref is not None:
                    out.append(RefField(name, sub_ref.kind, sub_ref.edge, True,
                                        sub_ref.incoming, sub_name, sub_ref.edge_attr))
    return tuple(out)


def field_ids(record: Any, f: RefField) -> list[str]:
    """The ids that field ``f`` of ``record`` holds, in order (empty when unset)."""
    value = getattr(record, f.name)
    if f.item is not None:
        return [getattr(x, f.item) for x in value]
    if f.many:
        return list(value)
    return [value] if value else []


def references(record: Record) -> Iterator[tuple[str, str, str]]:
    """Every reference of a record as ``(field, referenced type, id)``, in field order.

    >>> from kg.model.records import Actor
    >>> list(references(Actor(id="fr", name="France", kind="state", member_of=["eu"])))
    [('member_of', 'actor', 'eu')]
    """
    for f in reference_fields(type(record)):
        for rid in field_ids(record, f):
            yield f.name, f.kind, rid


class RefProblem(NamedTuple):
    """A problem with one record: its type, its id, the field and what is wrong."""

    kind: str
    id: str
    field: str
    message: str
    ref: str | None = None
    """The id that does not resolve, for an unknown reference."""
    ref_kind: str | None = None
    """The type of record ``ref`` should name."""

    def as_problem(self) -> Problem:
        """This problem as a :class:`~kg.errors.Problem` naming the record and field, of
        kind :data:`~kg.errors.UNKNOWN_REF` for an unknown reference."""
        return Problem(self.message, record=f"{self.kind} {self.id!r}", field=self.field,
                       kind=UNKNOWN_REF if self.ref is not None else None)


def check_references(ds: Dataset) -> list[RefProblem]:
    """Every broken reference, duplicate id and membership cycle in ``ds``.

    Duplicates come first (by record type), then unknown ids (by record type, record and
    field, in the order of :func:`reference_fields`), then ``part_of`` cycles.

    >>> from kg.model.records import Actor
    >>> problems = check_references(Dataset(actors=[
    ...     Actor(id="fr", name="France", kind="state", member_of=["eu"])]))
    >>> [(p.id, p.field, p.message) for p in problems]
    [('fr', 'member_of', "unknown actor 'eu'")]
    """
    out: list[RefProblem] = []
    known: dict[str, set[str]] = {}
    for kind in RECORD_TYPES:
        items = ds.section(kind)
        counts = Counter(r.id for r in items)
        out += [RefProblem(kind, i, "id", f"duplicate {kind} id {i!r}")
                for i, n in counts.items() if n > 1]
        known[kind] = set(counts)
    for kind, model in RECORD_TYPES.items():
        fields = reference_fields(model)
        if not fields:
            continue
        items = ds.section(kind)
        if all(known[f.kind].issuperset(_all_ids(items, f)) for f in fields):
            continue  # every id known (the usual case), found without a loop per record
        for rec in items:
            for f in fields:
                have = known[f.kind]
                out.extend(RefProblem(kind, rec.id, f.name, f"unknown {f.kind} {i!r}", i, f.kind)
                           for i in field_ids(rec, f) if i not in have)
    out += _part_of_cycles(ds)
    return out


def _all_ids(items: list[Any], f: RefField) -> Iterator[str]:
    """Every id that field ``f`` holds across ``items`` (:func:`field_ids` of each, chained,
    read in C: the reference check of a million records costs no Python loop of its own)."""
    values = map(attrgetter(f.name), items)
    if f.item is not None:
        return map(attrgetter(f.item), chain.from_iterable(values))
    if f.many:
        return chain.from_iterable(values)
    return filter(None, values)


def ensure_valid(dataset: Dataset) -> Dataset:
    """Check a dataset built in code (by an importer, say) the way
    :func:`kg.readwrite.load.load` checks files: returns it unchanged, or raises
    :class:`~kg.errors.ValidationFailed` listing every problem of :func:`check_references`."""
    problems = check_references(dataset)
    if problems:
        raise ValidationFailed(p.as_problem() for p in problems)
    return dataset


def _part_of_cycles(ds: Dataset) -> list[RefProblem]:
    parent = {a.id: a.part_of for a in ds.actors if a.part_of}
    out: list[RefProblem] = []
    reported: set[str] = set()
    for start in parent:
        seen = [start]
        node = parent.get(start)
        while node is not None and node not in seen:
            seen.append(node)
            node = parent.get(node)
        if node == start and start not in reported:
            reported.update(seen)
            out.append(RefProblem("actor", start, "part_of",
                                  "part_of forms a cycle: " + " -> ".join([*seen, start])))
    return out
