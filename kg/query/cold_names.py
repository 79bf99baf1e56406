"""The name matcher on a saved graph's name tables (:mod:`kg.graph.sqlnames`): the same
search as :class:`kg.resolve.match.NameIndex` (it is one, with its lookups answered by
SQL), reading only the rows of the query's words and of the names they find, so a cold
``kg search`` or the resolution of a misspelt name costs the size of its answer rather
than the load of the whole index.

The one read that grows with the index: a query word of four letters or more is matched
for typos against every spelling key (``name_vocab``, read once per process, as
rapidfuzz's choices), as the in-memory index does. And a name no actor has at all gets its
"did you mean" suggestions (:meth:`StoredNames.suggest`) from every key of the exact-name
table (``names``), as :meth:`kg.resolve.resolver.Resolver.suggest` does on the whole graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from kg._perf import loads
from kg.resolve.match import ActorNames, NameIndex, _Entry

__all__ = ["StoredNames"]

_BATCH = 500


def _first(q: Any, low: int, high: int, wanted: Any) -> int:
    """The first row ``n`` in [low, high) of ``name_entries`` whose actor is >= ``wanted``
    (``high`` if none): entries are written actor by actor, so actors never decrease."""
    while low < high:
        mid = (low + high) // 2
        if q("SELECT actor FROM name_entries WHERE n = ?", (mid,))[0][0] < wanted:
            low = mid + 1
        else:
            high = mid
    return low


class StoredNames(NameIndex):
    """A :class:`~kg.resolve.match.NameIndex` whose postings are the name tables of an
    open saved graph. ``q`` runs one query and returns its rows (raising
    :class:`~kg.errors.SavedGraphError` for a damaged file); see :class:`kg.query.cold.ColdGraph`.
    """

    def __init__(self, q: Any) -> None:  # no NameIndex.__init__: nothing is built
        self._q = q
        self._vocab_cache: list[str] | None = None

    def __len__(self) -> int:
        """The number of names and aliases indexed."""
        return int(self._q("SELECT count(*) FROM name_entries")[0][0])

    def _in(self, sql: str, values: Sequence[Any]) -> Iterable[Any]:
        # ``sql`` with one "{}" for a list of placeholders, run over ``values`` in batches.
        for i in range(0, len(values), _BATCH):
            part = values[i:i + _BATCH]
            yield from self._q(sql.format(",".join("?" * len(part))), part)

    def _spelled(self, key: str) -> Sequence[str]:
        return [w for (w,) in self._q("SELECT word FROM name_words WHERE key = ?", (key,))]

    def _consonants(self, ckey: str, *, bare: bool) -> Sequence[str]:
        from kg.resolve.translit import has_vowel

        words = [w for (w,) in self._q("SELECT word FROM name_words WHERE ckey = ?", (ckey,))]
        return [w for w in words if not has_vowel(w)] if bare else words

    def _vocabulary(self) -> Sequence[str]:
        if self._vocab_cache is None:
            self._vocab_cache = [k for (k,) in self._q("SELECT key FROM name_vocab ORDER BY n")]
        return self._vocab_cache

    def _starting(self, initial: str) -> Sequence[str]:
        # One character: every word in [initial, the next code point).
        return [w for (w,) in self._q("SELECT word FROM name_words WHERE word >= ? AND "
                                      "word < ?", (initial, chr(ord(initial) + 1)))]

    def _keys_of(self, words: Iterable[str]) -> dict[str, tuple[str, str]]:
        wanted = list(dict.fromkeys(words))
        found = {w: (k, c) for w, k, c in self._in(
            "SELECT word, key, ckey FROM name_words WHERE word IN ({})", wanted)}
        return {w: found[w] for w in wanted if w in found}

    def _posted(self, words: Iterable[str], cap: int | None) -> set[int] | None:
        # A batch reads at most cap + 1 entries, and the first to pass the cap ends it.
        found: set[int] = set()
        listed = list(words)
        limit = "" if cap is None else f" LIMIT {cap + 1}"
        for i in range(0, len(listed), _BATCH):
            part = listed[i:i + _BATCH]
            found.update(e for (e,) in self._q(
                f"SELECT DISTINCT entry FROM name_postings WHERE word IN "
                f"({','.join('?' * len(part))}){limit}", part))
            if cap is not None and len(found) > cap:
                return None
        return found

    def _joined(self, joined: str) -> Sequence[int]:
        return [e for (e,) in self._q("SELECT entry FROM name_joined WHERE joined = ?",
                                      (joined,))]

    def _load(self, entries: Iterable[int]) -> Iterable[tuple[_Entry, ActorNames]]:
        wanted = list(entries)
        rows = {n: (actor, loads(data)) for n, actor, data in self._in(
            "SELECT n, actor, data FROM name_entries WHERE n IN ({})", wanted)}
        actor_ids = list({a for a, _ in rows.values()})
        actors = {n: ActorNames(i, name, (), kind, country) for n, i, name, kind, country
                  in self._in("SELECT n, id, name, kind, country FROM name_actors "
                              "WHERE n IN ({})", actor_ids)}
        for n in wanted:
            actor, (text, tokens, keys, weights, surname, weak) = rows[n]
            yield (_Entry(actor, text, tuple(tokens), tuple(keys), tuple(weights),
                          frozenset(surname), weak), actors[actor])

    def _texts(self, actor_ids: Iterable[str]) -> dict[str, list[str]]:
        """Actor id -> its names and strong aliases as the index holds them, in order, for
        each of ``actor_ids`` the index has (an entry range found by binary search)."""
        wanted = list(dict.fromkeys(actor_ids))
        at = dict(self._in("SELECT id, n FROM name_actors WHERE id IN ({})", wanted))
        total = int(self._q("SELECT count(*) FROM name_entries")[0][0])
        out: dict[str, list[str]] = {}
        for aid, n in at.items():
            start = _first(self._q, 0, total, n)
            end = _first(self._q, start, total, n + 1)
            out[aid] = [text for text, *_, weak in
                        (loads(d) for (d,) in self._q(
                            "SELECT data FROM name_entries WHERE n >= ? AND n < ? ORDER BY n",
                            (start, end))) if not weak]
        return out

    def suggest(self, name: str, n: int = 3) -> list[str] | None:
        """:meth:`kg.resolve.resolver.Resolver.suggest` of the saved graph's actors: the
        closest names and aliases (as the first actor to hold each spelled it), for an
        error message. Reads the keys of the ``names`` table (less the country names and
        seats of government the resolver adds for a state actor that does not hold them
        itself) and the name entries of a few actors. None when a suggestion's spelling
        is not in the name entries (a name with no word the matcher reads): the caller
        asks the whole graph."""
        import difflib

        from kg.resolve.resolver import normalize, place_names

        places = {key: code for code, keys in place_names().items()
                  for key, what in keys if what != "demonym"}
        held = {k: (count, first) for k, count, first in self._q(
            "SELECT key, count(*), min(id) FROM names GROUP BY key")}
        # A key only a state holds that is a name of the place may be the resolver's own
        # addition: a key of the state's names only if one of them is spelled so.
        added = {k for k, (count, first) in held.items() if count == 1
                 and places.get(k) == first}
        texts = self._texts({held[k][1] for k in added})
        keys = [k for k in held if k not in added
                or k in {normalize(t) for t in texts.get(held[k][1], ())}]
        out = []
        for key in difflib.get_close_matches(normalize(name), keys, n=n, cutoff=0.6):
            ids = [i for (i,) in self._q("SELECT id FROM names WHERE key = ?", (key,))]
            order = dict(self._in("SELECT id, n FROM name_actors WHERE id IN ({})", ids))
            first = min(ids, key=lambda i: order.get(i, float("inf")))
            spelled = [t for t in self._texts([first]).get(first, ()) if normalize(t) == key]
            if not spelled:
                return None
            out.append(spelled[0])
        return out
