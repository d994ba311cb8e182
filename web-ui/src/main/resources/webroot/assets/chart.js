// Team view, charts: a monitor's series as small inline SVG line charts (depth, oldest job age), with the
// incidents in the range shaded, and uptime bars (one per bucket). Hand-written, nothing loaded from elsewhere;
// text reaches the SVG only as text nodes.
"use strict";

window.QuorateChart = (function () {
  const { el } = window.Quorate;
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 720;
  const HEIGHT = 120;
  const PAD = { left: 56, right: 8, top: 8, bottom: 18 };

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  /** Renders every named series of the answer, then the uptime bars. */
  function render(container, answer) {
    const from = Date.parse(answer.from);
    const to = Date.parse(answer.to);
    const stepMs = stepMillis(answer.step);
    const points = Array.isArray(answer.points) ? answer.points : [];
    const incidents = Array.isArray(answer.incidents) ? answer.incidents : [];
    const x = (t) => PAD.left + ((t - from) / (to - from)) * (WIDTH - PAD.left - PAD.right);
    const names = Array.isArray(answer.names) ? answer.names : [];
    container.replaceChildren(
      ...names.map((name) => lineChart(name, points, incidents, x, stepMs, from, to)),
      uptimeBars(points, x, stepMs, answer.uptime));
  }

  function lineChart(name, points, incidents, x, stepMs, from, to) {
    const values = points.filter((p) => typeof p[name] === "number");
    const max = values.reduce((m, p) => Math.max(m, p[name]), 0) || 1;
    const y = (v) => PAD.top + (1 - v / max) * (HEIGHT - PAD.top - PAD.bottom);
    const chart = svg("svg", { viewBox: "0 0 " + WIDTH + " " + HEIGHT, class: "chart", role: "img",
      "aria-label": name.replace(/_/g, " ") + " over time, largest " + max },
      svg("title", {}, name.replace(/_/g, " ")),
      ...incidents.map((i) => incidentSpan(i, x, from, to)),
      svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(0), y2: y(0), class: "chart-axis" }),
      svg("text", { x: PAD.left - 4, y: PAD.top + 10, "text-anchor": "end", class: "chart-label" }, formatValue(max)),
      svg("text", { x: PAD.left - 4, y: y(0), "text-anchor": "end", class: "chart-label" }, "0"),
      svg("text", { x: PAD.left, y: HEIGHT - 4, class: "chart-label" }, new Date(from).toLocaleString()),
      svg("text", { x: WIDTH - PAD.right, y: HEIGHT - 4, "text-anchor": "end", class: "chart-label" }, new Date(to).toLocaleString()),
      ...segments(values, name, x, y, stepMs).map((d) => svg("polyline", { points: d, class: "chart-line" })));
    return el("figure", { class: "chart-figure", "data-series": name },
      el("figcaption", {}, name.replace(/_/g, " ") + (values.length ? "" : ": no values in this range")), chart);
  }

  // A bucket without a value breaks the line, so a gap in the data is never drawn as a straight slope.
  function segments(values, name, x, y, stepMs) {
    const out = [];
    let current = [];
    let last = null;
    for (const p of values) {
      const t = Date.parse(p.at);
      if (last !== null && t - last > stepMs * 1.5) { out.push(current); current = []; }
      current.push(x(t + stepMs / 2).toFixed(1) + "," + y(p[name]).toFixed(1));
      last = t;
    }
    out.push(current);
    return out.filter((s) => s.length).map((s) => (s.length === 1 ? [s[0], s[0]] : s).join(" "));
  }

  function incidentSpan(incident, x, from, to) {
    const start = Math.max(from, Date.parse(incident.opened_at));
    const end = Math.min(to, incident.resolved_at ? Date.parse(incident.resolved_at) : to);
    return svg("rect", { x: x(start).toFixed(1), y: PAD.top, width: Math.max(2, x(end) - x(start)).toFixed(1),
      height: HEIGHT - PAD.top - PAD.bottom, class: "chart-incident" },
      svg("title", {}, "incident: " + (incident.reason || "down")));
  }

  function uptimeBars(points, x, stepMs, uptime) {
    const bars = svg("svg", { viewBox: "0 0 " + WIDTH + " 24", class: "chart uptime", role: "img",
      "aria-label": "uptime " + formatUptime(uptime) },
      ...points.map((p) => {
        const total = p.up + p.down;
        const t = Date.parse(p.at);
        const cls = p.down === 0 ? "bar-up" : p.down === total ? "bar-down" : "bar-partial";
        return svg("rect", { x: x(t).toFixed(1), y: 2, width: Math.max(1, x(t + stepMs) - x(t) - 1).toFixed(1), height: 20,
          class: cls }, svg("title", {}, new Date(t).toLocaleString() + ": " + p.up + " passed, " + p.down + " failed"));
      }));
    return el("figure", { class: "chart-figure" }, el("figcaption", {}, "Uptime " + formatUptime(uptime)), bars);
  }

  function formatUptime(uptime) {
    return typeof uptime === "number" ? (uptime * 100).toFixed(2) + "%" : "unknown (no runs in this range)";
  }

  function formatValue(v) {
    return v >= 10000 ? Math.round(v / 1000) + "k" : String(Math.round(v * 10) / 10);
  }

  /** "5m", "1h", "1d", "1h30m" in milliseconds. */
  function stepMillis(step) {
    const units = { ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };
    let total = 0;
    for (const [, amount, unit] of String(step).matchAll(/(\d+)(ms|s|m|h|d)/g)) total += Number(amount) * units[unit];
    return total || 60000;
  }

  return { render };
})();
