package io.quorate.coordinator.notify;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * POSTs a JSON body for the HTTP channel types and judges the answer the same way for all of them: 2xx is
 * accepted; 408, 429, 5xx, timeouts and connection errors are worth retrying; any other status is permanent
 * (the receiver says the request itself is wrong: a deleted Slack webhook, a bad PagerDuty routing key, a
 * revoked Telegram token).
 */
public final class HttpDelivery {
  /** Enough of a receiver's answer to say what is wrong ("no_service", "Invalid routing key"). */
  private static final int ANSWER_CHARS = 300;

  private HttpDelivery() {}

  /** @return succeeds with what the receiver answered; fails with a {@link DeliveryFailure} */
  public static Future<String> post(NotifierTools tools, String url, MultiMap headers, Buffer json) {
    long timeoutMs = tools.timeout().toMillis();
    return Future.<Void>succeededFuture()
        .compose(start -> {
          HttpRequest<Buffer> request = tools.http().postAbs(url)
              .timeout(timeoutMs)
              .putHeader("Content-Type", "application/json")
              .putHeader("User-Agent", "quorate-coordinator")
              .putHeaders(headers);
          // The request's own timeout restarts with every byte: this one bounds the whole exchange.
          return request.sendBuffer(json).timeout(timeoutMs, TimeUnit.MILLISECONDS);
        })
        .recover(error -> Future.failedFuture(DeliveryFailure.unreachable(error, tools.timeout())))
        .compose(HttpDelivery::judge);
  }

  private static Future<String> judge(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    String answer = "receiver answered HTTP " + status + excerpt(response.bodyAsString());
    if (status >= 200 && status < 300) {
      return Future.succeededFuture(answer);
    }
    boolean retryable = status == 408 || status == 429 || status >= 500;
    return Future.failedFuture(new DeliveryFailure(answer, retryable));
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    return ": " + Alert.shorten(body.strip().replaceAll("\\s+", " "), ANSWER_CHARS);
  }
}
