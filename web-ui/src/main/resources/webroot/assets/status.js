// Public status page, progressive enhancement: the page is rendered on the server and complete without this
// script. Every 30 s (while the tab is visible) it asks GET /api/v1/status whether the status changed, by
// comparing the answer's ETag with the one the page was rendered from, and then reloads the page. A reader
// who is busy in the page (focus on a link, text selected) gets a "Reload" link instead of a surprise.
"use strict";

(function () {
  const CHECK_MS = 30000;
  const meta = document.querySelector('meta[name="quorate-status-etag"]');
  if (!meta || !window.fetch) return;
  const shownEtag = meta.getAttribute("content");

  function readerIsBusy() {
    const focused = document.activeElement;
    return (focused && focused !== document.body) || String(window.getSelection()) !== "";
  }

  function offerReload() {
    if (document.getElementById("status-changed")) return;
    const link = Object.assign(document.createElement("a"), { href: "/status", textContent: "Reload" });
    const banner = Object.assign(document.createElement("p"), { id: "status-changed", className: "banner banner-info" });
    banner.setAttribute("role", "status");
    banner.append("The status has changed. ", link);
    document.querySelector("main").prepend(banner);
  }

  async function check() {
    if (!document.hidden) {
      try {
        // no-cache: the browser revalidates with If-None-Match, so an unchanged status costs a 304.
        const response = await fetch("/api/v1/status", { cache: "no-cache" });
        const etag = response.headers.get("ETag");
        if (response.ok && etag && etag !== shownEtag) {
          if (readerIsBusy()) offerReload(); else window.location.reload();
          return;
        }
      } catch (e) {
        // Unreachable for a moment: the page keeps showing the status it has.
      }
    }
    setTimeout(check, CHECK_MS);
  }

  setTimeout(check, CHECK_MS);
})();
