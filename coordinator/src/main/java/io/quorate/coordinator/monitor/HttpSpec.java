package io.quorate.coordinator.monitor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A queue endpoint polled from several regions.
 *
 * @param headers request headers; values are secrets (bearer tokens) and are never shown after writing
 * @param quorum how many regions must agree before an incident opens or resolves
 * @param confirmations consecutive failing observations before a region votes down
 */
public record HttpSpec(
    String url,
    String method,
    Map<String, String> headers,
    Duration interval,
    Duration timeout,
    List<String> conditions,
    List<String> regions,
    int quorum,
    int confirmations) implements MonitorSpec {

  public HttpSpec {
    Objects.requireNonNull(url);
    Objects.requireNonNull(method);
    headers = Map.copyOf(headers);
    conditions = List.copyOf(conditions);
    regions = List.copyOf(regions);
  }

  @Override
  public String type() {
    return "http";
  }

  /** A region's verdict older than this no longer counts: it missed two runs and a timeout. */
  public Duration staleAfter() {
    return interval.multipliedBy(2).plus(timeout);
  }
}
