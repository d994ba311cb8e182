package io.quorate.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The one-command local stack: embedded PostgreSQL, two clustered coordinators, three probe regions, a
 * demo queue service and a webhook sink on this machine. Runs until Ctrl-C.
 */
@Command(name = "quorate-local", mixinStandardHelpOptions = true, version = "quorate-local 0.1.0-SNAPSHOT",
    description = "Starts Quorate on this machine: embedded PostgreSQL, two clustered coordinators, probe nodes in"
        + " eu-west, us-east and ap-south, a demo queue service whose regions you can make fail, and a webhook"
        + " sink. Creates sample monitors, prints where to look, and stops everything on Ctrl-C.",
    footer = {"", "Build the jars first: mvn -B -ntp package -DskipTests (deploy/local/run.sh does both)."})
public final class LocalMain implements Callable<Integer> {

  @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "8080",
      description = "First coordinator's HTTP port; every other port keeps its distance from it"
          + " (8080 gives 8082, 8090, 8091, 8181-8183, 9090, 9092, 5701, 5702). Default: ${DEFAULT-VALUE}.")
  int basePort;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".quorate-local",
      description = "PostgreSQL data, tokens and logs; kept across runs, delete it to start over. Default: ${DEFAULT-VALUE}.")
  Path dataDir;

  @Option(names = "--jars-dir", paramLabel = "DIR",
      description = "Where coordinator.jar and probe-node.jar are (directly, or as coordinator/target/... under it)."
          + " Default: the repository found upwards from the current directory or from this launcher's jar.")
  Path jarsDir;

  @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "90",
      description = "How long to wait for the coordinators to answer /health. Default: ${DEFAULT-VALUE}.")
  int startupTimeoutSeconds;

  public static void main(String[] args) {
    int exit = new CommandLine(new LocalMain()).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
    // Success means the stack runs: keep the JVM alive until Ctrl-C runs the shutdown hook.
  }

  @Override
  public Integer call() throws InterruptedException {
    Console console = Console.system();
    LocalStack stack;
    try {
      if (startupTimeoutSeconds < 1) {
        throw new LaunchException("--startup-timeout: must be at least 1 second");
      }
      Topology topology = Topology.withBasePort(basePort);
      stack = new LocalStack(new LocalStack.Settings(topology, dataDir, Optional.ofNullable(jarsDir),
          Duration.ofSeconds(startupTimeoutSeconds)), console);
    } catch (LaunchException e) {
      console.alert("cannot start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "quorate-local-shutdown"));
    try {
      stack.start();
    } catch (LaunchException | RuntimeException e) {
      if (!stack.isClosed()) { // else Ctrl-C interrupted the start: nothing to report
        console.alert("startup failed: " + Await.describe(e));
      }
      stack.close();
      return 1;
    }
    Thread.currentThread().join(); // until Ctrl-C; the shutdown hook stops the stack
    return 0;
  }
}
