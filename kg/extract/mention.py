"""A mention: words in a sentence that name (or point back to) an actor, and the short
ids made from names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.resolve.resolver import normalize

__all__ = ["Mention", "slug"]


@dataclass(frozen=True, slots=True)
class Mention:
    """Words in a sentence that name (or point back to) an actor."""

    start: int
    end: int
    text: str
    kind: str
    """country | demonym | person | group | org | pronoun | ref | agency"""
    code: str | None = None
    """The actor id of a country/bloc; the country of a person or group."""
    name: str | None = None
    count: int | None = None
    noun: str | None = None
    title: str | None = None
    possessive: bool = False
    how: str = ""
    """Why this is a mention (for --explain)."""


def slug(text: str) -> str:
    """A short id from a name: ``"Antony Blinken"`` -> ``"antony-blinken"``."""
    s = re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-")
    return (s or "x")[:60].rstrip("-")
