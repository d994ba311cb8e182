package io.quorate.coordinator.quorum;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Five-minute rollups of the runs ({@code observation_rollups}): passed, failed and the largest value of each
 * named series per monitor and bucket, so a month of one monitor's chart reads at most 8,640 rows instead of
 * ~260,000 runs. Written by ingest in the transaction that stores the runs, with the monitors locked, so two
 * nodes never write one rollup row at once and a rollup never disagrees with the runs. One per node: it
 * remembers the maxima it committed ({@link SeriesMaxima}).
 */
public final class ObservationRollups {
  public static final Duration BUCKET = Duration.ofMinutes(5);

  private final SeriesMaxima stored = new SeriesMaxima();

  /** The start of the rollup bucket this instant falls in. */
  public static Instant bucketOf(Instant at) {
    long size = BUCKET.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
  }

  /** A monitor's sums of one batch in one bucket, as {@link #add} wrote them. */
  record Added(UUID monitorId, Instant bucketStart, JsonObject seriesMax) {}

  /**
   * Adds these newly stored runs to their buckets, in one statement. A bucket whose series maxima this node
   * already knows to be stored ({@link SeriesMaxima}) is written with empty maxima, which the statement reads as
   * "keep the stored ones": an empty object is also what a run without series adds, and keeping is right then too.
   *
   * @return what was added, for {@link #committed} once the transaction commits
   */
  Future<List<Added>> add(SqlClient tx, List<ParsedObservation> fresh) {
    if (fresh.isEmpty()) {
      return Future.succeededFuture(List.of());
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
    List<Added> added = new ArrayList<>(n);
    int i = 0;
    for (Map.Entry<Key, Sum> entry : sums.entrySet()) {
      Key key = entry.getKey();
      JsonObject max = entry.getValue().max;
      boolean known = stored.covers(key.monitorId(), key.bucketStart(), max);
      monitors[i] = key.monitorId();
      buckets[i] = utc(key.bucketStart());
      ups[i] = entry.getValue().up;
      downs[i] = entry.getValue().down;
      series[i] = known ? "{}" : max.encode();
      added.add(new Added(key.monitorId(), key.bucketStart(), max));
      i++;
    }
    return tx.preparedQuery("INSERT INTO observation_rollups AS r (monitor_id, bucket_start, up, down, series_max)"
            + " SELECT m, b, u, d, s::jsonb FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::text[])"
            + " AS x(m, b, u, d, s) ON CONFLICT (monitor_id, bucket_start) DO UPDATE SET up = r.up + EXCLUDED.up,"
            + " down = r.down + EXCLUDED.down, series_max = CASE WHEN EXCLUDED.series_max = '{}'::jsonb"
            + " THEN r.series_max ELSE quorate_series_max(r.series_max, EXCLUDED.series_max) END")
        .execute(Tuple.from(new Object[] {monitors, buckets, ups, downs, series}))
        .map(added);
  }

  /** See {@link SeriesMaxima#forget}. */
  void forget(UUID monitorId) {
    stored.forget(monitorId);
  }

  /** Remembers the maxima of a committed {@link #add}, so later batches within them skip the merge. */
  void committed(List<Added> added) {
    added.forEach(a -> stored.committed(a.monitorId(), a.bucketStart(), a.seriesMax()));
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
