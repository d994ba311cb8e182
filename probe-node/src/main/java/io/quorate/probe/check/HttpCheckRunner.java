package io.quorate.probe.check;

import io.quorate.link.v1.Observation;
import io.quorate.probe.target.TargetGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * Runs HTTP checks. Each run has one hard deadline (the check's timeout, redirects and a slowly dripping
 * body included), reads at most the check's body cap, sends {@code User-Agent: quorate-probe/<version>}
 * and {@code X-Quorate-Region: <region>}, and connects only to addresses the {@link TargetGuard} allows,
 * on every redirect hop.
 */
public final class HttpCheckRunner implements CheckRunner {
  private final Vertx vertx;
  private final CheckClients clients;
  private final TargetGuard guard;
  private final Clock clock;
  private final String region;
  private final String userAgent;

  public HttpCheckRunner(Vertx vertx, CheckClients clients, TargetGuard guard, Clock clock, String region,
      String version) {
    this.vertx = vertx;
    this.clients = clients;
    this.guard = guard;
    this.clock = clock;
    this.region = region;
    this.userAgent = "quorate-probe/" + version;
  }

  @Override
  public Future<Observation> run(PreparedCheck check) {
    return new HttpCheckAttempt(this, check).start();
  }

  Vertx vertx() {
    return vertx;
  }

  CheckClients clients() {
    return clients;
  }

  TargetGuard guard() {
    return guard;
  }

  Clock clock() {
    return clock;
  }

  String region() {
    return region;
  }

  String userAgent() {
    return userAgent;
  }
}
