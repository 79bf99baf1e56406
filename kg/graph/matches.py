"""One answer of a name search (:class:`ActorMatch`), in a module of its own so that a
search answered from a saved graph's stored index (:func:`kg.query.cold.search`) needs
neither networkx nor the graph."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from kg.resolve.match import Candidate
from kg.resolve.resolver import place_of

__all__ = ["ActorMatch", "with_imposers", "with_place"]


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """One answer of :func:`search_actors`: a :class:`~kg.resolve.match.Candidate` with
    the imposers whose sanctions target the actor or the actors that belong to it (its
    officials, bodies and nationals: the rule of ``kg query who-sanctioned``), ids and
    names; ``imposers_via`` are those of them whose sanctions reach it only through such
    actors, and ``via`` / ``via_names`` those actors (in
    :meth:`kg.graph.index.Index.belonging_to` order). ``matched_as`` is None
    for a name or alias of the actor's own, else how ``matched`` names the state or bloc:
    ``"seat of government"`` ("Beijing", "the Kremlin"), ``"demonym"`` ("Chinese") or
    ``"country name"`` ("Russian Federation"; :func:`kg.resolve.resolver.place_of`)."""

    id: str
    name: str
    kind: str | None
    country: str | None
    score: float
    matched: str
    how: str
    weak: bool
    imposers: list[str]
    imposer_names: list[str]
    matched_as: str | None = None
    imposers_via: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)
    via_names: list[str] = field(default_factory=list)


def with_imposers(c: Candidate, direct: Iterable[str], through: Iterable[tuple[str, str]],
                  name: Callable[[str], str]) -> ActorMatch:
    """The :class:`ActorMatch` of candidate ``c``: ``direct``, the imposers of sanctions on
    ``c`` itself; ``through``, (actor, imposer) pairs, an actor belonging to ``c`` and an
    imposer of a sanction on it, in ``belonging_to`` order of the actors; ``name``, an
    actor's name."""
    direct = set(direct)
    through = list(through)
    imposers = sorted(direct | {i for _, i in through})
    only = [i for i in imposers if i not in direct]
    via = list(dict.fromkeys(a for a, i in through if i not in direct))
    return ActorMatch(c.id, c.name, c.kind, c.country, c.score, c.matched, c.how, c.weak,
                      imposers, [name(i) for i in imposers], None, only, via,
                      [name(a) for a in via])


def with_place(rows: list[ActorMatch], query: str, actor: Callable[[str], ActorMatch | None],
               *, kind: str | None = None, country: str | None = None,
               limit: int | None = 10) -> list[ActorMatch]:
    """``rows`` (a name search's answers, best first) with the state or bloc that
    ``query`` names as a place (:func:`kg.resolve.resolver.place_of`: "Beijing" -> ``cn``)
    after the answers of score 1.0 (other exact names), scored 1.0, ``how`` ``"exact"`` and
    ``matched_as`` saying how, in place of its own row if it had one; unchanged when the
    query is no place name, when its own name or an alias already matched exactly, when
    the data has no actor of that code (``actor(code)`` gives the row to add, imposers
    included, or None) or it is not of ``kind`` / ``country``. At most ``limit`` rows."""
    place = place_of(query)
    if place is None:
        return rows
    code, what = place
    if any(r.id == code and r.score >= 1.0 for r in rows):
        return rows
    row = actor(code)
    if row is None or (kind and row.kind != kind) or (
            country and (row.country or "").lower() != country.lower()):
        return rows
    row = replace(row, score=1.0, matched=query.strip(), how="exact", weak=False,
                  matched_as=what)
    rest = [r for r in rows if r.id != code]
    at = next((i for i, r in enumerate(rest) if r.score < 1.0), len(rest))
    out = [*rest[:at], row, *rest[at:]]
    return out if limit is None else out[:limit]
