package io.quorate.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.condition.ConditionResult.Failure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The conditions and series of docs/conditions.md, on the bodies queue systems really return. */
class QueueSystemsTest {
  /** Sidekiq Web's /stats. */
  static final String SIDEKIQ = """
      {"sidekiq": {"processed": 287104, "failed": 1203, "busy": 7, "processes": 2, "enqueued": 5234,
                   "scheduled": 12, "retries": 48, "dead": 3, "default_latency": 31.52},
       "redis": {"redis_version": "7.2.4", "uptime_in_days": "12", "connected_clients": "18"},
       "server_utc_time": "11:02:41 UTC"}
      """;
  /** Flower's /api/queues/length. */
  static final String FLOWER = """
      {"active_queues": [{"name": "celery", "messages": 3}, {"name": "priority", "messages": 0},
                         {"name": "celery.dlq", "messages": 12}]}
      """;
  /** BullMQ's queue.getJobCounts(), served as JSON by the application. */
  static final String BULLMQ = """
      {"waiting": 120, "active": 8, "completed": 98012, "failed": 37, "delayed": 4, "paused": 0,
       "prioritized": 0, "waiting-children": 0}
      """;
  /** RabbitMQ management API, /api/queues/%2F/orders. */
  static final String RABBITMQ = """
      {"name": "orders", "vhost": "/", "state": "running", "consumers": 4, "messages": 1457,
       "messages_ready": 1432, "messages_unacknowledged": 25,
       "message_stats": {"publish_details": {"rate": 12.4}, "deliver_get_details": {"rate": 11.9}},
       "arguments": {"x-dead-letter-exchange": "orders.dlx"}, "head_message_timestamp": null}
      """;
  /** SQS GetQueueAttributes, as a JSON proxy returns it: every count a string. */
  static final String SQS = """
      {"Attributes": {"ApproximateNumberOfMessages": "12", "ApproximateNumberOfMessagesNotVisible": "3",
                      "ApproximateNumberOfMessagesDelayed": "0",
                      "QueueArn": "arn:aws:sqs:eu-west-1:123456789012:orders"}}
      """;
  private static final Map<String, String> BODIES =
      Map.of("sidekiq", SIDEKIQ, "flower", FLOWER, "bullmq", BULLMQ, "rabbitmq", RABBITMQ, "sqs", SQS);

  @ParameterizedTest(name = "{0}: {1}  →  {4}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      sidekiq  | [STATUS] == 200                          | true  | NONE     | [STATUS] (200) == 200 — passed
      sidekiq  | [BODY].sidekiq.enqueued < 1000           | false | BREACHED | [BODY].sidekiq.enqueued (5234) < 1000 — failed
      sidekiq  | [BODY].sidekiq.default_latency < 5m      | true  | NONE     | [BODY].sidekiq.default_latency (31.52) < 5m — passed
      sidekiq  | [BODY].sidekiq.default_latency < 30      | false | BREACHED | [BODY].sidekiq.default_latency (31.52) < 30 — failed
      sidekiq  | [BODY].sidekiq.dead == 0                 | false | BREACHED | [BODY].sidekiq.dead (3) == 0 — failed
      sidekiq  | [BODY].sidekiq.retries < 100             | true  | NONE     | [BODY].sidekiq.retries (48) < 100 — passed
      sidekiq  | [BODY].redis.connected_clients < 100     | true  | NONE     | [BODY].redis.connected_clients (18) < 100 — passed
      sidekiq  | [BODY].sidekiq.queues.default < 10       | false | FIELD_MISSING | [BODY].sidekiq.queues.default: field missing
      flower   | [BODY].active_queues[0].messages < 100   | true  | NONE     | [BODY].active_queues[0].messages (3) < 100 — passed
      flower   | [BODY].active_queues[0].name == celery   | true  | NONE     | [BODY].active_queues[0].name (celery) == celery — passed
      flower   | [BODY].active_queues[2].messages == 0    | false | BREACHED | [BODY].active_queues[2].messages (12) == 0 — failed
      flower   | len([BODY].active_queues) == 3           | true  | NONE     | len([BODY].active_queues) (3) == 3 — passed
      flower   | [BODY].active_queues[3].messages < 100   | false | FIELD_MISSING | [BODY].active_queues[3].messages: field missing
      bullmq   | [BODY].waiting < 1000                    | true  | NONE     | [BODY].waiting (120) < 1000 — passed
      bullmq   | [BODY].active > 0                        | true  | NONE     | [BODY].active (8) > 0 — passed
      bullmq   | [BODY].failed < 10                       | false | BREACHED | [BODY].failed (37) < 10 — failed
      bullmq   | [BODY].waiting-children == 0             | true  | NONE     | [BODY].waiting-children (0) == 0 — passed
      bullmq   | [BODY].stalled < 1                       | false | FIELD_MISSING | [BODY].stalled: field missing
      rabbitmq | [BODY].messages_ready < 5000             | true  | NONE     | [BODY].messages_ready (1432) < 5000 — passed
      rabbitmq | [BODY].consumers >= 1                    | true  | NONE     | [BODY].consumers (4) >= 1 — passed
      rabbitmq | [BODY].state == running                  | true  | NONE     | [BODY].state (running) == running — passed
      rabbitmq | [BODY].message_stats.deliver_get_details.rate >= [BODY].message_stats.publish_details.rate | false | BREACHED | [BODY].message_stats.deliver_get_details.rate (11.9) >= [BODY].message_stats.publish_details.rate (12.4) — failed
      rabbitmq | [BODY].head_message_timestamp > 0       | false | TYPE_MISMATCH | [BODY].head_message_timestamp: null is not a number
      rabbitmq | has([BODY].arguments.x-dead-letter-exchange) == true | true | NONE | has([BODY].arguments.x-dead-letter-exchange) (true) == true — passed
      sqs      | [BODY].Attributes.ApproximateNumberOfMessages < 100 | true | NONE | [BODY].Attributes.ApproximateNumberOfMessages (12) < 100 — passed
      sqs      | [BODY].Attributes.ApproximateNumberOfMessages < 10  | false | BREACHED | [BODY].Attributes.ApproximateNumberOfMessages (12) < 10 — failed
      sqs      | [BODY].Attributes.ApproximateNumberOfMessagesNotVisible < 50 | true | NONE | [BODY].Attributes.ApproximateNumberOfMessagesNotVisible (3) < 50 — passed
      sqs      | [BODY].Attributes.QueueArn == pat(*:orders) | true | NONE  | [BODY].Attributes.QueueArn (arn:aws:sqs:eu-west-1:123456789012:orders) == pat(*:orders) — passed
      sqs      | [BODY].Attributes.ApproximateAgeOfOldestMessage < 5m | false | FIELD_MISSING | [BODY].Attributes.ApproximateAgeOfOldestMessage: field missing
      """)
  void checksQueueEndpoints(String system, String condition, boolean success, Failure failure, String line) {
    ConditionResult result = Condition.parse(condition).evaluate(CheckResponse.of(200, 41, BODIES.get(system)));
    assertEquals(line, result.line());
    assertEquals(success, result.success(), line);
    assertEquals(failure, result.failure(), line);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      sidekiq  | depth=[BODY].sidekiq.enqueued;oldest_job_age=[BODY].sidekiq.default_latency;dead_letter_depth=[BODY].sidekiq.dead;retries=[BODY].sidekiq.retries;in_flight=[BODY].sidekiq.busy | depth=5234;oldest_job_age=31.52;dead_letter_depth=3;retries=48;in_flight=7
      flower   | depth=[BODY].active_queues[0].messages;dead_letter_depth=[BODY].active_queues[2].messages;queues=len([BODY].active_queues) | depth=3;dead_letter_depth=12;queues=3
      bullmq   | depth=[BODY].waiting;in_flight=[BODY].active;failed=[BODY].failed;delayed=[BODY].delayed | depth=120;in_flight=8;failed=37;delayed=4
      rabbitmq | depth=[BODY].messages_ready;in_flight=[BODY].messages_unacknowledged;consumers=[BODY].consumers;oldest_job_age=[BODY].head_message_timestamp | depth=1432;in_flight=25;consumers=4
      sqs      | depth=[BODY].Attributes.ApproximateNumberOfMessages;in_flight=[BODY].Attributes.ApproximateNumberOfMessagesNotVisible;oldest_job_age=[BODY].Attributes.ApproximateAgeOfOldestMessage | depth=12;in_flight=3
      """)
  void keepsTheRecommendedSeries(String system, String expressions, String expected) {
    CheckResponse response = CheckResponse.of(200, 41, BODIES.get(system));
    Map<String, Double> measured = Series.parse(pairs(expressions)).measure(response);
    Map<String, Double> values = new LinkedHashMap<>();
    pairs(expected).forEach((name, value) -> values.put(name, Double.parseDouble(value)));
    assertEquals(values, measured);
  }

  static Map<String, String> pairs(String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : text.split(";")) {
      int equals = pair.indexOf('=');
      pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return pairs;
  }
}
