"""One actor across lists: which actor records are the same person, company or vessel.

:func:`match_actors` decides, in this order, and the first rule wins:

1. **Judgements** (:class:`kg.model.identity.Judgement`): ``same: false`` keeps records
   apart whatever else they share; ``same: true`` merges them whatever they disagree on.
2. **Strong identifiers** (:data:`kg.model.identity.STRONG_SCHEMES` and Wikidata): the same
   value under the same scheme (the UN reference a UK entry cites, an IMO number, a passport)
   merges actors from any list, whatever their names.
3. **Name with evidence**: the same name (word order, case and accents ignored) and kind,
   and for a person an overlapping date of birth (``1965`` and ``1965-03-02`` overlap), for
   an organisation or government body the same country (company names are registered per
   country). An organisation's name is compared without its legal form
   (:mod:`kg.resolve.legal_form`: "Rosneft Trading S.A." = "Rosneft Trading SA" =
   "Rosneft Trading"; the rule then names both names). Vessels and aircraft merge by
   identifier only. When one record matches two that cannot be one, none is merged.

A **conflict** blocks rules 2 and 3: dates of birth that cannot be the same day (``1965`` and
``1988``; each side may list several, one overlapping pair is enough), nationalities with
none in common, or the same strong scheme with no value in common. A conflict is checked
between the whole groups being joined, not just the two records that matched.

Same-name records left apart, and records that share a strong identifier but conflict,
are **possible duplicates**, each with why they were not merged, for a person to judge
(and write down as a judgement).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.model.dates import PartialDate
from kg.model.identity import (
    STRONG_SCHEMES,
    Judgement,
    identifier_values,
    normalize_identifier,
)
from kg.model.records import Actor
from kg.resolve.legal_form import name_rule, org_name_key
from kg.resolve.resolver import normalize
from kg.resolve.suggest import Suggester

__all__ = ["ActorMatch", "PossibleDuplicate", "conflicts", "match_actors", "name_key"]

#: Kinds whose name and country are evidence enough (registered names).
_NAME_COUNTRY_KINDS = frozenset({"organization", "government_body", "group"})
#: Kinds never matched by name: their ids are canonical (``us``, ``eu``).
_NO_NAME_MATCH = frozenset({"state", "bloc"})


def name_key(name: str) -> str:
    """A name for matching: normalised, words sorted (``"SMITH, John"`` == ``"John Smith"``).

    >>> name_key("SMITH, John") == name_key("John Smith")
    True
    """
    return " ".join(sorted(normalize(name).split()))


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    """Actors with the same name and kind that were not merged, and why."""

    ids: tuple[str, ...]
    """The actor ids (after merging), in order."""
    name: str
    """The name they share (the first one's)."""
    why: str
    """Why they were not merged (``birth dates differ (1965-02-11 / 1988-09-30)``)."""

    def to_dict(self) -> dict[str, Any]:
        """As a JSON-ready dict: ``ids``, ``name``, ``why``."""
        return {"ids": list(self.ids), "name": self.name, "why": self.why}


@dataclass
class ActorMatch:
    """What :func:`match_actors` decided."""

    groups: dict[str, list[tuple[str, str]]]
    """Surviving id -> [(folded id, rule)] for every group of two or more."""
    possible_duplicates: list[PossibleDuplicate]
    """Same-name groups left apart."""
    notes: list[str] = field(default_factory=list)
    """Judgements that could not be applied (unknown ids, contradictions)."""


@dataclass
class _Profile:
    births: list[PartialDate]
    nationalities: set[str]
    strong: dict[str, dict[str, str]]  # scheme -> normalised value -> value as written

    @classmethod
    def of(cls, a: Actor) -> _Profile:
        strong: dict[str, dict[str, str]] = {}
        for scheme in a.identifiers:
            if scheme in STRONG_SCHEMES:
                for v in identifier_values(a.identifiers, scheme):
                    strong.setdefault(scheme, {})[normalize_identifier(scheme, v)] = v
        if a.wikidata_id:
            strong.setdefault("wikidata", {})[a.wikidata_id.upper()] = a.wikidata_id
        return cls([PartialDate.parse(d) for d in a.birth_dates], set(a.nationalities), strong)

    def joined(self, other: _Profile) -> _Profile:
        strong = {k: dict(v) for k, v in self.strong.items()}
        for k, v in other.strong.items():
            strong.setdefault(k, {}).update(v)
        return _Profile(self.births + other.births, self.nationalities | other.nationalities,
                        strong)


def _overlap(a: PartialDate, b: PartialDate) -> bool:
    return a.start <= b.end and b.start <= a.end


def _births_overlap(p: _Profile, q: _Profile) -> bool:
    return any(_overlap(a, b) for a in p.births for b in q.births)


def conflicts(p: _Profile, q: _Profile) -> list[str]:
    """Why two profiles cannot be one actor; empty when nothing disagrees."""
    out: list[str] = []
    if p.births and q.births and not _births_overlap(p, q):
        out.append(f"birth dates differ ({', '.join(sorted({x.text for x in p.births}))} / "
                   f"{', '.join(sorted({x.text for x in q.births}))})")
    if p.nationalities and q.nationalities and not p.nationalities & q.nationalities:
        out.append(f"nationalities differ ({', '.join(sorted(p.nationalities))} / "
                   f"{', '.join(sorted(q.nationalities))})")
    for scheme in sorted(p.strong.keys() & q.strong.keys()):
        if not p.strong[scheme].keys() & q.strong[scheme].keys():
            out.append(f"{scheme} differs ({', '.join(sorted(p.strong[scheme].values()))} / "
                       f"{', '.join(sorted(q.strong[scheme].values()))})")
    return out


class _Groups:
    """Union-find over actor ids with each group's profile, members and rule."""

    def __init__(self, actors: Sequence[Actor], order: Mapping[str, int]) -> None:
        self.parent: dict[str, str] = {a.id: a.id for a in actors}
        self.order = order
        self.own = {a.id: _Profile.of(a) for a in actors}
        self.profile = dict(self.own)
        self.members: dict[str, set[str]] = {a.id: {a.id} for a in actors}
        self.rule: dict[str, str] = {}
        self.apart: dict[str, set[str]] = defaultdict(set)  # judged different

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def judged_apart(self, ra: str, rb: str) -> bool:
        small, big = sorted((ra, rb), key=lambda r: len(self.members[r]))
        others = self.members[big]
        return any(self.apart[m] & others for m in self.members[small])

    def blockers(self, a: str, b: str) -> list[str]:
        ra, rb = self.find(a), self.find(b)
        if self.judged_apart(ra, rb):
            return ["judged different"]
        return conflicts(self.profile[ra], self.profile[rb])

    def union(self, a: str, b: str, rule: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        # The record from the earliest dataset (then the smaller id) survives.
        keep, drop = sorted((ra, rb), key=lambda i: (self.order.get(i, 0), i))
        self.parent[drop] = keep
        self.rule[drop] = rule
        self.profile[keep] = self.profile[keep].joined(self.profile.pop(drop))
        self.members[keep] |= self.members.pop(drop)


def _judge(g: _Groups, actors: Sequence[Actor], judgements: Iterable[Judgement],
           notes: list[str]) -> None:
    # An id folded into an actor by an earlier merge names that actor.
    known: dict[str, str] = {}
    for a in actors:
        for m in a.merged_from:
            known.setdefault(m.id, a.id)
        known[a.id] = a.id
    judged = list(judgements)
    close = Suggester({"actor": actors})  # "did you mean" for an id not in the data
    for j in judged:
        unknown = [i for i in j.ids if i not in known]
        if unknown:
            hint = "".join(close.message(i, "actor") for i in unknown)
            notes.append(f"judgement on {', '.join(j.ids)}: {', '.join(unknown)} not in the "
                         f"data (left out){hint}")
        ids = list(dict.fromkeys(known[i] for i in j.ids if i in known))
        if len(ids) < 2:
            continue
        if not j.same:
            for x in ids:
                g.apart[x].update(y for y in ids if y != x)
    for j in judged:
        ids = list(dict.fromkeys(known[i] for i in j.ids if i in known))
        if not j.same or len(ids) < 2:
            continue
        for other in ids[1:]:
            if g.find(ids[0]) == g.find(other):
                continue
            if g.judged_apart(g.find(ids[0]), g.find(other)):
                notes.append(f"judgement same: true on {', '.join(j.ids)} not applied: "
                             "another judgement says they differ")
                continue
            g.union(ids[0], other, "judgement")


def _strong(g: _Groups, actors: Sequence[Actor]) -> list[tuple[str, str, str]]:
    """Merge on shared strong identifiers; returns the pairs a conflict kept apart, as
    (first id, other id, why)."""
    first: dict[tuple[str, str], tuple[str, str]] = {}  # (scheme, value) -> (id, as written)
    blocked: list[tuple[str, str, str]] = []
    for a in actors:
        for scheme, values in g.own[a.id].strong.items():
            for norm, shown in values.items():
                seen, shown = first.setdefault((scheme, norm), (a.id, shown))
                if seen == a.id or g.find(seen) == g.find(a.id):
                    continue
                rule = f"wikidata {shown}" if scheme == "wikidata" else \
                    f"identifier {scheme} {shown}"
                block = g.blockers(seen, a.id)
                if block:
                    if block != ["judged different"]:
                        blocked.append((seen, a.id, f"share {rule.removeprefix('identifier ')} "
                                                    f"but {'; '.join(block)}"))
                    continue
                g.union(seen, a.id, rule)
    return blocked


def _evidence(g: _Groups, a: str, b: str, kind: str, country: dict[str, str | None]) -> bool:
    if kind == "person":
        return _births_overlap(g.profile[g.find(a)], g.profile[g.find(b)])
    return kind in _NAME_COUNTRY_KINDS and country[a] is not None and country[a] == country[b]


def _key(a: Actor) -> str:
    """The name an actor is matched by: an organisation's without its legal form."""
    return org_name_key(a.name) if a.kind == "organization" else name_key(a.name)


def _by_name(actors: Sequence[Actor]) -> dict[tuple[str, str], list[str]]:
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a in actors:
        if str(a.kind) not in _NO_NAME_MATCH:
            buckets[(_key(a), str(a.kind))].append(a.id)
    return buckets



def _names(g: _Groups, actors: Sequence[Actor],
           buckets: dict[tuple[str, str], list[str]]) -> None:
    country = {a.id: a.country for a in actors}
    names = {a.id: a.name for a in actors}
    for (_, kind), ids in buckets.items():
        if len(ids) < 2:
            continue
        # Candidate links between groups, then each connected set merged only if it can
        # be one actor as a whole (one record matching two that differ merges neither).
        links = [(x, y) for i, x in enumerate(ids) for y in ids[i + 1:]
                 if g.find(x) != g.find(y) and _evidence(g, x, y, kind, country)
                 and not g.blockers(x, y)]
        if not links:
            continue
        comp: dict[str, set[str]] = {}
        for x, y in links:
            cx = comp.setdefault(g.find(x), {g.find(x)})
            cy = comp.setdefault(g.find(y), {g.find(y)})
            if cx is not cy:
                cx |= cy
                for r in cy:
                    comp[r] = cx
        done: set[int] = set()
        for roots in comp.values():
            if id(roots) in done:
                continue
            done.add(id(roots))
            ordered = sorted(roots, key=lambda r: (g.order.get(r, 0), r))
            profile = g.profile[ordered[0]]
            ok = True
            for r in ordered[1:]:
                if conflicts(profile, g.profile[r]) or g.judged_apart(ordered[0], r):
                    ok = False
                    break
                profile = profile.joined(g.profile[r])
            if ok:
                for r in ordered[1:]:
                    g.union(ordered[0], r, "name+birth date" if kind == "person" else
                            name_rule(names[ordered[0]], names[r]))


def _why(g: _Groups, roots: list[str], country: dict[str, str | None], kind: str,
         names: Mapping[str, str]) -> str:
    """Why the same-name group ``roots`` was left apart, naming each id once where the
    reasons allow: pairs with the same reason that are every pair of their ids become one
    part (``a / b / c: only the name matches``); an id whose only reason is that it matches
    others by name that cannot be one is named once (``c: the same name as records that
    cannot be one``); the other pairs are listed as ``x / y: reason``."""
    several = "matches several records that cannot be one"
    by_reason: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for i, x in enumerate(roots):
        for y in roots[i + 1:]:
            block = g.blockers(x, y)
            if block == ["judged different"]:
                continue
            if not block:
                if _evidence(g, x, y, kind, country):
                    block = [several]
                elif kind == "person":
                    block = ["only the name matches (no date of birth on both to compare)"]
                else:  # "Rosneft Trading S.A." / "Rosneft Trading" says so
                    block = [name_rule(names[x], names[y], "only the name matches")]
            by_reason["; ".join(block)].append((x, y))
    return _reasons_text(by_reason, several)


def _reasons_text(by_reason: Mapping[str, list[tuple[str, str]]], several: str) -> str:
    """The parts of :func:`_why`, in the order the reasons first came."""
    parts: list[str] = []
    others = {i for reason, pairs in by_reason.items() if reason != several
              for pair in pairs for i in pair}
    for reason, pairs in by_reason.items():
        ids = list(dict.fromkeys(i for pair in pairs for i in pair))
        if reason == several:
            lone = [i for i in ids if i not in others]
            if lone and all(x in lone or y in lone for x, y in pairs):
                parts.append(f"{' / '.join(lone)}: the same name as records that cannot be one")
                continue
        if len(pairs) > 1 and len(pairs) == len(ids) * (len(ids) - 1) // 2:
            parts.append(f"{' / '.join(ids)}: {reason}")
        else:
            parts += [f"{x} / {y}: {reason}" for x, y in pairs]
    return "; ".join(parts)


def _possible_duplicates(g: _Groups, actors: Sequence[Actor], blocked: list[tuple[str, str, str]],
                         buckets: dict[tuple[str, str], list[str]]) -> list[PossibleDuplicate]:
    country = {a.id: a.country for a in actors}
    names = {a.id: a.name for a in actors}
    out: list[PossibleDuplicate] = []
    seen: set[frozenset[str]] = set()
    for x, y, why in blocked:
        rx, ry = g.find(x), g.find(y)
        if rx != ry and not g.judged_apart(rx, ry) and frozenset((rx, ry)) not in seen:
            seen.add(frozenset((rx, ry)))
            out.append(PossibleDuplicate((rx, ry), names[rx], f"{rx} / {ry}: {why}"))
    for (_, kind), ids in buckets.items():
        roots = sorted({g.find(i) for i in ids}, key=lambda r: (g.order.get(r, 0), r))
        if len(roots) < 2 or frozenset(roots) in seen:
            continue
        why = _why(g, roots, country, kind, names) if len(roots) <= 6 else \
            f"{' / '.join(roots)}: {len(roots)} records share the name"
        if why:
            out.append(PossibleDuplicate(tuple(roots), names[roots[0]], why))
    return out


def match_actors(actors: Sequence[Actor], order: Mapping[str, int], *,
                 judgements: Iterable[Judgement] = ()) -> ActorMatch:
    """Decide which actors are one (see the module docstring).

    ``order`` ranks each actor id by the dataset it came from: the earliest survives (then
    the smaller id). Ids must be unique in ``actors``.

    >>> a = Actor(id="un-qdi-1", name="Salim Nasser", kind="person", birth_dates=["1965"])
    >>> b = Actor(id="ofac-1", name="NASSER, Salim", kind="person", birth_dates=["1988"])
    >>> m = match_actors([a, b], {"un-qdi-1": 0, "ofac-1": 1})
    >>> m.groups, m.possible_duplicates[0].why
    ({}, 'un-qdi-1 / ofac-1: birth dates differ (1965 / 1988)')
    """
    g = _Groups(actors, order)
    notes: list[str] = []
    _judge(g, actors, judgements, notes)
    blocked = _strong(g, actors)
    buckets = _by_name(actors)
    _names(g, actors, buckets)
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a in sorted(actors, key=lambda a: (order.get(a.id, 0), a.id)):
        root = g.find(a.id)
        if root != a.id:
            groups[root].append((a.id, g.rule[a.id]))
    return ActorMatch(dict(groups), _possible_duplicates(g, actors, blocked, buckets), notes)
