// Team view: register a monitor from the browser. "New HTTP queue monitor", "New heartbeat" and "Edit"
// open one form; "Test now" runs the draft from every region; "Save" POSTs or PUTs it. A problem the API
// names (400 with "field") is shown next to that field and focused; the form keeps everything typed.
// All requests carry the headers of the one auth supplier given to mount(), so the sign-in can change
// without touching this file.
"use strict";

window.QuorateMonitorForm = (function () {
  const { el, getJson, postJson, putJson } = window.Quorate;
  const F = window.QuorateFields;
  const Fields = window.QuorateMonitorFields;
  const Draft = window.QuorateMonitorDraft;
  const TIMEOUT_MS = 10000;
  const $ = (id) => document.getElementById(id);
  let auth = () => ({});
  let onSaved = () => {};
  let loaded = null; // the saved monitor being edited, as the API last answered it; null for a new one
  let busy = false;

  /**
   * @param container where the toolbar, form and heartbeat panel go
   * @param authSupplier returns the auth headers of a request, e.g. () => ({Authorization: "Bearer …"})
   * @param saved called after a save, so the page can refresh its lists
   */
  function mount(container, authSupplier, saved) {
    auth = authSupplier;
    onSaved = saved || onSaved;
    container.replaceChildren(toolbar(), form(), el("section", { id: "mf-heartbeat", class: "card heartbeat-panel",
      "aria-labelledby": "hb-title", hidden: true }));
    wire();
  }

  function toolbar() {
    return el("div", { class: "actions editor-toolbar" },
      el("button", { type: "button", id: "mf-new-http" }, "New HTTP queue monitor"),
      el("button", { type: "button", id: "mf-new-heartbeat" }, "New heartbeat"),
      el("label", { for: "mf-edit-pick" }, "Monitor to edit"),
      el("select", { id: "mf-edit-pick" }, el("option", { value: "" }, "choose a monitor…")),
      el("button", { type: "button", class: "secondary", id: "mf-edit" }, "Edit"));
  }

  function form() {
    return el("form", { id: "monitor-form", class: "card monitor-form", novalidate: "novalidate", hidden: true,
      "aria-labelledby": "mf-title" },
    el("h3", { id: "mf-title", tabindex: "-1" }, "New monitor"),
    Fields.build(),
    el("p", { id: "mf-result", role: "status", hidden: true }),
    el("div", { class: "actions" },
      el("button", { type: "button", class: "secondary test-now", id: "mf-test-now" }, "Test now"),
      el("button", { type: "submit", id: "mf-save" }, "Save"),
      el("button", { type: "button", class: "secondary", id: "mf-close" }, "Close")),
    el("div", { id: "mf-test", class: "test-report", "aria-live": "polite", hidden: true }));
  }

  function wire() {
    const f = $("monitor-form");
    $("mf-new-http").addEventListener("click", () => openNew("http"));
    $("mf-new-heartbeat").addEventListener("click", () => openNew("heartbeat"));
    $("mf-edit").addEventListener("click", () => $("mf-edit-pick").value ? openEdit($("mf-edit-pick").value) : $("mf-edit-pick").focus());
    $("mf-close").addEventListener("click", close);
    $("mf-test-now").addEventListener("click", testNow);
    f.addEventListener("submit", save);
    f.addEventListener("change", (event) => {
      if (["type", "schedule", "auth_type"].includes(event.target.name)) Fields.show(f, F.value("type"));
      if (event.target.name === "type" && !loaded) $("mf-title").textContent = newTitle(F.value("type"));
    });
    window.QuorateConditionCheck.attach($("mf-conditions"), () => auth());
    window.QuorateHeartbeat.listen($("mf-heartbeat"));
    // Other parts of the page (e.g. a monitor row) may offer an edit button: <button data-edit-monitor="<id>">.
    document.addEventListener("click", (event) => {
      const button = event.target.closest("[data-edit-monitor]");
      if (button) openEdit(button.getAttribute("data-edit-monitor"));
    });
  }

  // ---- opening --------------------------------------------------------------------------------------

  function openNew(type) {
    const f = $("monitor-form");
    loaded = null;
    f.reset();
    Draft.fill(f, { type: type });
    start(newTitle(type), type, false);
    window.QuorateHeartbeat.hide($("mf-heartbeat"));
    loadChoices(null, []);
    $("mf-name").focus();
  }

  function newTitle(type) {
    return "New " + (type === "http" ? "HTTP queue monitor" : "heartbeat");
  }

  async function openEdit(id) {
    try {
      const answer = await getJson("/api/v1/monitors/" + encodeURIComponent(id), auth(), TIMEOUT_MS);
      if (answer.status !== 200 || !answer.body) return showResult(false, problemText("open the monitor", answer));
      show(answer.body);
      $("mf-title").focus();
    } catch (e) {
      showResult(false, "Could not open the monitor: coordinator unreachable.");
    }
  }

  /** Shows a saved monitor in the form (after opening or saving it); its secrets come back as "stored". */
  function show(monitor) {
    const f = $("monitor-form");
    loaded = monitor;
    f.reset();
    Draft.fill(f, monitor);
    start("Edit " + monitor.name, monitor.type, true);
    loadChoices(monitor.regions || [], monitor.channels || []);
    if (monitor.type === "heartbeat") window.QuorateHeartbeat.show($("mf-heartbeat"), monitor, () => auth());
    else window.QuorateHeartbeat.hide($("mf-heartbeat"));
  }

  function start(title, type, editing) {
    const f = $("monitor-form");
    $("mf-title").textContent = title;
    $("mf-type").disabled = editing; // the API refuses a type change
    F.clearErrors(f);
    $("mf-result").hidden = true;
    $("mf-test").hidden = true;
    f.hidden = false;
    Fields.show(f, type);
  }

  function close() {
    $("monitor-form").hidden = true;
    window.QuorateHeartbeat.hide($("mf-heartbeat"));
    $("mf-new-http").focus();
  }

  /** Regions from the probes that linked, channels from the API; null regions = tick every region (new). */
  async function loadChoices(regions, channels) {
    F.setChecks("regions", [], "Loading regions…");
    F.setChecks("channels", [], "Loading channels…");
    try {
      const [probes, chans] = await Promise.all([getJson("/api/v1/probes", auth(), TIMEOUT_MS),
        getJson("/api/v1/channels", auth(), TIMEOUT_MS)]);
      const known = probes.body && Array.isArray(probes.body.regions) ? probes.body.regions.map((r) => r.region) : [];
      const all = Array.from(new Set(known.concat(regions || []))).sort();
      F.setChecks("regions", all.map((r) => [r, r, regions === null || regions.includes(r)]),
        "No probe region has connected yet: start a probe, then reopen the form.");
      const list = chans.body && Array.isArray(chans.body.channels) ? chans.body.channels : [];
      F.setChecks("channels", list.map((c) => [c.id, (c.name || "Unnamed") + " (" + c.type + ")", channels.includes(c.id)]),
        "No channels yet: alerts go nowhere until one is created.");
    } catch (e) {
      showResult(false, "Could not load the regions and channels: coordinator unreachable.");
    }
  }

  // ---- saving and testing ------------------------------------------------------------------------------

  /** The request body, or null after showing why the form cannot build it. */
  function draft() {
    const f = $("monitor-form");
    F.clearErrors(f);
    try {
      return Draft.collect(f, loaded ? loaded.type : F.value("type"), loaded);
    } catch (problem) {
      if (!problem || !problem.key) throw problem;
      fieldProblem(problem.key, problem.message, []);
      return null;
    }
  }

  async function save(event) {
    event.preventDefault();
    const request = busy ? null : draft();
    if (!request) return;
    await withBusy($("mf-save"), "Saving…", async () => {
      const answer = loaded
        ? await putJson("/api/v1/monitors/" + encodeURIComponent(loaded.id), auth(), request.body, TIMEOUT_MS)
        : await postJson("/api/v1/monitors", auth(), request.body, TIMEOUT_MS);
      if ((answer.status === 200 || answer.status === 201) && answer.body) {
        show(answer.body);
        showResult(true, "Saved \"" + answer.body.name + "\".");
        onSaved();
      } else {
        apiProblem("Not saved", answer, request.lines);
      }
    });
  }

  async function testNow() {
    const request = busy ? null : draft();
    if (!request) return;
    $("mf-test").hidden = true;
    await withBusy($("mf-test-now"), "Testing from every region…", async () => {
      const answer = await window.QuorateTestNow.run(loaded ? loaded.id : null, request.body, auth());
      if (answer.status === 200 && answer.body) {
        window.QuorateTestNow.render($("mf-test"), answer.body);
        showResult(true, "Tested: " + (answer.body.summary || "") + ". Nothing was saved.");
      } else {
        apiProblem("Not tested", answer, request.lines);
      }
    });
  }

  async function withBusy(button, text, work) {
    const label = button.textContent;
    busy = true;
    button.disabled = true;
    button.textContent = text;
    try {
      await work();
    } catch (e) {
      showResult(false, "The coordinator could not be reached; nothing changed. Try again.");
    } finally {
      busy = false;
      button.disabled = false;
      button.textContent = label;
    }
  }

  // ---- problems -----------------------------------------------------------------------------------------

  function apiProblem(verb, answer, lines) {
    const body = answer.body || {};
    if (answer.status === 400 && body.field) {
      fieldProblem(F.keyOf(body.field), body.message || "is not valid", lines, body.field, verb);
    } else if (answer.status === 401) {
      showResult(false, verb + ": the token was rejected. Sign in again; the form keeps what you typed.");
    } else {
      showResult(false, verb + " (HTTP " + answer.status + (body.message ? ": " + body.message : "") + ").");
    }
  }

  /** Puts the problem next to its field and focuses it; a field the form lacks is named in the summary. */
  function fieldProblem(key, message, lines, apiField, verb) {
    const shown = key === "conditions"
      ? window.QuorateConditionCheck.showSaveError(apiField, message, lines)
      : F.showError(key, message);
    showResult(false, (verb || "Not saved") + ": " + message);
    const target = $("mf-" + key) || $("mf-" + key + "_type"); // auth.* problems focus the auth kind
    const focusable = target && (target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea"));
    if (shown && focusable) focusable.focus();
  }

  function problemText(verb, answer) {
    const message = answer.body && answer.body.message ? ": " + answer.body.message : "";
    return "Could not " + verb + " (HTTP " + answer.status + message + ").";
  }

  function showResult(ok, text) {
    const result = $("mf-result");
    result.textContent = text;
    result.className = ok ? "result-ok" : "result-bad";
    result.hidden = false;
  }

  /** Keeps the "Monitor to edit" list in step with the page's poll of GET /api/v1/monitors. */
  function monitorsChanged(monitors) {
    const pick = $("mf-edit-pick");
    if (!pick || document.activeElement === pick || !Array.isArray(monitors)) return;
    const chosen = pick.value;
    const sorted = monitors.slice().sort((a, b) => String(a.name).localeCompare(String(b.name)));
    pick.replaceChildren(el("option", { value: "" }, "choose a monitor…"),
      ...sorted.map((m) => el("option", { value: m.id }, m.name + " (" + (m.type === "http" ? "HTTP" : m.type) + ")")));
    pick.value = sorted.some((m) => m.id === chosen) ? chosen : "";
  }

  return { mount, monitorsChanged, openEdit };
})();
