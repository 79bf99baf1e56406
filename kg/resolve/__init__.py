"""Names -> ids: text normalisation, the country gazetteer (seats of government, short names,
demonyms, blocs) and the :class:`Resolver` that finds an actor by id, name or alias.

May import :mod:`kg.model` and :mod:`kg.errors` only.
"""

from __future__ import annotations

from kg.resolve.resolver import (
    Resolver,
    country_actor,
    country_code,
    country_name,
    normalize,
)

__all__ = ["Resolver", "country_actor", "country_code", "country_name", "normalize"]
