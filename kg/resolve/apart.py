"""Draft groups of different inputs that share an id but not their content, kept apart before
a merge.

``kg extract`` names an unnamed group by its noun ("individuals", "ru-officials"), unique
within one draft. Two drafts made from two articles may both hold an ``individuals`` — the
UK's 50 and the EU's 69 — and combining records by id (:func:`kg.resolve.combine.same_id`)
would make one group of them, so the EU would be said to have sanctioned the UK's 50. A group
is a draft's own description, not an identity: when two inputs hold draft groups of one id
whose count, name or description differ, the later input's is renamed (``individuals-2``)
in every reference of that input, and the rename is noted. Identical draft groups (the same
article extracted twice) and every other record keep their ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kg.model.records import Actor, Dataset
from kg.model.vocab import ActorKind

__all__ = ["draft_groups_apart"]


def _draft_group(a: Actor) -> bool:
    return a.draft and a.kind is ActorKind.GROUP


def _what(a: Actor) -> tuple[int | None, str, str | None]:
    return a.count, a.name, a.description


def draft_groups_apart(datasets: Sequence[Dataset],
                       canonicalize: Callable[[Any, Mapping[str, Mapping[str, str]]], Any]
                       ) -> tuple[list[Dataset], list[str]]:
    """``(datasets, notes)``: the datasets with each clashing draft group of a later input
    renamed (see the module docstring; references rewritten by ``canonicalize``, which
    :mod:`kg.merge` passes: its :func:`kg.merge.canonicalize`), and one note per rename
    naming both groups and the new id. Datasets with nothing to rename are returned as they
    are."""
    taken = {a.id for d in datasets for a in d.actors}
    seen: dict[str, Actor] = {}
    out: list[Dataset] = []
    notes: list[str] = []
    for n, d in enumerate(datasets, 1):
        renames: dict[str, str] = {}
        for a in d.actors:
            first = seen.get(a.id)
            if first is None:
                seen[a.id] = a
            elif _draft_group(a) and _draft_group(first) and _what(a) != _what(first):
                k = 2
                while f"{a.id}-{k}" in taken:
                    k += 1
                new = renames[a.id] = f"{a.id}-{k}"
                taken.add(new)
                notes.append(f"draft groups kept apart: input {n}'s {a.id!r} ({a.name}) is not "
                             f"the {a.id!r} of an earlier input ({first.name}); renamed {new!r}")
        if not renames:
            out.append(d)
            continue
        canonical = {"actor": renames}
        actors = [a.model_copy(update={"id": renames[a.id]}) if a.id in renames else a
                  for a in d.actors]
        out.append(d.model_copy(update={
            "actors": [canonicalize(a, canonical) for a in actors],
            "sanctions": [canonicalize(s, canonical) for s in d.sanctions],
            "statements": [canonicalize(s, canonical) for s in d.statements],
            "relationships": [canonicalize(r, canonical) for r in d.relationships]}))
    return out, notes
