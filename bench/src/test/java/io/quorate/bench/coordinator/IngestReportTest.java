package io.quorate.bench.coordinator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.bench.support.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestReportTest {

  private static StepResults step(double accepted, double p99) {
    Result fixtures = Result.parse("via=api seconds=61.5 api_per_s=163");
    List<Result> windows = List.of(
        Result.parse("offered_per_s=30000 acked_per_s=" + (accepted - 100) + " shed=200000 ack_delay_p50_ms=900"
            + " ack_delay_p99_ms=1800 load_cpu_cores=0.1 c_window_s=10 c_cpu_cores=0.70 c_pg_cpu_cores=0.90"
            + " c_busiest_eventloop_cores=0.5 c_machine_busy_cores=1.8 c_observations_per_s=1000"
            + " c_threads_eventloop_cores=0.5 c_threads_jit_cores=0.1"),
        Result.parse("offered_per_s=30000 acked_per_s=" + accepted + " shed=200000 c_window_s=10 c_cpu_cores=0.70"
            + " c_pg_cpu_cores=0.90"),
        Result.parse("offered_per_s=30000 acked_per_s=" + (accepted + 100) + " shed=200000 c_window_s=10"
            + " c_cpu_cores=0.70 c_pg_cpu_cores=0.90"));
    Result incident = Result.parse("sample=200 missing=0 percent=80 offered_per_s=800 w_acked_per_s=799"
        + " delivered_p50_ms=12.34 delivered_p99_ms=150 delivered_max_ms=200 decided_p50_ms=10"
        + " decided_p99_ms=40 decided_max_ms=50 from_receipt_p50_ms=8 from_receipt_p99_ms=" + p99
        + " from_receipt_max_ms=130");
    Result size = Result.parse("db_bytes=104857600 observations_bytes=52428800 observations_rows=65536"
        + " region_verdicts_bytes=1048576 open_incidents=200 api_open_incidents=200 synchronous_commit=off");
    return new StepResults(10_000, fixtures, windows, List.of(incident), size,
        List.of(Result.parse("rows_per_s=2000 cpu_cores=0.4 pg_cpu_cores=0.8")),
        List.of(Result.parse("rows_per_s=40000")));
  }

  @Test
  void throughputIsTheMedianWindowWithItsRangeAndTheCostPerThousandObservations() {
    String report = cells(IngestReport.render(List.of(step(1_000, 50)), 256));
    assertTrue(report.contains("| 10,000 | api 62 s | 30,000 | 1,000 | 900–1,100 | 1,000 |"), report);
    // 200,000 shed in a 10 s window
    assertTrue(report.contains("| 20,000 | 900 / 1,800 |"), report);
    // 0.70 cores / 1,000 obs/s = 700 ms of CPU per 1,000 observations; PostgreSQL 900
    assertTrue(report.contains("| 0.70 | 700 | 0.90 | 900 |"), report);
  }

  @Test
  void theTargetsAreMetOnlyAtTwentyThousandPerSecondAndUnderOneHundredMillisecondsAtP99FromReceipt() {
    String slow = cells(IngestReport.render(List.of(step(1_000, 99.9)), 256));
    assertTrue(slow.contains("| 900 / 1,800 | no |"), slow);
    // The webhook's 150 ms at p99 is shown, but the target is the issue's: from receiving the deciding observation.
    assertTrue(slow.contains("| 12.3 / 150.0 / 200.0 | 10.0 / 40.0 / 50.0 | 8.0 / 99.9 / 130.0 | 0 | yes |"), slow);
    String fast = cells(IngestReport.render(List.of(step(20_000, 100)), 256));
    assertTrue(fast.contains("| 900 / 1,800 | yes |"), fast);
    assertTrue(fast.contains("| 8.0 / 100.0 / 130.0 | 0 | no |"), fast);
  }

  @Test
  void theBaselineRatioAndSizesPerObservationAreShown() {
    String report = cells(IngestReport.render(List.of(step(1_000, 50)), 256));
    assertTrue(report.contains("| 2,000 | 1,000 | 0.50x |"), report);
    assertTrue(report.contains("batched 256 rows/tx rows/s"), report);
    assertTrue(report.contains("| 40,000 | 0.03x |"), report);
    assertTrue(report.contains("| 100.0 | 65,536 | 50.0 | 800 |"), report);
    assertTrue(report.contains("200 / 200"), report);
  }

  @Test
  void missingFiguresShowAsDashes() {
    StepResults empty = new StepResults(1_000, Result.parse("via=api seconds=5"), List.of(), List.of(), new Result(),
        List.of(), List.of());
    String report = cells(IngestReport.render(List.of(empty), 0));
    assertTrue(report.contains("| 1,000 | api 5 s | - | - |"), report);
  }

  /** The tables with their padding collapsed: what is in a cell, not how wide its column is. */
  private static String cells(String report) {
    return report.replaceAll(" {2,}", " ");
  }
}
