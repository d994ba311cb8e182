package io.quorate.coordinator.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Sends one notification through one kind of channel. Retries, backoff and attempt records live in the
 * {@link DeliveryDispatcher}, not here.
 */
public interface Notifier {
  /** The channel type this notifier serves, as stored in {@code channels.type}. */
  String type();

  /**
   * @param deliveryId stable across retries of one delivery, for the receiver to drop repeats
   * @return succeeds once the receiver accepted the notification; fails with a {@link DeliveryFailure}
   *     saying whether trying again may help
   */
  Future<Void> send(Channel channel, String deliveryId, JsonObject payload);
}
