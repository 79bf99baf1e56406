"""Patterns across sanctions: retaliation chains (stated and inferred) and coalitions of
imposers acting together. Like :mod:`kg.query.sanctions`: graph first, keyword-only options,
lists of frozen dataclasses.

>>> from kg import build, load
>>> G = build(load())
>>> [(r.response, r.original) for r in retaliation(G, infer=False)
...  if r.original == "xinjiang-2021-western"][:1]
[('xinjiang-2021-cn-counter', 'xinjiang-2021-western')]
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from kg.errors import UsageError
from kg.graph.index import Index, index_of
from kg.graph.schema import IN_FORCE, record_id, require_kg_graph
from kg.model.dates import PartialDate, days_between, first_day, overlaps, precision
from kg.query._args import actor_name, check_bound

__all__ = ["Coalition", "RetaliationLink", "coalitions", "retaliation"]


# --- retaliation -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RetaliationLink:
    """A sanction (``response``) answering an earlier one (``original``)."""

    chain: int
    """Number of the chain (connected run of responses) this link belongs to, from 1."""
    response: str
    response_imposers: tuple[str, ...]
    response_date: str | None
    original: str
    original_imposers: tuple[str, ...]
    original_date: str | None
    inferred: bool
    """False when the data says so (``in_response_to``); True when suggested because the
    target of ``original`` sanctioned its imposer within the window."""
    lag_days: int | None


def retaliation(G: nx.MultiDiGraph, *, infer: bool = True,
                window_days: int = 90) -> list[RetaliationLink]:
    """Sanctions that answer other sanctions: the links stated with ``in_response_to``
    and, with ``infer=True``, suggested links where B imposed sanctions on A within
    ``window_days`` after A imposed sanctions on B (marked ``inferred=True``). A link is
    inferred only for a sanction that states no reason or only retaliation, and only to an
    earlier sanction (not the same day). Links are grouped into chains, numbered by their
    earliest date.
    """
    require_kg_graph(G)
    if window_days < 0:
        raise UsageError("window_days must be zero or more")
    idx = index_of(G)
    pairs: list[tuple[str, str, bool]] = [
        (u, v, False) for u, v, k in G.edges(keys=True) if k == "RESPONDS_TO"]
    if infer:
        pairs += _inferred_links(G, idx, window_days, {(u, v) for u, v, _ in pairs})
    # Chains: connected components of the links, ordered by their first date.
    comp = nx.Graph()
    comp.add_edges_from((u, v) for u, v, _ in pairs)
    chains = sorted(nx.connected_components(comp),
                    key=lambda c: min((G.nodes[n].get("date") or "9999") for n in c))
    chain_of = {n: i for i, c in enumerate(chains, 1) for n in c}
    out = []
    for u, v, inferred in pairs:
        du, dv = G.nodes[u], G.nodes[v]
        out.append(RetaliationLink(
            chain=chain_of[u], response=record_id(u), response_imposers=tuple(du["imposers"]),
            response_date=du.get("date"), original=record_id(v),
            original_imposers=tuple(dv["imposers"]), original_date=dv.get("date"),
            inferred=inferred, lag_days=days_between(dv.get("date"), du.get("date"))))
    out.sort(key=lambda r: (r.chain, r.original_date or "", r.response_date or "", r.response))
    return out


def _inferred_links(G: nx.MultiDiGraph, idx: Index, window: int,
                    stated: set[tuple[str, str]]) -> list[tuple[str, str, bool]]:
    # (imposer polity, target polity) -> [(date, sanction node)] for sanctions in force.
    by_pair: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    explained = {u for u, _ in stated}
    answered_by: dict[str, set[str]] = defaultdict(set)  # sanction -> its stated answers
    for u, v in stated:
        answered_by[v].add(u)
    candidates: set[str] = set()
    for n, d in G.nodes(data=True):
        if d.get("type") != "sanction" or d["status"] not in IN_FORCE:
            continue
        date = d.get("date")
        if not date or precision(date) != "day":
            continue
        # A response is suggested only for a sanction with no stated reason or a stated
        # retaliation: one imposed "over human rights" is explained by that reason.
        if n not in explained and set(d["reasons"]) <= {"retaliation"}:
            candidates.add(n)
        for i in {idx.polity(x) for x in d["imposers"]}:
            for t in {idx.polity(x) for x in d["targets"]}:
                if i != t:
                    by_pair[(i, t)].append((date, n))
    out = []
    for pairs in by_pair.values():
        pairs.sort()
    for (a, b), responses in by_pair.items():
        originals = by_pair.get((b, a))
        if not originals:
            continue
        odates = [o[0] for o in originals]
        for rdate, rnode in responses:
            if rnode not in candidates:
                continue
            start = (PartialDate(rdate).start - dt.timedelta(days=window)).isoformat()
            # Only the originals dated within the window (sorted by date), not all of them;
            # strictly earlier, and not itself an answer to rnode.
            lo, hi = bisect_left(odates, start), bisect_left(odates, rdate)
            for _, onode in originals[lo:hi]:
                if onode not in answered_by[rnode]:
                    out.append((rnode, onode, True))
    return sorted(set(out))


# --- coalitions ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Coalition:
    """Imposers who acted against the same state (or the same actor) within a window."""

    against: str
    """The state or actor acted against: the targets' country, or the target itself."""
    against_name: str
    imposers: tuple[str, ...]
    imposer_names: tuple[str, ...]
    targets: tuple[str, ...]
    target_names: tuple[str, ...]
    sanctions: tuple[str, ...]
    reasons: tuple[str, ...]
    first: str | None
    last: str | None


def coalitions(G: nx.MultiDiGraph, *, window_days: int = 30, min_imposers: int = 2,
               since: str | None = None, until: str | None = None) -> list[Coalition]:
    """Groups of imposers that acted against the same state (its officials, companies and
    bodies count as the state) or the same actor within ``window_days`` of the group's first
    sanction; a joint sanction with several imposers counts too. Threats, liftings and
    retaliations (which answer someone rather than join someone) are left out. Largest
    coalitions first."""
    require_kg_graph(G)
    if window_days < 0 or min_imposers < 1:
        raise UsageError("window_days must be >= 0 and min_imposers >= 1")
    since, until = check_bound(since, "since"), check_bound(until, "until")
    idx = index_of(G)
    by_polity: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        if d.get("type") != "sanction" or d["status"] not in IN_FORCE:
            continue
        if not d.get("date") or not overlaps(d.get("date"), since, until):
            continue
        if d["in_response_to"] or "retaliation" in d["reasons"]:
            continue  # an answer to someone's sanctions is not joint action with others
        for p in {idx.polity(t) for t in d["targets"]}:
            by_polity[p].append((d["date"], n))
    out = []
    for polity, items in by_polity.items():
        items.sort()
        clusters: list[list[str]] = []
        end = ""
        for date, n in items:
            start = first_day(date)
            if not clusters or start > end:
                clusters.append([])
                end = (PartialDate(date).start + dt.timedelta(days=window_days)).isoformat()
            clusters[-1].append(n)
        for members in clusters:
            ds = [G.nodes[m] for m in members]
            imposers = sorted({i for d in ds for i in d["imposers"]})
            if len(imposers) < min_imposers:
                continue
            targets = sorted({t for d in ds for t in d["targets"] if idx.polity(t) == polity})
            dates = sorted(d["date"] for d in ds)
            out.append(Coalition(
                against=polity, against_name=actor_name(idx, polity), imposers=tuple(imposers),
                imposer_names=tuple(actor_name(idx, i) for i in imposers), targets=tuple(targets),
                target_names=tuple(actor_name(idx, t) for t in targets),
                sanctions=tuple(sorted(record_id(m) for m in members)),
                reasons=tuple(sorted({r for d in ds for r in d["reasons"]})),
                first=dates[0], last=dates[-1]))
    out.sort(key=lambda c: (-len(c.imposers), c.first or "", c.sanctions))
    return out
