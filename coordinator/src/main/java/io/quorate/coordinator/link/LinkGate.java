package io.quorate.coordinator.link;

import io.micrometer.core.instrument.MeterRegistry;
import io.quorate.coordinator.auth.TokenVerifier;
import io.quorate.coordinator.probetoken.LinkRefusedException;
import io.quorate.coordinator.probetoken.ProbeAuthenticator;
import io.quorate.coordinator.probetoken.ProbeCredential;
import io.quorate.coordinator.probetoken.RefusalReason;
import io.quorate.coordinator.probetoken.Refusals;
import io.quorate.link.v1.CoordinatorMessage;
import io.quorate.link.v1.ProbeMessage;
import io.vertx.core.Future;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServerRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides from a new stream's headers whom it speaks for, before any message is read, and turns every refusal
 * into a metric and (at most once per source every few seconds, see {@link RefusalThrottle}) a log line (never
 * the token) and a row operators read through the API.
 */
final class LinkGate {
  private static final Logger log = LoggerFactory.getLogger(LinkGate.class);
  /** Sent by probes beside Hello, so a link refused before any message is read still shows its region. */
  private static final String REGION_HEADER = "quorate-region";
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");
  private final ProbeAuthenticator tokens;
  private final Refusals refusals;
  private final Clock clock;
  private final String nodeId;
  private final MeterRegistry registry;
  private final RefusalThrottle throttle = new RefusalThrottle();

  LinkGate(ProbeAuthenticator tokens, Refusals refusals, Clock clock, String nodeId, MeterRegistry registry) {
    this.tokens = tokens;
    this.refusals = refusals;
    this.clock = clock;
    this.nodeId = nodeId;
    this.registry = registry;
  }

  /**
   * @return succeeds with the stream's credential; fails with {@link LinkRefusedException} (already logged and
   *     recorded) when the token is missing, unknown, revoked or of another region than the header names, or with
   *     the database's error when the token could not be checked
   */
  Future<ProbeCredential> admit(GrpcServerRequest<ProbeMessage, CoordinatorMessage> stream) {
    Optional<String> claimed = Optional.ofNullable(stream.headers().get(REGION_HEADER))
        .filter(region -> REGION.matcher(region).matches());
    return tokens.authenticate(TokenVerifier.bearer(stream.headers().get("authorization")))
        .compose(credential -> claimed.isEmpty() || credential.allows(claimed.get()) ? Future.succeededFuture(credential)
            : Future.failedFuture(wrongRegion(credential, claimed.get())))
        .onFailure(error -> {
          if (error instanceof LinkRefusedException refused) {
            refuse(stream, claimed, refused);
          } else {
            log.warn("probe link not accepted: token not checked remote={} error={}", remoteHost(stream), error.toString());
          }
        });
  }

  /** Logs and records a refused link; returns the status to end its stream with. */
  GrpcStatus refuse(GrpcServerRequest<ProbeMessage, CoordinatorMessage> stream, Optional<String> regionClaimed,
      LinkRefusedException refusal) {
    String remote = remoteHost(stream);
    registry.counter("quorate_probe_links_refused_total", "reason", refusal.reason().code()).increment();
    String source = String.join(" ", remote, refusal.reason().code(), regionClaimed.orElse("-"),
        refusal.tokenId().map(UUID::toString).orElse("-"));
    if (!throttle.shouldRecord(source, clock.instant())) {
      return status(refusal); // the same source was logged and stored moments ago; the metric counts this one
    }
    log.warn("probe link refused reason={} message=\"{}\" region_claimed={} token_id={} remote={}",
        refusal.reason().code(), refusal.getMessage(), regionClaimed.orElse("-"),
        refusal.tokenId().map(UUID::toString).orElse("-"), remote);
    refusals.record(new Refusals.Refusal(clock.instant(), nodeId, remote, regionClaimed, refusal.tokenId(),
            refusal.reason(), refusal.getMessage()))
        .onFailure(error -> log.warn("probe link refusal not recorded error={}", error.toString()));
    return status(refusal);
  }

  /** Not a credential at all: UNAUTHENTICATED; a valid one asking for another region: PERMISSION_DENIED. */
  static GrpcStatus status(LinkRefusedException refusal) {
    return refusal.reason().denied() ? GrpcStatus.PERMISSION_DENIED : GrpcStatus.UNAUTHENTICATED;
  }

  static LinkRefusedException wrongRegion(ProbeCredential credential, String claimed) {
    String speaksFor = credential instanceof ProbeCredential.RegionToken token ? token.region() : "?";
    return new LinkRefusedException(RefusalReason.WRONG_REGION, "this probe token speaks for region " + speaksFor
        + ", not " + claimed, credential.tokenId());
  }

  private static String remoteHost(GrpcServerRequest<ProbeMessage, CoordinatorMessage> stream) {
    var address = stream.connection().remoteAddress();
    return address == null ? "unknown" : address.hostAddress() == null ? address.toString() : address.hostAddress();
  }
}
