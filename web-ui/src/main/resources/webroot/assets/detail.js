// Team view, one monitor's detail: its depth and oldest job age over the last 24 hours, 7 or 30 days
// (GET /api/v1/monitors/{id}/series, bucketed by the coordinator), with incidents marked and uptime bars.
"use strict";

window.QuorateDetail = (function () {
  const { el, timeEl, getJson } = window.Quorate;
  const RANGES = ["24h", "7d", "30d"];
  const TIMEOUT_MS = 10000;
  let shown = null; // {id, name, range}

  function open(parts, headers, id, name) {
    shown = { id: id, name: name, range: shown && shown.id === id ? shown.range : "24h" };
    parts.panel.hidden = false;
    parts.title.textContent = name;
    load(parts, headers);
  }

  async function load(parts, headers) {
    const current = shown;
    parts.ranges.replaceChildren(...RANGES.map((r) => el("button", { type: "button", class: "secondary range",
      "data-range": r, "aria-pressed": r === current.range ? "true" : "false" }, r)));
    parts.body.classList.add("is-stale");
    try {
      const answer = await getJson("/api/v1/monitors/" + encodeURIComponent(current.id) + "/series?from=" + current.range,
        headers(), TIMEOUT_MS);
      if (current !== shown) return; // another monitor or range was chosen meanwhile
      if (answer.status !== 200 || !answer.body) {
        parts.body.replaceChildren(el("p", { class: "result-bad" }, "Could not read the series (HTTP " + answer.status + ")."));
        return;
      }
      window.QuorateChart.render(parts.chart, answer.body);
      parts.body.replaceChildren(...[parts.chart, incidentList(answer.body.incidents)].filter(Boolean));
    } catch (e) {
      if (current === shown) parts.body.replaceChildren(el("p", { class: "result-bad" }, "Coordinator unreachable."));
    } finally {
      parts.body.classList.remove("is-stale");
    }
  }

  function incidentList(incidents) {
    if (!Array.isArray(incidents) || incidents.length === 0) return el("p", { class: "muted" }, "No incidents in this range.");
    return el("ul", { class: "detail-incidents" }, incidents.map((i) => el("li", {}, "Opened ", timeEl(i.opened_at),
      i.resolved_at ? [", resolved ", timeEl(i.resolved_at)] : " (still open)", ": " + (i.reason || ""))));
  }

  function listen(parts, headers) {
    parts.ranges.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-range]");
      if (!button || !shown) return;
      shown = { id: shown.id, name: shown.name, range: button.getAttribute("data-range") };
      load(parts, headers);
    });
    parts.close.addEventListener("click", () => { shown = null; parts.panel.hidden = true; });
  }

  /** Reads the open chart again (a live event about its monitor). */
  function refresh(parts, headers, monitorId) {
    if (shown && (!monitorId || shown.id === monitorId)) load(parts, headers);
  }

  return { open, listen, refresh };
})();
