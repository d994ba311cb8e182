package io.quorate.coordinator.notify;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where notifications go. {@code config} holds the type's settings (a webhook's {@code url}, a Slack
 * {@code webhook_url}, ...), secrets included, and the optional {@code working_hours}: it never leaves the
 * coordinator as is (see {@link ChannelJson}).
 *
 * @param broken set while the receiver refuses deliveries for good
 */
public record Channel(UUID id, String type, String name, JsonObject config, Instant createdAt, Optional<Broken> broken) {
  public static final String WORKING_HOURS = "working_hours";
  /** Whether the channel receives Quorate's own alerts for its operators ("probe region degraded"). */
  public static final String OPERATOR_ALERTS = "operator_alerts";

  public Channel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(broken, "broken");
  }

  /** Since when and why the receiver refuses deliveries, e.g. "receiver answered HTTP 404: no_service". */
  public record Broken(Instant since, String reason) {
    public Broken {
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The type's own settings, without the channel-wide {@code working_hours} and {@code operator_alerts}. */
  public JsonObject typeConfig() {
    JsonObject own = config.copy();
    own.remove(WORKING_HOURS);
    own.remove(OPERATOR_ALERTS);
    return own;
  }

  public boolean operatorAlerts() {
    return config.getBoolean(OPERATOR_ALERTS, false);
  }

  public Optional<WorkingHours> workingHours() {
    JsonObject hours = config.getJsonObject(WORKING_HOURS);
    return hours == null ? Optional.empty() : Optional.of(WorkingHours.fromJson(hours, WORKING_HOURS));
  }
}
