package io.quorate.coordinator.heartbeat;

import io.quorate.coordinator.incident.AlertText;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The time up to which a quorum of regions has delivered every ping it received. Each probe node reports a
 * watermark ("every ping I received before T is stored"); a region's watermark is the lowest of its nodes'.
 * With {@code k} the quorum, this is the k-th highest region watermark, never later than now. With no
 * region reporting, only the coordinator's own pings exist, and they are stored before they are answered:
 * everything up to now is known.
 *
 * @param regionWatermarks the watermark of every region counted, by name
 * @param quorum how many regions had to agree
 */
public record KnownUntil(Instant at, Map<String, Instant> regionWatermarks, int quorum) {

  public KnownUntil {
    regionWatermarks = Map.copyOf(regionWatermarks);
  }

  /** @param quorum empty means a majority of the regions reporting */
  public static KnownUntil compute(Map<String, Instant> regionWatermarks, Optional<Integer> quorum, Instant now) {
    int regions = regionWatermarks.size();
    if (regions == 0) {
      return new KnownUntil(now, Map.of(), 0);
    }
    int k = Math.min(quorum.orElse(regions / 2 + 1), regions);
    List<Instant> newestFirst = regionWatermarks.values().stream().sorted(Comparator.reverseOrder()).toList();
    Instant at = newestFirst.get(k - 1);
    return new KnownUntil(at.isAfter(now) ? now : at, regionWatermarks, k);
  }

  /** Regions that have not yet delivered everything received before {@code deadline}, in name order. */
  public List<String> behind(Instant deadline) {
    return new TreeMap<>(regionWatermarks).entrySet().stream()
        .filter(e -> e.getValue().isBefore(deadline)).map(Map.Entry::getKey).toList();
  }

  /** e.g. "3 of 3 regions delivered every ping received before 2026-11-24 14:05:00 UTC; quorum 2". */
  public String agreement(Instant deadline) {
    if (regionWatermarks.isEmpty()) {
      return "no probe region reports pings: judged on the coordinator's own";
    }
    long delivered = regionWatermarks.values().stream().filter(w -> !w.isBefore(deadline)).count();
    List<String> behind = behind(deadline);
    return delivered + " of " + regionWatermarks.size() + " regions delivered every ping received before "
        + AlertText.time(deadline) + "; quorum " + quorum + (behind.isEmpty() ? "" : "; behind: " + String.join(", ", behind));
  }
}
