package io.quorate.coordinator.notify;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** Where notifications go. {@code config} holds the type's settings (a webhook's {@code url}). */
public record Channel(UUID id, String type, String name, JsonObject config, Instant createdAt) {}
