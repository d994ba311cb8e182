package io.quorate.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.config.ConfigException;
import io.quorate.coordinator.config.CoordinatorConfig;
import io.quorate.coordinator.config.EnvironmentAndFileDefaults;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code --delivery-claim}: how long a node holds a notification it sends, so how soon another node takes it
 * over after a crash; never shorter than a send may take on a live node.
 */
class DeliveryClaimConfigTest {
  @Test
  void defaultsToThirtySeconds() {
    assertEquals(Duration.ofSeconds(30), configFrom(Map.of()).deliveryClaim());
  }

  @Test
  void comesFromTheEnvironment() {
    assertEquals(Duration.ofSeconds(12), configFrom(Map.of("QUORATE_DELIVERY_CLAIM", "12s")).deliveryClaim());
  }

  @ParameterizedTest
  @ValueSource(strings = {"10s", "11s", "500ms", "soon"})
  void refusesAClaimThatCouldRunOutMidSend(String claim) {
    ConfigException refused = assertThrows(ConfigException.class,
        () -> configFrom(Map.of("QUORATE_DELIVERY_CLAIM", claim)));
    assertTrue(refused.getMessage().contains("delivery-claim"), refused.getMessage());
  }

  private static CoordinatorConfig configFrom(Map<String, String> environment) {
    CoordinatorMain main = new CoordinatorMain();
    new CommandLine(main).setDefaultValueProvider(new EnvironmentAndFileDefaults(environment, new Properties()))
        .parseArgs();
    return main.toConfig();
  }
}
