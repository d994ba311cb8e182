package io.quorate.coordinator.quorum;

import io.quorate.coordinator.incident.Incident;
import io.quorate.coordinator.quorum.RegionVerdictStore.MonitorVerdict;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One monitor while one region's batch of observations is folded into its verdicts, one observation after
 * another in the order the probe sent them, exactly as if each had been stored on its own. It holds what a
 * one-by-one ingest would have read again before each observation: every region's vote and the monitor's
 * newest incident (refreshed by the caller after it changed the incident).
 */
final class MonitorBatch {
  private final UUID monitorId;
  private final VotingRule rule;
  private final String region;
  private final Map<String, RegionVerdict> verdicts;
  private final List<ParsedObservation> observations = new ArrayList<>();
  private Optional<Incident> latest;
  /** The newest observation folded into the region's verdict; null before the first. */
  private ParsedObservation lastFolded;

  /** One step of the fold: the region's verdict before and after one observation. */
  record Fold(Verdict before, RegionVerdict vote) {
    boolean changed() {
      return before != vote.verdict();
    }

    /** A region's first vote that all is well: routine for every new monitor, so not worth a line in the log. */
    boolean firstUp() {
      return before == Verdict.PENDING && vote.verdict() == Verdict.UP;
    }
  }

  MonitorBatch(UUID monitorId, VotingRule rule, String region, Map<String, RegionVerdict> verdicts,
      Optional<Incident> latest) {
    this.monitorId = monitorId;
    this.rule = rule;
    this.region = region;
    this.verdicts = verdicts;
    this.latest = latest;
  }

  void add(ParsedObservation observation) {
    observations.add(observation);
  }

  List<ParsedObservation> observations() {
    return observations;
  }

  /** Whether the monitor runs in the batch's region: observations from elsewhere are history only. */
  boolean votes() {
    return rule.regions().contains(region);
  }

  /** @return empty when the observation is older than what the region already reported: history only */
  Optional<Fold> fold(ParsedObservation o) {
    Optional<RegionVerdict> previous = Optional.ofNullable(verdicts.get(region));
    if (previous.isPresent() && previous.get().lastObservedAt().isAfter(o.observedAt())) {
      return Optional.empty();
    }
    // Without the run's details: nothing folding or deciding reads needs them, and they are stored with the run.
    RegionVerdict next = RegionVerdict.fold(previous, region, o.isDown(), o.observedAt(), o.observation().getReason(),
        new JsonObject(), new JsonObject(), rule.confirmations(), rule.recoveries());
    verdicts.put(region, next);
    lastFolded = o;
    return Optional.of(new Fold(previous.map(RegionVerdict::verdict).orElse(Verdict.PENDING), next));
  }

  /**
   * Every region's verdict with its newest run's details, for an incident's alert: the batch holds votes
   * only ({@link RegionVerdictStore#votesOf}); the stored verdicts have them, and this batch's region has them
   * from the observation it folded last.
   */
  Map<String, RegionVerdict> withDetails(Map<String, RegionVerdict> stored) {
    Map<String, RegionVerdict> detailed = new HashMap<>(stored);
    RegionVerdict own = verdicts.get(region);
    if (own != null && lastFolded != null) {
      detailed.put(region, own.withDetails(ObservationJson.values(lastFolded.observation()),
          ObservationJson.lastRun(lastFolded.observation())));
    }
    return detailed;
  }

  /** The event ids after {@code index}: stored in this transaction, but not yet when one-by-one got there. */
  List<String> eventIdsAfter(int index) {
    return observations.subList(index + 1, observations.size()).stream().map(ParsedObservation::eventId).toList();
  }

  /** The region's verdict to write once the batch is folded; empty when no observation changed it. */
  Optional<MonitorVerdict> verdictToSave() {
    return lastFolded == null ? Optional.empty()
        : Optional.of(new MonitorVerdict(monitorId, verdicts.get(region), lastFolded.eventId()));
  }

  UUID monitorId() {
    return monitorId;
  }

  VotingRule rule() {
    return rule;
  }

  Map<String, RegionVerdict> verdicts() {
    return verdicts;
  }

  Optional<Incident> latest() {
    return latest;
  }

  Optional<Incident> open() {
    return latest.filter(Incident::isOpen);
  }

  void latest(Optional<Incident> refreshed) {
    this.latest = refreshed;
  }
}
