"""Synthetic sanctions workload, written as sanctions-kg JSONL (one record per line, with
``type``), deterministic for a given ``--seed``.

The shape follows what GDELT and sanctions lists look like:

* every ISO 3166 state plus a dozen blocs can impose, with a heavy skew (Zipf): the US, the
  EU, the UK, Canada... impose most measures, most states almost none;
* targets are a long tail of persons and organizations (a few are hit again and again, most
  once), plus states, officials and government bodies;
* each event has 1-3 measures, 1-2 reasons (with the source's own words now and then),
  a status, a date spread over 20 years (2005-2024), and cites one of ~N/5 articles;
* about 8% of sanctions are counter-sanctions: the target state answers an earlier sanction
  on it (``in_response_to``) with reason ``retaliation``;
* about 12% of events are statements by states and their officials about recent sanctions;
* a few names carry quotes, commas, semicolons, backslashes and ``=+-@`` starts, so exports
  meet hostile text at scale.

    python benchmarks/generate.py 100000 -o /tmp/kg-100k.jsonl --seed 1
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import random
import sys
from collections.abc import Iterator
from typing import Any

import pycountry

try:  # orjson (the `fast` extra) is quicker; the standard library writes the same JSON
    from orjson import dumps
except ImportError:
    import json

    def dumps(value: Any) -> bytes:  # type: ignore[misc]
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                          default=lambda o: o.isoformat()).encode()

BLOCS = [("eu", "European Union"), ("un", "United Nations"), ("unsc", "UN Security Council"),
         ("african-union", "African Union"), ("ecowas", "ECOWAS"), ("asean", "ASEAN"),
         ("oas", "Organization of American States"), ("g7", "G7"), ("nato", "NATO"),
         ("gcc", "Gulf Cooperation Council"), ("eaeu", "Eurasian Economic Union"),
         ("arab-league", "Arab League")]
# The imposers that dominate real data, in rough order; the rest of the states follow.
TOP = ["us", "eu", "gb", "ca", "au", "ch", "jp", "un", "ru", "cn", "ua", "nz", "no", "kr",
       "tr", "ir", "unsc", "fr", "de", "ecowas", "african-union"]
TARGETED = ["ru", "ir", "kp", "sy", "cn", "by", "ve", "mm", "cu", "af", "iq", "ly", "sd",
            "ye", "so", "cd", "ni", "zw", "lb", "ml", "ss", "cf", "er", "ua", "tr", "pk"]
EU_MEMBERS = ["at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr", "hu",
              "ie", "it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se"]
STATUSES = (["imposed"] * 75 + ["extended"] * 8 + ["threatened"] * 5 + ["expected"] * 4
            + ["eased"] * 4 + ["lifted"] * 4)
REASONS = (["human_rights"] * 20 + ["armed_conflict"] * 18 + ["terrorism"] * 12
           + ["corruption"] * 10 + ["nuclear_proliferation"] * 8 + ["cyber"] * 7
           + ["democracy"] * 7 + ["drug_trafficking"] * 6 + ["election_interference"] * 4
           + ["disinformation"] * 4 + ["other"] * 4)
MEASURES = (["asset_freeze"] * 30 + ["travel_ban"] * 20 + ["financial_restrictions"] * 10
            + ["export_control"] * 8 + ["trade_restrictions"] * 8 + ["arms_embargo"] * 5
            + ["investment_ban"] * 5 + ["sectoral"] * 4 + ["visa_restrictions"] * 4
            + ["import_ban"] * 3 + ["diplomatic"] * 2 + ["transport"] * 1)
STANCES = ["condemns", "supports", "calls_for", "warns", "threatens", "denies", "expects"]
FIRST = ["Ivan", "Li", "Ahmad", "Maria", "John", "Olga", "Kim", "Ali", "Sergei", "Wang",
         "Fatima", "Jose", "Yusuf", "Elena", "Omar", "Chen", "Nikolai", "Hassan", "Aung"]
LAST = ["Petrov", "Wei", "Karimi", "Gonzalez", "Smith", "Ivanova", "Jong", "Hassan",
        "Sokolov", "Ming", "Rahimi", "Ortega", "Demir", "Kuznetsova", "Saleh", "Zhang"]
ORG = ["Trading", "Shipping", "Bank", "Holdings", "Energy", "Defense Industries",
       "Technologies", "Petroleum", "Logistics", "Mining", "Investment Group"]
# Hostile names for exports: quotes, delimiters, backslashes, spreadsheet formula starts.
ODD = ['"Star" Trading, Ltd.', "O'Brien; Sons", "=HYPERLINK(1)", "+Plus Co", "-Minus LLC",
       "@Handle Group", "Back\\slash Corp", "Line\nBreak Ltd", "Tab\tFirm", "Pipe|Co"]
START = dt.date(2005, 1, 1)
DAYS = (dt.date(2024, 12, 31) - START).days


def _zipf_weights(n: int, s: float) -> list[float]:
    return list(itertools.accumulate(1 / (i + 1) ** s for i in range(n)))


def _pick(rng: random.Random, items: list[Any], cum: list[float]) -> Any:
    return items[bisect.bisect_left(cum, rng.random() * cum[-1])]


def generate(n: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """Yield the records (each with ``type``) of a workload of ``n`` events."""
    rng = random.Random(seed)
    states = sorted(c.alpha_2.lower() for c in pycountry.countries)
    names = {c.alpha_2.lower(): c.name for c in pycountry.countries}
    n_sources = max(1, n // 5)
    for i in range(n_sources):
        day = START + dt.timedelta(days=rng.randrange(DAYS))
        yield {"type": "source", "id": f"src{i}", "url": f"https://news.example/{i}",
               "title": f"Sanctions report {i}", "publisher": rng.choice(
                   ["Reuters", "AP", "AFP", "BBC", "Xinhua", "TASS", "Al Jazeera"]),
               "published": day.isoformat()}

    # Actors: states, blocs, officials of the main states, and a long tail of targets.
    for s in states:
        rec: dict[str, Any] = {"type": "actor", "id": s, "name": names[s], "kind": "state"}
        if s in EU_MEMBERS:
            rec["member_of"] = ["eu"]
        yield rec
    for bid, bname in BLOCS:
        yield {"type": "actor", "id": bid, "name": bname, "kind": "bloc"}
    imposers = list(dict.fromkeys(TOP + [b for b, _ in BLOCS] + states))
    imp_cum = _zipf_weights(len(imposers), 1.3)
    officials: dict[str, list[str]] = {}
    for s in imposers[:40]:
        if s in states:
            ids = [f"{s}-official-{k}" for k in range(3)]
            officials[s] = ids
            for k, oid in enumerate(ids):
                yield {"type": "actor", "id": oid, "name": f"{rng.choice(FIRST)} "
                       f"{rng.choice(LAST)} ({s.upper()} {k})", "kind": "person",
                       "country": s, "part_of": s, "position": "Foreign Minister"}
    n_targets = max(50, n // 4)
    # The states most often hit (or whose nationals are), then the rest.
    target_states = list(dict.fromkeys(
        [*TARGETED, *(s for s in states if s not in ("us", "gb", "ca", "au", "ch", "jp"))]))
    ts_cum = _zipf_weights(len(target_states), 1.1)
    target_ids = []
    target_country = {}
    for i in range(n_targets):
        country = _pick(rng, target_states, ts_cum)
        tid = f"t{i}"
        target_ids.append(tid)
        target_country[tid] = country
        roll = rng.random()
        if roll < 0.001:
            name, kind = ODD[i % len(ODD)], "organization"
        elif roll < 0.55:
            name, kind = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}", "person"
        elif roll < 0.95:
            name, kind = f"{rng.choice(LAST)} {rng.choice(ORG)} {i}", "organization"
        else:
            name, kind = f"Ministry {i} of {names[country]}", "government_body"
        rec = {"type": "actor", "id": tid, "name": name, "kind": kind, "country": country}
        if kind == "government_body":
            rec["part_of"] = country
        if rng.random() < 0.2:
            rec["aliases"] = [f"{name.split()[0]} alias {i}", f"AKA;{i}"]
        yield rec
    tgt_cum = _zipf_weights(n_targets, 0.8)

    n_statements = n * 12 // 100
    n_sanctions = n - n_statements
    days = sorted(rng.randrange(DAYS) for _ in range(n_sanctions))
    # (sanction id, polity hit, imposers) of recent sanctions, for counter-sanctions.
    hits: list[tuple[str, str, list[str]]] = []
    for i, day in enumerate(days):
        sid = f"s{i}"
        date = START + dt.timedelta(days=day)
        rec = {"type": "sanction", "id": sid, "status": rng.choice(STATUSES),
               "date": date.isoformat()}
        if hits and rng.random() < 0.08:
            # The polity hit by a recent sanction answers its imposers.
            oid, polity, oimps = hits[-1 - rng.randrange(min(len(hits), 500))]
            imps, tgts = [polity], [x for x in oimps if x != polity]
            if not tgts:
                tgts = [_pick(rng, target_ids, tgt_cum)]
            rec["status"] = "imposed"
            rec["in_response_to"] = [oid]
            reasons: list[Any] = [{"category": "retaliation",
                                   "detail": f"countermeasures against {', '.join(oimps)}"}]
            if rng.random() < 0.3:
                reasons.append("disinformation")
        else:
            k = 1 if rng.random() < 0.85 else rng.randint(2, 4)
            imps = []
            while len(imps) < k:
                x = _pick(rng, imposers, imp_cum)
                if x not in imps:
                    imps.append(x)
            nt = 1 if rng.random() < 0.7 else rng.randint(2, 3)
            tgts = []
            while len(tgts) < nt:
                roll = rng.random()
                if roll < 0.12:
                    x = _pick(rng, target_states, ts_cum)
                elif roll < 0.15 and officials:
                    x = rng.choice(rng.choice(list(officials.values())))
                else:
                    x = _pick(rng, target_ids, tgt_cum)
                if x not in tgts and x not in imps:
                    tgts.append(x)
            first = tgts[0]
            polity = target_country.get(first) or (
                first.split("-official-")[0] if "-official-" in first else first)
            if polity not in imps:
                hits.append((sid, polity, imps))
            reasons = []
            for _ in range(1 if rng.random() < 0.8 else 2):
                cat = rng.choice(REASONS)
                if any((r if isinstance(r, str) else r["category"]) == cat for r in reasons):
                    continue
                reasons.append({"category": cat, "detail": f"{cat.replace('_', ' ')} "
                                f"case {i}"} if rng.random() < 0.3 else cat)
        rec["imposers"], rec["targets"], rec["reasons"] = imps, tgts, reasons
        rec["measures"] = sorted({rng.choice(MEASURES) for _ in range(rng.randint(1, 3))})
        if rng.random() < 0.1:
            rec["program"] = f"PROGRAM-{rng.randrange(60)}"
        if rec["status"] == "lifted":
            rec["end_date"] = (date + dt.timedelta(days=rng.randrange(1, 400))).isoformat()
        cite: dict[str, Any] = {"source": f"src{rng.randrange(n_sources)}"}
        if rng.random() < 0.2:
            cite["quote"] = f"{imps[0].upper()} announced measures against {len(tgts)} " \
                            "\"entities\""
        rec["sources"] = [cite]
        yield rec

    speakers = [s for s in imposers[:60]]
    sp_cum = _zipf_weights(len(speakers), 1.2)
    for i in range(n_statements):
        day = rng.randrange(DAYS)
        j = min(bisect.bisect_left(days, day), n_sanctions - 1)
        sp = _pick(rng, speakers, sp_cum)
        if sp in officials and rng.random() < 0.5:
            sp = rng.choice(officials[sp])
        rec = {"type": "statement", "id": f"st{i}", "speakers": [sp],
               "date": (START + dt.timedelta(days=day)).isoformat(),
               "stance": rng.choice(STANCES), "about_sanctions": [f"s{j}"],
               "summary": f"Statement {i} on sanctions",
               "sources": [{"source": f"src{rng.randrange(n_sources)}",
                            "quote": f"We {rng.choice(['reject', 'welcome'])} these measures"}]}
        if rng.random() < 0.5:
            about = _pick(rng, target_states, ts_cum)
            if about != sp:
                rec["about_actors"] = [about]
        yield rec


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of events (sanctions + statements)")
    ap.add_argument("-o", "--output", help="JSONL file to write (default: stdout)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    out = open(args.output, "wb") if args.output else sys.stdout.buffer  # noqa: SIM115
    try:
        buf = []
        for rec in generate(args.n, args.seed):
            buf.append(dumps(rec))
            if len(buf) >= 10000:
                out.write(b"\n".join(buf) + b"\n")
                buf.clear()
        if buf:
            out.write(b"\n".join(buf) + b"\n")
    finally:
        if args.output:
            out.close()


if __name__ == "__main__":
    main()
