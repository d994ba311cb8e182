package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.config.CoordinatorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code java -jar coordinator.jar}: the server's options as before, and {@code apply} beside them. */
class CoordinatorCommandLineTest {
  @Test
  void theServerCommandStillTakesItsFlagsAndEnvironment() {
    String[] args = {"--http-port", "9999", "--cluster-members", "10.0.0.2:5701"};
    CommandLine cli = CoordinatorMain.commandLine(args, Map.of("QUORATE_GRPC_PORT", "9191",
        "QUORATE_DELIVERY_MAX_ATTEMPTS", "4"));

    CommandLine.ParseResult parsed = cli.parseArgs(args);

    assertEquals(false, parsed.hasSubcommand());
    CoordinatorConfig config = ((CoordinatorMain) cli.getCommand()).toConfig();
    assertEquals(9999, config.httpPort());
    assertEquals(9191, config.grpcPort());
    assertEquals(4, config.deliveryMaxAttempts());
    assertEquals(1, config.clusterMembers().size());
  }

  @Test
  void helpListsTheApplySubcommand() {
    StringWriter out = new StringWriter();
    CommandLine cli = CoordinatorMain.commandLine(new String[] {"--help"}, Map.of()).setOut(new PrintWriter(out));

    assertEquals(0, cli.execute("--help"));
    assertTrue(out.toString().contains("--http-port"), out.toString());
    assertTrue(out.toString().contains("apply"), out.toString());
  }
}
