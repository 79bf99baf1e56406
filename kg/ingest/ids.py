"""Record ids made from the ids and words of a list: :func:`slug_id` (a list's own id),
:func:`text_slug` (free text) and :func:`shorten_id`, the one rule by which an id longer
than a record holds (:data:`~kg.model.base.MAX_ID`) is shortened, stably, by every
importer (:func:`kg.ingest.rows.fit_ids` reports it). Re-exported by
:mod:`kg.ingest.common`."""

from __future__ import annotations

import hashlib
import re

from kg.model.base import MAX_ID

__all__ = ["NOT_SLUG", "full_slug_id", "shorten_id", "slug_id", "text_slug"]

#: Characters an id does not hold (folded to ``-``).
NOT_SLUG = re.compile(r"[^a-z0-9._:-]+")
_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_SLUG_CHARS = _ALNUM + "._:-"  # the characters NOT_SLUG does not match
_WIKIDATA_ID = re.compile(r"Q[1-9]\d*")
#: Whether a whole string is a slug already: slug characters only (:data:`_SLUG_CHARS`),
#: alphanumeric at both ends.
_IS_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9._:-]*[a-z0-9])?").fullmatch
_sha1 = hashlib.sha1


def slug_id(prefix: str, raw: str) -> str:
    """A deterministic record id from an id in a source (``slug_id("ofac", "12345")``).

    Lower-cased, other characters folded to ``-``; when that loses information (upper case
    in ``NK-2aBc``, spaces, accents) a short hash of the original is appended, so two ids
    that differ only in case never collide. Wikidata ids (``Q7747``) are only lower-cased.
    Past :data:`~kg.model.base.MAX_ID` characters, shortened by :func:`shorten_id` (with a
    hash of ``raw``); :func:`kg.ingest.rows.source_id` reports that.

    >>> slug_id("ofac", "12345"), slug_id("ftm", "Q7747"), slug_id("ftm", "NK-2aBc")[:10]
    ('ofac-12345', 'ftm-q7747', 'ftm-nk-2ab')
    """
    # An id that is a slug already (slug characters only, alphanumeric at both ends: one
    # regular expression) is kept as it is, with no hash: what full_slug_id makes of it, in
    # far less time than a cache lookup; the others are cached.
    if _IS_SLUG(raw) and len(raw) < MAX_ID - len(prefix):
        return f"{prefix}-{raw}"
    key = (prefix, raw)
    made = _MADE.get(key)
    if made is None:  # a sanction names the target just read: its id is made once
        if len(_MADE) >= _MADE_MAX:
            _MADE.clear()
        made = full_slug_id(prefix, raw)
        if len(made) > MAX_ID:
            made = shorten_id(made, raw.strip())
        _MADE[key] = made
    return made


#: The ids :func:`slug_id` made lately of ids that are not slugs already (all forgotten
#: when there are :data:`_MADE_MAX`: a plain dict costs less than an LRU cache).
_MADE: dict[tuple[str, str], str] = {}
_MADE_MAX = 8192


def full_slug_id(prefix: str, raw: str) -> str:
    """:func:`slug_id` before shortening (longer than a record's id may be)."""
    value = raw.strip()
    if _IS_SLUG(value):  # a slug already: kept as it is
        return f"{prefix}-{value}"
    # lower case holds nothing to fold (``NK-2aBc``): NOT_SLUG would change nothing
    low = value.lower()
    folded = (NOT_SLUG.sub("-", low) if low.strip(_SLUG_CHARS) else low).strip("-._:") or "x"
    if folded != value and (value[:1] != "Q" or not _WIKIDATA_ID.fullmatch(value)):
        folded += "-" + _sha1(value.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{folded}"


def shorten_id(made: str, whole: str | None = None) -> str:
    """``made`` (an id an importer made) when it fits a record
    (:data:`~kg.model.base.MAX_ID` characters), else its first 180 characters, ``-`` and
    12 hex digits of the SHA-1 of ``whole`` (default: ``made`` itself): 193 characters,
    the same in every run, and distinct for distinct ids (as far as SHA-1 goes). Applied to
    a record's id and to every reference to it alike, so references still meet.

    >>> len(shorten_id("x-" + "a" * 300)), shorten_id("short-id")
    (193, 'short-id')
    """
    if len(made) <= MAX_ID:
        return made
    hashed = made if whole is None else whole
    return made[:180] + "-" + hashlib.sha1(hashed.encode("utf-8")).hexdigest()[:12]


def text_slug(text: str, max_len: int = 60) -> str:
    """A readable slug of free text (``"Ministry of X"`` -> ``ministry-of-x``)."""
    from kg.resolve.resolver import normalize

    return NOT_SLUG.sub("-", normalize(text)).strip("-")[:max_len].strip("-") or "x"
