package io.quorate.coordinator.monitor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.UUID;
import java.util.function.Function;

/**
 * Announces monitor changes to every coordinator node over the clustered event bus, so probes connected
 * to any node get the change, whichever node's API made it. Only the id travels; each node reads the
 * monitor from PostgreSQL, the source of truth.
 */
public final class AssignmentBus {
  static final String ADDRESS = "quorate.monitor.changed";
  private final Vertx vertx;

  public AssignmentBus(Vertx vertx) {
    this.vertx = vertx;
  }

  public void announce(UUID monitorId) {
    vertx.eventBus().publish(ADDRESS, monitorId.toString());
  }

  /** @return completes once the subscription is known cluster-wide */
  public Future<MessageConsumer<String>> subscribe(Function<UUID, Future<Void>> onChange) {
    MessageConsumer<String> consumer = vertx.eventBus().consumer(ADDRESS, message -> onChange.apply(UUID.fromString(message.body())));
    return consumer.completion().map(consumer);
  }
}
