/* Part of the browser view's script: kg.export.html splices it into html_view.js, inside
   its closure, where that file names html_view_time.js; the names it uses are defined there. */
  /* ---- time control: a two-handle date range that filters as it moves ----
     Each handle is a day between the first day of the earliest dated record and the last
     day of the latest (meta.dates). A record counts in the range by its date as the CLI's
     --since/--until count it (a partial date overlaps the range); records with no date
     are shown or hidden by their own checkbox. Handles at the ends leave that end open. */
  var DAY = 86400000, range = meta.dates || {};
  var dayZero = range.first ? Date.parse(range.first + "T00:00:00Z") : 0;
  var nDays = range.first ? Math.round((Date.parse(range.last + "T00:00:00Z") - dayZero) / DAY) : 0;
  var fromSlider = byId("kg-from-slider"), toSlider = byId("kg-to-slider");
  function dayText(i) { return new Date(dayZero + i * DAY).toISOString().slice(0, 10); }
  function dayOf(text, end) {  /* a partial date's first (or last) day, as a slider step */
    var p = text.split("-"), y = +p[0], m = p.length > 1 ? +p[1] - 1 : (end ? 11 : 0);
    var t = p.length > 2 ? Date.UTC(y, m, +p[2]) : end ? Date.UTC(y, m + 1, 0) : Date.UTC(y, m, 1);
    return Math.min(nDays, Math.max(0, Math.round((t - dayZero) / DAY)));
  }
  function timeSync() {  /* the text bounds moved: put the handles where they say */
    fromSlider.value = state.since ? dayOf(state.since, false) : 0;
    toSlider.value = state.until ? dayOf(state.until, true) : nDays;
    byId("kg-undated").checked = state.undated;
  }
  function timeMoved(which) {
    var a = +fromSlider.value, b = +toSlider.value;
    if (a > b) { if (which === "from") { toSlider.value = b = a; } else { fromSlider.value = a = b; } }
    state.since = a > 0 ? dayText(a) : "";
    state.until = b < nDays ? dayText(b) : "";
    byId("kg-since").value = state.since;
    byId("kg-until").value = state.until;
    byId("kg-since").setCustomValidity("");
    byId("kg-until").setCustomValidity("");
    applySoon();
  }
  /* On a big page one redraw takes a good part of a second: while a handle is dragged,
     the moves that arrive during a redraw are folded into one, with the latest range. */
  var lastApply = -1e9, pending = null;
  function applySoon() {
    if (pending) { return; }
    if (performance.now() - lastApply > 100) {
      apply();
      lastApply = performance.now();
    } else {
      pending = setTimeout(function () {
        pending = null;
        apply();
        lastApply = performance.now();
      }, 60);
    }
  }
  function timeText() {
    var shown = 0, dated = 0;
    DATA.events.forEach(function (e, i) {
      if (e[3]) { dated += 1; if (evPass(i)) { shown += 1; } }
    });
    setText(byId("kg-range-text"), range.first ?
      (state.since || range.first) + " to " + (state.until || range.last) + ": " + shown +
      " of " + dated + " dated sanctions and statements" : "no dated sanctions or statements");
    byId("kg-undated-text").textContent = "undated (" + (range.undated || 0) + ")" +
      (state.undated ? ", shown" : ", hidden");
  }
  [fromSlider, toSlider].forEach(function (s) {
    s.min = 0;
    s.max = nDays;
    s.disabled = !range.first;
    s.addEventListener("input", function () { timeMoved(s === fromSlider ? "from" : "to"); });
  });
  toSlider.value = nDays;
  byId("kg-undated").addEventListener("change", function () {
    state.undated = byId("kg-undated").checked;
    apply();
  });
