package io.quorate.coordinator.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureBucketsTest {
  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      timeout            | timeout after 500 ms                         | timeout
      connection_refused | connection refused: q.example:443            | connection: connection refused
      dns                | q.example: no such host                      | connection: dns
      http_credentials   | HTTP 401                                     | credentials (401/403)
      http_5xx           | HTTP 503                                     | 5xx
      condition_breached | [BODY].enqueued (5234) < 1000 — failed       | condition breached
      field_missing      | [BODY].latency is missing                    | condition breached
      job_failed         | Order 4411 failed: template field 'total' missing | job failed: order # failed: template field "…" missing
      job_failed         | Timeout talking to 10.0.3.7:6379 after 3.5s  | job failed: timeout talking to # after #s
      job_failed         | job 3f2a9c1e-1111-4a4a-9b9b-0123456789ab died | job failed: job <id> died
      job_failed         | ''                                           | job failed: no message
      """)
  void labelsEachFailureWithItsBucket(String kind, String reason, String label) {
    assertEquals(label, FailureBuckets.label(kind, reason));
  }

  @Test
  void thirtyCopiesOfOneFailureReadAsOneProblemWithACount() {
    List<String[]> failures = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      failures.add(new String[] {"job_failed", "Order " + (4400 + i) + " failed: template field 'total' missing"});
    }
    failures.add(new String[] {"timeout", "timeout after 500 ms"});
    failures.add(new String[] {"timeout", "timeout after 510 ms"});
    List<FailureBuckets.Bucket> buckets = FailureBuckets.group(failures);
    assertEquals(2, buckets.size());
    assertEquals(new FailureBuckets.Bucket("job failed: order # failed: template field \"…\" missing", 30,
        "Order 4400 failed: template field 'total' missing"), buckets.get(0));
    assertEquals(new FailureBuckets.Bucket("timeout", 2, "timeout after 500 ms"), buckets.get(1));
  }
}
