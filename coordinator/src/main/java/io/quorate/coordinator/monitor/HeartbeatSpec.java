package io.quorate.coordinator.monitor;

import io.quorate.coordinator.heartbeat.schedule.EverySchedule;
import io.quorate.coordinator.heartbeat.schedule.Schedule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A worker pings {@code /ping/<pingId>} (or {@code /ping/<ping key>/<slug>}) after its work. Exactly one of
 * {@code schedule} (a ping is expected every period, or at each cron firing, within grace) and {@code fleet}
 * (at least N successful pings per window across all workers) says what "on time" means.
 *
 * @param maxRunTime how long a run may take between its start ping and its completion before grace starts;
 *     a start with no completion after maxRunTime + grace is a zombie run
 * @param conditions conditions on a success ping's JSON body, e.g. {@code [BODY].oldest_age_s < 600}; a ping
 *     that breaks one counts as a failure
 * @param quorum regions that must have delivered every ping received before a deadline before it is
 *     declared missed; empty means a majority of the regions whose probes report
 */
public record HeartbeatSpec(UUID pingId, Optional<Schedule> schedule, Optional<FleetRule> fleet, Duration grace,
    Optional<Duration> maxRunTime, List<String> conditions, Optional<String> slug, Optional<Integer> quorum)
    implements MonitorSpec {

  public HeartbeatSpec {
    if (schedule.isPresent() == fleet.isPresent()) {
      throw new IllegalArgumentException("a heartbeat has either a schedule or a fleet rule");
    }
    conditions = List.copyOf(conditions);
  }

  /** A simple heartbeat: a ping every {@code period}, late after {@code grace}. */
  public static HeartbeatSpec every(UUID pingId, Duration period, Duration grace) {
    return new HeartbeatSpec(pingId, Optional.of(new EverySchedule(period)), Optional.empty(), grace,
        Optional.empty(), List.of(), Optional.empty(), Optional.empty());
  }

  @Override
  public String type() {
    return "heartbeat";
  }

  /** The fixed period of a simple schedule; empty for cron and fleet heartbeats. */
  public Optional<Duration> period() {
    return schedule.filter(EverySchedule.class::isInstance).map(s -> ((EverySchedule) s).period());
  }

  /** How long after its start ping a run counts as a zombie. */
  public Duration runDeadline() {
    return maxRunTime.orElse(Duration.ZERO).plus(grace);
  }
}
