package io.quorate.coordinator.monitor;

import io.quorate.coordinator.heartbeat.HeartbeatJson;
import io.quorate.coordinator.heartbeat.HeartbeatView;
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

  /**
   * @param heartbeat a heartbeat's evaluated state; empty for HTTP monitors (and for a heartbeat whose state
   *     row is not readable, shown as {@code new})
   * @param excludedRegions probe regions that do not vote now, with why
   */
  public static JsonObject toJson(Monitor monitor, List<RegionVerdict> verdicts, Optional<Incident> openIncident,
      Optional<HeartbeatView> heartbeat, String pingBaseUrl, Instant now, Map<String, String> excludedRegions) {
    JsonObject json = new JsonObject()
        .put("id", monitor.id().toString())
        .put("name", monitor.name())
        .put("type", monitor.spec().type());
    if (monitor.spec() instanceof HttpSpec http) {
      putHttp(json, http, verdicts, openIncident.isPresent(), now, excludedRegions);
    } else {
      putHeartbeat(json, (HeartbeatSpec) monitor.spec(), heartbeat, pingBaseUrl);
    }
    AlertingJson.put(json, monitor.alerting());
    PublicListingRequests.put(json, monitor.listing());
    return json
        .put("state", state(monitor, verdicts, openIncident, heartbeat))
        .put("open_incident_id", openIncident.map(i -> i.id().toString()).orElse(null))
        .put("version", monitor.version())
        .put("created_at", monitor.createdAt().toString())
        .put("updated_at", monitor.updatedAt().toString());
  }

  /**
   * {@code down} while an incident is open. Otherwise an HTTP monitor is {@code pending} until a first verdict,
   * then {@code up}; a heartbeat is {@code new}, {@code up}, {@code late}, {@code running} or {@code paused}.
   */
  public static String state(Monitor monitor, List<RegionVerdict> verdicts, Optional<Incident> openIncident,
      Optional<HeartbeatView> heartbeat) {
    if (openIncident.isPresent()) {
      return "down";
    }
    if (monitor.spec() instanceof HeartbeatSpec) {
      return heartbeatState(heartbeat);
    }
    return verdicts.stream().anyMatch(v -> v.verdict() != Verdict.PENDING) ? "up" : "pending";
  }

  /** A heartbeat's state when no incident is open: {@code new}, {@code up}, {@code late}, {@code running} or {@code paused}. */
  public static String heartbeatState(Optional<HeartbeatView> heartbeat) {
    // "down" without an incident only for the moment between a decision and its commit: show it as late.
    return heartbeat.map(h -> h.status().state()).map(s -> "down".equals(s) ? "late" : s).orElse("new");
  }

  private static void putHttp(JsonObject json, HttpSpec http, List<RegionVerdict> verdicts, boolean incidentOpen,
      Instant now, Map<String, String> excludedRegions) {
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
      regionVerdicts.getJsonObject(regionVerdicts.size() - 1).put("excluded", excludedRegions.get(region));
    }
    HttpSpecJson.put(json, http);
    json.put("region_verdicts", regionVerdicts)
        .put("decision", QuorumPolicy.decide(http.regions(), http.quorum(), byRegion, now, http.staleAfter(),
            incidentOpen, excludedRegions, http.confirmations()).explanation());
  }

  private static void putHeartbeat(JsonObject json, HeartbeatSpec heartbeat, Optional<HeartbeatView> view,
      String pingBaseUrl) {
    HeartbeatSettingsJson.put(json, heartbeat);
    json.put("ping_id", heartbeat.pingId().toString())
        .put("ping_url", pingBaseUrl + "/ping/" + heartbeat.pingId())
        .put("slug_url", heartbeat.slug().flatMap(slug -> view.map(v -> pingBaseUrl + "/ping/" + v.pingKey() + "/" + slug))
            .orElse(null))
        .put("last_ping_at", view.flatMap(v -> v.lastPing()).map(p -> p.at().toString()).orElse(null))
        .put("heartbeat", view.map(HeartbeatJson::status).orElse(null));
  }
}
