"""Readable messages for values a record's model refuses: pydantic's errors in words a
person acts on (what is wrong, what the field accepts, what was probably meant), and the
country codes that have the right form but name no country (``xx``)."""

from __future__ import annotations

from typing import Any

from kg.model.records import Actor
from kg.resolve.resolver import country_code, country_name, is_country_code

__all__ = ["error_message", "unknown_countries"]


def error_message(loc: tuple[Any, ...], err: Any) -> str:
    """The message of one pydantic error ``err`` (a dict of ``ValidationError.errors()``)
    at field location ``loc``: ``unknown field``, ``required field is missing``, an enum
    value with the values allowed, a country code or Wikidata id with what is accepted;
    otherwise pydantic's own message (without its ``Value error,`` prefix)."""
    msg: str = err["msg"].removeprefix("Value error, ")
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    if kind == "enum":
        return f"{_short(err['input'])} is not allowed; {msg[0].lower()}{msg[1:]}"
    if kind == "string_pattern_mismatch":
        return _pattern_message(loc, err["input"]) or msg
    return msg


def unknown_countries(actor: Actor) -> list[tuple[tuple[Any, ...], str]]:
    """``(field location, message)`` for each code in ``actor``'s ``country`` and
    ``nationalities`` that has the form of a code but that
    :func:`kg.resolve.resolver.is_country_code` does not know (``xx``); empty when all are
    known."""
    found: list[tuple[tuple[Any, ...], str]] = []
    if actor.country and not is_country_code(actor.country):
        found.append((("country",), _country_message(actor.country)))
    found += [(("nationalities", i), _country_message(c))
              for i, c in enumerate(actor.nationalities) if not is_country_code(c)]
    return found


def _country_message(value: Any) -> str:
    """Why ``value`` is no country code, what is accepted, and the code it may mean."""
    text = _short(value)
    code = country_code(value) if isinstance(value, str) else None
    meant = (f"; write {code!r} for {country_name(code)}"
             if code and is_country_code(code) else "")
    return (f"{text} is not a country code: use an ISO 3166-1 alpha-2 code in lower case "
            f"(such as 'ru'), a former country's (ISO 3166-3, such as 'su') or a bloc's "
            f"(kg/curated/blocs.yaml, such as 'eu'){meant}")


def _pattern_message(loc: tuple[Any, ...], value: Any) -> str | None:
    """A readable message for a value that does not have the form its field takes, or None
    to keep pydantic's."""
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if name in ("country", "nationalities"):
        return _country_message(value)
    if name == "wikidata_id":
        return f"{_short(value)} is not a Wikidata item id (Q and a number, such as 'Q30')"
    return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
