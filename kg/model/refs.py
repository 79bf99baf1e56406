"""Cross-record checks of a dataset: every reference resolves, no id is used twice,
no membership cycle. Used by :mod:`kg.readwrite.load` and by importers and the extractor."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from kg.model.records import Dataset

__all__ = ["RefProblem", "check_references"]


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


def check_references(ds: Dataset) -> list[RefProblem]:
    """Every broken reference, duplicate id and membership cycle in ``ds``.

    >>> from kg.model.records import Actor
    >>> problems = check_references(Dataset(actors=[
    ...     Actor(id="fr", name="France", kind="state", member_of=["eu"])]))
    >>> [(p.id, p.field, p.message) for p in problems]
    [('fr', 'member_of', "unknown actor 'eu'")]
    """
    out: list[RefProblem] = []
    for kind, items in (("source", ds.sources), ("actor", ds.actors),
                        ("sanction", ds.sanctions), ("statement", ds.statements)):
        counts = Counter(r.id for r in items)
        out += [RefProblem(kind, i, "id", f"duplicate {kind} id {i!r}")
                for i, n in counts.items() if n > 1]
    sources = {s.id for s in ds.sources}
    actors = {a.id for a in ds.actors}
    sanctions = {s.id for s in ds.sanctions}

    def need(kind: str, rid: str, fld: str, ids: list[str], known: set[str], what: str) -> None:
        out.extend(RefProblem(kind, rid, fld, f"unknown {what} {i!r}", i, what)
                   for i in ids if i not in known)

    for a in ds.actors:
        need("actor", a.id, "member_of", a.member_of, actors, "actor")
        if a.part_of:
            need("actor", a.id, "part_of", [a.part_of], actors, "actor")
        need("actor", a.id, "sources", [c.source for c in a.sources], sources, "source")
    for s in ds.sanctions:
        need("sanction", s.id, "imposers", s.imposers, actors, "actor")
        need("sanction", s.id, "targets", s.targets, actors, "actor")
        need("sanction", s.id, "in_response_to", s.in_response_to, sanctions, "sanction")
        need("sanction", s.id, "sources", [c.source for c in s.sources], sources, "source")
    for st in ds.statements:
        need("statement", st.id, "speakers", st.speakers, actors, "actor")
        need("statement", st.id, "about_sanctions", st.about_sanctions, sanctions, "sanction")
        need("statement", st.id, "about_actors", st.about_actors, actors, "actor")
        need("statement", st.id, "sources", [c.source for c in st.sources], sources, "source")
    out += _part_of_cycles(ds)
    return out


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
