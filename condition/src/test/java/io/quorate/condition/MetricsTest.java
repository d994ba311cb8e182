package io.quorate.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.condition.ConditionResult.Failure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** [METRIC] on Prometheus text exposition, as queue exporters serve it. */
class MetricsTest {
  /** yabeda-sidekiq's /metrics. */
  private static final String SIDEKIQ = """
      # HELP sidekiq_jobs_waiting_count The number of jobs waiting to process in sidekiq.
      # TYPE sidekiq_jobs_waiting_count gauge
      sidekiq_jobs_waiting_count{queue="default"} 5234
      sidekiq_jobs_waiting_count{queue="critical"} 3
      sidekiq_jobs_waiting_count{queue="mailers"} 0
      # HELP sidekiq_queue_latency The difference in seconds since the oldest job in the queue was enqueued.
      # TYPE sidekiq_queue_latency gauge
      sidekiq_queue_latency{queue="default"} 31.5
      sidekiq_queue_latency{queue="critical"} 0.4
      sidekiq_queue_latency{queue="mailers"} 0.0
      # TYPE sidekiq_jobs_dead_count gauge
      sidekiq_jobs_dead_count 12
      # TYPE sidekiq_jobs_retry_count gauge
      sidekiq_jobs_retry_count 48
      """;
  /** celery-exporter's /metrics. */
  private static final String CELERY = """
      # HELP celery_queue_length The number of message in broker queue.
      # TYPE celery_queue_length gauge
      celery_queue_length{queue_name="celery"} 3.0
      celery_queue_length{queue_name="priority"} 0.0
      # TYPE celery_active_consumer_count gauge
      celery_active_consumer_count{queue_name="celery"} 2.0
      # TYPE celery_worker_up gauge
      celery_worker_up{hostname="worker-1"} 1.0
      celery_worker_up{hostname="worker-2"} 0.0
      # TYPE celery_task_failed_total counter
      celery_task_failed_total{hostname="worker-1",name="app.tasks.send_email"} 14.0
      celery_task_failed_total{hostname="worker-2",name="app.tasks.send_email"} 2.0
      """;
  /** RabbitMQ's prometheus plugin, /metrics/per-object. */
  private static final String RABBITMQ = """
      # TYPE rabbitmq_queue_messages_ready gauge
      # HELP rabbitmq_queue_messages_ready Messages ready to be delivered to consumers
      rabbitmq_queue_messages_ready{vhost="/",queue="orders"} 1432
      rabbitmq_queue_messages_ready{vhost="/",queue="orders.dlq"} 17
      rabbitmq_queue_messages_ready{vhost="billing",queue="orders"} 0
      # TYPE rabbitmq_queue_messages_unacked gauge
      rabbitmq_queue_messages_unacked{vhost="/",queue="orders"} 25
      # TYPE rabbitmq_queue_consumers gauge
      rabbitmq_queue_consumers{vhost="/",queue="orders"} 4
      rabbitmq_queue_consumers{vhost="/",queue="orders.dlq"} 0
      """;
  private static final Map<String, String> BODIES = Map.of("sidekiq", SIDEKIQ, "celery", CELERY, "rabbitmq", RABBITMQ);

  @ParameterizedTest(name = "{0}: {1}  →  {4}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      sidekiq | [METRIC].sidekiq_queue_latency{queue="critical"} < 30 | true | NONE | [METRIC].sidekiq_queue_latency{queue="critical"} (0.4) < 30 — passed
      sidekiq | [METRIC].sidekiq_queue_latency{queue="default"} < 30 | false | BREACHED | [METRIC].sidekiq_queue_latency{queue="default"} (31.5) < 30 — failed
      sidekiq | [METRIC].sidekiq_queue_latency{queue="default"} < 1m | true | NONE | [METRIC].sidekiq_queue_latency{queue="default"} (31.5) < 1m — passed
      sidekiq | [METRIC].sidekiq_jobs_dead_count == 12 | true | NONE | [METRIC].sidekiq_jobs_dead_count (12) == 12 — passed
      sidekiq | [METRIC].sidekiq_jobs_retry_count{queue=""} < 100 | true | NONE | [METRIC].sidekiq_jobs_retry_count{queue=""} (48) < 100 — passed
      sidekiq | [METRIC].sidekiq_jobs_waiting_count{queue="default"} > [METRIC].sidekiq_jobs_waiting_count{queue="critical"} | true | NONE | [METRIC].sidekiq_jobs_waiting_count{queue="default"} (5234) > [METRIC].sidekiq_jobs_waiting_count{queue="critical"} (3) — passed
      sidekiq | [METRIC].sidekiq_queue_latency < 30 | false | FIELD_MISSING | [METRIC].sidekiq_queue_latency: matches 3 series, add labels to choose one
      sidekiq | [METRIC].sidekiq_queue_latency{queue="low"} < 30 | false | FIELD_MISSING | [METRIC].sidekiq_queue_latency{queue="low"}: metric missing
      sidekiq | [METRIC].sidekiq_jobs_scheduled_count < 30 | false | FIELD_MISSING | [METRIC].sidekiq_jobs_scheduled_count: metric missing
      sidekiq | [METRIC].sidekiq_jobs_dead_count{queue="default"} == 12 | false | FIELD_MISSING | [METRIC].sidekiq_jobs_dead_count{queue="default"}: metric missing
      sidekiq | has([METRIC].sidekiq_jobs_dead_count) == true | true | NONE | has([METRIC].sidekiq_jobs_dead_count) (true) == true — passed
      sidekiq | has([METRIC].sidekiq_queue_latency) == true | true | NONE | has([METRIC].sidekiq_queue_latency) (true) == true — passed
      sidekiq | has([METRIC].sidekiq_queue_latency{queue="low"}) == false | true | NONE | has([METRIC].sidekiq_queue_latency{queue="low"}) (false) == false — passed
      celery | [METRIC].celery_queue_length{queue_name="celery"} < 100 | true | NONE | [METRIC].celery_queue_length{queue_name="celery"} (3) < 100 — passed
      celery | [METRIC].celery_active_consumer_count{queue_name="celery"} > 0 | true | NONE | [METRIC].celery_active_consumer_count{queue_name="celery"} (2) > 0 — passed
      sidekiq | [METRIC].sidekiq_jobs_retry_count < 100 | true | NONE | [METRIC].sidekiq_jobs_retry_count (48) < 100 — passed
      celery | [METRIC].celery_worker_up{hostname="worker-1"} == 1 | true | NONE | [METRIC].celery_worker_up{hostname="worker-1"} (1) == 1 — passed
      celery | [METRIC].celery_worker_up{hostname="worker-2"} == 1 | false | BREACHED | [METRIC].celery_worker_up{hostname="worker-2"} (0) == 1 — failed
      celery | [METRIC].celery_task_failed_total{name="app.tasks.send_email"} < 10 | false | FIELD_MISSING | [METRIC].celery_task_failed_total{name="app.tasks.send_email"}: matches 2 series, add labels to choose one
      celery | [METRIC].celery_task_failed_total{hostname="worker-1", name="app.tasks.send_email"} < 10 | false | BREACHED | [METRIC].celery_task_failed_total{hostname="worker-1",name="app.tasks.send_email"} (14) < 10 — failed
      rabbitmq | [METRIC].rabbitmq_queue_messages_ready{queue="orders"} < 5000 | false | FIELD_MISSING | [METRIC].rabbitmq_queue_messages_ready{queue="orders"}: matches 2 series, add labels to choose one
      rabbitmq | [METRIC].rabbitmq_queue_messages_ready{vhost="/",queue="orders"} < 5000 | true | NONE | [METRIC].rabbitmq_queue_messages_ready{vhost="/",queue="orders"} (1432) < 5000 — passed
      rabbitmq | [METRIC].rabbitmq_queue_messages_ready{vhost="/",queue="orders.dlq"} == 0 | false | BREACHED | [METRIC].rabbitmq_queue_messages_ready{vhost="/",queue="orders.dlq"} (17) == 0 — failed
      rabbitmq | [METRIC].rabbitmq_queue_consumers{vhost="/",queue="orders"} >= 1 | true | NONE | [METRIC].rabbitmq_queue_consumers{vhost="/",queue="orders"} (4) >= 1 — passed
      """)
  void readsExporterMetrics(String exporter, String condition, boolean success, Failure failure, String line) {
    ConditionResult result = Condition.parse(condition).evaluate(CheckResponse.of(200, 9, BODIES.get(exporter)));
    assertEquals(line, result.line());
    assertEquals(success, result.success(), line);
    assertEquals(failure, result.failure(), line);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      sidekiq  | depth=[METRIC].sidekiq_jobs_waiting_count{queue="default"};oldest_job_age=[METRIC].sidekiq_queue_latency{queue="default"};dead_letter_depth=[METRIC].sidekiq_jobs_dead_count;retries=[METRIC].sidekiq_jobs_retry_count | depth=5234;oldest_job_age=31.5;dead_letter_depth=12;retries=48
      celery   | depth=[METRIC].celery_queue_length{queue_name="celery"};in_flight=[METRIC].celery_active_consumer_count{queue_name="celery"} | depth=3;in_flight=2
      rabbitmq | depth=[METRIC].rabbitmq_queue_messages_ready{vhost="/",queue="orders"};in_flight=[METRIC].rabbitmq_queue_messages_unacked{vhost="/",queue="orders"};dead_letter_depth=[METRIC].rabbitmq_queue_messages_ready{vhost="/",queue="orders.dlq"};ambiguous=[METRIC].rabbitmq_queue_messages_ready | depth=1432;in_flight=25;dead_letter_depth=17
      """)
  void keepsTheRecommendedSeriesFromExporters(String exporter, String expressions, String expected) {
    Map<String, Double> measured = Series.parse(QueueSystemsTest.pairs(expressions))
        .measure(CheckResponse.of(200, 9, BODIES.get(exporter)));
    Map<String, Double> values = new LinkedHashMap<>();
    QueueSystemsTest.pairs(expected).forEach((name, value) -> values.put(name, Double.parseDouble(value)));
    assertEquals(values, measured);
  }

  /** Bodies are written on one line with ⏎ between the lines of the exposition. */
  @ParameterizedTest(name = "<{0}> {1}  →  {4}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      # optional timestamps, special values, exemplars, odd spacing, OpenMetrics EOF, colons in names
      q_depth 42 1700000000000                 | [METRIC].q_depth == 42   | true  | NONE | [METRIC].q_depth (42) == 42 — passed
      q_depth{q="a"} 42 -5                     | [METRIC].q_depth == 42   | true  | NONE | [METRIC].q_depth (42) == 42 — passed
      '  q_depth  {  q = "a" , }\t42  '        | [METRIC].q_depth{q="a"} == 42 | true | NONE | [METRIC].q_depth{q="a"} (42) == 42 — passed
      q_latency +Inf                           | [METRIC].q_latency < 30  | false | BREACHED | [METRIC].q_latency (+Inf) < 30 — failed
      q_latency +Inf                           | [METRIC].q_latency > 30  | true  | NONE | [METRIC].q_latency (+Inf) > 30 — passed
      q_delta -Inf                             | [METRIC].q_delta < 0     | true  | NONE | [METRIC].q_delta (-Inf) < 0 — passed
      q_latency NaN                            | [METRIC].q_latency < 30  | false | TYPE_MISMATCH | [METRIC].q_latency: NaN is not a number
      q_latency NaN                            | [METRIC].q_latency != 5  | false | TYPE_MISMATCH | [METRIC].q_latency: NaN is not a number
      q_latency NaN                            | [METRIC].q_latency == NaN | true | NONE | [METRIC].q_latency (NaN) == NaN — passed
      q_age 1.5e2                              | [METRIC].q_age < 5m      | true  | NONE | [METRIC].q_age (150) < 5m — passed
      job_seconds_bucket{le="+Inf"} 1500⏎job_seconds_bucket{le="0.5"} 1400 | [METRIC].job_seconds_bucket{le="+Inf"} == 1500 | true | NONE | [METRIC].job_seconds_bucket{le="+Inf"} (1500) == 1500 — passed
      jobs_total{code="ok"} 1027 # {trace_id="abc"} 1 1700000000.5⏎# EOF | [METRIC].jobs_total > 1000 | true | NONE | [METRIC].jobs_total (1027) > 1000 — passed
      job:queue_depth:sum 42                   | [METRIC].job:queue_depth:sum < 100 | true | NONE | [METRIC].job:queue_depth:sum (42) < 100 — passed
      ⏎⏎# HELP q_depth Depth.⏎⏎q_depth 7⏎      | [METRIC].q_depth == 7    | true  | NONE | [METRIC].q_depth (7) == 7 — passed
      # HELP q_depth Depth.⏎# TYPE q_depth gauge | [METRIC].q_depth == 7  | false | FIELD_MISSING | [METRIC].q_depth: metric missing
      # bodies that are not Prometheus text fail closed, whatever the condition
      '{"q_depth": 42}'                        | [METRIC].q_depth < 100   | false | UNPARSABLE | [METRIC].q_depth: body is not Prometheus text
      <html><body>502 Bad Gateway</body></html> | [METRIC].q_depth < 100  | false | UNPARSABLE | [METRIC].q_depth: body is not Prometheus text
      ''                                       | [METRIC].q_depth < 100   | false | UNPARSABLE | [METRIC].q_depth: body is not Prometheus text
      42                                       | [METRIC].q_depth < 100   | false | UNPARSABLE | [METRIC].q_depth: body is not Prometheus text
      q_depth                                  | [METRIC].q_depth < 100   | false | UNPARSABLE | [METRIC].q_depth: body is not Prometheus text
      q_depth forty-two                        | [METRIC].q_depth < 100   | false | UNPARSABLE | [METRIC].q_depth: body is not Prometheus text
      q-depth 42                               | [METRIC].q_depth < 100   | false | UNPARSABLE | [METRIC].q_depth: body is not Prometheus text
      q_depth{q="a} 42                         | [METRIC].q_depth < 100   | false | UNPARSABLE | [METRIC].q_depth: body is not Prometheus text
      q_depth{q=a} 42                          | [METRIC].q_depth < 100   | false | UNPARSABLE | [METRIC].q_depth: body is not Prometheus text
      q_depth{q="a"q2="b"} 42                  | [METRIC].q_depth < 100   | false | UNPARSABLE | [METRIC].q_depth: body is not Prometheus text
      q_depth 42 yesterday                     | [METRIC].q_depth < 100   | false | UNPARSABLE | [METRIC].q_depth: body is not Prometheus text
      q_depth 42⏎Service Unavailable           | [METRIC].q_depth < 100   | false | UNPARSABLE | [METRIC].q_depth: body is not Prometheus text
      q_depth 42 17 # ok⏎oops                  | has([METRIC].q_depth) == false | true | NONE | has([METRIC].q_depth) (false) == false — passed
      """)
  void readsTheExpositionFormatAndRefusesOtherBodies(String body, String condition, boolean success, Failure failure,
      String line) {
    ConditionResult result = Condition.parse(condition).evaluate(CheckResponse.of(200, 9, body.replace("⏎", "\n")));
    assertEquals(line, result.line());
    assertEquals(success, result.success(), line);
    assertEquals(failure, result.failure(), line);
  }

  @Test
  void matchesEscapedLabelValuesAndWindowsLineEndings() {
    String body = "# TYPE jobs gauge\r\njobs{queue=\"a \\\"quoted\\\" \\\\ name\\n\"} 5\r\njobs{queue=\"plain\"} 6\r\n";
    ConditionResult result = Condition.parse("[METRIC].jobs{queue=\"a \\\"quoted\\\" \\\\ name\\n\"} == 5")
        .evaluate(CheckResponse.of(200, 1, body));
    assertEquals("[METRIC].jobs{queue=\"a \\\"quoted\\\" \\\\ name\\n\"} (5) == 5 — passed", result.line());
    assertEquals(Map.of("[METRIC].jobs{queue=\"a \\\"quoted\\\" \\\\ name\\n\"}", 5.0), result.values());
  }

  @Test
  void recordsOnlyFiniteMetricValues() {
    String body = "a 1.25\nb NaN\nc +Inf\n";
    assertEquals(Map.of("[METRIC].a", 1.25), Condition.parse("[METRIC].a < 2").evaluate(CheckResponse.of(200, 1, body))
        .values());
    assertEquals(Map.of(), Condition.parse("[METRIC].b < 2").evaluate(CheckResponse.of(200, 1, body)).values());
    assertEquals(Map.of(), Condition.parse("[METRIC].c > 2").evaluate(CheckResponse.of(200, 1, body)).values());
  }
}
