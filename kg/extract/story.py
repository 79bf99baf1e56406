"""Reasons an article gives beside a sanction rather than in its sentence.

Each rule is a kind of prose, not a name:

* **The grounds in the next sentence** (:func:`neighbour_reasons`): a sanction still without a
  reason takes the first reason word of the sentence before it, else after it ("ECOWAS
  suspended Guinea on Friday. Soldiers seized power there on Sunday.").
"""

from __future__ import annotations

from kg.extract.fields import Event
from kg.extract.text import Sentence
from kg.model.vocab import Reason
from kg.resolve.classify import classify_reason

__all__ = ["neighbour_reasons"]


def neighbour_reasons(events: list[Event], sentences: list[Sentence]) -> None:
    """Give each event of ``events`` that still has no reason the first reason word (of the
    reason lexicon, :func:`kg.resolve.classify.classify_reason`) of the sentence just before
    it, else of the sentence just after it (``sentences``: the article's, in order): real
    reports set a measure and its grounds in adjacent sentences ("ECOWAS suspended Guinea on
    Friday. Soldiers seized power there on Sunday."). Neither ``other`` nor a retaliation
    cue is taken (the answer to a measure is read in its own sentence); changes the events
    in place."""
    by_index = {s.index: s for s in sentences}
    for ev in events:
        if ev.reasons:
            continue
        k = ev.sentence.index
        for near in (by_index.get(k - 1), by_index.get(k + 1)):
            if near is None:
                continue
            hit = classify_reason(near.text, pick="first")[0]
            if hit.reason not in (Reason.OTHER, Reason.RETALIATION):
                ev.reasons.append((hit.reason, None))
                ev.explain.setdefault("reasons", []).append(
                    {"category": str(hit.reason), "keyword": hit.words,
                     "from": "the sentence next to it: " + near.text})
                break
