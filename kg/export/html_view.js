/* sanctions-kg browser view. Every text shown here comes from the data and is written with
   textContent (never innerHTML); only http(s) links are made clickable. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = DATA.meta;
  var byId = function (id) { return document.getElementById(id); };

  /* Text into an element, wrapping only at spaces: a word with a hyphen (an id such as
     eu-council-2021, a date, a command name) goes in a span.kg-nobr (white-space: nowrap)
     unless it is longer than a panel line, which may then break anywhere. Only text nodes
     are made; textContent reads the text back unchanged. */
  var HYPHENED = /[^\s-]*-[^\s]*/g;
  function setText(e, text) {
    var s = String(text), at = 0, m;
    e.replaceChildren();
    HYPHENED.lastIndex = 0;
    while ((m = HYPHENED.exec(s)) !== null) {
      if (m[0].length > 32 || m[0].length < 3) { continue; }
      if (m.index > at) { e.appendChild(document.createTextNode(s.slice(at, m.index))); }
      var span = document.createElement("span");
      span.className = "kg-nobr";
      span.textContent = m[0];
      e.appendChild(span);
      at = m.index + m[0].length;
    }
    if (at < s.length) { e.appendChild(document.createTextNode(s.slice(at))); }
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { setText(e, text); }
    return e;
  }
  function safeUrl(u) {
    if (typeof u !== "string") { return null; }
    try {
      var p = new URL(u);
      return (p.protocol === "http:" || p.protocol === "https:") ? p.href : null;
    } catch (err) { return null; }
  }

  setText(byId("kg-title"), meta.title);
  setText(byId("kg-summary"), meta.summary);
  meta.notes.forEach(function (n) { byId("kg-notes").appendChild(el("p", "kg-note", n)); });

  /* Labels are drawn by this page (see "labels" below), not by vis-network: the names
     by importance, each only where it overlaps no other label or node; the rest appear as
     you zoom in, or on hover. vis keeps a blank label so box shapes keep their form. */
  var fullLabel = {}, edgeLabel = {};
  DATA.nodes.forEach(function (n) {
    fullLabel[n.id] = String(n.label === undefined ? n.id : n.label).replace(/\n/g, " ");
    n.label = " ";
    if (n.shape === "box" || n.shape === "ellipse") {  /* keep their form without text */
      n.widthConstraint = { minimum: n.shape === "box" ? 16 : 24 };
      n.heightConstraint = { minimum: 12 };
    }
  });
  DATA.edges.forEach(function (e) {
    if (e.label) { edgeLabel[e.id] = String(e.label); delete e.label; }
  });
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var network = new vis.Network(byId("kg-network"), { nodes: nodes, edges: edges }, DATA.options);

  /* ---- details panel ---- */
  var pinned = null;
  function labelOf(id) {
    return fullLabel[id] !== undefined ? fullLabel[id] : String(id);
  }
  function showInfo(info, node) {
    var box = byId("kg-details");
    box.replaceChildren();
    box.appendChild(el("h2", null, info.h));
    if (info.sub) { box.appendChild(el("div", "kg-sub", info.sub)); }
    var dl = el("dl");
    (info.rows || []).forEach(function (r) {
      dl.appendChild(el("dt", null, r[0]));
      dl.appendChild(el("dd", null, r[1]));
    });
    box.appendChild(dl);
    if (info.src && info.src.length) {
      box.appendChild(el("h3", null, info.src.length === 1 ? "Source" : "Sources"));
      var ul = el("ul");
      info.src.forEach(function (s) {
        var li = el("li");
        var href = safeUrl(s.u);
        if (href) {
          var a = el("a", null, s.t);
          a.href = href;
          a.rel = "noopener noreferrer nofollow";
          a.target = "_blank";
          li.appendChild(a);
        } else {
          li.appendChild(el("span", null, s.t));
        }
        if (s.raw) { li.appendChild(el("div", "kg-raw", "link not opened (not http/https): " + s.raw)); }
        if (s.q) { li.appendChild(el("blockquote", null, "“" + s.q + "”")); }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    if (node) {
      var b = el("button", null, "Show only its neighbourhood");
      b.type = "button";
      b.addEventListener("click", function () { onlyAround(node, 2); });
      box.appendChild(b);
    }
  }
  function nodeInfo(id) {
    var m = DATA.nmeta[id];
    return (m && m.info) || { h: labelOf(id), rows: [], src: [] };
  }
  function edgeInfo(id) {
    var m = DATA.emeta[id], e = edges.get(id);
    if (m.info && m.info.h) { return m.info; }
    var st = meta.edge_styles[m.r] || { name: m.r };
    return { h: labelOf(e.from) + " → " + labelOf(e.to), sub: "link: " + st.name,
             rows: (m.info && m.info.rows) || [], src: [] };
  }
  function show(kind, id, pin) {
    if (pin) { pinned = { kind: kind, id: id }; }
    if (kind === "node") { showInfo(nodeInfo(id), id); } else { showInfo(edgeInfo(id), null); }
  }
  network.on("hoverNode", function (p) { if (!pinned) { show("node", p.node, false); } });
  network.on("hoverEdge", function (p) { if (!pinned) { show("edge", p.edge, false); } });
  network.on("click", function (p) {
    if (p.nodes.length) { show("node", p.nodes[0], true); }
    else if (p.edges.length) { show("edge", p.edges[0], true); }
    else { pinned = null; }
  });

  /* ---- filters ---- */
  var state = { cats: {}, rels: {}, statuses: {}, reason: "", since: "", until: "", only: null,
                undated: true };
  meta.statuses.forEach(function (s) { state.statuses[s] = true; });
  function active() {
    return !!(state.reason || state.since || state.until || !state.undated ||
              meta.statuses.some(function (s) { return !state.statuses[s]; }));
  }
  function evPass(i) {
    var e = DATA.events[i], d = e[3];
    if (!d && !state.undated) { return false; }
    if (d && state.since && d < state.since.slice(0, d.length)) { return false; }
    if (d && state.until && d.slice(0, state.until.length) > state.until) { return false; }
    if (e[0] === "sanction") {
      if (!state.statuses[e[1]]) { return false; }
      if (state.reason && e[2].indexOf(state.reason) < 0) { return false; }
    } else if (state.reason) { return false; }
    return true;
  }
  function apply() {
    var on = active(), vis = {}, nUpd = [], eUpd = [], shownN = 0, shownE = 0;
    nodes.forEach(function (n) {
      var m = DATA.nmeta[n.id];
      var ok = state.cats[m.c] !== false && (!state.only || state.only.has(n.id)) &&
        (m.ev.length ? (!on || m.ev.some(evPass)) : !on);
      vis[n.id] = ok;
      if (ok) { shownN += 1; }
      if (!!n.hidden === ok) { nUpd.push({ id: n.id, hidden: !ok }); }
    });
    edges.forEach(function (e) {
      var m = DATA.emeta[e.id];
      var ok = state.rels[m.r] !== false && vis[e.from] && vis[e.to] &&
        (!m.ev.length || !on || m.ev.some(evPass));
      if (ok) { shownE += 1; }
      if (!!e.hidden === ok) { eUpd.push({ id: e.id, hidden: !ok }); }
    });
    if (nUpd.length) { nodes.update(nUpd); }
    if (eUpd.length) { edges.update(eUpd); }
    if (fitAfterFilter && shownN) {  /* zoom to what the filters left */
      network.fit({ nodes: nodes.getIds().filter(function (id) { return vis[id]; }),
                    animation: false });
    }
    byId("kg-shown").textContent = "Showing " + shownN + " of " + nodes.length + " nodes, " +
      shownE + " of " + edges.length + " links.";
    timeText();
  }
  var fitAfterFilter = false;
  function onlyAround(id, depth) {
    var seen = new Set([id]), frontier = [id];
    for (var i = 0; i < depth; i += 1) {
      var next = [];
      frontier.forEach(function (n) {
        network.getConnectedNodes(n).forEach(function (m) {
          if (!seen.has(m)) { seen.add(m); next.push(m); }
        });
      });
      frontier = next;
    }
    state.only = seen;
    layoutAround(id, seen);
    apply();
    network.fit({ nodes: Array.from(seen), animation: false });
  }

  /* @@include html_view_layout.js@@ */

  var reasonSel = byId("kg-reason");
  meta.reasons.forEach(function (r) {
    var o = el("option", null, r.replace(/_/g, " "));
    o.value = r;
    reasonSel.appendChild(o);
  });
  reasonSel.addEventListener("change", function () { state.reason = reasonSel.value; apply(); });
  function checkbox(parent, key, store, swatch, text) {
    var lab = el("label", "kg-item"), box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.key = key;
    box.addEventListener("change", function () { store[key] = box.checked; apply(); });
    lab.appendChild(box);
    if (swatch) { lab.appendChild(swatch); }
    lab.appendChild(el("span", null, text));
    parent.appendChild(lab);
    return box;
  }
  meta.statuses.forEach(function (s) { checkbox(byId("kg-statuses"), s, state.statuses, null, s); });
  function dateInput(id, key) {
    var input = byId(id);
    input.addEventListener("input", function () {
      var v = input.value.trim();
      if (v === "" || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) {
        input.setCustomValidity("");
        state[key] = v;
        timeSync();
        apply();
      } else { input.setCustomValidity("YYYY, YYYY-MM or YYYY-MM-DD"); }
    });
  }
  dateInput("kg-since", "since");
  dateInput("kg-until", "until");

  /* @@include html_view_time.js@@ */

  byId("kg-reset").addEventListener("click", function () {
    state.reason = ""; state.since = ""; state.until = ""; state.only = null;
    state.undated = true;
    reasonSel.value = ""; byId("kg-since").value = ""; byId("kg-until").value = "";
    timeSync();
    restorePositions();
    document.querySelectorAll("#kg-side input[type=checkbox]").forEach(function (b) { b.checked = true; });
    Object.keys(state.cats).forEach(function (k) { state.cats[k] = true; });
    Object.keys(state.rels).forEach(function (k) { state.rels[k] = true; });
    Object.keys(state.statuses).forEach(function (k) { state.statuses[k] = true; });
    apply();
    network.fit({ animation: false });
  });

  /* ---- legend (doubles as the type filter) ---- */
  /* Every swatch is drawn as the graph draws it: a node's fill and outline (white with a
     coloured outline for box shapes), a line's colour, width and dash pattern (data-dashes
     holds the pattern, as vis-network's [dash, gap] in pixels). */
  function nodeSwatch(shape, fill, border, dashes) {
    var sw = el("span", "kg-sw " + shape);
    sw.style.backgroundColor = fill;
    sw.style.border = "2px " + (dashes ? "dashed " : "solid ") + border;
    if (dashes) { sw.dataset.dashes = JSON.stringify(dashes); }
    return sw;
  }
  function lineSwatch(color, width, dashes) {
    var sw = el("span", "kg-line");
    sw.style.height = Math.max(2, width) + "px";
    if (dashes) {
      sw.dataset.dashes = JSON.stringify(dashes);
      sw.style.backgroundImage = "repeating-linear-gradient(to right, " + color + " 0 " +
        dashes[0] + "px, transparent " + dashes[0] + "px " + (dashes[0] + dashes[1]) + "px)";
    } else { sw.style.backgroundColor = color; }
    return sw;
  }
  var OUTLINED = ["box", "ellipse", "database"];
  Object.keys(meta.node_styles).forEach(function (k) {
    var st = meta.node_styles[k], boxy = OUTLINED.indexOf(st.shape) >= 0;
    checkbox(byId("kg-legend-nodes"), k, state.cats,
             nodeSwatch(st.shape, boxy ? "#ffffff" : st.color, st.color, null), st.name);
  });
  Object.keys(meta.edge_styles).forEach(function (k) {
    var st = meta.edge_styles[k];
    checkbox(byId("kg-legend-edges"), k, state.rels, lineSwatch(st.color, st.width, st.dashes),
             st.name);
  });
  function legendNote(sw, text) {
    var row = el("div", "kg-item");
    row.appendChild(sw);
    row.appendChild(el("span", null, text));
    byId("kg-legend-status").appendChild(row);
  }
  meta.marks.forEach(function (m) {
    legendNote(m.t === "node" ? nodeSwatch(m.shape, m.fill, m.border, m.dashes)
                              : lineSwatch(m.color, m.width, m.dashes), m.text);
  });
  if (meta.view === "actors") { legendNote(lineSwatch("#555555", 5, null), "thicker: more sanctions"); }

  /* @@include html_view_search.js@@ */

  /* @@include html_view_labels.js@@ */

  network.on("afterDrawing", drawLabels);
  network.on("hoverNode", function (p) { hovered.node = p.node; network.redraw(); });
  network.on("blurNode", function () { hovered.node = null; network.redraw(); });
  network.on("hoverEdge", function (p) { hovered.edge = p.edge; network.redraw(); });
  network.on("blurEdge", function () { hovered.edge = null; network.redraw(); });

  apply();
  fitAfterFilter = true;
  if (meta.focus && nodes.get(meta.focus)) {
    network.selectNodes([meta.focus]);
    show("node", meta.focus, true);
  }
  window.kgView = { network: network, nodes: nodes, edges: edges, data: DATA, select: select,
                    normalize: normalize, tokensKey: tokensKey, matches: matches,
                    suggest: suggest, suggestKeys: function () { return SUGGEST_KEYS; },
                    settled: function () { return !pending; },
                    labelBoxes: function () { return placed; },
                    edgeLabelBoxes: function () { return edgePlaced; },
                    edgeLabelText: function (id) { return edgeLabel[id]; },
                    showEdge: function (id) { show("edge", id, true); },
                    showNode: function (id) { show("node", id, true); } };
  network.once("afterDrawing", function () {
    window.kgReady = { ms: performance.now() };
    document.body.dataset.ready = "1";
  });
}());
