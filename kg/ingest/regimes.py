"""Reviewed tables for the official lists read by :mod:`kg.ingest.uk`, :mod:`kg.ingest.eu`
and :mod:`kg.ingest.csl`: regime or programme -> reasons, and a US screening list's
abbreviation -> its name, agency and measures.

The tables are data in kg/curated/ (``uk_regimes.yaml``, ``eu_programmes.yaml``,
``csl_lists.yaml``), each opening with its source and rule. An unknown regime or programme
is ``other``, and every caller keeps the list's own words as the reason's detail.

>>> [str(r) for r in uk_regime_reasons("Global Human Rights")]
['human_rights']
>>> [str(r) for r in eu_programme_reasons("RUS")], [str(r) for r in eu_programme_reasons("XYZ")]
(['armed_conflict'], ['other'])
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.curated import load_table
from kg.model.records import ReasonRef
from kg.model.vocab import Measure, Reason
from kg.resolve.resolver import normalize

__all__ = ["CSL_LISTS", "EU_PROGRAMMES", "UK_REGIMES", "CslList", "csl_list",
           "eu_programme_reasons", "uk_regime_reasons", "uk_regime_refs"]

#: UK regime (normalized name) -> reasons; kg/curated/uk_regimes.yaml.
UK_REGIMES: dict[str, tuple[Reason, ...]] = {
    k: tuple(Reason(r) for r in v) for k, v in load_table("uk_regimes").items()}

#: EU programme code (upper case) -> reasons; kg/curated/eu_programmes.yaml.
EU_PROGRAMMES: dict[str, tuple[Reason, ...]] = {
    str(k).upper(): tuple(Reason(r) for r in v["reasons"])
    for k, v in load_table("eu_programmes").items()}


def uk_regime_reasons(regime: str) -> tuple[Reason, ...]:
    """The reasons a UK regime name stands for (``other`` when the table does not know it)."""
    return UK_REGIMES.get(normalize(regime), (Reason.OTHER,))


@functools.lru_cache(maxsize=4096)  # a list repeats its regimes on every entry
def uk_regime_refs(regime: str) -> tuple[ReasonRef, ...]:
    """The reasons of a UK regime (:func:`uk_regime_reasons`), each with the regime's own
    words as its detail: one tuple of instances per regime (records are never changed in
    place)."""
    return tuple(ReasonRef(category=r, detail=regime) for r in uk_regime_reasons(regime))


def eu_programme_reasons(programme: str) -> tuple[Reason, ...]:
    """The reasons an EU programme code (``RUS``, ``TAQA``) stands for (``other`` when
    unknown)."""
    return EU_PROGRAMMES.get(programme.strip().upper(), (Reason.OTHER,))


@dataclass(frozen=True)
class CslList:
    """One source list of the US Consolidated Screening List."""

    code: str
    """The list's abbreviation as the ``source`` column writes it (``SDN``, ``EL``)."""
    name: str
    """Its name (``Entity List``)."""
    agency: str
    """The authority that keeps it: ``ofac``, ``bis`` or ``ddtc``/``isn`` (see ``AGENCIES``)."""
    measures: tuple[Measure, ...]
    """What a listing on it does."""
    programs_are_ofac: bool
    """True when its ``programs`` are OFAC programme tags (Treasury lists)."""


_CSL = load_table("csl_lists")

#: CSL agency id -> the id of its government body (kg/curated/issuing_bodies.yaml, part of
#: ``us``: :func:`kg.ingest.bodies.body`).
AGENCIES: dict[str, str] = {k: str(v) for k, v in _CSL["agencies"].items()}

#: CSL list abbreviation (upper case) -> the list; kg/curated/csl_lists.yaml.
CSL_LISTS: dict[str, CslList] = {
    str(code).upper(): CslList(code=str(code).upper(), name=v["name"], agency=v["agency"],
                               measures=tuple(Measure(m) for m in v["measures"]),
                               programs_are_ofac=bool(v.get("ofac_programs", False)))
    for code, v in _CSL["lists"].items()}


def csl_list(source: str) -> CslList | None:
    """The list a CSL ``source`` cell names, by the abbreviation in its parentheses
    (``Entity List (EL) - Bureau of Industry and Security`` -> EL) or the whole cell; None
    when the table does not know it.

    >>> csl_list("Entity List (EL) - Bureau of Industry and Security").name
    'Entity List'
    """
    text = source.strip()
    if "(" in text and ")" in text:
        code = text[text.rfind("(") + 1:text.rfind(")")].strip().upper()
        if code in CSL_LISTS:
            return CSL_LISTS[code]
    return CSL_LISTS.get(text.upper())
