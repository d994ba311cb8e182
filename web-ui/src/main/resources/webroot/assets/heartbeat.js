// A heartbeat's detail under the form: its ping URLs with copy buttons, ready snippets, its state, and its
// last pings with their bodies (a fail ping's body is the first useful error). The URLs and snippets are
// drawn once; only the state and the pings are redrawn, every few seconds while the panel is open, so a
// selection or an opened snippet survives the refresh.
"use strict";

window.QuorateHeartbeat = (function () {
  const { el, badge, timeEl, getJson } = window.Quorate;
  const POLL_MS = 3000;
  const TIMEOUT_MS = 5000;
  const PINGS_SHOWN = 10;
  let current = null; // {container, id, auth, timer}

  /** @param auth supplier of the request's auth headers */
  function show(container, monitor, auth) {
    hide(container);
    container.replaceChildren(
      el("h3", { id: "hb-title" }, "Heartbeat: " + (monitor.name || "")),
      el("p", { class: "copy-status", role: "status", "aria-live": "polite" }),
      urls(monitor),
      el("div", { class: "hb-status" }, el("p", { class: "muted" }, "Loading…")),
      el("h4", {}, "Snippets"),
      el("div", { class: "snippets" }, window.QuorateSnippets.all(monitor).map(snippet)),
      el("h4", {}, "Last pings"),
      el("div", { class: "hb-pings" }, el("p", { class: "muted" }, "Loading…")));
    container.hidden = false;
    current = { container: container, id: monitor.id, auth: auth, timer: null };
    refresh(current);
  }

  function hide(container) {
    if (current) clearTimeout(current.timer);
    current = null;
    container.hidden = true;
    container.replaceChildren();
  }

  function urls(monitor) {
    return el("dl", { class: "details ping-urls" },
      el("dt", {}, "Ping URL"), el("dd", {}, copyable("ping-url", monitor.ping_url)),
      monitor.slug_url ? [el("dt", {}, "Slug URL"), el("dd", {}, copyable("slug-url", monitor.slug_url))] : null,
      el("dt", {}, "Also"), el("dd", { class: "hint" }, "/start, /fail, /log, /<exit status> and ?rid=<run id> after"
        + " either URL; a POST body is kept with the ping."));
  }

  function copyable(cls, text) {
    return el("span", { class: "copyable" }, el("code", { class: cls + " copy-source" }, text),
      el("button", { type: "button", class: "secondary copy", "aria-label": "Copy " + text }, "Copy"));
  }

  function snippet(s) {
    return el("details", { class: "snippet", "data-snippet": s.key, open: s.key === "curl" ? "open" : null },
      el("summary", {}, s.title),
      el("pre", {}, el("code", { class: "copy-source" }, s.text)),
      el("button", { type: "button", class: "secondary copy", "aria-label": "Copy the " + s.title + " snippet" }, "Copy"));
  }

  async function refresh(state) {
    if (document.hidden) { // like the page's own poll: nothing to show to a hidden tab
      state.timer = setTimeout(() => refresh(state), POLL_MS);
      return;
    }
    const base = "/api/v1/monitors/" + encodeURIComponent(state.id);
    try {
      const [monitor, pings] = await Promise.all([getJson(base, state.auth(), TIMEOUT_MS),
        getJson(base + "/pings?limit=" + PINGS_SHOWN, state.auth(), TIMEOUT_MS)]);
      if (state !== current) return;
      if (!isSelecting(state.container)) {
        if (monitor.status === 200 && monitor.body) renderStatus(state.container, monitor.body);
        if (pings.status === 200 && pings.body) renderPings(state.container, pings.body.pings || []);
      }
    } catch (e) {
      // Unreachable for a moment: the team view's banner says so; keep what is shown and retry.
    }
    if (state === current) state.timer = setTimeout(() => refresh(state), POLL_MS);
  }

  function isSelecting(container) {
    const selection = window.getSelection();
    return selection && !selection.isCollapsed && container.contains(selection.anchorNode);
  }

  function renderStatus(container, monitor) {
    const hb = monitor.heartbeat || {};
    // replaceChildren would show a null as the text "null": leave the missing parts out instead.
    container.querySelector(".hb-status").replaceChildren(...[
      el("p", { class: "hb-state" }, badge(hb.state || monitor.state), monitor.schedule ? " " + monitor.schedule : ""),
      hb.problem ? el("p", {}, el("strong", {}, "Problem: "), hb.problem) : null,
      hb.next_due_at ? el("p", {}, "Next ping due ", timeEl(hb.next_due_at, false)) : null].filter(Boolean));
  }

  function renderPings(container, pings) {
    const box = container.querySelector(".hb-pings");
    if (pings.length === 0) {
      box.replaceChildren(el("p", { class: "muted" }, "No pings yet: call the ping URL (the curl snippet does)."));
      return;
    }
    box.replaceChildren(el("ul", { class: "pings" }, pings.map((p) => el("li", { class: "ping" },
      timeEl(p.received_at, true), " ", el("strong", {}, p.kind + (p.exit_status !== null && p.exit_status !== undefined
        ? " (exit status " + p.exit_status + ")" : "")),
      p.region ? el("span", { class: "hint" }, " in " + p.region) : null,
      p.run_id ? el("span", { class: "hint" }, " rid " + p.run_id) : null,
      p.failure ? el("div", { class: "result-bad" }, p.failure) : null,
      p.body ? el("pre", { class: "ping-body" }, p.body + (p.body_truncated ? "\n… (cut at 100 KB)" : "")) : null))));
  }

  /** Copies with the Clipboard API; where it is missing or refused, selects the text for Ctrl+C. */
  async function copy(button, status) {
    const source = button.parentElement.querySelector(".copy-source");
    try {
      if (!navigator.clipboard || !window.isSecureContext) throw new Error("no clipboard");
      await navigator.clipboard.writeText(source.textContent);
      status.textContent = "Copied to the clipboard.";
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents(source);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      status.textContent = "Selected: press Ctrl+C (or ⌘C) to copy.";
    }
  }

  /** One listener for every copy button of the panel. */
  function listen(container) {
    container.addEventListener("click", (event) => {
      const button = event.target.closest("button.copy");
      if (button) copy(button, container.querySelector(".copy-status"));
    });
  }

  return { show, hide, listen };
})();
