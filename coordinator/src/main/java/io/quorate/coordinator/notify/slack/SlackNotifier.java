package io.quorate.coordinator.notify.slack;

import io.quorate.coordinator.notify.Alert;
import io.quorate.coordinator.notify.Channel;
import io.quorate.coordinator.notify.HttpDelivery;
import io.quorate.coordinator.notify.Notifier;
import io.quorate.coordinator.notify.NotifierTools;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/**
 * POSTs a {@link SlackMessage} to the incoming webhook. Slack answers 200 "ok"; 404/410 ("no_service",
 * "channel_not_found", "channel_is_archived") and 400/403 are permanent; 429 and 5xx are retried.
 */
final class SlackNotifier implements Notifier {
  private final NotifierTools tools;

  SlackNotifier(NotifierTools tools) {
    this.tools = tools;
  }

  @Override
  public Future<String> send(Channel channel, String deliveryId, JsonObject payload) {
    JsonObject message = SlackMessage.of(Alert.of(payload));
    return HttpDelivery.post(tools, channel.config().getString(SlackChannelType.WEBHOOK_URL),
        MultiMap.caseInsensitiveMultiMap(), message.toBuffer());
  }
}
