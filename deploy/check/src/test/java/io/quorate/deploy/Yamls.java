package io.quorate.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of parsed YAML, where a missing key reads as empty rather than as an exception. */
final class Yamls {
  private Yamls() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> list ? (List<Object>) list : List.of();
  }

  static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /** {@code map(map(map(root.a).b).c)} as {@code at(root, "a", "b", "c")}. */
  static Object at(Object root, String... keys) {
    Object current = root;
    for (String key : keys) {
      current = map(current).get(key);
    }
    return current;
  }

  /** Compose allows both {@code KEY: value} and {@code - KEY=value} for environment. */
  static Map<String, String> environment(Object value) {
    Map<String, String> environment = new LinkedHashMap<>();
    map(value).forEach((key, v) -> environment.put(key, text(v)));
    for (Object entry : list(value)) {
      String line = text(entry);
      int equals = line.indexOf('=');
      environment.put(equals < 0 ? line : line.substring(0, equals), equals < 0 ? "" : line.substring(equals + 1));
    }
    return environment;
  }
}
