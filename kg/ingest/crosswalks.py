"""Maintained tables that turn what sanctions lists say into our vocabularies.

These are data, kept in one place so a reader can check and extend them without reading the
importers: who an issuing authority stands for, what an OFAC programme or a UN regime is
about, and which words in free text mean which reason or measure. Every classification keeps
the list's own words next to it (``ReasonRef.detail``), so a wrong guess here is visible and
never loses what the source said.

>>> imposer_for_authority("Office of Foreign Assets Control")
'us'
>>> [str(r) for r in ofac_program_reasons("UKRAINE-EO13662")]
['armed_conflict']
>>> [str(r) for r in classify_reason("involved in the torture of detainees")]
['human_rights']
"""

from __future__ import annotations

import re

from kg.curated import load_table
from kg.model.vocab import Measure, Reason
from kg.resolve.resolver import normalize

__all__ = [
    "AUTHORITIES",
    "MEASURE_WORDS",
    "OFAC_PROGRAMS",
    "REASON_WORDS",
    "UN_REGIMES",
    "classify_measures",
    "classify_reason",
    "imposer_for_authority",
    "ofac_program_reasons",
    "un_regime_reasons",
]

R = Reason

#: Issuing authority (matched after :func:`kg.resolve.resolver.normalize`, as a whole phrase
#: inside the name) -> imposer id; kg/curated/authorities.yaml says how it is matched.
AUTHORITIES: dict[str, str] = dict(load_table("authorities"))

_AUTHORITY_KEYS = sorted(AUTHORITIES, key=len, reverse=True)


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


#: Words in a list's free-text reason -> reason category. A reason may match several;
#: text that matches none is ``other``. Patterns are regular expressions on lower case.
REASON_WORDS: list[tuple[str, Reason]] = [
    (r"terror|isil|da.esh|al-qaida|al qaida|taliban|hizbal|hezbol|hamas", R.TERRORISM),
    (r"human rights|torture|repress|persecut|abuse|arbitrary detention|extrajudicial"
     r"|uyghur|uighur|genocide|crimes against humanity|forced labou?r", R.HUMAN_RIGHTS),
    (r"election (interference|meddling)|interfer\w* in (the )?\w* ?elections?"
     r"|meddl", R.ELECTION_INTERFERENCE),
    (r"democra|rule of law|electoral fraud|rigg|coup|opposition|civil society",
     R.DEMOCRACY),
    (r"territorial integrity|sovereignty|war\b|armed|military|invasion|aggression"
     r"|annex|destabili[sz]|conflict|militia|arms", R.ARMED_CONFLICT),
    (r"nuclear|proliferat|weapons of mass destruction|wmd|ballistic|missile",
     R.NUCLEAR_PROLIFERATION),
    (r"cyber|hack|malware|ransomware", R.CYBER),
    (r"corrupt|bribe|embezzl|misappropriat|kleptocra|money laundering", R.CORRUPTION),
    (r"narcotic|drug|cartel|cocaine|heroin|fentanyl", R.DRUG_TRAFFICKING),
    (r"disinformation|propaganda|misinformation", R.DISINFORMATION),
    (r"counter.?sanction|retaliat|in response to (the )?(\w+ )?sanctions|reciprocal",
     R.RETALIATION),
]
_REASON_RES = [(re.compile(p), r) for p, r in REASON_WORDS]


def classify_reason(text: str) -> list[Reason]:
    """Reason categories whose words occur in ``text`` (``[other]`` when none do)."""
    lowered = text.lower()
    found = [r for rx, r in _REASON_RES if rx.search(lowered)]
    return list(dict.fromkeys(found)) or [R.OTHER]


#: Words in a list's provisions (FtM ``provisions``, e.g. "Asset freeze") -> measure.
MEASURE_WORDS: list[tuple[str, Measure]] = [
    (r"freez|block", Measure.ASSET_FREEZE),
    (r"travel|entry ban|admission", Measure.TRAVEL_BAN),
    (r"visa", Measure.VISA_RESTRICTIONS),
    (r"arms|weapon", Measure.ARMS_EMBARGO),
    (r"export", Measure.EXPORT_CONTROL),
    (r"import", Measure.IMPORT_BAN),
    (r"invest", Measure.INVESTMENT_BAN),
    (r"financ|funds|debt|equity|transaction|payment|loan|capital market",
     Measure.FINANCIAL_RESTRICTIONS),
    (r"sector", Measure.SECTORAL),
    (r"trade|embargo", Measure.TRADE_RESTRICTIONS),
    (r"vessel|port|flight|aircraft|airspace", Measure.TRANSPORT),
]
_MEASURE_RES = [(re.compile(p), m) for p, m in MEASURE_WORDS]


def classify_measures(texts: list[str]) -> list[Measure]:
    """Measures named in provisions texts; ``unspecified`` for text none of the words match."""
    out: list[Measure] = []
    for text in texts:
        lowered = text.lower()
        found = [m for rx, m in _MEASURE_RES if rx.search(lowered)] or [Measure.UNSPECIFIED]
        out += [m for m in found if m not in out]
    return out
