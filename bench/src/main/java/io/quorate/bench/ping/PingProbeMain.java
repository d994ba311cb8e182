package io.quorate.bench.ping;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.bench.support.Args;
import io.quorate.bench.support.ChildJvm;
import io.quorate.bench.support.ParentWatch;
import io.quorate.bench.support.Result;
import io.quorate.probe.ProbeConfig;
import io.quorate.probe.ProbeNode;
import io.quorate.probe.ProbeVertx;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The probe JVM: a real probe node, with Vert.x made as {@code ProbeMain} makes it, its spool in
 * {@code --spool-dir} with the production size limit, linked over gRPC to the sink. Ready once the sink's
 * heartbeats are assigned (until then every ping would be a 503).
 */
public final class PingProbeMain {
  private PingProbeMain() {
  }

  public static void main(String[] words) throws InterruptedException {
    Args args = Args.parse(words).requireKnown(Set.of("sink", "spool-dir"));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = ProbeVertx.create(registry);
    ProbeConfig config = ProbeConfig.forRegion("bench", List.of(args.required("sink")), PingSink.TOKEN)
        .withHttp("127.0.0.1", 0)
        .withSpool(Path.of(args.required("spool-dir")), ProbeConfig.DEFAULT_SPOOL_MAX_BYTES);
    ProbeNode node = ProbeNode.start(vertx, config, Clock.systemUTC(), registry).await();
    while (!node.linkConnected()) {
      Thread.sleep(50);
    }
    ParentWatch.exitWhenStdinCloses();
    ChildJvm.printReady(new Result().put("http_port", node.httpPort()));
  }
}
