"""Whether a name's candidates (:mod:`kg.resolve.match`) point clearly at one actor.

:func:`decide` takes the best candidate only when it is clearly ahead; otherwise
:class:`UnclearName` (a :class:`~kg.errors.ResolveError`, exit 2) lists the close ones.
The thresholds are module constants, documented on :func:`decide`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.errors import ResolveError, one_line
from kg.resolve.match import Candidate

__all__ = ["ACCEPT", "LIST_FLOOR", "MARGIN", "RESPELLED", "Decision", "UnclearName", "decide"]

#: :func:`decide` takes the best candidate only if it scores at least this ...
ACCEPT = 0.70
#: ... and at least this much more than the next one.
MARGIN = 0.10
#: Candidates under this score are not worth listing.
LIST_FLOOR = 0.45
#: A one-word query that scores this much matches a whole name spelled another way: the
#: same spelling key (doubled letters, y/i, ff/v, ks/x ... :func:`kg.resolve.translit.
#: spelling_key`: "Rusia" / "Russia", "Chyna" / "China"), not an edit-distance typo (at
#: most 0.9) nor part of a longer name (less).
RESPELLED = 0.95


@dataclass(frozen=True, slots=True)
class Decision:
    """What :func:`decide` made of a query's candidates: the one it ``chose`` (or None),
    ``why`` in words, and the ``candidates`` worth listing (score >= :data:`LIST_FLOOR`)."""

    chose: Candidate | None
    why: str
    candidates: list[Candidate]


def decide(candidates: Sequence[Candidate]) -> Decision:
    """Take the best candidate only when it is clearly the one meant:

    * a person only if their surname matched: a given name alone ("Oleg") never picks one;
    * it scores at least :data:`ACCEPT` (0.70) and :data:`MARGIN` (0.10) more than the next;
    * at least one query word matched exactly (after transliteration), or two or more
      words matched, or the one word is the whole name spelled another way (scores
      :data:`RESPELLED`: "Rusia" for Russia, "Chyna" for China; ``why`` says so, and the CLI
      prints it): one word with a typo ("Iram"), or that is only part of a name
      ("Deripasca" for "DERIPASKA, Oleg Vladimirovich"), is too little to go on;
    * not through a weak alias: a name the lists flag as too common to identify anyone
      alone ("Abu Ali", :attr:`kg.model.records.Actor.weak_aliases`) never picks an actor,
      however well and however uniquely it matches; the candidates are listed instead.

    Otherwise ``chose`` is None and ``why`` says which rule stopped it.
    """
    listed = [c for c in candidates if c.score >= LIST_FLOOR]
    if not listed:
        return Decision(None, "no name comes close", [])
    top, rest = listed[0], listed[1:]
    nxt = f"the next best, {rest[0].name!r}, scores {rest[0].score:.2f}" if rest else \
        "no other name comes close"
    if top.weak:
        why = (f"it matches only {top.matched!r}, a weak alias of {top.name!r}; a weak alias "
               "alone never picks an actor")
    elif top.surname_matched is False:
        why = "a given name alone never picks a person"
    elif top.score < ACCEPT:
        why = f"no name matches well enough: best {top.score:.2f}, needs {ACCEPT:.2f}"
    elif rest and top.score - rest[0].score < MARGIN:
        why = f"several names come close: {top.score:.2f} and {rest[0].score:.2f}"
    elif top.exact_words == 0 and top.words < 2 and top.score < RESPELLED:
        why = "one inexact word is too little to go on"
    elif top.exact_words == 0 and top.words < 2:
        return Decision(top, f"the same name as {top.matched!r} spelled another way (a typo "
                             f"or another romanisation), score {top.score:.2f}; {nxt}", listed)
    else:
        return Decision(top, f"{top.how} match of {top.matched!r}, score {top.score:.2f}; "
                             f"{nxt}", listed)
    return Decision(None, why, listed)


class UnclearName(ResolveError):
    """A name that matches no actor exactly and no candidate clearly; ``candidates`` lists
    the close ones (the CLI prints one line each)."""

    def __init__(self, name: str, decision: Decision) -> None:
        self.candidates = decision.candidates[:10]
        super().__init__(f"no actor is called {name!r} ({decision.why}; use a fuller name "
                         "or an id)", [c.name for c in self.candidates[:3]])

    def lines(self) -> list[str]:
        """The message, then one line per candidate: id, name, kind, country, how, score."""
        return [*super().lines(), *(one_line(
            f"candidate {c.id}: {c.name} ({c.kind or '?'}, {c.country or '?'}; {c.how} match "
            f"of {c.matched!r}{' (weak alias)' if c.weak else ''}, {c.score:.2f})")
            for c in self.candidates)]
