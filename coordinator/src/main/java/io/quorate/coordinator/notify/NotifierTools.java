package io.quorate.coordinator.notify;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What notifiers are built with: one shared HTTP client (redirects off, so a receiver cannot bounce an
 * alert and its secrets elsewhere), the clock, and the deadline of every outbound call.
 */
public record NotifierTools(Vertx vertx, WebClient http, Clock clock, Duration timeout) {
  public NotifierTools {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(clock, "clock");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("notifier timeout must be positive");
    }
  }
}
