"""Stance kinds beyond the lexicon's cues (:func:`kg.extract.lexicon.stance_of`).

A clause reporting a threatened measure of the speaker's own side (an event of status
``threatened`` found in it, :func:`own_event_status`) is a threat too.

A warning or statement that the speaker's own side will or would impose, respond or take
action is a threat ("warning that it would not hesitate to impose sanctions", "Beijing would
take further action if needed, she warned"); a measure the sentence reports as decided ("China
will impose sanctions on X, a spokesperson said") is the announcement, not a threat.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from kg.extract.actors import Mention
from kg.extract.context import Doc
from kg.extract.lexicon import CONDITION
from kg.extract.text import Sentence
from kg.model.vocab import Reason

__all__ = [
    "imposing_side",
    "in_a_name",
    "in_an_accord",
    "is_forecast",
    "names_decided",
    "own_event_status",
    "own_measure",
    "ultimatum",
]

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December)")
#: "should take effect in early January", "should be lifted by March": "should" with a
#: time is a forecast, not a call.
_FORECAST = re.compile(r"\bshould\s+(?:\w+\s+){0,3}?(?:in|by|within|before|from|around)\s+"
                       r"(?:early\s+|late\s+|mid-?)?(?:" + _MONTH + r"|\d{4}\b|next\b|the\s+"
                       r"(?:end|start|beginning|coming)\b|(?:a|two|three|several)\s+(?:days|"
                       r"weeks|months)\b)")


def is_forecast(said: str) -> bool:
    """True if ``said`` uses "should" with a time ("should take effect in early January"):
    a forecast (``expects``), not a call."""
    return _FORECAST.search(said) is not None

#: "it would not hesitate to impose", "Beijing would take further action", "the council
#: stands ready to impose": the speaking side's own coming measure (the subject is checked
#: in :func:`own_measure`).
_OWN_MEASURE = re.compile(
    r"\b(?P<subj>it|we|they|the\s+(?:council|bloc|union|government|ministry|administration)|"
    r"[A-Z][\w-]+)\s+(?:will|would|shall|is\s+ready\s+to|stands?\s+ready\s+to)\s+(?:not\s+hesitate\s+to\s+|also\s+)?(?:impose|slap|take\s+(?:further\s+|"
    r"more\s+|necessary\s+|firm\s+|all\s+)?(?:action|measures|steps|countermeasures)|"
    r"respond|retaliate|hit\s+back)\b")


def own_measure(said: str, offset: int, ms: list[Mention], doc: Doc, sent: Sentence,
                own: set[str], decided: list[int]) -> str | None:
    """The words of a coming measure of the speaker's own side in ``said`` (which starts at
    ``offset`` in the sentence): its subject is a pronoun, or a state of the speakers' side
    ("Beijing would take further action if needed, she warned"); for a speaker whose state
    is unknown, a state that imposes a measure earlier in the article. A measure the
    sentence's events read as decided (anchors in ``decided``) is no threat."""
    for m in _OWN_MEASURE.finditer(said):
        if any(offset + m.start() <= a < offset + m.end() for a in decided):
            continue  # "China will impose sanctions on X": the decision itself, announced
        subj = m["subj"]
        if subj.lower().startswith("the") and re.search(r"\b(?:will|would|shall)\s+(?:\w+\s+)?"
                                                       r"(?:impose|slap)\b", m.group()) \
                and not CONDITION.search(said):
            # "told the House that the government would impose sanctions": reported speech
            # of a decision (as :data:`kg.extract.lexicon.REPORTED_WOULD` reads it), no threat
            continue
        if subj.lower() in ("it", "we", "they") or subj.lower().startswith("the"):
            # (a body named by its kind, "the council stands ready to impose", is the
            # speaker's own: a foreign body is named)
            return m.group()
        at = offset + m.start("subj")
        hit = [x for x in ms if x.start == at and x.kind == "country"]
        aid = doc.actor_of(hit[0], sent.start) if hit else None
        side = doc.actors[aid].country or aid if aid and aid in doc.actors else aid
        if side and (side in own or (not any(len(o) == 2 for o in own) and any(
                side in imps for imps, _t in doc.recent))):
            # a speaker of unknown state (a bare name) speaks for a side that imposes here
            return m.group()
    return None


def own_event_status(events: list[Any], sentence_events: list[int], own: set[str],
                     side_of: Callable[[str], str], seg: tuple[int, int]) -> str | None:
    """The status of a measure of the speaker's own side (``own``: the speakers' states or
    blocs; ``side_of`` maps an actor id to its state or bloc) reported in the clause ``seg``
    of the sentence ("Japan will impose further sanctions on X, the government's spokesman
    said"; "Norway said it was ready to sanction X if the vote goes ahead"), or None. With
    no stance of its own, a clause announcing its side's threatened measure is a threat."""
    for i in sentence_events:
        ev = events[i]
        if seg[0] <= ev.anchor[0] < seg[1] and own & {side_of(r.id) for r in ev.imposers}:
            return str(ev.status)
    return None


def imposing_side(events: list[Any], own: set[str], named: set[str],
                  kind_of: Callable[[str], str | None]) -> bool:
    """True if a person speaks for a state whose decided measure the article reports: the
    speakers' own states (``own``), or for a person of unknown state the states named in
    the words said (``named``: "Dominic Raab said the UK would be no safe haven for
    abusers' money" after the UK's listings), impose, lift, ease or extend a measure among
    ``events``. A minister explaining the own state's measure supports it; a bloc's
    spokesperson reporting the bloc's decision stays neutral (only states count), and so does
    a counter-measure's side, whose words are about the measure answered. ``kind_of`` gives
    an actor id's kind."""
    sides = own | named
    # the imposer test first: it rules out most events of a long article at once
    return any(any(r.id in sides for r in ev.imposers) and str(ev.status) in (
        "imposed", "lifted", "eased", "extended") and not (
        ev.retaliation or any(c == Reason.RETALIATION for c, _d in ev.reasons)) and any(
        r.id in sides and kind_of(r.id) == "state" for r in ev.imposers) for ev in events)


def in_a_name(text: str, words: str | None) -> bool:
    """True if a wrong's ``words`` are written in ``text`` as part of a capitalised name
    ("Human Rights Watch", "the Nuclear Suppliers Group"): an organisation, not a wrong."""
    at = text.find(words) if words else -1
    if not words or at < 0 or not all(w[:1].isupper() for w in words.split()
                                       if w not in ("of", "for", "and", "on")):
        return False
    around = text[:at].split()[-1:] + text[at + len(words):].split()[:1]
    return any(w[:1].isupper() for w in around)


#: How near (in characters) a threat word must be to a decided measure's trigger to
#: describe that measure ("barred 36 citizens in retaliation for ...": about 60 characters
#: cover a trigger's object and the cue that follows it).
_NEAR = 60


def names_decided(text: str, seg: tuple[int, int], cue: str, events: list[Any],
                   sentence_events: list[int]) -> bool:
    """True if the threat word ``cue`` of the words said (not the speech verb) describes a
    measure the sentence reports as decided: "Moscow has decided to bar 30 Canadians in
    retaliation for Ottawa's sanctions, the ministry said", "the retaliatory sanctions
    Russia imposed on Friday", "40 officials will face targeted Canadian sanctions" tell a
    counter-measure or a decision, no threat of one."""
    at = text.lower().find(cue.lower(), seg[0], seg[1])
    return at >= 0 and any(
        events[i].status in ("imposed", "extended") and abs(events[i].anchor[0] - at) <= _NEAR
        for i in sentence_events)


#: An accord or talks a wrong's words name ("the 2015 nuclear deal", "the agreement curbing
#: its nuclear research", "nuclear talks"): the accord is no wrong.
_ACCORD = r"(?:deal|agreement|accord|talks|treaty|negotiations)"


def in_an_accord(text: str, words: str | None) -> bool:
    """True if a wrong's ``words`` in ``text`` name an accord ("the 2015 nuclear deal", "the
    international agreement curbing its nuclear research"), not a wrong."""
    at = text.find(words) if words else -1
    if not words or at < 0:
        return False
    return bool(re.match(r"\s+(?:[\w-]+\s+)?" + _ACCORD + r"\b", text[at + len(words):], re.I)
                or re.search(r"\b" + _ACCORD + r"\s+(?:[\w-]+\s+){0,3}$", text[:at], re.I))


#: A call with an ultimatum ("urged Washington to withdraw the sanctions, or bear all the
#: consequences"): a threat.
_ULTIMATUM = re.compile(r"\bor\s+(?:else\s+)?(?:bear|face|pay|suffer)\s+(?:all\s+)?(?:the\s+)?"
                        r"(?:\w+\s+)?(?:consequences|price|response)\b", re.I)


def ultimatum(said: str) -> bool:
    """True if the words said end a call with an ultimatum ("..., or bear all the
    consequences"): the call threatens."""
    return _ULTIMATUM.search(said) is not None
