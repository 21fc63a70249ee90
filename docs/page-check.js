// descent: records on <body> whether this page rendered completely, for the browser test
// tests/docs/check_docs.sh, which loads every page in headless Chromium and reads these
// attributes from the dumped DOM. It changes nothing a reader sees.
//
//   data-check          "pending" until every check below has finished, then "done"
//   data-mathjax        "absent"  MathJax.js never loaded (broken or missing mathjax/ dir)
//                       "timeout" MathJax loaded but never finished typesetting
//                       "done"    MathJax's queue ran to the end
//   data-math-total     formulas MathJax found (script[type^="math/tex"])
//   data-math-rendered  of those, how many have a rendered frame
//   data-math-errors    TeX or processing errors (merror, MathJax_Error, noError, messages)
//   data-raw-tex        visible text that still looks like TeX delimiters (\( \[ \f$ \f[)
//   data-figures-total  <img> and <object> elements referencing a file
//   data-figures-loaded of those, how many the browser could load and decode
//   data-figures-failed the URLs that failed, separated by spaces
//   data-figures-empty  the figures that loaded with no area: a file whose intrinsic size is
//                       0 (an SVG with width="0"), or an <img>/<object> drawn 0 px wide or
//                       high on the page (elements inside a hidden block are not counted)
(function () {
  "use strict";
  var body = document.body;
  var mathjaxState = "pending";
  var figuresDone = false;
  var mathDone = false;
  var errorsSeen = 0;
  body.setAttribute("data-check", "pending");
  body.setAttribute("data-mathjax", mathjaxState);

  function finishIfReady() {
    if (!figuresDone || !mathDone) return;
    var scripts = document.querySelectorAll('script[type^="math/tex"]');
    var rendered = 0;
    for (var i = 0; i < scripts.length; ++i) {
      var frame = scripts[i].id ? document.getElementById(scripts[i].id + "-Frame") : null;
      if (frame) ++rendered;
    }
    var errors = Math.max(document.querySelectorAll(".merror, .MathJax_Error, .noError").length,
                          errorsSeen);
    var text = body.innerText || "";
    if (text.indexOf("[Math Processing Error]") >= 0) ++errors;
    var raw = text.match(/\\\(|\\\[|\\f\$|\\f\[/g);
    body.setAttribute("data-mathjax", mathjaxState);
    body.setAttribute("data-math-total", String(scripts.length));
    body.setAttribute("data-math-rendered", String(rendered));
    body.setAttribute("data-math-errors", String(errors));
    body.setAttribute("data-raw-tex", String(raw ? raw.length : 0));
    body.setAttribute("data-check", "done");
  }

  // Figures: probe every referenced file as an image; onload means it was found and decoded.
  function checkFigures() {
    var urls = [];
    var elements = [];
    var nodes = document.querySelectorAll("img[src], object[data]");
    for (var i = 0; i < nodes.length; ++i) {
      var url = nodes[i].tagName === "IMG" ? nodes[i].src : nodes[i].data;
      if (url) {
        urls.push(url);
        elements.push(nodes[i]);
      }
    }
    var pending = urls.length;
    var loaded = 0;
    var failed = [];
    var empty = [];
    body.setAttribute("data-figures-total", String(urls.length));
    function name(url) { return url.replace(/^.*\//, ""); }
    // The element as laid out on the page: 0 px wide or high is a figure nobody sees. One
    // inside a block that is not displayed (a collapsed section, a closed search box) has no
    // boxes at all and is left out.
    function drawnEmpty(element) {
      if (element.getClientRects().length === 0) return false;
      var box = element.getBoundingClientRect();
      return !(box.width > 0 && box.height > 0);
    }
    function settle(url, element, ok, width, height) {
      if (!ok) failed.push(name(url));
      else {
        ++loaded;
        if (!(width > 0 && height > 0) || drawnEmpty(element)) empty.push(name(url));
      }
      if (--pending > 0) return;
      body.setAttribute("data-figures-loaded", String(loaded));
      body.setAttribute("data-figures-failed", failed.join(" "));
      body.setAttribute("data-figures-empty", empty.join(" "));
      figuresDone = true;
      finishIfReady();
    }
    if (pending === 0) {
      body.setAttribute("data-figures-loaded", "0");
      body.setAttribute("data-figures-failed", "");
      body.setAttribute("data-figures-empty", "");
      figuresDone = true;
      finishIfReady();
      return;
    }
    urls.forEach(function (url, k) {
      var probe = new Image();
      probe.onload = function () {
        settle(url, elements[k], true, probe.naturalWidth, probe.naturalHeight);
      };
      probe.onerror = function () { settle(url, elements[k], false, 0, 0); };
      probe.src = url;
    });
  }

  // MathJax is loaded asynchronously by the header: wait for it, then queue behind its typesetting.
  var waited = 0;
  function waitForMathJax() {
    var hub = window.MathJax && window.MathJax.Hub;
    if (hub && hub.Queue && hub.Register) {
      hub.Register.MessageHook("TeX Jax - parse error", function () { ++errorsSeen; });
      hub.Register.MessageHook("Math Processing Error", function () { ++errorsSeen; });
      hub.Register.MessageHook("file load error", function () { ++errorsSeen; });
      var timer = setTimeout(function () {
        mathjaxState = "timeout"; mathDone = true; finishIfReady();
      }, 8000);
      hub.Queue(function () {
        if (mathDone) return;
        clearTimeout(timer);
        mathjaxState = "done"; mathDone = true; finishIfReady();
      });
      return;
    }
    waited += 100;
    if (waited >= 5000) { mathjaxState = "absent"; mathDone = true; finishIfReady(); return; }
    setTimeout(waitForMathJax, 100);
  }

  if (document.readyState === "complete") checkFigures();
  else window.addEventListener("load", checkFigures);
  waitForMathJax();
})();
