/* Part of the browser view's script: kg.export.html splices it into html_view.js, inside
   its closure, where that file names html_view_search.js; the names it uses are defined there. */
  /* ---- search by every name the CLI accepts ----
     Python ships each actor's keys (DATA.search.keys: [normalised, matcher words, text,
     how]; see kg/export/html_search.py). What is typed is folded by the same two rules as
     kg.resolve (normalize, and name_tokens for the matcher's words) and compared as text:
     exact, then start of a name, then start of a word, then anywhere; weak aliases last. */
  var SEARCH = DATA.search, FOLD = SEARCH.fold;
  var LEGAL = new Set(SEARCH.legal), STOP = new Set(SEARCH.stop);
  function normalize(s) {  /* kg.resolve.resolver.normalize */
    var t = String(s).normalize("NFKD").replace(/\p{Mn}/gu, "").toLowerCase()
      .replace(/ß/g, "ss").replace(/ς/g, "σ");
    t = t.replace(/&/g, " and ").replace(/[.'’`´]/g, "").replace(/[^\p{L}\p{N}_]+/gu, " ")
      .replace(/_/g, " ").trim().replace(/\s+/g, " ");
    return t.indexOf("the ") === 0 ? t.slice(4) : t;
  }
  function tokensKey(s) {  /* kg.resolve.translit.name_tokens, joined by spaces */
    var t = String(s);
    if (/[^\x00-\x7f]/.test(t)) {
      t = t.replace(/ου/gi, "ou");
      t = Array.from(t).map(function (ch) {
        return FOLD[ch] !== undefined ? FOLD[ch] : ch.normalize("NFKD").replace(/\p{Mn}/gu, "");
      }).join("");
    }
    var words = t.replace(/['`]/g, "").replace(/&/g, " and ").toLowerCase().match(/[a-z0-9]+/g) || [];
    var kept = words.filter(function (w) { return !LEGAL.has(w) && !STOP.has(w); });
    return (kept.length ? kept : words).join(" ");
  }
  var names = [];
  Object.keys(SEARCH.keys).forEach(function (id) {
    names.push({ id: id, label: labelOf(id), keys: SEARCH.keys[id] });
  });
  function rankOf(k, q) {
    if (!q) { return 9; }
    if (k === q) { return 0; }
    if (k.indexOf(q) === 0) { return 1; }
    if ((" " + k).indexOf(" " + q) >= 0) { return 2; }
    if (k.indexOf(q) >= 0) { return 3; }
    var words = " " + k;  /* every typed word starts a word of the name, in any order */
    return q.split(" ").every(function (w) { return words.indexOf(" " + w) >= 0; }) ? 4 : 9;
  }
  function select(id) {
    if (state.only && !state.only.has(id)) { state.only = null; restorePositions(); apply(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    show("node", id, true);
  }
  var search = byId("kg-search");
  function matches(text) {
    var q = normalize(text), tq = tokensKey(text);
    if (!q && !tq) { return []; }
    var hits = [];
    names.forEach(function (n) {
      var best = null;
      n.keys.forEach(function (k) {
        var r = Math.min(rankOf(k[0], q), rankOf(k[1], tq)) + (k[3] === "weak alias" ? 0.5 : 0);
        if (r < 9 && (!best || r < best.rank)) { best = { rank: r, text: k[2], how: k[3] }; }
      });
      if (best) {
        hits.push({ id: n.id, label: n.label, rank: best.rank, text: best.text, how: best.how });
      }
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || a.label.length - b.label.length || (a.label < b.label ? -1 : 1);
    });
    return hits.slice(0, 25);
  }
  search.addEventListener("input", function () {
    var list = byId("kg-matches");
    list.replaceChildren();
    matches(search.value).forEach(function (n) {
      var li = el("li"), b = el("button", null, n.label);
      b.type = "button";
      b.dataset.node = n.id;
      b.dataset.how = n.how;
      if (n.how !== "name") {  /* how the typed name names it: "beijing · seat of government" */
        b.appendChild(el("small", "kg-how", n.text + " · " + n.how));
      }
      b.addEventListener("click", function () { select(n.id); });
      li.appendChild(b);
      list.appendChild(li);
    });
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var hits = matches(search.value);
      if (hits.length) { select(hits[0].id); }
    }
  });
