"""One answer of a name search (:class:`ActorMatch`), in a module of its own so that a
search answered from a saved graph's stored index (:func:`kg.query.cold.search`) needs
neither networkx nor the graph."""

from __future__ import annotations

from dataclasses import dataclass

from kg.resolve.match import Candidate

__all__ = ["ActorMatch", "with_imposers"]


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """One answer of :func:`search_actors`: a :class:`~kg.resolve.match.Candidate` with
    the imposers whose sanctions target the actor (ids and names)."""

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


def with_imposers(c: Candidate, imposers: list[str], names: list[str]) -> ActorMatch:
    """The :class:`ActorMatch` of candidate ``c`` with its imposers' ids and names."""
    return ActorMatch(c.id, c.name, c.kind, c.country, c.score, c.matched, c.how, c.weak,
                      imposers, names)
