package io.quorate.coordinator.teamview;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page starts: the last row's place in the list's order (state rank, name, id). Opaque to
 * clients (base64url JSON); a page that starts after a row stays correct when rows before it change state,
 * where an offset would skip or repeat rows.
 */
public record MonitorCursor(int rank, String name, UUID id) {
  public String encode() {
    String json = new JsonArray().add(rank).add(name).add(id.toString()).encode();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  static MonitorCursor parse(String text) {
    try {
      JsonArray json = new JsonArray(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
      return new MonitorCursor(json.getInteger(0), json.getString(1), UUID.fromString(json.getString(2)));
    } catch (RuntimeException e) {
      throw new ValidationException("cursor", "is not a cursor this list gave out (use the 'next' of a previous page)");
    }
  }
}
