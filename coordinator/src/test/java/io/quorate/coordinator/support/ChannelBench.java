package io.quorate.coordinator.support;

import io.quorate.coordinator.incident.AlertText;
import io.quorate.coordinator.incident.Incident;
import io.quorate.coordinator.incident.IncidentJson;
import io.quorate.coordinator.incident.Opening;
import io.quorate.coordinator.monitor.AlertingJson;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.coordinator.monitor.MonitorAlerting;
import io.quorate.coordinator.monitor.PublicListing;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a channel type's test needs: one coordinator on its own database, the API, and a way to put an
 * incident and its notification into the outbox with the payload the incident code builds.
 */
public final class ChannelBench implements AutoCloseable {
  public static final String APP_LINK = "http://localhost:8080/app";
  public final TestDatabase db;
  public final TestCluster cluster;
  public final Api api;
  public final Outbox outbox;

  private ChannelBench(TestDatabase db, TestCluster cluster, Outbox outbox) {
    this.db = db;
    this.cluster = cluster;
    this.api = cluster.api(0);
    this.outbox = outbox;
  }

  public static ChannelBench start() {
    TestDatabase db = TestDatabase.create();
    return new ChannelBench(db, TestCluster.start(1, db, Duration.ofMillis(200)), new Outbox(db));
  }

  /** An open incident of a new monitor, stored as the lifecycle stores one. */
  public Incident openIncident(String monitorName) {
    JsonObject monitor = api.createMonitor(new JsonObject().put("name", monitorName).put("type", "heartbeat")
        .put("period", "1h").put("grace", "1h"));
    Instant openedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UUID monitorId = UUID.fromString(monitor.getString("id"));
    UUID id = outbox.openIncident(monitorId.toString(), monitorName, openedAt);
    return new Incident(id, monitorId, monitorName, openedAt, Optional.empty(), "no ping", List.of(), "", Optional.empty(),
        "", false, Optional.empty(), "", "", false, 0, Optional.of(openedAt), 0, Optional.empty(), "",
        Optional.empty());
  }

  /** The payload of {@code incident.opened} exactly as the incident lifecycle builds it. */
  public static JsonObject openedPayload(Incident incident) {
    Monitor monitor = new Monitor(incident.monitorId(), incident.monitorName(), null, MonitorAlerting.DEFAULTS, PublicListing.PRIVATE, 1,
        incident.openedAt(), incident.openedAt());
    Opening opening = new Opening(monitor, incident.reason(), "", List.of(), "", Optional.empty(), List.of(),
        Opening.AlertFacts.NONE);
    return new JsonObject().put("event", "incident.opened")
        .put("text", AlertText.opened(incident, opening, APP_LINK))
        .put("incident", IncidentJson.toJson(incident))
        .put("monitor", AlertingJson.about(monitor.alerting()))
        .put("link", APP_LINK);
  }

  /** Queues the payload to one channel, due now. */
  public void send(Incident incident, JsonObject payload, String channelId) {
    outbox.send(incident.id(), payload.getString("event"), payload, channelId);
  }

  /** The single delivery of the incident to the channel: state, attempts, last_error, next_attempt_at. */
  public java.util.Map<String, Object> delivery(Incident incident, String channelId) {
    List<java.util.Map<String, Object>> rows = outbox.deliveries(incident.id(), channelId);
    if (rows.size() != 1) {
      throw new AssertionError("expected one delivery, found " + rows);
    }
    return rows.get(0);
  }

  @Override
  public void close() {
    outbox.close();
    cluster.close();
  }
}
