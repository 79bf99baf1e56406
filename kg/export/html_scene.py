"""What the browser view draws: the two views of the graph as plain node and edge records,
each with the plain-text details shown on hover or click (:mod:`kg.export.html` turns them
into vis-network data through pyvis).

* ``actors``: the who-sanctioned-whom projection (:func:`kg.graph.build.who_sanctioned_whom`), one
  edge per imposer -> target pair, plus "part of" / "member of" links between the actors
  shown. Past ``max_nodes`` actors, the less connected ones are grouped by kind and country
  into one node per group, and the scene says so.
* ``events``: the full graph, sanctions and statements as nodes. Past ``max_nodes`` nodes,
  source and then reason nodes are left out (each event's details still list them).

In both views, ownership, directorship, family and associate records are drawn as links
between their two actors (:mod:`kg.export.html_ties`), and every actor they name is shown.
Every text here is data, never markup: the page writes it with ``textContent``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from kg.export.html_ties import Tie, by_actor, tie_edges, tie_rows, ties
from kg.graph.build import who_sanctioned_whom
from kg.graph.schema import TENTATIVE, NodeType, node_id, record_id
from kg.query.stats import sanctions_on
from kg.resolve.resolver import country_name

__all__ = ["Scene", "actors_scene", "events_scene", "http_url"]

Info = dict[str, Any]


@dataclass
class Scene:
    """Nodes and edges to draw. A node: ``id label cat ev info al`` (+ ``dashed``,
    ``muted``, ``size``); an edge: ``from to rel ev info`` (+ ``value label dashed muted``).
    ``ev`` lists indexes into ``events`` (``[kind, status, reasons, date]``), the records an
    item belongs to, which the page's reason / status / date filters test."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    events: list[list[Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def http_url(url: Any) -> str | None:
    """``url`` if it is an absolute http(s) link, else None: only those become clickable."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _join(values: Any, sep: str = ", ") -> str:
    return sep.join(str(v) for v in values if v not in (None, ""))


def _human(value: Any) -> str:
    return str(value).replace("_", " ")


def _rows(*pairs: tuple[str, Any]) -> list[list[str]]:
    return [[k, str(v)] for k, v in pairs if v not in (None, "", [], ())]


def _name(G: nx.MultiDiGraph, actor_id: str) -> str:
    d = G.nodes.get(node_id(NodeType.ACTOR, actor_id))
    return str(d["label"]) if d else actor_id


def _sources(G: nx.MultiDiGraph, ids: list[str], quotes: list[Any]) -> list[dict[str, Any]]:
    out = []
    for sid, quote in zip(ids, list(quotes) + [None] * (len(ids) - len(quotes)), strict=False):
        d = G.nodes.get(node_id(NodeType.SOURCE, sid), {})
        extra = _join([d.get("publisher"), d.get("published")])
        src = {"t": str(d.get("title") or d.get("publisher") or sid) + (f" ({extra})" if extra
                                                                           else ""),
               "u": http_url(d.get("url")), "q": quote or None}
        if d.get("url") and not src["u"]:
            src["raw"] = str(d["url"])  # shown as text, never as a link
        out.append(src)
    return out


def _reasons_text(d: dict[str, Any]) -> str:
    return "\n".join(_human(c) + (f": {det}" if det else "")
                     for c, det in zip(d.get("reasons", []), d.get("reason_details", []),
                                       strict=False))


def sanction_info(G: nx.MultiDiGraph, n: str) -> Info:
    d = G.nodes[n]
    answers = [G.nodes[u]["label"] for u, _, k in G.in_edges(n, keys=True) if k == "RESPONDS_TO"]
    return {"h": d["label"], "sub": f"sanction · {d['status']}", "rows": _rows(
        ("Status", d["status"]),
        ("Imposed by", _join(_name(G, a) for a in d["imposers"])),
        ("Targets", _join(_name(G, a) for a in d["targets"])),
        ("Measures", _join(_human(m) for m in d.get("measures", []))),
        ("Reasons", _reasons_text(d)),
        ("Date", d.get("date")), ("Takes effect", d.get("effective_date")),
        ("Ends", d.get("end_date")), ("Programme", d.get("program")),
        ("Legal basis", d.get("legal_basis")),
        ("In response to", _join((G.nodes.get(node_id(NodeType.SANCTION, s), {}).get("label", s)
                                  for s in d.get("in_response_to", [])), "\n")),
        ("Answered by", _join(answers, "\n")),
        ("Confidence", d.get("confidence"))),
        "src": _sources(G, d.get("sources", []), d.get("quotes", []))}


def statement_info(G: nx.MultiDiGraph, n: str) -> Info:
    d = G.nodes[n]
    about = [G.nodes.get(node_id(NodeType.SANCTION, s), {}).get("label", s)
             for s in d.get("about_sanctions", [])]
    about += [_name(G, a) for a in d.get("about_actors", [])]
    return {"h": d["label"], "sub": f"statement · {_human(d['stance'])}", "rows": _rows(
        ("Said by", _join(_name(G, a) for a in d["speakers"])), ("Stance", _human(d["stance"])),
        ("Date", d.get("date")), ("Summary", d.get("summary")), ("About", _join(about, "\n")),
        ("Confidence", d.get("confidence"))),
        "src": _sources(G, d.get("sources", []), d.get("quotes", []))}


def _sanctioned(direct: int, on: set[str] | None) -> str | None:
    """The "Sanctioned" row: the count of ``kg query who-sanctioned`` (sanctions on the actor
    or on those that belong to it), and how many of them name the actor itself."""
    total = len(on) if on is not None else direct
    if not total:
        return None
    text = f"{total} sanction{'s' if total != 1 else ''}"
    if total == direct:
        return text
    return (f"{text} on it or on its officials, bodies and nationals ({direct} on it "
            "directly), as kg query who-sanctioned counts them")


def actor_info(G: nx.MultiDiGraph, n: str, on: dict[str, set[str]] | None = None,
               tied: dict[str, list[Tie]] | None = None) -> Info:
    """The details of actor node ``n``. ``on``: :func:`kg.query.stats.sanctions_on` of the
    whole graph (of ``G`` when not given), so the "Sanctioned" row counts what ``kg query
    who-sanctioned`` answers; ``tied``: :func:`kg.export.html_ties.by_actor` of ``G``'s ties
    (owners, holdings, directorships and family ties; computed when not given)."""
    d = G.nodes[n]
    on = sanctions_on(G) if on is None else on
    tied = by_actor(ties(G)) if tied is None else tied
    country = d.get("country")
    imposed = targeted = 0
    said = []
    links: dict[str, list[str]] = {"MEMBER_OF": [], "PART_OF": []}
    for _, v, k in G.out_edges(n, keys=True):
        if k == "IMPOSED":
            imposed += 1
        elif k == "MADE":
            sd = G.nodes[v]
            said.append(_join([sd.get("date"), _human(sd["stance"]),
                               _join(q for q in sd.get("quotes", []) if q)], " · "))
        elif k in links:
            links[k].append(G.nodes[v]["label"])
    targeted = sum(1 for _, _, k in G.in_edges(n, keys=True) if k == "TARGETS")
    return {"h": d["label"], "sub": _human(d.get("kind", "actor")), "rows": _rows(
        ("Kind", _human(d.get("kind", ""))),
        ("Country", f"{country_name(country) or country} ({country})" if country else None),
        ("Also known as", _join(d.get("aliases", []))),
        ("Weak aliases", _join(d.get("weak_aliases") or [])), ("Position", d.get("position")),
        ("Born", _join(d.get("birth_dates") or [])),
        ("Nationality", _join(f"{country_name(c) or c} ({c})"
                              for c in d.get("nationalities") or [])),
        ("Members", d.get("count")), ("Description", d.get("description")),
        ("Part of", _join(links["PART_OF"])), ("Member of", _join(links["MEMBER_OF"])),
        ("Sanctions imposed", imposed or None),
        ("Sanctioned", _sanctioned(targeted, on.get(record_id(n), set()))),
        *tie_rows(G, n, tied.get(n, ())),
        ("Said", _join(said, "\n")),
        ("Identifiers", _join(f"{k}: {v}" for k, v in (d.get("identifiers") or {}).items())),
        ("Wikidata", d.get("wikidata_id")),
        ("Draft", "yes: created automatically, to be reviewed" if d.get("draft") else None)),
        "src": _sources(G, d.get("sources", []), [])}


class _Events:
    """The table of sanctions and statements the page's filters test, by node id."""

    def __init__(self, G: nx.MultiDiGraph, scene: Scene) -> None:
        self.index: dict[str, int] = {}
        for n, d in G.nodes(data=True):
            if d.get("type") == "sanction":
                self.index[n] = len(scene.events)
                scene.events.append(["sanction", d["status"], list(d["reasons"]), d.get("date")])
            elif d.get("type") == "statement":
                self.index[n] = len(scene.events)
                scene.events.append(["statement", None, [], d.get("date")])

    def of(self, nodes: Any) -> list[int]:
        return sorted({self.index[n] for n in nodes if n in self.index})


def _actor_node(G: nx.MultiDiGraph, n: str, ev: list[int], on: dict[str, set[str]],
                tied: dict[str, list[Tie]]) -> dict[str, Any]:
    d = G.nodes[n]  # its search keys: kg.export.html_search
    return {"id": n, "label": d["label"], "cat": d.get("kind", "actor"), "ev": ev,
            "info": actor_info(G, n, on, tied)}


def actors_scene(G: nx.MultiDiGraph, *, max_nodes: int,
                 on: dict[str, set[str]] | None = None) -> Scene:
    """The who-sanctioned-whom view (see the module docstring); ``on`` as in :func:`actor_info`."""
    scene = Scene()
    events = _Events(G, scene)
    P = who_sanctioned_whom(G)
    on = sanctions_on(G) if on is None else on
    found = ties(G)
    tied = by_actor(found)
    shown = {n for e in P.edges for n in e}
    shown |= {u for u, _, k in G.edges(keys=True) if k == "MADE"}
    shown |= set(tied)
    weight: dict[str, float] = {n: 0 for n in shown}
    for u, v, e in P.edges(data=True):
        weight[u] += e["count"]
        weight[v] += e["count"]
    for n, mine in tied.items():  # a sanction weighs more than an ownership record
        weight[n] += len(mine) / 4
    group: dict[str, str] = {}
    if len(shown) > max_nodes:
        keep = set(sorted(shown, key=lambda n: (-weight[n], n))[:max(1, max_nodes // 2)])
        for n in shown - keep:
            d = G.nodes[n]
            group[n] = f"group:{d.get('kind')}:{d.get('country') or '-'}"
    members: dict[str, list[str]] = {}
    for n, g in group.items():
        members.setdefault(g, []).append(n)
    for n in sorted(shown - set(group)):
        ev = events.of([*(node_id(NodeType.SANCTION, s) for _, _, e in P.in_edges(n, data=True)
                          for s in e["sanctions"]),
                        *(node_id(NodeType.SANCTION, s) for _, _, e in P.out_edges(n, data=True)
                          for s in e["sanctions"]),
                        *(v for _, v, k in G.out_edges(n, keys=True) if k == "MADE")])
        scene.nodes.append(_actor_node(G, n, ev, on, tied))
    for g, ms in sorted(members.items()):
        _, kind, country = g.split(":", 2)
        where = country_name(country) or country if country != "-" else "no country"
        names = sorted(G.nodes[m]["label"] for m in ms)
        label = f"{len(ms)} {_human(kind)} · {where}"
        scene.nodes.append({
            "id": g, "label": label, "cat": kind, "ev": [], "al": names, "dashed": True,
            "size": min(40, 12 + len(ms) ** 0.5), "info": {
                "h": label, "sub": "grouped actors", "src": [], "rows": _rows(
                    ("Grouped", f"{len(ms)} less-connected actors of kind {_human(kind)} in "
                                f"{where}, drawn as one node; export with --focus ACTOR to "
                                "see one of them"),
                    ("Members", "\n".join(names[:200]) + (
                        f"\n… and {len(names) - 200} more" if len(names) > 200 else "")))}})
    if group:
        scene.notes.append(
            f"{len(shown) - len(group):,} best-connected actors are drawn one by one; the other "
            f"{len(group):,} are grouped by kind and country into {len(members):,} nodes "
            "(dashed outline) to keep the page fast; search still finds every actor. Use "
            "--focus ACTOR to see one actor's neighbourhood in full.")
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for u, v, e in P.edges(data=True):
        pairs.setdefault((group.get(u, u), group.get(v, v)), []).append(e)
    brief = len(pairs) > max_nodes
    most_pairs = 3 * max_nodes
    if len(pairs) > most_pairs:
        # Too many links to draw and still open fast: keep the heaviest, and say so.
        heavy = sorted(pairs, key=lambda p: (-sum(e["count"] for e in pairs[p]), p))
        dropped = len(pairs) - most_pairs
        pairs = {p: pairs[p] for p in heavy[:most_pairs]}
        scene.notes.append(
            f"The {most_pairs:,} links with the most sanctions are drawn; {dropped:,} lighter "
            "links are left out. Use --focus ACTOR to see every link around one actor.")
    for (u, v), es in sorted(pairs.items()):
        scene.edges.append(_pair_edge(G, u, v, es, events, brief))
    seen_pairs = set()
    for u, v, k in G.edges(keys=True):
        if k in ("MEMBER_OF", "PART_OF") and u in shown and v in shown:
            a, b = group.get(u, u), group.get(v, v)
            if a != b and (a, b, k) not in seen_pairs:
                seen_pairs.add((a, b, k))
                scene.edges.append({"from": a, "to": b, "rel": k, "ev": [], "info": None})
    scene.edges += tie_edges(G, found, group, _sources, most=most_pairs, notes=scene.notes)
    # A group or person of a country shown in the view, with no stated link to it: link it
    # to its country (it is an attribute of the actor), so "Chinese officials" sit by China.
    linked = {(u, v) for u, v, _ in seen_pairs}
    for n in sorted(shown - set(group)):
        d = G.nodes[n]
        state = node_id(NodeType.ACTOR, str(d.get("country")))
        if (d.get("country") and d.get("kind") != "state" and state in shown
                and state not in group and (n, state) not in linked):
            scene.edges.append({"from": n, "to": state, "rel": "COUNTRY", "ev": [],
                                "info": None})
    return scene


def _pair_edge(G: nx.MultiDiGraph, u: str, v: str, es: list[dict[str, Any]],
               events: _Events, brief: bool = False) -> dict[str, Any]:
    # On a big page every edge's details are cut short: they are most of its size.
    most_lines, most_src, most_details = (5, 3, 5) if brief else (50, 30, 30)
    sids = [s for e in es for s in e["sanctions"]]
    statuses = sorted({st for e in es for st in e["statuses"]})
    reasons = sorted({r for e in es for r in e["reasons"]})
    details: list[str] = []
    lines: list[str] = []
    src: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for sid in sids:
        d = G.nodes[node_id(NodeType.SANCTION, sid)]
        for c, det in zip(d["reasons"], d["reason_details"], strict=False):
            line = _human(c) + (f": {det}" if det else "")
            if len(details) < most_details and line not in details:
                details.append(line)
        if len(lines) < most_lines:
            lines.append(_join([d.get("date"), d["status"], d["label"],
                                _join(_human(m) for m in d.get("measures", []))], " · "))
        for s in _sources(G, d.get("sources", []), d.get("quotes", [])):
            key = (s["t"], s["q"])
            if key not in seen and len(src) < most_src:
                seen.add(key)
                src.append(s)
    if len(sids) > len(lines):
        lines.append(f"… and {len(sids) - len(lines)} more")
    dates = sorted(x for e in es for x in (e["first"], e["last"]) if x)
    label_u = G.nodes[u]["label"] if u in G else u
    label_v = G.nodes[v]["label"] if v in G else v
    n = len(sids)
    return {
        "from": u, "to": v, "rel": "SANCTIONED", "value": n, "label": ", ".join(
            _human(r) for r in reasons),
        "ev": events.of(node_id(NodeType.SANCTION, s) for s in sids),
        "dashed": all(s in TENTATIVE for s in statuses),
        "muted": statuses == ["lifted"], "retaliation": "retaliation" in reasons,
        "info": {"h": f"{label_u} → {label_v}",
                 "sub": f"{n} sanction{'s' if n != 1 else ''} · {', '.join(statuses)}",
                 "rows": _rows(("Reasons", "\n".join(details)), ("Status", ", ".join(statuses)),
                               ("First", dates[0] if dates else None),
                               ("Last", dates[-1] if dates and dates[-1] != dates[0] else None),
                               ("Sanctions", "\n".join(lines))),
                 "src": src}}


def events_scene(G: nx.MultiDiGraph, *, max_nodes: int,
                 on: dict[str, set[str]] | None = None) -> Scene:
    """The full graph (see the module docstring); ``on`` as in :func:`actor_info`."""
    scene = Scene()
    events = _Events(G, scene)
    left_out: list[str] = []
    on = sanctions_on(G) if on is None else on
    found = ties(G)
    tied = by_actor(found)
    for kind in ("source", "reason"):  # relationships are links here, not nodes
        if G.number_of_nodes() - sum(1 for _, d in G.nodes(data=True) if d.get("type") in
                                     ("relationship", *left_out)) <= max_nodes:
            break
        left_out.append(kind)
    if left_out:
        scene.notes.append(
            f"{' and '.join(k + 's' for k in left_out).capitalize()} are not drawn as nodes, "
            f"to keep {G.number_of_nodes():,} nodes usable; each sanction's and statement's "
            "details still list them. Use --focus ACTOR for one actor's neighbourhood.")
    for n, d in G.nodes(data=True):
        t = d.get("type")
        if t in left_out or t == "relationship":  # drawn as links between the actors
            continue
        node: dict[str, Any] = {"id": n, "label": d["label"], "cat": t, "al": []}
        if t == "actor":
            node.update(_actor_node(G, n, events.of(
                [*G.successors(n), *G.predecessors(n)]), on, tied))
        elif t == "sanction":
            node.update(ev=events.of([n]), info=sanction_info(G, n),
                        label=str(d["label"]).replace(" → ", "\n→ "),
                        dashed=d["status"] in TENTATIVE,
                        muted=d["status"] == "lifted")
        elif t == "statement":
            node.update(ev=events.of([n]), info=statement_info(G, n))
        elif t == "reason":
            node.update(ev=events.of(G.predecessors(n)), info={
                "h": d["label"], "sub": "reason", "src": [],
                "rows": _rows(("Sanctions", G.in_degree(n)))})
        else:
            node.update(ev=events.of(G.predecessors(n)), info={
                "h": d["label"], "sub": "source", "rows": _rows(("Cited by", G.in_degree(n))),
                "src": _sources(G, [record_id(n)], [])})
        scene.nodes.append(node)
    drawn = {nd["id"] for nd in scene.nodes}
    for u, v, k, d in G.edges(keys=True, data=True):
        if u not in drawn or v not in drawn:
            continue
        extra = d.get("detail") or d.get("quote")
        scene.edges.append({
            "from": u, "to": v, "rel": k,
            "ev": [events.index[u]] if u in events.index else [],
            "dashed": k in ("IMPOSED", "TARGETS") and bool(
                G.nodes[v if k == "IMPOSED" else u].get("status") in TENTATIVE),
            "info": {"rows": [["Detail" if k == "BECAUSE_OF" else "Quote", str(extra)]]}
            if extra else None})
    scene.edges += tie_edges(G, found, {}, _sources)
    return scene
