// Team view: asks the person to sign in (or, on a new installation, to create the first admin), then polls
// the monitors, open incidents, channels and probe regions every 3 s. Incidents can be acknowledged and
// resolved here; channels can send a test alert; admins manage people and API keys (access.js).
"use strict";

(function () {
  const { el, badge, timeEl, parseTime, duration, getJson, postJson } = window.Quorate;
  const session = window.QuorateSession;
  const POLL_MS = 3000;
  const TIMEOUT_MS = 5000;
  const $ = (id) => document.getElementById(id);

  let timer = null;
  let inFlight = false;
  let generation = 0; // bumped on sign-in/out so an answer for an old session is ignored
  let lastChannels = [];

  const signedIn = () => session.user() !== null;

  // ---- screens ----------------------------------------------------------------------------------

  async function showLogin(ended) {
    generation++;
    clearTimeout(timer);
    timer = null;
    $("dashboard").hidden = true;
    $("banner").hidden = true;
    $("whoami").hidden = true;
    $("login-error").textContent = ended ? "Your session ended. Sign in again." : "";
    $("login-error").hidden = !ended;
    $("password").value = "";
    let setup = false;
    try {
      setup = await session.setupNeeded();
    } catch (e) {
      showProblem("Coordinator unreachable. Reload the page to try again.");
    }
    $("setup").hidden = !setup;
    $("login").hidden = setup;
    (setup ? $("setup-token") : $("username")).focus();
  }

  function showDashboard() {
    generation++;
    const user = session.user();
    $("login").hidden = true;
    $("setup").hidden = true;
    $("dashboard").hidden = false;
    $("whoami-name").textContent = user.username + " (" + user.role + ")";
    $("whoami").hidden = false;
    // The server refuses what a role may not do; the page also hides it so nobody meets a refusal first.
    document.body.classList.toggle("can-write", session.canWrite());
    document.body.classList.toggle("is-admin", session.isAdmin());
    $("access").hidden = !session.isAdmin();
    $("probe-tokens-section").hidden = !session.isAdmin();
    if (session.isAdmin()) window.QuorateAccess.load();
    window.QuorateIncident.openLinked();
    schedule(0);
  }

  function showProblem(text) {
    $("banner").textContent = text;
    $("banner").hidden = false;
    $("dashboard").classList.add("is-stale");
  }

  function clearProblem() {
    $("banner").hidden = true;
    $("dashboard").classList.remove("is-stale");
  }

  // ---- polling ----------------------------------------------------------------------------------

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(poll, delay);
  }

  async function poll() {
    timer = null;
    if (inFlight || !signedIn() || document.hidden) return; // visibilitychange resumes a hidden tab
    inFlight = true;
    const gen = generation;
    try {
      const auth = session.headers();
      const noTokens = Promise.resolve({ status: 200, body: { probe_tokens: [], recent_refusals: [] } });
      const [monitors, incidents, channels, probes, probeTokens] = await Promise.all([
        getJson("/api/v1/monitors", auth, TIMEOUT_MS),
        getJson("/api/v1/incidents?state=open", auth, TIMEOUT_MS),
        getJson("/api/v1/channels", auth, TIMEOUT_MS),
        getJson("/api/v1/probes", auth, TIMEOUT_MS),
        session.isAdmin() ? getJson("/api/v1/probe-tokens", auth, TIMEOUT_MS) : noTokens,
      ]);
      if (gen === generation) handle(monitors, incidents, channels, probes, probeTokens);
    } catch (e) {
      if (gen === generation) showProblem("Coordinator unreachable, retrying every few seconds. The data below may be out of date.");
    } finally {
      inFlight = false;
    }
    if (signedIn() && !timer) schedule(gen === generation ? POLL_MS : 0);
  }

  function handle(monitors, incidents, channels, probes, probeTokens) {
    const answers = [monitors, incidents, channels, probes, probeTokens];
    if (answers.some((r) => r.status === 401)) {
      session.ended();
      showLogin(true);
      return;
    }
    const failed = answers.find((r) => r.status !== 200 || !r.body);
    if (failed) {
      const message = failed.body && failed.body.message ? ": " + failed.body.message : "";
      showProblem("Coordinator answered HTTP " + failed.status + message + ". Retrying; the data below may be out of date.");
      return;
    }
    clearProblem();
    window.QuorateMonitorForm.monitorsChanged(monitors.body.monitors);
    if (userIsSelecting()) return; // re-rendering would drop the selection (e.g. copying a ping URL)
    renderIncidents(Array.isArray(incidents.body.incidents) ? incidents.body.incidents : []);
    renderMonitors(Array.isArray(monitors.body.monitors) ? monitors.body.monitors : []);
    lastChannels = Array.isArray(channels.body.channels) ? channels.body.channels : [];
    renderChannels();
    window.QuorateRegions.render($("probe-regions"), Array.isArray(probes.body.regions) ? probes.body.regions : []);
    window.QuorateProbeTokens.render($("probe-tokens"), probeTokens.body);
    $("updated").textContent = new Date().toLocaleTimeString();
  }

  function userIsSelecting() {
    const selection = window.getSelection();
    return selection && !selection.isCollapsed && $("dashboard").contains(selection.anchorNode);
  }

  // ---- rendering (text nodes only, never markup) ------------------------------------------------

  function renderIncidents(incidents) {
    const sorted = incidents.slice().sort((a, b) => String(b.opened_at).localeCompare(String(a.opened_at)));
    const cards = sorted.map((incident) => {
      const opened = parseTime(incident.opened_at);
      const minutes = opened ? Math.floor((Date.now() - opened) / 60000) : null;
      const since = minutes === null ? "" : minutes < 1 ? " (for less than 1 min)" : " (for " + duration(minutes * 60) + ")";
      const regions = Array.isArray(incident.regions_down) ? incident.regions_down : [];
      return el("article", { class: "card incident" },
        el("h3", {}, badge("down"), " ", incident.monitor_name || "Unnamed monitor"),
        el("p", {}, "Opened ", timeEl(incident.opened_at), since),
        el("p", {}, el("strong", {}, "Reason: "), incident.reason || "not given"),
        regions.length ? el("p", {}, el("strong", {}, "Regions down: "), regions.map((r) => el("span", { class: "chip" }, r))) : null,
        incident.down_alert === "held" ? el("p", { class: "held" }, el("strong", {}, "Alert held: "),
          incident.alert_held_by || "maintenance or silence") : null,
        incident.acknowledged_at
          ? el("p", {}, el("strong", {}, "Acknowledged "), "by " + (incident.acknowledged_by || "someone") + " ",
            timeEl(incident.acknowledged_at, true), ": reminders and escalation stopped.")
          : null,
        el("div", { class: "actions", "data-incident-id": incident.id },
          incident.acknowledged_at ? null
            : el("button", { type: "button", "data-action": "acknowledge" }, "Acknowledge"),
          el("button", { type: "button", class: "secondary", "data-action": "resolve" }, "Resolve"),
          el("button", { type: "button", class: "secondary", "data-action": "details" }, "Timeline and notes"),
          el("button", { type: "button", class: "secondary", "data-action": "public-update",
            "data-monitor-name": incident.monitor_name || "this incident" }, "Public update…")));
    });
    if (cards.length === 0) cards.push(el("p", { class: "card" }, badge("up"), " No open incidents."));
    $("incidents").replaceChildren(...cards);
  }

  function renderMonitors(monitors) {
    if (monitors.length === 0) {
      $("monitors").replaceChildren(el("p", { class: "card muted" }, "No monitors yet. Create one with POST /api/v1/monitors."));
      return;
    }
    const sorted = monitors.slice().sort((a, b) => String(a.name).localeCompare(String(b.name)));
    const head = el("thead", {}, el("tr", {}, ["Name", "Type", "State", "Regions", "Details"].map((h) => el("th", { scope: "col" }, h))));
    const body = el("tbody", {}, sorted.map(monitorRow));
    $("monitors").replaceChildren(el("table", {}, head, body));
  }

  function monitorRow(m) {
    const heartbeat = m.type === "heartbeat";
    return el("tr", {},
      el("td", { "data-label": "Name" }, el("strong", {}, m.name || "Unnamed monitor")),
      el("td", { "data-label": "Type" }, m.type || "?"),
      el("td", { "data-label": "State" }, badge(m.state),
        m.open_incident_id && !m.decision ? el("div", { class: "hint" }, "incident open") : null,
        // The quorum decision in words, e.g. "1 of 3 regions down (ap-south): below quorum 2, no alert".
        m.decision ? el("div", { class: "hint decision" }, m.decision) : null,
        // Maintenance windows and silences hold alerts, never checks.
        Array.isArray(m.held_by) ? m.held_by.map((hold) => el("div", { class: "hint held" }, hold.text)) : null),
      el("td", { "data-label": "Regions" }, heartbeat ? el("span", { class: "muted" }, "pinged directly") : regionList(m.region_verdicts)),
      el("td", { "data-label": "Details" }, heartbeat ? heartbeatDetails(m) : httpDetails(m)));
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

  function renderChannels() {
    window.QuorateChannels.render($("channels"), lastChannels);
  }

  // ---- actions ----------------------------------------------------------------------------------

  async function act(incidentId, action) {
    // Who acts is the signed-in person: the coordinator records their name.
    const body = action === "resolve" ? { note: "resolved from the team view" } : {};
    try {
      const answer = await postJson("/api/v1/incidents/" + encodeURIComponent(incidentId) + "/" + action,
        session.headers(), body, TIMEOUT_MS);
      if (answer.status === 200) {
        showActionResult(true, action === "resolve" ? "Resolved." : "Acknowledged: reminders and escalation stop.");
      } else {
        const message = answer.body && answer.body.message ? ": " + answer.body.message : "";
        showActionResult(false, "Could not " + action + " (HTTP " + answer.status + message + ").");
      }
    } catch (e) {
      showActionResult(false, "Could not " + action + ": coordinator unreachable.");
    }
    schedule(0);
  }

  function showActionResult(ok, text) {
    const result = $("incident-action-result");
    result.textContent = text;
    result.className = ok ? "result-ok" : "result-bad";
    result.hidden = false;
  }

  // ---- wiring -----------------------------------------------------------------------------------

  $("incidents").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    const box = button && button.closest("[data-incident-id]");
    if (!box) return;
    if (button.getAttribute("data-action") === "details") {
      window.QuorateIncident.open(box.getAttribute("data-incident-id"));
    } else if (button.getAttribute("data-action") === "public-update") {
      window.QuoratePublicUpdates.open(box.getAttribute("data-incident-id"), button.getAttribute("data-monitor-name"));
    } else {
      act(box.getAttribute("data-incident-id"), button.getAttribute("data-action"));
    }
  });

  window.QuorateChannels.listen($("channels"), session.headers, renderChannels);
  window.QuorateMonitorForm.mount($("monitor-editor"), session.headers, () => schedule(0));
  window.QuorateProbeTokens.listen($("probe-token-form"), $("probe-tokens"), $("probe-token-result"),
    session.headers, () => schedule(0));
  window.QuorateAccess.listen(session.headers);
  window.QuoratePublicUpdates.listen(session.headers, () => schedule(0));
  window.QuorateIncident.listen(session.headers);

  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = await session.signIn($("username").value.trim(), $("password").value);
    $("password").value = "";
    if (result.ok) {
      showDashboard();
    } else {
      $("login-error").textContent = result.status === 429 ? result.message : "Sign-in refused: " + result.message + ".";
      $("login-error").hidden = false;
      $("password").focus();
    }
  });

  $("setup-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = await session.setup($("setup-token").value.trim(), $("setup-username").value.trim(),
      $("setup-password").value);
    if (result.ok) {
      $("setup-form").reset();
      showDashboard();
    } else {
      $("setup-error").textContent = "Not created: " + result.message + ".";
      $("setup-error").hidden = false;
    }
  });

  $("sign-out").addEventListener("click", async () => {
    try {
      await session.signOut();
    } catch (e) {
      // Unreachable: the cookie is cleared when the session ends anyway.
    }
    showLogin(false);
  });

  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && signedIn() && !inFlight) schedule(0);
  });

  session.restore()
    .then((user) => (user ? showDashboard() : showLogin(false)))
    .catch(() => showProblem("Coordinator unreachable. Reload the page to try again."));
})();
