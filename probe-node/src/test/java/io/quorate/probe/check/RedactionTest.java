package io.quorate.probe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {
  private static final Map<String, String> HEADERS = Map.of("Authorization", "Bearer abc123token",
      "X-Api-Key", "k3y-value-9", "Accept", "json");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "invalid header value Bearer abc123token      | invalid header value ****",
      "token abc123token was refused                | token **** was refused",
      "key k3y-value-9 in message                   | key **** in message",
      "Accept json is too short to be a secret      | Accept json is too short to be a secret",
      "[STATUS] (401) is not 2xx                    | [STATUS] (401) is not 2xx"})
  void masksHeaderValuesInReasons(String reason, String shown) {
    assertEquals(shown, Redaction.redact(reason, HEADERS));
  }
}
