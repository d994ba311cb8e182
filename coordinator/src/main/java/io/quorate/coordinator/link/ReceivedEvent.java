package io.quorate.coordinator.link;

import io.quorate.link.v1.Event;
import java.time.Instant;

/**
 * An event as this coordinator read it off a probe's stream: {@code receivedAt} is when it was read, before it
 * waits for its batch, so an observation's stored {@code received_at} tells how long it waited here.
 */
record ReceivedEvent(Event event, Instant receivedAt) {}
