package io.quorate.coordinator.checktest;

import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.Observation;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Runs a check once from every connected probe of its regions, through the relays on all coordinator
 * nodes, and gathers the answers. It is done when every node has said which probes it asked and every
 * asked probe has answered, or at the check's timeout plus a margin, whichever comes first.
 */
public final class CheckTester {
  /** Room for the link round trip on top of the check's own deadline. */
  private static final Duration MARGIN = Duration.ofSeconds(3);
  private final Vertx vertx;
  private final IntSupplier clusterMembers;

  public CheckTester(Vertx vertx, IntSupplier clusterMembers) {
    this.vertx = vertx;
    this.clusterMembers = clusterMembers;
  }

  /**
   * @return always succeeds with a report; probes that did not answer in time are listed as such.
   *     Fails only when the event bus cannot register the reply address.
   */
  public Future<CheckTestReport> run(HttpCheck check, List<String> regions) {
    String requestId = UUID.randomUUID().toString();
    String replyAddress = CheckTestRelay.ADDRESS + ".reply." + requestId;
    long answerWithinMs = check.getTimeoutMs() + MARGIN.toMillis();
    Gathering gathering = new Gathering(clusterMembers.getAsInt());
    MessageConsumer<JsonObject> replies = vertx.eventBus().consumer(replyAddress, m -> gathering.take(m.body()));
    return replies.completion().compose(subscribed -> {
      long deadline = vertx.setTimer(answerWithinMs, id -> gathering.done.tryComplete());
      vertx.eventBus().publish(CheckTestRelay.ADDRESS, new JsonObject()
          .put("request_id", requestId)
          .put("reply_to", replyAddress)
          .put("regions", new JsonArray(regions))
          .put("answer_within_ms", answerWithinMs)
          .put("check", Base64.getEncoder().encodeToString(check.toByteArray())));
      return gathering.done.future().eventually(() -> {
        vertx.cancelTimer(deadline);
        return replies.unregister();
      });
    }).map(v -> gathering.report(regions));
  }

  /** Answers as they arrive; touched only on the requesting context. */
  private static final class Gathering {
    final Promise<Void> done = Promise.promise();
    final Set<String> unanswered = new LinkedHashSet<>();
    final List<CheckTestReport.ProbeResult> results = new ArrayList<>();
    int nodesLeft;

    Gathering(int nodes) {
      this.nodesLeft = Math.max(1, nodes);
    }

    void take(JsonObject message) {
      if ("asked".equals(message.getString("type"))) {
        nodesLeft--;
        message.getJsonArray("probes").forEach(p -> unanswered.add(key((JsonObject) p)));
      } else if (unanswered.remove(key(message))) {
        results.add(new CheckTestReport.ProbeResult(message.getString("region"), message.getString("probe_node"),
            observation(message.getString("observation"))));
      }
      if (nodesLeft <= 0 && unanswered.isEmpty()) {
        done.tryComplete();
      }
    }

    CheckTestReport report(List<String> regions) {
      List<CheckTestReport.ProbeRef> late = unanswered.stream().map(Gathering::ref).toList();
      return new CheckTestReport(regions, List.copyOf(results), late);
    }

    private static String key(JsonObject probe) {
      return probe.getString("region") + "\u0000" + probe.getString("probe_node");
    }

    private static CheckTestReport.ProbeRef ref(String key) {
      String[] parts = key.split("\u0000", 2);
      return new CheckTestReport.ProbeRef(parts[0], parts[1]);
    }

    private static Observation observation(String base64) {
      try {
        return Observation.parseFrom(Base64.getDecoder().decode(base64));
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new IllegalStateException("a relay sent an unreadable observation", e);
      }
    }
  }
}
