"""Retaliation links: which event of an article a counter-measure answers.

The kinds of prose read here (each with a test in tests/extract/test_links.py):

- **The answered measure after an answering cue.** "hit back at Washington's sanctions",
  "in retaliation for the sanctions those countries imposed", "in response to Washington's
  arms sale and its sanctions on Chinese firms", "The blacklist answers the entry bans the
  Council placed": an event whose trigger follows such a cue closely (no comma between, at
  most ten words) is the measure answered. It answers nothing itself.
- **Its answer in the same sentence**: an event before the cue whose imposers are the
  answered measure's targets (or whose targets are its imposers) is the counter-measure.
- **Its answer named back**: "The move answers ...", "Putin had ordered the step in
  retaliation for ...", "asked him to prolong the counter-measures after the EU decided
  ...": a back-reference ("the move", "the step", "the counter-measures") before the cue
  stands for the latest event of the sentences before on the other side.
- **A mirror after "after"** (round 12): "Russia banned entry to 18 American officials, one
  day after Washington announced matching sanctions against 18 Russians": the measure after
  "after"/"following" whose imposers are the first one's targets, and its targets the first
  one's imposers, is the one answered.
- **"it was answering"** (round 12): "Beijing said it was answering sanctions Canada had
  levied": the answer is the latest measure told before whose imposers that measure hit.
- A measure answered named only by its imposer and the state it hits ("hit back at
  Washington's sanctions") folds into the article's fuller telling of it
  (:func:`kg.extract.merging.fold_answered`), and the link points there.
- **Otherwise** an event with a retaliation cue answers the earlier event of the other side
  (its targets include this imposer, or its imposers are among these targets); the nearest
  earlier one first, else a later one.

A link is never mutual: an event answered is not itself an answer to its answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extract.events import Event
from kg.model.vocab import Reason, Status

__all__ = ["answered_events", "mark_retaliation", "response_links"]

_CUE = re.compile(r"\b(?:in retaliation (?:for|against)|in response to|in answer to|in return for|"
                  r"hit(?:s|ting)?\s+back\b[^,;]{0,40}?\bat|answer(?:s|ed|ing)?|"
                  r"respon(?:se|ding|ded|ds) to|retaliat(?:e|es|ed|ing) (?:against|for))\b",
                  re.I)
#: A back-reference to a measure told before ("the move", "the step", "the blacklist").
_BACK = re.compile(r"\b(?:the|this|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?"
                   r"(?:move|moves|step|steps|measures?|counter-?measures|counter-?sanctions|"
                   r"blacklist|list|ban|bans|decision|decree|response)\b", re.I)
#: A back-reference that itself names a response: then "after"/"following" also answer.
_BACK_RESPONSE = re.compile(r"\b(?:counter-?measures|counter-?sanctions|retaliat\w+|response)\b",
                            re.I)
_MAX_WORDS = 10
#: "Beijing said it was answering ...", "Moscow says it is responding to ...": the one who
#: answers is the sentence's subject, named right before the cue.
_ANSWERER = re.compile(r"\b(?:it|they|we)\s+(?:was|were|is|are|had been|has been|would be|"
                       r"will be)?\s*$", re.I)


def _mirrors(ia: set[str], ta: set[str], ib: set[str], tb: set[str]) -> bool:
    """True when measure a's imposers are among b's targets and b's among a's."""
    return bool(ia & tb) and bool(ib & ta)


def _answering_cue(ev: Event, extra: bool) -> re.Match[str] | None:
    """The answering cue that governs ``ev``'s trigger, if any (``extra``: "after" and
    "following" count too)."""
    text = ev.sentence.text
    a = ev.anchor[0]
    rx = _CUE if not extra else re.compile(_CUE.pattern[:-3] + r"|after|following)\b", re.I)
    best = None
    for m in rx.finditer(text, 0, a):
        gap = text[m.end():a]
        # "responded to the coup by suspending Guinea": the measure is the response
        if m.end() <= a and not re.search(r"[,;]|\bby\b", gap) \
                and len(gap.split()) <= _MAX_WORDS:
            best = m
    return best


def answered_events(events: list[Event]) -> dict[int, re.Match[str]]:
    """The events told as the measure answered ("hit back at Washington's sanctions", "in
    retaliation for the latest Canadian sanctions"): index into ``events`` -> the cue."""
    answered: dict[int, re.Match[str]] = {}
    for j, ev in enumerate(events):
        cue = _answering_cue(ev, extra=False)
        if cue is None:
            back = _BACK.search(ev.sentence.text, 0, ev.anchor[0])
            if back and _BACK_RESPONSE.search(back.group()):
                cue = _answering_cue(ev, extra=True)
        if cue is not None:
            answered[j] = cue
    return answered


def response_links(events: list[Event], country: Callable[[str], str]
                   ) -> dict[int, tuple[int, str]]:
    """For each counter-measure (index into ``events``, in text order) the event it
    answers and why. ``country`` maps an actor id to its state (a person to theirs)."""

    # each event's sides once: a long article compares hundreds of pairs
    imps = [{country(r.id) for r in e.imposers} | {r.id for r in e.imposers} for e in events]
    tgts = [{country(t.id) for t in e.targets} | {t.id for t in e.targets} for e in events]

    def other_side(k: int, j: int) -> int:
        return len(imps[k] & tgts[j]) + len(tgts[k] & imps[j])

    def pos(e: Event) -> tuple[int, int]:
        return e.sentence.index, e.anchor[0]

    links: dict[int, tuple[int, str]] = {}
    answered = answered_events(events)
    for j, cue in answered.items():
        ev = events[j]
        same = [k for k, e in enumerate(events) if k not in answered and k not in links
                and e.sentence.index == ev.sentence.index and e.anchor[0] < cue.start()
                and other_side(k, j)]
        if same:
            k = max(same, key=lambda k: (other_side(k, j), events[k].anchor[0]))
            links[k] = (j, f"answers the measure after {cue.group()!r} in its sentence")
            continue
        back = None
        for b in _BACK.finditer(ev.sentence.text, 0, cue.start()):
            back = b
        own = [e for e in events if e.sentence.index == ev.sentence.index
               and back is not None and back.start() < e.anchor[0] < cue.start()]
        if back is None or own:
            continue
        before = [k for k, e in enumerate(events) if k not in answered and k not in links
                  and pos(e) < (ev.sentence.index, back.start()) and other_side(k, j)]
        if before:
            k = max(before, key=lambda k: pos(events[k]))
            links[k] = (j, f"{back.group()!r} names it back, {cue.group()!r} the measure")
    for j, ev in enumerate(events):
        # "Russia banned entry to 18 American officials, one day after Washington announced
        # matching sanctions against 18 Russians": a measure after "after"/"following" in
        # the sentence of an earlier measure that mirrors it (each side's imposer the other's
        # target) is the measure answered
        after = None if j in answered else _answering_cue(ev, extra=True)
        if after is None or after.group().lower() not in ("after", "following"):
            continue
        mirror = [k for k, e in enumerate(events) if k not in answered and k not in links
                  and k != j and e.sentence.index == ev.sentence.index
                  and e.anchor[0] < after.start() and _mirrors(imps[k], tgts[k], imps[j],
                                                               tgts[j])]
        if mirror:
            k = max(mirror, key=lambda k: events[k].anchor[0])
            links[k] = (j, f"mirrors the measure after {after.group()!r} in its sentence")
            answered[j] = after
    # "Beijing said it was answering sanctions Canada had levied": the answerer is the
    # subject named before the cue, its measure the latest one of its side told before
    for j, cue in list(answered.items()):
        if any(v[0] == j for v in links.values()):
            continue
        pre = events[j].sentence.text[:cue.start()]
        if not _ANSWERER.search(pre):
            continue
        before = [k for k, e in enumerate(events) if k not in answered and k not in links
                  and pos(e) < pos(events[j]) and imps[k] & tgts[j]]
        if before:
            k = max(before, key=lambda k: pos(events[k]))
            links[k] = (j, f"its imposer is the one {cue.group()!r} the measure, as said "
                        "before")
    for k, ev in enumerate(events):
        if k in links or k in answered or not ev.retaliation:
            continue
        cands = []
        for j, other in enumerate(events):
            if j == k or other.status not in (Status.IMPOSED, Status.EXTENDED) or (
                    j in links and links[j][0] == k):
                continue
            hit = other_side(k, j)
            if hit:
                earlier = pos(other) < pos(ev)
                p = pos(other)
                cands.append((0 if earlier else 1, -hit, -p[0] if earlier else p[0], j))
        if cands:
            j = min(cands)[3]
            links[k] = (j, "an earlier event in the text whose targets include this imposer, "
                        "or whose imposers are among these targets")
    return links


def mark_retaliation(ev: Event, why: str) -> None:
    """Give a counter-measure found by its link the reason ``retaliation``."""
    if Reason.RETALIATION not in {c for c, _d in ev.reasons}:
        ev.reasons.insert(0, (Reason.RETALIATION, None))
        ev.explain.setdefault("reasons", []).append({"category": "retaliation",
                                                     "from_link": why})
