// Inline validation of the conditions textarea: the coordinator parses them (POST /api/v1/conditions/validate,
// the same rules as saving) when the field loses focus and shortly after typing stops, and each bad line is
// shown under the field ("Line 2: unknown operator …"). The page never re-implements the condition language.
"use strict";

window.QuorateConditionCheck = (function () {
  const { postJson } = window.Quorate;
  const F = window.QuorateFields;
  const DEBOUNCE_MS = 600;
  const TIMEOUT_MS = 5000;

  /** @param auth supplier of the request's auth headers */
  function attach(textarea, auth) {
    let timer = null;
    let asked = 0; // only the newest answer counts: typing on makes older answers stale
    async function check() {
      clearTimeout(timer);
      const ticket = ++asked;
      const sent = [];
      const lines = [];
      textarea.value.split("\n").forEach((line, i) => {
        if (line.trim()) {
          sent.push(line.trim());
          lines.push(i + 1);
        }
      });
      try {
        const answer = await postJson("/api/v1/conditions/validate", auth(), { conditions: sent }, TIMEOUT_MS);
        if (ticket !== asked) return;
        if (answer.status === 200 && answer.body) show(answer.body.errors || [], lines);
        else if (answer.body && answer.body.message) F.showError("conditions", answer.body.message);
      } catch (e) {
        // Unreachable: saving will say so; a flickering error here would only distract.
      }
    }
    textarea.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(check, DEBOUNCE_MS);
    });
    textarea.addEventListener("blur", check);
    return check;
  }

  function show(errors, lines) {
    if (errors.length === 0) {
      F.clearError("conditions");
      return;
    }
    F.showError("conditions", errors.map((e) => "Line " + (lines[e.index] || e.index + 1) + ": " + e.problem));
  }

  /** An API problem on conditions[i] from saving or testing, shown with the textarea's line number. */
  function showSaveError(field, message, lines) {
    const match = /^conditions\[(\d+)\]$/.exec(field || "");
    if (!match) return F.showError("conditions", message);
    const index = Number(match[1]);
    return F.showError("conditions", "Line " + (lines[index] || index + 1) + ": " + message.replace(/^conditions\[\d+\]: /, ""));
  }

  return { attach, showSaveError };
})();
