"""Ownership and control: who is caught through whom.

**The rule.** Under OFAC's 50 Percent Rule, an entity owned 50% or more, directly or
indirectly, in the aggregate, by one or more blocked persons is itself blocked, even when no
list names it; the EU and the UK apply similar ownership-and-control tests. :func:`exposure`
computes the arithmetic behind such a test from the ownership records in the graph:

* the *sanctioned* actors of an imposer are the targets of its sanctions in force: status
  ``imposed`` or ``extended``; with ``as_of``, the sanctions in force that day by the rule of
  every ``--as-of`` (:mod:`kg.query.asof`: imposed, extended or eased by then, not ended,
  not lifted by that imposer for that target; undated ones left out and counted in
  :attr:`ExposureReport.undated`);
* an owner-asset link counts when its relationship covers the day (``as_of``, default
  today): started on or before it (or no start given) and not ended before it (an end given
  as a year or month counts to its last day). Several records of one owner-asset pair in
  force on the same day are reports of one holding, not holdings to add: the largest known
  share counts, and every record is cited;
* a path runs from a sanctioned owner through unsanctioned companies to the entity; its
  share is the product of the shares along it (60% of 60% is 36%), and an entity's aggregate
  share is the sum over every path from every sanctioned owner (36% through a chain plus 20%
  held directly is 56%). A path stops at the first sanctioned actor it meets (that actor's
  own holding is counted from it) and never visits an actor twice (so a **cycle** A -> B -> A
  adds nothing: shares that come back round a cycle are not counted again);
* the sum is computed in one pass, without listing paths (:mod:`kg.query.ownership_flow`):
  in topological order of the strongly connected components of the ownership links, an
  entity's share is the sum over its owners of the owner's share times the owner's stake;
  inside a cycle the paths within the cycle that visit no actor twice are followed, up to
  :data:`~kg.query.ownership_flow.CYCLE_STEPS` steps from each actor where shares enter it
  (beyond that the paths left are counted in :attr:`ExposureReport.cut_paths`, never silent);
* an exposed row is explained by its ``paths`` largest paths (a best-first search back from
  the entity), then one path through a link of unknown share if there is one; a possibly
  exposed row by its largest path and one through a link of unknown share;
  :attr:`Exposure.path_count` says how many paths there are in all;
* a link whose share the source does not give is never counted as a share: an entity
  reached through one is reported apart as *possibly exposed* (with the share known
  through other paths, if any);
* directorships and family or associate ties are shown as context, never as ownership;
* an entity the imposer itself sanctions is not listed (it is already sanctioned).

**The limits.** This is arithmetic over the records kg holds, not a legal determination.
OFAC counts a blocked intermediate company's holding in full (if X owns 50% of A and A 50%
of B, B is blocked) where multiplying gives 25%: ``rule="cascade"`` applies that reading
instead (an entity reaching the threshold is treated as sanctioned for what it owns in turn,
and keeps the share that first caught it: at least that much).
Control without ownership (EU and UK "control" tests), holdings the records do not show,
nominee and trust arrangements, licences and delistings are outside what this computes;
whether an entity is blocked is a legal judgement this tool does not make.

Like the other questions: graph first, keyword-only options, frozen dataclasses.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from kg._clock import today_iso
from kg.errors import UsageError
from kg.graph.index import index_of
from kg.graph.schema import NodeType, prefix, record_id, require_kg_graph
from kg.model.dates import first_day, last_day
from kg.model.vocab import IN_FORCE, RelationKind
from kg.query._args import actor_name, check_bound, resolve_actor
from kg.query.asof import COUNTS_AS_OF, graph_as_of
from kg.query.ownership_flow import Flow, Owned, Owners, explain, owners_of, rounds

__all__ = ["MAX_DEPTH", "PATHS", "Exposure", "ExposureReport", "Holding",
           "OwnershipPath", "exposure", "holdings", "owners"]

PATHS = 10
"""Paths shown per row by default (the largest first)."""
MAX_DEPTH = 12
"""Links: how far :func:`owners` and :func:`holdings` climb by default."""
RULES = ("multiply", "cascade")


@dataclass(frozen=True, slots=True)
class Holding:
    """One ownership record: ``owner`` holds ``share`` percent of ``asset``."""

    relationship: str
    owner: str
    owner_name: str
    asset: str
    asset_name: str
    share: float | None
    """Percent; None when the source does not give it."""
    start_date: str | None
    end_date: str | None
    sources: tuple[str, ...]
    depth: int = 1
    """In :func:`owners` and :func:`holdings`: how many links from the actor asked about."""


@dataclass(frozen=True, slots=True)
class OwnershipPath:
    """One chain of holdings from a sanctioned owner to an entity."""

    actors: tuple[str, ...]
    """Actor ids, the sanctioned owner first, the entity last."""
    relationships: tuple[str, ...]
    """The ownership records along it, one per link."""
    share: float | None
    """The product of the shares along it, in percent; None when a link's share is unknown."""
    text: str
    """``"Owner -60%-> B -60%-> C"`` by name."""


@dataclass(frozen=True, slots=True)
class Exposure:
    """An entity no list of the imposer(s) names, reached by their sanctioned owners."""

    entity: str
    name: str
    share: float
    """Aggregate percent held by sanctioned owners through known shares (the largest over
    ``imposers``)."""
    imposers: tuple[str, ...]
    """Imposers whose sanctioned owners reach it (at the threshold, for an exposed row)."""
    owners: tuple[str, ...]
    """The sanctioned owners at the start of ``paths``."""
    paths: tuple[OwnershipPath, ...]
    """The largest paths of known shares, largest first (at most ``paths``; one for a possibly
    exposed row), then one path through a link of unknown share if any; see ``path_count``."""
    sources: tuple[str, ...]
    """Sources of the ownership records on the shown paths and of their owners' sanctions."""
    possibly: bool = False
    """True for a row reached through a link of unknown share (and not exposed otherwise)."""
    context: tuple[str, ...] = ()
    """Directorships and family or associate ties of the entity with a sanctioned actor
    (labels), shown as context and never counted."""
    path_count: int = 0
    """How many paths from sanctioned owners reach the entity (``paths`` shows the largest;
    counting stops at a billion)."""


@dataclass(frozen=True, slots=True)
class ExposureReport:
    """The answer of :func:`exposure`."""

    imposer: str | None
    threshold: float
    as_of: str
    rule: str
    exposed: tuple[Exposure, ...]
    possibly_exposed: tuple[Exposure, ...]
    cut_paths: int
    """Paths inside large cycles not followed further (see the module docstring)."""
    undated: int = 0
    """With ``as_of``: how many sanctions were left out for having no date."""


# --- reading the graph ---------------------------------------------------------------------


def _covers(start: str | None, end: str | None, day: str) -> bool:
    return (start is None or first_day(start) <= day) and (end is None or last_day(end) >= day)


def _links(G: nx.MultiDiGraph, kind: str, day: str | None) -> list[tuple[str, dict]]:
    rel = prefix(NodeType.RELATIONSHIP)
    return [(record_id(n), d) for n, d in G.nodes(data=True)
            if n.startswith(rel) and d["kind"] == kind
            and (day is None or _covers(d["start_date"], d["end_date"], day))]


def _holding(G: nx.MultiDiGraph, rid: str, d: dict, depth: int = 1) -> Holding:
    idx = index_of(G)
    return Holding(rid, d["subject"], actor_name(idx, d["subject"]), d["object"],
                   actor_name(idx, d["object"]), d["share"], d["start_date"], d["end_date"],
                   tuple(d["sources"]), depth)


def _ownership_graph(G: nx.MultiDiGraph, day: str) -> Owned:
    """owner -> asset -> (share or None, relationship ids) for the links covering ``day``:
    the largest known share of the pair's records (None only when no record gives one)."""
    out: Owned = defaultdict(dict)
    for rid, d in _links(G, RelationKind.OWNERSHIP, day):
        have = out[d["subject"]].get(d["object"])
        share: float | None = d["share"]
        if have is not None:
            known = [s for s in (have[0], share) if s is not None]
            share = max(known) if known else None
            ids = [*have[1], rid]
        else:
            ids = [rid]
        out[d["subject"]][d["object"]] = (share, ids)
    return out


def _sanctioned(G: nx.MultiDiGraph, dated: bool) -> dict[str, dict[str, list[str]]]:
    """imposer -> sanctioned actor -> the sources of its sanctions in force (on the day, when
    ``dated``: G is then the graph of that day)."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    sanction = prefix(NodeType.SANCTION)
    statuses = COUNTS_AS_OF if dated else IN_FORCE  # dated: G is already that day's graph
    for n, d in G.nodes(data=True):
        if not n.startswith(sanction) or d["status"] not in statuses:
            continue
        for imp in d["imposers"]:
            for t in d["targets"]:
                out[imp][t].extend(d["sources"])
    return out


# --- exposure ------------------------------------------------------------------------------


def exposure(G: nx.MultiDiGraph, *, imposer: str | None = None, threshold: float = 50.0,
             as_of: str | None = None, rule: str = "multiply", paths: int = PATHS,
             today: str | None = None) -> ExposureReport:
    """Entities not sanctioned by ``imposer`` (each imposer, when None) but owned at least
    ``threshold`` percent in aggregate, directly or through chains, by actors it sanctions;
    see the module docstring for the rule, how chains, cycles, unknown shares and dates are
    counted, and its limits (a legal judgement this tool does not make).

    ``imposer``: an actor id, name or alias (``us``, ``EU``); ``threshold``: percent, in
    (0, 100]; ``as_of``: a date (``YYYY[-MM[-DD]]``, default ``today``, else the clock);
    ``rule``: ``multiply`` (shares multiply along a path) or ``cascade`` (an entity at the
    threshold counts as sanctioned for its own holdings). Rows are sorted by share, largest
    first, then id.

    ``paths``: how many paths explain an exposed row (the largest first, then one through a
    link of unknown share; at least 1); :attr:`Exposure.path_count` says how many there are.

    Raises UsageError for a bad threshold, date, rule or paths; ResolveError for an unknown
    imposer.
    """
    require_kg_graph(G)
    if paths < 1:
        raise UsageError(f"--paths must be at least 1, not {paths}")
    if not 0 < threshold <= 100:
        raise UsageError(f"--threshold must be in (0, 100], not {threshold:g}")
    if rule not in RULES:
        raise UsageError(f"unknown rule {rule!r}; use one of {', '.join(RULES)}")
    dated = as_of is not None
    day = first_day(check_bound(as_of, "as-of") or today_iso(today))
    undated = 0
    if as_of is not None:  # the graph of that day: the sanctions in force by the one rule
        view = graph_as_of(G, as_of)
        G, undated = view.graph, len(view.undated_sanctions)
    want = resolve_actor(G, imposer) if imposer is not None else None
    owned = _ownership_graph(G, day)
    back = owners_of(owned)
    listed = _sanctioned(G, dated)
    per_entity: dict[str, list[tuple[str, Flow]]] = defaultdict(list)
    cut = 0
    for imp in sorted(listed):
        if want is not None and imp != want:
            continue
        flows, taken = rounds(owned, set(listed[imp]), threshold, rule == "cascade")
        cut += max(f.cut for f in flows)
        for entity, i in taken.items():
            per_entity[entity].append((imp, flows[i]))
    ties = _ties(G)
    exposed: list[Exposure] = []
    possibly: list[Exposure] = []
    words = _Words(G, owned)
    for entity, found in per_entity.items():
        row = _row(words, entity, found, threshold, listed, back, ties, paths)
        if row is not None:
            (possibly if row.possibly else exposed).append(row)
    exposed.sort(key=lambda e: (-e.share, e.entity))
    possibly.sort(key=lambda e: (-e.share, e.entity))
    return ExposureReport(want, threshold, day, rule, tuple(exposed), tuple(possibly), cut,
                          undated)


class _Words:
    """Names, link texts and link sources, each looked up once per :func:`exposure`."""

    def __init__(self, G: nx.MultiDiGraph, owned: Owned) -> None:
        self.G, self.idx, self.owned = G, index_of(G), owned
        self.names: dict[str, str] = {}
        self.links: dict[tuple[str, str], tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
        self.paths: dict[tuple[str, ...], tuple[str, tuple[str, ...], tuple[str, ...]]] = {}

    def name(self, actor: str) -> str:
        got = self.names.get(actor)
        if got is None:
            got = self.names[actor] = actor_name(self.idx, actor)
        return got

    def path(self, actors: tuple[str, ...]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """(``"X -60%-> B Ltd -60%-> C Ltd"``, record ids, sources) of a path; kept per
        path, and built on the path one link shorter (paths share their beginnings)."""
        n = len(actors)
        while n > 1 and actors[:n] not in self.paths:
            n -= 1
        got = self.paths.get(actors[:n]) or (self.name(actors[0]), (), ())
        for i in range(n, len(actors)):
            t, ids, more = self.link(actors[i - 1], actors[i])
            got = self.paths[actors[:i + 1]] = (f"{got[0]} {t}", got[1] + ids,
                                                tuple(dict.fromkeys(got[2] + more)))
        return got

    def link(self, a: str, b: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """(``"-60%-> B Ltd"``, the pair's record ids, their sources)."""
        got = self.links.get((a, b))
        if got is None:
            s, ids = self.owned[a][b]
            rel = prefix(NodeType.RELATIONSHIP)
            got = self.links[(a, b)] = (
                f"-{'?' if s is None else f'{s:g}'}%-> {self.name(b)}", tuple(ids),
                tuple(dict.fromkeys(x for r in ids for x in self.G.nodes[rel + r]["sources"])))
        return got


def _row(words: _Words, entity: str, found: list[tuple[str, Flow]], threshold: float,
         listed: dict[str, dict[str, list[str]]], back: Owners,
         ties: dict[str, list[tuple[str, str]]], k: int) -> Exposure | None:
    hits = [(imp, f) for imp, f in found if f.known[entity] >= threshold - 1e-9]
    possibly = not hits
    if possibly:
        hits = [(imp, f) for imp, f in found if entity in f.unknown]
        if not hits:
            return None
    share = max(f.known[entity] for _, f in hits)
    found_paths: dict[tuple[str, ...], tuple[float | None, str]] = {}
    for imp, f in hits:
        for actors, s in explain(f, words.owned, back, entity, k, quick=possibly):
            found_paths.setdefault(actors, (s, imp))
    ranked = sorted(found_paths.items(), key=lambda p: (p[1][0] is None, -(p[1][0] or 0)))
    paths: list[OwnershipPath] = []
    sources: dict[str, None] = {}
    for actors, (s, imp) in ranked:
        text, rels, srcs = words.path(actors)
        sources.update(dict.fromkeys(srcs))
        paths.append(OwnershipPath(actors, rels, s, text))
        sources.update(dict.fromkeys(listed[imp].get(actors[0], ())))
    owners = tuple(dict.fromkeys(p.actors[0] for p in paths))
    return Exposure(entity, words.name(entity), round(share, 6),
                    tuple(imp for imp, _ in hits), owners, tuple(paths),
                    tuple(sources), possibly,
                    tuple(sorted({label for other, label in ties.get(entity, ())
                                  if any(other in listed[imp] for imp, _ in hits)})),
                    max(f.paths[entity] for _, f in hits))


def _ties(G: nx.MultiDiGraph) -> dict[str, list[tuple[str, str]]]:
    """actor -> (the other actor, label) of its directorships, family and associate ties."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    rel = prefix(NodeType.RELATIONSHIP)
    for n, d in G.nodes(data=True):
        if n.startswith(rel) and d["kind"] != RelationKind.OWNERSHIP:
            out[d["subject"]].append((d["object"], d["label"]))
            out[d["object"]].append((d["subject"], d["label"]))
    return out


# --- the ownership tree --------------------------------------------------------------------


def owners(G: nx.MultiDiGraph, entity: str, *, as_of: str | None = None,
           depth: int = MAX_DEPTH) -> list[Holding]:
    """Who owns ``entity`` (an actor id, name or alias), directly and up the chain: one
    :class:`Holding` per ownership record, breadth first, with its ``depth`` (1 for direct
    owners). ``as_of`` keeps the records covering that day; without it every record,
    whatever its dates. An actor met twice (a cycle) is not climbed again.

    Raises ResolveError for an unknown entity; UsageError for a bad date or depth.
    """
    return _tree(G, entity, as_of=as_of, depth=depth, up=True)


def holdings(G: nx.MultiDiGraph, actor: str, *, as_of: str | None = None,
             depth: int = MAX_DEPTH) -> list[Holding]:
    """What ``actor`` owns, directly and down the chain; as :func:`owners`, the other way."""
    return _tree(G, actor, as_of=as_of, depth=depth, up=False)


def _tree(G: nx.MultiDiGraph, name: str, *, as_of: str | None, depth: int,
          up: bool) -> list[Holding]:
    require_kg_graph(G)
    if depth < 1:
        raise UsageError(f"--depth must be at least 1, not {depth}")
    start = resolve_actor(G, name)
    day = first_day(check_bound(as_of, "as-of")) if as_of is not None else None
    by_end: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for rid, d in _links(G, RelationKind.OWNERSHIP, day):
        by_end[d["object" if up else "subject"]].append((rid, d))
    out: list[Holding] = []
    seen, frontier = {start}, [start]
    for level in range(1, depth + 1):
        nxt: list[str] = []
        for node in frontier:
            for rid, d in sorted(by_end.get(node, []), key=lambda x: x[0]):
                out.append(_holding(G, rid, d, level))
                other = d["subject" if up else "object"]
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    return out
