package io.quorate.coordinator.monitor;

/**
 * How many regions must agree: a fixed count ("2 of 3") or a share of the monitor's regions ("60%"), so a
 * percentage keeps its meaning when regions are added. Exactly one of the two is set.
 *
 * @param count regions that must agree, or 0 when {@code percent} is used
 * @param percent share of the regions, 1 to 100, rounded up to whole regions; 0 when {@code count} is used
 */
public record QuorumRule(int count, int percent) {
  public QuorumRule {
    if ((count > 0) == (percent > 0) || count < 0 || percent < 0 || percent > 100) {
      throw new IllegalArgumentException("a quorum is either a count or a percentage: count=" + count + " percent=" + percent);
    }
  }

  public static QuorumRule regions(int count) {
    return new QuorumRule(count, 0);
  }

  public static QuorumRule percent(int percent) {
    return new QuorumRule(0, percent);
  }

  /** The default: a strict majority of the regions. */
  public static QuorumRule majority(int regions) {
    return regions(regions / 2 + 1);
  }

  /** Regions that must agree out of {@code regions}: never fewer than one, never more than there are. */
  public int required(int regions) {
    int needed = count > 0 ? count : (int) Math.ceil(percent * regions / 100.0);
    return Math.max(1, Math.min(needed, regions));
  }

  /** As the API shows it: a number, or a string such as "60%". */
  public Object toJsonValue() {
    return count > 0 ? (Object) count : percent + "%";
  }
}
