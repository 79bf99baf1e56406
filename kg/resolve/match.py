"""Find actors by the names people type: word order, missing given names, legal forms,
other scripts, other romanisations and typos.

A :class:`NameIndex` is built once over the actors' names and aliases (token, spelling-key,
consonant-key and whole-name postings, see :mod:`kg.resolve.translit`) and answers
:meth:`NameIndex.search` with :class:`Candidate` s ranked by a score in [0, 1]:

* each query word is paired with the best free word of the name: 1.0 when equal (after
  transliteration to Latin), 0.95 when only the romanisation differs ("Suleyman" /
  "Suleiman", "Ivanoff" / "Ivanov"), 0.9 for an Arabic-script word against its romanisation
  ("mhmd" / "Muhammad"), 0.8 for an initial ("O." / "Oleg"), 0.9 for initials of several
  words ("UC" / "United Company"), and, from the edit-distance similarity r of the spelling keys of
  words of four letters or more, 0.9 × r² for a typo (r at least 0.8: one wrong letter in
  nine gives 0.71, well under an exact word);
* ``quality`` = the mean over the query's words (an unpaired word counts 0);
  ``coverage`` = the share of the name's words the query paired, by weight: a person's
  surname weighs 2 (the words before the comma in "SURNAME, Given", the word in capitals in
  "Given SURNAME", else the last word), generic words of organisations ("company", "group",
  "bank") 0.5, others 1;
* ``score = quality × (0.55 + 0.45 × coverage)``, × 0.8 for a weak alias. So leaving out
  given names, patronymics or most of a company's name lowers the score but still finds it:
  "Oleg Deripaska" scores 0.89 against "DERIPASKA, Oleg Vladimirovich", "Deripaska" 0.78,
  "Rusal" 0.73 against "UNITED COMPANY RUSAL PLC" (legal forms are not words).

``how`` names the loosest step a candidate needed: ``fuzzy`` (a typo), ``transliterated``
(another script or romanisation), ``partial`` (some of the name's words left out),
``reordered`` (all of them, in another order), ``exact``.

:func:`kg.resolve.choose.decide` says whether one candidate is clearly the one meant.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process

from kg._perf import paused_gc
from kg.resolve.translit import (
    GENERIC_WORDS,
    consonant_key,
    has_vowel,
    is_latin,
    name_tokens,
    spelling_key,
    surname_positions,
)

__all__ = ["HOWS", "ActorNames", "Candidate", "NameIndex"]

#: The ways a name can match, from the strictest to the loosest.
HOWS = ("exact", "reordered", "partial", "transliterated", "fuzzy")
#: A weak alias (a list's "low quality a.k.a.") counts this much of a strong one.
WEAK_FACTOR = 0.8
#: Lowest edit-distance similarity of two spelling keys that counts as a typo.
FUZZY_CUTOFF = 0.8
#: A query word found in more names than this is not used to find candidates when the
#: query has a rarer word (a candidate matching only common words cannot score well).
COMMON = 2000
STATE_VERSION = 1
"""Bumped whenever :meth:`NameIndex.state` changes layout (a saved one is then rebuilt)."""


class ActorNames(NamedTuple):
    """What the matcher knows of one actor."""

    id: str
    name: str
    aliases: Sequence[str] = ()
    kind: str | None = None
    country: str | None = None
    weak_aliases: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """One actor a query may mean: ``matched`` is its name or alias that matched best,
    ``how`` one of :data:`HOWS`, ``score`` in [0, 1]. ``surname_matched`` is None for
    anything but a person; ``words`` / ``exact_words`` count the query words paired / paired
    exactly."""

    id: str
    name: str
    kind: str | None
    country: str | None
    score: float
    matched: str
    how: str
    weak: bool = False
    surname_matched: bool | None = None
    words: int = 0
    exact_words: int = 0


class _Entry(NamedTuple):
    actor: int
    text: str
    tokens: tuple[str, ...]
    keys: tuple[str, ...]
    weights: tuple[float, ...]
    surname: frozenset[int]
    weak: bool


class _Query(NamedTuple):
    text: str
    tokens: tuple[str, ...]
    keys: tuple[str, ...]
    ckeys: tuple[str, ...]
    foreign: bool  # written (partly) in another script than Latin


def _query(text: str) -> _Query:
    tokens = tuple(name_tokens(text))
    foreign = any(c.isalpha() and not is_latin(c) for c in text)
    return _Query(text, tokens, tuple(spelling_key(t) for t in tokens),
                  tuple(consonant_key(t) for t in tokens), foreign)


def _pair(q: str, qk: str, qck: str, n: str, nk: str, nck: str) -> tuple[float, str]:
    """How well one query word matches one name word, and how."""
    if q == n:
        return 1.0, "exact"
    if qk == nk:
        return 0.95, "transliterated"
    if qck and qck == nck and min(len(q), len(n)) >= 2 and (not has_vowel(q) or not has_vowel(n)):
        return 0.9, "transliterated"
    if len(q) == 1 and n.startswith(q):
        return 0.8, "partial"
    if min(len(qk), len(nk)) >= 4:
        r = fuzz.ratio(qk, nk) / 100
        if r >= FUZZY_CUTOFF:
            return 0.9 * r * r, "fuzzy"
    return 0.0, ""


#: Query word i -> {name word: (similarity, how)} for the name words it pairs with.
_Pairings = list[dict[str, tuple[float, str]]]


def _pairings(q: _Query, words: dict[str, tuple[str, str]]) -> _Pairings:
    """How each query word pairs with each of ``words`` (word -> (spelling key, consonant
    key)); only pairs that count are kept."""
    out: _Pairings = []
    for qt, qk, qc in zip(q.tokens, q.keys, q.ckeys, strict=True):
        found = {}
        for nt, (nk, nc) in words.items():
            s, how = _pair(qt, qk, qc, nt, nk, nc)
            if s:
                found[nt] = (s, how)
        out.append(found)
    return out


def _score(q: _Query, e: _Entry, pairings: _Pairings) -> tuple[float, str, bool, int, int]:
    """(score, how, surname matched, words paired, words paired exactly) of one name."""
    pairs = []
    for i, found in enumerate(pairings):
        for j, nt in enumerate(e.tokens):
            hit = found.get(nt)
            if hit:
                pairs.append((hit[0], -i, -j, hit[1]))
    pairs.sort(reverse=True)
    used_q: dict[int, tuple[int, float, str]] = {}
    used_n: set[int] = set()
    for s, mi, mj, how in pairs:
        i, j = -mi, -mj
        if i not in used_q and j not in used_n:
            used_q[i] = (j, s, how)
            used_n.add(j)
    hows = {h for _, _, h in used_q.values()}
    # Initials of consecutive free words: "UC" for "United Company".
    for i, qt in enumerate(q.tokens):
        if i in used_q or not 2 <= len(qt) <= 6 or not qt.isalpha():
            continue
        for start in range(len(e.tokens) - len(qt) + 1):
            run = range(start, start + len(qt))
            if (all(j not in used_n for j in run)
                    and "".join(e.tokens[j][0] for j in run) == qt):
                used_q[i] = (start, 0.9, "partial")
                used_n.update(run)
                hows.add("partial")
                break
    if not used_q:
        return 0.0, "", False, 0, 0
    quality = sum(s for _, s, _ in used_q.values()) / len(q.tokens)
    total = sum(e.weights)
    coverage = sum(e.weights[j] for j in used_n) / total if total else 0.0
    score = quality * (0.55 + 0.45 * coverage)
    if "fuzzy" in hows:
        how = "fuzzy"
    elif "transliterated" in hows or q.foreign:
        how = "transliterated"
    elif "partial" in hows or len(used_n) < len(e.tokens) or len(used_q) < len(q.tokens):
        how = "partial"
    elif [j for _, (j, _, _) in sorted(used_q.items())] != sorted(used_n):
        how = "reordered"
    else:
        how = "exact"
    # Written together or apart: "Xi Jin Ping" / "XI Jinping", "Abd Allah" / "Abdullah".
    if "".join(q.keys) == "".join(e.keys) and score < 0.95:
        score, how, used_n = 0.95, "transliterated", set(range(len(e.tokens)))
    exact = sum(1 for _, _, h in used_q.values() if h == "exact")
    return score, how, bool(e.surname & used_n), len(used_q), exact


class NameIndex:
    """Postings over every name and alias of a set of actors, built once; see the module
    docstring for the scoring. ``actors`` are :class:`ActorNames` (or tuples in its order).

    >>> idx = NameIndex([ActorNames("d", "DERIPASKA, Oleg Vladimirovich", kind="person"),
    ...                  ActorNames("r", "UNITED COMPANY RUSAL PLC", kind="organization")])
    >>> [(c.id, c.how, round(c.score, 2)) for c in idx.search("Олег Дерипаска")]
    [('d', 'transliterated', 0.89)]
    >>> [(c.id, c.how, round(c.score, 2)) for c in idx.search("Rusal")]
    [('r', 'partial', 0.73)]
    """

    def __init__(self, actors: Iterable[ActorNames | tuple]) -> None:
        self.actors: list[ActorNames] = [ActorNames(*a) for a in actors]
        self._entries: list[_Entry] = []
        self._postings: dict[str, list[int]] = defaultdict(list)  # word -> entries
        self._words: dict[str, tuple[str, str]] = {}  # word -> (spelling, consonant key)
        self._by_joined: dict[str, list[int]] = defaultdict(list)  # words written together
        with paused_gc():  # many small objects, no cycles: the collector would only slow it
            for n, a in enumerate(self.actors):
                names = dict.fromkeys([a.name, *a.aliases])
                for text in names:
                    self._add(n, text, a.kind, weak=False)
                for text in a.weak_aliases:
                    if text not in names:
                        self._add(n, text, a.kind, weak=True)
        # Spelling key -> words, consonant key -> words (all; and those without vowels).
        self._by_key: dict[str, list[str]] = defaultdict(list)
        self._by_ckey: dict[str, list[str]] = defaultdict(list)
        self._bare: dict[str, list[str]] = defaultdict(list)
        for word, (k, c) in self._words.items():
            self._by_key[k].append(word)
            self._by_ckey[c].append(word)
            if not has_vowel(word):
                self._bare[c].append(word)
        self._vocab = list(self._by_key)

    def _add(self, actor: int, text: str, kind: str | None, *, weak: bool) -> None:
        tokens = tuple(name_tokens(text))
        if not tokens:
            return
        person = kind == "person"
        surname = surname_positions(text, list(tokens)) if person else frozenset()
        weights = tuple(2.0 if i in surname else 0.5 if t in GENERIC_WORDS and not person
                        else 1.0 for i, t in enumerate(tokens))
        words = self._words
        for t in tokens:
            if t not in words:
                words[t] = (spelling_key(t), consonant_key(t))
        keys = tuple(words[t][0] for t in tokens)
        e = len(self._entries)
        self._entries.append(_Entry(actor, text, tokens, keys, weights, surname, weak))
        for t in set(tokens):
            self._postings[t].append(e)
        self._by_joined["".join(keys)].append(e)

    def state(self) -> tuple[Any, ...]:
        """The built index as plain data (tuples, lists, dicts, text, numbers), for a
        saved graph to store (:mod:`kg.graph.store`); :meth:`from_state` rebuilds it
        without recomputing a key."""
        return (STATE_VERSION, [tuple(a) for a in self.actors],
                [(*e[:5], tuple(sorted(e.surname)), e.weak) for e in self._entries],
                dict(self._postings), self._words, dict(self._by_joined),
                dict(self._by_key), dict(self._by_ckey), dict(self._bare))

    @classmethod
    def from_state(cls, state: Any) -> NameIndex:
        """The index :meth:`state` described. Raises ValueError for another layout."""
        if not (isinstance(state, tuple) and len(state) == 9 and state[0] == STATE_VERSION):
            raise ValueError("not a name index of this version")
        self = cls.__new__(cls)
        _, actors, entries, postings, words, joined, by_key, by_ckey, bare = state
        self.actors = [ActorNames(*a) for a in actors]
        self._entries = [_Entry(a, t, tuple(tk), tuple(k), tuple(w), frozenset(s), weak)
                         for a, t, tk, k, w, s, weak in entries]
        self._postings = defaultdict(list, postings)
        self._words = words
        self._by_joined = defaultdict(list, joined)
        self._by_key = defaultdict(list, by_key)
        self._by_ckey = defaultdict(list, by_ckey)
        self._bare = defaultdict(list, bare)
        self._vocab = list(self._by_key)
        return self

    def __len__(self) -> int:
        """The number of names and aliases indexed."""
        return len(self._entries)

    # All that search reads of the index: a subclass may answer it from elsewhere (the
    # saved graph's tables: kg.query.cold_names) and rank the same.

    def _spelled(self, key: str) -> Sequence[str]:
        """The words whose spelling key is ``key``."""
        return self._by_key.get(key, ())

    def _consonants(self, ckey: str, *, bare: bool) -> Sequence[str]:
        """The words whose consonant key is ``ckey`` (only those without vowels: ``bare``)."""
        return (self._bare if bare else self._by_ckey).get(ckey, ())

    def _vocabulary(self) -> Sequence[str]:
        """Every spelling key, in the index's order (the typo matcher's choices)."""
        return self._vocab

    def _starting(self, initial: str) -> Sequence[str]:
        """The words that start with ``initial``."""
        return [w for w in self._words if w.startswith(initial)]

    def _keys_of(self, words: Iterable[str]) -> dict[str, tuple[str, str]]:
        """Word -> (spelling key, consonant key) for those of ``words`` that are indexed."""
        return {w: self._words[w] for w in words if w in self._words}

    def _posted(self, words: Iterable[str], cap: int | None) -> set[int] | None:
        """The entries holding any of ``words``; None when they are more than ``cap``."""
        found: set[int] = set().union(*(self._postings[w] for w in words))
        return None if cap is not None and len(found) > cap else found

    def _joined(self, joined: str) -> Sequence[int]:
        """The entries whose spelling keys, written together, are ``joined``."""
        return self._by_joined.get(joined, ())

    def _load(self, entries: Iterable[int]) -> Iterable[tuple[_Entry, ActorNames]]:
        """The entries and their actors, in the order given."""
        return ((self._entries[n], self.actors[self._entries[n].actor]) for n in entries)

    def _candidates(self, q: _Query) -> tuple[_Pairings, set[int]]:
        # The name words each query word pairs with (the same word, the same spelling or
        # consonant key, a spelling key within typo distance), and the entries holding them.
        words: dict[str, tuple[str, str]] = {}
        for t, k, c in zip(q.tokens, q.keys, q.ckeys, strict=True):
            near = [t, *self._spelled(k), *self._consonants(c, bare=has_vowel(t))]
            if len(k) >= 4:
                for key, _, _ in process.extract(k, self._vocabulary(), scorer=fuzz.ratio,
                                                 limit=25, score_cutoff=FUZZY_CUTOFF * 100):
                    near += self._spelled(key)
            if len(t) == 1:  # an initial: every word it starts
                near += self._starting(t)
            words.update(self._keys_of(near))
        pairings = _pairings(q, words)
        # A word in more than COMMON names finds no candidates when a rarer one does.
        capped = [self._posted(found, COMMON) for found in pairings]
        rare = [f for f in capped if f is not None]
        out: set[int] = set().union(*rare) if rare else set().union(
            *(self._posted(found, None) or () for found in pairings))
        out.update(self._joined("".join(q.keys)))
        return pairings, out

    def search(self, query: str, *, kind: str | None = None, country: str | None = None,
               limit: int | None = 10, floor: float = 0.3) -> list[Candidate]:
        """Actors ``query`` may name, best first (score, then name, then id), one
        :class:`Candidate` per actor (its best-matching name), at most ``limit`` (None: all)
        scoring at least ``floor``; only of ``kind`` / ``country`` (ISO code) when given."""
        q = _query(query)
        if not q.tokens:
            return []
        pairings, found = self._candidates(q)
        return self._rank(q, pairings, found, kind, country, limit, floor)

    def scan(self, query: str, *, kind: str | None = None, country: str | None = None,
             limit: int | None = 10, floor: float = 0.3) -> list[Candidate]:
        """:meth:`search` without the index: every name scored (for benchmarks and tests;
        the answers are the same, minus names that only share a very common word)."""
        q = _query(query)
        if not q.tokens:
            return []
        pairings = _pairings(q, self._words)
        return self._rank(q, pairings, set(range(len(self._entries))), kind, country, limit,
                          floor)

    def _rank(self, q: _Query, pairings: _Pairings, found: Iterable[int], kind: str | None,
              country: str | None, limit: int | None, floor: float) -> list[Candidate]:
        best: dict[int, tuple[float, str, _Entry, bool, int, int]] = {}
        country = country.lower() if country else None
        actor_of: dict[int, ActorNames] = {}
        for e, a in self._load(sorted(found)):  # sorted: ties go to the first entry
            if (kind and a.kind != kind) or (country and (a.country or "").lower() != country):
                continue
            score, how, surname, words, exact = _score(q, e, pairings)
            if e.weak:
                score *= WEAK_FACTOR
            if score >= floor and (e.actor not in best or score > best[e.actor][0]):
                best[e.actor] = (score, how, e, surname, words, exact)
                actor_of[e.actor] = a
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], actor_of[kv[0]].name,
                                                      actor_of[kv[0]].id))
        out = []
        for n, (score, how, e, surname, words, exact) in ranked[:limit]:
            a = actor_of[n]
            out.append(Candidate(a.id, a.name, a.kind, a.country, round(min(score, 1.0), 4),
                                 e.text, how, e.weak,
                                 surname if a.kind == "person" else None, words, exact))
        return out
