"""The saved graph's tables for cold questions beyond the query index of
:mod:`kg.graph.sqlstore`: the name-search index, the lifts and the undated records.

The name-search index (:class:`kg.resolve.match.NameIndex`) as tables of the saved
graph, so that a cold ``kg search NAME -d graph.kgz`` and the resolution of a cold query's
actor name read only the rows of the query's words (:mod:`kg.query.cold_names`) instead of
unpickling the whole index (the ``names`` payload, which loaded graphs still use).

Tables (part of the saved graph's checksummed index, see :mod:`kg.graph.sqlstore`)::

    name_actors(n, id, name, kind, country)     the index's actors, by position
    name_entries(n, actor, data)                each name or alias: JSON [text, tokens,
                                                spelling keys, weights, surname positions,
                                                weak]
    name_words(word, key, ckey)                 each word: spelling and consonant keys
    name_postings(word, entry)                  word -> the entries holding it
    name_joined(joined, entry)                  spelling keys written together -> entries
    name_vocab(n, key)                          the spelling keys in the index's order (the
                                                typo matcher's choices)

For ``--as-of`` (the rule of :mod:`kg.query.asof_rule`, applied by :mod:`kg.query.cold`)::

    lifts(target, imposer, node, date)          each dated sanction whose status is
                                                ``lifted``, per target and imposer
    no_start(node, type, status)                sanctions with no ``effective_date`` and no
                                                ``date``, statements with no ``date``

Each table's rows are generated in key order (:func:`cold_rows`), as the checksum reads
them back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from kg._perf import dumps

__all__ = ["COLD_INDEXES", "COLD_SCHEMA", "COLD_TABLES", "COLD_WIDTH", "cold_rows"]

COLD_SCHEMA = """
CREATE TABLE name_actors (n INTEGER PRIMARY KEY, id TEXT, name TEXT, kind TEXT, country TEXT);
CREATE TABLE name_entries (n INTEGER PRIMARY KEY, actor INTEGER, data TEXT);
CREATE TABLE name_words (word TEXT PRIMARY KEY, key TEXT, ckey TEXT) WITHOUT ROWID;
CREATE TABLE name_postings (word TEXT, entry INTEGER, PRIMARY KEY (word, entry)) WITHOUT ROWID;
CREATE TABLE name_joined (joined TEXT, entry INTEGER, PRIMARY KEY (joined, entry))
    WITHOUT ROWID;
CREATE TABLE name_vocab (n INTEGER PRIMARY KEY, key TEXT);
CREATE TABLE lifts (target TEXT, imposer TEXT, node TEXT, date TEXT,
                    PRIMARY KEY (target, imposer, node)) WITHOUT ROWID;
CREATE TABLE no_start (node TEXT PRIMARY KEY, type TEXT, status TEXT) WITHOUT ROWID;
"""
COLD_INDEXES = """
CREATE INDEX name_words_key ON name_words (key, word);
CREATE INDEX name_words_ckey ON name_words (ckey, word);
"""
#: Table -> its key columns (the order the checksum reads rows in).
COLD_TABLES: dict[str, str] = {
    "name_actors": "n", "name_entries": "n", "name_words": "word",
    "name_postings": "word, entry", "name_joined": "joined, entry", "name_vocab": "n",
    "lifts": "target, imposer, node", "no_start": "node"}
COLD_WIDTH = {"name_actors": 5, "name_entries": 3, "name_words": 3, "name_postings": 2,
              "name_joined": 2, "name_vocab": 2, "lifts": 4, "no_start": 3}


def cold_rows(order: Iterable[str], nodes: Mapping[str, Mapping[str, Any]],
              succ: Mapping[str, Mapping[str, Mapping[str, Any]]], state: tuple[Any, ...]
              ) -> dict[str, Iterable[tuple[Any, ...]]]:
    """Each table's rows, in key order: ``order`` the graph's node ids in sorted order,
    ``nodes`` / ``succ`` networkx's node and successor dicts, ``state`` the name-search
    index's :meth:`~kg.resolve.match.NameIndex.state`."""
    lifts: list[tuple[str, str, str, str]] = []
    no_start: list[tuple[str, str, str | None]] = []
    for n in order:
        d = nodes[n]
        kind = d.get("type")
        if kind == "sanction":
            if d.get("status") == "lifted" and d.get("date"):
                lifts += [(v.partition(":")[2], imp, n, d["date"])
                          for v, keys in succ[n].items() if "TARGETS" in keys
                          for imp in d["imposers"]]
            if not (d.get("effective_date") or d.get("date")):
                no_start.append((n, kind, d.get("status")))
        elif kind == "statement" and not d.get("date"):
            no_start.append((n, kind, d.get("status")))
    _, actors, entries, postings, words, joined, by_key, _, _ = state

    def actor_rows() -> Iterator[tuple[Any, ...]]:
        for n, a in enumerate(actors):
            yield (n, a[0], a[1], a[3], a[4])

    def entry_rows() -> Iterator[tuple[Any, ...]]:
        for n, (actor, *data) in enumerate(entries):
            yield (n, actor, dumps(data).decode())

    def listed(table: dict[str, list[int]]) -> Iterator[tuple[str, int]]:
        for key in sorted(table):
            for e in sorted(set(table[key])):
                yield (key, e)

    return {
        "name_actors": actor_rows(),
        "name_entries": entry_rows(),
        "name_words": ((w, *words[w]) for w in sorted(words)),
        "name_postings": listed(postings),
        "name_joined": listed(joined),
        "name_vocab": enumerate(by_key),
        "lifts": sorted(set(lifts)),
        "no_start": no_start,
    }
