package io.quorate.coordinator.link;

/** A probe node connected to this coordinator node: its region and its node id from Hello. */
public record ConnectedProbe(String region, String nodeId) {}
