// Sets up YASGUI against this server's endpoint; the competency questions are offered in a picker
// (one editor tab, not one tab per question: nineteen tabs wrapped into ten rows).
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("dkg-config").textContent);
  // The class and property autocompleters ask a web service (LOV): the page must work offline.
  var offline = ["class", "property"];
  Yasgui.Yasqe.defaults.autocompleters = (Yasgui.Yasqe.defaults.autocompleters || [])
    .filter(function (name) { return offline.indexOf(name) === -1; });
  // Results show values: 3, not "3"^^xsd:integer; IRIs without angle brackets (YASR's compact table).
  var tablePlugin = (Yasgui.Yasr.defaults.plugins || {}).table;
  if (tablePlugin) {
    tablePlugin.dynamicConfig = Object.assign({}, tablePlugin.dynamicConfig, { compact: true });
  }

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    // Rebuilt from queries/*.rq on every visit, so a stale saved query never hides new questions.
    persistenceId: null,
    autoAddOnInit: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    yasqe: { autocompleters: [] }
  });

  var byId = {};
  config.questions.forEach(function (q) { byId[q.id] = q; });
  var picker = document.getElementById("dkg-examples");

  function show(id) {
    var q = byId[id];
    var tab = yasgui.getTab();
    if (!q || !tab) { return; }
    tab.setQuery(q.query);
    tab.setName(q.title.length > 48 ? q.title.slice(0, 45) + "…" : q.title);
    if (picker) { picker.value = id; }
  }

  if (picker) {
    picker.addEventListener("change", function () { show(picker.value); });
  }
  document.querySelectorAll("[data-example]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      show(link.getAttribute("data-example"));
      document.getElementById("yasgui").scrollIntoView();
    });
  });
  if (config.questions.length) { show(config.questions[0].id); }

  // Result IRIs minted by this graph link to their page on this server, not to their home host.
  var prefixes = Object.keys(config.local).sort(function (a, b) { return b.length - a.length; });
  function local(href) {
    for (var i = 0; i < prefixes.length; i++) {
      if (href.indexOf(prefixes[i]) === 0) { return config.local[prefixes[i]] + href.slice(prefixes[i].length); }
    }
    return null;
  }
  function relink(root) {
    root.querySelectorAll("a.iri:not([data-dkg-local])").forEach(function (link) {
      var target = local(link.getAttribute("href") || "");
      link.setAttribute("data-dkg-local", "");
      if (target === null) { return; }
      link.setAttribute("data-iri", link.getAttribute("href"));
      link.setAttribute("href", target);
      link.setAttribute("title", link.getAttribute("data-iri"));
    });
  }
  // YASR redraws rows on every page, sort and filter: relink whatever it adds.
  new MutationObserver(function () { relink(document.getElementById("yasgui")); })
    .observe(document.getElementById("yasgui"), { childList: true, subtree: true });
  window.dkgYasgui = yasgui;
})();
