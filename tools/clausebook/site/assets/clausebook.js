/* clausebook: keep the reader on the clause when switching version; open folded blocks for print.
 *
 * The version switcher's links to the same policy in another version carry the
 * class cb-same-clause. When one is followed, the clause the reader is looking at
 * (the one named in the address, else the last clause heading scrolled past) is
 * added as its anchor, so /global/social-media/#monitoring leads to
 * /de/social-media/#monitoring. Without script the link opens the policy's top.
 */
(function () {
  "use strict";

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  function clauseInView() {
    var headings = document.querySelectorAll("article h3[id]");
    if (!headings.length) return "";
    var named = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var line = headerBottom() + 80;
    var current = "";
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top <= line) current = headings[i].id;
      else break;
    }
    if (named && named.tagName === "H3") {
      var top = named.getBoundingClientRect().top;
      if (top >= -window.innerHeight && top <= window.innerHeight) return named.id;
    }
    return current;
  }

  function keepClause(event) {
    var anchor = event.target && event.target.closest ? event.target.closest("a.cb-same-clause") : null;
    if (!anchor) return;
    var clause = clauseInView();
    var url = new URL(anchor.getAttribute("href"), location.href);
    url.hash = clause ? "#" + clause : "";
    anchor.setAttribute("href", url.pathname === location.pathname ? url.hash || "#" : url.href);
  }
  /* Before the click is handled, and before a middle-click or a long press opens a tab. */
  ["mousedown", "touchstart", "focusin", "click"].forEach(function (name) {
    document.addEventListener(name, keepClause, { capture: true, passive: true });
  });

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.setAttribute("data-cb-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-cb-print-opened]").forEach(function (details) {
      details.removeAttribute("open");
      details.removeAttribute("data-cb-print-opened");
    });
  });
})();
