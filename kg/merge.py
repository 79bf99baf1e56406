"""Merging datasets from several sources: the same actor or event once, with every source.

:func:`merge_datasets` combines datasets (each already valid on its own) in order:

1. **Same id.** Records with the same type and id are the same thing (ids are deterministic:
   ``us``, ``ofac-12345``, ``url-<hash>``): a plain union, not a merge
   (:func:`kg.resolve.combine.same_id`). Identical copies are kept once; differing ones are
   combined (lists unioned, every source kept, the first dataset's values kept where both
   have one). Each id several inputs hold is reported as a :class:`SameId` (which inputs,
   which fields differed, the sources kept), apart from the merges.
2. **Same actor** (:func:`kg.resolve.identity.match_actors`): judgements first, then a
   shared strong identifier (UN reference, IMO, passport, national id, Wikidata ...), then
   the same name (word order ignored, so OFAC's "SMITH, John" meets the UN's "John SMITH")
   with evidence: an overlapping date of birth for a person, the same country for an
   organisation (whose name is compared without its legal form: "Rosneft Trading S.A." is
   "Rosneft Trading SA" and "Rosneft Trading", :mod:`kg.resolve.legal_form`). A conflict
   (dates of birth, nationalities, or one strong scheme with different values) blocks a
   merge. Never on the name alone: same-name actors left apart
   are returned as possible duplicates. A merged actor has every alias, identifier, date of
   birth, nationality and source (weak aliases stay weak, unless either record holds the
   name as a name or strong alias); the surviving id is the one from the earliest dataset, so
   curated ids stay stable; the ids folded in, with their rule, are kept in
   ``Actor.merged_from``.
3. **Same event.** Sanctions from *different* datasets with the same imposers, targets and
   status, compatible programmes and reasons (equal, or one missing) and dates within
   ``window_days`` of the group's first date become one sanction citing every source;
   statements likewise (same speakers, stance and subjects). Two records of one dataset are
   never folded: its author made them two. Undated records only merge with undated ones.

Every merge (records of different ids folded into one, steps 2 and 3) is returned as a
:class:`Merge`, with a count per record type (:meth:`MergeResult.counts`), and every
reference is rewritten to the surviving ids: one canonical-id map per record type, applied
by :func:`canonicalize` to the reference fields the model declares
(:func:`kg.model.refs.reference_fields`).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from kg.model.dates import PartialDate
from kg.model.identity import Judgement, MergedFrom
from kg.model.records import (
    RECORD_TYPES,
    Actor,
    Dataset,
    Relationship,
    Sanction,
    Source,
    Statement,
    record_type,
)
from kg.model.refs import ensure_valid, reference_fields
from kg.resolve.apart import draft_groups_apart
from kg.resolve.combine import Combining, Conflict, SameId, same_id, union
from kg.resolve.identity import PossibleDuplicate, match_actors, name_key

__all__ = ["Conflict", "Merge", "MergeResult", "SameId", "canonicalize", "load_each", "merge",
           "merge_datasets", "merge_files", "merge_paths", "name_key"]


@dataclass(frozen=True, slots=True)
class Merge:
    """One merge: ``merged`` records folded into ``into``, by ``rule``."""

    kind: str
    """actor, sanction, statement or source."""
    into: str
    """Id of the surviving record."""
    merged: tuple[str, ...]
    """Ids of the records folded into it (empty in a ``same id`` row of ``kg query
    merges``, where copies of ``into`` itself were combined: :class:`SameId` reports
    those)."""
    rule: str
    """Why: ``judgement``, ``wikidata Q…``, ``identifier <scheme> <value>``,
    ``name+birth date``, ``name+country+kind`` (with ``, legal form aside: "B" as "A"``
    when the organisations' names "A" and "B" differ by their legal form only),
    ``same event`` (several joined by ``; ``)."""
    conflicts: tuple[Conflict, ...] = ()
    """The single values the records disagreed on: the one kept (the surviving record's,
    or the first record that had one) and those dropped, each with its record and input
    (:class:`kg.resolve.combine.Conflict`). Lists, aliases, identifiers and sources are
    unioned: nothing else is dropped."""

    def __str__(self) -> str:
        return f"{self.kind} {self.into} <- {', '.join(self.merged)} ({self.rule})"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: kind, into, merged (a list), rule, conflicts
        (:meth:`kg.resolve.combine.Conflict.to_dict` each)."""
        return {"kind": self.kind, "into": self.into, "merged": list(self.merged),
                "rule": self.rule, "conflicts": [c.to_dict() for c in self.conflicts]}


M = TypeVar("M", Source, Actor, Sanction, Statement, Relationship)


def canonicalize(record: M, canonical: Mapping[str, Mapping[str, str]]) -> M:
    """``record`` with every reference renamed to its surviving id.

    ``canonical`` maps a record type (``actor``) to {merged id: surviving id}; ids not in it
    stay. Every field of :func:`kg.model.refs.reference_fields` is rewritten: a list keeps
    its order and loses repeats and, for references to its own type, the record's own id (a
    sanction that answered the one it merged into); a single id naming the record itself
    becomes None. Returns ``record`` itself when nothing changes, else a copy.

    >>> a = Actor(id="fr", name="France", kind="state", member_of=["eu", "ue"])
    >>> canonicalize(a, {"actor": {"ue": "eu"}}).member_of
    ['eu']
    """
    own_kind = record_type(record)
    upd: dict[str, Any] = {}
    for f in reference_fields(type(record)):
        names = canonical.get(f.kind, {})
        value = getattr(record, f.name)
        new: Any
        if f.item is not None:
            item = f.item
            new = [x.model_copy(update={item: names[getattr(x, item)]})
                   if getattr(x, item) in names else x for x in value]
        elif f.many:
            new = [i for i in dict.fromkeys(names.get(i, i) for i in value)
                   if f.kind != own_kind or i != record.id]
        else:
            new = names.get(value, value) if value else value
            if f.kind == own_kind and new == record.id:
                new = None
        if new != value:
            upd[f.name] = new
    return record.model_copy(update=upd) if upd else record


def _cluster(records: list[Any], key: Any, window_days: int, kind: str,
             merges: list[Merge], origin: dict[str, int],
             compatible: Any = None) -> tuple[list[Any], dict[str, str]]:
    """Fold records with the same key, from different datasets, dated within the window of
    the group's first record; returns (kept, old id -> new id)."""
    groups: dict[Any, list[Any]] = defaultdict(list)
    for r in records:
        groups[key(r)].append(r)
    kept: list[Any] = []
    renamed: dict[str, str] = {}
    for members in groups.values():
        members.sort(key=lambda r: (r.date is None, r.date or ""))
        current: list[Any] = []
        for r in members:
            if current and _joins(current, r, window_days, origin, compatible):
                current.append(r)
                continue
            _flush(current, kept, renamed, kind, merges, origin)
            current = [r]
        _flush(current, kept, renamed, kind, merges, origin)
    return kept, renamed


def _joins(current: list[Any], r: Any, window_days: int, origin: dict[str, int],
           compatible: Any) -> bool:
    # Two records of one dataset are two events by its author's choice: never fold them.
    if origin.get(r.id) in {origin.get(c.id) for c in current}:
        return False
    if compatible is not None and not all(compatible(c, r) for c in current):
        return False
    first = current[0]
    if first.date is None or r.date is None:
        return first.date is None and r.date is None
    # A partial date counts from its first day.
    return (PartialDate(r.date).start - PartialDate(first.date).start).days <= window_days


def _flush(current: list[Any], kept: list[Any], renamed: dict[str, str], kind: str,
           merges: list[Merge], origin: dict[str, int]) -> None:
    if not current:
        return
    # The record from the earliest input survives with its id and dates (curated data is
    # usually given first); the others add their sources and fill what it lacks.
    ordered = sorted(current, key=lambda r: (origin.get(r.id, 0), r.date or "", r.id))
    fold = Combining(ordered[0], origin.get(ordered[0].id, 0) + 1)
    for other in ordered[1:]:
        fold.add(other, origin.get(other.id, 0) + 1)
        renamed[other.id] = fold.record.id
    first = fold.record
    if len(current) > 1:
        notes = [MergedFrom(id=r.id, rule="same event") for r in ordered[1:]]
        first = first.model_copy(update={"merged_from": union(first.merged_from, notes)})
    kept.append(first)
    if len(current) > 1:
        merges.append(Merge(kind, first.id, tuple(r.id for r in ordered[1:]), "same event",
                            fold.conflicts()))


def _same_kind_of_event(a: Sanction, b: Sanction) -> bool:
    """Programmes equal or one missing, and reason categories equal or one side unstated."""
    if a.program and b.program and a.program != b.program:
        return False
    ra, rb = {r.category for r in a.reasons}, {r.category for r in b.reasons}
    return not ra or not rb or ra == rb


@dataclass
class MergeResult:
    """What :func:`merge` made: the dataset, the merges, and what it left for a person."""

    dataset: Dataset
    """The merged dataset."""
    merges: list[Merge]
    """Every merge made (records of different ids folded into one), in order."""
    possible_duplicates: list[PossibleDuplicate]
    """Same-name actors not merged, with why (for review; write a judgement to decide)."""
    notes: list[str]
    """Draft groups kept apart (:mod:`kg.resolve.apart`), then judgements that could not be
    applied."""
    same_id: list[SameId] = field(default_factory=list)
    """Each id several inputs hold (combined into one record: not a merge), by record type
    in the order source, actor, sanction, statement, relationship."""
    only_one: dict[str, int] = field(default_factory=dict)
    """Record type -> how many ids only one input holds."""

    def counts(self) -> dict[str, dict[str, int]]:
        """Record type -> ``{"only_in_one_input", "same_id_identical", "same_id_differed",
        "merged_as_duplicates", "written"}``: ids one input holds; ids several inputs hold
        with identical records (kept once) or differing ones (combined, every source kept);
        records of other ids folded into one (:attr:`merges`, counting each folded id); and
        the records written. Types with no record are left out."""
        out: dict[str, dict[str, int]] = {}
        for kind in RECORD_TYPES:
            same = [s for s in self.same_id if s.kind == kind]
            row = {"only_in_one_input": self.only_one.get(kind, 0),
                   "same_id_identical": sum(1 for s in same if not s.differed),
                   "same_id_differed": sum(1 for s in same if s.differed),
                   "merged_as_duplicates": sum(len(m.merged) for m in self.merges
                                               if m.kind == kind),
                   "written": len(self.dataset.section(kind))}
            if any(row.values()):
                out[kind] = row
        return out


def merge_datasets(datasets: Sequence[Dataset], *, window_days: int = 7,
                   judgements: Iterable[Judgement] = ()) -> tuple[Dataset, list[Merge]]:
    """One dataset from several, with every merge made (see the module docstring):
    ``(dataset, merges)`` of :func:`merge`.

    >>> from kg.model.records import Actor
    >>> a = Dataset(actors=[Actor(id="ofac-1", name="SMITH, John", kind="person",
    ...                           birth_dates=["1961"])])
    >>> b = Dataset(actors=[Actor(id="un-qdi-1", name="John Smith", kind="person",
    ...                           birth_dates=["1961-04-02"])])
    >>> ds, merges = merge_datasets([a, b])
    >>> [x.id for x in ds.actors], ds.actors[0].aliases, str(merges[0])
    (['ofac-1'], ['John Smith'], 'actor ofac-1 <- un-qdi-1 (name+birth date)')
    """
    result = merge(datasets, window_days=window_days, judgements=judgements)
    return result.dataset, result.merges


def merge(datasets: Sequence[Dataset], *, window_days: int = 7,
          judgements: Iterable[Judgement] = ()) -> MergeResult:
    """One dataset from several (see the module docstring), with the merges made, the ids
    several inputs hold (combined, not merged), the possible duplicates left apart and notes
    on judgements not applied."""
    merges: list[Merge] = []
    same: list[SameId] = []
    only_one: dict[str, int] = {}
    # "individuals" of two articles' drafts: two groups, not one
    datasets, apart = draft_groups_apart(datasets, canonicalize)

    def by_id(kind: str, groups: Sequence[Sequence[M]]) -> list[M]:
        records, only_one[kind] = same_id(kind, groups, same)
        return records

    sources = by_id("source", [d.sources for d in datasets])
    actors = by_id("actor", [d.actors for d in datasets])
    order: dict[str, int] = {}
    for i, d in enumerate(datasets):
        for a in d.actors:
            order.setdefault(a.id, i)

    match = match_actors(actors, order, judgements=judgements)
    actor_of = {a.id: a for a in actors}
    folded_ids = {i for folded in match.groups.values() for i, _ in folded}
    amap: dict[str, str] = {}
    merged_actors: list[Actor] = []
    for a in actors:
        if a.id in folded_ids:
            continue
        folded = match.groups.get(a.id, [])
        fold = Combining(a, order.get(a.id, 0) + 1)
        for other_id, _ in folded:
            fold.add(actor_of[other_id], order.get(other_id, 0) + 1)
            amap[other_id] = a.id
        first = fold.record
        if folded:
            notes = [MergedFrom(id=i, rule=rule) for i, rule in folded]
            first = first.model_copy(update={"merged_from": union(first.merged_from, notes)})
            rules = list(dict.fromkeys(rule for _, rule in folded))
            merges.append(Merge("actor", a.id, tuple(i for i, _ in folded), "; ".join(rules),
                                fold.conflicts()))
        merged_actors.append(first)

    canonical: dict[str, dict[str, str]] = {"actor": amap}
    merged_actors = [canonicalize(a, canonical) for a in merged_actors]

    origin: dict[str, int] = {}
    for i, d in enumerate(datasets):
        for rid in [*(s.id for s in d.sanctions), *(st.id for st in d.statements)]:
            origin.setdefault(rid, i)
    # Events are clustered on canonical ids (imposers, targets, speakers, subjects), so each
    # type is rewritten with the maps known so far before its events are folded.
    sanctions = [canonicalize(s, canonical)
                 for s in by_id("sanction", [d.sanctions for d in datasets])]
    sanctions, canonical["sanction"] = _cluster(
        sanctions, lambda s: (frozenset(s.imposers), frozenset(s.targets), s.status),
        window_days, "sanction", merges, origin, compatible=_same_kind_of_event)
    statements = [canonicalize(st, canonical)
                  for st in by_id("statement", [d.statements for d in datasets])]
    statements, canonical["statement"] = _cluster(
        statements, lambda st: (frozenset(st.speakers), st.stance, frozenset(st.about_actors),
                                frozenset(st.about_sanctions)),
        window_days, "statement", merges, origin)
    # Now that every map is known, every reference once more (a sanction answering one that
    # was folded); records already canonical are kept as they are.
    # Relationships are never folded: each keeps its share, dates and sources (two registers
    # that disagree are two records); only a repeated id is one record.
    relationships = by_id("relationship", [d.relationships for d in datasets])
    ds = Dataset(sources=sources, actors=merged_actors, sanctions=sanctions,
                 statements=statements, relationships=relationships)
    for kind in RECORD_TYPES:
        records = ds.section(kind)
        records[:] = [canonicalize(r, canonical) for r in records]
    return MergeResult(ds, merges, match.possible_duplicates, apart + match.notes, same,
                       only_one)


def load_each(paths: Sequence[str | os.PathLike[str]]) -> list[Dataset]:
    """Load each path (a file or a folder) as its own dataset, for merging.

    Raises:
        UsageError: no paths.
        ValidationFailed: a path with problems; when a record refers to one in another
            path, the problems end with advice to put such files in one folder.
    """
    from kg.errors import UNKNOWN_REF, Problem, UsageError, ValidationFailed
    from kg.readwrite.load import load

    if not paths:
        raise UsageError("give the data files to merge")
    out = []
    for p in paths:
        try:
            out.append(load(p))
        except ValidationFailed as exc:
            if any(pr.kind == UNKNOWN_REF for pr in exc.problems):
                # Files that refer to each other belong in one folder, loaded as one.
                exc.problems.append(Problem(
                    "each PATH is merged as one dataset: put files that refer to each other "
                    "in one folder and pass the folder", file=str(p)))
            raise
    return out


def merge_files(paths: Sequence[str | os.PathLike[str]], *, window_days: int = 7,
                judgements: Iterable[Judgement] = ()) -> tuple[Dataset, list[Merge]]:
    """``(dataset, merges)`` of :func:`merge_paths`."""
    result = merge_paths(paths, window_days=window_days, judgements=judgements)
    return result.dataset, result.merges


def merge_paths(paths: Sequence[str | os.PathLike[str]], *, window_days: int = 7,
                judgements: Iterable[Judgement] = ()) -> MergeResult:
    """Load each path on its own (:func:`load_each`) and merge them (:func:`merge`); the
    result is checked (:func:`kg.model.refs.ensure_valid`). Earlier paths keep their ids.
    """
    result = merge(load_each(paths), window_days=window_days, judgements=judgements)
    result.dataset = ensure_valid(result.dataset)
    return result
