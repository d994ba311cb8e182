package io.quorate.coordinator.notify.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.coordinator.notify.Alert;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How each event heads a Slack message, and what is left out when the payload has less. */
class SlackMessageTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "incident.opened       | 🔴 DOWN: Nightly export",
      "incident.resolved     | ✅ RESOLVED: Nightly export",
      "incident.reminder     | ⏰ STILL DOWN: Nightly export",
      "incident.escalated    | 🚨 ESCALATED: Nightly export",
      "incident.acknowledged | 👀 ACKNOWLEDGED: Nightly export",
      "incident.snoozed      | ℹ️ NOTICE: Nightly export"})
  void headsTheMessageWithTheEvent(String event, String header) {
    JsonObject message = SlackMessage.of(Alert.of(new JsonObject().put("event", event).put("text", "Some text.")
        .put("incident", new JsonObject().put("monitor_name", "Nightly export"))));
    assertEquals(header, message.getJsonArray("blocks").getJsonObject(0).getJsonObject("text").getString("text"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a mention          | DOWN: <!channel> cart      | DOWN: &lt;!channel&gt; cart",
      "a link             | see <http://evil.example>  | see &lt;http://evil.example&gt;",
      "an ampersand       | R&D build                  | R&amp;D build"})
  void escapesSlackMarkupInTheText(String what, String text, String shown) {
    JsonObject message = SlackMessage.of(Alert.of(new JsonObject().put("event", "incident.opened").put("text", text)));
    assertEquals(shown, message.getString("text"));
    assertEquals(shown, message.getJsonArray("blocks").getJsonObject(1).getJsonObject("text").getString("text"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"incident.opened", "test", "something.new"})
  void aPayloadWithOnlyEventAndTextGivesAHeaderAndTheText(String event) {
    JsonArray blocks = SlackMessage.of(Alert.of(new JsonObject().put("event", event).put("text", "Plain."))).getJsonArray("blocks");
    assertEquals(2, blocks.size());
    assertEquals("Plain.", blocks.getJsonObject(1).getJsonObject("text").getString("text"));
  }

  @org.junit.jupiter.api.Test
  void cutsAHeaderPastSlacksLimitWithoutSplittingAnEmoji() {
    String name = "x".repeat(139) + "😀😀"; // the first emoji straddles the cut
    JsonObject message = SlackMessage.of(Alert.of(new JsonObject().put("event", "incident.opened").put("text", "t")
        .put("incident", new JsonObject().put("monitor_name", name))));
    String header = message.getJsonArray("blocks").getJsonObject(0).getJsonObject("text").getString("text");
    assertEquals("🔴 DOWN: " + "x".repeat(139) + "…", header);
  }
}
