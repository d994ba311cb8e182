package io.quorate.coordinator.checktest;

import io.quorate.coordinator.link.ConnectedProbe;
import io.quorate.coordinator.link.ProbeLinkServer;
import io.quorate.link.v1.CheckRunResult;
import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.RunCheck;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on every coordinator node: passes a run-once request published by whichever node took the API call
 * to the probes connected here, and sends their answers back to that node. Probes are spread over the
 * nodes, so only the cluster as a whole reaches every region.
 */
public final class CheckTestRelay {
  static final String ADDRESS = "quorate.check.test";
  private static final Logger log = LoggerFactory.getLogger(CheckTestRelay.class);
  private final Vertx vertx;
  private final ProbeLinkServer link;
  /** Request id to the requesting node's reply address, while answers may still come. */
  private final Map<String, String> replyTo = new ConcurrentHashMap<>();

  public CheckTestRelay(Vertx vertx, ProbeLinkServer link) {
    this.vertx = vertx;
    this.link = link;
  }

  /** @return completes once the relay is subscribed cluster-wide */
  public Future<Void> start() {
    link.onCheckResult(this::answer);
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(ADDRESS, this::relay);
    return consumer.completion();
  }

  private void relay(Message<JsonObject> message) {
    JsonObject request = message.body();
    String requestId = request.getString("request_id");
    String reply = request.getString("reply_to");
    HttpCheck check;
    try {
      check = HttpCheck.parseFrom(Base64.getDecoder().decode(request.getString("check")));
    } catch (Exception e) {
      log.warn("check test request dropped request={} error=\"{}\"", requestId, e.getMessage());
      return;
    }
    replyTo.put(requestId, reply);
    vertx.setTimer(request.getLong("answer_within_ms"), id -> replyTo.remove(requestId));
    RunCheck run = RunCheck.newBuilder().setRequestId(requestId).setCheck(check).build();
    List<ConnectedProbe> asked = link.runCheck(run, new HashSet<>(request.getJsonArray("regions").getList()));
    JsonArray probes = new JsonArray();
    asked.forEach(p -> probes.add(new JsonObject().put("region", p.region()).put("probe_node", p.nodeId())));
    vertx.eventBus().send(reply, new JsonObject().put("type", "asked").put("probes", probes));
  }

  private void answer(ConnectedProbe probe, CheckRunResult result) {
    String reply = replyTo.get(result.getRequestId());
    if (reply == null) {
      return; // too late: the requester has answered its caller already
    }
    vertx.eventBus().send(reply, new JsonObject()
        .put("type", "result")
        .put("region", probe.region())
        .put("probe_node", probe.nodeId())
        .put("observation", Base64.getEncoder().encodeToString(result.getObservation().toByteArray())));
  }
}
