package io.quorate.probe.link;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quorate.link.v1.Goaway;
import io.quorate.link.v1.ProbeHealth;
import io.quorate.probe.HostPort;
import io.quorate.probe.ProbeConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientOptions;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one bidirectional {@code ProbeLink.Connect} stream open to a coordinator. When a stream ends, fails,
 * is refused, or stays silent for the idle timeout, it is closed and the next coordinator in the list is
 * tried after an exponential backoff with jitter. Events come from the {@link Outbox}: after each
 * (re)connect every unacknowledged event is sent again in order, then new ones as they are added.
 * About once a second it sends a watermark ({@code receivedBefore}: given the last sequence number sent,
 * the time before which every ping received has been sent). Assignments go to {@link Assignments}; requests to run a check once go to {@link RunRequests}, whose
 * results travel back on the stream that asked, outside the outbox.
 *
 * <p>All methods run on the probe node's event loop, except {@link #connected()} and
 * {@link #coordinator()}, which may be read from any thread.
 */
public final class LinkClient {
  private static final Logger log = LoggerFactory.getLogger(LinkClient.class);
  private static final long MAX_MESSAGE_BYTES = 64L * 1024 * 1024;

  private final Vertx vertx;
  private final ProbeConfig config;
  private final Outbox outbox;
  private final Assignments assignments;
  private final RunRequests runRequests;
  private final List<HostPort> coordinators;
  private final Backoff backoff;
  private final GrpcClient grpc;
  private final Counter reconnects;
  private final LongUnaryOperator receivedBefore;
  private final Supplier<ProbeHealth> health;
  private LinkStream current;
  private int nextCoordinator;
  private int failedAttempts;
  private long reconnectTimer = -1;
  private boolean closing;
  /** The last stream ended with a Goaway: the next coordinator is tried at once, not after a backoff. */
  private boolean reconnectAtOnce;
  private volatile boolean connected;
  private volatile HostPort connectedTo;

  public LinkClient(Vertx vertx, ProbeConfig config, Outbox outbox, Assignments assignments,
      RunRequests runRequests, MeterRegistry registry, RandomGenerator random, LongUnaryOperator receivedBefore,
      Supplier<ProbeHealth> health) {
    this.vertx = vertx;
    this.config = config;
    this.outbox = outbox;
    this.assignments = assignments;
    this.runRequests = runRequests;
    this.receivedBefore = receivedBefore;
    this.health = health;
    this.coordinators = config.coordinatorAddresses();
    this.backoff = new Backoff(config.reconnectBackoffMin(), config.reconnectBackoffMax(), random);
    HttpClientOptions http = new HttpClientOptions()
        .setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false)
        .setConnectTimeout((int) config.linkConnectTimeout().toMillis());
    LinkClientTls.apply(http, config.linkTls());
    warnIfPlaintextBeyondThisMachine(config);
    this.grpc = GrpcClient.client(vertx, new GrpcClientOptions().setMaxMessageSize(MAX_MESSAGE_BYTES), http);
    this.reconnects = Counter.builder("quorate.probe.link.reconnects")
        .description("Times the link to a coordinator was reopened").register(registry);
    Gauge.builder("quorate.probe.link.connected", this, c -> c.connected ? 1 : 0)
        .description("1 while a coordinator has welcomed this probe on an open stream").register(registry);
    outbox.onAppend(this::eventAdded);
  }

  private static void warnIfPlaintextBeyondThisMachine(ProbeConfig config) {
    boolean remote = config.coordinatorAddresses().stream()
        .anyMatch(c -> !c.host().equals("localhost") && !c.host().startsWith("127.") && !c.host().equals("::1"));
    if (!config.linkTls().enabled() && remote) {
      log.warn("probe link is plaintext: the probe token and events cross the network unencrypted;"
          + " set --coordinator-tls outside a private network");
    }
  }

  /** Opens the first stream; later ones open by themselves. */
  public void start() {
    connect();
  }

  /** True while a stream is open and the coordinator has welcomed this probe. */
  public boolean connected() {
    return connected;
  }

  /** The coordinator of the welcomed stream, if any. */
  public Optional<HostPort> coordinator() {
    return Optional.ofNullable(connected ? connectedTo : null);
  }

  /** Closes the stream and stops reconnecting. */
  public Future<Void> close() {
    closing = true;
    if (reconnectTimer >= 0) {
      vertx.cancelTimer(reconnectTimer);
    }
    if (current != null) {
      current.close("probe node closing");
    }
    connected = false;
    return grpc.close();
  }

  private void connect() {
    reconnectTimer = -1;
    if (closing) {
      return;
    }
    HostPort target = coordinators.get(nextCoordinator % coordinators.size());
    nextCoordinator = (nextCoordinator + 1) % coordinators.size();
    log.debug("probe link connecting coordinator={}", target);
    current = new LinkStream(vertx, grpc, target, config, outbox, assignments, runRequests, this,
        receivedBefore, health);
    current.open();
  }

  private void eventAdded() {
    if (current != null) {
      current.eventAdded();
    }
  }

  void welcomed(LinkStream stream, String coordinatorNodeId) {
    if (stream != current) {
      return;
    }
    failedAttempts = 0;
    connectedTo = stream.target();
    connected = true;
    log.info("probe link connected coordinator={} coordinator_node={} region={} node={} unacked_events={}",
        stream.target(), coordinatorNodeId, config.region(), config.nodeId(), outbox.size());
  }

  void closed(LinkStream stream, String reason, boolean refused) {
    if (stream != current) {
      return;
    }
    boolean wasConnected = connected;
    connected = false;
    current = null;
    if (closing) {
      return;
    }
    long delay = nextDelayMs();
    if (refused) {
      log.warn("{} coordinator={} retry_in_ms={}", reason, stream.target(), delay);
    } else if (wasConnected) {
      log.info("probe link lost coordinator={} reason=\"{}\" retry_in_ms={}", stream.target(), reason, delay);
    } else {
      log.info("probe link not established coordinator={} reason=\"{}\" retry_in_ms={}", stream.target(), reason,
          delay);
    }
    reconnects.increment();
    reconnectTimer = vertx.setTimer(Math.max(1, delay), id -> connect());
  }

  /**
   * The coordinator is shutting down and has acknowledged everything it stored (see Goaway in the proto): this
   * stream ends, and the next coordinator in the list is tried at once. Unacknowledged events go there.
   */
  void movedAway(LinkStream stream, Goaway goaway) {
    if (stream != current) {
      return;
    }
    log.info("probe link moving coordinator={} reason=\"{}\" acked_seq={} unacked_events={}", stream.target(),
        goaway.getReason(), goaway.getAckedSeq(), outbox.size());
    reconnectAtOnce = true;
    stream.close("coordinator asked this probe to move: " + goaway.getReason());
  }

  private long nextDelayMs() {
    if (reconnectAtOnce) {
      reconnectAtOnce = false;
      return 0;
    }
    return backoff.delayMs(failedAttempts++);
  }
}
