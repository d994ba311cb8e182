package io.quorate.coordinator.quorum;

import io.quorate.coordinator.monitor.HttpSpec;
import java.time.Duration;
import java.util.List;

/**
 * What folding and deciding read of an HTTP monitor: its regions and how they vote. Small, so every monitor's
 * rule can stay in memory ({@link VotingRules}); the whole monitor (alerting, request, listing) is read only
 * when an incident opens or resolves.
 */
record VotingRule(List<String> regions, int quorum, int confirmations, int recoveries, Duration staleAfter) {
  VotingRule {
    regions = List.copyOf(regions);
  }

  static VotingRule of(HttpSpec spec) {
    return new VotingRule(spec.regions(), spec.quorum(), spec.confirmations(), spec.recoveries(), spec.staleAfter());
  }
}
