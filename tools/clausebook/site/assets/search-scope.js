/* clausebook: search this handbook only, load its index when the reader searches, forgive typos.
 *
 * Loaded in front of Material's bundle (the clausebook plugin puts it there), with
 * data-cb-index naming this page's index (see site/search_scope.py):
 *  - Material asks for search/search_index.json once, with XMLHttpRequest; that one
 *    request is pointed at this handbook's own index instead;
 *  - the request is held until the reader opens search (focus on the field, the
 *    search toggle, or a ?q= / ?h= link), so reading a page downloads no index;
 *  - each plain word of a query also matches with one typo (two for long words)
 *    and as a prefix: "confidentail" finds "confidential", "linkd" finds "LinkedIn".
 *    A query written in search syntax (quotes, * ~ ^ + - :) is left as it is.
 * Without this script Material searches the whole site, as it would anyway.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var scoped = script && script.getAttribute("data-cb-index");
  if (!scoped || !window.XMLHttpRequest || !window.URL) return;
  var indexURL = new URL(scoped, location.href).href;
  var QUERY = 2; /* Material's SearchMessageType.QUERY */

  function isMaterialIndex(url) {
    try {
      var target = new URL(String(url), location.href);
      return target.origin === location.origin && /(^|\/)search\/search_index\.json$/.test(target.pathname);
    } catch (error) {
      return false;
    }
  }

  var wanted = /[?&](q|h)=/.test(location.search);
  var held = [];
  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (send) { send(); });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    this.cbScopedIndex = String(method).toUpperCase() === "GET" && isMaterialIndex(url);
    if (this.cbScopedIndex) args[1] = indexURL;
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.cbScopedIndex && !wanted) {
      held.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches('[data-md-component="search-query"]')) want();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) want();
  });
  document.addEventListener("pointerdown", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest('label[for="__search"], .md-search')) want();
  }, true);

  /* Material makes every term a prefix ("word*"); this adds the word within one or
   * two edits ("word~1", lunr counts a swap of two letters as one edit) and, for a word
   * still being typed, the word without its last letter as a prefix too. (lunr cannot
   * combine a prefix with an edit distance: "word*~1" matches words one letter longer.) */
  function tolerant(query) {
    if (/["*~^:+\-]/.test(query)) return query;
    return query.trim().split(/\s+/).map(function (word) {
      if (word.length < 4) return word;
      var terms = [word, word + "~" + (word.length >= 9 ? 2 : 1)];
      if (word.length >= 5) terms.push(word.slice(0, -1));
      return terms.join(" ");
    }).join(" ");
  }

  if (window.Worker) {
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === QUERY && typeof message.data === "string") {
        args[0] = { type: QUERY, data: tolerant(message.data) };
      }
      return post.apply(this, args);
    };
  }
})();
