"""Cold queries: who-sanctioned, sanctioned-by, relations and timeline answered from a
saved graph's query index (:mod:`kg.graph.sqlstore`), reading only the rows the answer
needs, with the same answers as :func:`kg.query.relations` and :func:`kg.query.timeline` on
the loaded graph: the same rows, in the same order.

The rules are those of the graph queries, step for step: a target answers for the actors
that belong to it (``target_via`` country or part_of, from the index's ``belongs`` table,
in :meth:`kg.graph.index.Index.belonging_to` order), an imposer for those of it that
imposed a sanction it is not an imposer of (``via`` that actor), ``expand_blocs`` adds a bloc's
members, date bounds are partial dates matched by :func:`kg.model.dates.overlaps`.
Names are resolved as :func:`kg.graph.index.resolve_name` does: the exact lookup from the
index tables, then the name matcher over the stored name-search index's tables
(:mod:`kg.query.cold_names`; a name it takes is noted in :attr:`ColdGraph.notes`). An
ambiguous name, or one with close but unclear candidates, raises the graph's own error; so
does a name with no candidate at all, with the graph's "did you mean" suggestions found in
the tables (:meth:`kg.query.cold_names.StoredNames.suggest`). Only when those cannot tell
a suggestion's spelling does it raise :class:`NeedsGraph`, and the caller asks the whole
graph instead.
``as_of`` follows :mod:`kg.query.asof_rule`, with the saved graph's ``lifts`` and
``no_start`` tables.

>>> import os, tempfile
>>> from kg.graph.build import build
>>> from kg.graph.store import write_graph
>>> from kg.query import who_sanctioned
>>> from kg.readwrite.load import load
>>> G = build(load())
>>> path = write_graph(G, os.path.join(tempfile.mkdtemp(), "g.kgz"))
>>> with open_cold(path) as cold:
...     relations(cold, target="China") == who_sanctioned(G, "China")
True
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg._perf import loads
from kg.errors import ResolveError, SavedGraphError
from kg.graph.matches import ActorMatch, with_imposers, with_place
from kg.graph.sqlstore import open_saved, record_data
from kg.model.dates import PartialDate, text_window
from kg.model.vocab import Reason, Status
from kg.query._args import check_bound, check_enum
from kg.query.asof_rule import LiftDates, in_force, parts, undated
from kg.query.cold_timeline import timeline
from kg.query.rows import Relation, Relations, matching_reasons
from kg.resolve.match import Candidate
from kg.resolve.resolver import country_code, country_name, normalize

__all__ = ["ColdGraph", "NeedsGraph", "open_cold", "relations", "search", "timeline"]


class NeedsGraph(Exception):
    """The question needs the whole graph (an unknown name whose suggestions the tables
    cannot spell: the full resolver gives the error and its suggestions)."""


class ColdGraph:
    """An open saved-graph index. Use :func:`open_cold`; close it (or use ``with``)."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self.con, self.path = con, path
        self.name = lru_cache(maxsize=None)(self._name)
        #: (name, actor name, actor id, why) for each name the matcher took, to tell the
        #: user as :func:`kg.cli.search.resolved` does.
        self.notes: list[tuple[str, str, str, str]] = []
        self._names: Any = None

    def names(self) -> Any:
        """The stored name-search index (:class:`kg.query.cold_names.StoredNames`, a
        :class:`kg.resolve.match.NameIndex` that reads only the rows a search needs)."""
        if self._names is None:
            from kg.query.cold_names import StoredNames

            self._names = StoredNames(self.q)
        return self._names

    def __enter__(self) -> ColdGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self.con.close()

    def q(self, sql: str, args: Iterable[Any] = ()) -> list[Any]:
        """Rows of one query; SQLite's own errors (a damaged file) become
        :class:`~kg.errors.SavedGraphError`."""
        try:
            return self.con.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error as exc:
            raise SavedGraphError(f"{self.path}: saved graph is damaged ({exc}); rebuild "
                                  "it with `kg build`") from None

    def _name(self, actor_id: str) -> str:
        # As kg.query._args.actor_name: the label, the country's name, or the id.
        return str(self.label(actor_id) or country_name(actor_id) or actor_id)

    def label(self, actor_id: str) -> str | None:
        """The actor's label (None for no such actor, or none)."""
        row = self.q("SELECT label FROM actors WHERE id = ?", (actor_id,))
        return row[0][0] if row else None

    def undated(self) -> tuple[int, int]:
        """How many sanctions and statements of the graph ``as_of`` leaves out for having
        no date (:func:`kg.query.asof_rule.undated`; statements: no ``date``), as
        :attr:`kg.query.DayGraph.undated_sanctions` and ``undated_statements`` count them."""
        rows = self.q("SELECT type, status FROM no_start")
        return (sum(1 for t, s in rows if t == "sanction" and undated({"status": s})),
                sum(1 for t, _ in rows if t == "statement"))

    def is_actor(self, actor_id: str) -> bool:
        """Whether ``actor_id`` is an actor of the graph."""
        return bool(self.q("SELECT 1 FROM actors WHERE id = ?", (actor_id,)))

    def resolve(self, name: str) -> str:
        """The actor id ``name`` means, as :func:`kg.graph.index.resolve_actor` finds it
        (id, lowered id, normalised name or alias, a country with nationals, the matcher's
        clear choice); raises its errors for an ambiguous name, close candidates or no
        actor at all (with the same suggestions; :class:`NeedsGraph` when the tables cannot
        spell one)."""
        for cand in (name, name.strip().lower()):
            if self.is_actor(cand):
                return cand
        found = [r[0] for r in self.q("SELECT id FROM names WHERE key = ? ORDER BY id",
                                      (normalize(name),))]
        if len(found) == 1:
            return str(found[0])
        if found:
            listed = ", ".join(f"{i} ({self.label(i) or i})" for i in found)
            raise ResolveError(f"{name!r} is ambiguous: it could be {listed}; use an id")
        code = country_code(name)
        if code and self.belonging_to(code):
            return code
        from kg.resolve.choose import UnclearName, decide

        decision = decide(self.names().search(name, limit=10))
        c = decision.chose
        if c is None and decision.candidates:
            raise UnclearName(name, decision)
        if c is None:  # no actor at all: the graph's error, with its suggestions
            suggestions = self.names().suggest(name)
            if suggestions is None:
                raise NeedsGraph(name)
            raise ResolveError(f"no actor is called {name!r}", suggestions)
        self.notes.append((name, c.name, c.id, decision.why))
        return str(c.id)

    def belonging_to(self, actor_id: str) -> list[tuple[str, str]]:
        """As :meth:`kg.graph.index.Index.belonging_to`."""
        return [(c, h) for c, h in self.q(
            "SELECT child, how FROM belongs WHERE parent = ? ORDER BY n", (actor_id,))]

    def members(self, bloc: str) -> list[str]:
        """As ``Index.members.get(bloc, [])``."""
        return [m for (m,) in self.q("SELECT member FROM members WHERE bloc = ? ORDER BY n",
                                     (bloc,))]

    def blocs_of(self, actor_id: str) -> list[str]:
        """As ``Index.blocs_of.get(actor_id, [])``."""
        return [b for (b,) in self.q("SELECT bloc FROM blocs WHERE member = ? ORDER BY n",
                                     (actor_id,))]

    def lifts(self, targets: Iterable[str]) -> LiftDates:
        """The lift dates of every imposer on each of ``targets`` (the ``lifts`` table)."""
        out, wanted = LiftDates(), sorted(targets)
        for i in range(0, len(wanted), 500):
            part = wanted[i:i + 500]
            for target, imposer, date in self.q(
                    f"SELECT target, imposer, date FROM lifts WHERE target IN "
                    f"({','.join('?' * len(part))})", part):
                out.add(target, imposer, date)
        for t in wanted:
            out.done(t)
        return out

    def records(self, nodes: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Node id -> attributes of the given sanction and statement nodes."""
        out: dict[str, dict[str, Any]] = {}
        batch = list(nodes)
        for i in range(0, len(batch), 500):
            part = batch[i:i + 500]
            marks = ",".join("?" * len(part))
            for node, data, crc in self.q(
                    f"SELECT node, data, crc FROM records WHERE node IN ({marks})", part):
                out[node] = loads(record_data(self.path, node, data, crc))
        return out

    def ends(self, nodes: Iterable[str], key: str, *, incoming: bool) -> set[str]:
        """The other ends of ``key`` edges into (``incoming``) or out of ``nodes``."""
        col, other = ("v", "u") if incoming else ("u", "v")
        found: set[str] = set()
        batch = list(nodes)
        for i in range(0, len(batch), 500):
            part = batch[i:i + 500]
            marks = ",".join("?" * len(part))
            found.update(r[0] for r in self.q(
                f"SELECT {other} FROM edges WHERE key = ? AND {col} IN ({marks})",
                [key, *part]))
        return found


def open_cold(kgz: str | os.PathLike[str]) -> ColdGraph | None:
    """The saved graph ``kgz`` opened for cold queries (its seal and versions checked, see
    :mod:`kg.graph.sqlstore`), or None when it was saved without its query index (the
    caller then loads the graph). A foreign, old-form or damaged file raises
    :class:`~kg.errors.SavedGraphError`, as loading it would."""
    con, meta = open_saved(kgz)
    if "content_sha256" not in meta:
        con.close()
        return None
    return ColdGraph(con, Path(kgz))


_N = {"actor": "actor:", "reason": "reason:", "sanction": "sanction:"}


def relations(cold: ColdGraph, *, imposer: str | None = None, target: str | None = None,
              reason: str | None = None, status: str | None = None,
              since: str | None = None, until: str | None = None,
              expand_blocs: bool = False, as_of: str | None = None) -> Relations:
    """:func:`kg.query.relations` on a saved graph's index: the same options, the same
    rows in the same order (with ``as_of``, the same rule, split ids and ``undated``
    count: :mod:`kg.query.asof_rule`, the lifts read from the ``lifts`` table for the
    targets concerned). Raises as :meth:`ColdGraph.resolve` does for a name,
    :class:`~kg.errors.UsageError` for a bad option value."""
    reason = check_enum(reason, Reason, "reason")
    status = check_enum(status, Status, "status")
    since, until = check_bound(since, "since"), check_bound(until, "until")
    as_of = check_bound(as_of, "as-of")
    day = PartialDate(as_of) if as_of else None
    imp_id = cold.resolve(imposer) if imposer else None
    tgt_id = cold.resolve(target) if target else None

    tgt_via: dict[str, str | None] = {}
    imp_parts: set[str] = {a for a, _ in cold.belonging_to(imp_id)} if imp_id else set()
    if tgt_id:
        tgt_via = {tgt_id: None, **dict(cold.belonging_to(tgt_id))}
        cands = cold.ends([_N["actor"] + t for t in tgt_via], "TARGETS", incoming=True)
    elif imp_id:
        sources_of = [imp_id, *(cold.blocs_of(imp_id) if expand_blocs else []),
                      *sorted(imp_parts)]
        cands = cold.ends([_N["actor"] + i for i in sources_of], "IMPOSED", incoming=False)
    elif reason and not (since or until):
        cands = cold.ends([_N["reason"] + reason], "BECAUSE_OF", incoming=True)
    elif since or until:
        first, last = text_window(since, until)
        sql = "SELECT node FROM records WHERE type = 'sanction' AND date IS NOT NULL"
        args: list[str] = []
        if first:
            sql, args = sql + " AND date >= ?", [*args, first]
        if last:
            sql, args = sql + " AND date <= ?", [*args, last]
        if status:
            sql, args = sql + " AND status = ?", [*args, status]
        cands = {r[0] for r in cold.q(sql, args)}
    elif status:  # the sanctions of that status only (the status index)
        cands = {r[0] for r in cold.q("SELECT node FROM records WHERE type = 'sanction' "
                                      "AND status = ?", (status,))}
    else:
        cands = {r[0] for r in cold.q("SELECT node FROM records WHERE type = 'sanction'")}

    members: dict[str, list[str]] = {}

    def pairs(imposers_of: list[str], targets_of: list[str]
              ) -> list[tuple[str, str | None, str, str | None]]:
        # (imposer, via bloc, target, how it belongs) rows the filters keep.
        imposers: list[tuple[str, str | None]] = [(i, None) for i in imposers_of]
        if expand_blocs:
            for i in imposers_of:
                if i not in members:
                    members[i] = cold.members(i)
            imposers += [(m, i) for i in imposers_of for m in members[i]]
        if imp_id:  # the imposer asked, else the actors of it that imposed (via them)
            imposers = [p for p in imposers if p[0] == imp_id] or \
                [(imp_id, i) for i in imposers_of if i in imp_parts]
        targets = [(t, tgt_via[t]) for t in targets_of if t in tgt_via] if tgt_id \
            else [(t, None) for t in targets_of]
        return [(i, via, t, how) for i, via in imposers for t, how in targets]

    kept = []
    for node, d in cold.records(cands).items():
        if d.get("type") != "sanction":
            continue
        reasons = matching_reasons(d, status=status, since=since, until=until,
                                   reason=reason)
        if reasons is not None:
            kept.append((node, d, reasons))
    lifts = cold.lifts({t for _, d, _ in kept if in_force(d, day) for t in d["targets"]}) \
        if day else None
    out, left_out = Relations(), 0
    for node, d, reasons in kept:
        sid = node.partition(":")[2]
        if day is None or lifts is None:
            standing = [(sid, d["imposers"], d["targets"])]
        elif undated(d):
            standing, left_out = [], left_out + bool(pairs(d["imposers"], d["targets"]))
        else:
            standing = parts(d, sid, day, lifts)
        sources = tuple(dict.fromkeys(d["sources"]))
        authority_ids = tuple(d.get("authorities") or ())
        authority = "; ".join(cold.name(a) for a in authority_ids) or None
        for rid, imposers_of, targets_of in standing:
            for imp, via, tgt, how in pairs(imposers_of, targets_of):
                for cat, detail in reasons:
                    out.append(Relation(
                        imposer=imp, imposer_name=cold.name(imp), target=tgt,
                        target_name=cold.name(tgt), reason=cat, reason_detail=detail,
                        sanction=rid, status=d["status"], date=d.get("date"),
                        sources=sources, via=via, target_via=how,
                        authority=authority, authority_ids=authority_ids,
                        program=d.get("program")))
    out.sort(key=lambda r: (r.date or "9999", r.sanction, r.imposer, r.target, r.reason or ""))
    out.undated = left_out
    return out


def search(cold: ColdGraph, query: str, *, kind: str | None = None,
           country: str | None = None, limit: int | None = 10,
           floor: float = 0.3, as_of: str | None = None) -> list[ActorMatch]:
    """:func:`kg.graph.index.search_actors` on a saved graph: the stored name-search index
    ranks the candidates and the query index gives each one's imposers (the same answers,
    in the same order); with ``as_of``, the imposers whose sanctions on it stood that day,
    as on the graph of that day (:func:`kg.query.graph_as_of`)."""
    as_of = check_bound(as_of, "as-of")
    day = PartialDate(as_of) if as_of else None

    def place(code: str) -> ActorMatch | None:
        found = cold.q("SELECT name, kind, country FROM name_actors WHERE id = ?", (code,))
        if not found:
            return None
        name, kind_, country_ = found[0]
        return row(Candidate(code, name, kind_, country_, 1.0, code, "exact"))

    def row(c: Candidate) -> ActorMatch:
        # As who-sanctioned: sanctions on the actor and on the actors that belong to it.
        belong = [a for a, _ in cold.belonging_to(c.id)]
        sanctions = cold.records(cold.ends([_N["actor"] + a for a in [c.id, *belong]],
                                           "TARGETS", incoming=True))
        if day is None:
            pairs = [(tgts, d.get("imposers") or ()) for d in sanctions.values()
                     for tgts in [set(d["targets"])]]
        else:
            lifts = cold.lifts([c.id, *belong])
            pairs = [(set(tgts), imps) for n, d in sanctions.items() if not undated(d)
                     for _, imps, tgts in parts(d, n, day, lifts)]
        direct = {i for tgts, imps in pairs if c.id in tgts for i in imps}
        by_actor: dict[str, set[str]] = {}
        for tgts, imps in pairs:
            for a in tgts:
                by_actor.setdefault(a, set()).update(imps)
        return with_imposers(c, direct, ((a, i) for a in belong
                                         for i in sorted(by_actor.get(a, ()))),
                             lambda i: cold.label(i) or i)

    out = [row(c) for c in cold.names().search(query, kind=kind, country=country,
                                               limit=limit, floor=floor)]
    return with_place(out, query, place, kind=kind, country=country, limit=limit)
