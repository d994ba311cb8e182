// Team view, live updates: listens to the coordinator's event stream (GET /api/v1/events) and asks the page to
// read its data again when something changed, a little later so a burst of events costs one read. Shows
// "Live" or "Reconnecting" in the status line; while the stream is down the page polls faster instead.
"use strict";

window.QuorateLive = (function () {
  const { openEventStream } = window.Quorate;
  const TYPES = ["incident.opened", "incident.reopened", "incident.acknowledged", "incident.resolved",
    "monitor.created", "monitor.updated", "monitor.deleted", "monitor.state"];
  const SETTLE_MS = 250;

  let close = null;
  let settle = null;
  let live = false;

  /**
   * headers: the page's one source of auth headers. onChange(cause) reads the data again; cause is
   * "stream-open" or "event:<type>". statusEl shows the state of the stream.
   */
  function start(headers, onChange, statusEl) {
    stop();
    show(statusEl, false, "Connecting…");
    close = openEventStream("/api/v1/events", TYPES, headers, {
      onOpen: () => {
        live = true;
        show(statusEl, true, "Live");
        onChange("stream-open"); // changes made while the stream was down are read now
      },
      onEvent: (type) => {
        clearTimeout(settle);
        settle = setTimeout(() => onChange("event:" + type), SETTLE_MS);
      },
      onDown: () => {
        live = false;
        show(statusEl, false, "Reconnecting…");
      },
    });
  }

  function stop() {
    if (close) close();
    close = null;
    live = false;
    clearTimeout(settle);
  }

  function show(statusEl, isLive, text) {
    statusEl.textContent = text;
    statusEl.setAttribute("data-live", isLive ? "live" : "down");
  }

  return { start, stop, isLive: () => live };
})();
