"""The browser view: one self-contained, offline, safe HTML page of the graph.

Built on pyvis: :class:`pyvis.network.Network` assembles the vis-network nodes, edges and
options; the page itself comes from our own template (``html_page.html``, ``html_view.js``,
``html_view.css`` beside this module) with vis-network's script and style inlined from the
copy that ships inside the pyvis package. The page makes no network request (a
Content-Security-Policy forbids any), writes no ``lib/`` folder, and is written atomically
as UTF-8.

Safety: names, quotes and URLs are data. They travel as JSON inside a
``<script type="application/json">`` element with every ``<`` escaped, are drawn on the
canvas or written with ``textContent``, and only http(s) URLs become links. vis-network's own
tooltips are not used (its ``title`` may be HTML); the details panel replaces them. The
script-src of the policy allows only the page's two scripts by hash, so even an injected
``onerror=`` attribute could not run.

>>> from kg.graph.build import build
>>> from kg.readwrite.load import load
>>> page = render_html(build(load()))
>>> page.startswith("<!DOCTYPE html>") and "<script src" not in page and "<link" not in page
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import UsageError
from kg.export.html_scene import Scene, actors_scene, events_scene
from kg.export.html_search import search_data
from kg.export.html_ties import UNDIRECTED
from kg.export.layout import layout
from kg.graph.schema import NodeType, node_id, require_kg_graph
from kg.model.dates import first_day, last_day
from kg.query.stats import sanctions_on
from kg.readwrite.atomic import atomic_open

__all__ = ["DEFAULT_MAX_NODES", "EDGE_STYLES", "NODE_STYLES", "render_html", "write_html"]

DEFAULT_MAX_NODES = 2000
#: Most sanctions and statements one page draws. Past it the page would take minutes to
#: build and open, so it is refused with advice (focus on an actor, or export for Gephi).
MAX_RECORDS = 150_000
"""Past this many nodes, the actors view groups actors and the events view drops sources."""

# Okabe-Ito colours (distinguishable with the common colour-vision deficiencies); the shape
# tells the kinds apart too, so the legend still works in grey.
NODE_STYLES: dict[str, dict[str, str]] = {
    "state": {"name": "state", "shape": "dot", "color": "#0072B2"},
    "bloc": {"name": "bloc", "shape": "hexagon", "color": "#56B4E9"},
    "government_body": {"name": "government body", "shape": "square", "color": "#009E73"},
    "person": {"name": "person", "shape": "triangle", "color": "#E69F00"},
    "organization": {"name": "organization", "shape": "triangleDown", "color": "#CC79A7"},
    "group": {"name": "group", "shape": "star", "color": "#A6761D"},
    "vessel": {"name": "vessel", "shape": "dot", "color": "#666666"},
    "aircraft": {"name": "aircraft", "shape": "dot", "color": "#999999"},
    "sanction": {"name": "sanction", "shape": "diamond", "color": "#D55E00"},
    "statement": {"name": "statement", "shape": "box", "color": "#7B61A8"},
    "reason": {"name": "reason", "shape": "ellipse", "color": "#B89B00"},
    "source": {"name": "source", "shape": "square", "color": "#8C8C8C"},
}
EDGE_STYLES: dict[str, dict[str, Any]] = {
    "SANCTIONED": {"name": "sanctioned", "color": "#D55E00", "width": 2},
    "RETALIATION": {"name": "sanctioned in retaliation", "color": "#882255", "width": 2},
    "IMPOSED": {"name": "imposed", "color": "#0072B2", "width": 2},
    "ISSUED": {"name": "issued (the authority)", "color": "#009E73", "width": 1.5,
               "dashes": [3, 3]},
    "TARGETS": {"name": "targets", "color": "#D55E00", "width": 2},
    "BECAUSE_OF": {"name": "because of", "color": "#B89B00", "width": 1},
    "RESPONDS_TO": {"name": "responds to", "color": "#882255", "width": 3},
    "MADE": {"name": "said", "color": "#7B61A8", "width": 1.5},
    "ABOUT": {"name": "about", "color": "#B9A6D9", "width": 1.5},
    "MEMBER_OF": {"name": "member of", "color": "#9E9E9E", "width": 1, "dashes": [2, 4]},
    "PART_OF": {"name": "part of", "color": "#BDBDBD", "width": 1, "dashes": [2, 4]},
    "COUNTRY": {"name": "of country", "color": "#BDBDBD", "width": 1, "dashes": [2, 4]},
    "CITES": {"name": "cites", "color": "#DDDDDD", "width": 1},
    # Ownership and control (kg.export.html_ties): ownership an arrow owner -> asset in its
    # own colour and dash, labelled with the share; the other ties lighter, and curved
    # ("curve": vis-network's roundness) so that a director who also owns is seen twice.
    "OWNS": {"name": "owns (share: 75%, ?% unknown)", "color": "#117733", "width": 2.5,
             "dashes": [14, 3]},
    "DIRECTS": {"name": "directs", "color": "#44AA99", "width": 1.5, "dashes": [6, 3],
                "curve": 0.3},
    "FAMILY": {"name": "family", "color": "#DDAA33", "width": 1.5, "dashes": [1, 3],
               "curve": 0.3},
    "ASSOCIATE": {"name": "associate", "color": "#BB99CC", "width": 1.5,
                  "dashes": [4, 4], "curve": 0.3},
}
MUTED = "#C8C8C8"
TENTATIVE_DASHES = [8, 6]
SELECTED = "#000000"
"""The outline of the selected (or focused) node; a link keeps its colour when selected."""
GROUP_BORDER = "#333333"
"""The outline of a node that stands for a group of actors (dashed)."""
WHITE = "#ffffff"
_OUTLINED = ("box", "ellipse", "database")  # shapes drawn white with a coloured outline
_BIG = 400  # past this many nodes or edges, drop the costly drawing niceties


def _vis_asset(name: str) -> str:
    """vis-network's script or style from the copy inside the pyvis package."""
    import pyvis

    base = Path(pyvis.__file__).parent
    for folder in ("templates/lib/vis-9.1.2", "lib/vis-9.1.2"):
        path = base / folder / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise UsageError(f"vis-network ({name}) is missing from the pyvis package at {base}; "
                     "reinstall pyvis>=0.3.2")


@cache
def _assets() -> dict[str, str]:
    here = resources.files("kg.export")
    # The view's script is html_view.js with its parts (html_view_*.js: the time control,
    # the neighbourhood layout, the search) spliced in where it names them, in one closure.
    view_js = re.sub(r"/\* @@include (html_view_[a-z]+\.js)@@ \*/",
                     lambda m: (here / m.group(1)).read_text(encoding="utf-8"),
                     (here / "html_view.js").read_text(encoding="utf-8"))
    return {"page": (here / "html_page.html").read_text(encoding="utf-8"),
            "view_js": view_js,
            "view_css": (here / "html_view.css").read_text(encoding="utf-8"),
            "vis_js": _vis_asset("vis-network.min.js"),
            "vis_css": _vis_asset("vis-network.css")}


def _script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<`` (so no ``</script>`` or
    ``<!--``), no ``>`` or ``&``, and no U+2028/2029 (line breaks to old JS parsers)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _summary(G: nx.MultiDiGraph) -> tuple[dict[str, int], str | None, str | None]:
    counts = {"actor": 0, "sanction": 0, "statement": 0, "source": 0}
    dates = []
    for _, d in G.nodes(data=True):
        t = d.get("type")
        if t in counts:
            counts[t] += 1
        if t in ("sanction", "statement") and d.get("date"):
            dates.append(str(d["date"]))
    return counts, min(dates, default=None), max(dates, default=None)


def _date_range(events: list[list[Any]]) -> dict[str, Any]:
    """What the page's time control spans: the first day of the earliest dated sanction or
    statement, the last day of the latest (``YYYY-MM-DD``; None when nothing is dated), and
    how many have no date."""
    dated = [str(e[3]) for e in events if e[3]]
    return {"first": first_day(min(dated)) if dated else None,
            "last": max(last_day(d) for d in dated) if dated else None,
            "undated": len(events) - len(dated)}


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _network(scene: Scene, pos: dict[Any, tuple[float, float]], focus: str | None) -> Any:
    """Hand the scene to pyvis; it assembles vis-network's node, edge and option objects."""
    from pyvis.network import Network

    big = len(scene.nodes) > _BIG or len(scene.edges) > _BIG
    net = Network(directed=True, cdn_resources="in_line")
    net.node_ids = _IdList()  # pyvis checks ids with a list scan: quadratic for 5,000 nodes
    for nd in scene.nodes:
        st = NODE_STYLES.get(nd["cat"], NODE_STYLES["group"])
        color = MUTED if nd.get("muted") else st["color"]
        opts: dict[str, Any] = {
            "x": round(pos[nd["id"]][0], 1), "y": round(pos[nd["id"]][1], 1),
            "size": nd.get("size", 14 if nd["cat"] not in ("source", "reason") else 10),
            "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3,
                     "strokeColor": "#ffffff"},
            "borderWidth": 2,
        }
        if st["shape"] in _OUTLINED:
            opts["color"] = {"background": WHITE, "border": color,
                             "highlight": {"background": WHITE, "border": SELECTED}}
            opts["font"] = {"size": 12, "face": "system-ui, sans-serif", "color": "#222222"}
        else:
            opts["color"] = {"background": color, "border": GROUP_BORDER if nd.get("dashed")
                             else color, "highlight": {"background": color, "border": SELECTED}}
        if nd.get("dashed"):
            opts["shapeProperties"] = {"borderDashes": TENTATIVE_DASHES}
            if st["shape"] == "diamond":
                opts["color"]["background"] = WHITE
                opts["color"]["border"] = color
        # Hovered, a node keeps its colours (vis-network would draw it its own blue).
        opts["color"]["hover"] = {"background": opts["color"]["background"],
                                  "border": opts["color"]["border"]}
        if nd["id"] == focus:
            opts["size"] = 24
            opts["borderWidth"] = 4
        net.add_node(nd["id"], label=nd["label"], shape=st["shape"], **opts)
    for i, ed in enumerate(scene.edges):
        rel = "RETALIATION" if ed.get("retaliation") else ed["rel"]
        es = EDGE_STYLES[rel]
        # Selected or hovered, a link keeps its colour (the legend's) and is drawn wider.
        colour = MUTED if ed.get("muted") else es["color"]
        opts = {"id": f"e{i}", "color": {"color": colour, "highlight": colour,
                                         "hover": colour},
                "width": es["width"],
                "arrows": "" if rel == "CITES" or rel in UNDIRECTED else "to"}
        if ed.get("dashed"):
            opts["dashes"] = TENTATIVE_DASHES
        elif es.get("dashes"):
            opts["dashes"] = es["dashes"]
        if es.get("curve"):
            opts["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": es["curve"]}
        if ed.get("value"):
            opts["value"] = ed["value"]
        if ed.get("label") and (not big or rel == "OWNS"):  # shares: at any size
            opts["label"] = ed["label"]
            opts["font"] = {"size": 13, "color": "#444444", "strokeWidth": 4,
                            "strokeColor": "#ffffff", "align": "horizontal"}
        net.add_edge(ed["from"], ed["to"], **opts)
    net.toggle_physics(False)
    net.toggle_hide_edges_on_drag(True)
    net.set_edge_smooth("continuous" if not big else "dynamic")
    return net


def _legend_marks(scene: Scene) -> list[dict[str, Any]]:
    """The legend's entries for the styles that are not a node or link kind, each only when
    the page draws it: ``{"t": "node" | "line", "text", "fill", "border", "color", "dashes",
    "width"}`` (the swatch drawn as the graph draws it; see :func:`_network`)."""
    marks: list[dict[str, Any]] = []
    sanction = NODE_STYLES["sanction"]["color"]
    if any(nd.get("dashed") and nd["cat"] == "sanction" for nd in scene.nodes):
        marks.append({"t": "node", "shape": "diamond", "fill": WHITE, "border": sanction,
                      "dashes": TENTATIVE_DASHES,
                      "text": "dashed outline: threatened or expected sanction"})
    grouped = [nd for nd in scene.nodes if nd.get("dashed") and nd["cat"] != "sanction"]
    if grouped:
        st = NODE_STYLES.get(grouped[0]["cat"], NODE_STYLES["group"])
        marks.append({"t": "node", "shape": "dot", "fill": st["color"], "border": GROUP_BORDER,
                      "dashes": TENTATIVE_DASHES,
                      "text": "dark dashed outline: grouped actors"})
    dashed = [ed for ed in scene.edges if ed.get("dashed")]
    if dashed:
        rel = "RETALIATION" if dashed[0].get("retaliation") else dashed[0]["rel"]
        marks.append({"t": "line", "color": EDGE_STYLES[rel]["color"], "width": 3,
                      "dashes": TENTATIVE_DASHES, "text": "dashed: threatened or expected"})
    if any(x.get("muted") for x in [*scene.edges, *scene.nodes]):
        marks.append({"t": "line", "color": MUTED, "width": 3, "text": "grey: lifted"})
    if scene.nodes:
        marks.append({"t": "node", "shape": "dot", "fill": WHITE, "border": SELECTED,
                      "text": "black outline: selected (or the focus)"})
    return marks


class _IdList(list[Any]):
    """A list with set-speed ``in``, for pyvis's node-id checks."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set[Any] = set()

    def append(self, item: Any) -> None:
        super().append(item)
        self._set.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._set


def _options(net: Any, big: bool) -> dict[str, Any]:
    options: dict[str, Any] = json.loads(net.get_network_data()[5])
    options.pop("configure", None)
    options["edges"]["smooth"] = False if big else {"enabled": True, "type": "continuous",
                                                    "roundness": 0.2}
    options["edges"]["scaling"] = {"min": 1.5, "max": 9, "label": {"enabled": False}}
    options["edges"]["color"] = {"inherit": False}
    options["edges"]["selectionWidth"] = 2
    options["edges"]["arrows"] = {"to": {"enabled": True, "scaleFactor": 0.6}}
    options["interaction"].update({"hover": not big, "tooltipDelay": 3_600_000,
                                   "hideEdgesOnZoom": big, "navigationButtons": False,
                                   "keyboard": False, "multiselect": False})
    options["physics"] = {"enabled": False}
    options["layout"] = {"improvedLayout": False, "randomSeed": 7}
    return options


def render_html(G: nx.MultiDiGraph, *, view: str = "actors", focus: str | None = None,
                depth: int = 2, title: str | None = None,
                max_nodes: int = DEFAULT_MAX_NODES) -> str:
    """The browser view of ``G`` as one HTML page (a string; for notebooks, an ``IFrame``'s
    ``srcdoc``, or a file). See :func:`write_html` for the options."""
    require_kg_graph(G)
    if view not in ("actors", "events"):
        raise UsageError(f"unknown view {view!r} (use 'actors' or 'events')")
    if depth < 0:
        raise UsageError("--depth must be 0 or more")
    if max_nodes < 2:
        raise UsageError("max_nodes must be at least 2")
    focus_id, on = None, None
    if focus:
        from kg.graph.index import resolve_actor
        from kg.graph.subgraph import neighbourhood

        focus_id = node_id(NodeType.ACTOR, resolve_actor(G, focus))
        on = sanctions_on(G)  # the whole graph's, as kg query who-sanctioned counts
        G = neighbourhood(G, focus, depth=depth)
    counts, first, last = _summary(G)
    records = counts["sanction"] + counts["statement"]
    if records > MAX_RECORDS:
        where = f"around {focus} at depth {depth}" if focus else "in the data"
        raise UsageError(
            f"the browser view draws at most {MAX_RECORDS:,} sanctions and statements; there "
            f"are {records:,} {where}. Use --focus ACTOR --depth 1 (or a smaller depth), "
            "pass a slice of the data with -d, or use kg export gexf / neo4j for the whole "
            "graph")
    scene = (actors_scene if view == "actors" else events_scene)(G, max_nodes=max_nodes, on=on)
    frame = nx.Graph()
    frame.add_nodes_from(nd["id"] for nd in scene.nodes)
    # Every record cites the same few sources: laid out with them, the drawing would be a
    # wheel around each source. Sources are laid out apart and set in a row beside the rest.
    frame.add_edges_from((ed["from"], ed["to"]) for ed in scene.edges if ed["rel"] != "CITES")
    net = _network(scene, layout(frame), focus_id)
    big = len(scene.nodes) > _BIG or len(scene.edges) > _BIG
    if title is None:
        title = "Who sanctioned whom" if view == "actors" else "Sanctions events"
        if focus_id:
            title += f" around {G.nodes[focus_id]['label']} ({_plural(depth, 'hop')})"
        if G.graph.get("as_of"):  # the graph of one day (kg.query.graph_as_of)
            title += f", as of {G.graph['as_of']}"
    summary = " · ".join([_plural(counts["actor"], "actor"), _plural(counts["sanction"],
                          "sanction"), _plural(counts["statement"], "statement"),
                          _plural(counts["source"], "source")])
    if first:
        summary += f" · {first} to {last}" if last != first else f" · {first}"
    statuses = sorted({e[1] for e in scene.events if e[1]})
    cats = {nd["cat"] for nd in scene.nodes}
    rels = {"RETALIATION" if ed.get("retaliation") else ed["rel"] for ed in scene.edges}
    data = {
        "meta": {"title": title, "summary": summary, "view": view, "notes": scene.notes,
                 "focus": focus_id, "big": big,
                 "reasons": sorted({r for e in scene.events for r in e[2]}),
                 "statuses": statuses,
                 "node_styles": {k: v for k, v in NODE_STYLES.items() if k in cats},
                 "edge_styles": {k: v for k, v in EDGE_STYLES.items() if k in rels},
                 "marks": _legend_marks(scene),
                 "dates": _date_range(scene.events)},
        "events": scene.events,
        "nodes": net.nodes, "edges": net.edges, "options": _options(net, big),
        "nmeta": {nd["id"]: {"c": nd["cat"], "ev": nd["ev"], "info": nd.get("info")}
                  for nd in scene.nodes},
        "search": search_data(G, scene.nodes),
        "emeta": {f"e{i}": {"r": "RETALIATION" if ed.get("retaliation") else ed["rel"],
                            "ev": ed["ev"], "info": ed.get("info")}
                  for i, ed in enumerate(scene.edges)},
    }
    a = _assets()
    parts = {"TITLE": html.escape(title), "VIS_CSS": a["vis_css"], "VIEW_CSS": a["view_css"],
             "DATA": _script_json(data), "VIS_JS": a["vis_js"], "VIEW_JS": a["view_js"],
             "SCRIPT_HASHES": f"{_csp_hash(a['vis_js'])} {_csp_hash(a['view_js'])}"}
    # One pass, so nothing inserted (data, vis-network) is ever scanned for placeholders.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], a["page"])


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike[str], *, view: str = "actors",
               focus: str | None = None, depth: int = 2, title: str | None = None,
               max_nodes: int = DEFAULT_MAX_NODES) -> Path:
    """Write the browser view of ``G`` to ``path`` (one self-contained UTF-8 file, written
    atomically) and return the path.

    ``view`` is ``"actors"`` (who sanctioned whom, one edge per imposer -> target pair) or
    ``"events"`` (the full graph). ``focus`` (an actor's id, name or alias) keeps only its
    neighbourhood within ``depth`` hops (:func:`kg.graph.subgraph.neighbourhood`: an
    actor's country is one hop). Past ``max_nodes`` nodes the actors view groups the
    less connected actors and the events view leaves out source and reason nodes; the page
    says so.
    """
    page = render_html(G, view=view, focus=focus, depth=depth, title=title,
                       max_nodes=max_nodes)
    target = Path(path)
    with atomic_open(target) as fh:
        fh.write(page)
    return target
