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
    # A headline ("EU set to extend Russia sanctions": no closing stop) sums up the body: its
    # event is a telling of the body's event with the same imposers and a shared target,
    # whatever the status the headline's wording gives (the body's is kept). Headlines are
    # read last, then the kept events are put back in the article's order.
    heads = [_is_headline(ev) for ev in events]
    order = [i for i in range(len(events)) if not heads[i]] + \
        [i for i in range(len(events)) if heads[i]]
    # Both ways of folding need the same imposers: the kept events are looked up by theirs
    # (in order), not compared one by one (a long article keeps hundreds).
    kept_heads: list[bool] = []
    by_imposers: dict[frozenset[str], list[int]] = {}
    for i in order:
        ev = events[i]
        key, targets = ({r.id for r in ev.imposers}, ev.status), {t.id for t in ev.targets}
        again = all(r.how.startswith("no imposer in the sentence") for r in ev.imposers)
        same = by_imposers.setdefault(frozenset(key[0]), [])
        for k in same:
            other = keep[k]
            others = {t.id for t in other.targets}
            summed = heads[i] and not kept_heads[k] and bool(targets & others)
            if summed or (other.status == key[1] and (
                    targets <= others or others <= targets or (again and k == len(keep) - 1)
                    or _spells_out(ev, other, doc))):
                other.targets += [t for t in ev.targets if t.id not in others]
                if "words" in ev.explain.get("date", {}) and "words" not in other.explain.get(
                        "date", {}) and ev.date:
                    # "EU extends Russia sanctions" (a headline: the publication date), then
                    # "... on Monday extended ...": the date the article gives
                    other.date, other.explain["date"] = ev.date, ev.explain["date"]
                where[i] = k
                extra[k].append(ev)
                for r in ev.reasons:
                    if r[0] not in {x[0] for x in other.reasons}:
                        other.reasons.append(r)
                break
        else:
            where[i] = len(keep)
            same.append(len(keep))
            keep.append(ev)
            kept_heads.append(heads[i])
            extra.append([])
    perm = sorted(range(len(keep)), key=lambda k: keep[k].sentence.index)
    new_at = {k: n for n, k in enumerate(perm)}
    return ([keep[k] for k in perm], {i: new_at[k] for i, k in where.items()},
            [extra[k] for k in perm])


def _is_headline(ev: Event) -> bool:
    """True when ``ev``'s sentence has no closing stop: a headline or subheading."""
    return not re.search(r"[.!?][”\"’)]*\s*$", ev.sentence.text)


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
