package io.quorate.coordinator.notify;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading a channel type's settings; every problem is a {@link ValidationException} naming the field. */
public final class ChannelFields {
  private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");
  private static final int MAX_TEXT = 2000;

  private ChannelFields() {}

  public static String requiredString(JsonObject config, String field, String what) {
    return optionalString(config, field).orElseThrow(() -> new ValidationException(field, "is required: " + what));
  }

  public static Optional<String> optionalString(JsonObject config, String field) {
    Object value = config.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new ValidationException(field, "must be a string");
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT) {
      throw new ValidationException(field, "must be a string of 1 to " + MAX_TEXT + " characters");
    }
    return Optional.of(trimmed);
  }

  /** An absolute http:// or https:// URL. */
  public static String httpUrl(JsonObject config, String field, String what) {
    return checkedUrl(requiredString(config, field, what), field);
  }

  /** As {@link #httpUrl}, with a default; a trailing slash is dropped so paths can be appended. */
  public static String baseUrl(JsonObject config, String field, String fallback) {
    String url = checkedUrl(optionalString(config, field).orElse(fallback), field);
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** One of {@code allowed}, lower case; {@code fallback} when absent. */
  public static String oneOf(JsonObject config, String field, String fallback, List<String> allowed) {
    String value = optionalString(config, field).orElse(fallback).toLowerCase(Locale.ROOT);
    if (!allowed.contains(value)) {
      throw new ValidationException(field, "must be one of " + String.join(", ", allowed) + ", got " + value);
    }
    return value;
  }

  public static int port(JsonObject config, String field, int fallback) {
    Object value = config.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer number) || number < 1 || number > 65535) {
      throw new ValidationException(field, "must be a port number between 1 and 65535");
    }
    return number;
  }

  public static String emailAddress(JsonObject config, String field, String what) {
    String address = requiredString(config, field, what);
    if (!EMAIL_ADDRESS.matcher(address).matches()) {
      throw new ValidationException(field, "must be an email address such as alerts@example.com, got " + address);
    }
    return address;
  }

  /** A non-empty list of email addresses; a single string is taken as a list of one. */
  public static List<String> emailAddresses(JsonObject config, String field, String what) {
    Object value = config.getValue(field);
    JsonArray list = value instanceof String one ? new JsonArray().add(one) : value instanceof JsonArray many ? many : null;
    if (list == null || list.isEmpty()) {
      throw new ValidationException(field, "is required: " + what);
    }
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      addresses.add(emailAddress(new JsonObject().put(field, list.getValue(i)), field, what));
    }
    return addresses;
  }

  private static String checkedUrl(String text, String field) {
    try {
      URI uri = new URI(text);
      boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (!web || uri.getHost() == null) {
        throw new ValidationException(field, "must be an absolute http:// or https:// URL");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw new ValidationException(field, "is not a valid URL: " + e.getReason());
    }
  }
}
