package io.quorate.coordinator.heartbeat;

import java.time.Instant;
import java.util.Locale;

/**
 * Why a heartbeat is down, in words for the alert.
 *
 * @param since the moment it went wrong: the missed deadline, the fail ping's receive time, a zombie run's
 *     deadline, or the end of the fleet window judged
 */
public record HeartbeatProblem(Cause cause, String reason, Instant since) {
  /** In order of precedence: a fail ping explains more than a missed deadline. */
  public enum Cause {
    FAIL, ZOMBIE, MISSED, FLEET_RATE, FLEET_FAILURES;

    /** As stored in {@code incidents.cause}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
