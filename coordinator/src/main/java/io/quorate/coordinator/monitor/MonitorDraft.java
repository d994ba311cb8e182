package io.quorate.coordinator.monitor;

/** A validated monitor as the caller wants it, before it is stored. */
public record MonitorDraft(String name, MonitorSpec spec, MonitorAlerting alerting, PublicListing listing) {}
