// Team view, one incident: its timeline (region votes, decisions, every notification and its outcome,
// acknowledgements, notes, public updates), its failures grouped by reason, a note form and "resolve with a
// note". Opened from an incident card or by the address /app#incident=<id>, so an incident has a link to
// share. The forms are static HTML: refreshing the timeline every few seconds never wipes what is typed.
"use strict";

window.QuorateIncident = (function () {
  const { el, badge, timeEl, getJson, postJson } = window.Quorate;
  const TIMEOUT_MS = 10000;
  const REFRESH_MS = 5000;
  const $ = (id) => document.getElementById(id);
  let auth = () => ({});
  let shownId = null;
  let timer = null;

  function open(id) {
    shownId = id;
    if (location.hash !== "#incident=" + id) history.replaceState(null, "", "#incident=" + id);
    $("incident-detail").hidden = false;
    load();
    $("incident-detail").scrollIntoView({ block: "start" });
  }

  function close() {
    shownId = null;
    clearTimeout(timer);
    $("incident-detail").hidden = true;
    if (location.hash.startsWith("#incident=")) history.replaceState(null, "", location.pathname);
  }

  async function load() {
    clearTimeout(timer);
    const id = shownId;
    if (!id) return;
    try {
      const answer = await getJson("/api/v1/incidents/" + encodeURIComponent(id), auth(), TIMEOUT_MS);
      if (id !== shownId) return;
      if (answer.status === 200) render(answer.body);
      else $("incident-body").replaceChildren(el("p", { class: "error-text" }, answer.status === 404
        ? "No such incident." : "Could not read the incident (HTTP " + answer.status + ")."));
    } catch (e) {
      $("incident-body").replaceChildren(el("p", { class: "error-text" }, "Coordinator unreachable, retrying."));
    }
    if (shownId) timer = setTimeout(load, REFRESH_MS);
  }

  function render(incident) {
    const resolved = incident.state === "resolved";
    $("incident-title").textContent = "Incident: " + (incident.monitor_name || "monitor");
    $("incident-resolve-form").hidden = resolved;
    $("incident-body").replaceChildren(
      el("p", {}, badge(resolved ? "up" : "down"), " ", incident.state, ", opened ", timeEl(incident.opened_at, true),
        resolved ? [", resolved ", timeEl(incident.resolved_at, true)] : null),
      el("p", {}, el("strong", {}, "Reason: "), incident.reason || "not given"),
      buckets(incident.failure_buckets),
      el("h4", {}, "Timeline"),
      el("ol", { class: "timeline" }, (incident.timeline || []).map((entry) => el("li", { "data-kind": entry.kind },
        timeEl(entry.at, false), " ", el("span", { class: "badge badge-kind" }, String(entry.kind).replace(/_/g, " ")),
        " ", entry.text || "", entry.actor && entry.kind !== "notification" ? el("span", { class: "hint" }, " by " + entry.actor) : null))),
      (incident.public_updates || []).length ? [el("h4", {}, "Public updates"),
        el("ul", {}, incident.public_updates.map((u) => el("li", {}, timeEl(u.created_at, false), " ",
          el("strong", {}, u.status), ": " + u.message + " (" + u.by + ")")))] : null);
  }

  function buckets(list) {
    if (!Array.isArray(list) || list.length === 0) return null;
    return [el("h4", {}, "Failures by reason"), el("ul", {}, list.map((b) =>
      el("li", {}, el("strong", {}, b.count + " × " + b.label), b.example ? el("span", { class: "hint" }, " e.g. " + b.example) : null)))];
  }

  function show(ok, text) {
    const result = $("incident-result");
    result.textContent = text;
    result.className = ok ? "result-ok" : "result-bad";
    result.hidden = false;
  }

  async function send(path, body, form, done) {
    try {
      const answer = await postJson("/api/v1/incidents/" + encodeURIComponent(shownId) + path, auth(), body, TIMEOUT_MS);
      if (answer.status === 200) {
        form.reset();
        show(true, done);
      } else {
        show(false, "Not done (HTTP " + answer.status + (answer.body && answer.body.message ? ": " + answer.body.message : "")
          + "). Your text is kept.");
      }
    } catch (e) {
      show(false, "Not done: coordinator unreachable. Your text is kept.");
    }
    load();
  }

  function listen(headers) {
    auth = headers;
    $("incident-note-form").addEventListener("submit", (event) => {
      event.preventDefault();
      send("/notes", { text: event.target.text.value.trim() }, event.target, "Note added.");
    });
    $("incident-resolve-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const note = event.target.note.value.trim();
      send("/resolve", note ? { note: note } : {}, event.target, "Resolved.");
    });
    $("incident-close").addEventListener("click", close);
    const linked = /^#incident=([0-9a-fA-F-]{36})$/.exec(location.hash);
    if (linked) shownId = linked[1];
  }

  /** Shows the incident the address named, once the page has signed in. */
  function openLinked() {
    if (shownId) open(shownId);
  }

  return { open, close, listen, openLinked };
})();
