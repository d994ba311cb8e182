package io.quorate.coordinator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitorRequestsTest {
  private static final List<String> KNOWN = List.of("ap-south", "eu-west", "us-east");
  private static final String VALID_HTTP = """
      {"name":"Receipts","type":"http","url":"https://billing.example/queues/receipts",
       "conditions":["[STATUS] == 200","[BODY].enqueued < 1000"],"regions":["eu-west","us-east","ap-south"]}""";

  @Test
  void fillsSensibleDefaultsForAnHttpMonitor() {
    MonitorDraft draft = MonitorRequests.parse(new JsonObject(VALID_HTTP), Optional.empty(), KNOWN);
    HttpSpec spec = assertInstanceOf(HttpSpec.class, draft.spec());
    assertEquals("GET", spec.method());
    assertEquals(Duration.ofSeconds(30), spec.interval());
    assertEquals(Duration.ofSeconds(10), spec.timeout());
    assertEquals(2, spec.quorum(), "majority of three regions");
    assertEquals(2, spec.confirmations());
  }

  @Test
  void defaultsToEveryRegionThatHasConnected() {
    JsonObject body = new JsonObject(VALID_HTTP);
    body.remove("regions");
    HttpSpec spec = (HttpSpec) MonitorRequests.parse(body, Optional.empty(), KNOWN).spec();
    assertEquals(KNOWN, spec.regions());
  }

  @Test
  void keepsStoredHeaderValuesSentBackRedacted() {
    JsonObject body = new JsonObject(VALID_HTTP).put("headers", new JsonObject().put("Authorization", "****").put("X-Team", "billing"));
    HttpSpec stored = new HttpSpec("https://x.example", "GET", Map.of("Authorization", "Bearer s3cret"), Duration.ofSeconds(30),
        Duration.ofSeconds(5), List.of(), KNOWN, 2, 2);
    Monitor existing = new Monitor(UUID.randomUUID(), "Receipts", stored, 1, Instant.EPOCH, Instant.EPOCH, Optional.empty());
    HttpSpec spec = (HttpSpec) MonitorRequests.parse(body, Optional.of(existing), KNOWN).spec();
    assertEquals(Map.of("Authorization", "Bearer s3cret", "X-Team", "billing"), spec.headers());
  }

  @Test
  void keepsTheHeartbeatPingIdAcrossEdits() {
    UUID pingId = UUID.randomUUID();
    Monitor existing = new Monitor(UUID.randomUUID(), "Nightly", new HeartbeatSpec(pingId, Duration.ofMinutes(5), Duration.ofMinutes(1)),
        1, Instant.EPOCH, Instant.EPOCH, Optional.empty());
    JsonObject body = new JsonObject().put("name", "Nightly").put("type", "heartbeat").put("period", "10m");
    HeartbeatSpec spec = (HeartbeatSpec) MonitorRequests.parse(body, Optional.of(existing), KNOWN).spec();
    assertEquals(pingId, spec.pingId());
    assertEquals(Duration.ofMinutes(10), spec.period());
  }

  /** Each row: a JSON patch applied to a valid HTTP monitor, the field named in the error, and words of the message. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing name            | {"name":null}                          | name          | is required
      blank name              | {"name":"  "}                          | name          | 1 to 200 characters
      unknown type            | {"type":"smtp"}                        | type          | "http" or "heartbeat"
      missing url             | {"url":null}                           | url           | is required
      relative url            | {"url":"/queues"}                      | url           | absolute http
      ftp url                 | {"url":"ftp://x.example/q"}            | url           | absolute http
      bad method              | {"method":"FETCH"}                     | method        | must be one of
      bad interval            | {"interval":"soon"}                    | interval      | such as 500ms
      tiny interval           | {"interval":"100ms"}                   | interval      | between 1s and 1d
      timeout over interval   | {"interval":"5s","timeout":"10s"}      | timeout       | at most the interval
      zero quorum             | {"quorum":0}                           | quorum        | between 1 and the number of regions (3)
      quorum over regions     | {"quorum":4}                           | quorum        | between 1 and the number of regions (3)
      fractional quorum       | {"quorum":1.5}                         | quorum        | whole number
      zero confirmations      | {"confirmations":0}                    | confirmations | between 1 and 100
      empty regions           | {"regions":[]}                         | regions       | at least one region
      uppercase region        | {"regions":["EU"]}                     | regions[0]    | lowercase letters
      repeated region         | {"regions":["eu-west","eu-west"]}      | regions[1]    | listed twice
      condition not a string  | {"conditions":[42]}                    | conditions[0] | non-empty string
      condition syntax        | {"conditions":["[BODY].x <<< 3"]}      | conditions[0] | <<<
      headers not an object   | {"headers":"x"}                        | headers       | must be an object
      header with line break  | {"headers":{"X-A":"a\\r\\nB: c"}}      | headers.X-A   | line breaks
      redacted header unknown | {"headers":{"X-A":"****"}}             | headers.X-A   | no value is stored
      misspelled field        | {"intervall":"5s"}                     | intervall     | is not a field of http monitors
      heartbeat field on http | {"period":"5m"}                        | period        | is not a field
      """)
  void refusesBadInputNamingTheField(String name, String patch, String field, String words) {
    JsonObject body = new JsonObject(VALID_HTTP);
    new JsonObject(patch).forEach(e -> {
      if (e.getValue() == null) {
        body.remove(e.getKey());
      } else {
        body.put(e.getKey(), e.getValue());
      }
    });
    ValidationException error = assertThrows(ValidationException.class,
        () -> MonitorRequests.parse(body, Optional.empty(), KNOWN));
    assertEquals(field, error.field(), error.getMessage());
    assertTrue(error.getMessage().contains(words), error.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no period     | {"name":"N","type":"heartbeat"}                             | period | is required
      bad period    | {"name":"N","type":"heartbeat","period":"daily"}            | period | such as 500ms
      bad grace     | {"name":"N","type":"heartbeat","period":"1h","grace":"x"}   | grace  | such as 500ms
      http field    | {"name":"N","type":"heartbeat","period":"1h","url":"http://x"} | url | is not a field
      """)
  void refusesBadHeartbeats(String name, String json, String field, String words) {
    ValidationException error = assertThrows(ValidationException.class,
        () -> MonitorRequests.parse(new JsonObject(json), Optional.empty(), KNOWN));
    assertEquals(field, error.field());
    assertTrue(error.getMessage().contains(words), error.getMessage());
  }

  @Test
  void refusesChangingTheTypeOfAMonitor() {
    Monitor heartbeat = new Monitor(UUID.randomUUID(), "N", new HeartbeatSpec(UUID.randomUUID(), Duration.ofMinutes(5),
        Duration.ZERO), 1, Instant.EPOCH, Instant.EPOCH, Optional.empty());
    ValidationException error = assertThrows(ValidationException.class,
        () -> MonitorRequests.parse(new JsonObject(VALID_HTTP), Optional.of(heartbeat), KNOWN));
    assertEquals("type", error.field());
  }

  @Test
  void requiresRegionsWhenNoProbeHasConnected() {
    JsonObject body = new JsonObject(VALID_HTTP);
    body.remove("regions");
    ValidationException error = assertThrows(ValidationException.class,
        () -> MonitorRequests.parse(body, Optional.empty(), List.of()));
    assertEquals("regions", error.field());
  }
}
