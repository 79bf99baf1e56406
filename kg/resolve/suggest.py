""""Did you mean" for a reference that names no record: the closest ids of the records of
that type in the data being loaded (``target: rusia`` -> ``'russia'``), and for an actor
also the actors whose name or an alias is close to it (``target: russia`` when Russia's id
is ``ru`` -> ``'ru' (Russia)``).

Ids are compared as written, names folded as :func:`kg.resolve.resolver.normalize` folds
them; closeness is the Indel similarity ``rapidfuzz`` computes (what :mod:`difflib`'s
``ratio`` measures, in C): a million ids are searched in well under a second.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz, process

from kg.model.records import Actor, Dataset
from kg.resolve.resolver import normalize

__all__ = ["CUTOFF", "MAX_LOOKUPS", "Suggester"]

#: The least similarity (0-100) a suggestion needs: :func:`difflib.get_close_matches`'s
#: default cutoff (0.6), which the CLI's own suggestions use.
CUTOFF = 60.0

#: How many distinct unknown references of one load get suggestions; past that (a file
#: written against other data, naming thousands of ids it lacks) none, to keep a failed
#: load fast.
MAX_LOOKUPS = 200


class Suggester:
    """The suggestions for the unknown references of one dataset (built once per load).

    ``ds``: the records loaded (their ids, and the actors' names and aliases), as a
    :class:`~kg.model.records.Dataset` or a mapping of record type -> records
    (``{"actor": actors}``)."""

    def __init__(self, ds: Dataset | Mapping[str, Sequence[Any]]) -> None:
        self._section: Callable[[str], Sequence[Any]] = (
            ds.section if isinstance(ds, Dataset) else lambda kind: ds.get(kind, ()))
        self._ids: dict[str, list[str]] = {}
        self._names: dict[str, list[str]] | None = None
        self._done: dict[tuple[str, str], list[str]] = {}

    def _of(self, kind: str) -> list[str]:
        if kind not in self._ids:
            self._ids[kind] = [r.id for r in self._section(kind)]
        return self._ids[kind]

    def _actor_names(self) -> dict[str, list[str]]:
        """Folded name or alias -> the ids of the actors that have it."""
        if self._names is None:
            names: dict[str, list[str]] = {}
            for a in self._section("actor"):
                for n in {normalize(x) for x in (a.name, *a.aliases)}:
                    if n:
                        names.setdefault(n, []).append(a.id)
            self._names = names
        return self._names

    def close(self, ref: str, kind: str, n: int = 3) -> list[str]:
        """Up to ``n`` suggestions for ``ref``, an id that no record of type ``kind``
        (``"actor"``, ``"source"``, ``"sanction"``, ...) has: each a quoted id, an actor's
        with its name when the name is what matched (``'ru' (Russia)``), best first, none
        more than 15 points (of 100) short of the best; an actor whose name or alias is
        ``ref`` itself, folded, is suggested alone.
        Empty when nothing is close enough (:data:`CUTOFF`) or past :data:`MAX_LOOKUPS`."""
        key = (kind, ref)
        if key in self._done:
            return self._done[key]
        if len(self._done) >= MAX_LOOKUPS:
            return []
        found: list[tuple[float, str, str | None]] = []  # (score, id, name matched)
        for id_, score, _ in process.extract(ref, self._of(kind), scorer=fuzz.ratio,
                                             score_cutoff=CUTOFF, limit=n):
            found.append((score, id_, None))
        if kind == "actor":
            names = self._actor_names()
            folded = normalize(ref)
            if folded:
                for name, score, _ in process.extract(folded, list(names), scorer=fuzz.ratio,
                                                      score_cutoff=CUTOFF, limit=n):
                    for id_ in names[name]:
                        found.append((score + (1.0 if name == folded else 0.0), id_, name))
        out = _best(found, self._section("actor") if kind == "actor" else (), n)
        self._done[key] = out
        return out

    def message(self, ref: str, kind: str) -> str:
        """``"; did you mean 'russia'?"`` (or ``'ru' (Russia), 'rs' (Serbia)``), to follow
        ``unknown actor 'rusia'``; empty when :meth:`close` has nothing."""
        found = self.close(ref, kind)
        return f"; did you mean {', '.join(found)}?" if found else ""


def _best(found: list[tuple[float, str, str | None]], actors: Iterable[Any], n: int
          ) -> list[str]:
    """The ``n`` best distinct ids of ``found``, quoted, an actor matched by name shown with
    its name."""
    label = {a.id: a.name for a in actors if isinstance(a, Actor)}
    best: dict[str, tuple[float, str | None]] = {}
    for score, id_, name in found:
        if id_ not in best or score > best[id_][0]:
            best[id_] = (score, name)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:n]
    # An actor named exactly so stands alone; else those well short of the best are noise
    # ('usa' is as close to 'russia' as a cutoff allows, 'ru' (Russia) far closer).
    top = ranked[0][1][0] if ranked else 0.0
    ranked = [kv for kv in ranked if kv[1][0] > 100 or (top <= 100 and kv[1][0] >= top - 15)]
    return [f"{id_!r} ({label[id_]})" if name is not None and id_ in label
            and normalize(id_) != name else repr(id_)
            for id_, (_, name) in ranked]
