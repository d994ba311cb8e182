package io.quorate.coordinator.apply;

import io.vertx.core.json.JsonObject;

/**
 * One channel or monitor of the file: its API body, as written (channel references still by name), and
 * where it is, for error messages.
 *
 * @param kind "channel" or "monitor"
 * @param index its position in the file's list, from 0
 */
record FileItem(String kind, int index, int line, String name, JsonObject body) {

  /** {@code monitors[2] "Receipt emails" (line 14)}: how errors point at the item. */
  String where() {
    return kind + "s[" + index + "] \"" + name + "\" (line " + line + ")";
  }

  /** {@code monitor "Receipt emails"}: how the plan names it. */
  String label() {
    return kind + " \"" + name + "\"";
  }

  String type() {
    return body.getValue("type") instanceof String type ? type : "";
  }
}
