// Team view, one monitor's settings and each region's newest run in full (condition lines, failure kind,
// series), or a heartbeat's ping URL, schedule and last pings: shown in the monitor's detail panel.
"use strict";

window.QuorateSettings = (function () {
  const { el, badge, timeEl } = window.Quorate;

  function render(m) {
    const heartbeat = m.type === "heartbeat";
    return el("div", { class: "monitor-settings" },
      m.decision ? el("p", { class: "decision" }, m.decision) : null,
      heartbeat ? heartbeatDetails(m) : [httpDetails(m), regionList(m.region_verdicts)]);
  }

  function regionList(verdicts) {
    if (!Array.isArray(verdicts) || verdicts.length === 0) return el("span", { class: "muted" }, "no observations yet");
    return el("ul", { class: "regions" }, verdicts.map((v) => el("li", { class: "region" },
      el("span", { class: "region-name" }, v.region),
      badge(v.verdict),
      typeof v.streak === "number" ? el("span", { class: "hint", title: "consecutive observations with this verdict" }, "streak " + v.streak) : null,
      v.stale ? el("span", { class: "badge badge-stale", title: "no recent observation from this region" }, "stale") : null,
      el("span", { class: "hint" }, "last ", timeEl(v.last_observed_at, true)),
      v.failure_kind ? el("span", { class: "badge badge-kind", title: "why the last run failed" }, v.failure_kind.replace(/_/g, " ")) : null,
      conditionLines(v),
      seriesLine(v.series))));
  }

  // One line per condition of the region's last run ("[BODY].enqueued (5234) < 1000 — failed"); the plain
  // reason when the run never got as far as the conditions (timeout, TLS, refused target...).
  function conditionLines(v) {
    const lines = Array.isArray(v.conditions) ? v.conditions : [];
    const failed = lines.filter((c) => !c.success);
    if (failed.length === 0) return v.reason ? el("span", { class: "region-reason" }, v.reason) : null;
    return el("ul", { class: "region-reason condition-lines" }, failed.map((c) => el("li", {}, el("code", {}, c.line))));
  }

  // The named values of the last run, e.g. "depth 5234 · oldest_job_age 31".
  function seriesLine(series) {
    const names = series && typeof series === "object" ? Object.keys(series) : [];
    if (names.length === 0) return null;
    return el("span", { class: "region-reason series" }, names.map((n) => n + " " + series[n]).join(" · "));
  }

  function details(pairs) {
    return el("dl", { class: "details" }, pairs.filter((p) => p[1] !== null && p[1] !== undefined && p[1] !== "")
      .map(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]));
  }

  function httpDetails(m) {
    const regions = Array.isArray(m.regions) ? m.regions.length : "?";
    return details([
      ["Target", el("code", {}, (m.method || "GET") + " " + (m.url || ""))],
      ["Every", m.interval ? m.interval + (m.timeout ? ", timeout " + m.timeout : "") : null],
      ["Quorum", m.quorum ? m.quorum + " of " + regions + " regions" + (m.confirmations ? ", " + m.confirmations + " confirmations" : "") : null],
      ["Conditions", Array.isArray(m.conditions) && m.conditions.length ? m.conditions.map((c) => el("div", {}, el("code", {}, c))) : null],
    ]);
  }

  function heartbeatDetails(m) {
    const hb = m.heartbeat || {};
    const last = hb.last_ping || null;
    const runs = Array.isArray(hb.open_runs) ? hb.open_runs : [];
    return details([
      ["Ping URL", m.ping_url ? el("code", {}, m.ping_url) : null],
      ["Slug URL", m.slug_url ? el("code", {}, m.slug_url) : null],
      ["Schedule", m.schedule ? m.schedule + (m.grace && !m.fleet ? ", grace " + m.grace : "") : null],
      ["Problem", hb.problem || null],
      ["Waiting for", hb.waiting_for_regions && Array.isArray(hb.regions_behind) && hb.regions_behind.length
        ? "regions behind: " + hb.regions_behind.join(", ") : null],
      ["Next due", timeEl(hb.next_due_at, false)],
      ["Last ping", last ? [timeEl(last.at, true), " (" + last.kind + ")"] : null],
      ["Last message", last && last.body ? el("pre", { class: "ping-body" }, last.body) : null],
      ["Last failure", hb.last_failure ? [timeEl(hb.last_failure.at, true), ": " + hb.last_failure.reason] : null],
      ["Running", runs.length ? runs.map((r) => el("div", {}, (r.run_id ? "rid " + r.run_id + ", " : "") + "started ",
        timeEl(r.started_at, true))) : null],
      ["Snoozed until", hb.paused ? "paused" : (hb.snoozed_until && new Date(hb.snoozed_until) > new Date()
        ? timeEl(hb.snoozed_until, false) : null)],
    ]);
  }

  return { render };
})();
