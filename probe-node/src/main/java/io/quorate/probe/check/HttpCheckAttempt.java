package io.quorate.probe.check;

import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.quorate.probe.check.RedirectPolicy.Decision;
import io.quorate.probe.check.RedirectPolicy.Follow;
import io.quorate.probe.check.RedirectPolicy.Refuse;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import java.util.HashSet;
import java.util.Set;

/**
 * One run of one HTTP check: each hop's target checked and connected to, redirects followed, the body
 * read up to its cap, the conditions judged, all within one deadline. Completes exactly once; callbacks of
 * a superseded hop or of a finished run are ignored. Runs on one event loop.
 */
final class HttpCheckAttempt {
  private final HttpCheckRunner runner;
  private final PreparedCheck check;
  private final long timeoutMs;
  private final RedirectPolicy redirects;
  private final Promise<Observation> result = Promise.promise();
  private final Set<String> visited = new HashSet<>();
  private HttpClientRequest request;
  private int hop;
  private int followed;
  private long startedAt;
  private long deadline = -1;
  private int status;
  private long certExpiresAt;

  HttpCheckAttempt(HttpCheckRunner runner, PreparedCheck check) {
    this.runner = runner;
    this.check = check;
    this.timeoutMs = check.timeoutMs();
    this.redirects = new RedirectPolicy(check.spec().getMaxRedirects());
  }

  Future<Observation> start() {
    startedAt = runner.clock().millis();
    if (check.invalidReason() != null) {
      return Future.succeededFuture(down(Failure.invalidCheck(check.invalidReason())));
    }
    HopRequest first;
    try {
      first = HopRequest.first(check.spec(), runner.userAgent(), runner.region());
    } catch (IllegalArgumentException e) {
      // Not expected after PreparedCheck's validation; the message may quote a header value, so it is dropped.
      return Future.succeededFuture(down(Failure.invalidCheck("invalid request: " + e.getClass().getSimpleName())));
    }
    deadline = runner.vertx().setTimer(timeoutMs, id -> abort(Failure.timeout(timeoutMs)));
    send(first);
    return result.future();
  }

  private void send(HopRequest next) {
    int current = ++hop;
    runner.guard().address(next.url().host())
        .compose(address -> runner.clients().client(check.spec().getInsecureSkipTlsVerify())
            .request(next.options(address, Math.max(1, timeoutMs - elapsed()))))
        .compose(started -> {
          if (stale(current)) {
            started.reset();
            return Future.failedFuture("superseded");
          }
          request = started;
          return next.sendOn(started);
        })
        .onComplete(done -> {
          if (stale(current)) {
            return;
          }
          if (done.succeeded()) {
            received(next, done.result(), current);
          } else {
            finish(down(TransportErrors.classify(done.cause(), next.url().host(), timeoutMs, false)));
          }
        });
  }

  private void received(HopRequest sent, HttpClientResponse response, int current) {
    status = response.statusCode();
    certExpiresAt = Certificates.expiresAtMs(response.request().connection());
    Decision decision = redirects.decide(sent, status, response.getHeader(HttpHeaders.LOCATION), followed, visited);
    if (decision instanceof Follow follow) {
      followed++;
      // The redirect's own body is of no interest: drop it (closing its connection if it is still coming).
      response.exceptionHandler(ignored -> { });
      request.reset();
      send(follow.next());
    } else if (decision instanceof Refuse refuse) {
      abort(Failure.targetRefused(refuse.reason()));
    } else {
      read(sent, response, current);
    }
  }

  private void read(HopRequest sent, HttpClientResponse response, int current) {
    response.exceptionHandler(error -> {
      if (!stale(current)) {
        finish(down(TransportErrors.classify(error, sent.url().host(), timeoutMs, true)));
      }
    });
    long cap = check.maxBodyBytes();
    String declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (sent.method() != HttpMethod.HEAD && BoundedBody.declaredOver(declared, cap)) {
      abort(Failure.bodyTooLarge(cap));
      return;
    }
    BoundedBody body = new BoundedBody(cap, check.needsBody());
    response.handler(chunk -> {
      if (!body.add(chunk)) {
        abort(Failure.bodyTooLarge(cap));
      }
    });
    response.endHandler(v -> {
      if (!stale(current)) {
        finish(judged(response, body));
      }
    });
  }

  private Observation judged(HttpClientResponse response, BoundedBody body) {
    Observation.Builder observation = base();
    boolean tls = response.request().connection().isSsl();
    ResponseVerdict.judge(check, new ResponseVerdict.Seen(status, observation.getLatencyMs(), body, response.headers(),
        certExpiresAt - observation.getObservedAtMs(), tls && certExpiresAt > 0), observation);
    return observation.setReason(redact(observation.getReason())).build();
  }

  private boolean stale(int current) {
    return result.future().isComplete() || current != hop;
  }

  private void abort(Failure failure) {
    if (result.future().isComplete()) {
      return;
    }
    // Complete first: resetting fails the request synchronously, and that must not become the reason.
    finish(down(failure));
    if (request != null) {
      request.reset();
    }
  }

  private void finish(Observation observation) {
    if (result.tryComplete(observation) && deadline >= 0) {
      runner.vertx().cancelTimer(deadline);
    }
  }

  private Observation down(Failure failure) {
    return base().setOutcome(Outcome.OUTCOME_DOWN).setReason(redact(failure.reason()))
        .setFailureKind(failure.kind()).build();
  }

  private Observation.Builder base() {
    return Observation.newBuilder()
        .setMonitorId(check.spec().getMonitorId())
        .setMonitorVersion(check.spec().getVersion())
        .setRegion(runner.region())
        .setObservedAtMs(runner.clock().millis())
        .setLatencyMs(elapsed())
        .setStatusCode(status)
        .setCertExpiresAtMs(certExpiresAt);
  }

  private String redact(String reason) {
    return Redaction.redact(reason, check.spec().getHeadersMap());
  }

  private long elapsed() {
    return Math.max(0, runner.clock().millis() - startedAt);
  }
}
