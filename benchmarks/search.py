"""Name search on a list of 20,000 sanctions-list-style names: the indexed matcher
(kg.graph.index.search_actors, built once per graph) beside plain linear scans over every
name and alias in the same process.

    python benchmarks/search.py            # 20,000 actors
    python benchmarks/search.py 50000

The names are generated (deterministic): persons as "SURNAME, Given Patronymic" with a
"Given Patronymic SURNAME" alias and now and then a Cyrillic one, companies with legal forms
("OOO ...", "... LLC", "... PLC"), from syllables, so there are tens of thousands of
distinct words. The queries are what people type: a partial name, another script, a typo,
a company without its legal form, and a lone given name.

Prints the time to build the index, then for each search the median time (ms) of the
indexed search, of the same scorer run over every name and word (NameIndex.scan: a linear scan), and of rapidfuzz's
WRatio over every name (a C linear scan, as most fuzzy-search tools do), and whether each
found the planted target first.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz, process

from kg.graph.build import build
from kg.graph.index import index_of, search_actors
from kg.model.records import Actor, Dataset

SYL = ["ka", "ri", "mo", "na", "se", "lo", "vi", "de", "ra", "to", "pa", "ni", "ko", "ma",
       "te", "li", "za", "bo", "gu", "she", "khi", "yu", "ze", "ro", "fa", "dmi", "pe", "ta"]
GIVEN = ["Oleg", "Ivan", "Sergei", "Mikhail", "Andrei", "Olga", "Elena", "Dmitry", "Yuri",
         "Mohammed", "Ali", "Hassan", "Wei", "Li", "Kim", "Nikolai", "Pavel", "Viktor"]
LEGAL = ["OOO", "LLC", "PLC", "JSC", "AO", "Ltd", "GmbH", "PAO", "Limited"]
WORDS = ["Trading", "Holding", "Energy", "Bank", "Shipping", "Industrial", "Group", "Metals"]
CYR = str.maketrans("abdegiklmnoprstuvz", "абдегиклмнопрстувз")


def word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYL) for _ in range(n)).capitalize()


def names(n: int, seed: int = 7) -> list[Actor]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if rng.random() < 0.6:
            sur, given, pat = word(rng, 3) + rng.choice(["", "ov", "enko", "in"]), \
                rng.choice(GIVEN), word(rng, 2) + "ovich"
            aliases = [f"{given} {pat} {sur.upper()}"]
            if rng.random() < 0.2:
                aliases.append(f"{given} {sur}".lower().translate(CYR))
            out.append(Actor(id=f"p{i}", name=f"{sur.upper()}, {given} {pat}", kind="person",
                             country="ru", aliases=aliases))
        else:
            core = " ".join(word(rng, rng.randint(2, 3)) for _ in range(rng.randint(1, 2)))
            form = rng.choice(LEGAL)
            text = f"{form} {core}" if form in ("OOO", "AO", "PAO") else \
                f"{core} {rng.choice(WORDS)} {form}"
            out.append(Actor(id=f"o{i}", name=text.upper(), kind="organization", country="cy"))
    out.append(Actor(id="target", name="DERIPASKA, Oleg Vladimirovich", kind="person",
                     country="ru", aliases=["Oleg Vladimirovich DERIPASKA"]))
    out.append(Actor(id="rusal", name="UNITED COMPANY RUSAL PLC", kind="organization"))
    return out


QUERIES = [("Oleg Deripaska", "target"), ("Deripaska", "target"),
           ("Олег Дерипаска", "target"), ("Oleg Deripasca", "target"), ("Rusal", "rusal"),
           ("United Company Rusal", "rusal"), ("Oleg", None)]


def median_ms(f: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=20_000, help="Actors (default 20,000).")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    actors = names(args.n)
    G = build(Dataset(actors=actors))
    t = time.perf_counter()
    idx = index_of(G).names
    built = time.perf_counter() - t
    entries = idx._entries
    flat = [e.text for e in entries]
    owner = [idx.actors[e.actor].id for e in entries]
    print(f"{len(actors):,} actors, {len(idx):,} names and aliases; index built in "
          f"{built * 1000:.0f} ms")

    def linear(query: str) -> str | None:
        found = idx.scan(query, limit=10)
        return found[0].id if found else None

    def rapid(query: str) -> str:
        hit = process.extractOne(query, flat, scorer=fuzz.WRatio)
        return owner[hit[2]]

    print(f"{'query':24} {'indexed ms':>10} {'scan ms':>9} {'WRatio ms':>10}  first "
          "(indexed / scan / WRatio)")
    for query, want in QUERIES:
        ms, found = median_ms(lambda q=query: search_actors(G, q, limit=10), args.repeat)
        first = found[0].id if found else None
        lin_ms, lin = median_ms(lambda q=query: linear(q), max(1, args.repeat // 2))
        rf_ms, rf = median_ms(lambda q=query: rapid(q), args.repeat)
        mark = "" if want is None else ("  ok" if first == want else "  MISSED")
        print(f"{query:24} {ms:10.1f} {lin_ms:9.0f} {rf_ms:10.1f}  {first} / {lin} / {rf}{mark}")


if __name__ == "__main__":
    main()
