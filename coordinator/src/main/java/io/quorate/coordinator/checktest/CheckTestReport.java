package io.quorate.coordinator.checktest;

import io.quorate.coordinator.quorum.ObservationJson;
import io.quorate.link.v1.Observation;
import io.quorate.link.v1.Outcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run-once test saw, region by region: each probe's outcome and condition lines, the probes that did
 * not answer in time, and the regions no probe could run it from.
 */
public record CheckTestReport(List<String> regions, List<ProbeResult> results, List<ProbeRef> unanswered) {

  public record ProbeResult(String region, String probeNode, Observation observation) {
    boolean passed() {
      return observation.getOutcome() == Outcome.OUTCOME_UP;
    }
  }

  public record ProbeRef(String region, String probeNode) {}

  public JsonObject toJson() {
    JsonArray resultsJson = new JsonArray();
    results.stream()
        .sorted(java.util.Comparator.comparing(ProbeResult::region).thenComparing(ProbeResult::probeNode))
        .forEach(r -> resultsJson.add(new JsonObject().put("region", r.region()).put("probe_node", r.probeNode())
            .mergeIn(ObservationJson.run(r.observation()))));
    JsonArray late = new JsonArray();
    unanswered.forEach(p -> late.add(new JsonObject().put("region", p.region()).put("probe_node", p.probeNode())));
    return new JsonObject()
        .put("summary", summary())
        .put("results", resultsJson)
        .put("unanswered", late)
        .put("regions_without_probe", new JsonArray(regionsWithoutProbe()));
  }

  /** E.g. "2 of 3 regions passed; failed: eu-west; no probe connected: ap-south". */
  public String summary() {
    Set<String> answered = results.stream().map(ProbeResult::region).collect(Collectors.toSet());
    Set<String> failed = results.stream().filter(r -> !r.passed()).map(ProbeResult::region)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    long passed = regions.stream().filter(answered::contains).filter(r -> !failed.contains(r)).count();
    StringBuilder text = new StringBuilder(passed + " of " + regions.size() + " regions passed");
    if (!failed.isEmpty()) {
      text.append("; failed: ").append(String.join(", ", failed));
    }
    List<String> late = unanswered.stream().map(ProbeRef::region).distinct().sorted().toList();
    if (!late.isEmpty()) {
      text.append("; no answer in time: ").append(String.join(", ", late));
    }
    List<String> missing = regionsWithoutProbe();
    if (!missing.isEmpty()) {
      text.append("; no probe connected: ").append(String.join(", ", missing));
    }
    return text.toString();
  }

  private List<String> regionsWithoutProbe() {
    Set<String> reached = results.stream().map(ProbeResult::region).collect(Collectors.toCollection(java.util.HashSet::new));
    unanswered.forEach(p -> reached.add(p.region()));
    return regions.stream().filter(r -> !reached.contains(r)).toList();
  }
}
