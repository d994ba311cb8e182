package io.quorate.coordinator.notify;

import io.vertx.core.Future;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a channel works, from what its receiver answers: a permanent refusal marks it broken (once, with
 * one WARN line, however many deliveries are refused after that), and the next accepted delivery or test
 * alert clears the mark.
 */
public final class ChannelHealth {
  private static final Logger log = LoggerFactory.getLogger(ChannelHealth.class);
  private final ChannelStore channels;
  private final Clock clock;

  public ChannelHealth(ChannelStore channels, Clock clock) {
    this.channels = channels;
    this.clock = clock;
  }

  /** @param reason already free of the channel's secrets */
  public Future<Void> refusedForGood(Channel channel, String reason) {
    return channels.markBroken(channel.id(), reason, clock.instant()).map(marked -> {
      if (marked) {
        log.warn("channel broken, its receiver refuses deliveries channel={} type={} name=\"{}\" reason=\"{}\"",
            channel.id(), channel.type(), channel.name(), reason);
      }
      return null;
    });
  }

  public Future<Void> accepted(Channel channel) {
    if (channel.broken().isEmpty()) {
      return Future.succeededFuture(); // the common case costs no query
    }
    return channels.clearBroken(channel.id()).map(cleared -> {
      if (cleared) {
        log.info("channel works again channel={} type={} name=\"{}\"", channel.id(), channel.type(), channel.name());
      }
      return null;
    });
  }
}
