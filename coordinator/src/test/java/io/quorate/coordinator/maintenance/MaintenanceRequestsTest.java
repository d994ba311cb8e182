package io.quorate.coordinator.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quorate.coordinator.api.ValidationException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Maintenance windows and silences as requests: what is accepted, and each refusal naming its field. */
class MaintenanceRequestsTest {
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final String MATCH = "\"matchers\": {\"labels\": {\"team\": \"db\"}}";

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "{'matchers': {'labels': {'team': 'db'}}, 'starts_at': '2026-12-06T02:00:00Z', 'ends_at': '2026-12-06T04:00:00Z'} | name",
      "{'name': 'x', 'starts_at': '2026-12-06T02:00:00Z', 'ends_at': '2026-12-06T04:00:00Z'} | matchers",
      "{'name': 'x', 'matchers': {}, 'starts_at': '2026-12-06T02:00:00Z', 'ends_at': '2026-12-06T04:00:00Z'} | matchers",
      "{'name': 'x', 'matchers': {'monitor_ids': ['nope']}, 'starts_at': '2026-12-06T02:00:00Z', 'duration': '1h'} | matchers.monitor_ids",
      "{'name': 'x', 'matchers': {'labels': ['team']}, 'starts_at': '2026-12-06T02:00:00Z', 'duration': '1h'} | matchers.labels",
      "{'name': 'x', 'matchers': {'labels': {'Team': 'db'}}, 'starts_at': '2026-12-06T02:00:00Z', 'duration': '1h'} | matchers.labels.Team",
      "{'name': 'x', 'matchers': {'labels': {'team': 'db'}}, 'starts_at': '2026-12-06 02:00', 'duration': '1h'} | starts_at",
      "{'name': 'x', 'matchers': {'labels': {'team': 'db'}}, 'ends_at': '2026-12-06T04:00:00Z'} | starts_at",
      "{'name': 'x', 'matchers': {'labels': {'team': 'db'}}, 'starts_at': '2026-12-06T04:00:00Z', 'ends_at': '2026-12-06T02:00:00Z'} | ends_at",
      "{'name': 'x', 'matchers': {'labels': {'team': 'db'}}, 'starts_at': '2026-12-01T04:00:00Z', 'ends_at': '2026-12-02T02:00:00Z'} | ends_at",
      "{'name': 'x', 'matchers': {'labels': {'team': 'db'}}, 'starts_at': '2026-12-06T02:00:00Z', 'duration': '0s'} | duration",
      "{'name': 'x', 'matchers': {'labels': {'team': 'db'}}, 'starts_at': '2026-12-06T02:00:00Z', 'duration': '31d'} | duration",
      "{'name': 'x', 'matchers': {'labels': {'team': 'db'}}, 'cron': '0 2 * * 0', 'duration': '2h', 'time_zone': 'Mars/Olympus'} | time_zone",
      "{'name': 'x', 'matchers': {'labels': {'team': 'db'}}, 'cron': '0 25 * * 0', 'duration': '2h'} | cron",
      "{'name': 'x', 'matchers': {'labels': {'team': 'db'}}, 'cron': '0 2 * * 0'} | duration",
      "{'name': 'x', 'matchers': {'labels': {'team': 'db'}}, 'cron': '0 2 * * 0', 'duration': '8d'} | duration",
      "{'name': 'x', 'matchers': {'labels': {'team': 'db'}}, 'cron': '0 2 * * 0', 'duration': '2h', 'starts_at': '2026-12-06T02:00:00Z'} | starts_at",
      "{'name': 'x', 'matchers': {'labels': {'team': 'db'}}, 'cron': '0 2 * * 0', 'duration': '2h', 'colour': 'red'} | colour",
  })
  void aBadWindowIsRefusedNamingTheField(String body, String field) {
    ValidationException refused = assertThrows(ValidationException.class,
        () -> MaintenanceRequests.parse(new JsonObject(body.replace('\'', '"')), NOW));
    assertEquals(field, refused.field(), refused.getMessage());
  }

  @Test
  void aRecurringWindowKeepsItsCronZoneAndDuration() {
    MaintenanceWindow.Draft draft = MaintenanceRequests.parse(new JsonObject("{\"name\": \"DB upgrade\", " + MATCH
        + ", \"cron\": \"0 2 * * SUN\", \"duration\": \"2h\", \"time_zone\": \"Europe/Berlin\"}"), NOW);
    WindowSchedule.Recurring recurring = assertInstanceOf(WindowSchedule.Recurring.class, draft.schedule());
    assertEquals("0 2 * * SUN", recurring.cron().expression());
    assertEquals("Europe/Berlin", recurring.zone().getId());
    assertEquals(Duration.ofHours(2), recurring.duration());
  }

  @Test
  void labelsMayBeWrittenAsKeyEqualsValue() {
    MaintenanceWindow.Draft draft = MaintenanceRequests.parse(new JsonObject("{\"name\": \"x\", \"matchers\":"
        + " {\"labels\": [\"team=db\", \"env=prod\"]}, \"starts_at\": \"2026-12-06T02:00:00+01:00\", \"duration\": \"1h\"}"),
        NOW);
    assertEquals(new Matchers(java.util.Set.of(), java.util.Map.of("team", "db", "env", "prod")), draft.matchers());
    assertEquals(Instant.parse("2026-12-06T01:00:00Z"), ((WindowSchedule.OneOff) draft.schedule()).start());
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "{'matchers': {'labels': {'team': 'db'}}, 'duration': '1h'} | created_by",
      "{'matchers': {'labels': {'team': 'db'}}, 'created_by': 'alice'} | ends_at",
      "{'matchers': {'labels': {'team': 'db'}}, 'created_by': 'alice', 'duration': '1h', 'ends_at': '2026-12-04T12:00:00Z'} | ends_at",
      "{'matchers': {'labels': {'team': 'db'}}, 'created_by': 'alice', 'duration': '0s'} | duration",
      "{'matchers': {'labels': {'team': 'db'}}, 'created_by': 'alice', 'duration': '31d'} | duration",
      "{'matchers': {'labels': {'team': 'db'}}, 'created_by': 'alice', 'ends_at': '2026-12-04T09:00:00Z'} | ends_at",
      "{'matchers': {}, 'created_by': 'alice', 'duration': '1h'} | matchers",
  })
  void aBadSilenceIsRefusedNamingTheField(String body, String field) {
    ValidationException refused = assertThrows(ValidationException.class,
        () -> SilenceRequests.parse(new JsonObject(body.replace('\'', '"')), NOW));
    assertEquals(field, refused.field(), refused.getMessage());
  }

  @Test
  void aSilenceStartsNowByDefault() {
    SilenceStore.Draft draft = SilenceRequests.parse(new JsonObject("{" + MATCH
        + ", \"created_by\": \"alice\", \"duration\": \"2h\", \"comment\": \"migrating\"}"), NOW);
    assertEquals(NOW, draft.startsAt());
    assertEquals(NOW.plus(Duration.ofHours(2)), draft.endsAt());
  }
}
