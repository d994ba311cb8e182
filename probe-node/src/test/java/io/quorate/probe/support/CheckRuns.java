package io.quorate.probe.support;

import io.quorate.link.v1.HttpCheck;
import io.quorate.link.v1.Observation;
import io.quorate.probe.check.CheckClients;
import io.quorate.probe.check.HttpCheckRunner;
import io.quorate.probe.check.PreparedCheck;
import io.quorate.probe.target.AddressRules;
import io.quorate.probe.target.HostResolver;
import io.quorate.probe.target.TargetGuard;
import io.quorate.probe.target.VertxHostResolver;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real HTTP check runner, without a probe node around it: runs checks one at a time on one event loop
 * (as the node does) and waits for the observation on the test thread.
 */
public final class CheckRuns implements AutoCloseable {
  public static final String REGION = "eu-west";
  public static final String VERSION = "9.9.9";

  private final Context context;
  private final CheckClients clients;
  private final HttpCheckRunner runner;

  private CheckRuns(Vertx vertx, List<String> allowed, HostResolver resolver) {
    this.context = vertx.getOrCreateContext();
    this.clients = new CheckClients(vertx, 64);
    TargetGuard guard = new TargetGuard(AddressRules.allowing(allowed), resolver);
    this.runner = new HttpCheckRunner(vertx, clients, guard, Clock.systemUTC(), REGION, VERSION);
  }

  /** Loopback allowed, names resolved as the probe resolves them. */
  public static CheckRuns loopbackAllowed(Vertx vertx) {
    return new CheckRuns(vertx, List.of("127.0.0.0/8"), new VertxHostResolver(vertx));
  }

  public static CheckRuns allowing(Vertx vertx, List<String> allowed) {
    return new CheckRuns(vertx, allowed, new VertxHostResolver(vertx));
  }

  /** With a stand-in for DNS: names resolve to whatever the test says. */
  public static CheckRuns resolving(Vertx vertx, List<String> allowed, HostResolver resolver) {
    return new CheckRuns(vertx, allowed, resolver);
  }

  public Future<Observation> start(HttpCheck check) {
    Promise<Observation> done = Promise.promise();
    context.runOnContext(v -> runner.run(PreparedCheck.of(check)).onComplete(done));
    return done.future();
  }

  public Observation run(HttpCheck check) {
    try {
      return start(check).await(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no observation within 20 s for " + check.getUrl(), e);
    }
  }

  public HttpCheckRunner runner() {
    return runner;
  }

  @Override
  public void close() {
    clients.close().await();
  }
}
