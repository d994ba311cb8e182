// Team view, probe enrollment tokens: an admin creates one per region (shown once, here only), sees when
// each was last used, revokes one (its probes are cut off at once), and reads the links refused lately.
// The form is static HTML so a re-render on every poll never wipes what someone is typing.
"use strict";

window.QuorateProbeTokens = (function () {
  const { el, badge, timeEl, postJson, deleteJson } = window.Quorate;
  const TIMEOUT_MS = 10000;
  const SHOWN_REFUSALS = 10;
  let justCreated = null; // {id, region, token}: shown until the page is left, never fetched again
  const confirming = new Set(); // token ids whose Revoke was pressed once: the second press revokes

  function render(container, answer) {
    const tokens = Array.isArray(answer.probe_tokens) ? answer.probe_tokens : [];
    const refusals = Array.isArray(answer.recent_refusals) ? answer.recent_refusals : [];
    // replaceChildren would show a null as the text "null": leave the absent parts out.
    container.replaceChildren(...[
      justCreated ? createdBox(justCreated) : null,
      tokens.length === 0
        ? el("p", { class: "card muted" }, "No enrollment tokens: probes link with the shared probe token.")
        : el("ul", { class: "regions probe-tokens" }, tokens.map(tokenItem)),
      refusals.length === 0 ? null : el("div", { class: "card" },
        el("h3", {}, "Refused probe links"),
        el("ul", { class: "refusals" }, refusals.slice(0, SHOWN_REFUSALS).map(refusalItem)))].filter(Boolean));
  }

  function createdBox(created) {
    return el("div", { class: "card created-token", role: "status" },
      el("p", {}, el("strong", {}, "Token for " + created.region + ", shown only this once: "),
        el("code", { class: "token-secret" }, created.token)),
      el("p", { class: "hint" }, "Give it to the probe as QUORATE_PROBE_TOKEN (or --probe-token); it speaks for "
        + created.region + " only."));
  }

  function tokenItem(token) {
    const revoked = token.state === "revoked";
    return el("li", { class: "region", "data-token-id": token.id },
      el("span", { class: "region-name" }, token.name),
      badge(revoked ? "revoked" : "active"),
      el("span", { class: "hint" }, "region " + token.region),
      token.last_used_at ? el("span", { class: "hint" }, "last used ", timeEl(token.last_used_at, true))
        : el("span", { class: "hint" }, "never used"),
      revoked ? el("span", { class: "hint" }, "revoked ", timeEl(token.revoked_at, true))
        : el("button", { type: "button", class: "secondary revoke-token" },
          confirming.has(token.id) ? "Revoke now: its probes are cut off" : "Revoke"));
  }

  function refusalItem(refusal) {
    return el("li", {}, timeEl(refusal.refused_at, true), " ",
      (refusal.region_claimed || "no region") + " from " + refusal.remote_address + ": " + refusal.message);
  }

  function showResult(result, ok, text) {
    result.textContent = text;
    result.className = ok ? "result-ok" : "result-bad";
    result.hidden = false;
  }

  function problem(verb, answer) {
    const message = answer.body && answer.body.message ? ": " + answer.body.message : "";
    return "Could not " + verb + " (HTTP " + answer.status + message + ").";
  }

  async function create(form, result, auth, refresh) {
    const body = { region: form.region.value.trim(), name: form.name.value.trim() };
    try {
      const answer = await postJson("/api/v1/probe-tokens", auth(), body, TIMEOUT_MS);
      if (answer.status === 201 && answer.body) {
        justCreated = { id: answer.body.id, region: answer.body.region, token: answer.body.token };
        form.reset();
        showResult(result, true, "Token created for " + answer.body.region + ".");
      } else {
        showResult(result, false, problem("create the token", answer));
      }
    } catch (e) {
      showResult(result, false, "Could not create the token: coordinator unreachable.");
    }
    refresh();
  }

  /** The first press asks (on the button itself, no dialog), the second revokes. */
  async function revoke(id, result, auth, refresh) {
    if (!confirming.has(id)) {
      confirming.add(id);
      showResult(result, false, "Press again to revoke: probes using this token are disconnected and cannot link again.");
      refresh();
      return;
    }
    confirming.delete(id);
    try {
      const answer = await deleteJson("/api/v1/probe-tokens/" + encodeURIComponent(id), auth(), TIMEOUT_MS);
      showResult(result, answer.status === 200, answer.status === 200 ? "Token revoked." : problem("revoke", answer));
    } catch (e) {
      showResult(result, false, "Could not revoke the token: coordinator unreachable.");
    }
    if (justCreated && justCreated.id === id) justCreated = null;
    refresh();
  }

  /** Wires the static form and one listener for every Revoke button (re-renders keep no stale handlers). */
  function listen(form, list, result, auth, refresh) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      create(form, result, auth, refresh);
    });
    list.addEventListener("click", (event) => {
      const button = event.target.closest("button.revoke-token");
      const item = button && button.closest("[data-token-id]");
      if (item) revoke(item.getAttribute("data-token-id"), result, auth, refresh);
    });
  }

  return { render, listen };
})();
