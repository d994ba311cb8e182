package io.quorate.coordinator.monitor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a monitor's alerts are for and how they travel, the same for every monitor type.
 *
 * @param owner          the team or person who owns the worker, e.g. "billing"
 * @param customerAction what customers do that this queue serves, e.g. "Receipt emails"
 * @param impact         who is affected when it stalls, e.g. "all paying customers"
 * @param urgency        {@code page} (alert at any hour) or {@code working_hours} (held to each channel's hours)
 * @param sla            the oldest-job age the team promises, compared with the {@code oldest_job_age} value
 * @param labels         free key/value labels, matched by silences and maintenance windows
 * @param channels       where alerts go; empty for every channel
 * @param remindEvery    repeat the alert this often while the incident is open and unacknowledged
 * @param escalateAfter  after this long unacknowledged, also alert {@code escalateTo}
 * @param flapCooldown   a failure this soon after recovery reopens the same incident instead of paging anew
 */
public record MonitorAlerting(
    String owner,
    String customerAction,
    String impact,
    String urgency,
    Optional<Duration> sla,
    Map<String, String> labels,
    List<UUID> channels,
    Optional<Duration> remindEvery,
    Optional<Duration> escalateAfter,
    List<UUID> escalateTo,
    Duration flapCooldown) {
  public static final String PAGE = "page";
  public static final String WORKING_HOURS = "working_hours";
  public static final Duration DEFAULT_FLAP_COOLDOWN = Duration.ofMinutes(10);
  public static final MonitorAlerting DEFAULTS = new MonitorAlerting("", "", "", PAGE, Optional.empty(), Map.of(),
      List.of(), Optional.empty(), Optional.empty(), List.of(), DEFAULT_FLAP_COOLDOWN);

  public MonitorAlerting {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(customerAction, "customerAction");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(urgency, "urgency");
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    channels = List.copyOf(channels);
    escalateTo = List.copyOf(escalateTo);
  }
}
