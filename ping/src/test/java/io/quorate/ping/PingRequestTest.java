package io.quorate.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PingRequestTest {
  @Test
  void readsThePathAfterPingAndTheRunId() {
    PingRequest request = PingRequest.parse("/ping/0b6f3f9e-5c1d-4e8b-a1f2-3c4d5e6f7a8b/start", "jid-42");
    assertEquals(PingKind.START, request.path().kind());
    assertEquals("jid-42", request.runId());
    assertEquals("0b6f3f9e-5c1d-4e8b-a1f2-3c4d5e6f7a8b", request.target());
  }

  @Test
  void aBadRunIdIsA400NamingTheParameter() {
    PingPathException bad = assertThrows(PingPathException.class,
        () -> PingRequest.parse("/ping/0b6f3f9e-5c1d-4e8b-a1f2-3c4d5e6f7a8b", "a b"));
    assertEquals(400, bad.status());
    assertEquals("rid must be 1 to 100 letters, digits or . _ : - (a UUID works); got \"a b\"", bad.getMessage());
  }

  @Test
  void aPathOutsidePingIsA404() {
    assertEquals(404, assertThrows(PingPathException.class, () -> PingRequest.parse("/health", null)).status());
  }
}
