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

#: Issuing authority (as named by lists and OpenSanctions' ``authority`` property, matched
#: after :func:`kg.resolve.resolver.normalize`, as a whole phrase inside the name) -> imposer id.
#: Longer phrases are tried first, so "un security council" beats "council".
#: An authority not listed here is kept as its own government_body actor (never dropped).
AUTHORITIES: dict[str, str] = {
    # United States
    "office of foreign assets control": "us", "ofac": "us",
    "us department of the treasury": "us", "department of the treasury": "us",
    "us treasury": "us", "us department of state": "us", "department of state": "us",
    "bureau of industry and security": "us", "us department of commerce": "us",
    "department of commerce": "us",
    # European Union (the Council adopts EU restrictive measures)
    "council of the european union": "eu", "european union": "eu", "european council": "eu",
    "european commission": "eu", "eu council": "eu", "eu": "eu",
    # United Nations Security Council and its sanctions committees
    "united nations security council": "unsc", "un security council": "unsc",
    "security council": "unsc", "unsc": "unsc", "united nations": "unsc",
    # United Kingdom (OFSI is part of HM Treasury; the FCDO designates)
    "office of financial sanctions implementation": "gb", "ofsi": "gb",
    "hm treasury": "gb", "her majestys treasury": "gb", "his majestys treasury": "gb",
    "foreign commonwealth and development office": "gb", "fcdo": "gb",
    "foreign and commonwealth office": "gb", "uk government": "gb",
    # Canada, Australia, New Zealand, Switzerland, Japan
    "global affairs canada": "ca", "government of canada": "ca",
    "department of foreign affairs and trade": "au", "dfat": "au",
    "new zealand ministry of foreign affairs and trade": "nz",
    "state secretariat for economic affairs": "ch", "seco": "ch",
    "ministry of economy trade and industry": "jp", "ministry of finance japan": "jp",
    # States that publish counter-sanctions lists
    "ministry of foreign affairs of the russian federation": "ru",
    "russian ministry of foreign affairs": "ru", "government of the russian federation": "ru",
    "ministry of foreign affairs of the peoples republic of china": "cn",
    "ministry of commerce of the peoples republic of china": "cn",
    "chinese ministry of foreign affairs": "cn",
    "national security and defense council of ukraine": "ua", "nsdc": "ua",
}

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


#: OFAC programme tag (as in sdn.csv's Program column) -> reasons. Matched on the exact tag
#: first, then on the longest listed prefix ending at a ``-`` (``UKRAINE-`` covers
#: ``UKRAINE-EO13660`` to ``UKRAINE-EO13685``). Unlisted programmes become ``other`` with
#: the tag as detail.
OFAC_PROGRAMS: dict[str, tuple[Reason, ...]] = {
    "SDGT": (R.TERRORISM,), "SDT": (R.TERRORISM,), "FTO": (R.TERRORISM,),
    "HIFPAA": (R.TERRORISM,), "HRIT-": (R.HUMAN_RIGHTS,),
    "NPWMD": (R.NUCLEAR_PROLIFERATION,), "NS-ISA": (R.NUCLEAR_PROLIFERATION,),
    "IRAN": (R.NUCLEAR_PROLIFERATION,), "IRAN-": (R.NUCLEAR_PROLIFERATION,),
    "IFSR": (R.NUCLEAR_PROLIFERATION,), "IRGC": (R.TERRORISM,),
    "IRAN-HR": (R.HUMAN_RIGHTS,), "IRAN-TRA": (R.HUMAN_RIGHTS,),
    "DPRK": (R.NUCLEAR_PROLIFERATION,), "DPRK-": (R.NUCLEAR_PROLIFERATION,),
    "DPRK4": (R.NUCLEAR_PROLIFERATION,), "DPRK3": (R.NUCLEAR_PROLIFERATION,),
    "DPRK2": (R.NUCLEAR_PROLIFERATION,),
    "CYBER": (R.CYBER,), "CYBER-": (R.CYBER,), "CYBER2": (R.CYBER,), "CYBER3": (R.CYBER,),
    "GLOMAG": (R.HUMAN_RIGHTS, R.CORRUPTION), "MAGNIT": (R.HUMAN_RIGHTS, R.CORRUPTION),
    "UKRAINE-": (R.ARMED_CONFLICT,), "RUSSIA-EO14024": (R.ARMED_CONFLICT,),
    "CAATSA - RUSSIA": (R.ARMED_CONFLICT, R.CYBER, R.ELECTION_INTERFERENCE),
    "ELECTION-EO13848": (R.ELECTION_INTERFERENCE,),
    "SDNTK": (R.DRUG_TRAFFICKING,), "SDNT": (R.DRUG_TRAFFICKING,),
    "ILLICIT-DRUGS-": (R.DRUG_TRAFFICKING,), "TCO": (R.OTHER,),
    "BELARUS": (R.DEMOCRACY,), "BELARUS-": (R.DEMOCRACY,),
    "VENEZUELA": (R.DEMOCRACY, R.CORRUPTION), "VENEZUELA-": (R.DEMOCRACY, R.CORRUPTION),
    "NICARAGUA": (R.DEMOCRACY,), "NICARAGUA-": (R.DEMOCRACY,),
    "BURMA-": (R.DEMOCRACY,), "HK-EO13936": (R.DEMOCRACY,),
    "SYRIA": (R.HUMAN_RIGHTS, R.ARMED_CONFLICT), "SYRIA-": (R.HUMAN_RIGHTS, R.ARMED_CONFLICT),
    "DARFUR": (R.HUMAN_RIGHTS,), "SUDAN-": (R.ARMED_CONFLICT,),
    "SOUTH SUDAN": (R.ARMED_CONFLICT,), "CAR": (R.ARMED_CONFLICT,),
    "DRCONGO": (R.ARMED_CONFLICT,), "SOMALIA": (R.ARMED_CONFLICT,),
    "YEMEN": (R.ARMED_CONFLICT,), "LIBYA2": (R.ARMED_CONFLICT,),
    "LIBYA3": (R.ARMED_CONFLICT,), "MALI-": (R.ARMED_CONFLICT,),
    "BALKANS": (R.ARMED_CONFLICT,), "BALKANS-": (R.ARMED_CONFLICT,),
    "ETHIOPIA-": (R.ARMED_CONFLICT,), "LEBANON": (R.OTHER,), "IRAQ2": (R.OTHER,),
    "IRAQ3": (R.OTHER,), "CUBA": (R.OTHER,), "CHINA-": (R.OTHER,),
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
#: prefix (``QDi.001`` -> ``QD``) -> (regime name, reasons).
UN_REGIMES: dict[str, tuple[str, tuple[Reason, ...]]] = {
    "QD": ("ISIL (Da'esh) and Al-Qaida", (R.TERRORISM,)),
    "TA": ("Taliban (resolution 1988)", (R.TERRORISM,)),
    "KP": ("DPRK (resolution 1718)", (R.NUCLEAR_PROLIFERATION,)),
    "IR": ("Iran (resolution 2231)", (R.NUCLEAR_PROLIFERATION,)),
    "LY": ("Libya (resolution 1970)", (R.ARMED_CONFLICT, R.HUMAN_RIGHTS)),
    "SO": ("Al-Shabaab / Somalia (resolution 2713)", (R.ARMED_CONFLICT, R.TERRORISM)),
    "SD": ("Sudan (resolution 1591)", (R.ARMED_CONFLICT, R.HUMAN_RIGHTS)),
    "SS": ("South Sudan (resolution 2206)", (R.ARMED_CONFLICT,)),
    "YE": ("Yemen (resolution 2140)", (R.ARMED_CONFLICT,)),
    "CD": ("Democratic Republic of the Congo (resolution 1533)", (R.ARMED_CONFLICT,)),
    "CF": ("Central African Republic (resolution 2127)", (R.ARMED_CONFLICT,)),
    "ML": ("Mali (resolution 2374)", (R.ARMED_CONFLICT,)),
    "IQ": ("Iraq (resolution 1518)", (R.OTHER,)),
    "HT": ("Haiti (resolution 2653)", (R.ARMED_CONFLICT,)),
    "GB": ("Guinea-Bissau (resolution 2048)", (R.DEMOCRACY,)),
    "LB": ("Lebanon (resolution 1636)", (R.TERRORISM,)),
}

#: UN_LIST_TYPE values as the XML writes them -> the prefix above.
_UN_LIST_TYPES = {
    "al-qaida": "QD", "isil": "QD", "taliban": "TA", "dprk": "KP", "iran": "IR",
    "libya": "LY", "somalia": "SO", "al-shabaab": "SO", "sudan": "SD", "south sudan": "SS",
    "yemen": "YE", "drc": "CD", "car": "CF", "mali": "ML", "iraq": "IQ", "1518": "IQ",
    "haiti": "HT", "guinea-bissau": "GB", "lebanon": "LB", "1636": "LB",
}


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
