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
  /* ---- "did you mean": what the CLI suggests for a name it does not know ----
     kg.resolve.Resolver.suggest is difflib.get_close_matches(normalize(typed), keys, n=3,
     cutoff=0.6) over the normalised names and aliases; ratio() below is difflib's
     SequenceMatcher(None, key, typed).ratio() (no junk: the typed text is under 200
     characters), so the page ranks them as Python does, ties by the larger key. */
  var SUGGEST = {};
  names.forEach(function (n) {
    n.keys.forEach(function (k) {
      if (k[3] !== "weak alias" && k[0] &&
          SUGGEST[k[0]] === undefined) {
        SUGGEST[k[0]] = { id: n.id, label: n.label, text: k[2], how: k[3] };
      }
    });
  });
  var SUGGEST_KEYS = Object.keys(SUGGEST);
  function matchedChars(a, b) {  /* sum of difflib's get_matching_blocks sizes */
    var b2j = {}, total = 0, queue = [[0, a.length, 0, b.length]];
    b.forEach(function (ch, j) { (b2j[ch] = b2j[ch] || []).push(j); });
    while (queue.length) {
      var q = queue.pop(), alo = q[0], ahi = q[1], blo = q[2], bhi = q[3];
      var besti = alo, bestj = blo, bestsize = 0, j2len = {};
      for (var i = alo; i < ahi; i += 1) {
        var next = {}, js = b2j[a[i]] || [];
        for (var x = 0; x < js.length; x += 1) {
          var j = js[x];
          if (j < blo) { continue; }
          if (j >= bhi) { break; }
          var k = next[j] = (j2len[j - 1] || 0) + 1;
          if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
        }
        j2len = next;
      }
      if (bestsize) {
        total += bestsize;
        if (alo < besti && blo < bestj) { queue.push([alo, besti, blo, bestj]); }
        if (besti + bestsize < ahi && bestj + bestsize < bhi) {
          queue.push([besti + bestsize, ahi, bestj + bestsize, bhi]);
        }
      }
    }
    return total;
  }
  function ratio(key, typed) {
    var a = Array.from(key), b = Array.from(typed), n = a.length + b.length;
    return n ? 2 * matchedChars(a, b) / n : 1;
  }
  function quickRatio(a, b) {  /* difflib's upper bounds, to skip most keys quickly */
    var n = a.length + b.length;
    if (2 * Math.min(a.length, b.length) / n < 0.6) { return 0; }
    var avail = {}, m = 0;
    Array.from(b).forEach(function (c) { avail[c] = (avail[c] || 0) + 1; });
    Array.from(a).forEach(function (c) { if (avail[c] > 0) { avail[c] -= 1; m += 1; } });
    return 2 * m / n;
  }
  function suggest(text) {
    var q = normalize(text);
    if (!q || q.length >= 200) { return []; }
    var found = [];
    SUGGEST_KEYS.forEach(function (k) {
      if (quickRatio(k, q) >= 0.6) {
        var r = ratio(k, q);
        if (r >= 0.6) { found.push({ key: k, score: r }); }
      }
    });
    found.sort(function (x, y) { return y.score - x.score || (x.key < y.key ? 1 : -1); });
    return found.slice(0, 3).map(function (f) {
      var s = SUGGEST[f.key];
      return { id: s.id, label: s.label, text: s.text, how: s.how, key: f.key };
    });
  }
  function matchButton(n, how) {
    var li = el("li"), b = el("button", null, n.label);
    b.type = "button";
    b.dataset.node = n.id;
    b.dataset.how = how;
    if (n.how !== "name" || how === "suggestion") {
      /* how the typed name names it: "beijing · seat of government" */
      b.appendChild(el("small", "kg-how", n.text + " · " + n.how));
    }
    b.addEventListener("click", function () { select(n.id); });
    li.appendChild(b);
    return li;
  }
  search.addEventListener("input", function () {
    var list = byId("kg-matches");
    list.replaceChildren();
    var hits = matches(search.value), typed = search.value.trim();
    /* No name is, or starts with, what was typed (at best it is inside a longer word, as
       "rusia" in "Belarusian"): the nearest names first, then those hits. */
    if (typed && !hits.some(function (h) { return h.rank < 3; })) {
      var near = suggest(typed);
      list.appendChild(el("li", "kg-none", "No name here starts with “" + typed + "”" +
        (near.length ? "; did you mean:" : hits.length ? "." : ", nor is near it.")));
      near.forEach(function (n) { list.appendChild(matchButton(n, "suggestion")); });
      if (hits.length) { list.appendChild(el("li", "kg-none", "Names that contain it:")); }
    }
    hits.forEach(function (n) { list.appendChild(matchButton(n, n.how)); });
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {  /* the first one listed (a suggestion, when they lead) */
      var first = byId("kg-matches").querySelector("button");
      if (first) { select(first.dataset.node); }
    }
  });
