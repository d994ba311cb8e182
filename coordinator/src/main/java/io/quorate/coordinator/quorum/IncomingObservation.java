package io.quorate.coordinator.quorum;

import io.quorate.link.v1.Observation;
import java.time.Instant;

/**
 * An observation as it reaches the coordinator on a probe's stream, with the event id the probe gave it and
 * when the coordinator read it off the stream.
 */
public record IncomingObservation(String eventId, Observation observation, Instant receivedAt) {}
