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
 * verdicts (older than {@code staleAfter}) and regions whose probes are degraded do not vote. A failing
 * region below quorum is named in the explanation, never hidden, and so is a region still confirming a
 * failure ("1 in a row, 2 needed").
 */
public final class QuorumPolicy {
  private QuorumPolicy() {}

  public static Decision decide(List<String> regions, int quorum, Map<String, RegionVerdict> verdicts,
      Instant now, Duration staleAfter, boolean incidentOpen) {
    return decide(regions, quorum, verdicts, now, staleAfter, incidentOpen, Map.of(), 1);
  }

  /**
   * @param excluded regions that do not vote whatever they report, with why (e.g. "probe disconnected")
   * @param confirmations failures in a row a region needs before it votes down, for the explanation
   */
  public static Decision decide(List<String> regions, int quorum, Map<String, RegionVerdict> verdicts,
      Instant now, Duration staleAfter, boolean incidentOpen, Map<String, String> excluded, int confirmations) {
    Votes votes = Votes.count(regions, verdicts, now, staleAfter, excluded);
    int total = regions.size();
    String reason = String.join("; ", votes.reasons);
    String downText = count(votes.down, total, "down");
    if (!incidentOpen && votes.down.size() >= quorum) {
      String agreement = downText + "; quorum " + quorum;
      return new Decision(Decision.Action.OPEN, agreement, agreement + ": incident open", votes.down, votes.up, reason);
    }
    if (incidentOpen && votes.up.size() >= quorum) {
      String agreement = count(votes.up, total, "up") + "; quorum " + quorum;
      return new Decision(Decision.Action.RESOLVE, agreement, agreement + ": incident resolved", votes.down, votes.up,
          reason);
    }
    String explanation = holdExplanation(votes, total, quorum, incidentOpen)
        + excludedText(votes.excluded, excluded, total) + failingText(votes.failing, verdicts, confirmations);
    return new Decision(Decision.Action.HOLD, explanation, explanation, votes.down, votes.up, reason);
  }

  /** Each region sorted into one pile, in the monitor's region order. */
  private record Votes(List<String> down, List<String> up, List<String> stale, List<String> excluded,
      List<String> failing, Set<String> reasons) {
    static Votes count(List<String> regions, Map<String, RegionVerdict> verdicts, Instant now, Duration staleAfter,
        Map<String, String> excludedRegions) {
      Votes votes = new Votes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>(), new LinkedHashSet<>());
      for (String region : regions) {
        RegionVerdict verdict = verdicts.get(region);
        if (excludedRegions.containsKey(region)) {
          votes.excluded.add(region);
        } else if (verdict == null) {
          continue;
        } else if (verdict.isStale(now, staleAfter)) {
          if (verdict.verdict() != Verdict.PENDING) {
            votes.stale.add(region);
          }
        } else if (verdict.verdict() == Verdict.DOWN) {
          votes.down.add(region);
          if (!verdict.reason().isBlank()) {
            votes.reasons.add(verdict.reason());
          }
        } else {
          if (verdict.verdict() == Verdict.UP) {
            votes.up.add(region);
          }
          if (verdict.lastOutcomeDown()) {
            votes.failing.add(region);
          }
        }
      }
      return votes;
    }
  }

  private static String holdExplanation(Votes votes, int total, int quorum, boolean incidentOpen) {
    int voting = total - votes.stale.size() - votes.excluded.size();
    if (voting < quorum) {
      List<String> silent = new ArrayList<>(votes.stale);
      silent.addAll(votes.excluded);
      String why = votes.excluded.isEmpty() ? "stale" : votes.stale.isEmpty() ? "excluded" : "stale or excluded";
      return "no quorum possible: " + count(silent, total, why) + "; quorum " + quorum
          + (incidentOpen ? ": incident stays open" : "");
    }
    if (incidentOpen) {
      return "incident open: " + count(votes.down, total, "down") + ", " + votes.up.size() + " up; " + quorum
          + " must be up to resolve";
    }
    if (!votes.down.isEmpty()) {
      return count(votes.down, total, "down") + ": below quorum " + quorum + ", no alert";
    }
    if (votes.up.isEmpty() && votes.failing.isEmpty()) {
      return "waiting for the first verdicts from " + total + (total == 1 ? " region" : " regions");
    }
    return count(votes.up, total, "up") + ", none down";
  }

  /** "; 1 excluded (ap-south: probe disconnected)" when excluded regions did not already explain the hold. */
  private static String excludedText(List<String> excludedRegions, Map<String, String> why, int total) {
    if (excludedRegions.isEmpty()) {
      return "";
    }
    List<String> named = excludedRegions.stream().map(r -> r + ": " + why.get(r)).toList();
    return "; " + excludedRegions.size() + " of " + total + " excluded (" + String.join(", ", named) + ")";
  }

  /** "; failing, not yet confirmed: ap-south (1 in a row, 2 needed)". */
  private static String failingText(List<String> failing, Map<String, RegionVerdict> verdicts, int confirmations) {
    if (failing.isEmpty()) {
      return "";
    }
    List<String> named = failing.stream().map(r -> r + " (" + verdicts.get(r).streak() + " in a row"
        + (verdicts.get(r).verdict() == Verdict.DOWN ? "" : ", " + confirmations + " needed") + ")").toList();
    return "; failing, not yet confirmed: " + String.join(", ", named);
  }

  private static String count(List<String> regions, int total, String what) {
    String names = regions.isEmpty() ? "" : " (" + String.join(", ", regions) + ")";
    return regions.size() + " of " + total + (total == 1 ? " region " : " regions ") + what + names;
  }
}
