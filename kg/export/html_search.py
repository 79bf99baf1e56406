"""What the browser view's search box compares: every name the CLI accepts for an actor,
folded by Python the way :mod:`kg.resolve` folds names, shipped in the page as inert JSON.

For each actor drawn, :func:`search_entries` lists ``[key, tokens, text, how]``: the name's
:func:`~kg.resolve.resolver.normalize` key (what the exact lookup compares), its matcher
words (:func:`~kg.resolve.translit.name_tokens`, joined by spaces: any script in Latin,
legal forms dropped), the name as written and how it names the actor — ``name``,
``alias``, ``weak alias`` (the actor's ``weak_aliases``: shown as such and ranked after the
rest), ``country name``, ``seat of government``,
``demonym`` (for states and blocs, from :func:`~kg.resolve.resolver.place_names`) or
``grouped`` (a grouped node's members).

The page folds what is typed with the same two rules (``html_view.js``: ``normalize`` and
``tokensKey``), helped by :func:`fold_table` for the letters it cannot fold itself, and then
only compares strings. ``tests/export/test_html_search.py`` checks in Chromium that the
page's folding gives Python's keys for every name in the bundled data.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import networkx as nx
from anyascii import anyascii

from kg.graph.schema import record_id
from kg.resolve.resolver import normalize, place_names
from kg.resolve.translit import LEGAL_FORMS, STOP_WORDS, name_tokens

__all__ = ["FOLDED_BLOCKS", "fold_table", "search_data", "search_entries"]

FOLDED_BLOCKS = ((0x00A0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x2000, 0x206F))
"""Latin-1 and Latin Extended, Greek, Cyrillic, general punctuation (’ is '): the
characters the page writes in Latin as
:func:`~kg.resolve.translit.name_tokens` does (anyascii). Other scripts typed in the box
match a name written in that script exactly (its :func:`normalize` key), not its
romanisation."""

_EVENTS = ("sanction", "statement", "reason", "source")


@cache
def fold_table() -> dict[str, str]:
    """Letter -> its Latin spelling (anyascii, ISC licence) for :data:`FOLDED_BLOCKS`,
    only where it is not the letter itself."""
    out = {}
    for lo, hi in FOLDED_BLOCKS:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if ch.isprintable():
                latin = anyascii(ch)
                if latin != ch:
                    out[ch] = latin
    return out


def _entry(text: str, how: str) -> list[str]:
    return [normalize(text), " ".join(name_tokens(text)), text, how]


def search_entries(G: nx.MultiDiGraph, node: dict[str, Any]) -> list[list[str]]:
    """The search keys of one drawn scene node (an actor or a group of actors; ``[]`` for
    sanctions, statements, reasons and sources). See the module docstring for the shape."""
    if node["cat"] in _EVENTS:
        return []
    n = node["id"]
    out = [_entry(str(node["label"]), "name")]
    d = G.nodes[n] if n in G else None
    if d is None:  # a grouped node: its members' names
        out += [_entry(str(a), "grouped") for a in node.get("al", [])]
    else:
        out += [_entry(str(a), "alias") for a in d.get("aliases") or ()]
        out += [_entry(str(a), "weak alias") for a in d.get("weak_aliases") or ()]
        if d.get("kind") in ("state", "bloc"):
            out += [[key, " ".join(name_tokens(key)), key, what]
                    for key, what in place_names().get(record_id(n), [])]
    seen: set[str] = set()
    unique = []
    for e in out:  # one entry per key, the first (strongest) kept
        if e[0] and e[0] not in seen:
            seen.add(e[0])
            unique.append(e)
    return unique


def search_data(G: nx.MultiDiGraph, nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """The page's ``search`` object: ``keys`` (node id -> :func:`search_entries`),
    ``fold`` (:func:`fold_table`), ``legal`` and ``stop`` (the words
    :func:`~kg.resolve.translit.name_tokens` drops)."""
    keys = {}
    for nd in nodes:
        entries = search_entries(G, nd)
        if entries:
            keys[nd["id"]] = entries
    return {"keys": keys, "fold": fold_table(), "legal": sorted(LEGAL_FORMS),
            "stop": sorted(STOP_WORDS)}
