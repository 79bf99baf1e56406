"""A cheap test before an expensive regular expression: the literal words any match needs.

The extractor runs dozens of patterns on every sentence, and most of them open with a word
boundary or a character class, which the regular expression engine has to try at every
position of the sentence. Most sentences hold none of the words a pattern is built on
("designat", "suspended", "visa"), and a substring test says so far faster.

:func:`needed` reads a compiled pattern's syntax tree and returns sets of lower-case
strings such that every match (lookaheads included, as they read the same sentence)
contains one string of each set; :func:`may_match` tests them (as :func:`gate` keeps them)
against a sentence folded once by :func:`folded`. Plain substring tests: a pattern joining
the words was tried and is slower, as common first letters defeat its search. The test
never turns down a sentence the pattern matches, so the results do not change: it only
skips work.

>>> rx = re.compile(r"\\b(?:has|have)\\s+been\\s+(?:suspended|barred)", re.I)
>>> needed(rx)
[('suspended', 'barred'), ('been',), ('have', 'has')]
>>> may_match(gate(rx), folded("Mali has been SUSPENDED.")), may_match(gate(rx), folded("No."))
(True, False)
"""

from __future__ import annotations

import re
import re._constants as sre_c
import re._parser as sre_parse
from collections.abc import Iterator
from typing import Any

__all__ = ["Gated", "Gates", "folded", "gate", "may_match", "needed"]

#: Largest set of alternative strings kept for a piece of a pattern (alternations multiply).
_MAX_ALTERNATIVES = 24

#: Characters that a case-insensitive pattern matches to an ASCII letter but ``str.lower``
#: does not lower to it (dotted and dotless i, long s): a sentence with one is not tested.
_FOLD_TRAPS = frozenset("\u0130\u0131\u017f")


def folded(text: str) -> str | None:
    """``text`` in lower case for :func:`may_match`, or None when the lower case is no safe
    test (a character of ``_FOLD_TRAPS``): then every pattern is run."""
    if not text.isascii() and not _FOLD_TRAPS.isdisjoint(text):
        return None
    return text.lower()


def may_match(gates: Gates, low: str | None) -> bool:
    """False only when the pattern whose :func:`gate` is ``gates`` cannot match the
    sentence whose :func:`folded` text is ``low``."""
    if low is None:
        return True
    for words in gates:
        for w in words:
            if w in low:
                break
        else:
            return False
    return True


#: Most requirements kept for a pattern (each is one more search when the others pass).
_MAX_GATES = 3

_Need = frozenset[str]

#: What :func:`gate` keeps of a pattern: sets of strings, one of each in every sentence it
#: matches.
Gates = tuple[tuple[str, ...], ...]


class _Info:
    """What a piece of a pattern matches: ``exact``, every string it can match (when few,
    else None), and ``needs``, other sets of strings each match contains one of (all of
    them; a set whose shortest string is one letter is no test and is not kept)."""

    __slots__ = ("exact", "needs")

    def __init__(self, exact: _Need | None = None, needs: tuple[_Need, ...] = ()) -> None:
        self.exact = exact
        self.needs = needs

    def all_needs(self) -> tuple[_Need, ...]:
        """``needs`` and, as a requirement too, ``exact``."""
        return self.needs + _kept(self.exact)


def _kept(need: _Need | None) -> tuple[_Need, ...]:
    """``need`` as a requirement worth keeping: none when it is empty or holds a string
    shorter than two letters (every sentence has one)."""
    return (need,) if need and min(map(len, need)) > 1 else ()


def _rank(need: _Need) -> tuple[int, int]:
    """How selective a requirement is: the longer its shortest string (past five letters
    all are rare), then the fewer strings (each is one more substring test)."""
    return min(min(map(len, need)), _RARE), -len(need)


#: A string this long is rare enough; a requirement of many strings is cut to their first
#: letters (a sentence with a string holds its start too), and fewer tests are faster.
_RARE = 6
_FEW = 4


def _lean(need: _Need) -> _Need:
    """``need`` with fewer strings, as true of every match: a string holding another of the
    set goes (the other is enough); with many left, each is cut to its first ``_RARE``
    letters."""
    if len(need) > _FEW:
        need = frozenset(w[:_RARE] for w in need)
    return frozenset(w for w in need if not any(o != w and o in w for o in need))


def _best(needs: tuple[_Need, ...]) -> _Need | None:
    return max(needs, key=_rank) if needs else None


def _sequence(items: list[tuple[Any, Any]]) -> _Info:
    needs: list[_Need] = []
    run = frozenset({""})  # the exact strings matched since the last piece that is not exact
    whole = True
    for op, av in items:
        if op is sre_c.ASSERT_NOT:
            continue  # zero-width, and needs nothing
        info = _node(op, av)
        if op is sre_c.ASSERT:
            # zero-width: nothing added to the run; what a lookahead needs is needed too
            needs += info.all_needs()
            continue
        needs += info.needs
        if info.exact is not None:
            product = frozenset(a + b for a in run for b in info.exact)
            if len(product) <= _MAX_ALTERNATIVES:
                run = product
                continue
        whole = False
        needs += _kept(run) + _kept(info.exact)
        run = info.exact if info.exact is not None and len(info.exact) <= _MAX_ALTERNATIVES \
            else frozenset({""})
    if whole:
        return _Info(exact=run, needs=tuple(needs))
    return _Info(needs=(*needs, *_kept(run)))


def _node(op: Any, av: Any) -> _Info:
    if op is sre_c.LITERAL:
        return _Info(exact=frozenset({chr(av).lower()}))
    if op is sre_c.IN:
        if all(o is sre_c.LITERAL for o, _v in av) and len(av) <= _MAX_ALTERNATIVES:
            return _Info(exact=frozenset(chr(v).lower() for _o, v in av))
        return _Info()
    if op is sre_c.AT:
        return _Info(exact=frozenset({""}))
    if op is sre_c.SUBPATTERN:
        return _sequence(list(av[3]))
    if op is sre_c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is sre_c.ASSERT:
        return _sequence(list(av[1]))
    if op is sre_c.BRANCH:
        alts = [_sequence(list(b)) for b in av[1]]
        if all(a.exact is not None for a in alts):
            exact = frozenset().union(*(a.exact or () for a in alts))
            if len(exact) <= _MAX_ALTERNATIVES:
                return _Info(exact=exact)
        # one of the alternatives matches: the union of what each needs most
        best = [_best(a.all_needs()) for a in alts]
        if any(b is None for b in best):
            return _Info()
        return _Info(needs=(frozenset().union(*(b or () for b in best)),))
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
        lo, hi, body = av
        inner = _sequence(list(body))
        if lo == hi == 1:
            return inner
        if lo == 0 and hi == 1 and inner.exact is not None:
            return _Info(exact=inner.exact | {""})
        return _Info(needs=inner.all_needs()) if lo >= 1 else _Info()
    return _Info()  # any character, a category, a back reference: anything


def needed(rx: re.Pattern[str]) -> list[tuple[str, ...]]:
    """Sets of lower-case strings such that every match of ``rx`` (and of its lookaheads)
    contains one string of each set, the most selective sets first (at most
    ``_MAX_GATES``); [] when the pattern needs no such string (it is then always run)."""
    info = _sequence(list(sre_parse.parse(rx.pattern, rx.flags)))
    needs = sorted({_lean(n) for n in info.all_needs()}, key=_rank, reverse=True)[:_MAX_GATES]
    return [tuple(sorted(n, key=lambda w: (-len(w), w))) for n in needs]


def gate(rx: re.Pattern[str]) -> Gates:
    """The word sets :func:`needed` by ``rx``, for :func:`may_match` (empty: no test, run
    ``rx``)."""
    return tuple(needed(rx))


class Gated:
    """A pattern whose :meth:`finditer` first tests the words it needs, read on first use:
    for the patterns a sentence is searched with as a whole."""

    __slots__ = ("_gates", "rx")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self._gates: Gates | None = None

    def gates(self) -> Gates:
        """The pattern's :func:`gate` (read once), for a caller that folds a sentence once
        for several patterns (:func:`may_match`)."""
        if self._gates is None:
            self._gates = gate(self.rx)
        return self._gates

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``rx.finditer(text)``, or nothing when ``text`` lacks the words it needs."""
        if self._gates is None:
            self._gates = gate(self.rx)
        return self.rx.finditer(text) if may_match(self._gates, folded(text)) else iter(())
