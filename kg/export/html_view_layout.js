/* Part of the browser view's script: kg.export.html splices it into html_view.js, inside
   its closure, where that file names html_view_layout.js; the names it uses are defined there. */
  /* ---- re-layout of a neighbourhood ----
     "Show only its neighbourhood" lays the shown nodes out afresh, around the chosen one:
     rings by hops (each ring wide enough for its nodes, in the order of their parents'
     angles), then a few rounds of spring forces when there are few enough nodes to do it
     at once. "Show everything" puts every node back where the page first drew it. */
  var home = null;
  function restorePositions() {
    if (!home) { return; }
    nodes.update(Object.keys(home).map(function (k) { return { id: k, x: home[k].x, y: home[k].y }; }));
    home = null;
  }
  function layoutAround(centre, keep) {
    restorePositions();
    home = network.getPositions();
    var ids = Array.from(keep), depth = {}, parent = {}, rings = [[centre]], adj = {};
    ids.forEach(function (n) { adj[n] = network.getConnectedNodes(n).filter(function (m) {
      return keep.has(m) && m !== n; }); });
    depth[centre] = 0;
    for (var r = 0; rings[r].length; r += 1) {
      var next = [];
      rings[r].forEach(function (n) {
        adj[n].forEach(function (m) {
          if (depth[m] === undefined) { depth[m] = r + 1; parent[m] = n; next.push(m); }
        });
      });
      rings.push(next);
    }
    var pos = {}, STEP = 190, GAP = 70;
    pos[centre] = { x: 0, y: 0, a: 0 };
    rings.forEach(function (ring, k) {
      if (!k || !ring.length) { return; }
      ring.sort(function (a, b) { return pos[parent[a]].a - pos[parent[b]].a || (a < b ? -1 : 1); });
      var rad = Math.max(STEP * k, ring.length * GAP / (2 * Math.PI));
      ring.forEach(function (n, i) {
        var a = 2 * Math.PI * i / ring.length + k * 0.4;
        pos[n] = { x: rad * Math.cos(a), y: rad * Math.sin(a), a: a };
      });
    });
    ids.forEach(function (n, i) {  /* not reached through shown links: a row below */
      if (!pos[n]) { pos[n] = { x: (i % 20) * GAP, y: STEP * rings.length, a: 0 }; }
    });
    if (ids.length <= 400) { springs(ids, adj, pos, centre, STEP); }
    nodes.update(ids.map(function (n) { return { id: n, x: pos[n].x, y: pos[n].y }; }));
  }
  function springs(ids, adj, pos, centre, L) {  /* Fruchterman-Reingold, cooling */
    var t = L / 2;
    for (var it = 0; it < 120; it += 1) {
      var d = {};
      ids.forEach(function (n) { d[n] = { x: 0, y: 0 }; });
      for (var i = 0; i < ids.length; i += 1) {
        for (var j = i + 1; j < ids.length; j += 1) {
          var a = pos[ids[i]], b = pos[ids[j]], dx = a.x - b.x, dy = a.y - b.y;
          var dist2 = Math.max(dx * dx + dy * dy, 1), f = L * L / dist2;
          d[ids[i]].x += dx * f; d[ids[i]].y += dy * f;
          d[ids[j]].x -= dx * f; d[ids[j]].y -= dy * f;
        }
      }
      ids.forEach(function (n) {
        adj[n].forEach(function (m) {
          var a = pos[n], b = pos[m], dx = a.x - b.x, dy = a.y - b.y;
          var dist = Math.max(Math.sqrt(dx * dx + dy * dy), 1), f = dist / L;
          d[n].x -= dx * f; d[n].y -= dy * f;
        });
      });
      ids.forEach(function (n) {
        if (n === centre) { return; }
        var len = Math.max(Math.sqrt(d[n].x * d[n].x + d[n].y * d[n].y), 1e-9);
        var step = Math.min(len, t);
        pos[n].x += d[n].x / len * step;
        pos[n].y += d[n].y / len * step;
      });
      t = Math.max(2, t * 0.96);
    }
  }
