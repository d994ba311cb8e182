package io.quorate.deploy;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the deploy files write them: {@code 15s}, {@code 2m}, {@code 2min}, {@code 500ms}, or bare seconds. */
final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|sec|m|min|h)?");

  private Durations() {}

  static Optional<Duration> parse(String text) {
    Matcher matcher = text == null ? null : DURATION.matcher(text.strip());
    if (matcher == null || !matcher.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    return Optional.of(switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m", "min" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    });
  }
}
