"""The one-pass exposure (kg.query.ownership_flow) against path-by-path enumeration."""

from __future__ import annotations

import random

import pytest
from ownership_reference import Owned, reach

from kg.query.ownership_flow import explain, flow, owners_of, rounds


def _random_owned(rng: random.Random, n: int, edges: int) -> Owned:
    """Small graphs with cycles, self-holdings and unknown shares."""
    owned: Owned = {}
    for i in range(edges):
        a, b = rng.randrange(n), rng.randrange(n)
        share = None if rng.random() < 0.15 else float(rng.choice([5, 10, 25, 40, 50, 60, 100]))
        owned.setdefault(f"n{a}", {})[f"n{b}"] = (share, [f"r{i}"])
    return owned


@pytest.mark.parametrize("seed", range(60))
def test_one_pass_equals_every_path_summed(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(3, 9)
    owned = _random_owned(rng, n, rng.randint(2, 3 * n))
    roots = {f"n{i}" for i in rng.sample(range(n), k=rng.randint(1, 2))}
    for cascade in (False, True):
        want = reach(owned, roots, 30.0, cascade)
        flows, taken = rounds(owned, roots, 30.0, cascade)
        got = {v: flows[i] for v, i in taken.items()}
        assert set(got) == set(want)
        for v, r in want.items():
            assert got[v].known[v] == pytest.approx(r.share), (seed, cascade, v)
            assert (v in got[v].unknown) == r.unknown, (seed, cascade, v)
        if cascade:
            continue
        back = owners_of(owned)
        for v, r in want.items():
            assert flows[0].paths[v] == len(r.paths)
            known = sorted((s for _, s in r.paths if s is not None), reverse=True)
            shown = explain(flows[0], owned, back, v, 3)
            top = [s for _, s in shown if s is not None]
            assert top == pytest.approx(known[:3])  # the largest, largest first
            real = {a: s for a, s in r.paths}  # real paths, each visiting no actor twice
            assert all(a in real and (s is None) == (real[a] is None) for a, s in shown)
            assert sum(s is None for _, s in shown) == min(1, sum(s is None for _, s in r.paths))
            quick = explain(flows[0], owned, back, v, 3, quick=True)  # the largest, and one unknown
            assert [s for _, s in quick if s is not None] == pytest.approx(known[:1])
            assert all(a in real and (s is None) == (real[a] is None) for a, s in quick)
            assert sum(s is None for _, s in quick) == (v in flows[0].unknown)


def test_a_cycle_entered_twice_counts_each_way_once() -> None:
    # x 50% of a, y 50% of b; a 40% of b, b 40% of a: a = 50 + 50*40% = 70, b the same.
    owned: Owned = {"x": {"a": (50.0, ["1"])}, "y": {"b": (50.0, ["2"])},
                    "a": {"b": (40.0, ["3"])}, "b": {"a": (40.0, ["4"])}}
    fl = flow(owned, {"x", "y"})
    assert fl.known == {"a": 70.0, "b": 70.0} and fl.paths == {"a": 2, "b": 2}
    assert explain(fl, owned, owners_of(owned), "a", 5) == [(("x", "a"), 50.0), (("y", "b", "a"), 20.0)]


def test_a_long_chain_is_followed_to_its_end() -> None:
    # 200 links of 99%: no depth or small-share cut-off any more.
    owned: Owned = {f"c{i}": {f"c{i + 1}": (99.0, [str(i)])} for i in range(200)}
    fl = flow(owned, {"c0"})
    assert fl.known["c200"] == pytest.approx(100 * 0.99 ** 200)
    assert fl.cut == 0
