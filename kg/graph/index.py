"""Indexes kept beside a built graph, so queries cost the size of their answer.

An :class:`Index` is built once per graph (lazily) and answers "which actors belong to
this state", "which blocs is this actor in", "which sanctions fall in this date range" and
"which actors could this name mean" (the name matcher of :mod:`kg.resolve.match`) without
scanning the graph. It is kept in the graph's own networkx cache, which networkx empties
whenever a node or edge is added or removed, so a changed graph is indexed afresh.

Names resolve in two steps (:func:`resolve_name`): the exact lookup first (id, name, alias,
country name or code, seat of government; unchanged), then the matcher, which answers only
when one candidate is clearly ahead (:func:`kg.resolve.choose.decide`).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import networkx as nx

from kg.errors import ResolveError
from kg.graph._nx import cache_get, cache_set, storage
from kg.graph.matches import ActorMatch, with_imposers, with_place
from kg.graph.schema import NodeType, node_id, prefix, record_id, require_kg_graph
from kg.model.dates import overlaps, text_window
from kg.model.records import Actor
from kg.resolve.choose import UnclearName, decide
from kg.resolve.match import ActorNames, Candidate, NameIndex
from kg.resolve.resolver import Resolver, country_code, name_index

__all__ = ["ActorMatch", "Index", "Resolution", "index_of", "resolve_actor", "resolve_name",
           "search_actors"]


class Index:
    """Lookups over one graph. Get it with :func:`index_of`, not by constructing it."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        #: Reads the name-search index stored with a saved graph (set by
        #: :func:`kg.graph.store.read_graph`); None: :attr:`names` builds it.
        self.stored_names: Callable[[], NameIndex] | None = None

    def __getstate__(self) -> dict[str, Any]:
        # Pickled (with a pickled graph's cache) without its lookups: they are rebuilt.
        return {"G": self.G, "stored_names": None}

    @cached_property
    def actors(self) -> dict[str, dict]:
        """Actor id -> node attributes."""
        actor, cut = NodeType.ACTOR, len(prefix(NodeType.ACTOR))  # record_id, inlined
        return {n[cut:]: d for n, d in self.G.nodes(data=True) if d.get("type") == actor}

    @cached_property
    def by_country(self) -> dict[str, list[str]]:
        """Country code -> the ids of the actors whose ``country`` it is (a state's own id
        among them when its country is itself), in graph order."""
        out: dict[str, list[str]] = defaultdict(list)
        for aid, d in self.actors.items():
            if d.get("country"):
                out[d["country"]].append(aid)
        return dict(out)

    @cached_property
    def resolver(self) -> Resolver:
        """A :class:`~kg.resolve.resolver.Resolver` over the graph's actors."""
        actors = []
        for aid, d in self.actors.items():
            # Every field given: model_construct is 3x slower when it fills in defaults.
            actors.append(Actor.model_construct(
                id=aid, name=d.get("label") or aid, kind=d.get("kind"),
                aliases=list(d.get("aliases") or []), weak_aliases=[],
                country=d.get("country"),
                member_of=[], part_of=None, count=None, description=None, wikidata_id=None,
                position=None, identifiers={}, birth_dates=[], nationalities=[], merged_from=[],
                sources=[], draft=False))
        return Resolver(actors)

    @cached_property
    def name_keys(self) -> dict[str, set[str]]:
        """The resolver's lookup table (:func:`~kg.resolve.resolver.name_index`):
        normalised name -> actor ids, made without making the resolver's actors."""
        return name_index(((aid, d.get("label") or aid, d.get("aliases") or ())
                           for aid, d in self.actors.items()), self.actors)[0]

    @cached_property
    def names(self) -> NameIndex:
        """The name matcher's index (:class:`~kg.resolve.match.NameIndex`) over every
        actor's name and aliases, and its ``weak_aliases`` when the graph's actors carry
        them (weak aliases match with a lower score)."""
        return NameIndex(ActorNames(aid, d.get("label") or aid, d.get("aliases") or (),
                                    d.get("kind"), d.get("country"),
                                    d.get("weak_aliases") or ())
                         for aid, d in self.actors.items()) \
            if self.stored_names is None else self.stored_names()

    def imposers_of(self, actor_id: str) -> list[str]:
        """Ids of the imposers of every sanction that targets ``actor_id``, sorted."""
        node = node_id(NodeType.ACTOR, actor_id)
        nodes, _, pred = storage(self.G)
        found: set[str] = set()
        for u, keys in pred.get(node, {}).items():
            if "TARGETS" in keys:
                found.update(nodes[u].get("imposers") or ())
        return sorted(found)

    @cached_property
    def _actor_links(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        # (bloc -> members, parent -> parts) from the MEMBER_OF and PART_OF edges, found
        # from the actors' own out-edges rather than a scan of every edge in the graph.
        members: dict[str, list[str]] = defaultdict(list)
        children: dict[str, list[str]] = defaultdict(list)
        succ = storage(self.G)[1]
        actor = prefix(NodeType.ACTOR)
        for aid in self.actors:
            for v, keys in succ[actor + aid].items():
                if "MEMBER_OF" in keys:
                    members[record_id(v)].append(aid)
                if "PART_OF" in keys:
                    children[record_id(v)].append(aid)
        return members, children

    @cached_property
    def members(self) -> dict[str, list[str]]:
        """Bloc id -> ids of its member actors."""
        return {k: sorted(v) for k, v in self._actor_links[0].items()}

    @cached_property
    def blocs_of(self) -> dict[str, list[str]]:
        """Actor id -> ids of the blocs it is a member of."""
        out: dict[str, list[str]] = defaultdict(list)
        for bloc, members in self.members.items():
            for m in members:
                out[m].append(bloc)
        return dict(out)

    @cached_property
    def _belongs(self) -> dict[str, list[tuple[str, str]]]:
        # State (or any actor) id -> [(actor id, how)] for actors that belong to it:
        # part of it (transitively) or of its nationality.
        children = self._actor_links[1]
        out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for parent in list(children):
            stack, seen = list(children[parent]), {parent}
            while stack:
                c = stack.pop()
                if c in seen:
                    continue
                seen.add(c)
                out[parent].append((c, "part_of"))
                stack += children.get(c, [])
        listed = {parent: {c for c, _ in found} for parent, found in out.items()}
        for aid, d in self.actors.items():
            country = d.get("country")
            if country and country != aid:  # the country need not be an actor itself
                seen = listed.setdefault(country, set())
                if aid not in seen:  # not already there as part of it
                    seen.add(aid)
                    out[country].append((aid, "country"))
        return dict(out)

    def belonging_to(self, actor_id: str) -> list[tuple[str, str]]:
        """Actors that belong to ``actor_id`` (its officials, bodies, nationals), with how."""
        return self._belongs.get(actor_id, [])

    def polity(self, actor_id: str) -> str:
        """The state or bloc an actor stands for: itself for a state or bloc, else its
        country (if that is an actor) or the root of its ``part_of`` chain."""
        d = self.actors.get(actor_id, {})
        if d.get("kind") in ("state", "bloc"):
            return actor_id
        country = d.get("country")
        if country and country in self.actors:
            return str(country)
        seen = {actor_id}
        node = node_id(NodeType.ACTOR, actor_id)
        while True:
            parents = [v for _, v, k in self.G.out_edges(node, keys=True) if k == "PART_OF"]
            if not parents or record_id(parents[0]) in seen:
                return record_id(node)
            node = parents[0]
            seen.add(record_id(node))

    @cached_property
    def _by_date(self) -> tuple[list[str], list[str]]:
        pairs = sorted((d["date"], n) for n, d in self.G.nodes(data=True)
                       if d.get("type") == "sanction" and d.get("date"))
        return [p[0] for p in pairs], [p[1] for p in pairs]

    def sanctions_between(self, since: str | None, until: str | None) -> list[str]:
        """Sanction node ids dated within [since, until] (partial dates overlap-match, as
        :func:`kg.model.dates.overlaps`)."""
        dates, nodes = self._by_date
        first, last = text_window(since, until)
        lo = bisect.bisect_left(dates, first) if first else 0
        hi = bisect.bisect_right(dates, last) if last else len(dates)
        return [n for d, n in zip(dates[lo:hi], nodes[lo:hi], strict=True)
                if overlaps(d, since, until)]


_CACHE_KEY = "kg.index"


def index_of(G: nx.MultiDiGraph) -> Index:
    """The :class:`Index` of a graph, built on first use and kept in the graph's networkx
    cache until a node or edge is added or removed.

    Changing node attributes in place (an actor's ``country``, a sanction's ``date``) does
    not reach the cache: call ``G.__networkx_cache__.clear()`` after doing that to a graph
    that has been queried.
    """
    idx = cache_get(G, _CACHE_KEY)
    if idx is None:
        idx = Index(G)
        cache_set(G, _CACHE_KEY, idx)
    return idx


@dataclass(frozen=True, slots=True)
class Resolution:
    """Which actor a name was taken to mean, and why: ``how`` is ``exact`` for the exact
    lookup (id, name, alias, country, seat of government) or one of
    :data:`kg.resolve.match.HOWS` when the matcher chose; ``matched`` is the name or alias
    that matched, ``score`` in [0, 1], ``reason`` a sentence for the user."""

    id: str
    name: str
    how: str
    matched: str
    score: float
    reason: str

    @property
    def exact(self) -> bool:
        """Whether the exact lookup found it (nothing worth telling the user)."""
        return self.how == "exact" and self.score == 1.0


def resolve_name(G: nx.MultiDiGraph, name: str) -> Resolution:
    """The actor ``name`` means in ``G``, with how it was found.

    The exact lookup comes first and answers as it always has (an exactly ambiguous name is a
    :class:`~kg.errors.ResolveError` listing the ids). A country with no actor of its own
    still answers for its nationals: on imported lists "Russia" means every actor whose
    ``country`` is ``ru``. Then the name matcher: its best candidate is taken only when
    :func:`kg.resolve.choose.decide` finds it clearly ahead (score >= 0.70, 0.10 ahead of
    the next, a person only by surname, more than one inexact word); otherwise
    :class:`~kg.resolve.choose.UnclearName` lists the close candidates, or, with none, the
    exact lookup's "no actor is called ..." error stands.
    """
    require_kg_graph(G)
    idx = index_of(G)
    for aid in (name, name.strip().lower()):  # an id wins (Resolver.candidates), and needs
        if aid in idx.actors:                 # no resolver: a million-actor one costs seconds
            return Resolution(aid, idx.actors[aid].get("label") or aid, "exact", name, 1.0,
                              "exact id, name or alias")
    found = idx.resolver.candidates(name)
    if len(found) == 1:
        aid = found[0]
        return Resolution(aid, idx.actors[aid].get("label") or aid, "exact", name, 1.0,
                          "exact id, name or alias")
    if found:
        idx.resolver.resolve(name)  # raises the "ambiguous" error, as before
    code = country_code(name)
    if code and idx.belonging_to(code):
        return Resolution(code, code, "exact", name, 1.0, "a country's nationals")
    try:
        idx.resolver.resolve(name)
    except ResolveError as exc:
        not_found = exc
    decision = decide(idx.names.search(name, limit=10))
    c = decision.chose
    if c is not None:
        return Resolution(c.id, c.name, c.how, c.matched, c.score, decision.why)
    if decision.candidates:
        raise UnclearName(name, decision) from None
    raise not_found


def resolve_actor(G: nx.MultiDiGraph, name: str) -> str:
    """The id of the actor ``name`` means in ``G``: :func:`resolve_name`'s, without the
    why. Raises :class:`~kg.errors.ResolveError` (exit 2) for no actor or several."""
    return resolve_name(G, name).id


def search_actors(G: nx.MultiDiGraph, query: str, *, kind: str | None = None,
                  country: str | None = None, limit: int | None = 10,
                  floor: float = 0.3) -> list[ActorMatch]:
    """Actors of ``G`` that ``query`` may name, best first, scored in [0, 1] by
    :meth:`kg.resolve.match.NameIndex.search` (``kind``: an actor kind; ``country``: an ISO
    alpha-2 code; ``limit`` None for all above ``floor``). A country name, seat of
    government or demonym ("Beijing") also finds the state or bloc it stands for
    (:func:`kg.graph.matches.with_place`)."""
    require_kg_graph(G)
    idx = index_of(G)

    def row(c: Candidate) -> ActorMatch:
        # As who-sanctioned: sanctions on the actor and on the actors that belong to it.
        return with_imposers(c, idx.imposers_of(c.id),
                             ((a, i) for a, _ in idx.belonging_to(c.id)
                              for i in idx.imposers_of(a)),
                             lambda i: idx.actors.get(i, {}).get("label") or i)

    def place(code: str) -> ActorMatch | None:
        d = idx.actors.get(code)
        if d is None:
            return None
        return row(Candidate(code, d.get("label") or code, d.get("kind"), d.get("country"),
                             1.0, code, "exact"))

    out = [row(c) for c in idx.names.search(query, kind=kind, country=country, limit=limit,
                                            floor=floor)]
    return with_place(out, query, place, kind=kind, country=country, limit=limit)
