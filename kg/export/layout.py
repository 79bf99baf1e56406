"""Node positions for the browser view, computed in Python so the page opens with physics off.

Small graphs get a distance-faithful layout (stress majorization up to :data:`KK_LIMIT`
nodes, then Fruchterman-Reingold), one connected component at a time, the components packed
in rows so isolated pieces do not drift off-screen. Large graphs (past :data:`FORCE_LIMIT`
nodes) would take minutes that way, so only their best-connected "core" gets a force layout
and every other node is set on a small sunflower spiral around its best-connected placed
neighbour: linear time, and hubs with their satellites stay readable.

Only numpy is needed (a declared dependency). networkx's ``kamada_kawai_layout`` and its
``spring_layout`` on 500 nodes or more need scipy; this module never calls them, so the
browser view works with ``pip install sanctions-kg`` alone. Stress majorization is the
optimisation Kamada-Kawai approximates (Gansner, Koren & North, "Graph drawing by stress
majorization", 2004), written here in numpy in a few lines instead of pulling scipy's
optimiser (tens of MB) into every install.

>>> import networkx as nx
>>> pos = layout(nx.path_graph(3))
>>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
True
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np

__all__ = ["FORCE_LIMIT", "KK_LIMIT", "layout"]

KK_LIMIT = 200
"""Largest component laid out by stress majorization (cubic time, but the tidiest drawings)."""
DENSE_LIMIT = 499
"""Largest component given to networkx's dense (numpy-only) Fruchterman-Reingold; networkx
switches to a scipy solver at 500 nodes, so bigger components get the core-and-satellites
layout instead."""
FORCE_LIMIT = 600
"""Largest graph laid out entirely by forces; past it, the core-and-satellites layout."""
CORE_SIZE = 250
"""How many best-connected nodes a large graph's force-laid core holds."""
EDGE_PX = 170.0
"""Rough length of an edge on screen, in vis-network pixels at zoom 1."""
NODE_GAP = 42.0
"""Least distance between two nodes' centres after layout, in pixels at zoom 1 (shapes are
about 25 px across)."""
_GOLDEN = math.pi * (3 - math.sqrt(5))

Pos = dict[Hashable, tuple[float, float]]


def _component_layout(C: nx.Graph, seed: int) -> Pos:
    n = C.number_of_nodes()
    if n == 1:
        return {next(iter(C)): (0.0, 0.0)}
    if n == 2:
        a, b = list(C)
        return {a: (-EDGE_PX / 2, 0.0), b: (EDGE_PX / 2, 0.0)}
    if n <= KK_LIMIT:
        raw = _stress_layout(C, seed)
    elif n <= DENSE_LIMIT:
        raw = nx.spring_layout(C, seed=seed, iterations=60)
    else:
        return _satellites(C, seed)
    # Scale so the mean edge is about EDGE_PX long, whatever the layout's own units.
    lengths = [math.dist(raw[u], raw[v]) for u, v in C.edges() if u != v]
    mean = sum(lengths) / len(lengths) if lengths else 1.0
    k = EDGE_PX / (mean or 1.0)
    return _apart({v: (float(x) * k, float(y) * k) for v, (x, y) in raw.items()})


def _apart(pos: Pos, gap: float = NODE_GAP, rounds: int = 60) -> Pos:
    """``pos`` with nodes closer than ``gap`` pixels pushed apart (each of a too-close pair
    moves half the shortfall, along the line between them, for up to ``rounds`` rounds: a
    crowded large component may keep a few closer pairs), so shapes do not
    sit on each other where a hub's neighbours crowd; the layout's shape is kept."""
    nodes = list(pos)
    if len(nodes) < 2:
        return pos
    X = np.array([pos[v] for v in nodes], dtype=float)
    jitter = np.random.default_rng(0).normal(scale=1e-3, size=X.shape)
    X = X + jitter  # two nodes at one point still have a direction to part along
    for _ in range(rounds):
        diff = X[:, None, :] - X[None, :, :]
        dist = np.sqrt((diff**2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        short = np.clip(gap - dist, 0.0, None)
        if not short.any():
            break
        push = (short / np.maximum(dist, 1e-9) / 2)[:, :, None] * diff
        X = X + push.sum(axis=1) / np.maximum((short > 0).sum(axis=1), 1)[:, None]
    return {v: (float(X[i, 0]), float(X[i, 1])) for i, v in enumerate(nodes)}


def _stress_layout(C: nx.Graph, seed: int, iterations: int = 300) -> Pos:
    """Stress majorization of a connected graph: screen distances follow hop distances.

    Starts from classical MDS of the hop-distance matrix (plus a small seeded jitter so
    symmetric nodes do not coincide), then applies the localized SMACOF update with weights
    ``d**-2`` until the layout stops moving. Units are hops; the caller rescales.
    """
    nodes = list(C)
    index = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    D = np.zeros((n, n))
    for u, dists in nx.all_pairs_shortest_path_length(C):
        for v, d in dists.items():
            D[index[u], index[v]] = d
    # Classical MDS: the top two eigenvectors of the double-centred squared distances.
    J = np.eye(n) - 1.0 / n
    B = -0.5 * J @ (D**2) @ J
    vals, vecs = np.linalg.eigh(B)
    X = vecs[:, -2:] * np.sqrt(np.maximum(vals[-2:], 1e-9))
    X = X + np.random.default_rng(seed).normal(scale=0.05, size=X.shape)
    W = np.zeros_like(D)
    off = D > 0
    W[off] = D[off] ** -2.0
    wsum = W.sum(axis=1)[:, None]
    for _ in range(iterations):
        diff = X[:, None, :] - X[None, :, :]
        dist = np.sqrt((diff**2).sum(axis=2))
        np.fill_diagonal(dist, 1.0)
        dist = np.maximum(dist, 1e-9)
        pull = (W * D / dist)[:, :, None] * diff
        new = ((W[:, :, None] * X[None, :, :]).sum(axis=1) + pull.sum(axis=1)) / wsum
        moved = float(np.abs(new - X).max())
        X = new
        if moved < 1e-4:
            break
    return {v: (float(X[i, 0]), float(X[i, 1])) for v, i in index.items()}


def _pack(parts: list[Pos], gap: float = EDGE_PX * 0.8) -> Pos:
    """Place laid-out components left to right in rows, biggest first, centred at 0."""
    boxes = []
    for p in parts:
        xs = [x for x, _ in p.values()]
        ys = [y for _, y in p.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys), p))
    total = sum((w + gap) * (h + gap) for _, _, w, h, _ in boxes)
    row_width = max(max((w for _, _, w, _, _ in boxes), default=0.0), math.sqrt(total) * 1.6)
    out: Pos = {}
    x = y = row_h = 0.0
    for x0, y0, w, h, p in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        for v, (px, py) in p.items():
            out[v] = (px - x0 + x, py - y0 + y)
        x += w + gap
        row_h = max(row_h, h)
    if out:
        cx = (min(a for a, _ in out.values()) + max(a for a, _ in out.values())) / 2
        cy = (min(b for _, b in out.values()) + max(b for _, b in out.values())) / 2
        out = {v: (a - cx, b - cy) for v, (a, b) in out.items()}
    return out


def _sub(G: nx.Graph, nodes: Iterable[Hashable], rank: dict[Hashable, int]) -> nx.Graph:
    """The subgraph of ``G`` on ``nodes``, its nodes in ``G``'s order (``rank``: node ->
    its place in ``G``). ``G.subgraph`` of a set may iterate in the set's order, which
    changes with each run's string hashing (PYTHONHASHSEED); the seeded layouts depend on
    node order, so the same data was drawn differently by each run."""
    H = nx.Graph()
    H.add_nodes_from(sorted(nodes, key=rank.__getitem__))
    H.add_edges_from((u, v) for u, v in G.edges(list(H)) if v in H)
    return H


def _rank(G: nx.Graph) -> dict[Hashable, int]:
    return {v: i for i, v in enumerate(G)}


def _satellites(G: nx.Graph, seed: int) -> Pos:
    deg = dict(G.degree())
    core = sorted(G, key=lambda v: (-deg[v], str(v)))[:CORE_SIZE]
    spread = EDGE_PX * math.sqrt(G.number_of_nodes()) * 0.9
    raw = nx.spring_layout(_sub(G, core, _rank(G)), seed=seed, iterations=80, scale=spread)
    pos: Pos = {v: (float(x), float(y)) for v, (x, y) in raw.items()}
    ring: dict[Hashable, int] = {}
    frontier = list(core)
    while frontier:
        nxt = []
        for hub in frontier:
            hx, hy = pos[hub]
            for v in sorted(G[hub], key=lambda u: (-deg[u], str(u))):
                if v in pos:
                    continue
                j = ring.get(hub, 0)
                ring[hub] = j + 1
                r = EDGE_PX * 0.45 + 26.0 * math.sqrt(j + 1)
                pos[v] = (hx + r * math.cos(j * _GOLDEN), hy + r * math.sin(j * _GOLDEN))
                nxt.append(v)
        frontier = nxt
    rest = [v for v in G if v not in pos]
    if rest:
        # Pieces not connected to the core: small components, packed below it.
        rank = _rank(G)
        R = _sub(G, rest, rank)
        extra = _pack([_component_layout(_sub(R, c, rank), seed) for c in
                       sorted(nx.connected_components(R), key=len, reverse=True)])
        bottom = max(y for _, y in pos.values()) + EDGE_PX * 2
        top = min(y for _, y in extra.values())
        pos.update({v: (x, y - top + bottom) for v, (x, y) in extra.items()})
    return pos


def layout(G: nx.Graph, *, seed: int = 7) -> Pos:
    """Positions (in screen pixels at zoom 1) for every node of ``G``; deterministic."""
    U = nx.Graph(G)  # undirected, simple: direction and parallel edges do not matter here
    if U.number_of_nodes() == 0:
        return {}
    if U.number_of_nodes() > FORCE_LIMIT:
        return _satellites(U, seed)
    comps = sorted(nx.connected_components(U), key=lambda c: (-len(c), sorted(map(str, c))))
    rank = _rank(U)
    return _pack([_component_layout(_sub(U, c, rank), seed) for c in comps])
