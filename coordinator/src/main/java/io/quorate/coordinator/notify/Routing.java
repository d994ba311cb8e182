package io.quorate.coordinator.notify;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Which channels a notification goes to, and how soon.
 *
 * @param channelIds the channels to notify; empty means every channel
 * @param urgency {@value #PAGE}: send now, whatever the time; {@value #WORKING_HOURS}: a channel with working
 *     hours receives it at their next start when it arrives outside them
 */
public record Routing(List<UUID> channelIds, String urgency) {
  public static final String PAGE = "page";
  public static final String WORKING_HOURS = "working_hours";
  private static final Set<String> URGENCIES = Set.of(PAGE, WORKING_HOURS);

  public Routing {
    channelIds = List.copyOf(channelIds);
    Objects.requireNonNull(urgency, "urgency");
    if (!URGENCIES.contains(urgency)) {
      throw new IllegalArgumentException("urgency must be \"page\" or \"working_hours\", got " + urgency);
    }
  }

  /** Every channel, right away: what incidents used before routing existed. */
  public static Routing everyChannelNow() {
    return new Routing(List.of(), PAGE);
  }

  boolean waitsForWorkingHours() {
    return WORKING_HOURS.equals(urgency);
  }
}
