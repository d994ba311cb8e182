package io.quorate.coordinator.monitor;

import io.quorate.coordinator.incident.Incident;
import io.quorate.coordinator.quorum.QuorumPolicy;
import io.quorate.coordinator.quorum.RegionVerdict;
import io.quorate.coordinator.quorum.Verdict;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A monitor as the API shows it: its settings (header values redacted), its state, each region's
 * verdict, and the current quorum decision in words.
 */
public final class MonitorJson {
  private MonitorJson() {}

  public static JsonObject toJson(Monitor monitor, List<RegionVerdict> verdicts, Optional<Incident> openIncident,
      String pingBaseUrl, Instant now) {
    JsonObject json = new JsonObject()
        .put("id", monitor.id().toString())
        .put("name", monitor.name())
        .put("type", monitor.spec().type());
    if (monitor.spec() instanceof HttpSpec http) {
      putHttp(json, http, verdicts, openIncident.isPresent(), now);
    } else {
      putHeartbeat(json, (HeartbeatSpec) monitor.spec(), monitor, pingBaseUrl);
    }
    return json
        .put("state", state(monitor, verdicts, openIncident))
        .put("open_incident_id", openIncident.map(i -> i.id().toString()).orElse(null))
        .put("version", monitor.version())
        .put("created_at", monitor.createdAt().toString())
        .put("updated_at", monitor.updatedAt().toString());
  }

  /** {@code down} while an incident is open; {@code pending} until a first verdict or ping; else {@code up}. */
  public static String state(Monitor monitor, List<RegionVerdict> verdicts, Optional<Incident> openIncident) {
    if (openIncident.isPresent()) {
      return "down";
    }
    boolean heard = monitor.spec() instanceof HeartbeatSpec
        ? monitor.lastPingAt().isPresent()
        : verdicts.stream().anyMatch(v -> v.verdict() != Verdict.PENDING);
    return heard ? "up" : "pending";
  }

  private static void putHttp(JsonObject json, HttpSpec http, List<RegionVerdict> verdicts, boolean incidentOpen,
      Instant now) {
    Map<String, RegionVerdict> byRegion = new HashMap<>();
    verdicts.forEach(v -> byRegion.put(v.region(), v));
    JsonArray regionVerdicts = new JsonArray();
    for (String region : http.regions()) {
      RegionVerdict v = byRegion.get(region);
      regionVerdicts.add(v == null
          ? new JsonObject().put("region", region).put("verdict", "pending").put("streak", 0)
              .put("last_observed_at", null).put("reason", "").put("stale", false).put("values", new JsonObject())
          : new JsonObject().put("region", region).put("verdict", v.verdict().label()).put("streak", v.streak())
              .put("last_observed_at", v.lastObservedAt().toString()).put("reason", v.reason())
              .put("stale", v.isStale(now, http.staleAfter())).put("values", v.measured())
              .mergeIn(v.lastRun()));
    }
    HttpSpecJson.put(json, http);
    json.put("region_verdicts", regionVerdicts)
        .put("decision", QuorumPolicy.decide(http.regions(), http.quorum(), byRegion, now, http.staleAfter(),
            incidentOpen).explanation());
  }

  private static void putHeartbeat(JsonObject json, HeartbeatSpec heartbeat, Monitor monitor, String pingBaseUrl) {
    json.put("period", Durations.format(heartbeat.period()))
        .put("grace", Durations.format(heartbeat.grace()))
        .put("ping_id", heartbeat.pingId().toString())
        .put("ping_url", pingBaseUrl + "/ping/" + heartbeat.pingId())
        .put("last_ping_at", monitor.lastPingAt().map(Instant::toString).orElse(null));
  }
}
