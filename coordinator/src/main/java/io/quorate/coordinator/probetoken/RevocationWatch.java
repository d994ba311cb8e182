package io.quorate.coordinator.probetoken;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the links of a revoked token on every coordinator node: the node that revokes it publishes its id on
 * the clustered event bus, and each node closes the links it holds with that token. A message can be lost
 * (a node joining, a partition), so each node also asks PostgreSQL every {@link #RECHECK_MS} whether a token
 * of its links has been revoked.
 */
public final class RevocationWatch {
  private static final Logger log = LoggerFactory.getLogger(RevocationWatch.class);
  static final String ADDRESS = "quorate.probe-token.revoked";
  static final long RECHECK_MS = 15_000;
  private final Vertx vertx;
  private final ProbeTokenStore tokens;
  private final Supplier<Set<UUID>> tokensInUse;
  private final Consumer<Set<UUID>> closeLinksOf;
  private MessageConsumer<String> consumer;
  private long timer = -1;

  /**
   * @param tokensInUse the enrollment tokens of this node's links
   * @param closeLinksOf ends this node's links that use one of these tokens
   */
  public RevocationWatch(Vertx vertx, ProbeTokenStore tokens, Supplier<Set<UUID>> tokensInUse,
      Consumer<Set<UUID>> closeLinksOf) {
    this.vertx = vertx;
    this.tokens = tokens;
    this.tokensInUse = tokensInUse;
    this.closeLinksOf = closeLinksOf;
  }

  /** @return completes once the subscription is known cluster-wide */
  public Future<Void> start() {
    consumer = vertx.eventBus().consumer(ADDRESS, message -> closeLinksOf.accept(Set.of(UUID.fromString(message.body()))));
    timer = vertx.setPeriodic(RECHECK_MS, id -> recheck());
    return consumer.completion();
  }

  /** Tells every node, this one included, to end the token's links. */
  public void announce(UUID tokenId) {
    vertx.eventBus().publish(ADDRESS, tokenId.toString());
  }

  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void recheck() {
    tokens.revokedAmong(tokensInUse.get())
        .onSuccess(revoked -> {
          if (!revoked.isEmpty()) {
            closeLinksOf.accept(revoked);
          }
        })
        .onFailure(error -> log.warn("revoked probe tokens not rechecked error={}", error.toString()));
  }
}
