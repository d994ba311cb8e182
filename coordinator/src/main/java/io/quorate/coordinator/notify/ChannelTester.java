package io.quorate.coordinator.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a clearly marked test alert through a channel right away, not through the outbox: the person
 * who asked is waiting for the receiver's answer. Success clears a broken mark; a refusal is reported,
 * not recorded, since nobody missed an alert.
 */
final class ChannelTester {
  private static final Logger log = LoggerFactory.getLogger(ChannelTester.class);
  private final ChannelTypes types;
  private final ChannelHealth health;

  ChannelTester(ChannelTypes types, ChannelHealth health) {
    this.types = types;
    this.health = health;
  }

  /** @return {@code {"accepted": true|false, "detail": "<what the receiver answered>"}}; never fails */
  Future<JsonObject> test(Channel channel) {
    String deliveryId = UUID.randomUUID().toString();
    JsonObject payload = new JsonObject()
        .put("event", AlertEvent.TEST.event())
        .put("text", "TEST — Quorate test alert for channel " + channel.name() + ", no incident.")
        .put("delivery_id", deliveryId);
    Future<String> sent = types.notifier(channel.type())
        .map(notifier -> notifier.send(channel, deliveryId, payload))
        .orElseGet(() -> Future.failedFuture(new DeliveryFailure("no notifier for channel type " + channel.type(), false)));
    return sent.transform(answer -> {
      boolean accepted = answer.succeeded();
      String detail = types.redact(channel, accepted ? answer.result() : message(answer.cause()));
      log.info("test alert sent channel={} type={} accepted={} detail=\"{}\"", channel.id(), channel.type(), accepted, detail);
      JsonObject result = new JsonObject().put("accepted", accepted).put("detail", detail);
      Future<Void> marked = accepted ? health.accepted(channel) : Future.succeededFuture();
      return marked.map(result).otherwise(result);
    });
  }

  private static String message(Throwable error) {
    return error.getMessage() == null ? error.toString() : error.getMessage();
  }
}
