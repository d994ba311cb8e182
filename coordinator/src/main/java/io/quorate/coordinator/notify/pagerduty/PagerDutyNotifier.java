package io.quorate.coordinator.notify.pagerduty;

import io.quorate.coordinator.notify.Alert;
import io.quorate.coordinator.notify.Channel;
import io.quorate.coordinator.notify.HttpDelivery;
import io.quorate.coordinator.notify.Notifier;
import io.quorate.coordinator.notify.NotifierTools;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/**
 * {@code POST <api_url>/v2/enqueue}. PagerDuty answers 202; 400 (an invalid event or routing key) is
 * permanent; 429 and 5xx are retried.
 */
final class PagerDutyNotifier implements Notifier {
  private final NotifierTools tools;

  PagerDutyNotifier(NotifierTools tools) {
    this.tools = tools;
  }

  @Override
  public Future<String> send(Channel channel, String deliveryId, JsonObject payload) {
    JsonObject config = channel.config();
    JsonObject event = PagerDutyEvent.of(Alert.of(payload), config.getString(PagerDutyChannelType.ROUTING_KEY),
        config.getString(PagerDutyChannelType.SEVERITY), deliveryId);
    return HttpDelivery.post(tools, config.getString(PagerDutyChannelType.API_URL) + "/v2/enqueue",
        MultiMap.caseInsensitiveMultiMap(), event.toBuffer());
  }
}
