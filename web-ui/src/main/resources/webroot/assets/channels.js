// Team view, channels: where alerts go, whether each receiver still accepts them, and a test alert per
// channel ("test every alert before you trust it"). Rendered by app.js on every poll; the outcome of the
// last test of each channel is kept here so a re-render does not wipe it.
"use strict";

window.QuorateChannels = (function () {
  const { el, badge, timeEl, postJson } = window.Quorate;
  const TIMEOUT_MS = 20000; // a test waits for the receiver's answer (each notifier has a 10 s deadline)
  const results = new Map(); // channel id -> {ok, text}
  const testing = new Set();

  function render(container, channels) {
    if (channels.length === 0) {
      container.replaceChildren(el("p", { class: "card muted" },
        "No channels yet: nobody is told about incidents. Create one with POST /api/v1/channels."));
      return;
    }
    const sorted = channels.slice().sort((a, b) => String(a.name).localeCompare(String(b.name)));
    container.replaceChildren(...sorted.map(card));
  }

  function card(channel) {
    const broken = channel.broken;
    const result = results.get(channel.id);
    const busy = testing.has(channel.id);
    return el("article", { class: "card channel", "data-channel-id": channel.id },
      el("h3", {}, badge(broken ? "broken" : "working"), " ", channel.name || "Unnamed channel",
        el("span", { class: "hint" }, " " + (channel.type || "?"))),
      broken ? el("p", {}, el("strong", {}, "Refusing alerts since "), timeEl(broken.since, true), ": ", broken.reason) : null,
      channel.operator_alerts ? el("p", { class: "hint" }, "Also receives probe region alerts for Quorate's operators.") : null,
      el("div", { class: "actions" },
        el("button", { type: "button", class: "secondary test-alert", disabled: busy ? "disabled" : null },
          busy ? "Sending test alert…" : "Send test alert"),
        result ? el("span", { class: "test-result " + (result.ok ? "result-ok" : "result-bad"), role: "status" },
          result.text) : null));
  }

  async function sendTest(id, auth, rerender) {
    testing.add(id);
    rerender();
    try {
      const answer = await postJson("/api/v1/channels/" + encodeURIComponent(id) + "/test", auth, {}, TIMEOUT_MS);
      if (answer.status === 200 && answer.body) {
        results.set(id, answer.body.accepted
          ? { ok: true, text: "Test alert accepted by the receiver." }
          : { ok: false, text: "Test alert refused: " + (answer.body.detail || "no detail") });
      } else {
        const message = answer.body && answer.body.message ? ": " + answer.body.message : "";
        results.set(id, { ok: false, text: "Could not send the test alert (HTTP " + answer.status + message + ")" });
      }
    } catch (e) {
      results.set(id, { ok: false, text: "Could not send the test alert: coordinator unreachable." });
    } finally {
      testing.delete(id);
      rerender();
    }
  }

  /** One listener for every card's button, so re-rendering never leaves stale handlers behind. */
  function listen(container, auth, rerender) {
    container.addEventListener("click", (event) => {
      const button = event.target.closest("button.test-alert");
      const card = button && button.closest("[data-channel-id]");
      if (!card || button.disabled) return;
      sendTest(card.getAttribute("data-channel-id"), auth(), rerender);
    });
  }

  return { render, listen };
})();
