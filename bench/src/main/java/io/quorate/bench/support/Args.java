package io.quorate.bench.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line words: positional names first or anywhere, then {@code --key value}, {@code --key=value} or a
 * bare {@code --flag}. Every benchmark JVM takes its settings this way, so the runner can print the exact
 * command of each child. A bad value throws {@link IllegalArgumentException} naming the option.
 */
public final class Args {
  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new LinkedHashMap<>();

  private Args() {
  }

  public static Args parse(String... words) {
    Args args = new Args();
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (!word.startsWith("--")) {
        args.positional.add(word);
        continue;
      }
      String key = word.substring(2);
      int equals = key.indexOf('=');
      if (equals >= 0) {
        args.options.put(key.substring(0, equals), key.substring(equals + 1));
      } else if (i + 1 < words.length && !words[i + 1].startsWith("--")) {
        args.options.put(key, words[++i]);
      } else {
        args.options.put(key, "true");
      }
    }
    return args;
  }

  /** Refuses options nobody reads, so a typo does not silently run the default. */
  public Args requireKnown(Set<String> known) {
    for (String key : options.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown option --" + key);
      }
    }
    return this;
  }

  public List<String> positional() {
    return List.copyOf(positional);
  }

  public boolean flag(String key) {
    return Boolean.parseBoolean(options.getOrDefault(key, "false"));
  }

  public String string(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }

  public String required(String key) {
    String value = options.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return value;
  }

  public long number(String key, long fallback) {
    String value = options.get(key);
    try {
      return value == null ? fallback : Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + ": not a whole number: " + value);
    }
  }

  public int integer(String key, int fallback) {
    return Math.toIntExact(number(key, fallback));
  }

  public List<Integer> integers(String key, List<Integer> fallback) {
    String value = options.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Arrays.stream(value.split(",")).map(s -> Integer.parseInt(s.strip().replace("_", ""))).toList();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + ": not a comma-separated list of whole numbers: " + value);
    }
  }
}
