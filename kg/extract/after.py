"""The targets named after a trigger: from where its preposition ends ("imposed sanctions
on ...", "were imposed on ...") to where the list stops (:data:`~kg.extract.frames.TARGET_STOP`,
the next clause): states, groups, people and capitalised names, in order."""

from __future__ import annotations

import re

from kg.extract.actors import Mention, lookup_place
from kg.extract.anchors import next_clause
from kg.extract.context import Doc, Resolved
from kg.extract.frames import TARGET_STOP, capitalised_names
from kg.extract.refer import resolve
from kg.extract.targets import named_people, not_a_target, people_listed
from kg.extract.text import Sentence

__all__ = ["TARGET_KINDS", "anti_targets", "target_end", "targets_after"]

#: Kinds of mention that can be a target.
TARGET_KINDS = ("country", "person", "org", "group")
#: A few small words before a demonym ("banned imports of Russian oil").
_ONLY_WORDS = re.compile(r"\s*(?:(?:the|a|an|all|its|their|[$€£]?[\d.,]+|[a-z-]+)\s+){0,4}")


def target_end(text: str, t_lo: int, limit: int, ms: list[Mention]) -> int:
    """Where the target list that starts at offset ``t_lo`` of ``text`` ends: at the first
    :data:`~kg.extract.frames.TARGET_STOP` not inside a mention, and no further than the
    next clause before ``limit`` (the next trigger's start)."""
    stop = TARGET_STOP.search(text, t_lo)
    while stop and any(m.start < stop.start() < m.end for m in ms):
        stop = TARGET_STOP.search(text, stop.end())  # "Endowment for Democracy"
    return next_clause(text, ms, t_lo, stop.start() if stop else len(text), limit)


def targets_after(text: str, t_lo: int, t_end: int, ms: list[Mention], doc: Doc,
                  sent: Sentence) -> list[Resolved]:
    """The targets named in ``text[t_lo:t_end]`` (the words of sentence ``sent``; the span
    from :func:`target_end`), in order. A person named is remembered by surname in
    ``doc.people``. When no actor is named but a demonym follows closely ("banned imports
    of Russian oil"), the demonym's state is the target."""
    targets: list[Resolved] = []
    inside = [m for m in ms if t_lo <= m.start and m.end <= t_end and m.kind in TARGET_KINDS]
    inside = sorted([m for m in inside + capitalised_names(text, t_lo, t_end, ms)
                     if not not_a_target(text, m)], key=lambda m: m.start)
    for m in people_listed(text, named_people(text, inside)):
        targets += resolve(m, doc, sent, ms, False)
        if m.kind == "person":
            doc.people.setdefault((m.name or "").split()[-1], m)
    if not targets:  # "banned imports of Russian oil": the state of the demonym
        for m in ms:
            cid = doc.country(m.code) if m.kind == "demonym" and m.code and \
                t_lo <= m.start and m.end <= t_end and \
                _ONLY_WORDS.fullmatch(text, t_lo, m.start) else None
            if cid:
                targets.append(Resolved(cid, m.text, m.how + " after the trigger", m.start))
                break
    return targets


#: "anti-Russian sanctions", "the anti-China sanctions", "anti-Iran measures": the state a
#: measure is against, written as an adjective before its noun.
_ANTI = re.compile(r"\banti-([A-Z][\w’'-]*)\s+(?:[\w-]+\s+){0,2}?(?:sanctions|measures|"
                   r"embargo|blockade|restrictions|penalties)\b")


def anti_targets(text: str, a_start: int, a_end: int, doc: Doc, imposers: set[str]
                 ) -> list[Resolved]:
    """The state of an "anti-X" adjective before the sanction noun of the trigger at
    ``text[a_start:a_end]`` (or within 40 characters before it), as the target ("The EU
    extended its anti-Russian sanctions": Russia); [] when there is none, X names no state
    or bloc, or X is among ``imposers`` (ids)."""
    for m in _ANTI.finditer(text, max(0, a_start - 40), a_end + 1):
        hit = lookup_place(m.group(1))
        cid = doc.country(hit[0]) if hit else None
        if cid and cid not in imposers:
            return [Resolved(cid, m.group(1), "anti-" + m.group(1) + " before the noun",
                             m.start(1))]
    return []

