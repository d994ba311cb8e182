// Between the form and the API's monitor JSON (docs/CONTRACTS.md): fill the form from a GET, and collect
// the request body for POST, PUT and "Test now". Empty fields are left out so the API's defaults apply;
// what the user typed is sent as typed (a "2x" in a number field goes as text) so the API names the field.
"use strict";

window.QuorateMonitorDraft = (function () {
  const F = window.QuorateFields;
  const Headers = window.QuorateHeaderRows;
  const REDACTED = "****";
  // Settings the form has no field for: carried over from the saved monitor so an edit keeps them.
  const CARRIED = ["max_body_bytes", "max_redirects", "tls_verify", "series", "remind_every", "escalation", "flap_cooldown"];
  const TEXT = ["name", "url", "body", "interval", "timeout", "confirmations", "recoveries", "period", "cron", "timezone",
    "grace", "max_run_time", "slug", "owner", "customer_action", "impact", "sla"];

  function fill(form, monitor) {
    TEXT.forEach((key) => F.setValue(key, monitor[key]));
    F.setValue("type", monitor.type || "http");
    F.setValue("method", monitor.method || "GET");
    F.setValue("urgency", monitor.urgency || "page");
    F.setValue("quorum", monitor.quorum);
    F.setValue("conditions", Array.isArray(monitor.conditions) ? monitor.conditions.join("\n") : "");
    F.setValue("labels", Object.entries(monitor.labels || {}).map(([k, v]) => k + "=" + v).join("\n"));
    Headers.fill(document.getElementById("mf-headers"), monitor.headers);
    fillAuth(monitor.auth);
    const kind = monitor.fleet ? "fleet" : monitor.cron ? "cron" : "period";
    form.querySelector("#mf-schedule-" + kind).checked = true;
    const fleet = monitor.fleet || {};
    F.setValue("fleet_window", fleet.window);
    F.setValue("fleet_min_pings", fleet.min_pings);
    F.setValue("fleet_max_failure_ratio", fleet.max_failure_ratio);
  }

  /** Secrets come back as "****": the field stays empty and says a value is stored. */
  function fillAuth(auth) {
    F.setValue("auth_type", auth ? auth.type : "");
    F.setValue("auth_username", auth ? auth.username : "");
    ["auth_token", "auth_password"].forEach((key) => {
      const input = document.getElementById(F.id(key));
      const stored = !!auth && auth[key.slice(5)] === REDACTED;
      input.value = "";
      input.toggleAttribute("data-stored", stored);
      input.placeholder = stored ? "stored, write-only" : "";
    });
  }

  /**
   * The request body, and for each sent condition its line number in the textarea (so an error on
   * conditions[i] can say "line 4"). Throws {key, message} for input the form itself cannot read (labels).
   */
  function collect(form, type, loaded) {
    const body = { type: type, name: F.value("name") };
    CARRIED.forEach((key) => {
      if (loaded && loaded[key] !== null && loaded[key] !== undefined) body[key] = loaded[key];
    });
    if (loaded && type === "http" && loaded.stale_after && !loaded.stale_after_default) body.stale_after = loaded.stale_after;
    const { conditions, lines } = conditionLines();
    body.conditions = conditions;
    if (type === "http") http(body);
    else heartbeat(form, body);
    alerting(body);
    return { body: body, lines: lines };
  }

  function conditionLines() {
    const conditions = [];
    const lines = [];
    document.getElementById(F.id("conditions")).value.split("\n").forEach((line, i) => {
      if (line.trim()) {
        conditions.push(line.trim());
        lines.push(i + 1);
      }
    });
    return { conditions, lines };
  }

  function http(body) {
    put(body, "url", F.value("url"));
    body.method = F.value("method") || "GET";
    body.headers = Headers.collect(document.getElementById("mf-headers"));
    const auth = collectAuth();
    if (auth) body.auth = auth;
    put(body, "body", document.getElementById(F.id("body")).value);
    ["interval", "timeout"].forEach((key) => put(body, key, F.value(key)));
    const regions = F.checked("regions");
    if (regions.length) body.regions = regions;
    put(body, "quorum", quorum(F.value("quorum")));
    put(body, "confirmations", number(F.value("confirmations")));
    put(body, "recoveries", number(F.value("recoveries")));
  }

  function collectAuth() {
    const type = F.value("auth_type");
    const secret = (key) => {
      const input = document.getElementById(F.id(key));
      return input.value === "" && input.hasAttribute("data-stored") ? REDACTED : input.value;
    };
    if (type === "bearer") return { type: "bearer", token: secret("auth_token") };
    if (type === "basic") return { type: "basic", username: F.value("auth_username"), password: secret("auth_password") };
    return null;
  }

  function heartbeat(form, body) {
    const kind = window.QuorateMonitorFields.scheduleKindOf(form);
    if (kind === "fleet") {
      const fleet = { window: F.value("fleet_window") };
      put(fleet, "min_pings", number(F.value("fleet_min_pings")));
      put(fleet, "max_failure_ratio", F.value("fleet_max_failure_ratio"));
      body.fleet = fleet;
    } else if (kind === "cron") {
      body.cron = F.value("cron");
      put(body, "timezone", F.value("timezone"));
    } else {
      body.period = F.value("period");
    }
    if (kind !== "fleet") put(body, "grace", F.value("grace"));
    ["max_run_time", "slug"].forEach((key) => put(body, key, F.value(key)));
    put(body, "quorum", number(F.value("quorum")));
  }

  function alerting(body) {
    ["owner", "customer_action", "impact", "sla"].forEach((key) => put(body, key, F.value(key)));
    body.urgency = F.value("urgency") || "page";
    body.labels = labels();
    body.channels = F.checked("channels");
  }

  function labels() {
    const labels = {};
    F.value("labels").split("\n").map((l) => l.trim()).filter(Boolean).forEach((line) => {
      const at = line.indexOf("=");
      if (at < 1) throw { key: "labels", message: "\"" + line + "\" is not name=value, e.g. team=billing" };
      labels[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    });
    return labels;
  }

  function put(target, key, value) {
    if (value !== "" && value !== undefined && value !== null) target[key] = value;
  }

  function number(text) {
    return /^-?\d+$/.test(text) ? Number(text) : text;
  }

  /** "2" is a number of regions, "60%" a share; anything else goes as typed for the API to name. */
  function quorum(text) {
    return /^\d+$/.test(text) ? Number(text) : text;
  }

  return { fill, collect };
})();
