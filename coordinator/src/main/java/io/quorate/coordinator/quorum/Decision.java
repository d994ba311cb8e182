package io.quorate.coordinator.quorum;

import java.util.List;

/**
 * What to do with a monitor's incident given the region verdicts, and why, in words a person reads.
 *
 * @param agreement who agrees, for alert text: "2 of 3 regions down (eu-west, us-east); quorum 2"
 * @param explanation the agreement and what follows from it: "…; quorum 2: incident open"
 * @param regionsDown fresh regions voting down, in the monitor's region order
 * @param regionsUp fresh regions voting up, in the monitor's region order
 * @param reason what the down regions report (for the incident and alert text); empty when none
 */
public record Decision(Action action, String agreement, String explanation, List<String> regionsDown,
    List<String> regionsUp, String reason) {
  public enum Action { OPEN, RESOLVE, HOLD }

  public Decision {
    regionsDown = List.copyOf(regionsDown);
    regionsUp = List.copyOf(regionsUp);
  }
}
