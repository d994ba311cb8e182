package io.quorate.probe.check;

import io.quorate.link.v1.CheckRunResult;
import io.quorate.link.v1.FailureKind;
import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.quorate.link.v1.RunCheck;
import io.quorate.probe.link.RunRequests;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a draft check once when a coordinator asks ("test this monitor"), with the same runner and rules as
 * scheduled runs (deadline, body cap, target safety) but outside the schedule and its concurrency limit.
 * At most {@value #MAX_AT_ONCE} run at once, so a burst of test requests cannot crowd out the scheduled
 * checks; more are answered at once with a "busy" result. Used on the probe node's event loop only.
 */
public final class RunOnce implements RunRequests {
  private static final Logger log = LoggerFactory.getLogger(RunOnce.class);
  public static final int MAX_AT_ONCE = 16;

  private final CheckRunner runner;
  private final Clock clock;
  private final String region;
  private int running;

  public RunOnce(CheckRunner runner, Clock clock, String region) {
    this.runner = runner;
    this.clock = clock;
    this.region = region;
  }

  @Override
  public void run(RunCheck request, Consumer<CheckRunResult> reply) {
    HttpCheck check = request.getCheck();
    if (running >= MAX_AT_ONCE) {
      reply.accept(result(request, refusal(check, "probe busy: " + MAX_AT_ONCE
          + " test runs already in progress, try again in a moment")));
      return;
    }
    running++;
    log.debug("test run request={} monitor={}", request.getRequestId(), check.getMonitorId());
    CheckRunner.safely(runner, PreparedCheck.of(check)).onComplete(done -> {
      running--;
      if (done.succeeded()) {
        reply.accept(result(request, done.result()));
      } else {
        log.error("test run crashed request={} error=\"{}\"", request.getRequestId(), done.cause().toString(),
            done.cause());
        reply.accept(result(request, refusal(check, "probe error while running the check")));
      }
    });
  }

  private Observation refusal(HttpCheck check, String reason) {
    return Observation.newBuilder()
        .setMonitorId(check.getMonitorId())
        .setMonitorVersion(check.getVersion())
        .setRegion(region)
        .setObservedAtMs(clock.millis())
        .setOutcome(Outcome.OUTCOME_DOWN)
        .setReason(reason)
        .setFailureKind(FailureKind.FAILURE_KIND_INVALID_CHECK)
        .build();
  }

  private static CheckRunResult result(RunCheck request, Observation observation) {
    return CheckRunResult.newBuilder().setRequestId(request.getRequestId()).setObservation(observation).build();
  }
}
