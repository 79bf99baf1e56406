"""Reasons an article gives beside a sanction rather than in its sentence.

Each rule is a kind of prose, not a name:

* **An arms sale answered** (:func:`sale_answered`): sanctions on the makers and sellers of
  another state's arms sale to a party the imposer objects to ("will sanction Acme Corp over
  American arms sales to Taiwan") answer that state's act: retaliation, when the sentence gives
  no reason of a category of its own.
* **The answer said later** (:func:`answered_later`): a sentence with no sanction of its own
  that says the steps answer something ("Ana Reyes said the steps answer Washington's
  signing of the act", "Beijing said it was answering ...") makes the sanctions of the
  sentence before (within two) retaliation.
* **The grounds in the next sentence** (:func:`neighbour_reasons`): a sanction still without a
  reason takes the first reason word of the sentence before it, else after it ("ECOWAS
  suspended Guinea on Friday. Soldiers seized power there on Sunday."); failing that, a
  democratic remedy demanded in its sentence or next to it ("until a return to
  constitutional order", "a civilian-led transition"; the words are
  :data:`kg.extract.lexicon.DEMOCRACY_REMEDY`) makes the reason democracy.
"""

from __future__ import annotations

import re

from kg.extract.fields import Event
from kg.extract.lexicon import ARMS_SALE, DEMOCRACY_REMEDY, RETALIATION
from kg.extract.text import Sentence
from kg.model.vocab import Reason
from kg.resolve.classify import classify_reason

__all__ = ["answered_later", "article_reasons", "neighbour_reasons", "sale_answered"]


def article_reasons(events: list[Event], sentences: list[Sentence]) -> None:
    """The reasons read beside a sanction's own sentence: :func:`sale_answered`,
    :func:`answered_later`, then :func:`neighbour_reasons` (``sentences``: the article's, in
    order)."""
    sale_answered(events)
    answered_later(events, sentences)
    neighbour_reasons(events, sentences)


#: A sentence saying that measures answer something ("the steps answer Washington's signing
#: of the act", "the move responds to", "Beijing said it was answering sanctions ...").
_ANSWERS = re.compile(r"\b(?:steps|measures|move|moves|sanctions|decision|bans?|it|they)\s+"
                      r"(?:\w+\s+)?(?:answer(?:s|ed)?|respond(?:s|ed)?\s+to|repl(?:y|ies|ied)\s+"
                      r"to|(?:was|were|is|are)\s+(?:answering|responding\s+to|replying\s+to|"
                      r"retaliating))\b", re.I)


def answered_later(events: list[Event], sentences: list[Sentence]) -> None:
    """Make retaliation a reason of the events of the last sentence with events before a
    sentence (within two) that makes none and says they answer something (:data:`_ANSWERS`,
    or a retaliation cue of :data:`kg.extract.lexicon.RETALIATION`): "China will sanction
    five US groups. Hua said the steps answer Washington's signing of the act."; changes the
    events in place."""
    told = {e.sentence.index for e in events}
    for s in sentences:
        if s.index in told or not (_ANSWERS.search(s.text) or RETALIATION.search(s.text)):
            continue
        before = [i for i in told if 0 < s.index - i <= 2]
        if not before:
            continue
        for ev in events:
            if ev.sentence.index == max(before) and all(
                    c is not Reason.RETALIATION for c, _d in ev.reasons):
                ev.reasons = [(c, d) for c, d in ev.reasons if c is not Reason.OTHER]
                ev.reasons.append((Reason.RETALIATION, None))
                ev.explain.setdefault("reasons", []).append(
                    {"category": "retaliation", "from": "a later sentence: " + s.text})


def sale_answered(events: list[Event]) -> None:
    """Make retaliation the reason of each event of ``events`` whose sentence names an arms
    sale (:data:`kg.extract.lexicon.ARMS_SALE`) after its trigger ("its sanctions on Acme,
    over the arms sale", not "the arms sale and its sanctions on Acme": that sanction is the
    state's own) and that has no reason of a category yet
    (none, or only ``other``): the sanction answers another state's sale (see the module
    docstring); changes the events in place."""
    for ev in events:
        if any(c is not Reason.OTHER for c, _d in ev.reasons):
            continue
        sale = ARMS_SALE.search(ev.sentence.text, ev.anchor[1])  # after the measure
        if sale is not None:
            detail = next((d for _c, d in ev.reasons), None)
            ev.reasons = [(Reason.RETALIATION, detail)]
            ev.explain.setdefault("reasons", []).append(
                {"category": "retaliation", "words": sale.group(), "from": "an arms sale "
                 "answered"})


#: Words a speaker gives a measure, not its grounds: quoted words and what follows a verb of
#: naming ('called the measures "economic terrorism"', "described them as illegal").
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_NAMING = re.compile(r"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|label(?:s|led|ed|ling)?|"
                     r"brand(?:s|ed|ing)?|dub(?:s|bed|bing)?)\b[^.;]*", re.I)


def _narrative(text: str) -> str:
    """``text`` with the words a speaker gives a measure blanked out (:data:`_QUOTED`,
    :data:`_NAMING`), offsets kept."""
    for rx in (_QUOTED, _NAMING):
        text = rx.sub(lambda m: " " * len(m.group()), text)
    return text


def neighbour_reasons(events: list[Event], sentences: list[Sentence]) -> None:
    """Give each event of ``events`` that still has no reason the first reason word (of the
    reason lexicon, :func:`kg.resolve.classify.classify_reason`) of the sentence just before
    it, else of the sentence just after it (``sentences``: the article's, in order): real
    reports set a measure and its grounds in adjacent sentences ("ECOWAS suspended Guinea on
    Friday. Soldiers seized power there on Sunday."). Neither ``other`` nor a retaliation
    cue is taken (the answer to a measure is read in its own sentence), nor words a speaker
    gives the measure (quoted, or after "called"/"described": ``"economic terrorism"``).
    Failing that, a
    democratic remedy (:data:`kg.extract.lexicon.DEMOCRACY_REMEDY`) in its own sentence, the
    one before or the one after makes the reason democracy. Changes the events in place."""
    by_index = {s.index: s for s in sentences}
    for ev in events:
        if ev.reasons:
            continue
        k = ev.sentence.index
        for near in (by_index.get(k - 1), by_index.get(k + 1)):
            if near is None:
                continue
            hit = classify_reason(_narrative(near.text), pick="first")[0]
            if hit.reason not in (Reason.OTHER, Reason.RETALIATION):
                ev.reasons.append((hit.reason, None))
                ev.explain.setdefault("reasons", []).append(
                    {"category": str(hit.reason), "keyword": hit.words,
                     "from": "the sentence next to it: " + near.text})
                break
        if ev.reasons:
            continue
        for near in (ev.sentence, by_index.get(k - 1), by_index.get(k + 1)):
            remedy = DEMOCRACY_REMEDY.search(near.text) if near is not None else None
            if remedy is not None and near is not None:
                ev.reasons.append((Reason.DEMOCRACY, None))
                ev.explain.setdefault("reasons", []).append(
                    {"category": "democracy", "keyword": remedy.group(),
                     "from": "the remedy demanded: " + near.text})
                break
