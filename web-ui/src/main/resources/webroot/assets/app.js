// Team view: asks for the admin token, then shows the open incidents and one page of monitors (worst first,
// filtered on the coordinator), read again whenever the coordinator's event stream says something changed
// (live.js) and every 30 s anyway (every 5 s while the stream is down). Channels, probe regions and probe tokens
// are polled every 3 s. Incidents can be acknowledged and resolved here; channels can send a test alert.
"use strict";

(function () {
  const { el, badge, timeEl, parseTime, duration, getJson, postJson } = window.Quorate;
  const TOKEN_KEY = "quorate.adminToken";
  const ACTOR_KEY = "quorate.actor";
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
  let generation = 0; // bumped on sign-in/out so an answer for an old token is ignored
  let lastChannels = [];
  let shownMonitors = new Map(); // id -> monitor JSON of the page shown, for its detail panel

  const token = () => sessionStorage.getItem(TOKEN_KEY);
  // The one place requests get their credentials: replaced when the page signs in with a session cookie.
  const authHeaders = () => ({ Authorization: "Bearer " + token() });

  const listParts = { form: $("monitor-filters"), owner: $("filter-owner"), label: $("filter-label"), q: $("filter-q"),
    counts: $("monitor-counts"), pager: $("monitor-pager"), list: $("monitors") };
  const detailParts = { panel: $("monitor-detail"), title: $("detail-title"), ranges: $("detail-ranges"),
    body: $("detail-body"), chart: $("detail-chart"), settings: $("detail-settings"), close: $("detail-close") };

  // ---- screens ----------------------------------------------------------------------------------

  function showLogin(rejected) {
    generation++;
    clearTimeout(timer);
    clearTimeout(teamTimer);
    timer = null;
    window.QuorateLive.stop();
    $("dashboard").hidden = true;
    $("banner").hidden = true;
    $("forget").hidden = true;
    $("token-error").hidden = !rejected;
    $("login").hidden = false;
    $("token").value = "";
    $("token").focus();
  }

  function showDashboard() {
    generation++;
    $("login").hidden = true;
    $("dashboard").hidden = false;
    $("forget").hidden = false;
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
    const current = token();
    if (inFlight || !current || document.hidden) return; // visibilitychange resumes a hidden tab
    inFlight = true;
    const gen = generation;
    try {
      const auth = authHeaders();
      const [channels, probes, probeTokens] = await Promise.all([
        getJson("/api/v1/channels", auth, TIMEOUT_MS),
        getJson("/api/v1/probes", auth, TIMEOUT_MS),
        getJson("/api/v1/probe-tokens", auth, TIMEOUT_MS),
      ]);
      if (gen === generation) handle(channels, probes, probeTokens);
    } catch (e) {
      if (gen === generation) showProblem("Coordinator unreachable, retrying every few seconds. The data below may be out of date.");
    } finally {
      inFlight = false;
    }
    if (token() && !timer) schedule(gen === generation ? POLL_MS : 0);
  }

  /** @return true when every answer can be shown; otherwise the sign-in form or a banner says why not */
  function usable(answers) {
    if (answers.some((r) => r.status === 401)) {
      sessionStorage.removeItem(TOKEN_KEY);
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
    if (!token()) return;
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
        $("dashboard").setAttribute("data-refreshed-by", String(cause));
        $("updated").textContent = new Date().toLocaleTimeString();
        if (String(cause).startsWith("event:")) window.QuorateDetail.refresh(detailParts, authHeaders, null);
      }
    } catch (e) {
      if (gen === generation) showProblem("Coordinator unreachable, retrying every few seconds. The data below may be out of date.");
    } finally {
      teamInFlight = false;
    }
    if (gen !== generation || !token()) return;
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
          el("button", { type: "button", class: "secondary", "data-action": "resolve" }, "Resolve")));
    });
    if (cards.length === 0) cards.push(el("p", { class: "card" }, badge("up"), " No open incidents."));
    $("incidents").replaceChildren(...cards);
  }

  function renderChannels() {
    window.QuorateChannels.render($("channels"), lastChannels);
  }

  // ---- actions ----------------------------------------------------------------------------------

  async function act(incidentId, action) {
    const by = $("actor").value.trim();
    if (!by) {
      showActionResult(false, "Enter your name under \"Acting as\" first: it is recorded with the " + action + ".");
      $("actor").focus();
      return;
    }
    const body = action === "resolve" ? { by: by, note: "resolved from the team view" } : { by: by };
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
    if (box) act(box.getAttribute("data-incident-id"), button.getAttribute("data-action"));
  });

  $("actor").value = sessionStorage.getItem(ACTOR_KEY) || "";
  $("actor").addEventListener("change", () => sessionStorage.setItem(ACTOR_KEY, $("actor").value.trim()));

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

  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("token").value.trim();
    if (!value) return;
    sessionStorage.setItem(TOKEN_KEY, value);
    $("token").value = "";
    showDashboard();
  });

  $("forget").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    showLogin(false);
  });

  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && token() && !inFlight) schedule(0);
    if (!document.hidden && token()) refreshTeam("visible");
  });

  if (token()) showDashboard();
  else showLogin(false);
})();
