"""What a statement is about: the sanctions a statement refers to.

A statement in a sentence that reports sanctions is about those. Otherwise, when its words
name sanctions back ("the sanctions", "these measures", "the decision", "the renewal", or a
bare "sanctions"), it is about an earlier event of the article (of those on the day it
names, if it names one; of those imposed by the state or bloc those words name, "the ECOWAS
move"; of those with the status its words name, if they name one: "can be lifted",
"welcomed the renewal"). Among those:

- a criticism (condemns, warns, denies, threatens) is about sanctions on the speaker's
  side, never its own side's ("Lavrov criticised the sanctions" after the West sanctioned
  China and China answered: the Western ones);
- a call is about sanctions on the speaker's side (to end them), else its own side's
  ("tougher sanctions are needed");
- support is for its own side's, or for a relief on its side ("Cairo welcomed the
  decision" to readmit Egypt);
- otherwise the latest event the speaker's side imposed, else was targeted by, else the
  latest.

A threat to respond with no sanction named ("reserved the right to respond") is about the
latest earlier measure on the speaker's side, the one it would answer; words that tell what a
measure does ("ships will be turned away", "borders would close") are about the measure told
before, picked as above.
"""

from __future__ import annotations

import re

from kg.extract.context import Doc, Resolved
from kg.extract.dates import find_dates
from kg.extract.events import Event
from kg.extract.fields import count_before
from kg.model.vocab import Stance

__all__ = ["sanctions_about"]

#: Words that name sanctions back: with a determiner ("the decision", "these measures",
#: "the renewal"), or a bare plural or mass noun ("Sanctions are a double-edged weapon",
#: "tougher sanctions are needed", "deserved sanctions", "settled on firm measures").
_ABOUT_SANCTIONS = re.compile(
    r"\b(?:(?:the|these|those|such|its|their)\s+(?:[\w-]+\s+)?(?:sanctions|measures|moves?|"
    r"decision|penalties|response|steps|blacklist|listings?|suspensions?|embargo|blockade|"
    r"bans?|renewal|relief|closures?|restrictions)|sanctions|embargo|blockade|"
    r"(?:tough|tougher|firm|further|new|fresh|targeted)\s+measures)\b", re.I)
#: A threat to answer ("reserved the right to respond", "will retaliate", "countermeasures")
#: names back the measure it would answer.
_RESPONSE = re.compile(r"\b(?:respon(?:d|se)|retaliat\w*|counter-?measures|hit\s+back|"
                       r"reciprocal|go\s+unanswered)\b", re.I)
#: What a measure does, told in its parts ("will be banned", "borders would close",
#: "assets are frozen", "will be turned away", "barred from entering").
_MEASURE_DONE = re.compile(r"\b(?:(?:will|would|are|is|were|was)\s+(?:\w+\s+){0,3}?"
                           r"(?:banned|barred|frozen|turned\s+away|blocked|suspended)|"
                           r"(?:borders?|airspace)\s+(?:with\s+\w+\s+)?(?:will|would)\s+"
                           r"close|(?:freeze|froze|freezes)\s+(?:the\s+)?assets)\b", re.I)
#: A status the words said name ("sanctions can be lifted", "welcomed the renewal"): an
#: event of that status is meant first.
_STATUS_WORDS: list[tuple[tuple[str, ...], re.Pattern[str]]] = [
    (("lifted", "eased"), re.compile(r"\b(?:lift(?:s|ed|ing)?|end(?:s|ed)?|abandon\w*|"
                                     r"scrap\w*|remov\w+|readmi\w+|eas(?:e|ed|ing)|relief|"
                                     r"relax\w*|reopen\w*|back into)\b", re.I)),
    (("extended",), re.compile(r"\b(?:renew\w*|extend\w*|extension|prolong\w*|stay "
                               r"suspended|remain in place)\b", re.I)),
    (("threatened",), re.compile(r"\b(?:would|could|will)\s+(?:\w+\s+){0,3}?"
                                 r"(?:impose|face)\b", re.I)),
]


def sanctions_about(seg: str, sent_index: int, stance: Stance, speakers: list[Resolved],
                    doc: Doc, events: list[Event], sentence_events: list[int],
                    named: list[tuple[int, int, str]] | None = None
                    ) -> tuple[list[int], str | None]:
    """Indexes (into ``events``) of the sanctions the statement with words ``seg`` in
    sentence ``sent_index`` is about, and why when it was picked from earlier events
    (``None`` when it is its own sentence's events, or none). ``named``: (start, end,
    actor id) of the states and blocs named in ``seg``; one named inside the words that
    name the sanctions ("the ECOWAS move", "Washington's sanctions") is their imposer."""
    if sentence_events:
        return list(sentence_events), None
    phrases = list(_ABOUT_SANCTIONS.finditer(seg))
    if not phrases and stance is Stance.THREATENS and _RESPONSE.search(seg):
        # "The Commission said it reserved the right to respond": a threat to answer names
        # back the measure answered, the latest on the speaker's side
        prior = list(range(count_before(events, sent_index)))
        got = _pick_about(prior, stance, speakers, doc, events)
        return got, ("the measure a threat to respond answers: the latest earlier one on the "
                     "speaker's side") if got else None
    if not phrases and _MEASURE_DONE.search(seg):
        # "Suga said ships that called at DPRK ports will be turned away and remittances
        # banned": the measure told before, described in its parts, the latest earlier one of
        # the speaker's side
        prior = list(range(count_before(events, sent_index)))
        got = _pick_about(prior, stance, speakers, doc, events)
        return got, ("the measure its parts describe: the latest earlier one of the "
                     "speaker's side") if got else None
    if not phrases:
        return [], None
    days = {d.value for d in find_dates(seg, doc.ref)}
    dated = [i for i, e in enumerate(events) if e.date in days] if days else []
    prior = list(range(count_before(events, sent_index)))
    cands = dated or prior
    whose = {aid for a, b, aid in named or [] for p in phrases
             if (p.start() <= a and b <= p.end()) or 0 <= p.start() - b <= 3}
    by_named = [i for i in cands if whose & {r.id for r in events[i].imposers}] if whose else []
    if by_named:
        cands = by_named  # "endorsed the ECOWAS move": ECOWAS's measure
    for statuses, rx in _STATUS_WORDS:
        if rx.search(seg) and (of_status := [i for i in cands if events[i].status in statuses]):
            cands = of_status  # "the vote showed that sanctions can be lifted": the lifting
            break
    got = _pick_about(cands, stance, speakers, doc, events)
    return got, ("an earlier event (of those on the day named, by the imposer named, of "
                 "the status named) that the speaker's side is the target of when "
                 "criticising or calling, the imposer of when supporting, else took part "
                 "in") if got else None


_AGAINST = (Stance.CONDEMNS, Stance.WARNS, Stance.DENIES, Stance.THREATENS)


def _pick_about(cands: list[int], stance: Stance, speakers: list[Resolved], doc: Doc,
                events: list[Event]) -> list[int]:
    """The event a statement on "the sanctions" means, of ``cands`` (indexes into
    ``events``), by the stance as the module docstring says; the speaker's side is the
    speaker, or those it spoke together with."""
    if not cands:
        return []

    seen: dict[str, str] = {}

    def country(aid: str) -> str:
        if aid not in seen:
            a = doc.actors.get(aid)
            seen[aid] = (a.country or aid) if a is not None else aid
        return seen[aid]

    own = {country(s.id) for s in speakers}
    side = set(own)
    partners = {country(i) for i in doc.last_multi_speakers}
    if own & partners:
        side |= partners  # Lavrov after "Russia and China ... said": both sides' sanctions

    def score(i: int) -> int:
        imp = {country(r.id) for r in events[i].imposers}
        tgt = {country(t.id) for t in events[i].targets}
        relief = events[i].status in ("lifted", "eased")
        if stance is Stance.CALLS_FOR:
            # a call is about the sanctions on the speaker's side (to end them), else about
            # its own side's ("tougher sanctions are needed")
            return 5 if own & tgt else 4 if side & tgt else 3 if own & imp else 1
        if stance in _AGAINST:
            return 0 if side & imp else 4 if own & tgt else 3 if side & tgt else 1
        if stance is Stance.SUPPORTS:
            # support by a target is for the relief on it ("Cairo welcomed the decision")
            return 3 if own & imp or (own & tgt and relief) else 0 if side & tgt else 1
        return 3 if own & imp else 2 if own & tgt else 1

    # the last of the best scored; read from the end, a candidate of the highest score
    # possible ends the search (a long article has hundreds of candidates)
    top = 5 if stance is Stance.CALLS_FOR else 4 if stance in _AGAINST else 3
    best, pick = -1, cands[-1]
    for i in reversed(cands):
        sc = score(i)
        if sc > best:
            best, pick = sc, i
            if sc == top:
                break
    return [pick]
