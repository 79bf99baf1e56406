"""Measures to come, named only vaguely, by an imposer the article has already shown acting
(round 14, issue 14): "The text also threatened further significant measures should the
North carry out more tests", "warned of consequences if Tsai met McCarthy", "Britain will
not hesitate to do more if needed", "Tokyo would weigh further steps depending on how
Pyongyang behaves", "unless they pay within 15 days, further measures will follow", "more
should be added if needed", "every sanction will return if Iran breaks the conditions".

The annotators of benchmarks/extract_real/ record such a threat as a second event of the
imposer, beside the measure it imposed (dev split: 20 threats read as the imposed measure
alone). Each is an event of the imposer named before the words (the nearest state, person or
pronoun that already imposed something in the article; with no actor named, the imposer of
the event before), on the state the condition names ("should the North ..."), else the
targets of that imposer's latest event. Status: ``threatened``; a measure promised for a time
to come with no condition and no "could"/"may" ("more sanctions will follow in the coming
weeks") is ``expected``. A threat with no imposer already acting is left to the statements
(part_m.yaml's header: a vow of unspecified retaliation is a statement, not an event).
Tests: tests/extract/test_status_r14.py.
"""

from __future__ import annotations

import re

from kg.extract.actors import Mention
from kg.extract.anchors import clause_start
from kg.extract.context import Doc, Resolved
from kg.extract.dates import find_dates
from kg.extract.fields import Event, date_of
from kg.extract.lexicon import NEGATION, OPPOSED, call_cue
from kg.extract.prefilter import Gated, folded, may_match
from kg.extract.refer import resolve
from kg.extract.text import Sentence
from kg.model.vocab import Status
from kg.resolve.resolver import BLOCS

__all__ = ["vague_threats"]

#: Words that make a measure a further one ("further significant measures", "harsher").
_MORE = (r"(?:further|more|additional|new|fresh|other|tougher|stronger|significant|serious|"
         r"severe|harsher|heavy|heavier|extra|strong|firm|decisive|punitive|retaliatory)")
#: Vague names of a measure ("steps", "action", "consequences").
_NOUN = (r"(?:measures|steps|action|actions|consequences|countermeasures|counter-measures|"
         r"penalties|sanctions|restrictions)")
_MODAL = r"(?:will|would|could|may|might|’ll|'ll|(?:ready|hesitate|prepared|willing)\s+to)"
#: The shapes of a measure to come, by kind (each pattern is tested only on sentences that
#: hold the words it needs, :mod:`kg.extract.prefilter`):
_CUES: list[tuple[str, Gated]] = [
    # "would do more", "will take further action", "would weigh further steps"
    ("act", Gated(re.compile(
        rf"\b{_MODAL}\s+(?:\w+\s+){{0,2}}?(?:do|take|add|adopt|weigh|consider|impose)\s+"
        rf"(?:\w+\s+)?(?:more\b|(?:{_MORE}\s+(?:[\w-]+\s+){{0,2}}?)?{_NOUN}\b)", re.I))),
    # "further measures, higher fines among them, will follow", "more should be added"
    ("fol", Gated(re.compile(
        rf"\b{_MORE}\s+(?:[\w-]+\s+)?{_NOUN}\W+(?:[\w,]+\s+){{0,4}}?(?:will|would|could|may|"
        rf"might|should)\s+(?:\w+\s+)?(?:follow|come|be\s+(?:added|taken|imposed))\b", re.I))),
    ("fol", Gated(re.compile(r"\bmore\s+(?:will|would|could|should|may|might)\s+(?:\w+\s+)?"
                             r"(?:follow|come|be\s+added)\b", re.I))),
    # "every sanction will return if", "the ban on its goods will apply only if"
    ("ret", Gated(re.compile(
        r"\b(?:sanctions?|measures|ban|embargo)\s+(?:[\w\s]{0,30}?\s)?(?:will|would)\s+"
        r"(?:\w+\s+)?(?:return|snap\s+back|be\s+(?:re-?imposed|restored)|apply\s+only|"
        r"keep\s+coming)\b", re.I))),
    # "threatened further significant measures", "warned of consequences", "a warning of
    # action", "promised firm countermeasures" (a promise needs a word of more: "its promised
    # steps" are the target's own)
    ("thr", Gated(re.compile(
        rf"\b(?:threaten(?:s|ed)?|warn(?:s|ed|ing)?\s+of|warning\s+of|vow(?:s|ed)?)\s+[\"“]?"
        rf"(?:{_MORE}\s+)*(?:{_NOUN}|response|retaliation)\b", re.I))),
    ("pro", Gated(re.compile(
        rf"\bpromis(?:es|ed)\s+(?:an?\s+)?(?:\w+ly\s+)?(?:{_MORE}\s+)+(?:{_NOUN}|response|"
        rf"retaliation)\b", re.I))),
]
#: A measure not named ("further actions", "consequences", "a response"): threatened with
#: no condition, it is a statement of warning, not an event (part_m.yaml's header: "a vow of
#: unspecified retaliation is a statement ... a vow naming the measure is a threatened
#: event"; the seed article's "warned of further actions" is Blinken's statement).
_UNNAMED = re.compile(r"\b(?:actions?|steps|consequences|response|retaliation)\W*$", re.I)
#: A condition after the words ("if needed", "should the North", "unless they pay",
#: "depending on how Pyongyang behaves", "until Iran ends").
_CONDITION = re.compile(r"\b(?:if|unless|should|in\s+case|depending\s+on|until|once|"
                        r"as\s+long\s+as)\b", re.I)
#: A condition opening the clause of the words ("unless they pay within 15 days, further
#: measures will follow", "Should the situation worsen, however, Japan will add measures").
_CONDITION_BEFORE = re.compile(r"(?:^|[;:,]\s+|\bbut\s+)\W*(?P<c>if|unless|should|in\s+case)\b"
                               r"[^;:]*,\s+(?:however,\s+|then\s+)?(?:[\w’'-]+\s+){0,6}$", re.I)
_MAYBE = re.compile(r"\b(?:could|may|might)\b", re.I)
#: A time still to come ("in the coming weeks", "soon").
_SOON = re.compile(r"\b(?:soon|shortly|in\s+the\s+(?:coming|next)\s+(?:days|weeks|months))\b",
                   re.I)
_KINDS = ("country", "person", "pronoun")


def _imposers(sent: Sentence, ms: list[Mention], doc: Doc, at: int, cstart: int,
              acted: set[str], noun_first: bool) -> list[Resolved]:
    """Who speaks of the measure to come: the nearest actor of the clause before ``at``
    that already imposed something (``acted``); with no actor in the clause, the sentence's
    first actor if it did; with no actor before ``at`` at all, the imposers of the
    article's event before. An actor of the clause that imposed nothing ("Putin has promised
    reciprocal steps") speaks for itself: none. When the measure is the subject
    (``noun_first``: "further measures will follow", "every sanction will return"), the
    actor of the sentence nearest its start that acted, else the imposers of the event
    before."""
    before = [m for m in ms if m.end <= at and (m.kind in _KINDS or (
        m.kind in ("demonym", "group") and m.code))]
    clause = [m for m in before if m.start >= cstart]
    if noun_first:  # "further measures will follow": whoever in the sentence acted
        clause, before = [m for m in ms if m.kind in _KINDS][::-1], []
    for m in reversed(clause or before[:1]):
        if m.kind in ("demonym", "group"):  # "Chinese officials": their state
            cid = doc.country(m.code or "")
            found = [Resolved(cid, m.text, m.how, m.start)] if cid else []
        else:
            found = resolve(m, doc, sent, ms, True)
        found = [r for r in found if r.id in acted]
        if found:
            return found
    if before or not doc.recent:
        return []
    return [Resolved(i, "", "no actor named: the imposers of the event before", at)
            for i in doc.recent[-1][0]]


def vague_threats(sent: Sentence, ms: list[Mention], doc: Doc, events: list[Event],
                  first: int) -> list[Event]:
    """The measures to come of sentence ``sent`` (its mentions ``ms``) that ``events`` (the
    article's events so far; this sentence's from index ``first``) do not already tell, as
    new events (see the module docstring)."""
    text = sent.text
    if not doc.recent:
        return []
    low = folded(text)  # (once for every pattern)
    cues = sorted(((kind, m) for kind, g in _CUES if may_match(g.gates(), low)
                   for m in g.rx.finditer(text)), key=lambda c: c[1].start())
    # (the imposers so far only when a cue is found: a long article tells hundreds)
    acted = {i for imps, _t in doc.recent for i in imps} if cues else set()
    for kind, m in cues:
        if any(e.anchor[0] < m.end() and m.start() < e.anchor[1] for e in events[first:]):
            continue  # the sentence's own reading found it
        cstart = clause_start(text, m.start())
        pre = text[max(cstart, m.start() - 60):m.start()].lower()
        # ("will not hesitate to do more": the negation's own exception reads the cue)
        if NEGATION.search(pre + m.group().lower()) or OPPOSED.search(pre) or call_cue(pre, text):
            continue
        imposers = _imposers(sent, ms, doc, m.start(), cstart, acted,
                             kind in ("fol", "ret"))
        ids = {r.id for r in imposers}
        if not imposers or any(ids & {r.id for r in e.imposers} and e.status in (
                Status.THREATENED, Status.EXPECTED) for e in events[first:]):
            continue
        cond = _CONDITION.search(text, m.end() - 8 if kind == "ret" else m.end()) or \
            _CONDITION_BEFORE.search(text, 0, m.start())
        if kind == "thr" and not cond and _UNNAMED.search(m.group()):
            continue  # "as he warned of further actions": a statement (part_m.yaml's header)
        if kind == "thr" or cond or _MAYBE.search(m.group()) or (
                kind == "act" and _MAYBE.search(pre)):
            status = Status.THREATENED
        elif _SOON.search(text, m.end()):
            status = Status.EXPECTED
        else:
            continue
        after = cond is not None and cond.start() > m.start()
        targets = _targets(sent, ms, doc, events, ids, cond.end() if after and cond else None)
        if not targets:
            continue
        ev = Event(sent, m.span(), status, imposers, targets)
        word = (cond.groupdict().get("c") or cond.group()) if cond else ""
        ev.explain = {"trigger": {"words": m.group(), "status": str(status)},
                      "measure_to_come": (f"a condition ({word!r})" if cond
                                          else "a threat" if kind == "thr" else "a time to come"),
                      "imposers": [r.explain() for r in imposers],
                      "targets": [t.explain() for t in targets]}
        date_of(ev, find_dates(text, doc.ref), doc)
        ev.confidence = 0.4
        return [ev]
    return []


def _targets(sent: Sentence, ms: list[Mention], doc: Doc, events: list[Event], ids: set[str],
             cond: int | None) -> list[Resolved]:
    """The state the condition names ("should the North carry out more tests"), else the
    states among the targets of the latest event of imposers ``ids`` (else all its
    targets)."""
    if cond is not None:
        for m in ms:
            if m.start >= cond and m.kind == "country" and m.code and len(m.code) == 2 \
                    and m.code not in BLOCS:
                got = [r for r in resolve(m, doc, sent, ms, False) if r.id not in ids]
                if got:
                    return got[:1]
    last = next((e for e in reversed(events) if ids & {r.id for r in e.imposers}
                 and e.targets), None)
    if last is None:
        return []
    states = [t for t in last.targets if (a := doc.actors.get(t.id)) is not None
              and str(a.kind) == "state"]
    return list(states or last.targets)
