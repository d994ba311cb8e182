// Request headers of an HTTP monitor, one row each. A secret value is write-only: the API answers "****"
// for it, so an edited monitor shows an empty password field saying a value is stored, and sending "****"
// back (the field left empty) keeps the stored value. The stored value never reaches the page.
"use strict";

window.QuorateHeaderRows = (function () {
  const { el } = window.Quorate;
  const REDACTED = "****";
  let rows = 0; // ids stay unique while rows are added and removed

  function build() {
    const set = el("fieldset", { id: "mf-headers", class: "field check-group", "data-field": "headers", "data-only": "http",
      "aria-describedby": "mf-headers-hint mf-headers-error" },
    el("legend", {}, "Request headers"),
    el("div", { class: "header-rows" }),
    el("button", { type: "button", class: "secondary add-header" }, "Add header"),
    el("p", { id: "mf-headers-hint", class: "hint" }, "Tick \"Secret\" for API keys: a secret value is never shown again. "
      + "Names with token, key, secret, password, auth, session or cookie are always secret."),
    el("p", { id: "mf-headers-error", class: "field-error", hidden: true }));
    set.addEventListener("click", (event) => {
      if (event.target.closest("button.add-header")) add(set, "", "", false, false).querySelector(".h-name").focus();
      const remove = event.target.closest("button.h-remove");
      if (remove) remove.closest(".header-row").remove();
    });
    set.addEventListener("change", (event) => {
      if (event.target.classList.contains("h-secret")) {
        event.target.closest(".header-row").querySelector(".h-value").type = event.target.checked ? "password" : "text";
      }
    });
    return set;
  }

  /** Adds a row; a stored secret shows no value, only that one is kept. */
  function add(set, name, value, secret, storedSecret) {
    const n = ++rows;
    const row = el("div", { class: "header-row", "data-stored-secret": storedSecret ? "true" : null },
      el("span", { class: "field" }, el("label", { for: "mf-hname-" + n }, "Header name"),
        el("input", { id: "mf-hname-" + n, class: "h-name", type: "text", autocomplete: "off", spellcheck: "false",
          value: name, placeholder: "Accept" })),
      el("span", { class: "field" }, el("label", { for: "mf-hvalue-" + n }, "Value"),
        el("input", { id: "mf-hvalue-" + n, class: "h-value", type: secret ? "password" : "text", autocomplete: "off",
          spellcheck: "false", value: storedSecret ? "" : value,
          placeholder: storedSecret ? "stored, write-only" : "application/json",
          "aria-describedby": storedSecret ? "mf-hstored-" + n : null })),
      el("span", { class: "check" }, el("input", { id: "mf-hsecret-" + n, class: "h-secret", type: "checkbox",
        checked: secret ? "checked" : null }), el("label", { for: "mf-hsecret-" + n }, "Secret")),
      storedSecret ? el("span", { id: "mf-hstored-" + n, class: "hint" }, "A value is stored and never shown; leave it empty to keep it.") : null,
      el("button", { type: "button", class: "secondary h-remove", "aria-label": "Remove header " + n }, "Remove"));
    set.querySelector(".header-rows").append(row);
    return row;
  }

  /** Fills the rows from a monitor's "headers" (a value, or {value, secret}); one empty row when none. */
  function fill(set, headers) {
    set.querySelector(".header-rows").replaceChildren();
    const names = headers && typeof headers === "object" ? Object.keys(headers) : [];
    names.forEach((name) => {
      const raw = headers[name];
      const secret = raw !== null && typeof raw === "object" && raw.secret === true;
      const value = secret ? raw.value : String(raw);
      add(set, name, value, secret, secret && value === REDACTED);
    });
    if (names.length === 0) add(set, "", "", false, false);
  }

  /** The "headers" of a request body; an empty stored-secret value is sent as "****" to keep it. */
  function collect(set) {
    const headers = {};
    set.querySelectorAll(".header-row").forEach((row) => {
      const name = row.querySelector(".h-name").value.trim();
      const typed = row.querySelector(".h-value").value;
      const secret = row.querySelector(".h-secret").checked;
      if (!name && !typed) return;
      const value = typed === "" && row.hasAttribute("data-stored-secret") ? REDACTED : typed;
      headers[name] = secret ? { value: value, secret: true } : value;
    });
    return headers;
  }

  return { build, fill, collect };
})();
