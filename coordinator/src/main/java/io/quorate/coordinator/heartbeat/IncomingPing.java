package io.quorate.coordinator.heartbeat;

import io.quorate.link.v1.HeartbeatPing;

/**
 * A ping as it reaches the coordinator: from a probe node's stream (with the event id it gave it) or from
 * the coordinator's own {@code /ping} endpoint (region {@value PingRoutes#REGION}).
 */
public record IncomingPing(String eventId, String region, String probeNode, HeartbeatPing ping) {}
