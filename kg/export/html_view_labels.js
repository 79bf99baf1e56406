/* Part of the browser view's script: kg.export.html splices it into html_view.js, inside
   its closure, where that file names html_view_labels.js; the names it uses are defined there. */
  /* ---- labels: by importance, never on top of another label or node ---- */
  var LABEL_PX = 13, EDGE_LABEL_PX = 12, EDGE_LABELS_FROM = 1.2, MAX_CHARS = 40;
  var ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];  /* where along a link its label may go */
  var BESIDE = [0, 1, -1];  /* on the link, then just to one side of it, then the other */
  var LABELLED_EDGES = Object.keys(edgeLabel), IS_SHARE = {};
  LABELLED_EDGES.forEach(function (id) { IS_SHARE[id] = DATA.emeta[id].r === "OWNS"; });
  var weight = {};
  nodes.forEach(function (n) { weight[n.id] = 0; });
  edges.forEach(function (e) {
    var w = e.value || 1;
    weight[e.from] = (weight[e.from] || 0) + w;
    weight[e.to] = (weight[e.to] || 0) + w;
  });
  var RANK = { state: 3, bloc: 3, government_body: 1, person: 1, sanction: 0, statement: 0,
               reason: 0, source: -3 };
  var order = nodes.getIds().sort(function (a, b) {
    var ra = RANK[DATA.nmeta[a].c] || 0, rb = RANK[DATA.nmeta[b].c] || 0;
    return (weight[b] + 4 * rb) - (weight[a] + 4 * ra) || (a < b ? -1 : 1);
  });
  var widthAt100 = {}, placed = {}, edgePlaced = {}, hovered = { node: null, edge: null };
  var measureCtx = document.createElement("canvas").getContext("2d");
  function font(px) { return px + "px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"; }
  function shortText(t, full) {
    return full || t.length <= MAX_CHARS ? t : t.slice(0, MAX_CHARS - 1) + "…";
  }
  function textWidth(t, px) {
    if (widthAt100[t] === undefined) {
      measureCtx.font = font(100);
      widthAt100[t] = measureCtx.measureText(t).width;
    }
    return widthAt100[t] * px / 100;
  }
  /* A grid of screen boxes taken so far, to test a new box against nearby ones only. */
  function Grid() { this.cells = {}; }
  Grid.prototype.keys = function (b) {
    var out = [], C = 64;
    for (var x = Math.floor(b[0] / C); x <= Math.floor(b[2] / C); x += 1) {
      for (var y = Math.floor(b[1] / C); y <= Math.floor(b[3] / C); y += 1) { out.push(x + ":" + y); }
    }
    return out;
  };
  /* free(b, self, overShapes): no box but self's is hit (labels only, if overShapes). */
  Grid.prototype.free = function (b, self, overShapes) {
    var cells = this.cells;
    return this.keys(b).every(function (k) {
      return !(cells[k] || []).some(function (o) {
        return o.id !== self && !(overShapes && o.shape) &&
          b[0] < o.b[2] && o.b[0] < b[2] && b[1] < o.b[3] && o.b[1] < b[3];
      });
    });
  };
  Grid.prototype.add = function (b, id, shape) {
    var cells = this.cells, o = { b: b, id: id, shape: !!shape };
    this.keys(b).forEach(function (k) { (cells[k] = cells[k] || []).push(o); });
  };
  function drawLabels(ctx) {
    var canvas = network.canvas.frame.canvas, W = canvas.clientWidth, H = canvas.clientHeight;
    var scale = network.getScale(), body = network.body, grid = new Grid();
    var shown = order.filter(function (id) { return body.nodes[id] && !nodes.get(id).hidden; });
    var screen = {};
    shown.forEach(function (id) {  /* every visible node's shape is an obstacle */
      var n = body.nodes[id], p = network.canvasToDOM({ x: n.x, y: n.y });
      var hw = (n.shape.width ? n.shape.width / 2 : n.options.size) * scale;
      var hh = (n.shape.height ? n.shape.height / 2 : n.options.size) * scale;
      screen[id] = { p: p, hw: hw, hh: hh };
      if (p.x + hw >= 0 && p.x - hw <= W && p.y + hh >= 0 && p.y - hh <= H) {
        grid.add([p.x - hw, p.y - hh, p.x + hw, p.y + hh], id, true);
      }
    });
    var first = [hovered.node].concat(network.getSelectedNodes()).filter(function (id) {
      return id && screen[id]; });
    placed = {};
    edgePlaced = {};
    var todo = [], top = Math.max(8, Math.round(shown.length / 20));
    first.concat(shown).forEach(function (id, rank) {
      if (placed[id]) { return; }
      /* The hovered and selected nodes' labels are drawn whatever; the most important
         ones may cross a node's shape (on a white halo); the rest need clear room. */
      var s = screen[id], full = first.indexOf(id) >= 0, bold = rank < first.length + top;
      var text = shortText(labelOf(id), full), w = textWidth(text, LABEL_PX) + 4, h = LABEL_PX + 3;
      var spots = [[s.p.x - w / 2, s.p.y + s.hh + 1], [s.p.x - w / 2, s.p.y - s.hh - 1 - h],
                   [s.p.x + s.hw + 2, s.p.y - h / 2], [s.p.x - s.hw - 2 - w, s.p.y - h / 2]];
      for (var i = 0; i < spots.length; i += 1) {
        var b = [spots[i][0], spots[i][1], spots[i][0] + w, spots[i][1] + h];
        var inside = b[0] >= 0 && b[1] >= 0 && b[2] <= W && b[3] <= H;
        if ((inside && grid.free(b, id, bold)) || (full && i === spots.length - 1)) {
          grid.add(b, id);
          placed[id] = b;
          todo.push([text, b, LABEL_PX, "#222"]);
          return;
        }
      }
    });
    /* Link labels, each where it overlaps no other label or node shape, tried at a few
       points along its link: first the hovered or clicked link's (over a shape if need be,
       and at its middle if nowhere is free), then the selected node's links', then every
       share of ownership at any zoom (the share is what an ownership arrow says), then the
       other links' at close zoom. A label that finds no room shows when its link is
       hovered or clicked. */
    var selNodes = network.getSelectedNodes().length > 0, tiers = {};
    (selNodes ? network.getSelectedEdges() : []).forEach(function (id) { tiers[id] = 1; });
    (selNodes ? [] : network.getSelectedEdges()).concat(hovered.edge ? [hovered.edge] : [])
      .forEach(function (id) { tiers[id] = 0; });
    var elist = [];
    LABELLED_EDGES.forEach(function (id) {
      var t = tiers[id] !== undefined ? tiers[id] : IS_SHARE[id] ? 2 : 3;
      if (t === 3 && scale < EDGE_LABELS_FROM) { return; }
      var e = body.edges[id];
      if (!e || !e.from || !e.to) { return; }
      if (t > 0) {  /* cheap tests first: a link off screen, or too short for its label */
        var a = network.canvasToDOM(e.from), z = network.canvasToDOM(e.to);
        if ((a.x < 0 && z.x < 0) || (a.x > W && z.x > W) || (a.y < 0 && z.y < 0) ||
            (a.y > H && z.y > H) || (t > 1 &&
            Math.hypot(a.x - z.x, a.y - z.y) < textWidth(edgeLabel[id], EDGE_LABEL_PX) + 8)) {
          return;
        }
      }
      if (!edges.get(id).hidden) { elist.push([t, id]); }
    });
    elist.sort(function (x, y) { return x[0] - y[0] || (x[1] < y[1] ? -1 : 1); });
    elist.forEach(function (item) {
      var id = item[1], e = body.edges[id], first = item[0] === 0;
      var text = edgeLabel[id], w = textWidth(text, EDGE_LABEL_PX) + 4, h = EDGE_LABEL_PX + 3;
      /* the link's unit normal on screen: a label with no room on its link may sit just
         beside it (a wide label between two close nodes, in a wide font) */
      var fa = network.canvasToDOM(e.from), fz = network.canvasToDOM(e.to);
      var len = Math.hypot(fz.x - fa.x, fz.y - fa.y) || 1;
      var nx = -(fz.y - fa.y) / len, ny = (fz.x - fa.x) / len;
      var boxAt = function (t, off) {
        var p = network.canvasToDOM(e.edgeType.getPoint(t));
        var cx = p.x + nx * off * (h / 2 + 2), cy = p.y + ny * off * (h / 2 + 2);
        return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
      };
      /* a share of ownership with no clear room may cross a node's shape (on its white
         halo), never another label: the share is what an ownership arrow says */
      var spot = null, rounds = first ? [true] : item[0] === 2 ? [false, true] : [false];
      for (var r = 0; r < rounds.length && !spot; r += 1) {
        for (var k = 0; k < BESIDE.length && !spot; k += 1) {
          for (var i = 0; i < ALONG.length && !spot; i += 1) {
            var b = boxAt(ALONG[i], BESIDE[k]);
            if (b[0] >= 0 && b[1] >= 0 && b[2] <= W && b[3] <= H &&
                grid.free(b, id, rounds[r])) {
              spot = b;
            }
          }
        }
      }
      if (!spot && first) { spot = boxAt(0.5, 0); }
      if (spot) {
        grid.add(spot, id);
        edgePlaced[id] = spot;
        todo.push([text, spot, EDGE_LABEL_PX, "#444"]);
      }
    });
    ctx.save();
    ctx.setTransform(window.devicePixelRatio || 1, 0, 0, window.devicePixelRatio || 1, 0, 0);
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    todo.forEach(function (t) {
      ctx.font = font(t[2]);
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(t[0], t[1][0] + 2, t[1][1] + 1);
      ctx.fillStyle = t[3];
      ctx.fillText(t[0], t[1][0] + 2, t[1][1] + 1);
    });
    ctx.restore();
  }
