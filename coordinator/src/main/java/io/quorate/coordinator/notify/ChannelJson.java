package io.quorate.coordinator.notify;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Channels as the API shows them: the type's settings at the top level beside {@code id}, {@code type},
 * {@code name}, {@code working_hours} and {@code broken}, with every secret replaced by {@code ****} (and,
 * for long keys, their last four characters, so people can tell keys apart).
 */
public final class ChannelJson {
  /** What the API shows instead of a secret; sent back in an update, it keeps the stored value. */
  public static final String HIDDEN = "****";
  /** Shorter secrets (passwords) get no hint: four characters of eight say too much. */
  private static final int HINT_FROM_LENGTH = 24;

  private ChannelJson() {}

  public static JsonObject toJson(Channel channel, Optional<ChannelType> type) {
    JsonObject json = new JsonObject()
        .put("id", channel.id().toString())
        .put("type", channel.type())
        .put("name", channel.name());
    // A type no longer registered cannot say which settings are secret: show none of them.
    type.ifPresent(known -> channel.typeConfig().forEach(field -> {
      Object value = field.getValue();
      boolean secret = known.secrets().contains(field.getKey());
      json.put(field.getKey(), secret && value instanceof String text ? masked(text) : value);
    }));
    return json
        .put(Channel.WORKING_HOURS, channel.config().getJsonObject(Channel.WORKING_HOURS))
        .put(Channel.OPERATOR_ALERTS, channel.operatorAlerts())
        .put("broken", channel.broken().map(ChannelJson::broken).orElse(null))
        .put("created_at", channel.createdAt().toString());
  }

  /** e.g. {@code ****ab12}; only {@code ****} for short secrets. */
  public static String masked(String secret) {
    return secret.length() >= HINT_FROM_LENGTH ? HIDDEN + secret.substring(secret.length() - 4) : HIDDEN;
  }

  /** Whether a request sent back what the API showed for a secret, meaning "keep it". */
  public static boolean isMasked(Object value) {
    return value instanceof String text && text.startsWith(HIDDEN);
  }

  private static JsonObject broken(Channel.Broken broken) {
    return new JsonObject().put("since", broken.since().toString()).put("reason", broken.reason());
  }
}
