package io.quorate.coordinator.quorum;

import io.quorate.link.v1.Observation;

/** An observation as it reaches the coordinator on a probe's stream, with the event id the probe gave it. */
public record IncomingObservation(String eventId, Observation observation) {}
