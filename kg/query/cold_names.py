"""The name matcher on a saved graph's name tables (:mod:`kg.graph.sqlnames`): the same
search as :class:`kg.resolve.match.NameIndex` (it is one, with its lookups answered by
SQL), reading only the rows of the query's words and of the names they find, so a cold
``kg search`` or the resolution of a misspelt name costs the size of its answer rather
than the load of the whole index.

The one read that grows with the index: a query word of four letters or more is matched
for typos against every spelling key (``name_vocab``, read once per process, as
rapidfuzz's choices), as the in-memory index does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from kg._perf import loads
from kg.resolve.match import ActorNames, NameIndex, _Entry

__all__ = ["StoredNames"]

_BATCH = 500


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

