package io.quorate.bench.support;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Named figures as one line of {@code key=value} words, the format every benchmark JVM prints
 * ({@code RESULT ...}), the fixtures' control endpoint answers, and the runner reads back. Plain text, so a
 * child's log shows exactly what the runner used.
 */
public final class Result {
  private final Map<String, String> values = new LinkedHashMap<>();

  public Result put(String key, String value) {
    if (key.isEmpty() || key.contains(" ") || key.contains("=") || value.contains(" ")) {
      throw new IllegalArgumentException("key and value must be single words: " + key + "=" + value);
    }
    values.put(key, value);
    return this;
  }

  public Result put(String key, long value) {
    return put(key, Long.toString(value));
  }

  public Result put(String key, double value) {
    return put(key, Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "NaN");
  }

  public Result put(String key, boolean value) {
    return put(key, Boolean.toString(value));
  }

  /** Copies every figure of {@code other}, each key prefixed (e.g. {@code sink_}). */
  public Result putAll(String prefix, Result other) {
    other.values.forEach((key, value) -> values.put(prefix + key, value));
    return this;
  }

  /** The figure as a number, NaN when absent or not a number (a missing figure shows as "-", never as 0). */
  public double number(String key) {
    String value = values.get(key);
    if (value == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  public String text(String key) {
    return values.get(key);
  }

  public String line() {
    StringBuilder line = new StringBuilder();
    values.forEach((key, value) -> line.append(line.length() == 0 ? "" : " ").append(key).append('=').append(value));
    return line.toString();
  }

  public static Result parse(String line) {
    Result result = new Result();
    for (String word : line.strip().split("\\s+")) {
      int equals = word.indexOf('=');
      if (equals > 0) {
        result.values.put(word.substring(0, equals), word.substring(equals + 1));
      }
    }
    return result;
  }

  @Override
  public String toString() {
    return line();
  }
}
