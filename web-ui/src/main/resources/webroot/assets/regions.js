// Team view, probe regions: does each region vote, and if not why (disconnected, cut off, lagging), with
// its probe nodes. A degraded region is left out of every monitor's quorum until it recovers.
"use strict";

window.QuorateRegions = (function () {
  const { el, badge, timeEl } = window.Quorate;

  function render(container, regions) {
    if (regions.length === 0) {
      container.replaceChildren(el("p", { class: "card muted" }, "No probe node has connected yet."));
      return;
    }
    container.replaceChildren(el("ul", { class: "regions probe-regions" }, regions.map(regionItem)));
  }

  function regionItem(region) {
    const nodes = Array.isArray(region.nodes) ? region.nodes : [];
    const linked = nodes.filter((n) => n.connected).length;
    return el("li", { class: "region", "data-region": region.region },
      el("span", { class: "region-name" }, region.region),
      badge(region.state === "degraded" ? "degraded" : "healthy"),
      el("span", { class: "hint" }, region.votes ? "votes" : "left out of quorum votes"),
      region.state === "degraded" ? el("span", { class: "region-reason" }, region.reason) : null,
      region.incident ? el("span", { class: "hint" }, "operators alerted ", timeEl(region.incident.opened_at, true)) : null,
      el("span", { class: "hint" }, linked + " of " + nodes.length + (nodes.length === 1 ? " node" : " nodes") + " linked"),
      nodes.map(nodeLine));
  }

  function nodeLine(node) {
    const lag = typeof node.lag_ms === "number" ? ", " + Math.round(node.lag_ms / 1000) + " s behind" : "";
    return el("span", { class: "region-reason" }, node.node_id + " (" + (node.version || "?") + ") ",
      node.connected ? ["linked to " + node.coordinator_node + " since ", timeEl(node.connected_since, false)]
        : ["disconnected ", timeEl(node.disconnected_at, true)],
      node.connectivity_ok ? "" : " — " + node.connectivity_detail,
      lag,
      node.address ? ", from " + node.address : "",
      node.token_name ? " with " + node.token_name : "");
  }

  return { render };
})();
