"""One event told several times in an article is one event: which tellings fold into which
(:func:`merge_events`, used by :func:`kg.extract.extract.extract_text`)."""

from __future__ import annotations

import re

from kg.extract.context import Doc
from kg.extract.fields import Event
from kg.model.vocab import ActorKind

__all__ = ["merge_events"]

#: A sentence that adds a measure ("The bloc also froze the assets of 12 officers").
_ANOTHER = re.compile(r"\b(?:also|too|in addition|additionally|as well|separately|further "
                      r"froze)\b", re.I)


def merge_events(events: list[Event], doc: Doc
                 ) -> tuple[list[Event], dict[int, int], list[list[Event]]]:
    """The events of an article with each event told twice folded into its first telling:
    (kept events, index of each input event -> its kept event, the other tellings of each
    kept event). Rules in the comments below."""
    keep: list[Event] = []
    where: dict[int, int] = {}
    extra: list[list[Event]] = []
    # An event told twice is one (keeping every target named): the same imposers and status,
    # and the targets of one among the other's, or no imposer of its own ("The EU sanctioned
    # Russia. The new sanctions target 12 officials": the event before, told again), or the
    # next sentence spelling out whom a measure on a state hits ("Japan will impose further
    # sanctions on North Korea. ... Tokyo would freeze the assets of six more organisations"):
    # only people, groups and firms of no state named ("The officers behind the coup face
    # travel bans", Niger's officers, is a measure of its own).
    for i, ev in enumerate(events):
        key, targets = ({r.id for r in ev.imposers}, ev.status), {t.id for t in ev.targets}
        again = all(r.how.startswith("no imposer in the sentence") for r in ev.imposers)
        for k, other in enumerate(keep):
            others = {t.id for t in other.targets}
            if ({r.id for r in other.imposers}, other.status) == key and (
                    targets <= others or others <= targets or (again and k == len(keep) - 1)
                    or _spells_out(ev, other, doc)):
                other.targets += [t for t in ev.targets if t.id not in others]
                where[i] = k
                extra[k].append(ev)
                for r in ev.reasons:
                    if r[0] not in {x[0] for x in other.reasons}:
                        other.reasons.append(r)
                break
        else:
            where[i] = len(keep)
            keep.append(ev)
            extra.append([])
    return keep, where, extra


def _spells_out(ev: Event, other: Event, doc: Doc) -> bool:
    """True when ``ev``, told in the sentence right after ``other``'s (which adds no measure:
    no "also", "in addition"), names only people, groups or firms of no state where
    ``other`` targets states: the same measure, spelled out (see :func:`merge_events`)."""
    if ev.sentence.index != other.sentence.index + 1 or _ANOTHER.search(ev.sentence.text):
        return False
    states = {t.id for t in other.targets if (a := doc.actors.get(t.id)) is not None
              and a.kind is ActorKind.STATE}
    if not states:
        return False
    for t in ev.targets:
        a = doc.actors.get(t.id)
        if a is None or a.kind is ActorKind.STATE or a.country:
            return False
    return True
