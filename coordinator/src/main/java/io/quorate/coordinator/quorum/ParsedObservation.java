package io.quorate.coordinator.quorum;

import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An incoming observation whose monitor id is a well-formed UUID. */
record ParsedObservation(String eventId, UUID monitorId, Observation observation, Instant receivedAt) {

  /** @return empty when the monitor id is not a UUID: such an observation can belong to no monitor */
  static Optional<ParsedObservation> parse(IncomingObservation incoming) {
    try {
      UUID monitorId = UUID.fromString(incoming.observation().getMonitorId());
      return Optional.of(new ParsedObservation(incoming.eventId(), monitorId, incoming.observation(),
          incoming.receivedAt()));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  boolean isDown() {
    return observation.getOutcome() != Outcome.OUTCOME_UP;
  }

  Instant observedAt() {
    return Instant.ofEpochMilli(observation.getObservedAtMs());
  }
}
