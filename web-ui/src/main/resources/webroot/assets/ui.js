// Helpers shared by status.js and app.js. Text from the API only ever reaches the page as text nodes
// or attribute values, never parsed as markup, so a monitor named "<script>" stays text.
"use strict";

window.Quorate = (function () {
  /** Builds an element: el("td", {class: "x", "data-label": "Name"}, "text", childNode, ...). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "hidden") node.hidden = true;
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  const STATES = {
    up: { label: "Up", symbol: "✓" },
    down: { label: "Down", symbol: "✕" },
    pending: { label: "Pending", symbol: "…" },
    // Heartbeat states; the badge class falls back to "pending" colours for the ones without their own.
    new: { label: "New", symbol: "…" },
    late: { label: "Late", symbol: "!" },
    running: { label: "Running", symbol: "▶" },
    paused: { label: "Paused", symbol: "‖" },
    // Probe regions and channels.
    healthy: { label: "Healthy", symbol: "✓" },
    degraded: { label: "Degraded", symbol: "!" },
    working: { label: "Working", symbol: "✓" },
    broken: { label: "Broken", symbol: "✕" },
    // Probe enrollment tokens.
    active: { label: "Active", symbol: "✓" },
    revoked: { label: "Revoked", symbol: "✕" },
  };

  /** A state badge: symbol plus word, so the state never depends on colour alone. */
  function badge(state) {
    const known = STATES[state];
    const label = known ? known.label : String(state || "unknown");
    return el("span", { class: "badge badge-" + (known ? state : "pending") },
      el("span", { "aria-hidden": "true" }, known ? known.symbol : "?"), label);
  }

  function parseTime(iso) {
    if (!iso) return null;
    const date = new Date(iso);
    return isNaN(date.getTime()) ? null : date;
  }

  /** "3 s ago", "4 min ago", "2 h 5 min ago". */
  function ago(date, now) {
    const seconds = Math.max(0, Math.round(((now || new Date()) - date) / 1000));
    return duration(seconds) + " ago";
  }

  function duration(seconds) {
    if (seconds < 60) return seconds + " s";
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return minutes + " min";
    const hours = Math.floor(minutes / 60);
    return hours + " h" + (minutes % 60 ? " " + (minutes % 60) + " min" : "");
  }

  /** A <time> showing local time (and the date unless today), with the exact ISO value as its machine-readable form. */
  function timeEl(iso, withAgo) {
    const date = parseTime(iso);
    if (!date) return el("span", { class: "muted" }, iso ? String(iso) : "never");
    const today = date.toDateString() === new Date().toDateString();
    const text = (today ? date.toLocaleTimeString() : date.toLocaleString()) + (withAgo ? " (" + ago(date) + ")" : "");
    return el("time", { datetime: date.toISOString(), title: date.toISOString() }, text);
  }

  /**
   * fetch() with a timeout. Resolves to {status, body}; rejects only when the coordinator could not be
   * reached (network error or timeout), so callers can tell "unreachable" from an HTTP error.
   */
  async function requestJson(method, url, headers, payload, timeoutMs) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const sending = payload !== undefined;
    try {
      const response = await fetch(url, {
        method: method,
        headers: Object.assign({ Accept: "application/json" }, sending ? { "Content-Type": "application/json" } : {},
          headers || {}),
        body: sending ? JSON.stringify(payload) : undefined,
        cache: "no-store",
        signal: controller.signal,
      });
      let body = null;
      try {
        body = await response.json();
      } catch (e) {
        body = null;
      }
      return { status: response.status, body: body };
    } finally {
      clearTimeout(timer);
    }
  }

  function getJson(url, headers, timeoutMs) {
    return requestJson("GET", url, headers, undefined, timeoutMs);
  }

  function postJson(url, headers, payload, timeoutMs) {
    return requestJson("POST", url, headers, payload || {}, timeoutMs);
  }

  function putJson(url, headers, payload, timeoutMs) {
    return requestJson("PUT", url, headers, payload || {}, timeoutMs);
  }

  function deleteJson(url, headers, timeoutMs) {
    return requestJson("DELETE", url, headers, undefined, timeoutMs);
  }

  /**
   * Server-Sent Events from url, reconnecting on its own until the returned function is called.
   * EventSource first: it sends the page's own cookies (a sign-in session) and needs nothing else. It cannot
   * send an Authorization header, so when it fails before it ever opened (no session: 401), the same stream is
   * read with fetch() and headers() instead, never with a token in the URL (URLs end up in logs).
   * handlers: onOpen(), onEvent(type, data), onDown() when the stream is lost (it reconnects by itself).
   */
  function openEventStream(url, types, headers, handlers) {
    let closed = false;
    let stop = () => {};
    const source = typeof EventSource === "function" ? new EventSource(url) : null;
    if (!source) {
      stop = readStreamLoop(url, headers, handlers, () => closed);
      return () => { closed = true; stop(); };
    }
    let opened = false;
    source.onopen = () => { opened = true; handlers.onOpen(); };
    types.forEach((type) => source.addEventListener(type, (event) => handlers.onEvent(type, parseData(event.data))));
    source.onerror = () => {
      if (opened) { handlers.onDown(); return; } // EventSource reconnects by itself
      source.close();
      if (!closed) stop = readStreamLoop(url, headers, handlers, () => closed);
    };
    return () => { closed = true; source.close(); stop(); };
  }

  const STREAM_SILENCE_MS = 45000; // the coordinator sends a heartbeat comment every 15 s
  const STREAM_RETRY_MS = 3000;

  /** The fetch() reading of an event stream, again after STREAM_RETRY_MS whenever it ends. */
  function readStreamLoop(url, headers, handlers, isClosed) {
    let controller = null;
    let retry = null;
    async function once() {
      controller = new AbortController();
      let watchdog = setTimeout(() => controller.abort(), STREAM_SILENCE_MS);
      try {
        const response = await fetch(url, { headers: Object.assign({ Accept: "text/event-stream" }, headers()),
          cache: "no-store", signal: controller.signal });
        if (response.status !== 200 || !response.body) throw new Error("HTTP " + response.status);
        handlers.onOpen();
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          clearTimeout(watchdog);
          watchdog = setTimeout(() => controller.abort(), STREAM_SILENCE_MS);
          buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            dispatchBlock(buffer.slice(0, end), handlers);
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (e) {
        // lost, refused or silent: reported below, retried
      } finally {
        clearTimeout(watchdog);
      }
      if (isClosed()) return;
      handlers.onDown();
      retry = setTimeout(once, STREAM_RETRY_MS);
    }
    once();
    return () => { clearTimeout(retry); if (controller) controller.abort(); };
  }

  /** One SSE block: "event:" names the type, "data:" lines the payload; comments (":") keep it alive. */
  function dispatchBlock(block, handlers) {
    let type = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) type = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (data.length) handlers.onEvent(type, parseData(data.join("\n")));
  }

  function parseData(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }

  return { el, badge, parseTime, ago, duration, timeEl, requestJson, getJson, postJson, putJson, deleteJson, openEventStream };
})();
