"""Maintained tables that turn what sanctions lists say into our vocabularies.

The tables are data (kg/curated/authorities.yaml, ofac_programs.yaml, un_regimes.yaml), so
a reader can check and extend them without reading the importers: who an issuing authority
stands for, and what an OFAC programme or a UN regime is about. Which words in free text
mean which reason or measure is the lexicon the importers share with the news extractor,
:mod:`kg.resolve.classify`. Every classification keeps the list's own words next to it
(``ReasonRef.detail``), so a wrong guess is visible and never loses what the source said.

>>> imposer_for_authority("Office of Foreign Assets Control")
'us'
>>> [str(r) for r in ofac_program_reasons("UKRAINE-EO13662")]
['armed_conflict']
"""

from __future__ import annotations

import functools

from kg.curated import load_table
from kg.model.vocab import Reason
from kg.resolve.resolver import normalize

__all__ = [
    "AUTHORITIES",
    "OFAC_PROGRAMS",
    "UN_REGIMES",
    "imposer_for_authority",
    "ofac_program_reasons",
    "un_regime_reasons",
]

R = Reason

#: Issuing authority (matched after :func:`kg.resolve.resolver.normalize`, as a whole phrase
#: inside the name) -> imposer id; kg/curated/authorities.yaml says how it is matched.
AUTHORITIES: dict[str, str] = dict(load_table("authorities"))

_AUTHORITY_KEYS = sorted(AUTHORITIES, key=len, reverse=True)


@functools.lru_cache(maxsize=4096)  # lists repeat their authorities on every record
def imposer_for_authority(authority: str) -> str | None:
    """The imposer id an authority's name stands for, or None if the table does not know it.

    >>> imposer_for_authority("HM Treasury (OFSI)"), imposer_for_authority("Ministry of Magic")
    ('gb', None)
    """
    key = f" {normalize(authority)} "
    for phrase in _AUTHORITY_KEYS:
        if f" {phrase} " in key:
            return AUTHORITIES[phrase]
    return None


#: OFAC programme tag -> reasons; kg/curated/ofac_programs.yaml says how tags are matched.
OFAC_PROGRAMS: dict[str, tuple[Reason, ...]] = {
    tag: tuple(Reason(r) for r in reasons)
    for tag, reasons in load_table("ofac_programs").items()
}


@functools.lru_cache(maxsize=4096)  # lists repeat their programmes on every record
def ofac_program_reasons(program: str) -> tuple[Reason, ...]:
    """The reasons an OFAC programme tag stands for (``other`` when unknown)."""
    tag = program.strip().upper()
    if tag in OFAC_PROGRAMS:
        return OFAC_PROGRAMS[tag]
    prefixes = [p for p in OFAC_PROGRAMS if p.endswith("-") and tag.startswith(p)]
    if prefixes:
        return OFAC_PROGRAMS[max(prefixes, key=len)]
    return (R.OTHER,)


#: UN Security Council regime: the UN_LIST_TYPE text or the reference number's two-letter
#: prefix (``QDi.001`` -> ``QD``) -> (regime name, reasons); kg/curated/un_regimes.yaml.
UN_REGIMES: dict[str, tuple[str, tuple[Reason, ...]]] = {
    prefix: (entry["name"], tuple(Reason(r) for r in entry["reasons"]))
    for prefix, entry in load_table("un_regimes")["regimes"].items()
}

#: UN_LIST_TYPE values as the XML writes them -> the prefix above.
_UN_LIST_TYPES: dict[str, str] = dict(load_table("un_regimes")["list_types"])


def un_regime_reasons(list_type: str | None,
                      reference: str | None) -> tuple[str, tuple[Reason, ...]]:
    """(regime name, reasons) of a UN listing, from UN_LIST_TYPE or else the reference.

    >>> un_regime_reasons("DPRK", "KPi.033")
    ('DPRK (resolution 1718)', (<Reason.NUCLEAR_PROLIFERATION: 'nuclear_proliferation'>,))
    """
    key = _UN_LIST_TYPES.get((list_type or "").strip().lower())
    if key is None and reference:
        key = reference.strip()[:2].upper()
    if key in UN_REGIMES:
        return UN_REGIMES[key]
    return (list_type or "unknown regime", (R.OTHER,))
