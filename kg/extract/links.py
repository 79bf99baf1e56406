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

__all__ = ["response_links"]

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


def _answering_cue(ev: Event, extra: bool) -> re.Match[str] | None:
    """The answering cue that governs ``ev``'s trigger, if any (``extra``: "after" and
    "following" count too)."""
    text = ev.sentence.text
    a = ev.anchor[0]
    rx = _CUE if not extra else re.compile(_CUE.pattern[:-3] + r"|after|following)\b", re.I)
    best = None
    for m in rx.finditer(text, 0, a):
        gap = text[m.end():a]
        if m.end() <= a and not re.search(r"[,;]", gap) and len(gap.split()) <= _MAX_WORDS:
            best = m
    return best


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
    answered: dict[int, re.Match[str]] = {}
    for j, ev in enumerate(events):
        cue = _answering_cue(ev, extra=False)
        if cue is None:
            back = _BACK.search(ev.sentence.text, 0, ev.anchor[0])
            if back and _BACK_RESPONSE.search(back.group()):
                cue = _answering_cue(ev, extra=True)
        if cue is not None:
            answered[j] = cue
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
