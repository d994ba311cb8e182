// Team view, access (admins only): people with their roles (add, change role, disable or enable) and API
// keys for scripts (create: the key is shown once, here only; revoke with two presses). Loaded when an
// admin opens the page and after each change, not on every poll: access changes rarely.
"use strict";

window.QuorateAccess = (function () {
  const { el, badge, timeEl, getJson, postJson, deleteJson } = window.Quorate;
  const TIMEOUT_MS = 10000;
  const $ = (id) => document.getElementById(id);
  let auth = () => ({});
  let justCreatedKey = null; // {id, name, key}: shown until the page is left, never fetched again
  const confirmingRevoke = new Set();

  async function load() {
    try {
      const [users, keys] = await Promise.all([
        getJson("/api/v1/users", auth(), TIMEOUT_MS),
        getJson("/api/v1/api-keys", auth(), TIMEOUT_MS),
      ]);
      if (users.status === 200) renderUsers(users.body.users || []);
      if (keys.status === 200) renderKeys(keys.body.api_keys || []);
    } catch (e) {
      show(false, "Could not load people and API keys: coordinator unreachable.");
    }
  }

  function renderUsers(users) {
    $("users").replaceChildren(el("ul", { class: "regions" }, users.map((user) =>
      el("li", { class: "region", "data-user-id": user.id, "data-username": user.username },
        el("span", { class: "region-name" }, user.username),
        badge(user.state === "active" ? "active" : "revoked"),
        el("label", {}, el("span", { class: "visually-hidden" }, "Role of " + user.username),
          roleSelect(user.role)),
        el("button", { type: "button", class: "secondary toggle-user" },
          user.state === "active" ? "Disable" : "Enable"),
        el("span", { class: "hint" }, "added ", timeEl(user.created_at, false),
          user.created_by ? " by " + user.created_by : "")))));
  }

  function roleSelect(current) {
    return el("select", { class: "user-role" }, ["viewer", "editor", "admin"].map((role) =>
      el("option", { value: role, selected: role === current }, role)));
  }

  function renderKeys(keys) {
    $("api-keys").replaceChildren(...[
      justCreatedKey ? el("div", { class: "card created-token", role: "status" },
        el("p", {}, el("strong", {}, "Key \"" + justCreatedKey.name + "\", shown only this once: "),
          el("code", { class: "api-key-secret" }, justCreatedKey.key)),
        el("p", { class: "hint" }, "Send it as Authorization: Bearer <key>.")) : null,
      keys.length === 0 ? el("p", { class: "card muted" }, "No API keys yet.")
        : el("ul", { class: "regions" }, keys.map((key) => el("li", { class: "region", "data-key-id": key.id },
          el("span", { class: "region-name" }, key.name),
          badge(key.state === "active" ? "active" : "revoked"),
          el("span", { class: "hint" }, key.scope + ", " + key.prefix + "…"),
          key.last_used_at ? el("span", { class: "hint" }, "last used ", timeEl(key.last_used_at, true))
            : el("span", { class: "hint" }, "never used"),
          key.state === "active" ? el("button", { type: "button", class: "secondary revoke-key" },
            confirmingRevoke.has(key.id) ? "Revoke now" : "Revoke") : null)))].filter(Boolean));
  }

  function show(ok, text) {
    const result = $("access-result");
    result.textContent = text;
    result.className = ok ? "result-ok" : "result-bad";
    result.hidden = false;
  }

  async function send(call, done) {
    try {
      const answer = await call();
      if (answer.status >= 200 && answer.status < 300) {
        show(true, done(answer.body));
      } else {
        show(false, "Not done (HTTP " + answer.status + (answer.body && answer.body.message ? ": " + answer.body.message : "") + ").");
      }
    } catch (e) {
      show(false, "Not done: coordinator unreachable.");
    }
    load();
  }

  function addUser(form) {
    const body = { username: form.username.value.trim(), password: form.password.value, role: form.role.value };
    send(() => postJson("/api/v1/users", auth(), body, TIMEOUT_MS), (user) => {
      form.reset();
      return "Added " + user.username + " as " + user.role + ".";
    });
  }

  function createKey(form) {
    const body = { name: form.name.value.trim(), scope: form.scope.value };
    send(() => postJson("/api/v1/api-keys", auth(), body, TIMEOUT_MS), (key) => {
      justCreatedKey = { id: key.id, name: key.name, key: key.key };
      form.reset();
      return "Key created.";
    });
  }

  function listen(headers) {
    auth = headers;
    $("user-form").addEventListener("submit", (event) => {
      event.preventDefault();
      addUser(event.target);
    });
    $("api-key-form").addEventListener("submit", (event) => {
      event.preventDefault();
      createKey(event.target);
    });
    $("users").addEventListener("change", (event) => {
      const item = event.target.closest("[data-user-id]");
      if (!item || !event.target.classList.contains("user-role")) return;
      const role = event.target.value;
      send(() => patchJson("/api/v1/users/" + encodeURIComponent(item.getAttribute("data-user-id")), { role: role }),
        (user) => user.username + " is now " + user.role + " (signed out everywhere).");
    });
    $("users").addEventListener("click", (event) => {
      const button = event.target.closest("button.toggle-user");
      const item = button && button.closest("[data-user-id]");
      if (!item) return;
      const disable = button.textContent === "Disable";
      send(() => patchJson("/api/v1/users/" + encodeURIComponent(item.getAttribute("data-user-id")), { disabled: disable }),
        (user) => user.username + (disable ? " is disabled and signed out." : " can sign in again."));
    });
    $("api-keys").addEventListener("click", (event) => {
      const button = event.target.closest("button.revoke-key");
      const item = button && button.closest("[data-key-id]");
      if (!item) return;
      const id = item.getAttribute("data-key-id");
      if (!confirmingRevoke.has(id)) {
        confirmingRevoke.add(id);
        show(false, "Press again to revoke: scripts using this key are refused from their next call.");
        load();
        return;
      }
      confirmingRevoke.delete(id);
      if (justCreatedKey && justCreatedKey.id === id) justCreatedKey = null;
      send(() => deleteJson("/api/v1/api-keys/" + encodeURIComponent(id), auth(), TIMEOUT_MS), () => "Key revoked.");
    });
  }

  function patchJson(url, payload) {
    return window.Quorate.requestJson("PATCH", url, auth(), payload, TIMEOUT_MS);
  }

  return { load, listen };
})();
