package io.quorate.coordinator.notify;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Create and update requests for channels: the fields every channel has ({@code type}, {@code name},
 * {@code working_hours}) and the type's settings at the same level, checked by the type. An update is
 * partial: fields left out keep their value, secrets included; {@code null} clears an optional field; a
 * secret sent back as the API showed it ({@code ****...}) is kept too.
 */
final class ChannelRequests {
  private static final Set<String> COMMON = Set.of("type", "name", Channel.WORKING_HOURS, Channel.OPERATOR_ALERTS);
  private static final int MAX_NAME = 200;
  private final ChannelTypes types;

  ChannelRequests(ChannelTypes types) {
    this.types = types;
  }

  /** @param shownOnce secrets Quorate generated, revealed in the answer to this request only */
  record NewChannel(ChannelType type, String name, JsonObject config, JsonObject shownOnce) {}

  NewChannel create(JsonObject body) {
    ChannelType type = types.requireKnown(body.getValue("type"));
    rejectUnknown(body, type);
    JsonObject requested = new JsonObject();
    for (String field : type.fields()) {
      Object value = body.getValue(field);
      if (type.secrets().contains(field) && ChannelJson.isMasked(value)) {
        throw new ValidationException(field, "is \"" + ChannelJson.HIDDEN + "\" but no value is stored to keep");
      }
      requested.put(field, value);
    }
    JsonObject config = type.validateNew(requested);
    JsonObject shownOnce = new JsonObject();
    for (String secret : type.secrets()) {
      if (requested.getValue(secret) == null && config.containsKey(secret)) {
        shownOnce.put(secret, config.getValue(secret));
      }
    }
    putWorkingHours(config, body.getValue(Channel.WORKING_HOURS));
    putOperatorAlerts(config, body.getValue(Channel.OPERATOR_ALERTS));
    String name = body.getValue("name") == null ? shortened(type.defaultName(config)) : name(body.getValue("name"));
    return new NewChannel(type, name, config, shownOnce);
  }

  /** The channel with the update applied; throws {@link ValidationException} when it is not valid. */
  Channel update(Channel current, JsonObject body) {
    if (body.containsKey("type") && !Objects.equals(body.getValue("type"), current.type())) {
      throw new ValidationException("type", "cannot be changed; create a new channel instead");
    }
    ChannelType type = types.requireKnown(current.type());
    rejectUnknown(body, type);
    JsonObject settings = current.typeConfig();
    for (String field : type.fields()) {
      if (!body.containsKey(field)) {
        continue;
      }
      Object value = body.getValue(field);
      if (type.secrets().contains(field) && ChannelJson.isMasked(value)) {
        if (!settings.containsKey(field)) {
          throw new ValidationException(field, "is \"" + ChannelJson.HIDDEN + "\" but no value is stored to keep");
        }
      } else if (value == null) {
        settings.remove(field);
      } else {
        settings.put(field, value);
      }
    }
    JsonObject config = type.validate(settings);
    Object hours = body.containsKey(Channel.WORKING_HOURS) ? body.getValue(Channel.WORKING_HOURS)
        : current.config().getValue(Channel.WORKING_HOURS);
    putWorkingHours(config, hours);
    putOperatorAlerts(config, body.containsKey(Channel.OPERATOR_ALERTS) ? body.getValue(Channel.OPERATOR_ALERTS)
        : current.config().getValue(Channel.OPERATOR_ALERTS));
    String name = body.containsKey("name") ? name(body.getValue("name")) : current.name();
    return new Channel(current.id(), current.type(), name, config, current.createdAt(), current.broken());
  }

  private static void rejectUnknown(JsonObject body, ChannelType type) {
    Set<String> allowed = new HashSet<>(COMMON);
    allowed.addAll(type.fields());
    for (String field : body.fieldNames()) {
      if (!allowed.contains(field)) {
        throw new ValidationException(field, "is not a field of a " + type.name() + " channel");
      }
    }
  }

  private static void putWorkingHours(JsonObject config, Object hours) {
    if (hours != null) {
      config.put(Channel.WORKING_HOURS, WorkingHours.fromJson(hours, Channel.WORKING_HOURS).toJson());
    }
  }

  private static void putOperatorAlerts(JsonObject config, Object value) {
    if (value == null) {
      return;
    }
    if (!(value instanceof Boolean wanted)) {
      throw new ValidationException(Channel.OPERATOR_ALERTS, "must be true or false");
    }
    config.put(Channel.OPERATOR_ALERTS, wanted);
  }

  private static String name(Object value) {
    if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_NAME) {
      throw new ValidationException("name", "must be a string of 1 to " + MAX_NAME + " characters");
    }
    return text.strip();
  }

  private static String shortened(String name) {
    return name.length() <= MAX_NAME ? name : Alert.shorten(name, MAX_NAME);
  }
}
