package io.quorate.bench.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PgProcessesTest {

  @Test
  void thePostmasterPidFileNamesTheProcessOnItsFirstLineAndThePortOnItsFourth() {
    List<String> lines = List.of("41873", "/work/bench/target/coordinator/data/pg", "1764838788", "38561", "/tmp",
        "localhost", "  5432001      2", "ready   ");
    assertEquals(new PgProcesses.Postmaster(41873, 38561), PgProcesses.Postmaster.parse(lines));
  }

  @Test
  void aTruncatedPidFileIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PgProcesses.Postmaster.parse(List.of("41873", "/data")));
  }

  @Test
  void aProcessStatLineGivesItsParentAndItsUserPlusSystemTicks() {
    String line = "41890 (postgres: postgres postgres 127.0.0.1(51234) idle) S 41873 41873 41873 0 -1 4194560 3349 0 0 0"
        + " 1520 377 0 0 20 0 1 0 9051 230219776 4608 18446744073709551615 1 1 0 0 0 0 0 4096 1 0 0 0 17 1 0 0 0 0 0";
    assertEquals(new PgProcesses.Stat(41873, 1897), PgProcesses.Stat.parse(line));
  }
}
