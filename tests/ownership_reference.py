"""The exposure arithmetic done the slow way, path by path: the oracle the one-pass
computation (kg.query.ownership_flow) is tested against, and the baseline of
benchmarks/exposure.py. This is the enumeration kg used before; by default without its depth
and small-share cut-offs (so it is exact, and exponential), with them (``min_share=1e-4,
max_depth=12``) exactly the old computation."""

from __future__ import annotations

from dataclasses import dataclass, field

Owned = dict[str, dict[str, tuple[float | None, list[str]]]]


@dataclass
class Reach:
    share: float = 0.0
    unknown: bool = False
    paths: list[tuple[tuple[str, ...], float | None]] = field(default_factory=list)


def reach(owned: Owned, roots: set[str], threshold: float = 50.0, cascade: bool = False,
          min_share: float = 0.0, max_depth: int | None = None) -> dict[str, Reach]:
    """Every unsanctioned actor reachable from ``roots``, its aggregate share, whether a path
    with a link of unknown share reaches it, and every path (actors, share or None)."""
    out: dict[str, Reach] = {}
    for root in sorted(roots):
        stack: list[tuple[str, tuple[str, ...], float | None]] = [(root, (root,), 100.0)]
        while stack:
            node, actors, share = stack.pop()
            for asset, (s, _) in owned.get(node, {}).items():
                if asset in actors or asset in roots:
                    continue
                new = None if share is None or s is None else share * s / 100
                r = out.setdefault(asset, Reach())
                r.paths.append(((*actors, asset), new))
                if new is None:
                    r.unknown = True
                else:
                    r.share += new
                if (new is not None and new < min_share) or (
                        max_depth is not None and len(actors) + 1 > max_depth):
                    continue
                stack.append((asset, (*actors, asset), new))
    if not cascade:
        return out
    caught = {e: r for e, r in out.items() if r.share >= threshold - 1e-9}
    if not caught:
        return out
    return {**reach(owned, roots | set(caught), threshold, cascade, min_share, max_depth),
            **caught}
