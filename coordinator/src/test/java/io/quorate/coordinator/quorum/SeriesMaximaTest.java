package io.quorate.coordinator.quorum;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeriesMaximaTest {
  private static final Instant BUCKET = Instant.parse("2026-12-05T10:20:00Z");
  private static final Instant NEXT = BUCKET.plusSeconds(300);
  private final SeriesMaxima maxima = new SeriesMaxima();
  private final UUID monitor = UUID.randomUUID();

  @Test
  void nothingIsCoveredBeforeThisNodeCommittedToTheBucket() {
    assertFalse(maxima.covers(monitor, BUCKET, max(1, 1)));
    assertFalse(maxima.covers(monitor, BUCKET, new JsonObject()), "an empty bucket row may not exist yet");
  }

  @Test
  void valuesUpToTheCommittedMaximaAreCoveredAndLargerOnesOrNewNamesAreNot() {
    maxima.committed(monitor, BUCKET, max(50, 5));
    assertTrue(maxima.covers(monitor, BUCKET, max(50, 5)));
    assertTrue(maxima.covers(monitor, BUCKET, new JsonObject().put("depth", 10.0)));
    assertFalse(maxima.covers(monitor, BUCKET, max(51, 5)));
    assertFalse(maxima.covers(monitor, BUCKET, new JsonObject().put("retries", 1.0)));
    assertFalse(maxima.covers(UUID.randomUUID(), BUCKET, max(1, 1)), "another monitor");
  }

  @Test
  void commitsToOneBucketAddUpAndANewerBucketStartsAfresh() {
    maxima.committed(monitor, BUCKET, new JsonObject().put("depth", 50.0));
    maxima.committed(monitor, BUCKET, new JsonObject().put("age", 9.0).put("depth", 20.0));
    assertTrue(maxima.covers(monitor, BUCKET, max(50, 9)));

    maxima.committed(monitor, NEXT, new JsonObject().put("depth", 3.0));
    assertFalse(maxima.covers(monitor, BUCKET, max(1, 1)), "only the newest bucket is kept");
    assertFalse(maxima.covers(monitor, NEXT, max(3, 1)));
    assertTrue(maxima.covers(monitor, NEXT, new JsonObject().put("depth", 2.0)));

    maxima.committed(monitor, BUCKET, new JsonObject().put("depth", 999.0));
    assertFalse(maxima.covers(monitor, NEXT, new JsonObject().put("depth", 999.0)), "a late older bucket changes nothing");
  }

  @Test
  void aForgottenMonitorIsMergedInPostgresqlAgainAndOthersAreKept() {
    UUID other = UUID.randomUUID();
    maxima.committed(monitor, BUCKET, max(50, 5));
    maxima.committed(other, BUCKET, max(50, 5));
    maxima.forget(monitor);
    assertFalse(maxima.covers(monitor, BUCKET, max(1, 1)), "changed or deleted: nothing is known of it");
    assertTrue(maxima.covers(other, BUCKET, max(1, 1)));
  }

  private static JsonObject max(double depth, double age) {
    return new JsonObject().put("depth", depth).put("age", age);
  }
}
