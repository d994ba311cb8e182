package io.quorate.probe;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --drain-timeout}: a duration such as {@code 500ms}, {@code 15s} or {@code 1m}, zero or more. */
final class DrainTimeout {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m)");

  private DrainTimeout() {}

  static Duration parse(String value) {
    Matcher form = FORM.matcher(value == null ? "" : value.strip());
    if (!form.matches()) {
      throw new ConfigException("drain-timeout", "must be a duration such as 500ms, 15s or 1m, got \"" + value + "\"");
    }
    long amount = Long.parseLong(form.group(1));
    return switch (form.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMinutes(amount);
    };
  }
}
