"""Blocs and governments named by description, not by name: "the 15-nation bloc", "West
Africa's regional bloc", "the pan-African body", "the AU's Peace and Security Council", "the
Swiss Federal Council", "the ministry", "the council".

Real reporting names a bloc once and then describes it, and a ministry or council speaks
for its state. :func:`find_bodies` finds these phrases in a sentence and returns them;
they become ``country`` mentions (:func:`kg.extract.actors.find_mentions`). A description
that fixes the bloc ("the 27-member bloc": the EU, by its size) carries the bloc's id;
one that points back ("the bloc", "the regional body", "the council") carries
:data:`LAST_BLOC`, and an unattached ministry or government ("the ministry said")
:data:`LAST_STATE`; the caller (:func:`kg.extract.extract_text`)
replaces these with the last bloc or state the article named.

The sizes are the members each bloc had when the reporting that uses them was written
(EU 25 to 28 and 27 again, ECOWAS 15, the African Union 54 or 55, ASEAN 10); source: the
blocs' own membership pages.

>>> [(m.text, m.code) for m in find_bodies("the 15-nation bloc and the 27-member bloc")]
[('the 15-nation bloc', 'ecowas'), ('the 27-member bloc', 'eu')]
>>> [(m.text, m.code) for m in find_bodies("It said so, the ministry warned.")]
[('the ministry', '@state')]
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.curated import load_table
from kg.extract.prefilter import Gated, Gates, folded, gate, may_match

__all__ = ["LAST_BLOC", "LAST_STATE", "NOT_PERSON", "ORG_WORDS", "Body", "find_bodies",
           "named_orgs"]


class Body(NamedTuple):
    """A description of a bloc or government: where it is, its words, the code it stands
    for (a bloc id or ISO code, or :data:`LAST_BLOC` / :data:`LAST_STATE`) and how."""

    start: int
    end: int
    text: str
    code: str
    how: str


NUMBERS = {"seven": 7, "ten": 10, "fifteen": 15, "twenty-seven": 27, "twenty-eight": 28,
           "fifty-five": 55, "fifty-four": 54}

LAST_BLOC = "@bloc"
"""Code of a mention that means the last bloc named ("the bloc", "the council")."""
LAST_STATE = "@state"
"""Code of a mention that means the last state that acted or spoke ("the ministry")."""

#: Bloc by its number of members.
_BY_SIZE = {15: "ecowas", 25: "eu", 27: "eu", 28: "eu", 54: "au-union", 55: "au-union",
            10: "asean", 7: "g7"}
_NUM = r"(?P<n>\d{1,2}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
_BLOC_NOUN = r"(?:bloc|body|union|grouping|organi[sz]ation|alliance|community)"

#: (pattern, code): most specific first. Patterns are case-sensitive where capitals matter.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?i:the\s+)?" + _NUM + r"-(?:nation|member|country|state)\s+"
                r"(?:(?:regional|economic|West African|European|African)\s+)?" + _BLOC_NOUN
                + r"\b", re.I), "size"),
    (re.compile(r"\b(?:the\s+)?[Pp]an-African\s+(?:body|bloc|union|organi[sz]ation)\b"),
     "au-union"),
    (re.compile(r"\b(?:the\s+)?(?:AU(?:['’]s)?\s+)?Peace and Security Council\b"), "au-union"),
    (re.compile(r"\b(?:the\s+)?AU\b(?!['’]s\s+Peace)(?:\s+Commission)?"), "au-union"),
    (re.compile(r"\b(?:the\s+)?(?:ECOWAS|AU|African Union)\s+Commission\b"), "@prefix"),
    (re.compile(r"\b(?:the\s+)?(?:West\s+Africa['’]s|West\s+African)\s+(?:(?:\d+|[a-z]+)-"
                r"(?:nation|member)\s+)?(?:regional\s+)?(?:bloc|body|grouping|community|"
                r"heads of state(?: and government)?|leaders|states|presidents)\b"),
     "ecowas"),
    # the US department that keeps the Entity List (the Treasury is in kg/curated/seats.yaml)
    (re.compile(r"\b(?:the\s+)?(?:U\.?S\.?\s+)?(?:Commerce Department|Department of Commerce|"
                r"Bureau of Industry and Security)\b"), "us"),
    (re.compile(r"\b(?:the\s+)?(?:Swiss\s+)?Federal Council\b"), "ch"),
    # "Resolution 2216 places an asset freeze on ...": a numbered UN resolution is the
    # Security Council's act (the General Assembly's resolutions impose nothing)
    (re.compile(r"\b(?:(?:UN|U\.N\.|United Nations|Security Council)\s+)?[Rr]esolution\s+"
                r"\d{3,4}\b(?:\s+\(\d{4}\))?(?!\s+of\s+the\s+(?:UN\s+)?General)"), "unsc"),
    (re.compile(r"\b(?:the\s+)?Swiss government\b"), "ch"),
    (re.compile(r"\b(?:the\s+)?(?:regional|economic|continental)\s+(?:bloc|body|grouping)\b"),
     LAST_BLOC),
    # round 13: "the bloc's Mediation and Security Council": an organ of the last bloc named
    # (not the UN's Security Council)
    (re.compile(r"\b[Tt]he\s+(?:bloc|union|community)['’]s\s+(?:[A-Z][\w-]*\s+(?:and\s+)?)"
                r"{1,4}(?:Council|Commission|Authority|Summit)\b"), LAST_BLOC),
    (re.compile(r"(?:\b[Tt]he|^The)\s+(?:bloc|[Cc]ouncil|[Uu]nion|body)\b(?!['’]s\s+\w+\s+"
                r"(?:minister|member))"), LAST_BLOC),
    # "the Ministry of Commerce said": a ministry named by its brief, the last state's
    (re.compile(r"\b[Tt]he\s+Ministry\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:(?:,\s+|\s+and\s+|"
                r"\s+&\s+|\s+)(?!(?:Spokes\w+|Minister|Secretary|Director)\b)[A-Z][\w’'-]*)*"),
     LAST_STATE),
    # (the brief capitalised or not: "the Commerce Ministry", "a Foreign Ministry spokesperson")
    (re.compile(r"\b[Tt]he\s+(?:(?i:foreign|commerce|finance|trade|defen[cs]e|economy)\s+)?"
                r"(?:[Mm]inistry|[Gg]overnment|[Cc]abinet|[Aa]dministration|department|"
                # round 14: "For the first time, the office added, ..." (after the Foreign
                # Office; not "the Office of ...", a named body)
                r"office(?!\s+of\b))\b"),
     LAST_STATE),
    (re.compile(r"\b[Aa]\s+(?:(?i:foreign)\s+)?(?i:ministry)\s+spokes(?:man|woman|person)\b"),
     LAST_STATE),
    # "The spokesperson said ..." after "a foreign ministry spokesperson said": unnamed, the
    # spokesperson speaks for the last state that acted or spoke (a name after it is a person)
    (re.compile(r"\b[Tt]he\s+spokes(?:man|woman|person)\b(?!\s+[A-Z])(?!\s+for\b)"),
     LAST_STATE),
]
_TITLES = load_table("titles")
# "the national security adviser warned": an office holder not named speaks for the state
# whose office it is by default (kg/curated/titles.yaml), unless a name follows.
_PATTERNS.append((re.compile(r"\b[Tt]he\s+(?i:" + "|".join(
    re.escape(t) for t in sorted(_TITLES, key=len, reverse=True)) + r")\b(?!\s+[A-Z])"
    # ("the Treasury Secretary, Steven Mnuchin, said": the name between commas is the holder)
    r"(?!,\s+[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+,)"),
    "@title"))
_PREFIX_CODE = {"ECOWAS": "ecowas", "AU": "au-union", "African Union": "au-union"}
# A ministry or government with its country just before it ("Russia's foreign ministry",
# "the Chinese government") is already that country's mention.
_OWNED = re.compile(r"(?:['’]s|[A-Z][a-z]+(?:an|ese|ish|ian|i|ch))\s*$")


def _size(word: str) -> int | None:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBERS.get(w)


@functools.cache
def _gates() -> list[Gates]:
    """The words each pattern needs (:mod:`kg.extract.prefilter`), read on first use."""
    return [gate(rx) for rx, _code in _PATTERNS]


def find_bodies(text: str) -> list[Body]:
    """Descriptions of blocs and governments in a sentence (see the module docstring), in
    order, not overlapping."""
    out: list[Body] = []
    low = folded(text)
    for (rx, code), gates in zip(_PATTERNS, _gates(), strict=True):
        for m in rx.finditer(text) if may_match(gates, low) else ():
            if any(o.start < m.end() and m.start() < o.end for o in out):
                continue
            c: str | None = code
            if code == "size":
                n = _size(m["n"])
                c = _BY_SIZE.get(n) if n is not None else None
            elif code == "@title":
                c = _TITLES[" ".join(m.group().lower().split()[1:])]
            elif code == "@prefix":
                c = next(v for k, v in _PREFIX_CODE.items() if k in m.group())
            elif code == LAST_STATE and m.start() > 0 and _OWNED.search(text[:m.start()]):
                continue
            if c is None:
                continue
            out.append(Body(m.start(), m.end(), m.group(), c,
                            f"bloc or government described ({m.group()!r})"))
    out.sort(key=lambda x: x.start)
    return out


#: The last word of an organisation's name ("Amnesty International", "Freedom House",
#: "the UN General Assembly"); such a name is never a person's.
ORG_WORDS = ("International", "Watch", "House", "Institute", "Assembly", "Foundation",
             "Endowment", "Agency", "Fund", "Bank", "Group", "Corporation", "Company",
             "Ministry", "Council", "Department", "Commission", "Office", "Committee",
             "Parliament", "Duma", "Party", "Court", "Association", "Federation",
             "Organisation", "Organization", "Union", "Army", "Guard", "Forces",
             # round 12: firms' words ("General Atomics Aeronautical Systems" is no general)
             "Systems", "Technologies", "Industries", "Holdings", "Solutions", "Aerospace",
             "Electronics", "Dynamics", "Airlines", "Petroleum", "Shipping", "Logistics",
             "Laboratories", "Incorporated", "Corp", "Inc", "Ltd", "LLC", "PJSC", "JSC")
NOT_PERSON = re.compile(r"\b(?:" + "|".join(ORG_WORDS) + r")\b")
"""A name with one of :data:`ORG_WORDS` in it is not a person's."""
_NAMED_ORG = re.compile(
    r"\b(?:(?:UN|U\.N\.|United Nations)\s+)?General Assembly\b|"
    r"\b(?:[A-Z][\w&+.’'-]*\s+){1,5}(?:Institute for International Affairs|International|"
    r"Watch|House|Institute|Foundation|Endowment for Democracy)\b")
_ORG_STOP = {"The", "On", "In", "And", "But", "While", "After", "Before"}
_NAMED_ORG_GATED = Gated(_NAMED_ORG)


def named_orgs(text: str) -> list[Body]:
    """Organisations named in a sentence ("Human Rights Watch", "the General Assembly"),
    as :class:`Body` records whose ``code`` is the organisation's name ("United Nations
    General Assembly" for the General Assembly, however written).

    >>> [b.code for b in named_orgs("Amnesty International and the U.N. General Assembly")]
    ['Amnesty International', 'United Nations General Assembly']
    """
    out = []
    for m in _NAMED_ORG_GATED.finditer(text):
        words = m.group().split()
        while words and words[0] in _ORG_STOP:
            words.pop(0)
        if len(words) < 2:
            continue
        name = " ".join(words)
        if name.startswith("General Assembly"):
            name = "United Nations " + name
        elif name.startswith(("U.N. ", "UN ")):
            name = "United Nations " + name.split(" ", 1)[-1]
        start = m.end() - len(" ".join(words))
        out.append(Body(start, m.end(), text[start:m.end()], name, "name of an organisation"))
    return out
