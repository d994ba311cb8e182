package io.quorate.probe;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/** The Vert.x a probe node runs on in production; the benchmark builds it here too, so it pays the same. */
public final class ProbeVertx {
  private ProbeVertx() {
  }

  /**
   * Vert.x with JVM and event-loop metrics in {@code registry}. Vert.x's HTTP and TCP client metrics stay
   * off: they would time every check request again, per target address, at thousands per second, and the
   * probe already records its own check latency, lateness and outcomes. Its HTTP server metrics stay off
   * too: at tens of thousands of pings a second, looking up and updating Vert.x's per-request meters took
   * about a tenth of the event loop (bench/README.md, ping benchmark), and
   * {@code quorate_probe_pings_total{result}} already counts every ping by answer.
   */
  public static Vertx create(PrometheusMeterRegistry registry) {
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setJvmMetricsEnabled(true)
            .addDisabledMetricsCategory(MetricsDomain.HTTP_CLIENT)
            .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
            .addDisabledMetricsCategory(MetricsDomain.NET_CLIENT)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }
}
