package io.quorate.coordinator.monitor;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Reading typed fields of an API request body; every problem is a {@link ValidationException} naming the field. */
final class RequestFields {
  private RequestFields() {}

  static void rejectUnknown(JsonObject body, String prefix, Set<String> allowed, String what) {
    for (String field : body.fieldNames()) {
      if (!allowed.contains(field)) {
        throw new ValidationException(prefix + field, "is not a field of " + what);
      }
    }
  }

  static String requiredString(JsonObject body, String field) {
    return requiredString(body, field, field);
  }

  static String requiredString(JsonObject body, String field, String shownAs) {
    return optionalString(body, field, shownAs).orElseThrow(() -> new ValidationException(shownAs, "is required"));
  }

  static Optional<String> optionalString(JsonObject body, String field) {
    return optionalString(body, field, field);
  }

  static Optional<String> optionalString(JsonObject body, String field, String shownAs) {
    Object value = body.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new ValidationException(shownAs, "must be a string");
    }
    return Optional.of(text);
  }

  static Duration duration(JsonObject body, String field, String fallback) {
    String text = optionalString(body, field).orElse(fallback);
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(field, e.getMessage());
    }
  }

  static long whole(JsonObject body, String field, long fallback, long min, long max) {
    Object value = body.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      throw new ValidationException(field, "must be a whole number");
    }
    long number = ((Number) value).longValue();
    if (number < min || number > max) {
      throw new ValidationException(field, "must be between " + min + " and " + max + ", got " + number);
    }
    return number;
  }

  static boolean bool(JsonObject body, String field, boolean fallback) {
    Object value = body.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean flag)) {
      throw new ValidationException(field, "must be true or false");
    }
    return flag;
  }

  static JsonArray array(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return new JsonArray();
    }
    if (!(value instanceof JsonArray array)) {
      throw new ValidationException(field, "must be an array");
    }
    return array;
  }

  static Optional<JsonObject> object(JsonObject body, String field, String expected) {
    Object value = body.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject object)) {
      throw new ValidationException(field, "must be an object " + expected);
    }
    return Optional.of(object);
  }
}
