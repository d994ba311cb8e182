package io.quorate.ping;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One parsed ping URL, the part after {@code /ping/}. The accepted forms are Healthchecks.io's, so an
 * existing script only changes the host:
 *
 * <pre>
 *   &lt;uuid&gt;                      success
 *   &lt;uuid&gt;/start | /fail | /log  start, failure, message only
 *   &lt;uuid&gt;/&lt;0-255&gt;              exit status: 0 is success, anything else a failure
 *   &lt;ping-key&gt;/&lt;slug&gt;[/...]      the same, naming the monitor by its project's ping key and its slug
 * </pre>
 *
 * A first segment that reads as a UUID is the uuid form; anything else must be a ping key followed by a slug.
 *
 * @param uuid the monitor's ping id in the uuid form
 * @param pingKey the project's ping key in the slug form (lower case), else empty
 * @param slug the monitor's slug in the slug form (lower case), else empty
 * @param kind what the ping says
 * @param exitStatus the exit status when the URL carried one
 */
public record PingPath(Optional<UUID> uuid, String pingKey, String slug, PingKind kind, OptionalInt exitStatus) {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
  private static final Pattern PING_KEY = Pattern.compile("[a-z0-9_-]{8,64}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");

  /**
   * Parses the path after {@code /ping/} (no query string).
   *
   * @throws PingPathException 404 when no monitor can be named this way, 400 for a bad exit status
   */
  public static PingPath parse(String path) {
    String[] parts = path.split("/", -1);
    if (parts.length == 0 || parts.length > 3 || parts[0].isEmpty()) {
      throw new PingPathException(404, "not a ping URL: expected /ping/<uuid>[/start|/fail|/log|/<exit status>]"
          + " or /ping/<ping key>/<slug>[/...]");
    }
    Optional<UUID> uuid = asUuid(parts[0]);
    if (uuid.isPresent()) {
      if (parts.length == 3) {
        throw new PingPathException(404, "not a ping URL: too many segments after the uuid");
      }
      return withSignal(uuid, "", "", parts.length == 2 ? parts[1] : null);
    }
    if (parts.length < 2) {
      throw new PingPathException(404, "not found: a ping URL names a monitor by its uuid or by <ping key>/<slug>");
    }
    String key = parts[0].toLowerCase(Locale.ROOT);
    String slug = parts[1].toLowerCase(Locale.ROOT);
    if (!PING_KEY.matcher(key).matches() || !SLUG.matcher(slug).matches()) {
      throw new PingPathException(404, "not found: no monitor has this ping key and slug");
    }
    return withSignal(Optional.empty(), key, slug, parts.length == 3 ? parts[2] : null);
  }

  private static PingPath withSignal(Optional<UUID> uuid, String key, String slug, String signal) {
    if (signal == null) {
      return new PingPath(uuid, key, slug, PingKind.SUCCESS, OptionalInt.empty());
    }
    switch (signal.toLowerCase(Locale.ROOT)) {
      case "start":
        return new PingPath(uuid, key, slug, PingKind.START, OptionalInt.empty());
      case "fail":
        return new PingPath(uuid, key, slug, PingKind.FAIL, OptionalInt.empty());
      case "log":
        return new PingPath(uuid, key, slug, PingKind.LOG, OptionalInt.empty());
      default:
        return withExitStatus(uuid, key, slug, signal);
    }
  }

  private static PingPath withExitStatus(Optional<UUID> uuid, String key, String slug, String signal) {
    if (!DIGITS.matcher(signal).matches() || Integer.parseInt(signal) > 255) {
      throw new PingPathException(400, "exit status must be a number from 0 to 255, or start, fail or log; got \""
          + abbreviate(signal) + "\"");
    }
    int status = Integer.parseInt(signal);
    return new PingPath(uuid, key, slug, status == 0 ? PingKind.SUCCESS : PingKind.FAIL, OptionalInt.of(status));
  }

  /** How the monitor is named: its uuid, or {@code <ping key>/<slug>}. */
  public String target() {
    return uuid.map(UUID::toString).orElse(pingKey + "/" + slug);
  }

  private static Optional<UUID> asUuid(String text) {
    if (text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
