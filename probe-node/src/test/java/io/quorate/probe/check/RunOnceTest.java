package io.quorate.probe.check;

import static io.quorate.probe.support.Eventually.await;
import static io.quorate.probe.support.Probes.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.link.v1.CheckRunResult;
import io.quorate.link.v1.CoordinatorMessage;
import io.quorate.link.v1.FailureKind;
import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.quorate.link.v1.RunCheck;
import io.quorate.probe.ProbeNode;
import io.quorate.probe.support.Probes;
import io.quorate.probe.support.QueueEndpoint;
import io.quorate.probe.support.RecordingCoordinator;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** "Test this monitor": a coordinator asks the probe to run a draft check once, now. */
@ExtendWith(VertxExtension.class)
class RunOnceTest {
  private RecordingCoordinator coordinator;
  private QueueEndpoint queue;
  private ProbeNode probe;

  @BeforeEach
  void setUp(Vertx vertx) {
    coordinator = RecordingCoordinator.start(vertx, "coordinator-a");
    queue = QueueEndpoint.start(vertx);
    probe = Probes.start(vertx, Probes.config("eu-west", coordinator.address()));
    await(() -> probe.linkConnected(), () -> "probe connected");
  }

  @AfterEach
  void tearDown() {
    probe.close().await();
    coordinator.close();
    queue.close();
  }

  private void ask(String requestId, HttpCheck check) {
    coordinator.send(CoordinatorMessage.newBuilder()
        .setRunCheck(RunCheck.newBuilder().setRequestId(requestId).setCheck(check)).build());
  }

  private Optional<Observation> result(String requestId) {
    return coordinator.checkResults().stream().filter(r -> r.getRequestId().equals(requestId))
        .map(CheckRunResult::getObservation).findFirst();
  }

  private Observation awaitResult(String requestId) {
    await(() -> result(requestId).isPresent(), () -> "a result for " + requestId);
    return result(requestId).orElseThrow();
  }

  @Test
  void runsTheCheckAtOnceAndAnswersOnTheStreamWithoutAnEvent() {
    ask("req-1", check("draft", queue.url("/queues/backlog"), 60_000, 2000, "[BODY].enqueued < 1000"));
    Observation o = awaitResult("req-1");
    assertEquals(Outcome.OUTCOME_DOWN, o.getOutcome());
    assertEquals("[BODY].enqueued (5234) < 1000 — failed", o.getReason());
    assertEquals(FailureKind.FAILURE_KIND_CONDITION_BREACHED, o.getFailureKind());
    assertEquals("eu-west", o.getRegion());
    assertTrue(coordinator.events().isEmpty(), "a test run is not an event: " + coordinator.events());
  }

  @Test
  void appliesTheSameTargetSafetyRules() {
    ask("req-2", check("draft", "http://169.254.169.254/latest/meta-data/", 60_000, 2000));
    Observation o = awaitResult("req-2");
    assertEquals(FailureKind.FAILURE_KIND_TARGET_REFUSED, o.getFailureKind());
  }

  @Test
  void answersBusyAtOnceBeyondSixteenRunsInFlight() {
    for (int i = 0; i < RunOnce.MAX_AT_ONCE; i++) {
      ask("hang-" + i, check("draft-" + i, queue.url("/hang"), 60_000, 1500));
    }
    ask("one-too-many", check("draft-x", queue.url("/queues/healthy"), 60_000, 1500));
    Observation busy = awaitResult("one-too-many");
    assertEquals(FailureKind.FAILURE_KIND_INVALID_CHECK, busy.getFailureKind());
    assertTrue(busy.getReason().startsWith("probe busy: 16 test runs already in progress"), busy.getReason());
    assertTrue(result("hang-0").isEmpty(), "the busy answer came before the hanging runs ended");

    await(() -> coordinator.checkResults().size() == RunOnce.MAX_AT_ONCE + 1, () -> "every run answered");
    assertEquals(FailureKind.FAILURE_KIND_TIMEOUT, result("hang-0").orElseThrow().getFailureKind());
    ask("after", check("draft-y", queue.url("/queues/healthy"), 60_000, 1500));
    assertEquals(Outcome.OUTCOME_UP, awaitResult("after").getOutcome(), "slots free again");
  }

  @Test
  void dropsTheResultWhenItsStreamIsGone() {
    ask("lost", check("draft", queue.url("/slow"), 60_000, 2000));
    await(() -> queue.maxConcurrentSlow() == 1, () -> "the run started");
    coordinator.dropStreams();
    await(() -> coordinator.acceptedStreams().size() == 2 && probe.linkConnected(), () -> "probe reconnected");
    ask("next", check("draft", queue.url("/slow"), 60_000, 2000));
    awaitResult("next");
    assertTrue(result("lost").isEmpty(), "the first result had nowhere to go");
  }
}
