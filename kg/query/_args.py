"""Shared argument checks and lookups of the query functions (:mod:`kg.query`).

Every query resolves actor names the same way (:func:`resolve_actor`), checks vocabulary
options against the enums (:func:`check_enum`) and date bounds with the model's date rule
(:func:`check_bound`), so an option means one thing across questions.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from kg.errors import UsageError
from kg.model.dates import PartialDate
from kg.resolve.resolver import country_name

if TYPE_CHECKING:  # kg.graph.index (and networkx) on first use: kg.query.cold needs neither
    import networkx as nx

    from kg.graph.index import Index


def resolve_actor(G: nx.MultiDiGraph, name: str) -> str:
    """:func:`kg.graph.index.resolve_actor`: the id of the actor ``name`` means in ``G``
    (raises :class:`~kg.errors.ResolveError` for an unknown or ambiguous name)."""
    from kg.graph.index import resolve_actor as resolve

    return resolve(G, name)

__all__ = ["actor_name", "check_bound", "check_enum", "resolve_actor", "with_members"]


def check_enum(value: str | None, enum: type[StrEnum], what: str) -> str | None:
    """``value`` if it is a member of ``enum`` (or None); else :class:`UsageError`."""
    if value is None:
        return None
    if value not in {str(e) for e in enum}:
        allowed = ", ".join(str(e) for e in enum)
        raise UsageError(f"unknown {what} {value!r}; use one of {allowed}")
    return value


def check_bound(value: str | None, what: str) -> str | None:
    """``value`` if it is a :class:`~kg.model.dates.PartialDate` (``YYYY[-MM[-DD]]``) or
    None; else :class:`UsageError` naming the option ``--what``."""
    if value is None:
        return None
    try:
        return PartialDate(value).text
    except ValueError as exc:
        raise UsageError(f"--{what}: {exc}") from None


def actor_name(idx: Index, actor_id: str) -> str:
    """The display name of ``actor_id``: its label, the country's name, or the id."""
    label = idx.actors.get(actor_id, {}).get("label")
    return str(label or country_name(actor_id) or actor_id)


def with_members(idx: Index, actor_id: str) -> set[str]:
    """``actor_id`` and the people and bodies that are ``part_of`` it."""
    return {actor_id, *(a for a, how in idx.belonging_to(actor_id) if how == "part_of")}
