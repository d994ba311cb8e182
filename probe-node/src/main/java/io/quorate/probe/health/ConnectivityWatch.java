package io.quorate.probe.health;

import io.quorate.link.v1.FailureKind;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges whether this probe node itself can reach the world. A probe whose network is broken sees every
 * target down at once; if it voted, one more region's blip would page someone for an outage that does not
 * exist. With canary URLs configured, their answers decide; without, the checks themselves do: every
 * target host unreachable (DNS, connect, TLS, timeout) over the last two minutes, across at least
 * {@link #MIN_HOSTS} hosts, means the probe is cut off rather than all those targets down together.
 *
 * <p>Used only on the probe verticle's event loop (check results, canary rounds and health reports all
 * run there), so it needs no locking.
 */
public final class ConnectivityWatch {
  static final long WINDOW_MS = 120_000;
  static final int MIN_HOSTS = 3;
  private static final Set<FailureKind> UNREACHABLE = Set.of(FailureKind.FAILURE_KIND_DNS,
      FailureKind.FAILURE_KIND_CONNECTION_REFUSED, FailureKind.FAILURE_KIND_TIMEOUT, FailureKind.FAILURE_KIND_TLS,
      FailureKind.FAILURE_KIND_CONNECTION);

  private final Clock clock;
  private final boolean canariesConfigured;
  private final Map<String, HostResult> lastByHost = new HashMap<>();
  private Verdict canary = Verdict.OK;

  public ConnectivityWatch(Clock clock, boolean canariesConfigured) {
    this.clock = clock;
    this.canariesConfigured = canariesConfigured;
  }

  /** Whether this probe can reach the world, and why not. */
  public record Verdict(boolean ok, String detail) {
    static final Verdict OK = new Verdict(true, "");
  }

  private record HostResult(long atMs, boolean unreachable, FailureKind kind) {}

  /** A check run on {@code host} ended with {@code observation}. */
  public void record(String host, Observation observation) {
    if (host == null || host.isEmpty()) {
      return;
    }
    boolean unreachable = observation.getOutcome() != Outcome.OUTCOME_UP
        && UNREACHABLE.contains(observation.getFailureKind());
    lastByHost.put(host, new HostResult(clock.millis(), unreachable, observation.getFailureKind()));
  }

  /** The latest canary round: whether any canary answered, and what failed if none did. */
  public void canaryRound(boolean anyAnswered, String failures) {
    canary = anyAnswered ? Verdict.OK : new Verdict(false, "connectivity check failed: " + failures);
  }

  public Verdict verdict() {
    if (canariesConfigured) {
      return canary;
    }
    long since = clock.millis() - WINDOW_MS;
    lastByHost.values().removeIf(result -> result.atMs() < since);
    if (lastByHost.size() < MIN_HOSTS || lastByHost.values().stream().anyMatch(result -> !result.unreachable())) {
      return Verdict.OK;
    }
    Set<String> kinds = new TreeSet<>();
    lastByHost.values().forEach(result -> kinds.add(describe(result.kind())));
    return new Verdict(false, "every target unreachable from this probe: " + lastByHost.size() + " of "
        + lastByHost.size() + " hosts in the last " + WINDOW_MS / 60_000 + " min (" + String.join(", ", kinds) + ")");
  }

  private static String describe(FailureKind kind) {
    return switch (kind) {
      case FAILURE_KIND_DNS -> "DNS";
      case FAILURE_KIND_CONNECTION_REFUSED -> "connection refused";
      case FAILURE_KIND_TIMEOUT -> "timeout";
      case FAILURE_KIND_TLS -> "TLS";
      default -> "connection";
    };
  }
}
