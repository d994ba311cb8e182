package io.quorate.coordinator.quorum;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule that decides incidents, as a pure function so it can be tested as a table: an incident opens
 * when at least {@code quorum} regions vote DOWN and resolves when at least {@code quorum} vote UP. Stale
 * verdicts (older than {@code staleAfter}) do not vote. A failing region below quorum is named in the
 * explanation, never hidden.
 */
public final class QuorumPolicy {
  private QuorumPolicy() {}

  public static Decision decide(List<String> regions, int quorum, Map<String, RegionVerdict> verdicts,
      Instant now, Duration staleAfter, boolean incidentOpen) {
    List<String> down = new ArrayList<>();
    List<String> up = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    Set<String> reasons = new LinkedHashSet<>();
    for (String region : regions) {
      RegionVerdict verdict = verdicts.get(region);
      if (verdict == null || verdict.verdict() == Verdict.PENDING) {
        continue;
      }
      if (verdict.isStale(now, staleAfter)) {
        stale.add(region);
      } else if (verdict.verdict() == Verdict.DOWN) {
        down.add(region);
        if (!verdict.reason().isBlank()) {
          reasons.add(verdict.reason());
        }
      } else {
        up.add(region);
      }
    }
    String reason = String.join("; ", reasons);
    int total = regions.size();
    String downText = count(down, total, "down");
    if (!incidentOpen && down.size() >= quorum) {
      String agreement = downText + "; quorum " + quorum;
      return new Decision(Decision.Action.OPEN, agreement, agreement + ": incident open", down, reason);
    }
    if (incidentOpen && up.size() >= quorum) {
      String agreement = count(up, total, "up") + "; quorum " + quorum;
      return new Decision(Decision.Action.RESOLVE, agreement, agreement + ": incident resolved", down, reason);
    }
    String explanation = holdExplanation(down, up, stale, total, quorum, incidentOpen);
    return new Decision(Decision.Action.HOLD, explanation, explanation, down, reason);
  }

  private static String holdExplanation(List<String> down, List<String> up, List<String> stale, int total,
      int quorum, boolean incidentOpen) {
    int voting = total - stale.size();
    if (voting < quorum) {
      return "no quorum possible: " + count(stale, total, "stale") + "; quorum " + quorum
          + (incidentOpen ? ": incident stays open" : "");
    }
    if (incidentOpen) {
      return "incident open: " + count(down, total, "down") + ", " + up.size() + " up; " + quorum
          + " must be up to resolve";
    }
    if (!down.isEmpty()) {
      return count(down, total, "down") + ": below quorum " + quorum + ", no alert";
    }
    if (up.isEmpty()) {
      return "waiting for the first verdicts from " + total + (total == 1 ? " region" : " regions");
    }
    return count(up, total, "up") + ", none down";
  }

  private static String count(List<String> regions, int total, String what) {
    String names = regions.isEmpty() ? "" : " (" + String.join(", ", regions) + ")";
    return regions.size() + " of " + total + (total == 1 ? " region " : " regions ") + what + names;
  }
}
