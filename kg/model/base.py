"""The building blocks of the records: ids (:data:`Slug`), the :class:`Ref` tag that
declares a reference field, the base model and :class:`Citation`.

Kept apart from :mod:`kg.model.records` so that the record modules (:mod:`kg.model.records`,
:mod:`kg.model.relations`) share them without importing each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

__all__ = ["MAX_ID", "SLUG_RE", "Citation", "NonEmptyStr", "Ref", "Slug"]

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9._:-]*$")

#: The longest id a record holds (characters); importers shorten longer ones, reported
#: (:func:`kg.ingest.rows.checked_in`).
MAX_ID = 200


def _check_slug(value: str) -> str:
    if not SLUG_RE.match(value):
        raise ValueError(
            f"{value!r} is not a valid id (use lower-case letters, digits and . _ : -, "
            "starting with a letter or digit)"
        )
    if len(value) > MAX_ID:
        raise ValueError(f"id is longer than {MAX_ID} characters")
    return value


Slug = Annotated[str, AfterValidator(_check_slug)]
"""A short identifier: lower-case letters, digits and ``. _ : -``."""

@dataclass(frozen=True, slots=True)
class Ref:
    """Marks a field that holds ids of other records: ``Annotated[list[Slug], Ref(...)]``.

    This tag is the one declaration of the references: :func:`kg.model.refs.check_references`
    (unknown ids), :mod:`kg.readwrite.load` (references of records that failed validation),
    :mod:`kg.merge` (rewriting merged ids) and :mod:`kg.graph.build` (edges) all read it
    through :func:`kg.model.refs.reference_fields`.
    """

    kind: str
    """The type of record referred to: ``source``, ``actor``, ``sanction`` or ``statement``."""
    edge: str
    """The graph edge type each reference becomes (``IMPOSED``, ``CITES``)."""
    incoming: bool = False
    """True when the edge runs from the referred record to this one (an imposer IMPOSED a
    sanction); False when it runs from this record to the referred one (it TARGETS)."""
    edge_attr: str | None = None
    """For a reference inside a sub-record (a citation): a field of that sub-record carried
    on the edge as an attribute of the same name (the citation's ``quote``)."""
    by_kind: tuple[tuple[str, str], ...] = ()
    """For a record whose ``kind`` field picks the edge (a :class:`~kg.model.relations.
    Relationship`): ``(kind value, edge type)`` pairs; ``edge`` is used for a kind not
    listed."""


NonEmptyStr = Annotated[str, Field(min_length=1, max_length=100_000)]


def _no_duplicates(values: list[str]) -> list[str]:
    seen: set[str] = set()
    dupes = [v for v in values if v in seen or seen.add(v)]  # type: ignore[func-returns-value]
    if dupes:
        raise ValueError(f"lists {dupes[0]!r} twice")
    return values


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
        validate_assignment=False,
    )


class Citation(_Model):
    """A reference from a fact to a source, optionally with the exact supporting words."""

    source: Annotated[Slug, Ref("source", edge="CITES", edge_attr="quote")]
    """Id of the :class:`Source` cited."""
    quote: str | None = None
    """The exact words in the source that support the fact."""
    start: int | None = Field(default=None, ge=0)
    """Character offset of the quote in the source text, where known (set by the extractor)."""
    end: int | None = Field(default=None, ge=0)
    """Character offset just past the quote in the source text, where known."""

    @model_validator(mode="after")
    def _offsets(self) -> Citation:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("end offset is before start offset")
        return self
