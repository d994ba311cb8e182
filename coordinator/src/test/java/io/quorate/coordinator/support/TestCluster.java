package io.quorate.coordinator.support;

import io.quorate.coordinator.Coordinator;
import io.quorate.coordinator.config.CoordinatorConfig;
import io.quorate.coordinator.config.HostPort;
import io.quorate.coordinator.config.ProbeHealthLimits;
import io.quorate.coordinator.config.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Real coordinator nodes in this JVM: each its own clustered Vert.x with its own Hazelcast member,
 * joined over TCP on loopback, sharing one PostgreSQL database.
 */
public final class TestCluster implements AutoCloseable {
  public static final String ADMIN_TOKEN = "test-admin-token";
  public static final String PROBE_TOKEN = "test-probe-token";
  private final List<Coordinator> nodes = new ArrayList<>();
  private final List<Boolean> running = new ArrayList<>();

  private TestCluster() {}

  public static TestCluster start(int size, TestDatabase database, Duration deliveryRetryBase) {
    return start(size, database, deliveryRetryBase, Clock.systemUTC());
  }

  /** @param clock every node's clock, e.g. a {@link TestClock} the test moves */
  public static TestCluster start(int size, TestDatabase database, Duration deliveryRetryBase, Clock clock) {
    return start(size, database, deliveryRetryBase, 10, clock);
  }

  /** @param deliveryMaxAttempts attempts before a notification is marked failed */
  public static TestCluster start(int size, TestDatabase database, Duration deliveryRetryBase, int deliveryMaxAttempts,
      Clock clock) {
    return start(size, database, deliveryRetryBase, deliveryMaxAttempts, clock, probeHealthFor(clock));
  }

  /**
   * @param deliveryMaxAttempts attempts before a notification is marked failed
   * @param probeHealth when a probe region counts as disconnected or lagging
   */
  public static TestCluster start(int size, TestDatabase database, Duration deliveryRetryBase, int deliveryMaxAttempts,
      Clock clock, ProbeHealthLimits probeHealth) {
    return start(size, database, deliveryRetryBase, deliveryMaxAttempts, clock, probeHealth, UnaryOperator.identity());
  }

  /** @param adjust changes to each node's test configuration, e.g. TLS on the probe link */
  public static TestCluster start(int size, TestDatabase database, UnaryOperator<CoordinatorConfig> adjust) {
    return start(size, database, Duration.ofMillis(200), 10, Clock.systemUTC(), ProbeHealthLimits.DEFAULTS, adjust);
  }

  private static TestCluster start(int size, TestDatabase database, Duration deliveryRetryBase, int deliveryMaxAttempts,
      Clock clock, ProbeHealthLimits probeHealth, UnaryOperator<CoordinatorConfig> adjust) {
    List<HostPort> members = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      members.add(new HostPort("127.0.0.1", freePort()));
    }
    TestCluster cluster = new TestCluster();
    for (int i = 0; i < size; i++) {
      HostPort self = members.get(i);
      CoordinatorConfig config = new CoordinatorConfig("127.0.0.1", 0, 0, Optional.of(database.url()), Path.of("unused"),
          "127.0.0.1", self.port(), members, Optional.of(Secret.of(ADMIN_TOKEN)), Optional.of(Secret.of(PROBE_TOKEN)),
          Optional.empty(), Optional.empty(), "coordinator-" + (i + 1), deliveryRetryBase, deliveryMaxAttempts,
          Duration.ofMillis(200), probeHealth);
      cluster.nodes.add(Coordinator.start(adjust.apply(config), clock, (name, token) -> { }).await());
      cluster.running.add(true);
    }
    return cluster;
  }

  /**
   * A test that moves the clock by minutes or hours would otherwise see every probe as silent for that long
   * (their reports are stamped with the moved clock only when the next one arrives) and every region
   * excluded; such tests are about incidents, not probe health, which has tests of its own.
   */
  private static ProbeHealthLimits probeHealthFor(Clock clock) {
    return clock instanceof TestClock
        ? new ProbeHealthLimits(Duration.ofDays(3650), Duration.ofDays(3650)) : ProbeHealthLimits.DEFAULTS;
  }

  public Coordinator node(int index) {
    return nodes.get(index);
  }

  public Api api(int index) {
    return new Api(nodes.get(index).httpPort(), ADMIN_TOKEN);
  }

  /** host:port of every node's probe link, in node order. */
  public List<String> grpcAddresses() {
    return grpcAddresses("127.0.0.1");
  }

  /** The same, by this host name (as a TLS probe must name the host its certificate is for). */
  public List<String> grpcAddresses(String host) {
    return nodes.stream().map(n -> host + ":" + n.grpcPort()).toList();
  }

  public void stop(int index) {
    if (running.get(index)) {
      running.set(index, false);
      nodes.get(index).close().await();
    }
  }

  @Override
  public void close() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      stop(i);
    }
  }

  /** See {@link FreePorts}: never one the kernel may give an outgoing connection before the server binds it. */
  public static int freePort() {
    return FreePorts.next();
  }
}
