package io.quorate.coordinator.notify.slack;

import io.quorate.coordinator.notify.ChannelFields;
import io.quorate.coordinator.notify.ChannelType;
import io.quorate.coordinator.notify.Notifier;
import io.quorate.coordinator.notify.NotifierTools;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * A Slack incoming webhook: {@code webhook_url} ({@code https://hooks.slack.com/services/...}), secret
 * because anyone holding it can post to the channel.
 */
public final class SlackChannelType implements ChannelType {
  static final String WEBHOOK_URL = "webhook_url";

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public Set<String> fields() {
    return Set.of(WEBHOOK_URL);
  }

  @Override
  public Set<String> secrets() {
    return Set.of(WEBHOOK_URL);
  }

  @Override
  public JsonObject validate(JsonObject config) {
    return new JsonObject().put(WEBHOOK_URL, ChannelFields.httpUrl(config, WEBHOOK_URL,
        "the incoming webhook URL Slack gave you, https://hooks.slack.com/services/..."));
  }

  @Override
  public String defaultName(JsonObject config) {
    return "Slack";
  }

  @Override
  public Notifier notifier(NotifierTools tools) {
    return new SlackNotifier(tools);
  }
}
