package io.quorate.coordinator.monitor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A queue endpoint polled from several regions.
 *
 * @param request       what each probe sends
 * @param conditions    all must pass for a run to count as up, e.g. {@code [BODY].enqueued < 1000}
 * @param series        named values kept with every observation, e.g. {@code depth -> [BODY].enqueued}
 * @param quorum        how many regions must agree before an incident opens or resolves
 * @param confirmations consecutive failing observations before a region votes down
 */
public record HttpSpec(
    HttpRequestSpec request,
    Duration interval,
    List<String> conditions,
    Map<String, String> series,
    List<String> regions,
    int quorum,
    int confirmations) implements MonitorSpec {

  public HttpSpec {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(interval, "interval");
    conditions = List.copyOf(conditions);
    series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
    regions = List.copyOf(regions);
  }

  @Override
  public String type() {
    return "http";
  }

  public Duration timeout() {
    return request.timeout();
  }

  /** A region's verdict older than this no longer counts: it missed two runs and a timeout. */
  public Duration staleAfter() {
    return interval.multipliedBy(2).plus(timeout());
  }
}
