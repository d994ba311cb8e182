// Team view: asks the person to sign in (or, on a new installation, to create the first admin), then shows
// the open incidents and one page of monitors (worst first,
// filtered on the coordinator), read again whenever the coordinator's event stream says something changed
// (live.js) and every 30 s anyway (every 5 s while the stream is down). Channels, probe regions and probe tokens
// are polled every 3 s. Incidents can be acknowledged and resolved here; channels can send a test alert;
// admins manage people and API keys (access.js).
"use strict";

(function () {
  const { el, badge, timeEl, parseTime, duration, getJson, postJson } = window.Quorate;
  const session = window.QuorateSession;
  const POLL_MS = 3000;
  const TEAM_POLL_LIVE_MS = 30000;
  const TEAM_POLL_DOWN_MS = 5000;
  const TIMEOUT_MS = 5000;
  const $ = (id) => document.getElementById(id);

  let timer = null;
  let teamTimer = null;
  let inFlight = false;
  let teamInFlight = false;
  let teamAgain = null; // a refresh asked for while one was running: done right after it
  let generation = 0; // bumped on sign-in/out so an answer for an old session is ignored
  let lastChannels = [];
  let shownMonitors = new Map(); // id -> monitor JSON of the page shown, for its detail panel

  const signedIn = () => session.user() !== null;
  // The one place requests get their credentials: the session cookie goes by itself, the CSRF token with it.
  const authHeaders = session.headers;

  const listParts = { form: $("monitor-filters"), owner: $("filter-owner"), label: $("filter-label"), q: $("filter-q"),
    counts: $("monitor-counts"), pager: $("monitor-pager"), list: $("monitors") };
  const detailParts = { panel: $("monitor-detail"), title: $("detail-title"), ranges: $("detail-ranges"),
    body: $("detail-body"), chart: $("detail-chart"), settings: $("detail-settings"), close: $("detail-close") };

  // ---- screens ----------------------------------------------------------------------------------

  async function showLogin(ended) {
    generation++;
    clearTimeout(timer);
    clearTimeout(teamTimer);
    timer = null;
    window.QuorateLive.stop();
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
    refreshTeam("sign-in");
    window.QuorateLive.start(authHeaders, refreshTeam, $("live-status"));
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
      const auth = authHeaders();
      const noTokens = Promise.resolve({ status: 200, body: { probe_tokens: [], recent_refusals: [] } });
      const [channels, probes, probeTokens] = await Promise.all([
        getJson("/api/v1/channels", auth, TIMEOUT_MS),
        getJson("/api/v1/probes", auth, TIMEOUT_MS),
        session.isAdmin() ? getJson("/api/v1/probe-tokens", auth, TIMEOUT_MS) : noTokens,
      ]);
      if (gen === generation) handle(channels, probes, probeTokens);
    } catch (e) {
      if (gen === generation) showProblem("Coordinator unreachable, retrying every few seconds. The data below may be out of date.");
    } finally {
      inFlight = false;
    }
    if (signedIn() && !timer) schedule(gen === generation ? POLL_MS : 0);
  }

  /** @return true when every answer can be shown; otherwise the sign-in form or a banner says why not */
  function usable(answers) {
    if (answers.some((r) => r.status === 401)) {
      session.ended();
      showLogin(true);
      return false;
    }
    const failed = answers.find((r) => r.status !== 200 || !r.body);
    if (failed) {
      const message = failed.body && failed.body.message ? ": " + failed.body.message : "";
      showProblem("Coordinator answered HTTP " + failed.status + message + ". Retrying; the data below may be out of date.");
      return false;
    }
    clearProblem();
    return !userIsSelecting(); // re-rendering would drop the selection (e.g. copying a ping URL)
  }

  function handle(channels, probes, probeTokens) {
    if (!usable([channels, probes, probeTokens])) return;
    lastChannels = Array.isArray(channels.body.channels) ? channels.body.channels : [];
    renderChannels();
    window.QuorateRegions.render($("probe-regions"), Array.isArray(probes.body.regions) ? probes.body.regions : []);
    window.QuorateProbeTokens.render($("probe-tokens"), probeTokens.body);
  }

  // ---- incidents and monitors: on events, and a slow poll as a fallback ------------------------------

  /** Reads the open incidents and the monitor page shown; cause says why ("event:incident.opened", "poll", ...). */
  async function refreshTeam(cause) {
    if (!signedIn()) return;
    if (teamInFlight) {
      teamAgain = cause;
      return;
    }
    clearTimeout(teamTimer);
    teamInFlight = true;
    const gen = generation;
    try {
      const auth = authHeaders();
      const [monitors, incidents] = await Promise.all([
        getJson(window.QuorateMonitors.path(), auth, TIMEOUT_MS),
        getJson("/api/v1/incidents?state=open", auth, TIMEOUT_MS),
      ]);
      if (gen === generation && usable([monitors, incidents])) {
        renderIncidents(Array.isArray(incidents.body.incidents) ? incidents.body.incidents : []);
        shownMonitors = new Map((monitors.body.monitors || []).map((m) => [m.id, m]));
        window.QuorateMonitors.render(listParts, monitors.body);
        window.QuorateMonitorForm.monitorsChanged(monitors.body.monitors || []);
        $("dashboard").setAttribute("data-refreshed-by", String(cause));
        $("updated").textContent = new Date().toLocaleTimeString();
        if (String(cause).startsWith("event:")) window.QuorateDetail.refresh(detailParts, authHeaders, null);
      }
    } catch (e) {
      if (gen === generation) showProblem("Coordinator unreachable, retrying every few seconds. The data below may be out of date.");
    } finally {
      teamInFlight = false;
    }
    if (gen !== generation || !signedIn()) return;
    if (teamAgain) {
      const again = teamAgain;
      teamAgain = null;
      refreshTeam(again);
      return;
    }
    teamTimer = setTimeout(() => refreshTeam("poll"),
      window.QuorateLive.isLive() ? TEAM_POLL_LIVE_MS : TEAM_POLL_DOWN_MS);
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

  function renderChannels() {
    window.QuorateChannels.render($("channels"), lastChannels);
  }

  // ---- actions ----------------------------------------------------------------------------------

  async function act(incidentId, action) {
    // Who acts is the signed-in person: the coordinator records their name.
    const body = action === "resolve" ? { note: "resolved from the team view" } : {};
    try {
      const answer = await postJson("/api/v1/incidents/" + encodeURIComponent(incidentId) + "/" + action,
        authHeaders(), body, TIMEOUT_MS);
      if (answer.status === 200) {
        showActionResult(true, action === "resolve" ? "Resolved." : "Acknowledged: reminders and escalation stop.");
      } else {
        const message = answer.body && answer.body.message ? ": " + answer.body.message : "";
        showActionResult(false, "Could not " + action + " (HTTP " + answer.status + message + ").");
      }
    } catch (e) {
      showActionResult(false, "Could not " + action + ": coordinator unreachable.");
    }
    refreshTeam("action");
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

  window.QuorateChannels.listen($("channels"), authHeaders, renderChannels);
  window.QuorateProbeTokens.listen($("probe-token-form"), $("probe-tokens"), $("probe-token-result"),
    authHeaders, () => schedule(0));
  window.QuorateMonitors.listen(listParts, () => refreshTeam("filter"), (id) => {
    const monitor = shownMonitors.get(id);
    if (!monitor) return;
    detailParts.settings.replaceChildren(window.QuorateSettings.render(monitor));
    window.QuorateDetail.open(detailParts, authHeaders, id, monitor.name);
  });
  window.QuorateDetail.listen(detailParts, authHeaders);
  window.QuorateMonitorForm.mount($("monitor-editor"), authHeaders, () => refreshTeam("form"));
  window.QuorateAccess.listen(authHeaders);
  window.QuoratePublicUpdates.listen(authHeaders, () => refreshTeam("public-update"));
  window.QuorateIncident.listen(authHeaders);

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
    if (!document.hidden && signedIn()) refreshTeam("visible");
  });

  session.restore()
    .then((user) => (user ? showDashboard() : showLogin(false)))
    .catch(() => showProblem("Coordinator unreachable. Reload the page to try again."));
})();
