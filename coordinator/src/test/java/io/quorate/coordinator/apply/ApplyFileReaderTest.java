package io.quorate.coordinator.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading monitors.yaml: the JSON the API gets, and an error naming the line for each kind of bad file. */
class ApplyFileReaderTest {
  private static final Map<String, String> ENV = Map.of("TOKEN", "t0k$n", "EMPTY", "");

  @Test
  void turnsItemsIntoTheApiJsonWithTypedScalarsAndTheEnvironment() {
    DesiredState state = read("""
        monitors:
          - name: " Orders "
            type: http
            quorum: 2
            tls_verify: false
            max_failure_ratio: 0.05
            sla: ~
            headers: {Authorization: "Bearer ${TOKEN}", X-Cost: "$$5 ${EMPTY}"}
            regions: [eu-west]
        channels:
        """);

    assertTrue(state.channels().isEmpty());
    FileItem orders = state.monitors().get(0);
    assertEquals("Orders", orders.name());
    assertEquals(2, orders.line());
    assertEquals(new JsonObject().put("name", "Orders").put("type", "http").put("quorum", 2).put("tls_verify", false)
        .put("max_failure_ratio", 0.05).putNull("sla")
        .put("headers", new JsonObject().put("Authorization", "Bearer t0k$n").put("X-Cost", "$5 "))
        .put("regions", new JsonArray().add("eu-west")), orders.body());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not YAML | 'monitors: [a'"
          + " | (line 1): not valid YAML",
      "not a mapping | '- a'"
          + " | (line 1): must be a mapping with channels: and monitors:",
      "unknown top-level key | 'monitor: []'"
          + " | monitor (line 1): unknown top-level key",
      "list expected | 'monitors: {name: a}'"
          + " | monitors (line 1): must be a list",
      "item not a mapping | 'monitors: [a]'"
          + " | monitors[0] (line 1): must be a mapping",
      "no name | 'monitors: [{type: http}]'"
          + " | monitors[0] (line 1): name: is required",
      "blank name | 'monitors: [{name: \" \"}]'"
          + " | monitors[0] (line 1): name: is required",
      "same name twice | 'channels: [{name: a}, {name: a}]'"
          + " | channels[1] \"a\" (line 1): name: is also the name of channels[0]",
      "unset variable | 'channels: [{name: a, url: \"${NOPE}\"}]'"
          + " | channels[0].url (line 1): ${NOPE} is not set in the environment",
      "key given twice | 'channels: [{name: a, url: x, url: y}]'"
          + " | channels[0].url (line 1): is given twice",
  })
  void refusesABadFileNamingWhereTheProblemIs(String what, String yaml, String expected) {
    ApplyException refused = assertThrows(ApplyException.class, () -> read(yaml));
    assertTrue(refused.getMessage().contains(expected), refused.getMessage());
  }

  private static DesiredState read(String yaml) {
    try {
      Path file = Files.createTempFile("monitors", ".yaml");
      Files.writeString(file, yaml);
      return ApplyFileReader.read(file, ENV);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
