package io.quorate.coordinator.link;

import io.quorate.coordinator.monitor.HeartbeatSpec;
import io.quorate.coordinator.monitor.HttpRequestSpec;
import io.quorate.coordinator.monitor.HttpSpec;
import io.quorate.coordinator.monitor.Monitor;
import io.quorate.link.v1.AssignmentChange;
import io.quorate.link.v1.AssignmentSnapshot;
import io.quorate.link.v1.HeartbeatTarget;
import io.quorate.link.v1.HttpCheck;
import java.util.List;

/**
 * Which monitors a region's probes run. An HTTP monitor runs in the regions it names; every region accepts
 * every heartbeat's pings, because a worker pings whichever probe is nearest.
 */
public final class Assignments {
  private Assignments() {}

  /** @param pingKey the project's ping key, so probes also accept {@code /ping/<ping key>/<slug>} */
  static AssignmentSnapshot snapshot(List<Monitor> monitors, String region, String pingKey) {
    AssignmentSnapshot.Builder snapshot = AssignmentSnapshot.newBuilder();
    for (Monitor monitor : monitors) {
      if (monitor.spec() instanceof HttpSpec http && http.regions().contains(region)) {
        snapshot.addChecks(check(monitor, http));
      } else if (monitor.spec() instanceof HeartbeatSpec heartbeat) {
        snapshot.addHeartbeats(target(monitor, heartbeat, pingKey));
      }
    }
    return snapshot.build();
  }

  /** The change for one region after a monitor was created, edited or (when {@code monitor} is null) deleted. */
  static AssignmentChange change(java.util.UUID monitorId, Monitor monitor, String region, String pingKey) {
    AssignmentChange.Builder change = AssignmentChange.newBuilder();
    if (monitor != null && monitor.spec() instanceof HttpSpec http && http.regions().contains(region)) {
      change.addUpsertedChecks(check(monitor, http));
    } else if (monitor != null && monitor.spec() instanceof HeartbeatSpec heartbeat) {
      change.addUpsertedHeartbeats(target(monitor, heartbeat, pingKey));
    } else {
      change.addRemovedMonitorIds(monitorId.toString());
    }
    return change.build();
  }

  private static HttpCheck check(Monitor monitor, HttpSpec http) {
    return check(monitor.id().toString(), monitor.version(), monitor.name(), http);
  }

  /** The check a probe runs for this spec; also used for run-once tests of unsaved drafts. */
  public static HttpCheck check(String monitorId, long version, String name, HttpSpec http) {
    HttpRequestSpec request = http.request();
    return HttpCheck.newBuilder()
        .setMonitorId(monitorId)
        .setVersion(version)
        .setName(name)
        .setMethod(request.method())
        .setUrl(request.url())
        .putAllHeaders(request.wireHeaders())
        .setBody(request.body())
        .setIntervalMs(http.interval().toMillis())
        .setTimeoutMs(request.timeout().toMillis())
        .setMaxBodyBytes(request.maxBodyBytes())
        .setMaxRedirects(request.maxRedirects())
        .setInsecureSkipTlsVerify(!request.tlsVerify())
        .addAllConditions(http.conditions())
        .putAllSeries(http.series())
        .build();
  }

  private static HeartbeatTarget target(Monitor monitor, HeartbeatSpec heartbeat, String pingKey) {
    return HeartbeatTarget.newBuilder().setMonitorId(monitor.id().toString()).setPingId(heartbeat.pingId().toString())
        .setPingKey(heartbeat.slug().isPresent() ? pingKey : "").setSlug(heartbeat.slug().orElse("")).build();
  }
}
