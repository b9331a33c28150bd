/* clausebook: open every collapsible block before printing, so a printed page shows it all. */
(function () {
  "use strict";
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
