package io.quorate.coordinator.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Sends one notification through one kind of channel. Retries, backoff, attempt records and marking a
 * channel broken live in the {@link DeliveryDispatcher}, not here.
 */
public interface Notifier {
  /**
   * @param deliveryId stable across retries of one delivery, for the receiver to drop repeats
   * @param payload {@code event} and {@code text} always; {@code incident}, {@code monitor}, {@code link} and
   *     anything else may be missing (a test alert has no incident), see {@link Alert}
   * @return succeeds, with what the receiver answered (for people, e.g. "receiver answered HTTP 200: ok"),
   *     once the receiver accepted the notification; fails with a {@link DeliveryFailure} saying whether
   *     trying again may help. Neither may contain a secret of the channel.
   */
  Future<String> send(Channel channel, String deliveryId, JsonObject payload);
}
