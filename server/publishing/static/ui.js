// Sets up YASGUI against this server's endpoint with one tab per competency question.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("dkg-config").textContent);
  // The class and property autocompleters ask a web service (LOV): the page must work offline.
  var offline = ["class", "property"];
  Yasgui.Yasqe.defaults.autocompleters = (Yasgui.Yasqe.defaults.autocompleters || [])
    .filter(function (name) { return offline.indexOf(name) === -1; });

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    // Tabs are rebuilt from queries/*.rq on every visit, so stale saved tabs never hide new questions.
    persistenceId: null,
    autoAddOnInit: config.questions.length === 0,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    yasqe: { autocompleters: [] }
  });

  var tabIds = {};
  config.questions.forEach(function (q, i) {
    var name = q.title.length > 48 ? q.title.slice(0, 45) + "…" : q.title;
    var tab = yasgui.addTab(i === 0, {
      name: name,
      yasqe: { value: q.query },
      requestConfig: { endpoint: config.endpoint, method: "POST" }
    });
    tabIds[q.id] = tab.getId();
  });

  document.querySelectorAll("[data-example]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var id = tabIds[link.getAttribute("data-example")];
      if (id) { yasgui.selectTabId(id); document.getElementById("yasgui").scrollIntoView(); }
    });
  });
  // Result IRIs minted by this graph open on this server.
  document.getElementById("yasgui").addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.iri");
    if (!link) { return; }
    var href = link.getAttribute("href");
    var prefixes = Object.keys(config.local).sort(function (a, b) { return b.length - a.length; });
    for (var i = 0; i < prefixes.length; i++) {
      if (href.indexOf(prefixes[i]) === 0) {
        event.preventDefault();
        window.open(config.local[prefixes[i]] + href.slice(prefixes[i].length), "_blank", "noopener");
        return;
      }
    }
  }, true);
  window.dkgYasgui = yasgui;
})();
