package io.quorate.coordinator.status;

import java.util.List;

/**
 * A component's state as the public sees it, with the symbol and word that show it (never colour alone).
 * Internal states are folded into these four, so the page never hints at how a monitor works.
 */
public enum PublicState {
  OPERATIONAL("operational", "✓", "Operational"),
  DEGRADED("degraded", "!", "Degraded"),
  OUTAGE("outage", "✕", "Outage"),
  UNKNOWN("unknown", "…", "No data");

  private final String label;
  private final String symbol;
  private final String word;

  PublicState(String label, String symbol, String word) {
    this.label = label;
    this.symbol = symbol;
    this.word = word;
  }

  public String label() {
    return label;
  }

  public String symbol() {
    return symbol;
  }

  public String word() {
    return word;
  }

  /**
   * From a monitor's state as the API shows it ({@code MonitorJson.state}): down (an open incident) is an
   * outage, a late heartbeat is degraded, a monitor without a verdict yet or paused has no data.
   */
  public static PublicState ofMonitorState(String state) {
    return switch (state) {
      case "down" -> OUTAGE;
      case "late" -> DEGRADED;
      case "up", "running" -> OPERATIONAL;
      default -> UNKNOWN;
    };
  }

  /**
   * The page's headline: an outage when every component that has data is down, degraded when some are down
   * or degraded, operational otherwise (also with no public components: nothing is reported down).
   */
  public static PublicState overall(List<PublicState> components) {
    List<PublicState> known = components.stream().filter(state -> state != UNKNOWN).toList();
    if (!known.isEmpty() && known.stream().allMatch(state -> state == OUTAGE)) {
      return OUTAGE;
    }
    return known.stream().anyMatch(state -> state == OUTAGE || state == DEGRADED) ? DEGRADED : OPERATIONAL;
  }
}
