// "Test now": the draft runs once from every region (POST /api/v1/monitors/test, or …/{id}/test for an
// edit, whose secrets sent as "****" use the stored ones) and each region's outcome and condition lines
// are shown before anything is saved, so a wrong path or token shows up here, not at 3 a.m.
"use strict";

window.QuorateTestNow = (function () {
  const { el, badge, postJson } = window.Quorate;
  // The coordinator waits for every region's run (at most the monitor's timeout, up to a day in theory, but
  // the form's timeout is usually seconds); the page gives up after this and says so.
  const TIMEOUT_MS = 60000;

  /** Resolves to {status, body}; rejects when the coordinator cannot be reached. */
  function run(monitorId, body, auth) {
    const url = monitorId ? "/api/v1/monitors/" + encodeURIComponent(monitorId) + "/test" : "/api/v1/monitors/test";
    return postJson(url, auth, body, TIMEOUT_MS);
  }

  function render(container, report) {
    const results = Array.isArray(report.results) ? report.results.slice() : [];
    results.sort((a, b) => String(a.region).localeCompare(String(b.region)));
    const unanswered = Array.isArray(report.unanswered) ? report.unanswered : [];
    const missing = Array.isArray(report.regions_without_probe) ? report.regions_without_probe : [];
    container.replaceChildren(...[ // without the nulls, which replaceChildren would show as "null"
      el("p", { class: "test-summary" }, el("strong", {}, "Test run: "), report.summary || ""),
      el("ul", { class: "regions test-results" }, results.map(regionResult)),
      unanswered.length ? el("p", { class: "hint" }, "No answer in time from: "
        + unanswered.map((u) => u.region + " (" + u.probe_node + ")").join(", ")) : null,
      missing.length ? el("p", { class: "hint" }, "No probe connected in: " + missing.join(", ")) : null,
      el("p", { class: "hint" }, "Nothing was saved.")].filter(Boolean));
    container.hidden = false;
  }

  function regionResult(r) {
    const lines = Array.isArray(r.conditions) ? r.conditions : [];
    return el("li", { class: "region", "data-test-region": r.region },
      el("span", { class: "region-name" }, r.region),
      badge(r.outcome),
      r.status_code ? el("span", { class: "hint" }, "HTTP " + r.status_code) : null,
      typeof r.latency_ms === "number" ? el("span", { class: "hint" }, r.latency_ms + " ms") : null,
      r.failure_kind ? el("span", { class: "badge badge-kind" }, r.failure_kind.replace(/_/g, " ")) : null,
      lines.length
        ? el("ul", { class: "region-reason condition-lines" }, lines.map((c) =>
          el("li", { class: c.success ? "line-passed" : "line-failed" }, el("code", {}, c.line))))
        : (r.reason ? el("span", { class: "region-reason" }, r.reason) : null));
  }

  return { run, render };
})();
