"""A trigger that opens the second predicate of a clause ("Britain has frozen the assets of
two ministers and barred them from travel"): its subject is the subject of the event before
it in the sentence, and an object pronoun ("them", "him", "her") stands for that event's
targets. Source: kg's own reading of benchmarks/extract_real/ (the nearest actor before the
second verb was taken as its subject: "... the assets of Israel's minister ... and barred
them" made Israel the imposer).
"""

from __future__ import annotations

import re

from kg.extract.context import Resolved
from kg.extract.fields import Event
from kg.extract.frames import Anchor
from kg.model.vocab import Status

__all__ = ["next_limit", "same_subject"]

#: Right before the trigger: "and", maybe with an adverb ("and also", "and later").
_AND_BEFORE = re.compile(r"\band\s+(?:also\s+|then\s+|later\s+|\w+ly\s+)?$")
_PRONOUN_OBJECT = re.compile(r"\s+(?:them|him|her)\b")


def same_subject(text: str, a_start: int, a_end: int, mode: str, events: list[Event]
                 ) -> tuple[list[Resolved], list[Resolved]] | None:
    """(imposers, targets) a trigger at ``text[a_start:a_end]`` takes from the last event of
    ``events`` (this sentence's, in order) when "and" joins it to that event's predicate as
    a second one; targets are that event's only when an object pronoun follows the trigger
    (else empty: the caller reads them). None when the trigger is no such second predicate
    (``mode`` other than ``verb`` or ``object``, no "and" right before it, no event before)."""
    if mode not in ("verb", "object") or not events or not _AND_BEFORE.search(text, 0, a_start):
        return None
    prev = events[-1]
    if prev.anchor[1] > a_start:
        return None
    them = list(prev.targets) if _PRONOUN_OBJECT.match(text, a_end) else []
    return list(prev.imposers), them


def next_limit(found: list[Anchor], k: int, status: Status, end: int) -> int:
    """Where the words of trigger ``k`` of ``found`` (a sentence's triggers, in order) may
    run to: the next trigger's start, else ``end``. A threat to answer reads on through an
    owned sanction noun right after it ("vowed retaliation for the EU sanctions": the EU,
    owner of the measure answered, is the threat's target)."""
    if k + 1 >= len(found):
        return end
    nxt = found[k + 1]
    return nxt.end if nxt.mode == "np" and status is Status.THREATENED else nxt.start

