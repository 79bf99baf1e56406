"""What a statement is about: the sanctions a statement refers to.

A statement in a sentence that reports sanctions is about those. Otherwise, when its words
name sanctions back ("the sanctions", "these measures", "the decision"), it is about an
earlier event of the article (of those on the day it names, if it names one): a criticism
(condemns, warns, denies, threatens, calls for) is about sanctions on the speaker's side,
never its own side's ("Lavrov criticised the sanctions" after the West sanctioned China and
China answered: the Western ones); support is about its own side's; otherwise the latest
event the speaker took part in, else the latest.
"""

from __future__ import annotations

import re

from kg.extract.context import Doc, Resolved
from kg.extract.dates import find_dates
from kg.extract.events import Event
from kg.model.vocab import Stance

__all__ = ["sanctions_about"]

_ABOUT_SANCTIONS = re.compile(r"\b(?:the|these|those|such|its|their)\s+(?:[\w-]+\s+)?"
                              r"(?:sanctions|measures|moves?|"
                              r"decision|penalties|response|steps|blacklist|listings?)\b", re.I)


def sanctions_about(seg: str, sent_index: int, stance: Stance, speakers: list[Resolved],
                    doc: Doc, events: list[Event], sentence_events: list[int]
                    ) -> tuple[list[int], str | None]:
    """Indexes (into ``events``) of the sanctions the statement with words ``seg`` in
    sentence ``sent_index`` is about, and why when it was picked from earlier events
    (``None`` when it is its own sentence's events, or none)."""
    if sentence_events:
        return list(sentence_events), None
    if not _ABOUT_SANCTIONS.search(seg):
        return [], None
    days = {d.value for d in find_dates(seg, doc.ref)}
    dated = [i for i, e in enumerate(events) if e.date in days]
    prior = [i for i, e in enumerate(events) if e.sentence.index < sent_index]
    got = _pick_about(dated or prior, stance, speakers, doc, events)
    return got, ("the latest earlier event (of those on the day named) that a speaker's "
                 "side is the target of when criticising, the imposer of when supporting, "
                 "else took part in") if got else None


_AGAINST = (Stance.CONDEMNS, Stance.WARNS, Stance.DENIES, Stance.THREATENS, Stance.CALLS_FOR)


def _pick_about(cands: list[int], stance: Stance, speakers: list[Resolved], doc: Doc,
                events: list[Event]) -> list[int]:
    """The event a statement on "the sanctions" means, of ``cands`` (indexes into
    ``events``): a criticism is about sanctions on the speaker's side (the speaker, or
    those it spoke together with), never its own side's; support is for its own side's;
    otherwise the latest event the speaker took part in, else the latest."""
    if not cands:
        return []

    def country(aid: str) -> str:
        a = doc.actors.get(aid)
        return (a.country or aid) if a is not None else aid

    own = {country(s.id) for s in speakers}
    side = set(own)
    partners = {country(i) for i in doc.last_multi_speakers}
    if own & partners:
        side |= partners  # Lavrov after "Russia and China ... said": both sides' sanctions

    def score(i: int) -> int:
        imp = {country(r.id) for r in events[i].imposers}
        tgt = {country(t.id) for t in events[i].targets}
        if stance in _AGAINST:
            return 0 if side & imp else 4 if own & tgt else 3 if side & tgt else 1
        if stance is Stance.SUPPORTS:
            return 3 if own & imp else 0 if side & tgt else 1
        return 2 if own & (imp | tgt) else 1

    best = max(score(i) for i in cands)
    return [[i for i in cands if score(i) == best][-1]]
