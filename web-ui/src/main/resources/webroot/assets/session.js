// Who is signed in. The session itself is an HttpOnly cookie the page cannot read; what the page keeps
// (in memory only) is the session's CSRF token, sent as X-CSRF-Token on every change, and the user's
// name and role. A reload asks GET /api/v1/session again.
"use strict";

window.QuorateSession = (function () {
  const { getJson, postJson, deleteJson } = window.Quorate;
  const TIMEOUT_MS = 10000;
  let current = null; // {user: {username, role}, csrf_token}

  /** Headers every API call from the page sends (the cookie goes by itself). */
  function headers() {
    return current && current.csrf_token ? { "X-CSRF-Token": current.csrf_token } : {};
  }

  function user() {
    return current ? current.user : null;
  }

  function canWrite() {
    return !!current && current.user.role !== "viewer";
  }

  function isAdmin() {
    return !!current && current.user.role === "admin";
  }

  /** Resolves to the signed-in user, or null. */
  async function restore() {
    const answer = await getJson("/api/v1/session", {}, TIMEOUT_MS);
    current = answer.status === 200 && answer.body && answer.body.kind === "session" ? answer.body : null;
    return user();
  }

  /** Resolves to {ok, message}; on success the session is kept. */
  async function signIn(username, password) {
    return keep(await postJson("/api/v1/session", {}, { username: username, password: password }, TIMEOUT_MS));
  }

  async function setup(setupToken, username, password) {
    return keep(await postJson("/api/v1/setup", {},
      { setup_token: setupToken, username: username, password: password }, TIMEOUT_MS));
  }

  async function setupNeeded() {
    const answer = await getJson("/api/v1/setup", {}, TIMEOUT_MS);
    return answer.status === 200 && answer.body && answer.body.needed === true;
  }

  async function signOut() {
    try {
      await deleteJson("/api/v1/session", headers(), TIMEOUT_MS);
    } finally {
      current = null;
    }
  }

  /** Forgets the session after the API said it is gone (401). */
  function ended() {
    current = null;
  }

  function keep(answer) {
    if (answer.status === 200 || answer.status === 201) {
      current = answer.body;
      return { ok: true };
    }
    current = null;
    const message = answer.body && answer.body.message ? answer.body.message : "HTTP " + answer.status;
    return { ok: false, status: answer.status, field: answer.body && answer.body.field, message: message };
  }

  return { headers, user, canWrite, isAdmin, restore, signIn, setup, setupNeeded, signOut, ended };
})();
