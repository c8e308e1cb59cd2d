/*
 * Safer Internet Centre resource widget. On a partner's page:
 *
 *   <div data-sic-resources data-topic="cyberbullying" data-locale="cs" data-page-size="4"></div>
 *   <script src="https://<centre>/static/embed/widget.js" async></script>
 *
 * Every such element gets cards of the centre's resources, fetched from the centre's API
 * (the origin this script came from) and drawn in a Shadow DOM, so the partner's styles
 * and ours never mix. Optional attributes: data-audience, data-type, data-page-size (1-24; data-limit is the same).
 * No dependencies, no cookies, no other requests.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL(script ? script.src : "/", document.baseURI).origin;
  var TEXT = {
    cs: { loading: "Načítám materiály…", empty: "Žádné materiály neodpovídají.", failed: "Materiály se nepodařilo načíst.", credit: "Centrum bezpečnějšího internetu" },
    en: { loading: "Loading resources…", empty: "No resources match.", failed: "The resources could not be loaded.", credit: "Safer Internet Centre" }
  };
  var STYLE =
    ":host{display:block;font:16px/1.45 system-ui,sans-serif;color:inherit}" +
    "ul{list-style:none;margin:0;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}" +
    "li{border:1px solid #8888;border-radius:.5rem;padding:.75rem 1rem}" +
    "h3{font-size:1.05rem;margin:0 0 .35rem}a{color:#0b5cab}a:focus-visible{outline:3px solid #0b5cab;outline-offset:2px}" +
    ".meta{font-size:.85rem;opacity:.8;margin:0 0 .35rem}p{margin:0}.note{font-size:.8rem;opacity:.8;margin-top:.5rem}";

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function query(host, locale) {
    var params = new URLSearchParams({ locale: locale });
    ["topic", "audience", "type"].forEach(function (name) {
      var value = host.getAttribute("data-" + name);
      if (value) params.set(name, value);
    });
    var limit = parseInt(host.getAttribute("data-page-size") || host.getAttribute("data-limit") || "6", 10);
    params.set("page_size", String(Math.min(Math.max(limit || 6, 1), 24)));
    return base + "/api/v1/resources/?" + params.toString();
  }

  function card(resource) {
    var item = element("li", { lang: resource.locale });
    var heading = element("h3");
    heading.appendChild(element("a", { href: resource.html_url, target: "_blank", rel: "noopener" }, resource.title));
    item.appendChild(heading);
    var meta = [resource.resource_type && resource.resource_type.name].concat(
      (resource.audiences || []).map(function (audience) { return audience.name; })
    ).filter(Boolean).join(" · ");
    if (meta) item.appendChild(element("p", { class: "meta" }, meta));
    item.appendChild(element("p", {}, resource.summary || ""));
    return item;
  }

  function render(host) {
    if (host.shadowRoot) return;
    var locale = host.getAttribute("data-locale") === "en" ? "en" : "cs";
    var text = TEXT[locale];
    var root = host.attachShadow({ mode: "open" });
    root.appendChild(element("style", {}, STYLE));
    var status = element("p", { class: "note", role: "status" }, text.loading);
    root.appendChild(status);
    fetch(query(host, locale), { credentials: "omit", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) {
        var list = element("ul", { lang: locale });
        (data.results || []).forEach(function (resource) { list.appendChild(card(resource)); });
        status.textContent = data.results && data.results.length ? "" : text.empty;
        root.insertBefore(list, status);
        root.appendChild(element("p", { class: "note" }, text.credit));
      })
      .catch(function () { status.textContent = text.failed; });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-sic-resources]"), render);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
