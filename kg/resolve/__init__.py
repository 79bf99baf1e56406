"""Names and words -> ids and vocabulary: text normalisation, the country gazetteer (seats
of government, short names, demonyms, blocs), the :class:`Resolver` that finds an actor by
id, name or alias, the reason and measure lexicon (:mod:`kg.resolve.classify`) that the
importers and the extractor share, and the name matcher for the names people type
(:mod:`kg.resolve.match`, with :mod:`kg.resolve.translit` for scripts and romanisations and
:mod:`kg.resolve.choose` for when one candidate is clearly meant), and the combining of two
records that are one (:mod:`kg.resolve.combine`, for :mod:`kg.merge`).

May import :mod:`kg.model`, :mod:`kg.errors` and :mod:`kg.curated` (the tables) only.
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
