// Team view, public updates: what customers read about an incident on the public status page. One static
// form under the open incidents (re-rendering the cards every few seconds never wipes what is typed);
// an incident's "Public update…" button points the form at that incident.
"use strict";

window.QuoratePublicUpdates = (function () {
  const { postJson } = window.Quorate;
  const TIMEOUT_MS = 10000;
  const $ = (id) => document.getElementById(id);

  /** Points the form at an incident and moves the focus to its message. */
  function open(incidentId, monitorName) {
    const form = $("public-update-form");
    form.incident.value = incidentId;
    $("public-update-title").textContent = "Public update for " + monitorName;
    form.hidden = false;
    form.message.focus();
  }

  function show(ok, text) {
    const result = $("public-update-result");
    result.textContent = text;
    result.className = ok ? "result-ok" : "result-bad";
    result.hidden = false;
  }

  async function post(form, auth, refresh) {
    const body = { status: form.status.value, message: form.message.value.trim() };
    try {
      const answer = await postJson("/api/v1/incidents/" + encodeURIComponent(form.incident.value) + "/public-updates",
        auth(), body, TIMEOUT_MS);
      if (answer.status === 201) {
        form.reset();
        form.hidden = true;
        show(true, "Posted: the public status page shows it within seconds.");
      } else {
        const message = answer.body && answer.body.message ? ": " + (answer.body.field ? answer.body.field + " " : "")
          + answer.body.message : "";
        show(false, "Not posted (HTTP " + answer.status + message + "). Your text is kept.");
      }
    } catch (e) {
      show(false, "Not posted: coordinator unreachable. Your text is kept.");
    }
    refresh();
  }

  function listen(auth, refresh) {
    const form = $("public-update-form");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      post(form, auth, refresh);
    });
    form.querySelector("[data-cancel]").addEventListener("click", () => {
      form.reset();
      form.hidden = true;
    });
  }

  return { open, listen };
})();
