package io.quorate.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PingPathTest {
  private static final String ID = "5f2b7c1e-8d3a-4f6b-9c0d-1e2f3a4b5c6d";

  @ParameterizedTest
  @CsvSource({
      "'',        SUCCESS, -1",
      "/start,    START,   -1",
      "/fail,     FAIL,    -1",
      "/log,      LOG,     -1",
      "/START,    START,   -1",
      "/0,        SUCCESS, 0",
      "/1,        FAIL,    1",
      "/255,      FAIL,    255",
  })
  void uuidForms(String suffix, PingKind kind, int exitStatus) {
    PingPath path = PingPath.parse(ID + suffix);
    assertEquals(UUID.fromString(ID), path.uuid().orElseThrow());
    assertEquals(kind, path.kind());
    assertEquals(exitStatus < 0 ? OptionalInt.empty() : OptionalInt.of(exitStatus), path.exitStatus());
    assertEquals(ID, path.target());
  }

  @ParameterizedTest
  @CsvSource({
      "k3y-abcdefgh/nightly-report,       SUCCESS",
      "k3y-abcdefgh/nightly-report/start, START",
      "K3Y-ABCDEFGH/Nightly-Report/fail,  FAIL",
      "k3y-abcdefgh/nightly-report/log,   LOG",
      "k3y-abcdefgh/nightly-report/0,     SUCCESS",
      "k3y-abcdefgh/nightly-report/2,     FAIL",
  })
  void slugForms(String path, PingKind kind) {
    PingPath parsed = PingPath.parse(path);
    assertTrue(parsed.uuid().isEmpty());
    assertEquals("k3y-abcdefgh", parsed.pingKey());
    assertEquals("nightly-report", parsed.slug());
    assertEquals(kind, parsed.kind());
    assertEquals("k3y-abcdefgh/nightly-report", parsed.target());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not-a-uuid", ID + "/start/extra", "k3y-abcdefgh/slug/start/extra", "short/slug",
      "k3y-abcdefgh/", "k3y-abcdefgh/bad slug", "/" + ID})
  void unknownShapesAre404(String path) {
    PingPathException error = assertThrows(PingPathException.class, () -> PingPath.parse(path));
    assertEquals(404, error.status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/256", "/-1", "/1000", "/abc", "/1.5"})
  void badExitStatusIs400NamingTheValue(String suffix) {
    PingPathException error = assertThrows(PingPathException.class, () -> PingPath.parse(ID + suffix));
    assertEquals(400, error.status());
    assertTrue(error.getMessage().contains(suffix.substring(1)), error.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"'', ''", "abc-123, abc-123", "5f2b7c1e-8d3a-4f6b-9c0d-1e2f3a4b5c6d, 5f2b7c1e-8d3a-4f6b-9c0d-1e2f3a4b5c6d",
      "celery:task.7_x, celery:task.7_x"})
  void runIds(String raw, String expected) {
    assertEquals(expected, RunId.parse(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "<script>", "ü"})
  void badRunIdsAre400(String raw) {
    assertEquals(400, assertThrows(PingPathException.class, () -> RunId.parse(raw)).status());
  }
}
