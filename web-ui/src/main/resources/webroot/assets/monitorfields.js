// The fields of the monitor form, as a static form built once: polling elsewhere on the page never
// re-renders it, so nothing typed is lost. Fields of the other monitor type stay in the DOM but hidden.
"use strict";

window.QuorateMonitorFields = (function () {
  const { el } = window.Quorate;
  const F = window.QuorateFields;
  const H = "http";
  const B = "heartbeat";

  function build() {
    return [
      section("What to watch",
        F.text("name", "Name", "Shown in alerts, e.g. \"Receipt emails queue\".", { maxlength: 200, required: "required" }),
        F.select("type", "Type", [["http", "HTTP queue check"], ["heartbeat", "Heartbeat (the worker pings us)"]],
          "The type cannot change once saved."),
        F.text("url", "URL", "The absolute http or https address of the queue-depth or stats endpoint, e.g. your"
          + " app's /sidekiq/stats.", { type: "url" }, H),
        F.select("method", "Method", ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].map((m) => [m, m]), null, H),
        window.QuorateHeaderRows.build(),
        authFields(),
        F.textarea("body", "Request body", "Sent with POST, PUT or PATCH; empty for none.", { rows: 2 }, H)),
      section("Schedule", scheduleKind(),
        F.text("period", "Period", "A ping is expected this long after the previous one: 5m, 1h, 1d.",
          { placeholder: "5m", "data-kind": "period" }, B),
        F.text("cron", "Cron expression", "5 fields, e.g. 0 3 * * 1-5, or @daily.", { placeholder: "0 3 * * *", "data-kind": "cron" }, B),
        F.text("timezone", "Time zone", "IANA name, e.g. Europe/Berlin; UTC when empty.", { placeholder: "UTC", "data-kind": "cron" }, B),
        F.text("fleet_window", "Fleet window", "Counted over this window, e.g. 5m.", { placeholder: "5m", "data-kind": "fleet" }, B),
        F.text("fleet_min_pings", "Minimum successful pings per window", null, { inputmode: "numeric", "data-kind": "fleet" }, B),
        F.text("fleet_max_failure_ratio", "Maximum share of failed runs", "e.g. 5%; empty for no limit.",
          { placeholder: "5%", "data-kind": "fleet" }, B),
        F.text("grace", "Grace", "How late a ping may be before the monitor is down (1m when empty).",
          { placeholder: "1m", "data-kind": "timed" }, B),
        F.text("max_run_time", "Expected run time", "A start ping with no completion after this plus grace is a stuck run.",
          { placeholder: "45m" }, B),
        F.text("slug", "Slug", "Optional: also pingable at /ping/<ping key>/<slug>.", { placeholder: "invoice-export" }, B),
        F.text("interval", "Check every", "1s to 1d; 30s when empty.", { placeholder: "30s" }, H),
        F.text("timeout", "Timeout", "Hard deadline of one run, at most the interval; 10s when empty.", { placeholder: "10s" }, H)),
      section("Conditions",
        F.textarea("conditions", "Conditions, one per line",
          "All must pass, e.g. [BODY].sidekiq.enqueued < 1000. For a heartbeat they check a success ping's JSON body. "
          + "Checked as you type.", { rows: 5 })),
      section("Regions and quorum",
        F.checkGroup("regions", "Regions", "Where the check runs; every region that has connected when none is ticked.", H),
        F.text("quorum", "Quorum", "Regions that must agree to open an incident: 2, or 60%. A majority when empty.",
          { placeholder: "2" }),
        F.text("confirmations", "Confirmations", "Consecutive failures before a region votes down (2).",
          { inputmode: "numeric", placeholder: "2" }, H),
        F.text("recoveries", "Recoveries", "Consecutive successes before a region votes up again (1).",
          { inputmode: "numeric", placeholder: "1" }, H)),
      section("Alerting",
        F.text("owner", "Owner", "Who fixes it, e.g. billing team.", { maxlength: 500 }),
        F.text("customer_action", "What customers cannot do", "e.g. receive receipts.", { maxlength: 500 }),
        F.text("impact", "Impact", "e.g. all paying customers.", { maxlength: 500 }),
        F.select("urgency", "Urgency", [["page", "Page at any hour"], ["working_hours", "Working hours only"]]),
        F.text("sla", "SLA", "How long the work may wait, e.g. 5m; shown in alerts.", { placeholder: "5m" }),
        F.textarea("labels", "Labels", "One per line as name=value, e.g. team=billing.", { rows: 2 }),
        F.checkGroup("channels", "Channels", "Where alerts go; every channel when none is ticked.")),
    ];
  }

  function section(title, ...children) {
    return el("fieldset", { class: "form-section" }, el("legend", {}, title), children);
  }

  /** Auth secrets are password fields: write-only, a stored one is kept when left empty. */
  function authFields() {
    const kind = F.select("auth_type", "Authentication", [["", "None"], ["bearer", "Bearer token"],
      ["basic", "Basic (user name, password)"]]);
    kind.querySelector("select").setAttribute("aria-describedby", "mf-auth_type-error mf-auth-error");
    const secretHint = "Write-only: never shown again once saved; leave empty to keep the stored one.";
    return el("div", { class: "field-row", "data-only": H }, kind,
      F.field("auth_token", "Token", F.input("auth_token", { type: "password", "data-auth": "bearer" }), secretHint),
      F.field("auth_username", "User name", F.input("auth_username", { "data-auth": "basic" })),
      F.field("auth_password", "Password", F.input("auth_password", { type: "password", "data-auth": "basic" }), secretHint),
      el("p", { id: "mf-auth-error", class: "field-error", hidden: true }));
  }

  function scheduleKind() {
    const options = [["period", "Every period"], ["cron", "Cron schedule"], ["fleet", "Fleet rule (busy queues)"]];
    return el("fieldset", { class: "field check-group", "data-only": B, id: "mf-schedule" },
      el("legend", {}, "Expect pings"),
      el("div", { class: "checks" }, options.map(([value, shown]) => el("span", { class: "check" },
        el("input", { type: "radio", name: "schedule", id: "mf-schedule-" + value, value: value,
          checked: value === "period" ? "checked" : null }),
        el("label", { for: "mf-schedule-" + value }, shown)))));
  }

  /** Shows the fields of one type (and schedule kind, auth kind); the others keep what was typed. */
  function show(form, type) {
    const kind = scheduleKindOf(form);
    const auth = F.value("auth_type");
    form.querySelectorAll("[data-only]").forEach((node) => { node.hidden = node.getAttribute("data-only") !== type; });
    form.querySelectorAll("[data-kind]").forEach((input) => {
      const k = input.getAttribute("data-kind");
      input.closest(".field").hidden = type !== B || !(k === kind || (k === "timed" && kind !== "fleet"));
    });
    form.querySelectorAll("[data-auth]").forEach((input) => {
      input.closest(".field").hidden = input.getAttribute("data-auth") !== auth;
    });
    form.querySelectorAll(".test-now").forEach((button) => { button.hidden = type !== H; });
  }

  function scheduleKindOf(form) {
    const picked = form.querySelector("input[name=schedule]:checked");
    return picked ? picked.value : "period";
  }

  return { build, show, scheduleKindOf };
})();
