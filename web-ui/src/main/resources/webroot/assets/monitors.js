// Team view, the monitor list: one page of monitors worst first, filtered on the coordinator by owner, label,
// state and name (GET /api/v1/monitors?owner=&label=&state=&q=&limit=&cursor=), so 10,000 monitors cost one
// page. Per monitor: state, oldest job age against its SLA, queue depth, last success, the top failure of the
// last hour, owner and impact, and each region's vote.
"use strict";

window.QuorateMonitors = (function () {
  const { el, badge, timeEl, duration } = window.Quorate;
  const PAGE_SIZE = 50;
  const STATE_ORDER = ["down", "late", "pending", "new", "paused", "running", "up"];

  const filter = { owner: "", label: "", state: "", q: "" };
  let cursors = [null]; // the cursor of every page visited so far; the last one is the page shown
  let nextCursor = null;
  let owners = [];

  /** The list's URL for the current filters and page. */
  function path() {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
    params.set("limit", String(PAGE_SIZE));
    const cursor = cursors[cursors.length - 1];
    if (cursor) params.set("cursor", cursor);
    return "/api/v1/monitors?" + params.toString();
  }

  function render(parts, body) {
    const monitors = Array.isArray(body.monitors) ? body.monitors : [];
    nextCursor = body.next || null;
    renderCounts(parts.counts, body.counts || {}, body.total);
    renderOwners(parts.owner, Array.isArray(body.owners) ? body.owners : []);
    // replaceChildren would show a null as the text "null": leave the absent buttons out.
    parts.pager.replaceChildren(...[
      cursors.length > 1 ? el("button", { type: "button", class: "secondary", "data-page": "first" }, "First page") : null,
      cursors.length > 1 ? el("button", { type: "button", class: "secondary", "data-page": "previous" }, "Previous") : null,
      el("span", { class: "hint" }, pageText(monitors.length, body.total)),
      nextCursor ? el("button", { type: "button", class: "secondary", "data-page": "next" }, "Next page") : null,
    ].filter(Boolean));
    if (monitors.length === 0) {
      parts.list.replaceChildren(el("p", { class: "card muted" }, anyFilter()
        ? "No monitor matches these filters." : "No monitors yet. Create one with POST /api/v1/monitors."));
      return;
    }
    const head = el("thead", {}, el("tr", {}, ["State", "Monitor", "Oldest job / SLA", "Depth", "Last success",
      "Top failure (1 h)", "Regions"].map((h) => el("th", { scope: "col" }, h))));
    parts.list.replaceChildren(el("table", { class: "monitor-table" }, head, el("tbody", {}, monitors.map(monitorRow))));
  }

  function pageText(shown, total) {
    const first = (cursors.length - 1) * PAGE_SIZE + 1;
    return shown === 0 ? "" : first + "–" + (first + shown - 1) + " of " + (typeof total === "number" ? total : "?");
  }

  function anyFilter() {
    return Object.values(filter).some((v) => v);
  }

  // "12 down, 3 late" as buttons that filter by state; "All" clears it.
  function renderCounts(container, counts, total) {
    const all = STATE_ORDER.reduce((sum, s) => sum + (counts[s] || 0), 0);
    const buttons = [el("button", { type: "button", class: "state-filter", "data-state": "",
      "aria-pressed": filter.state === "" ? "true" : "false" }, "All " + all)];
    for (const state of STATE_ORDER) {
      if (!counts[state]) continue;
      buttons.push(el("button", { type: "button", class: "state-filter", "data-state": state,
        "aria-pressed": filter.state === state ? "true" : "false" }, badge(state), " " + counts[state]));
    }
    container.replaceChildren(...buttons);
  }

  function renderOwners(select, names) {
    if (names.join("\n") === owners.join("\n")) return; // keeps the open select untouched
    owners = names;
    select.replaceChildren(el("option", { value: "" }, "Any owner"),
      ...names.map((n) => el("option", { value: n }, n)));
    select.value = filter.owner;
  }

  function monitorRow(m) {
    const team = m.team || {};
    return el("tr", { "data-monitor-id": m.id, "data-state": m.state },
      el("td", { "data-label": "State" }, badge(m.state),
        m.decision ? el("div", { class: "hint decision" }, m.decision) : null,
        Array.isArray(m.held_by) ? m.held_by.map((hold) => el("div", { class: "hint held" }, hold.text)) : null),
      el("td", { "data-label": "Monitor" },
        el("button", { type: "button", class: "link monitor-open", "data-monitor-id": m.id }, m.name || "Unnamed monitor"),
        el("div", { class: "hint" }, m.type === "heartbeat" ? "heartbeat" : "queue"),
        m.owner ? el("div", { class: "hint owner" }, "owner " + m.owner) : null,
        m.impact ? el("div", { class: "hint" }, "impact: " + m.impact) : null),
      el("td", { "data-label": "Oldest job / SLA" }, oldestAgainstSla(team)),
      el("td", { "data-label": "Depth" }, typeof team.depth === "number" ? String(team.depth) : el("span", { class: "muted" }, "–")),
      el("td", { "data-label": "Last success" }, team.last_success_at ? timeEl(team.last_success_at, true)
        : el("span", { class: "muted" }, "none seen")),
      el("td", { "data-label": "Top failure" }, topFailure(team.top_failure)),
      el("td", { "data-label": "Regions" }, m.type === "heartbeat" ? el("span", { class: "muted" }, "pinged directly")
        : votes(m.region_verdicts)));
  }

  function oldestAgainstSla(team) {
    if (typeof team.oldest_job_age !== "number") return el("span", { class: "muted" }, "–");
    const age = duration(Math.round(team.oldest_job_age));
    if (typeof team.sla_seconds !== "number") return age;
    const sla = duration(team.sla_seconds);
    return team.sla_breached
      ? el("span", { class: "badge badge-down" }, el("span", { "aria-hidden": "true" }, "!"), age + " > SLA " + sla)
      : el("span", {}, age + " / SLA " + sla);
  }

  function topFailure(failure) {
    if (!failure) return el("span", { class: "muted" }, "none");
    return el("div", {}, el("span", { class: "badge badge-kind" }, String(failure.kind).replace(/_/g, " ")),
      " ×" + failure.count, failure.example ? el("div", { class: "hint" }, el("code", {}, failure.example)) : null);
  }

  function votes(verdicts) {
    if (!Array.isArray(verdicts) || verdicts.length === 0) return el("span", { class: "muted" }, "no observations yet");
    return el("ul", { class: "votes" }, verdicts.map((v) => el("li", { class: "region", "data-region-vote": v.region },
      el("span", { class: "region-name" }, v.region), badge(v.verdict),
      v.stale ? el("span", { class: "badge badge-stale", title: "no recent observation from this region" }, "stale") : null,
      v.verdict === "down" && v.reason ? el("div", { class: "region-reason" }, v.reason) : null)));
  }

  /**
   * Wires the filter form, the state buttons, the pager and the monitor names. onChange() reads the list again;
   * onOpen(id, name) opens a monitor's charts.
   */
  function listen(parts, onChange, onOpen) {
    let typing = null;
    const changed = () => {
      cursors = [null];
      onChange();
    };
    parts.owner.addEventListener("change", () => { filter.owner = parts.owner.value; changed(); });
    for (const [input, key] of [[parts.label, "label"], [parts.q, "q"]]) {
      input.addEventListener("input", () => {
        clearTimeout(typing);
        typing = setTimeout(() => { filter[key] = input.value.trim(); changed(); }, 300);
      });
    }
    parts.form.addEventListener("submit", (event) => event.preventDefault());
    parts.counts.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-state]");
      if (button) { filter.state = button.getAttribute("data-state"); changed(); }
    });
    parts.pager.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-page]");
      if (!button) return;
      const page = button.getAttribute("data-page");
      if (page === "next" && nextCursor) cursors.push(nextCursor);
      else if (page === "previous" && cursors.length > 1) cursors.pop();
      else if (page === "first") cursors = [null];
      onChange();
    });
    parts.list.addEventListener("click", (event) => {
      const button = event.target.closest("button.monitor-open");
      if (button) onOpen(button.getAttribute("data-monitor-id"), button.textContent);
    });
  }

  return { path, render, listen };
})();
