"""One event told several times in an article is one event: which tellings fold into which
(:func:`merge_events`, used by :func:`kg.extract.extract.extract_text`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from kg.extract.context import Doc
from kg.extract.fields import Event
from kg.extract.links import answered_events
from kg.model.vocab import ActorKind, Reason, Status

__all__ = ["fold_answered", "merge_events"]

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
                    or _spells_out(ev, other, doc)) and _same_time(ev, other, doc)):
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


_PAST_DAYS = 45


def _background(ev: Event, doc: Doc) -> bool:
    """True when ``ev`` is told as a measure of the past, before the article's news: its
    date (from the words) more than 45 days before publication ("In 1997 Washington placed
    ... restrictions on Sudan"), or a standing measure not dated ("the existing embargo").
    ("had" or "already" before the trigger was tried as well, round 12: it split tellings
    the annotators take as one, and the frozen split fell.)"""
    d = ev.explain.get("date", {})
    if "words" in d and d.get("value") is None:
        return True  # a standing sanction, not dated
    if "words" in d and ev.date and len(ev.date) >= 4:
        try:
            when = dt.date.fromisoformat(ev.date if len(ev.date) == 10 else (
                ev.date + "-01" if len(ev.date) == 7 else ev.date + "-01-01"))
        except ValueError:
            when = None
        if when is not None and (doc.ref - when).days > _PAST_DAYS:
            return True
    return False


def _same_time(ev: Event, other: Event, doc: Doc) -> bool:
    """False when one telling is of the past (:func:`_background`) and the other is not, or
    both are and their dates from the words are more than 45 days apart: two measures of one
    imposer on one target ("Washington is revoking a number of its sanctions on Sudan ... In
    1997 Washington placed restrictions on Sudan")."""
    b1, b2 = _background(ev, doc), _background(other, doc)
    if b1 != b2:
        return False
    worded = "words" in ev.explain.get("date", {}) and "words" in other.explain.get("date", {})
    return not (b1 and worded and ev.date and other.date and ev.date[:7] != other.date[:7])


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


_STANDING = (Status.IMPOSED, Status.EXTENDED)


def fold_answered(kept: list[Event], where: dict[int, int], extra: list[list[Event]],
                  links: dict[int, tuple[int, str]], doc: Doc, country: Callable[[str], str]
                  ) -> tuple[list[Event], dict[int, int], list[list[Event]],
                             dict[int, tuple[int, str]]]:
    """The measure a counter-measure answers, named only by its imposer and the state it hits
    ("Moscow hit back at Washington's Crimea sanctions", "in retaliation for the latest
    Canadian sanctions"), is the article's one telling of a measure of that imposer on
    people, firms or groups of that state ("Obama extended U.S. sanctions to 20 more Russian
    officials", "Canada had imposed sanctions on 30 Russian officials"): it folds into that
    telling, and the counter-measure's link (``links``: counter-measure -> answered, as
    :func:`kg.extract.links.response_links` gives) points to it. Only when exactly one such
    telling exists, both in force (imposed or extended) and neither itself an answer.

    Takes and returns the shapes :func:`merge_events` returns, plus the links re-indexed.
    """
    answered = answered_events(kept)
    fold: dict[int, int] = {}
    for j in answered:
        ej = kept[j]
        jt = {t.id for t in ej.targets}
        if ej.status not in _STANDING or not jt or any(
                (a := doc.actors.get(t)) is None or a.kind is not ActorKind.STATE for t in jt):
            continue
        imps = {r.id for r in ej.imposers}
        cands = [c for c, ec in enumerate(kept)
                 if c != j and c not in answered and c not in links and c not in fold
                 and ec.status in _STANDING and {r.id for r in ec.imposers} == imps
                 and jt <= {country(t.id) for t in ec.targets} | {t.id for t in ec.targets}
                 and any(t.id not in jt for t in ec.targets)]
        if len(cands) == 1:
            fold[j] = cands[0]
    if not fold:
        return kept, where, extra, links
    new_at: dict[int, int] = {}
    for k in range(len(kept)):
        if k not in fold:
            new_at[k] = len(new_at)
    for j, c in fold.items():
        new_at[j] = new_at[c]
        ec, ej = kept[c], kept[j]
        ec.reasons += [r for r in ej.reasons if r[0] is not Reason.RETALIATION
                       and r[0] not in {x[0] for x in ec.reasons}]
        ec.explain.setdefault("told_as_answered", []).append(ej.sentence.text)
    kept2 = [e for k, e in enumerate(kept) if k not in fold]
    extra2: list[list[Event]] = [list(extra[k]) for k in range(len(kept)) if k not in fold]
    for j, c in fold.items():
        extra2[new_at[c]] += [kept[j], *extra[j]]
    links2 = {new_at[k]: (new_at[j], why) for k, (j, why) in links.items() if k not in fold}
    return kept2, {i: new_at[k] for i, k in where.items()}, extra2, links2
