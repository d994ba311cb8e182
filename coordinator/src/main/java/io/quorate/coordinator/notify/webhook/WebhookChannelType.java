package io.quorate.coordinator.notify.webhook;

import io.quorate.coordinator.api.ValidationException;
import io.quorate.coordinator.auth.GeneratedTokens;
import io.quorate.coordinator.notify.ChannelFields;
import io.quorate.coordinator.notify.ChannelType;
import io.quorate.coordinator.notify.Notifier;
import io.quorate.coordinator.notify.NotifierTools;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * A generic JSON webhook: {@code url}, and {@code secret}, the key of the HMAC signature of every
 * delivery (generated when not given). Channels from before signatures have no secret and go unsigned
 * until one is set.
 */
public final class WebhookChannelType implements ChannelType {
  static final String URL = "url";
  static final String SECRET = "secret";
  private static final int MIN_SECRET_LENGTH = 16;

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public Set<String> fields() {
    return Set.of(URL, SECRET);
  }

  @Override
  public Set<String> secrets() {
    return Set.of(SECRET);
  }

  @Override
  public JsonObject validate(JsonObject config) {
    JsonObject valid = new JsonObject().put(URL, ChannelFields.httpUrl(config, URL, "the URL notifications are POSTed to"));
    ChannelFields.optionalString(config, SECRET).ifPresent(secret -> {
      if (secret.length() < MIN_SECRET_LENGTH) {
        throw new ValidationException(SECRET, "must be at least " + MIN_SECRET_LENGTH + " characters; leave it out to"
            + " have one generated");
      }
      valid.put(SECRET, secret);
    });
    return valid;
  }

  @Override
  public JsonObject validateNew(JsonObject config) {
    return validate(config.getValue(SECRET) != null ? config : config.copy().put(SECRET, GeneratedTokens.newToken()));
  }

  @Override
  public String defaultName(JsonObject config) {
    return config.getString(URL);
  }

  @Override
  public Notifier notifier(NotifierTools tools) {
    return new WebhookNotifier(tools);
  }
}
