package io.quorate.coordinator.notify.webhook;

import io.quorate.coordinator.notify.Channel;
import io.quorate.coordinator.notify.HttpDelivery;
import io.quorate.coordinator.notify.Notifier;
import io.quorate.coordinator.notify.NotifierTools;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * POSTs the payload as JSON, as is. The delivery id goes in {@code Idempotency-Key} (and, as before,
 * {@code X-Quorate-Delivery}), the same on every retry; with a secret, the exact body bytes are signed
 * (see {@link WebhookSignature}).
 */
public final class WebhookNotifier implements Notifier {
  private final NotifierTools tools;

  WebhookNotifier(NotifierTools tools) {
    this.tools = tools;
  }

  @Override
  public Future<String> send(Channel channel, String deliveryId, JsonObject payload) {
    Buffer body = payload.toBuffer();
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("Idempotency-Key", deliveryId)
        .add("X-Quorate-Delivery", deliveryId);
    String secret = channel.config().getString(WebhookChannelType.SECRET);
    if (secret != null) {
      long now = tools.clock().instant().getEpochSecond();
      headers.add(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
          .add(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.of(secret, now, body));
    }
    return HttpDelivery.post(tools, channel.config().getString(WebhookChannelType.URL), headers, body);
  }
}
