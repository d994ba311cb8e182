package io.quorate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, for real: the launcher's shaded jar started from the repository root as
 * deploy/local/run.sh starts it. It must print its banner, let the printed admin sign in to the team view
 * with the printed password, show the sample monitors and the public status page, and stop everything it
 * started on SIGTERM (what Ctrl-C sends).
 */
class LocalLauncherIT {
  private static final Duration START = Duration.ofMinutes(4);
  private static final Pattern PASSWORD = Pattern.compile("Password\\s+(\\S+)");
  // HTTP/1.1: the JDK client's default h2c upgrade can hang past its request timeout on larger answers.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void startsSignsInShowsTheSamplesAndStopsEverything() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent().getParent();
    Path dataDir = Files.createTempDirectory("quorate-local-it-");
    Path log = Path.of("target", "local-launcher-it.log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    int basePort = freeBasePort();
    Topology topology = Topology.withBasePort(basePort);
    Process launcher = new ProcessBuilder("java", "-jar", "deploy/local/target/quorate-local.jar",
        "--base-port", Integer.toString(basePort), "--data-dir", dataDir.toString())
        .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      String banner = awaitBanner(launcher, log);
      Matcher password = PASSWORD.matcher(banner);
      assertTrue(password.find(), banner);
      String app = "http://127.0.0.1:" + topology.coordinators().get(0).httpPort();

      HttpResponse<String> signIn = send(HttpRequest.newBuilder(URI.create(app + "/api/v1/session"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password.group(1) + "\"}")));
      assertEquals(200, signIn.statusCode(), signIn.body());
      String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      HttpResponse<String> monitors = send(HttpRequest.newBuilder(URI.create(app + "/api/v1/monitors")).header("Cookie", cookie));
      assertTrue(monitors.body().contains("Receipt emails queue") && monitors.body().contains("Nightly invoice export"),
          monitors.body());
      HttpResponse<String> status = send(HttpRequest.newBuilder(URI.create(app + "/status")));
      assertEquals(200, status.statusCode());
      assertTrue(status.body().contains("Receipt emails queue"), "the sample queue is a public component");
    } finally {
      launcher.destroy(); // SIGTERM
      boolean ended = launcher.waitFor(90, TimeUnit.SECONDS);
      if (!ended) {
        launcher.destroyForcibly();
      }
      assertTrue(ended, "the launcher stops on SIGTERM");
    }
    for (int port : List.of(topology.coordinators().get(0).httpPort(), topology.probes().get(0).httpPort())) {
      assertTrue(PortCheck.isFree(port), "nothing is left listening on " + port + " after the launcher stopped");
    }
  }

  private String awaitBanner(Process launcher, Path log) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      String output = Files.readString(log);
      if (output.contains("Ctrl-C stops everything")) {
        return output;
      }
      if (!launcher.isAlive()) {
        throw new AssertionError("the launcher exited with " + launcher.exitValue() + ":\n" + output);
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no banner within " + START + ":\n" + Files.readString(log));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A base port whose every derived port is free now (the launcher refuses busy ones by name). */
  private static int freeBasePort() throws LaunchException {
    Random random = new Random();
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20_000 + 200 * random.nextInt(150);
      if (Topology.withBasePort(base).portUses().keySet().stream().allMatch(PortCheck::isFree)) {
        return base;
      }
    }
    throw new AssertionError("no free base port found");
  }
}
