package io.quorate.coordinator.notify;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A notification payload as the channel types read it. {@code text} is the complete message, written by
 * the incident code; everything else is optional, so a test alert (no incident) or an event from a newer
 * node formats as well as an outage.
 */
public record Alert(AlertEvent kind, String text, Optional<String> incidentId, Optional<String> monitorName,
    Optional<String> link, Map<String, String> facts, JsonObject payload) {
  /** Monitor fields shown beside the text, in this order, with their labels. */
  private static final Map<String, String> FACT_LABELS = labels();

  public static Alert of(JsonObject payload) {
    AlertEvent kind = AlertEvent.of(payload.getString("event", ""));
    JsonObject incident = object(payload, "incident");
    Optional<String> monitorName = text(incident, "monitor_name");
    String text = text(payload, "text").orElse(kind.headline() + monitorName.map(name -> ": " + name).orElse(""));
    return new Alert(kind, text, text(incident, "id"), monitorName, text(payload, "link"), facts(object(payload, "monitor")),
        payload);
  }

  /** e.g. "DOWN: Nightly export", or "TEST: Quorate test alert" without an incident. */
  public String title() {
    return kind.headline() + ": " + monitorName.orElse(kind == AlertEvent.TEST ? "Quorate test alert" : "Quorate");
  }

  /** Title, text, facts and link as plain text, for channels without formatting (email, Telegram). */
  public String plainText() {
    StringBuilder out = new StringBuilder(kind.mark()).append(' ').append(title()).append("\n\n").append(text);
    if (!facts.isEmpty()) {
      out.append("\n");
      facts.forEach((label, value) -> out.append('\n').append(label).append(": ").append(value));
    }
    linkNotInText().ifPresent(url -> out.append("\n\n").append(url));
    return out.toString();
  }

  /** The payload's link when the text does not end with it already. */
  public Optional<String> linkNotInText() {
    return link.filter(url -> !text.contains(url));
  }

  /** At most {@code limit} characters, ending in "…" when cut; never splits an emoji's surrogate pair. */
  public static String shorten(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = limit - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  private static Map<String, String> facts(JsonObject monitor) {
    Map<String, String> facts = new LinkedHashMap<>();
    FACT_LABELS.forEach((field, label) -> text(monitor, field).ifPresent(value -> facts.put(label, value)));
    return Collections.unmodifiableMap(facts);
  }

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("impact", "Impact");
    labels.put("customer_action", "Customer action");
    labels.put("owner", "Owner");
    labels.put("urgency", "Urgency");
    return Collections.unmodifiableMap(labels);
  }

  private static JsonObject object(JsonObject json, String field) {
    return json.getValue(field) instanceof JsonObject inner ? inner : new JsonObject();
  }

  private static Optional<String> text(JsonObject json, String field) {
    return json.getValue(field) instanceof String value && !value.isBlank() ? Optional.of(value) : Optional.empty();
  }
}
