"""Two records that are one thing, combined into one; and the first step of a merge
(:mod:`kg.merge`): records of several inputs that hold the **same id**.

:func:`combine` folds one record into another: lists unioned, every source kept (citations
once per source and quote), the first record's values kept where both have one.
:func:`same_id` keeps one record per id across inputs and says, per id held by several
inputs, which inputs held it, which fields of the copies differed (none: identical copies)
and the sources the combined record cites (:class:`SameId`), and how many ids only one
input held. The same-id step folds no two records of different ids: that is
:mod:`kg.merge`'s, and it counts as a merge; a same-id record is a plain union.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from kg.model.identity import SEPARATOR, identifier_values
from kg.model.records import Actor, Citation, Relationship, Sanction, Source, Statement
from kg.resolve.legal_form import legal_forms
from kg.resolve.resolver import normalize

__all__ = ["Combining", "Conflict", "Held", "SameId", "combine", "same_id", "union"]

M = TypeVar("M", Source, Actor, Sanction, Statement, Relationship)


def union(*lists: Iterable[Any]) -> list[Any]:
    """The items of every list, in order, each once (by equality)."""
    out: list[Any] = []
    for lst in lists:
        out += [x for x in lst if x not in out]
    return out


def _cites(*lists: Iterable[Citation]) -> list[Citation]:
    seen: dict[tuple[str, str | None], Citation] = {}
    for lst in lists:
        for c in lst:
            seen.setdefault((c.source, c.quote), c)
    return list(seen.values())



def _spelling(a: Actor) -> Callable[[str], str]:
    """What makes two names of ``a`` one alias: the same words (case, accents and
    punctuation aside); for an organisation, also the same legal forms as written, so that
    "Rosneft Trading SA" stays an alias of "Rosneft Trading S.A." (lists write either)."""
    if a.kind != "organization":
        return normalize
    return lambda name: f"{normalize(name)}|{'|'.join(legal_forms(name))}"

def combine(a: M, b: M) -> M:
    """``a`` with ``b`` folded in: lists unioned (citations once per source and quote),
    identifiers of one scheme joined (``"A1; B2"``), a's values kept where both have one and
    b's where only b has one; for actors, b's name becomes an alias and weak aliases stay
    weak unless either record holds the name as a name or strong alias."""
    upd: dict[str, Any] = {}
    for name in type(a).model_fields:
        va, vb = getattr(a, name), getattr(b, name)
        if name == "sources" and isinstance(va, list):
            upd[name] = _cites(va, vb)
        elif isinstance(va, list):
            upd[name] = union(va, vb)
        elif isinstance(va, dict):
            # Identifiers: every value of a scheme kept once ("A1; B2"), a's first.
            merged = dict(vb)
            for k, v in va.items():
                merged[k] = v if k not in vb or vb[k] == v else SEPARATOR.join(
                    union(identifier_values(va, k), identifier_values(vb, k)))
            upd[name] = merged
        elif va is None and vb is not None:
            upd[name] = vb
    if isinstance(a, Actor) and isinstance(b, Actor):
        same = _spelling(a)
        names = {same(a.name)}
        aliases: list[str] = []
        for x in [*a.aliases, b.name, *b.aliases]:
            if same(x) not in names:
                names.add(same(x))
                aliases.append(x)
        upd["aliases"] = aliases
        # Weak aliases of both, less any name that either record holds as a strong one.
        weak: list[str] = []
        for x in [*a.weak_aliases, *b.weak_aliases]:
            if same(x) not in names:
                names.add(same(x))
                weak.append(x)
        upd["weak_aliases"] = weak
        upd["draft"] = a.draft and b.draft
    # Dates are a's where it has them (the record kept is the one from the earliest input,
    # usually curated): a later report of the same event does not move it.
    return a.model_copy(update=upd)


@dataclass(frozen=True, slots=True)
class Held:
    """One value of a field, with the record and the input (numbered from 1) it came from."""

    value: Any
    record: str
    input: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"value", "record", "input"}``."""
        return {"value": self.value, "record": self.record, "input": self.input}

    def text(self, inputs: Sequence[str] = (), record: bool = True) -> str:
        """``'ru' (ofac-1 in ofac.jsonl)``: the value (cut at 80 characters), then where it
        came from: the record id (unless ``record`` is False) and the input's name from
        ``inputs`` (else ``input N``)."""
        shown = _shown(self.value)
        where = inputs[self.input - 1] if 0 < self.input <= len(inputs) else \
            f"input {self.input}"
        return f"{shown} ({self.record} in {where})" if record else f"{shown} ({where})"


def _shown(value: Any) -> str:
    text = repr(str(value)) if isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:78] + "…" + text[-1]


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field that records combined into one set to different values (:func:`combine`
    keeps the first record's): the value kept and each other value, dropped, with the record
    and input each came from. Lists are unioned and identifiers joined, and an actor's other
    names become aliases, so only single values (a date, a country, a kind, a position, a
    description, a title ...) can be dropped."""

    field: str
    kept: Held
    dropped: tuple[Held, ...]

    def text(self, inputs: Sequence[str] = (), *, field: bool = True) -> str:
        """``country: kept 'ru' (a.yaml), dropped 'ua' (b.yaml)`` (with the record ids when
        they differ, as in a merge: ``'ru' (ofac-1 in a.yaml)``); ``inputs`` names the
        inputs (else ``input N``); ``field=False`` leaves out ``country: ``."""
        ids = len({self.kept.record, *(d.record for d in self.dropped)}) > 1
        dropped = ", ".join(d.text(inputs, ids) for d in self.dropped)
        text = f"kept {self.kept.text(inputs, ids)}, dropped {dropped}"
        return f"{self.field}: {text}" if field else text

    def __str__(self) -> str:
        return self.text()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``field``, ``kept`` and each of ``dropped`` as ``{"value", "record",
        "input"}`` (inputs numbered from 1)."""
        return {"field": self.field, "kept": self.kept.to_dict(),
                "dropped": [d.to_dict() for d in self.dropped]}


#: Fields never reported as conflicts: the id (a merge joins different ids), an actor's
#: name (the other names become aliases) and ``draft`` (kept only when every copy is one).
_NOT_CONFLICTS = frozenset({"id", "draft"})


class Combining:
    """A record combined with later ones (:func:`combine`), remembering where each single
    value kept came from and every value that was not kept (:meth:`conflicts`).

    ``record``: the first record, from input ``input`` (numbered from 1)."""

    __slots__ = ("_dropped", "_first", "_from", "record")

    def __init__(self, record: Any, input: int) -> None:
        self.record: Any = record
        self._first = (record.id, input)
        self._from: dict[str, tuple[str, int]] = {}
        self._dropped: dict[str, list[Held]] = {}

    def add(self, other: Any, input: int) -> None:
        """Fold ``other`` (from input ``input``) into :attr:`record`."""
        a = self.record
        actor = isinstance(a, Actor)
        for name in type(a).model_fields:
            if name in _NOT_CONFLICTS or (actor and name == "name"):
                continue
            va, vb = getattr(a, name), getattr(other, name)
            if vb is None or isinstance(va, list | dict):
                continue
            if va is None:
                self._from[name] = (other.id, input)
            elif va != vb:
                held = self._dropped.setdefault(name, [])
                if all(h.value != vb for h in held):
                    held.append(Held(vb, other.id, input))
        self.record = combine(a, other)

    def conflicts(self) -> tuple[Conflict, ...]:
        """Each field whose values disagreed, in the model's field order."""
        order = list(type(self.record).model_fields)
        return tuple(
            Conflict(f, Held(getattr(self.record, f), *self._from.get(f, self._first)),
                     tuple(self._dropped[f]))
            for f in sorted(self._dropped, key=order.index))


@dataclass(frozen=True, slots=True)
class SameId:
    """One id that several inputs hold: their records were combined into one (a union, not
    a merge of two records)."""

    kind: str
    """source, actor, sanction, statement or relationship."""
    id: str
    inputs: tuple[int, ...]
    """The inputs that hold it, numbered from 1 in the order given."""
    differed: tuple[str, ...]
    """The fields in which a later input's record differs from the first's, in the model's
    field order; empty when every copy is identical (kept once)."""
    sources: tuple[str, ...]
    """The source ids the combined record cites: those of every copy (empty for a source)."""
    conflicts: tuple[Conflict, ...] = ()
    """The single values that differed: which was kept (the first input's) and which were
    dropped, from which inputs (:class:`Conflict`); lists are unioned, so lose nothing."""

    def __str__(self) -> str:
        inputs = ", ".join(str(i) for i in self.inputs)
        if not self.differed:
            return f"{self.kind} {self.id} in inputs {inputs}: identical, kept once"
        kept = f"; sources kept: {', '.join(self.sources)}" if self.sources else ""
        values = "".join(f"; {c}" for c in self.conflicts)
        return (f"{self.kind} {self.id} in inputs {inputs}: content differed "
                f"({', '.join(self.differed)}), combined{kept}{values}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: kind, id, inputs, differed (a list; empty: identical), sources,
        conflicts (:meth:`Conflict.to_dict` each)."""
        return {"kind": self.kind, "id": self.id, "inputs": list(self.inputs),
                "differed": list(self.differed), "sources": list(self.sources),
                "conflicts": [c.to_dict() for c in self.conflicts]}


def same_id(kind: str, groups: Sequence[Sequence[M]], found: list[SameId]) -> tuple[list[M], int]:
    """One record per id of ``groups`` (each input's records of type ``kind``, in input
    order): a record held by several inputs is the first input's combined
    (:func:`combine`) with each later copy that differs from it. Appends to ``found`` a
    :class:`SameId` for each id several inputs hold (in first-seen order) and returns
    ``(records, ids held by one input only)``. An input that holds an id twice (a folder
    of files repeating a stand-in) counts once."""
    out: dict[str, M] = {}
    first: dict[str, M] = {}
    inputs: dict[str, list[int]] = {}
    differed: dict[str, set[str]] = {}
    folding: dict[str, Combining] = {}  # ids whose copies differ: where each value came from
    for n, records in enumerate(groups, start=1):
        for rec in records:
            have = out.get(rec.id)
            if have is None:
                out[rec.id] = first[rec.id] = rec
                inputs[rec.id] = [n]
                continue
            if inputs[rec.id][-1] != n:
                inputs[rec.id].append(n)
            if have != rec:
                fold = folding.get(rec.id)
                if fold is None:
                    fold = folding[rec.id] = Combining(have, inputs[rec.id][0])
                fold.add(rec, n)
                out[rec.id] = fold.record
                differed.setdefault(rec.id, set()).update(
                    f for f in type(rec).model_fields
                    if getattr(first[rec.id], f) != getattr(rec, f))
    fields = list(type(next(iter(out.values()))).model_fields) if out else []
    for rid, held in inputs.items():
        if len(held) > 1:
            rec = out[rid]
            cited = getattr(rec, "sources", [])
            fold = folding.get(rid)
            found.append(SameId(kind, rid, tuple(held),
                                tuple(f for f in fields if f in differed.get(rid, ())),
                                tuple(dict.fromkeys(c.source for c in cited)),
                                fold.conflicts() if fold is not None else ()))
    return list(out.values()), sum(1 for held in inputs.values() if len(held) == 1)
