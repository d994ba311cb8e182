package io.quorate.coordinator.quorum;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Five-minute rollups of the runs ({@code observation_rollups}): passed, failed and the largest value of each
 * named series per monitor and bucket, so a month of one monitor's chart reads at most 8,640 rows instead of
 * ~260,000 runs. Written by ingest in the transaction that stores the runs, with the monitors locked, so two
 * nodes never write one rollup row at once and a rollup never disagrees with the runs.
 */
public final class ObservationRollups {
  public static final Duration BUCKET = Duration.ofMinutes(5);

  private ObservationRollups() {}

  /** The start of the rollup bucket this instant falls in. */
  public static Instant bucketOf(Instant at) {
    long size = BUCKET.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
  }

  /** Adds these newly stored runs to their buckets, in one statement. */
  static Future<Void> add(SqlClient tx, List<ParsedObservation> fresh) {
    if (fresh.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<Key, Sum> sums = new TreeMap<>(); // one row per monitor and bucket, in a stable order
    for (ParsedObservation o : fresh) {
      sums.computeIfAbsent(new Key(o.monitorId(), bucketOf(o.observedAt())), k -> new Sum())
          .add(o.isDown(), ObservationJson.series(o.observation()));
    }
    int n = sums.size();
    UUID[] monitors = new UUID[n];
    OffsetDateTime[] buckets = new OffsetDateTime[n];
    Integer[] ups = new Integer[n];
    Integer[] downs = new Integer[n];
    String[] series = new String[n];
    int i = 0;
    for (Map.Entry<Key, Sum> entry : sums.entrySet()) {
      monitors[i] = entry.getKey().monitorId();
      buckets[i] = utc(entry.getKey().bucketStart());
      ups[i] = entry.getValue().up;
      downs[i] = entry.getValue().down;
      series[i] = entry.getValue().max.encode();
      i++;
    }
    return tx.preparedQuery("INSERT INTO observation_rollups AS r (monitor_id, bucket_start, up, down, series_max)"
            + " SELECT m, b, u, d, s::jsonb FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::text[])"
            + " AS x(m, b, u, d, s) ON CONFLICT (monitor_id, bucket_start) DO UPDATE SET up = r.up + EXCLUDED.up,"
            + " down = r.down + EXCLUDED.down, series_max = quorate_series_max(r.series_max, EXCLUDED.series_max)")
        .execute(Tuple.from(new Object[] {monitors, buckets, ups, downs, series}))
        .mapEmpty();
  }

  private record Key(UUID monitorId, Instant bucketStart) implements Comparable<Key> {
    Key {
      Objects.requireNonNull(monitorId);
    }

    @Override
    public int compareTo(Key other) {
      int byMonitor = monitorId.compareTo(other.monitorId);
      return byMonitor != 0 ? byMonitor : bucketStart.compareTo(other.bucketStart);
    }
  }

  private static final class Sum {
    private int up;
    private int down;
    private final JsonObject max = new JsonObject();

    void add(boolean isDown, JsonObject series) {
      if (isDown) {
        down++;
      } else {
        up++;
      }
      series.forEach(e -> {
        if (e.getValue() instanceof Number value) {
          Object before = max.getValue(e.getKey());
          if (!(before instanceof Number b) || value.doubleValue() > b.doubleValue()) {
            max.put(e.getKey(), value.doubleValue());
          }
        }
      });
    }
  }
}
