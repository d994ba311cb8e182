package io.quorate.coordinator.notify;

import io.quorate.coordinator.api.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The registry of channel types, each with its notifier built once. */
public final class ChannelTypes {
  private final Map<String, ChannelType> types = new TreeMap<>();
  private final Map<String, Notifier> notifiers = new TreeMap<>();

  public ChannelTypes(NotifierTools tools, List<ChannelType> types) {
    for (ChannelType type : types) {
      if (this.types.put(type.name(), type) != null) {
        throw new IllegalArgumentException("channel type registered twice: " + type.name());
      }
      notifiers.put(type.name(), type.notifier(tools));
    }
  }

  public Optional<ChannelType> find(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /** The type a request names, or a 400 listing the known ones. */
  public ChannelType requireKnown(Object name) {
    ChannelType type = name instanceof String text ? types.get(text) : null;
    if (type == null) {
      throw new ValidationException("type", "must be one of "
          + types.keySet().stream().map(known -> "\"" + known + "\"").collect(Collectors.joining(", ")));
    }
    return type;
  }

  public Optional<Notifier> notifier(String type) {
    return Optional.ofNullable(notifiers.get(type));
  }

  /**
   * The text with every secret of the channel replaced by {@code ****}: the last guard before a receiver's
   * answer or a transport error reaches a log line, the deliveries table or an API answer.
   */
  public String redact(Channel channel, String text) {
    ChannelType type = types.get(channel.type());
    if (type == null || text == null) {
      return text;
    }
    String safe = text;
    for (String field : type.secrets()) {
      String secret = channel.config().getString(field);
      if (secret != null && !secret.isEmpty()) {
        safe = safe.replace(secret, ChannelJson.HIDDEN);
      }
    }
    return safe;
  }
}
