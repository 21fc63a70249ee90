// Full-text search of the descent documentation (docs/CMakeLists.txt, step 5).
//
// Adds a search box to every page. On first use it loads search-data.js (one record per
// section of every page: its heading, its page's title, its prose, and the items it shows;
// written at docs time by docs/search_index.py) and builds a lunr index from it (Debian's
// libjs-lunr, copied next to this file). Results list the best ten sections, each a link
// to the section's anchor. A page opened with ?search=WORDS types WORDS into the box and
// records the results on <body data-search-results="url url ..."> (read by the browser
// test, tests/docs/check_docs.sh --search).
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? script.src.replace(/[^\/]*$/, "") : "";
  var index = null, docs = null, loading = null;

  function load(done) {
    if (index) return done();
    if (loading) return loading.push(done);
    loading = [done];
    var s = document.createElement("script");
    s.src = base + "search-data.js";
    s.onload = function () {
      docs = window.DESCENT_SEARCH_DOCS || [];
      index = lunr(function () {
        this.ref("i");
        this.field("t", { boost: 10 });
        this.field("s", { boost: 5 });
        this.field("p", { boost: 2 });
        this.field("b");
        for (var i = 0; i < docs.length; ++i)
          this.add({ i: String(i), t: docs[i].t, s: docs[i].s || "", p: docs[i].p, b: docs[i].b });
      });
      var waiting = loading; loading = null;
      waiting.forEach(function (f) { f(); });
    };
    document.head.appendChild(s);
  }

  // Words of the query, split as lunr splits the text (spaces and hyphens).
  function terms(q) {
    return q.toLowerCase().split(/[\s\-]+/).map(function (w) {
      return w.replace(/^\W+|\W+$/g, "");
    }).filter(function (w) { return w.length > 0; });
  }

  // Every word required first (as one would expect of "early stopping"); if nothing has
  // them all, any of them.
  function search(q) {
    var words = terms(q);
    if (!words.length) return [];
    var all = index.query(function (query) {
      words.forEach(function (w) {
        query.term(w, { presence: lunr.Query.presence.REQUIRED });
      });
    });
    if (all.length) return all;
    return index.query(function (query) {
      words.forEach(function (w) { query.term(w); });
    });
  }

  function snippet(text, words) {
    var lower = text.toLowerCase(), at = -1;
    for (var i = 0; i < words.length && at < 0; ++i) at = lower.indexOf(words[i]);
    var from = Math.max(0, at - 60);
    return (from > 0 ? "…" : "") + text.substr(from, 180) + (text.length > from + 180 ? "…" : "");
  }

  function render(box, list, q) {
    list.innerHTML = "";
    if (!q.trim()) { list.hidden = true; return []; }
    var hits = search(q).slice(0, 10), words = terms(q);
    hits.forEach(function (h) {
      var d = docs[Number(h.ref)];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = base + d.u;
      var title = document.createElement("span");
      title.className = "descent-search-title";
      title.textContent = d.t;
      var where = document.createElement("span");
      where.className = "descent-search-page";
      where.textContent = d.t === d.p ? "" : d.p;
      var text = document.createElement("span");
      text.className = "descent-search-text";
      text.textContent = snippet(d.b, words);
      a.appendChild(title); a.appendChild(where); a.appendChild(text);
      li.appendChild(a);
      list.appendChild(li);
    });
    if (!hits.length) {
      var none = document.createElement("li");
      none.className = "descent-search-none";
      none.textContent = "No section mentions " + q;
      list.appendChild(none);
    }
    list.hidden = false;
    return hits.map(function (h) { return docs[Number(h.ref)].u; });
  }

  function install() {
    var host = document.getElementById("doc-content") || document.body;
    var form = document.createElement("form");
    form.className = "descent-search";
    form.setAttribute("role", "search");
    form.innerHTML = '<input type="search" placeholder="Search the book: words, \u201cFigure 4.9\u201d, \u201cearly stopping\u201d" ' +
      'aria-label="Search the documentation" autocomplete="off"><ol class="descent-search-results" hidden></ol>';
    var header = host.querySelector(".header");
    if (header) header.parentNode.insertBefore(form, header);
    else host.insertBefore(form, host.firstChild);
    var box = form.querySelector("input"), list = form.querySelector("ol");
    var update = function () { load(function () { render(box, list, box.value); }); };
    box.addEventListener("input", update);
    box.addEventListener("focus", function () { load(function () {}); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var first = list.querySelector("a");
      if (first) window.location.href = first.href;
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") list.hidden = true;
    });
    var asked = new URLSearchParams(window.location.search).get("search");
    if (asked !== null) {
      box.value = asked;
      load(function () {
        var urls = render(box, list, asked);
        document.body.setAttribute("data-search-results", urls.join(" "));
      });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", install);
  else install();
})();
