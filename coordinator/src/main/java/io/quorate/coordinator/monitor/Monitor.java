package io.quorate.coordinator.monitor;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored monitor. {@code version} grows with every edit, so probes can tell fresh assignments from old.
 *
 * @param listing whether and how it appears on the public status page
 */
public record Monitor(
    UUID id,
    String name,
    MonitorSpec spec,
    MonitorAlerting alerting,
    PublicListing listing,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
