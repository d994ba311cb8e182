package io.quorate.coordinator.notify;

import static io.quorate.coordinator.db.Timestamps.utc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Queues a notification to channels, inside the caller's transaction: the incident change and its
 * deliveries commit together or not at all, so a crash can neither lose an alert nor send one for an
 * incident that was never stored.
 */
public final class DeliveryOutbox {
  private DeliveryOutbox() {}

  /** To every channel, right away. @return how many deliveries were queued */
  public static Future<Integer> enqueue(SqlClient tx, UUID incidentId, String event, JsonObject payload, Instant now) {
    return enqueue(tx, incidentId, event, payload, Routing.everyChannelNow(), now);
  }

  /**
   * To the routed channels. With urgency {@code working_hours}, a channel that has working hours and is
   * outside them gets its delivery due at their next start; every other delivery is due {@code now}. A
   * reminder is not queued to a channel that has one on its way for this incident, or got one less than half a
   * reminder period ago: a night of hourly reminders held for the morning arrives as one, not as a dozen
   * followed by a fresh one a minute later.
   *
   * @return how many deliveries were queued
   */
  public static Future<Integer> enqueue(SqlClient tx, UUID incidentId, String event, JsonObject payload, Routing routing,
      Instant now) {
    Future<Set<UUID>> waiting = AlertEvent.REMINDER.event().equals(event)
        ? channelsWithReminderWaiting(tx, incidentId, now) : Future.succeededFuture(Set.of());
    return waiting.compose(skip -> routedChannels(tx, routing).compose(channels -> {
      List<UUID> ids = new ArrayList<>();
      List<OffsetDateTime> due = new ArrayList<>();
      for (Row channel : channels) {
        if (!skip.contains(channel.getUUID("id"))) {
          ids.add(channel.getUUID("id"));
          due.add(utc(dueAt(channel, routing, now)));
        }
      }
      return ids.isEmpty() ? Future.succeededFuture(0) : insert(tx, "incident_id", incidentId, event, payload, now, ids, due);
    }));
  }

  private static Future<Set<UUID>> channelsWithReminderWaiting(SqlClient tx, UUID incidentId, Instant now) {
    return tx.preparedQuery("SELECT d.channel_id FROM deliveries d JOIN incidents i ON i.id = d.incident_id"
            + " JOIN monitors m ON m.id = i.monitor_id WHERE d.incident_id = $1 AND d.event = $2"
            + " AND (d.state = 'pending' OR d.state = 'delivered' AND d.delivered_at > $3::timestamptz"
            + "   - (m.alerting ->> 'remind_every_ms')::bigint / 2 * interval '1 millisecond')")
        .execute(Tuple.of(incidentId, AlertEvent.REMINDER.event(), utc(now)))
        .map(rows -> {
          Set<UUID> channels = new HashSet<>();
          rows.forEach(row -> channels.add(row.getUUID("channel_id")));
          return channels;
        });
  }

  /**
   * About a probe region, to the channels marked {@code operator_alerts}, right away: the people who run
   * Quorate, not the owners of the monitors.
   *
   * @return how many deliveries were queued
   */
  public static Future<Integer> enqueueToOperators(SqlClient tx, UUID regionIncidentId, String event,
      JsonObject payload, Instant now) {
    return tx.preparedQuery("SELECT id FROM channels WHERE (config ->> '" + Channel.OPERATOR_ALERTS + "')::boolean"
            + " ORDER BY id FOR KEY SHARE").execute()
        .compose(channels -> {
          List<UUID> ids = new ArrayList<>();
          List<OffsetDateTime> due = new ArrayList<>();
          channels.forEach(channel -> {
            ids.add(channel.getUUID("id"));
            due.add(utc(now));
          });
          return ids.isEmpty() ? Future.succeededFuture(0)
              : insert(tx, "region_incident_id", regionIncidentId, event, payload, now, ids, due);
        });
  }

  /** @param about the column naming what the deliveries are about: {@code incident_id} or {@code region_incident_id} */
  private static Future<Integer> insert(SqlClient tx, String about, UUID incidentId, String event, JsonObject payload,
      Instant now, List<UUID> channelIds, List<OffsetDateTime> due) {
    return tx.preparedQuery("INSERT INTO deliveries (id, channel_id, " + about + ", event, payload, state,"
            + " next_attempt_at, created_at) SELECT gen_random_uuid(), c.id, $1, $2, $3, 'pending', c.due, $4"
            + " FROM unnest($5::uuid[], $6::timestamptz[]) AS c (id, due)")
        .execute(Tuple.of(incidentId, event, payload, utc(now), channelIds.toArray(UUID[]::new),
            due.toArray(OffsetDateTime[]::new)))
        .map(RowSet::rowCount);
  }

  /**
   * FOR KEY SHARE keeps a channel from being deleted between this read and the insert, which would fail
   * the insert and with it the incident's transaction.
   */
  private static Future<RowSet<Row>> routedChannels(SqlClient tx, Routing routing) {
    return tx.preparedQuery("SELECT id, config -> 'working_hours' AS working_hours FROM channels"
            + " WHERE cardinality($1::uuid[]) = 0 OR id = ANY($1) ORDER BY id FOR KEY SHARE")
        .execute(Tuple.of(routing.channelIds().toArray(UUID[]::new)));
  }

  private static Instant dueAt(Row channel, Routing routing, Instant now) {
    Object hours = channel.getValue("working_hours");
    if (!routing.waitsForWorkingHours() || hours == null) {
      return now;
    }
    return WorkingHours.fromJson(hours, Channel.WORKING_HOURS).nextOpening(now);
  }
}
