"""Who owns a sanction noun phrase: the imposers of "Washington's sanctions", "the American
embargo on Cuba", "UN sanctions" (the Security Council's), "its own sanctions", and of a
noun owned by several coordinated states ("US and EU sanctions", "British, Canadian and
American sanctions").
"""

from __future__ import annotations

import re

from kg.extract.actors import Mention
from kg.extract.context import Doc, Resolved
from kg.extract.refer import possessor, resolve
from kg.extract.text import Sentence

__all__ = ["NP_ON", "not_the_actor", "np_answered", "np_imposers", "passive_owner"]

#: What opens the targets after an owned sanction noun: "on", "against", "targeting", also
#: after a participle and a date ("U.S. sanctions imposed in February on dozens of Iranian
#: entities").
NP_ON = re.compile(r"(?:\s+(?:imposed|placed|levied|slapped|introduced|adopted)(?:\s+(?!on\b|"
                   r"against\b|by\b)[\w,]+){0,4}?)?\s+(?:on|against|targeting)\b")

#: Before a state that is the target or topic of a phrase, not an actor ("sanctions on Russia",
#: "the invasion of Ukraine", "the Security Council Committee concerning Mali").
_NOUN_ON = re.compile(r"\b(?:(?:sanctions|measures|penalties|restrictions|embargo|package)\s+(?:on"
                      r"|against)|(?:invasion|annexation|occupation)\s+of|(?:war|crisis|conflict)"
                      r"\s+in|concerning|regarding|committee\s+(?:on|for))\s+(?:the\s+)?$", re.I)
#: A preposition before an owner's noun phrase ("hit back at the latest U.S. sanctions by
#: adding ...": the United States owns the sanctions answered; it does not add anyone).
_PREP_OWNER = re.compile(r"\b(?:at|to|for|over|against|of|with|on)\s+(?:the\s+)?(?:(?:latest|"
                         r"new|recent|fresh|earlier|previous|first|last)\s+)?$", re.I)
_OWNS_NOUN = re.compile(r"(?:['’]s|\.)?\s+(?:[\w-]+\s+){0,2}?(?:sanctions|measures|penalties|"
                        r"restrictions|embargo)\b", re.I)

#: Inside an aside between commas ("The Federal Council, citing the situation in Ukraine,
#: today decided on further measures"): a state named there is not the subject.
_ASIDE = re.compile(r",\s+(?:citing|pointing\s+to|referring\s+to|noting|recalling)\b[^,;]*$",
                    re.I)

#: Right before an owned sanction noun: a verb of answering and its preposition ("vowed to
#: respond to the latest EU sanctions", "threatened to retaliate against US sanctions").
_ANSWERED_BY = re.compile(r"\b(?:respond\w*|retaliat\w*|react\w*|hit\w*\s+back|answer\w*|"
                          r"align\w*(?:\s+itself)?|join\w*|mirror\w*|match\w*)\s+(?:in\s+kind\s+)?"
                          r"(?:to|against|at|for|with)?\s*(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def np_answered(mode: str, pre: str) -> bool:
    """Whether an owned sanction noun (``mode`` ``np``) is the object of a verb of answering
    in ``pre`` (the words before it): then a modal before that verb ("vowed to respond to the
    EU sanctions") is the answerer's, not the measure's. A sanction noun with a relative
    clause of imposing (``mode`` ``rel``: "Washington may lift more of the sanctions it has
    placed") has its own verb after it: a modal before it is the main verb's (round 14)."""
    return mode == "rel" or (mode == "np" and bool(_ANSWERED_BY.search(pre)))


def not_the_actor(text: str, m: Mention) -> bool:
    """Whether mention ``m`` of sentence ``text`` names a state only as the target or topic
    of a noun phrase (``_NOUN_ON``), as the owner of sanctions in a prepositional phrase
    ("at the latest U.S. sanctions") or inside an aside (``_ASIDE``), so that it is not the
    subject of a trigger after it."""
    return bool(_NOUN_ON.search(text, 0, m.start)) or bool(
        _PREP_OWNER.search(text, 0, m.start) and _OWNS_NOUN.match(text, m.end)) or bool(
        _ASIDE.search(text, 0, m.start))


_OWNER_COORD = re.compile(r"(?:['’]s)?\s*(?:,|,?\s+and)\s+(?:the\s+)?")
_PREP_BEFORE = re.compile(r"\b(?:on|against|to|from|with|of|by|for|over)\s+(?:the\s+)?$", re.I)


def _owner(m: Mention, doc: Doc, sent: Sentence, ms: list[Mention]) -> list[Resolved]:
    if m.kind == "demonym" and m.code:
        cid = doc.country(m.code)  # "the American embargo on Cuba"
        return [Resolved(cid, m.text, m.how, m.start)] if cid else []
    return resolve(m, doc, sent, ms, True)


def np_imposers(text: str, start: int, end: int, ms: list[Mention], doc: Doc,
                sent: Sentence) -> list[Resolved]:
    """The imposers of the sanction noun phrase ``text[start:end]`` of sentence ``sent``
    (``ms``: its mentions), whose owner starts at ``start``: a possessive pronoun's
    antecedent, else the state, bloc or demonym there, with the states coordinated just
    before it ("US and EU sanctions"); a coordinated state after a preposition ("sanctions
    on Russia and EU sanctions") is not an owner. Empty if none resolves."""
    poss = re.match(r"(its|their)\b", text[start:end], re.I)
    if poss:
        return possessor(poss.group(1).lower(), start, doc, sent, ms)
    head = [m for m in ms if m.start == start]
    if not head:
        return []
    chain = [head[0]]
    while True:
        prev = [m for m in ms if m.end <= chain[0].start and m.kind in ("country", "demonym")
                and _OWNER_COORD.fullmatch(text, m.end, chain[0].start)]
        if not prev or _PREP_BEFORE.search(text, 0, prev[-1].start):
            break
        chain.insert(0, prev[-1])
    return [r for m in chain for r in _owner(m, doc, sent, ms)]


#: Between a sanction noun's owner and the noun: a possessive and at most two modifiers
#: ("the EU's sanctions", "US economic sanctions", "Washington's remaining sanctions").
_OWNER_GAP = re.compile(r"(?:['’]s)?(?:\s+(?!on\b|against\b|and\b|or\b)[a-z][\w-]*){0,2}\s+$")


def passive_owner(text: str, noun: int, ms: list[Mention], doc: Doc,
                  sent: Sentence) -> list[Resolved]:
    """The imposers of a sanction noun that is the subject of a passive with no agent ("US
    sanctions on Iran were lifted", "The EU's sanctions were removed", "its sanctions will be
    eased"): the owner just before the noun at offset ``noun`` of ``text`` (as
    :func:`np_imposers` reads it), or empty when the noun has none."""
    poss = re.search(r"\b(its|their)\s+(?:[a-z][\w-]*\s+){0,2}$", text[:noun], re.I)
    if poss:
        return possessor(poss.group(1).lower(), poss.start(), doc, sent, ms)
    own = [m for m in ms if m.end <= noun and m.kind in ("country", "demonym")
           and _OWNER_GAP.fullmatch(text, m.end, noun)]
    return np_imposers(text, own[-1].start, noun, ms, doc, sent) if own else []
