"""Ties between actors: who owns, directs or is related to whom.

A :class:`Relationship` is a record of its own, like a sanction: it carries a share, dates
and sources, and one owner-asset pair may have several (a stake bought in 2015 and sold in
2020, another bought in 2022; two registers that disagree), none collapsed into another.
In the graph it is a ``relationship:<id>`` node between its two actors, joined by edges
whose type the ``kind`` picks (:data:`RELATION_EDGES`): ``owner -OWNS-> relationship
-OWNS-> asset``, ``director -DIRECTS-> relationship -DIRECTS-> company``, ``person
-RELATED_TO-> relationship -RELATED_TO-> relative``.

>>> r = Relationship(id="o1", kind="ownership", subject="a", object="b", share=60,
...                  sources=[{"source": "register"}])
>>> r.share, r.kind
(60.0, <RelationKind.OWNERSHIP: 'ownership'>)
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from kg.model.base import Citation, Ref, Slug, _Model
from kg.model.dates import DateText, PartialDate
from kg.model.vocab import RelationKind

__all__ = ["RELATION_EDGES", "Relationship"]

#: Relationship kind -> the graph edge type joining it to its two actors.
RELATION_EDGES: dict[RelationKind, str] = {
    RelationKind.OWNERSHIP: "OWNS",
    RelationKind.DIRECTORSHIP: "DIRECTS",
    RelationKind.FAMILY: "RELATED_TO",
    RelationKind.ASSOCIATE: "RELATED_TO",
}
_BY_KIND = tuple((str(k), e) for k, e in RELATION_EDGES.items())


class Relationship(_Model):
    """A tie between two actors: ownership, directorship (control), family or associate."""

    id: Slug
    """Unique id of the relationship."""
    kind: RelationKind
    """What the tie is."""
    subject: Annotated[Slug, Ref("actor", edge="RELATED_TO", incoming=True,
                                 by_kind=_BY_KIND)]
    """Id of the owner, the director, or the person whose relative or associate ``object``
    is."""
    object: Annotated[Slug, Ref("actor", edge="RELATED_TO", by_kind=_BY_KIND)]
    """Id of the asset owned, the organisation directed, or the relative or associate."""
    share: float | None = Field(default=None, gt=0, le=100)
    """For ownership: the percentage of ``object`` that ``subject`` holds (``0 < share <=
    100``); None when the source does not give it (never read as 0 or 100)."""
    role: str | None = None
    """For a directorship, the role (``Director``, ``CEO``); for family or associate, the
    relationship in the source's words (``daughter``, ``business partner``)."""
    start_date: DateText | None = None
    """When the tie began (partial dates allowed)."""
    end_date: DateText | None = None
    """When it ended; None while it lasts or when not known."""
    sources: list[Citation] = Field(min_length=1)
    """Where it is recorded (one or more)."""

    @model_validator(mode="after")
    def _rules(self) -> Relationship:
        if self.subject == self.object:
            raise ValueError(f"relationship {self.id!r} joins {self.subject!r} to itself")
        if self.share is not None and self.kind is not RelationKind.OWNERSHIP:
            raise ValueError("share is only for relationships of kind 'ownership'")
        if (self.start_date and self.end_date
                and PartialDate(self.end_date) < PartialDate(self.start_date)):
            raise ValueError(f"end_date {self.end_date} is before start_date {self.start_date}")
        return self
