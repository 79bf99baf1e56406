"""Measures told as the same as one before, by other imposers (round 12, issue 14): "noting
that the United States and Canada had made similar decisions", "Japan has taken the same step,
and Australia is expected to follow shortly", "Britain followed suit", "in step with similar
measures already taken by the European Union and the United States".

Each is an event of the imposers named (the states or blocs right before the words, or after
"by"), with the targets and reasons of the latest event told before it by other imposers (else the
first told after it in its sentence).
Its status: ``expected`` for "expected / likely / set to follow", ``imposed`` otherwise.
Tests: tests/extract/test_event_kinds_r12.py.
"""

from __future__ import annotations

import re

from kg.extract.actors import Mention
from kg.extract.context import Doc, Resolved
from kg.extract.dates import find_dates
from kg.extract.fields import Event, date_of
from kg.extract.text import Sentence
from kg.model.vocab import Status
from kg.resolve.resolver import BLOCS

__all__ = ["alike_events"]

_ALIKE = (r"(?:similar|the\s+same|parallel|matching|comparable|equivalent|identical)\s+"
          r"(?:decisions?|steps?|measures?|moves?|action|sanctions)")
#: The imposers before the words.
_ACTIVE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:already\s+|also\s+)?(?:made|taken|adopted|announced|imposed)\s+"
    + _ALIKE + r"|followed\s+suit|(?:did|has\s+done|have\s+done)\s+the\s+same|"
    r"(?P<exp>(?:is|are)\s+(?:expected|likely|set|poised|due)\s+to\s+follow(?:\s+suit)?))\b",
    re.I)
#: The imposers after "by".
_PASSIVE = re.compile(r"\b" + _ALIKE + r"\s+(?:(?:already\s+)?(?:taken|imposed|adopted|announced)"
                      r"\s+)?by\b", re.I)  # ("similar steps by the United States")
#: A state's measure told as taking over, or following, a bloc's ("in line with an EU
#: decision of 24 February to ease its own restrictions", "Switzerland is taking over more of
#: the measures in the EU's 18th sanctions package", "The package mirrors comparable steps the
#: European Union took in June", "The new steps follow the European Union's"): the bloc's
#: measure is an event too.
_FOLLOWS = re.compile(
    r"\b(?:in\s+line\s+with|in\s+step\s+with|mirror(?:s|ing|ed)?|t(?:ake|akes|aking|ook|aken)"
    r"\s+over|align(?:s|ed|ing)?\s+(?:itself\s+)?with|follow(?:s|ed|ing)?)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:the\s+)?(?P<who>EU|European\s+Union|UN|United\s+Nations|"
    r"(?:UN\s+)?Security\s+Council)(?:['’]s)?(?=\s*[.,;]|\s+(?:[\w-]+\s+){0,3}?(?:decisions?|"
    r"measures|sanctions|package|steps|restrictions|regime|took|had\s+taken|has\s+taken|"
    r"imposed|adopted)\b)")

#: Between two imposers of one list ("the United States and Canada").
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _imposer(m: Mention, doc: Doc, sent: Sentence) -> str | None:
    if m.kind != "country" or not m.code or not (len(m.code) == 2 or m.code in BLOCS):
        return None
    return doc.actor_of(m, sent.start)


def _chain_before(ms: list[Mention], text: str, at: int) -> list[Mention]:
    """The list of states or blocs that ends right before ``at`` (the subject)."""
    before = [m for m in ms if m.end <= at and m.kind == "country"]
    if not before or not re.fullmatch(r"\s*(?:['’]s\s+government\s*)?", text[before[-1].end:at]):
        return []
    chain = [before[-1]]
    for m in reversed(before[:-1]):
        if not _LIST_GAP.fullmatch(text, m.end, chain[0].start):
            break
        chain.insert(0, m)
    return chain


def _chain_after(ms: list[Mention], text: str, at: int) -> list[Mention]:
    """The list of states or blocs that starts right after ``at`` (the agent after "by")."""
    after = [m for m in ms if m.start >= at and m.kind == "country"]
    if not after or not re.fullmatch(r"\s*(?:the\s+)?", text[at:after[0].start]):
        return []
    chain = [after[0]]
    for m in after[1:]:
        gap = _LIST_GAP.fullmatch(text, chain[-1].end, m.start)
        if not gap:
            break
        chain.append(m)
        if "and" in gap.group():
            break  # "... and the United States, Canberra will": the list ends at "and"
    return chain


def alike_events(sent: Sentence, ms: list[Mention], doc: Doc, events: list[Event]
                 ) -> list[Event]:
    """The events of sentence ``sent`` (its mentions ``ms``) told as the same as an earlier
    event of ``events`` (the article's events so far, in order) by other imposers."""
    text = sent.text
    out: list[Event] = []
    found = [(m, _chain_before(ms, text, m.start()), Status.EXPECTED if m["exp"]
              else Status.IMPOSED) for m in _ACTIVE.finditer(text)]
    found += [(m, _chain_after(ms, text, m.end()), Status.IMPOSED)
              for m in _PASSIVE.finditer(text)]
    for m in _FOLLOWS.finditer(text):
        bloc = [c for c in ms if c.kind == "country" and m.start("who") <= c.start < m.end("who")]
        if not bloc:
            continue
        here = [e for e in events if e.sentence.index == sent.index and e.targets]
        # (the state's measure in this sentence, else the one told last: "The package
        # mirrors comparable steps the European Union took in June")
        model = here[0] if here else next((e for e in reversed(events) if e.targets), None)
        if model is None or not model.imposers or bloc[0].code in {
                r.id for e in events if e.sentence.index == sent.index for r in e.imposers}:
            continue
        # the bloc followed is no target of the state's measure
        kept = [t for t in model.targets if not (model.sentence.index == sent.index
                                                 and m.start() <= t.start < m.end())]
        if kept and len(kept) < len(model.targets):
            model.targets = kept
            model.explain["targets"] = [t.explain() for t in kept]
        # (a state that will or may follow: the bloc's measure is in force all the same)
        followed = Status.IMPOSED if model.status in (Status.THREATENED, Status.EXPECTED) \
            else model.status
        out.append(_like(sent, m, [bloc[0]], model, followed, doc,
                         "a bloc's measure the state's measure takes over or follows"))
    for m, chain, status in found:
        imposers = [Resolved(aid, c.text, "imposes the same measure as the one told before",
                             c.start) for c in chain if (aid := _imposer(c, doc, sent))]
        if not imposers:
            continue
        ids = {r.id for r in imposers}
        if any(e.sentence.index == sent.index and (ids & {r.id for r in e.imposers} or (
                e.anchor[0] < m.end() and m.start() < e.anchor[1])) for e in events):
            continue  # the sentence's own reading found it
        before = [e for e in [*events, *out] if (e.sentence.index, e.anchor[0]) < (
            sent.index, m.start()) and not ids & {r.id for r in e.imposers} and e.targets]
        # ("In step with similar measures already taken by the EU, Canberra will freeze
        # ...": the measure it is alike is told after, in the same sentence)
        after = [e for e in events if e.sentence.index == sent.index and e.anchor[0] >= m.end()
                 and not ids & {r.id for r in e.imposers} and e.targets]
        if not before and not after:
            continue
        model = before[-1] if before else after[0]
        out.append(_like(sent, m, chain, model, status, doc,
                         "imposes the same measure as the one told before"))
    return out


def _like(sent: Sentence, m: re.Match[str], chain: list[Mention], model: Event,
          status: Status, doc: Doc, how: str) -> Event:
    """An event of the imposers ``chain`` with ``model``'s targets and reasons."""
    imposers = [Resolved(aid, c.text, how, c.start) for c in chain
                if (aid := _imposer(c, doc, sent))]
    ev = Event(sent, (m.start(), m.end()), status, imposers, list(model.targets),
               reasons=list(model.reasons))
    ev.explain = {"trigger": {"words": m.group(), "status": str(status)},
                  "same_as": model.sentence.text[model.anchor[0]:model.anchor[1]],
                  "imposers": [r.explain() for r in imposers],
                  "targets": [t.explain() for t in ev.targets]}
    date_of(ev, find_dates(sent.text, doc.ref), doc)
    ev.confidence = 0.5
    return ev
