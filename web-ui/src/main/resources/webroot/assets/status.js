// Public status page: reads GET /api/v1/status (no token) every 15 s.
"use strict";

(function () {
  const { el, badge, timeEl, getJson } = window.Quorate;
  const REFRESH_MS = 15000;
  const TIMEOUT_MS = 10000;
  const OVERALL = {
    operational: { cls: "overall-operational", symbol: "✓", title: "All systems operational" },
    outage: { cls: "overall-outage", symbol: "✕", title: "Outage" },
  };

  const $ = (id) => document.getElementById(id);
  let lastTitle = null;

  function renderOverall(status) {
    const known = OVERALL[status.state];
    const title = known ? known.title : "Status: " + String(status.state || "unknown");
    const open = Number(status.open_incidents) || 0;
    const detail = open === 0 ? "No open incidents." : open + (open === 1 ? " open incident." : " open incidents.");
    const box = $("overall");
    box.className = "overall " + (known ? known.cls : "overall-unknown");
    box.querySelector(".symbol").textContent = known ? known.symbol : "?";
    // Only touch the live region when something changed, so screen readers are not re-told every 15 s.
    if (title + detail !== lastTitle) {
      $("overall-title").textContent = title;
      $("overall-detail").textContent = detail;
      lastTitle = title + detail;
    }
  }

  function renderServices(monitors) {
    const items = monitors.map((m) => el("li", {}, el("span", {}, m.name), badge(m.state)));
    if (items.length === 0) items.push(el("li", { class: "muted" }, "No services are monitored yet."));
    $("services").replaceChildren(...items);
  }

  function showProblem(text) {
    const banner = $("banner");
    banner.textContent = text;
    banner.hidden = false;
    document.querySelector("main").classList.add("is-stale");
  }

  async function refresh() {
    try {
      const { status, body } = await getJson("/api/v1/status", {}, TIMEOUT_MS);
      if (status !== 200 || !body) {
        showProblem("Status is temporarily unavailable (HTTP " + status + "), retrying. Shown below: the last known status.");
        return;
      }
      renderOverall(body);
      renderServices(Array.isArray(body.monitors) ? body.monitors : []);
      $("updated").replaceWith(Object.assign(timeEl(body.updated_at || new Date().toISOString()), { id: "updated" }));
      $("banner").hidden = true;
      document.querySelector("main").classList.remove("is-stale");
    } catch (e) {
      showProblem("Status is temporarily unreachable, retrying. Shown below: the last known status.");
    } finally {
      setTimeout(refresh, REFRESH_MS);
    }
  }

  refresh();
})();
