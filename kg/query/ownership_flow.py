"""The arithmetic behind :func:`kg.query.ownership.exposure`, in one pass over the graph.

An actor's *exposure* is the aggregate share sanctioned owners hold in it: the sum, over the
ownership paths from a sanctioned owner that visit no actor twice and pass through no other
sanctioned actor, of the product of the shares along each path. Summed path by path this is
exponential in the depth of the graph; it is computed here without listing a single path:

* the ownership links are cut into their strongly connected components (Tarjan), taken in
  topological order of the condensation (a DAG): an actor's exposure is known once every
  component that owns into its own is done;
* outside a cycle (a component of one actor) the exposure is the sum over its owners of the
  owner's exposure times the owner's share (a sanctioned owner counts 100%);
* **inside a cycle** (a component of several actors) the same rule as for whole paths holds:
  a share that comes back round the cycle is not counted again. For each actor where outside
  shares enter the component, the paths *inside the component* that visit no actor twice are
  followed (components are small in ownership data) and the entering share is carried along
  each; a component whose paths take more than :data:`CYCLE_STEPS` steps from one entry is
  not followed further, and the paths left are counted in ``cut`` (reported, never silent);
* a link of unknown share is never counted: an actor reached through one is flagged
  ``unknown`` instead (the sum of the known paths is kept beside it).

The explaining paths are produced afterwards, for the rows shown only, by a best-first search
from the entity back to the sanctioned owners (:func:`explain`), never by listing every path.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import count as counter

__all__ = [
    "COUNT_CAP",
    "CYCLE_STEPS",
    "EXPLAIN_STEPS",
    "Flow",
    "Owned",
    "explain",
    "flow",
    "owners_of",
    "rounds",
]

Owned = dict[str, dict[str, tuple[float | None, list[str]]]]
"""owner -> asset -> (share in percent or None, the ownership record ids of the pair)."""
Owners = dict[str, list[tuple[str, float | None, list[str]]]]
"""asset -> [(owner, share or None, record ids)], the reverse of :data:`Owned`."""

CYCLE_STEPS = 200_000
"""Steps of path-following allowed inside one cycle from one entry before the rest is cut."""
COUNT_CAP = 10**9
"""Path counts stop growing here (``path_count`` then means "at least this many")."""
EXPLAIN_STEPS = 20_000
"""Search steps allowed to explain one row (the paths found by then are shown)."""


@dataclass
class Flow:
    """Exposures for one set of sanctioned ``roots``."""

    roots: frozenset[str]
    known: dict[str, float] = field(default_factory=dict)
    """Reached actor (never a root) -> aggregate percent through links of known share."""
    best: dict[str, float] = field(default_factory=dict)
    """Reached actor -> the percent of its single largest path of known shares (0 if none)."""
    unknown: set[str] = field(default_factory=set)
    """Reached actors with a path through a link of unknown share."""
    paths: dict[str, int] = field(default_factory=dict)
    """Reached actor -> how many paths reach it (capped at :data:`COUNT_CAP`)."""
    cut: int = 0
    """Paths inside cycles not followed further (over :data:`CYCLE_STEPS`)."""
    via: dict[str, str] = field(default_factory=dict)
    """Reached actor -> one owner through which a path reaches it."""
    via_best: dict[str, str] = field(default_factory=dict)
    """Reached actor -> the owner on its largest path of known shares."""
    via_unknown: dict[str, tuple[str, bool]] = field(default_factory=dict)
    """Reached actor -> (owner, whether the owner's own link is of unknown share) on a path
    through a link of unknown share."""
    walked: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    """(actor, ``best``/``unknown``/``any``) -> the path :func:`_walk` found to it."""
    cycle: dict[str, str] = field(default_factory=dict)
    """Actor in a cycle (a component of several actors) -> the component's first actor."""


def owners_of(owned: Owned) -> Owners:
    """The reverse of ``owned``, each list sorted by owner id."""
    out: Owners = defaultdict(list)
    for owner in sorted(owned):
        for asset, (share, ids) in owned[owner].items():
            out[asset].append((owner, share, ids))
    return out


def flow(owned: Owned, roots: set[str] | frozenset[str]) -> Flow:
    """The exposure of every actor reachable from ``roots`` (see the module docstring)."""
    fl = Flow(frozenset(roots))
    reached = _reachable(owned, fl.roots)
    k_in: dict[str, float] = defaultdict(float)
    b_in: dict[str, float] = defaultdict(float)
    u_in: set[str] = set()
    c_in: dict[str, int] = defaultdict(int)
    for r in sorted(fl.roots):
        _push(owned, fl, r, 100.0, 100.0, False, 1, k_in, b_in, u_in, c_in)
    for comp in _components(owned, reached, fl.roots):
        if len(comp) == 1:
            v = comp[0]
            fl.known[v], fl.best[v], fl.paths[v] = k_in[v], b_in[v], min(c_in[v], COUNT_CAP)
            if v in u_in:
                fl.unknown.add(v)
        else:
            _inside(owned, fl, comp, k_in, b_in, u_in, c_in)
        for v in comp:
            _push(owned, fl, v, fl.known[v], fl.best[v], v in fl.unknown, fl.paths[v],
                  k_in, b_in, u_in, c_in, skip=set(comp))
    return fl


def _push(owned: Owned, fl: Flow, v: str, known: float, best: float, unknown: bool,
          paths: int, k_in: dict[str, float], b_in: dict[str, float], u_in: set[str],
          c_in: dict[str, int], skip: set[str] | None = None) -> None:
    """Carry ``v``'s exposure into its holdings outside its own component."""
    for asset, (s, _) in owned.get(v, {}).items():
        if asset in fl.roots or asset == v or (skip is not None and asset in skip):
            continue
        if s is None:
            if asset not in u_in:
                u_in.add(asset)
                fl.via_unknown[asset] = (v, True)
        else:
            k_in[asset] += known * s / 100
            if best * s / 100 > b_in[asset]:
                b_in[asset] = best * s / 100
                fl.via_best[asset] = v
            if unknown and asset not in u_in:
                u_in.add(asset)
                fl.via_unknown[asset] = (v, False)
        c_in[asset] += paths
        fl.via.setdefault(asset, v)


def _inside(owned: Owned, fl: Flow, comp: list[str], k_in: dict[str, float],
            b_in: dict[str, float], u_in: set[str], c_in: dict[str, int]) -> None:
    """A cycle: carry what enters at each actor along the paths inside the component that
    visit no actor twice."""
    members = set(comp)
    for v in comp:
        fl.cycle[v] = comp[0]
    for v in comp:
        fl.known[v], fl.best[v], fl.paths[v] = 0.0, 0.0, 0
    for entry in comp:
        if not c_in[entry]:
            continue
        # (actor, actors so far, product of known shares or None once a share is unknown)
        stack: list[tuple[str, frozenset[str], float | None]] = [
            (entry, frozenset((entry,)), 1.0)]
        steps = 0
        while stack:
            node, seen, prod = stack.pop()
            if prod is not None:
                fl.known[node] += k_in[entry] * prod
                fl.best[node] = max(fl.best[node], b_in[entry] * prod)
            if prod is None or entry in u_in:
                fl.unknown.add(node)
            fl.paths[node] = min(fl.paths[node] + c_in[entry], COUNT_CAP)
            for asset, (s, _) in owned.get(node, {}).items():
                if asset not in members or asset in seen or asset in fl.roots:
                    continue
                steps += 1
                if steps > CYCLE_STEPS:
                    fl.cut += 1
                    continue
                stack.append((asset, seen | {asset},
                              None if prod is None or s is None else prod * s / 100))


def _reachable(owned: Owned, roots: frozenset[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        for asset in owned.get(todo.pop(), {}):
            if asset not in seen and asset not in roots:
                seen.add(asset)
                todo.append(asset)
    return seen


def _components(owned: Owned, nodes: set[str], roots: frozenset[str]) -> list[list[str]]:
    """Strongly connected components of the links among ``nodes``, in topological order
    (owners' components first); iterative Tarjan, each component's actors sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    n = 0
    for start in sorted(nodes):
        if start in index:
            continue
        index[start] = low[start] = n
        n += 1
        stack.append(start)
        on.add(start)
        work = [(start, iter(owned.get(start, {})))]
        while work:
            v, it = work[-1]
            for w in it:
                if w not in nodes or w in roots:
                    continue
                if w not in index:
                    index[w] = low[w] = n
                    n += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(owned.get(w, {}))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    u = work[-1][0]
                    low[u] = min(low[u], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    out.append(sorted(comp))
    out.reverse()  # Tarjan emits a component after every component it owns into
    return out


def rounds(owned: Owned, roots: set[str], threshold: float,
           cascade: bool) -> tuple[list[Flow], dict[str, int]]:
    """The flows of one imposer and, for each reached actor, the index of the flow whose
    figures it takes. With ``cascade``, every actor at ``threshold`` or more joins the roots
    for the next round (as sanctioned, for what it owns) and keeps the figures of the round
    that caught it; rounds go on until no new actor is caught."""
    flows = [flow(owned, roots)]
    taken: dict[str, int] = {}
    caught_all: set[str] = set()
    while True:
        fl = flows[-1]
        caught = {v for v, s in fl.known.items() if s >= threshold - 1e-9}
        for v in caught:
            taken[v] = len(flows) - 1
        if not cascade or not caught:
            break
        caught_all |= caught
        flows.append(flow(owned, roots | caught_all))
    last = len(flows) - 1
    for v in flows[-1].known:
        taken.setdefault(v, last)
    return flows, taken


class _Step:
    """A path being grown back from the entity: ``node``, then ``rest`` towards it."""

    __slots__ = ("node", "rest")

    def __init__(self, node: str, rest: _Step | None) -> None:
        self.node, self.rest = node, rest

    def actors(self) -> tuple[str, ...]:
        out: list[str] = []
        step: _Step | None = self
        while step is not None:
            out.append(step.node)
            step = step.rest
        return tuple(out)


def _on(fl: Flow, step: _Step, actor: str) -> bool:
    """Whether ``actor`` is already on the path at ``step``: only an actor of the same cycle
    can be (a path leaves a component for good), so only that stretch is looked at."""
    if actor == step.node:  # an actor holding its own shares
        return True
    comp = fl.cycle.get(actor)
    if comp is None:
        return False
    at: _Step | None = step
    while at is not None and fl.cycle.get(at.node) == comp:
        if at.node == actor:
            return True
        at = at.rest
    return False


def _walk(fl: Flow, owned: Owned, entity: str, unknown: bool
          ) -> tuple[tuple[str, ...], float | None] | None:
    """The largest path of known shares (or, with ``unknown``, one path through a link of
    unknown share) by following the owners the flow noted; None when the path meets a cycle
    (where the largest path of an owner need not extend to its assets). Paths share their
    beginnings, so each actor's is kept (:attr:`Flow.walked`) and built on."""
    mode = "unknown" if unknown else "best"
    climb: list[tuple[str, str]] = []
    node, found = entity, None
    while True:
        found = fl.walked.get((node, mode))
        if found is not None or node in fl.roots:
            break
        if node in fl.cycle:
            return None
        climb.append((node, mode))
        if mode == "any":
            node = fl.via[node]
        elif mode == "unknown":
            node, any_path = fl.via_unknown[node]
            mode = "any" if any_path else "unknown"
        else:
            node = fl.via_best[node]
    path = found if found is not None else (node,)
    for step, how in reversed(climb):
        path = fl.walked[(step, how)] = (*path, step)
    return path, None if unknown else fl.best[entity]


def explain(fl: Flow, owned: Owned, owners: Owners, entity: str, k: int, *, quick: bool = False
            ) -> list[tuple[tuple[str, ...], float | None]]:
    """Up to ``k`` paths of known shares reaching ``entity``, largest share first, then one
    path through a link of unknown share if there is one: (actors from the sanctioned owner
    to the entity, percent or None). Best-first search back from the entity, guided by each
    owner's largest path (:attr:`Flow.best`), so that the first path found is the largest;
    at most :data:`EXPLAIN_STEPS` steps each. With ``quick``, only the largest path and the
    one through an unknown share, read off the owners the flow noted (no search at all
    outside cycles)."""
    if quick:
        wanted = [u for u, has in ((False, fl.best.get(entity, 0.0) > 0),
                                   (True, entity in fl.unknown)) if has]
        walked = [_walk(fl, owned, entity, u) for u in wanted]
        if None not in walked:
            return [w for w in walked if w is not None]
        k = 1
    out: list[tuple[tuple[str, ...], float | None]] = []
    tie = counter()
    heap: list[tuple[float, int, _Step, float]] = [
        (-fl.best.get(entity, 0.0), next(tie), _Step(entity, None), 1.0)]
    steps = 0
    while heap and len(out) < k and steps < EXPLAIN_STEPS:
        _, _, step, prod = heapq.heappop(heap)
        if step.node in fl.roots:
            out.append((step.actors(), 100 * prod))
            continue
        for owner, s, _ in owners.get(step.node, ()):
            steps += 1
            if s is None:
                continue
            if owner in fl.roots:
                bound = 100.0
            elif fl.best.get(owner, 0.0) > 0:
                bound = fl.best[owner]
            else:
                continue
            if _on(fl, step, owner):
                continue
            p = prod * s / 100
            heapq.heappush(heap, (-bound * p, next(tie), _Step(owner, step), p))
    if entity in fl.unknown:
        out.extend(_unknown_path(fl, owners, entity))
    return out


def _unknown_path(fl: Flow, owners: Owners, entity: str
                  ) -> list[tuple[tuple[str, ...], float | None]]:
    """One path through a link of unknown share, depth first, guided by :attr:`Flow.unknown`
    so that each step can still end in such a path (outside cycles it always does)."""
    stack: list[tuple[_Step, bool]] = [(_Step(entity, None), False)]
    steps = 0
    while stack and steps < EXPLAIN_STEPS:
        step, has = stack.pop()
        if step.node in fl.roots:
            return [(step.actors(), None)]
        for owner, s, _ in reversed(owners.get(step.node, ())):
            steps += 1
            now = has or s is None
            if owner in fl.roots:
                if now:
                    stack.append((_Step(owner, step), now))
            elif (owner in fl.known and (now or owner in fl.unknown)
                  and not _on(fl, step, owner)):
                stack.append((_Step(owner, step), now))
    return []
