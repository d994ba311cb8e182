package io.quorate.coordinator.monitor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A queue endpoint polled from several regions.
 *
 * @param request       what each probe sends
 * @param conditions    all must pass for a run to count as up, e.g. {@code [BODY].enqueued < 1000}
 * @param series        named values kept with every observation, e.g. {@code depth -> [BODY].enqueued}
 * @param quorumRule    how many regions must agree before an incident opens or resolves
 * @param confirmations consecutive failing observations before a region votes down
 * @param recoveries    consecutive successful observations before a region that voted down votes up again
 * @param staleWindow   how old a region's verdict may be and still vote; empty for the default
 *                      (two intervals and a timeout)
 */
public record HttpSpec(
    HttpRequestSpec request,
    Duration interval,
    List<String> conditions,
    Map<String, String> series,
    List<String> regions,
    QuorumRule quorumRule,
    int confirmations,
    int recoveries,
    Optional<Duration> staleWindow) implements MonitorSpec {

  public HttpSpec {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(interval, "interval");
    conditions = List.copyOf(conditions);
    series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
    regions = List.copyOf(regions);
    Objects.requireNonNull(quorumRule, "quorumRule");
    Objects.requireNonNull(staleWindow, "staleWindow");
  }

  /** Regions that must agree, out of this monitor's regions. */
  public int quorum() {
    return quorumRule.required(regions.size());
  }

  @Override
  public String type() {
    return "http";
  }

  public Duration timeout() {
    return request.timeout();
  }

  /** A region's verdict older than this no longer votes: by default, it missed two runs and a timeout. */
  public Duration staleAfter() {
    return staleWindow.orElseGet(this::defaultStaleAfter);
  }

  public Duration defaultStaleAfter() {
    return interval.multipliedBy(2).plus(timeout());
  }
}
