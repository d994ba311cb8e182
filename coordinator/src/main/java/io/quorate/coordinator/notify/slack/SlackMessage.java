package io.quorate.coordinator.notify.slack;

import io.quorate.coordinator.notify.Alert;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Collectors;

/**
 * An alert as a Slack message: {@code text} (what notifications and old clients show) plus Block Kit
 * blocks: a header with the event's mark and title, the alert text, the monitor's facts, a link button.
 */
public final class SlackMessage {
  /** Slack's limits: 150 characters in a header, 3,000 in a section. */
  private static final int HEADER_CHARS = 150;
  private static final int SECTION_CHARS = 3000;

  private SlackMessage() {}

  public static JsonObject of(Alert alert) {
    JsonArray blocks = new JsonArray()
        .add(new JsonObject().put("type", "header").put("text", plain(alert.kind().mark() + " " + alert.title(), HEADER_CHARS)))
        .add(new JsonObject().put("type", "section").put("text", markdown(escape(alert.text()))));
    if (!alert.facts().isEmpty()) {
      String facts = alert.facts().entrySet().stream()
          .map(fact -> "*" + fact.getKey() + ":* " + escape(fact.getValue()))
          .collect(Collectors.joining("  ·  "));
      blocks.add(new JsonObject().put("type", "context").put("elements", new JsonArray().add(markdown(facts))));
    }
    alert.link().ifPresent(url -> blocks.add(new JsonObject().put("type", "actions").put("elements", new JsonArray()
        .add(new JsonObject().put("type", "button").put("text", plain("Open in Quorate", HEADER_CHARS)).put("url", url)))));
    return new JsonObject().put("text", escape(alert.text())).put("blocks", blocks);
  }

  private static JsonObject plain(String text, int limit) {
    return new JsonObject().put("type", "plain_text").put("text", Alert.shorten(text, limit)).put("emoji", true);
  }

  private static JsonObject markdown(String text) {
    return new JsonObject().put("type", "mrkdwn").put("text", Alert.shorten(text, SECTION_CHARS));
  }

  /** Slack reads &, < and > as markup (links, mentions): a monitor name must not ping @channel. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
