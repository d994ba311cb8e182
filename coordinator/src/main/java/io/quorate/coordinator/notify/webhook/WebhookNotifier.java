package io.quorate.coordinator.notify.webhook;

import io.quorate.coordinator.notify.Channel;
import io.quorate.coordinator.notify.DeliveryFailure;
import io.quorate.coordinator.notify.Notifier;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;

/**
 * POSTs the notification as JSON. 2xx is accepted; 408, 429, 5xx and transport errors are worth retrying;
 * any other status is permanent (the receiver says the request itself is wrong).
 */
public final class WebhookNotifier implements Notifier {
  private final WebClient client;
  private final Duration timeout;

  public WebhookNotifier(WebClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public Future<Void> send(Channel channel, String deliveryId, JsonObject payload) {
    String url = channel.config().getString("url");
    return client.postAbs(url)
        .timeout(timeout.toMillis())
        .putHeader("X-Quorate-Delivery", deliveryId)
        .putHeader("User-Agent", "quorate-coordinator")
        .sendJsonObject(payload)
        .recover(error -> Future.failedFuture(new DeliveryFailure(describe(error), true)))
        .compose(response -> {
          int status = response.statusCode();
          if (status >= 200 && status < 300) {
            return Future.succeededFuture();
          }
          boolean retryable = status == 408 || status == 429 || status >= 500;
          return Future.failedFuture(new DeliveryFailure("receiver answered HTTP " + status, retryable));
        });
  }

  private static String describe(Throwable error) {
    if (error instanceof DeliveryFailure failure) {
      return failure.getMessage();
    }
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
