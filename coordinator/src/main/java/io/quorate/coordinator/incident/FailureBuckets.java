package io.quorate.coordinator.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Groups failure reasons so thirty copies of one failure read as one problem with a count: check failures
 * by what went wrong (timeout, connection, credentials, 5xx, condition breached...), job failures by their
 * message with the parts that change from run to run (numbers, ids, hex, quoted values) blanked out.
 */
public final class FailureBuckets {
  private static final Pattern UUID_LIKE = Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
  private static final Pattern HEX = Pattern.compile("\\b(0x)?[0-9a-fA-F]{8,}\\b");
  private static final Pattern QUOTED = Pattern.compile("(\"[^\"]{0,200}\"|'[^']{0,200}')");
  private static final Pattern NUMBER = Pattern.compile("\\d+([.,:]\\d+)*");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final int MAX_MESSAGE = 160;

  private FailureBuckets() {}

  /** One group: its label, how many failures fell in it, and the first full reason as an example. */
  public record Bucket(String label, int count, String example) {}

  /**
   * @param failureKind the probe's failure kind ({@code timeout}, {@code http_5xx}...), or {@code job_failed}
   *     for a heartbeat's fail ping, whose {@code reason} is the job's own message
   */
  public static String label(String failureKind, String reason) {
    return switch (failureKind == null ? "" : failureKind) {
      case "timeout" -> "timeout";
      case "dns", "connection_refused", "connection", "tls" -> "connection: " + failureKind.replace('_', ' ');
      case "http_credentials" -> "credentials (401/403)";
      case "http_5xx" -> "5xx";
      case "http_status" -> "unexpected status";
      case "condition_breached", "field_missing", "body_unparsable", "body_too_large" -> "condition breached";
      case "target_refused", "invalid_check" -> "check cannot run";
      case "job_failed" -> "job failed: " + normalize(reason);
      default -> reason == null || reason.isBlank() ? "unknown" : normalize(reason);
    };
  }

  /** The message's first line with run-specific parts blanked: "order 4411 failed" reads "order # failed". */
  public static String normalize(String message) {
    String firstLine = message == null ? "" : message.strip().lines().findFirst().orElse("");
    String text = UUID_LIKE.matcher(firstLine).replaceAll("<id>");
    text = HEX.matcher(text).replaceAll("<hex>");
    text = QUOTED.matcher(text).replaceAll("\"…\"");
    text = NUMBER.matcher(text).replaceAll("#");
    text = SPACES.matcher(text).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text.isEmpty() ? "no message" : text;
  }

  /** Failures as (kind, reason) pairs grouped into buckets, biggest first, ties by first seen. */
  public static List<Bucket> group(List<String[]> kindAndReason) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, String> examples = new LinkedHashMap<>();
    for (String[] failure : kindAndReason) {
      String label = label(failure[0], failure[1]);
      counts.computeIfAbsent(label, l -> new int[1])[0]++;
      examples.putIfAbsent(label, failure[1] == null ? "" : failure[1]);
    }
    List<Bucket> buckets = new ArrayList<>();
    counts.forEach((label, count) -> buckets.add(new Bucket(label, count[0], examples.get(label))));
    buckets.sort(Comparator.comparingInt(Bucket::count).reversed());
    return buckets;
  }
}
