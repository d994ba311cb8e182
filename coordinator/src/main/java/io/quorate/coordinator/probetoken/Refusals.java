package io.quorate.coordinator.probetoken;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Refused probe links, as operators read them in {@code GET /probe-tokens}. Only the newest {@link #KEEP} are
 * kept: a retired probe retrying with a revoked token, or a stranger knocking, must not grow the table without
 * bound.
 */
public final class Refusals {
  static final int KEEP = 1000;
  private final Pool pool;

  public Refusals(Pool pool) {
    this.pool = pool;
  }

  /**
   * One refused link; {@code regionClaimed} is empty when the probe had not said which region, {@code message} is
   * what the probe was told.
   */
  public record Refusal(Instant at, String coordinatorNode, String remoteAddress, Optional<String> regionClaimed,
      Optional<UUID> tokenId, RefusalReason reason, String message) {}

  public Future<Void> record(Refusal refusal) {
    return pool.preparedQuery("WITH added AS (INSERT INTO probe_link_refusals (refused_at, coordinator_node,"
            + " remote_address, region_claimed, token_id, reason, detail) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id)"
            + " DELETE FROM probe_link_refusals WHERE id <= (SELECT id FROM added) - $8")
        .execute(Tuple.from(new Object[] {utc(refusal.at()), refusal.coordinatorNode(), refusal.remoteAddress(),
            refusal.regionClaimed().orElse(null), refusal.tokenId().orElse(null), refusal.reason().code(), refusal.message(), KEEP}))
        .mapEmpty();
  }

  /** Newest first. */
  public Future<List<Refusal>> recent(int limit) {
    return pool.preparedQuery("SELECT refused_at, coordinator_node, remote_address, region_claimed, token_id, reason, detail"
            + " FROM probe_link_refusals ORDER BY id DESC LIMIT $1")
        .execute(Tuple.of(limit))
        .map(rows -> {
          List<Refusal> out = new ArrayList<>();
          rows.forEach(row -> out.add(new Refusal(row.getOffsetDateTime("refused_at").toInstant(),
              row.getString("coordinator_node"), row.getString("remote_address"),
              Optional.ofNullable(row.getString("region_claimed")), Optional.ofNullable(row.getUUID("token_id")),
              RefusalReason.valueOf(row.getString("reason").toUpperCase(java.util.Locale.ROOT)),
              row.getString("detail"))));
          return out;
        });
  }
}
