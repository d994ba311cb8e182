package io.quorate.deploy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy/grafana/quorate.json}: parses, and every metric its queries use is exported. Quorate's own
 * meters are registered in places that run only when something happens (an incident, a refused link), so
 * their names come from the meter registrations in the sources; Vert.x's and the JVM's come from a real
 * Vert.x with the same metrics options, scraped after it served a request and a message.
 */
final class DashboardCheck {
  private static final Pattern METRIC = Pattern.compile("\\b((?:quorate|vertx|jvm|process|system)_[a-z0-9_]+)\\b");
  private static final Pattern REGISTRATION = Pattern.compile(
      "(?:builder|counter|gauge|timer|summary)\\(\\s*\"(quorate[._][a-z0-9._]+)\"");
  /** What Micrometer's Prometheus naming adds to a meter name, by meter type and base unit. */
  private static final List<String> SUFFIXES = List.of("", "_total", "_seconds", "_seconds_count", "_seconds_sum",
      "_seconds_max", "_seconds_bucket", "_count", "_sum", "_max", "_bucket");

  private DashboardCheck() {}

  static void check(Problems problems) {
    Path file = RepositoryFiles.deploy("grafana/quorate.json");
    JsonObject dashboard = new JsonObject(RepositoryFiles.read(file));
    Set<String> used = new TreeSet<>();
    expressions(dashboard, used);
    if (used.isEmpty()) {
      problems.add("deploy/grafana/quorate.json", "no Prometheus queries");
    }
    Set<String> registered = quorateMeterNames();
    Set<String> scraped = vertxAndJvmMetricNames();
    for (String metric : used) {
      boolean exported = metric.startsWith("quorate_")
          ? registered.stream().anyMatch(name -> SUFFIXES.stream().anyMatch(s -> metric.equals(name + s)))
          : scraped.contains(metric);
      if (!exported) {
        problems.add("deploy/grafana/quorate.json", "metric " + metric + " is exported by neither process");
      }
    }
  }

  /** Meter names registered in the coordinator's and probe node's sources, in Prometheus spelling. */
  static Set<String> quorateMeterNames() {
    Set<String> names = new TreeSet<>();
    for (String module : List.of("coordinator", "probe-node")) {
      for (Path source : RepositoryFiles.filesUnder(RepositoryFiles.root().resolve(module + "/src/main/java"), ".java")) {
        Matcher registration = REGISTRATION.matcher(RepositoryFiles.read(source));
        while (registration.find()) {
          names.add(registration.group(1).replace('.', '_'));
        }
      }
    }
    return names;
  }

  /** Runs on the test thread, so waiting here blocks no event loop. */
  static Set<String> vertxAndJvmMetricNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setJvmMetricsEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry)).build();
    try {
      int port = vertx.createHttpServer().requestHandler(request -> request.response().end("ok")).listen(0, "127.0.0.1")
          .await().actualPort();
      vertx.createHttpClient().request(HttpMethod.GET, port, "127.0.0.1", "/health")
          .compose(request -> request.send().compose(response -> response.body())).await();
      vertx.eventBus().consumer("check", message -> message.reply("ok"));
      vertx.eventBus().request("check", "ping").await();
      Set<String> names = new TreeSet<>();
      registry.scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
          .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
      return names;
    } finally {
      vertx.close().await();
    }
  }

  private static void expressions(Object node, Set<String> metrics) {
    if (node instanceof JsonObject object) {
      object.forEach(entry -> {
        if (entry.getKey().equals("expr")) {
          Matcher metric = METRIC.matcher(String.valueOf(entry.getValue()));
          while (metric.find()) {
            metrics.add(metric.group(1));
          }
        } else {
          expressions(entry.getValue(), metrics);
        }
      });
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> expressions(item, metrics));
    }
  }
}
