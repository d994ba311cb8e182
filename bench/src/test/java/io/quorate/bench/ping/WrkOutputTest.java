package io.quorate.bench.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.bench.support.Result;
import org.junit.jupiter.api.Test;

class WrkOutputTest {
  private static final String OUTPUT = """
      Running 10s test @ http://127.0.0.1:40519
        2 threads and 128 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     5.12ms    4.01ms  60.43ms   88.12%
        259510 requests in 10.00s, 24.01MB read
        Non-2xx or 3xx responses: 12
      Requests/sec:  25951.02
      Transfer/sec:      2.40MB
      PINGS 2xx=259498 4xx=10 5xx=2 other=0 socket_errors=3 duration_us=10000413
      LATENCY p50_us=4230 p99_us=20810 p999_us=32060 max_us=60430
      """;

  @Test
  void readsTheScriptsLinesAndWrksRate() {
    Result result = WrkOutput.parse(OUTPUT);
    assertEquals(259498, result.number("ok"));
    assertEquals(10.0004, result.number("duration_s"), 1e-3);
    assertEquals(259498 / 10.000413, result.number("rate"), 0.01);
    assertEquals(20.81, result.number("p99_ms"), 1e-9);
    assertEquals(60.43, result.number("max_ms"), 1e-9);
    assertEquals(25951.02, result.number("wrk_rate"), 1e-9);
    assertEquals(15, WrkOutput.errors(result), "429s, 503s and socket errors are all errors to a worker");
  }

  @Test
  void outputWithoutTheScriptsLinesIsRefusedWithAReason() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> WrkOutput.parse("Requests/sec: 100\n"));
    assertTrue(refused.getMessage().contains("no PINGS line"), refused.getMessage());
  }

  @Test
  void probeMetricsGiveTheGroupCommitQuantilesAndTheAnswerCount() {
    String metrics = """
        quorate_probe_spool_commit_seconds{quantile="0.5"} 0.00136
        quorate_probe_spool_commit_seconds{quantile="0.99"} 0.0068
        quorate_probe_pings_total{result="accepted"} 1000.0
        quorate_probe_pings_total{result="refused"} 5.0
        """;
    assertEquals(0.0068, SpoolMetrics.quantile(metrics, "quorate_probe_spool_commit_seconds", "0.99"), 1e-12);
    assertTrue(Double.isNaN(SpoolMetrics.quantile(metrics, "quorate_probe_spool_commit_events", "0.5")));
    assertEquals(1005, SpoolMetrics.sumOfPings(metrics));
  }
}
