package io.quorate.coordinator.apply;

import io.quorate.coordinator.monitor.Durations;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a value in the file means what the coordinator shows: the API normalizes what it stores
 * ({@code 60s} reads {@code 1m}), so a plain equality would see changes on every run.
 */
final class Values {
  private static final int SHOWN_LENGTH = 60;

  private Values() {}

  /**
   * @param allKeys whether keys only the coordinator shows count as a difference: yes for maps the user
   *     fills (labels, series), no for structured objects where the API adds defaults (working hours' zone)
   */
  static boolean same(Object wanted, Object shown, boolean allKeys) {
    if (isEmpty(wanted) || isEmpty(shown)) {
      return isEmpty(wanted) && isEmpty(shown);
    }
    if (wanted instanceof JsonObject object) {
      return shown instanceof JsonObject other && sameObject(object, other, allKeys);
    }
    if (wanted instanceof JsonArray array) {
      if (!(shown instanceof JsonArray other) || array.size() != other.size()) {
        return false;
      }
      for (int i = 0; i < array.size(); i++) {
        if (!same(array.getValue(i), other.getValue(i), allKeys)) {
          return false;
        }
      }
      return true;
    }
    if (wanted instanceof Number number && shown instanceof Number other) {
      return new BigDecimal(number.toString()).compareTo(new BigDecimal(other.toString())) == 0;
    }
    String a = String.valueOf(wanted).strip();
    String b = String.valueOf(shown).strip();
    return a.equals(b) || sameDuration(a, b);
  }

  private static boolean sameObject(JsonObject wanted, JsonObject shown, boolean allKeys) {
    Set<String> keys = new HashSet<>(wanted.fieldNames());
    if (allKeys) {
      keys.addAll(shown.fieldNames());
    }
    for (String key : keys) {
      if (!same(wanted.getValue(key), shown.getValue(key), allKeys)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameDuration(String a, String b) {
    try {
      return Durations.parse(a).equals(Durations.parse(b));
    } catch (RuntimeException e) {
      return false;
    }
  }

  static boolean isEmpty(Object value) {
    return value == null || value instanceof String text && text.isEmpty()
        || value instanceof JsonArray array && array.isEmpty()
        || value instanceof JsonObject object && object.isEmpty();
  }

  /** For a plan line: {@code 30s}, {@code ["eu-west","us-east"]}, {@code (none)}; long values shortened. */
  static String show(Object value) {
    if (isEmpty(value)) {
      return "(none)";
    }
    String text = value instanceof JsonObject || value instanceof JsonArray ? value.toString() : String.valueOf(value);
    return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH - 3) + "...";
  }
}
