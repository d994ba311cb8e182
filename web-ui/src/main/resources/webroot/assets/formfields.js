// Building blocks of the monitor form: every control gets a visible label, an optional hint and an error
// slot, both linked with aria-describedby so a screen reader reads the problem with the field. Ids are
// "mf-<key>", errors "mf-<key>-error", so an API problem naming a field finds its slot.
"use strict";

window.QuorateFields = (function () {
  const { el } = window.Quorate;
  const id = (key) => "mf-" + key;
  const errorId = (key) => "mf-" + key + "-error";

  function describe(control, key, hint) {
    control.setAttribute("aria-describedby", [hint ? id(key) + "-hint" : null, errorId(key)].filter(Boolean).join(" "));
    return control;
  }

  function errorSlot(key) {
    return el("p", { id: errorId(key), class: "field-error", hidden: true });
  }

  function hintFor(key, hint) {
    return hint ? el("p", { id: id(key) + "-hint", class: "hint" }, hint) : null;
  }

  /** A labelled control with its hint and error slot. */
  function field(key, label, control, hint, only) {
    describe(control, key, hint);
    return el("div", { class: "field", "data-field": key, "data-only": only },
      el("label", { for: control.id }, label), control, hintFor(key, hint), errorSlot(key));
  }

  function input(key, attrs) {
    return el("input", Object.assign({ id: id(key), name: key, type: "text", autocomplete: "off", spellcheck: "false" },
      attrs || {}));
  }

  function text(key, label, hint, attrs, only) {
    return field(key, label, input(key, attrs), hint, only);
  }

  function select(key, label, options, hint, only) {
    const control = el("select", { id: id(key), name: key },
      options.map(([value, shown]) => el("option", { value: value }, shown)));
    return field(key, label, control, hint, only);
  }

  function textarea(key, label, hint, attrs, only) {
    const control = el("textarea", Object.assign({ id: id(key), name: key, rows: 4, spellcheck: "false" }, attrs || {}));
    return field(key, label, control, hint, only);
  }

  /** A fieldset of checkboxes filled later (regions, channels); the fieldset carries the description. */
  function checkGroup(key, legend, hint, only) {
    const set = el("fieldset", { id: id(key), class: "field check-group", "data-field": key, "data-only": only },
      el("legend", {}, legend), el("div", { class: "checks" }), hintFor(key, hint), errorSlot(key));
    return describe(set, key, hint);
  }

  /** Replaces a group's checkboxes: options are [value, label, checked]. */
  function setChecks(key, options, emptyText) {
    const box = document.getElementById(id(key)).querySelector(".checks");
    if (options.length === 0) {
      box.replaceChildren(el("p", { class: "muted" }, emptyText));
      return;
    }
    box.replaceChildren(...options.map(([value, shown, checked], i) => {
      const boxId = id(key) + "-" + i;
      return el("span", { class: "check" },
        el("input", { type: "checkbox", id: boxId, name: key, value: value, checked: checked ? "checked" : null }),
        el("label", { for: boxId }, shown));
    }));
  }

  function checked(key) {
    return Array.from(document.querySelectorAll("#" + id(key) + " input[type=checkbox]:checked")).map((c) => c.value);
  }

  function value(key) {
    const control = document.getElementById(id(key));
    return control ? control.value.trim() : "";
  }

  function setValue(key, v) {
    const control = document.getElementById(id(key));
    if (control) control.value = v === null || v === undefined ? "" : String(v);
  }

  /** Shows a problem next to its field; false when the form has no slot for that key. */
  function showError(key, message) {
    const slot = document.getElementById(errorId(key));
    if (!slot) return false;
    slot.replaceChildren(...(Array.isArray(message) ? message.map((m) => el("span", { class: "error-line" }, m)) : [message]));
    slot.hidden = false;
    const control = document.getElementById(id(key));
    if (control) control.setAttribute("aria-invalid", "true");
    return true;
  }

  function clearError(key) {
    const slot = document.getElementById(errorId(key));
    if (slot) {
      slot.hidden = true;
      slot.replaceChildren();
    }
    const control = document.getElementById(id(key));
    if (control) control.removeAttribute("aria-invalid");
  }

  function clearErrors(root) {
    root.querySelectorAll(".field-error").forEach((slot) => clearError(slot.id.replace(/^mf-|-error$/g, "")));
  }

  /** The form key of an API problem's field: "conditions[2]" → conditions, "fleet.window" → fleet_window. */
  function keyOf(apiField) {
    const name = String(apiField || "");
    if (name.startsWith("fleet.")) return "fleet_" + name.slice(6).replace(/\W.*$/, "");
    return name.replace(/[.[].*$/, "");
  }

  return { id, field, input, text, select, textarea, checkGroup, setChecks, checked, value, setValue, showError,
    clearError, clearErrors, keyOf };
})();
