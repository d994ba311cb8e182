package io.quorate.coordinator.live;

import io.quorate.coordinator.db.AfterCommit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team events on the clustered event bus: every node publishes what it changed to one address, and every
 * node subscribes once and hands each event to its own listeners (the browsers connected to it). A change
 * decided on one node so reaches a browser connected to another. Events are published only after the
 * transaction that made the change committed, so a page that reads again on an event sees the change.
 */
public final class TeamEvents {
  static final String ADDRESS = "quorate.team.events";
  private static final Logger log = LoggerFactory.getLogger(TeamEvents.class);
  private final Vertx vertx;
  private final Clock clock;
  private final String node;
  private final Set<Consumer<TeamEvent>> listeners = new CopyOnWriteArraySet<>();

  public TeamEvents(Vertx vertx, Clock clock, String node) {
    this.vertx = vertx;
    this.clock = clock;
    this.node = node;
  }

  /** @return completes once this node receives the cluster's events */
  public Future<Void> start() {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(ADDRESS, message -> {
      TeamEvent event = TeamEvent.fromJson(message.body());
      for (Consumer<TeamEvent> listener : listeners) {
        try {
          listener.accept(event);
        } catch (RuntimeException e) { // one broken stream must not keep the event from the others
          log.warn("team event listener failed type={} error=\"{}\"", event.type(), e.toString());
        }
      }
    });
    return consumer.completion();
  }

  /** Publishes to every node now: for changes already committed. */
  public void publish(String type, UUID monitorId, Optional<UUID> incidentId) {
    TeamEvent event = new TeamEvent(type, monitorId, incidentId, clock.instant(), node);
    log.debug("team event type={} monitor={}", type, monitorId);
    vertx.eventBus().publish(ADDRESS, event.toJson());
  }

  /**
   * Publishes once the transaction {@code tx} belongs to has committed; nothing when it rolls back. Outside a
   * transaction, at once.
   */
  public void publishAfterCommit(SqlClient tx, String type, UUID monitorId, Optional<UUID> incidentId) {
    AfterCommit.run(tx, () -> publish(type, monitorId, incidentId));
  }

  /** @return removes the listener again */
  public Runnable listen(Consumer<TeamEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
